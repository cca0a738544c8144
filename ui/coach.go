package ui

import (
	"log"
	"time"

	"fyne.io/fyne/v2"

	"backroll/data"
	"backroll/routine"
	"backroll/sound"
)

// Sound is what the window needs of the sound engine: the session's one clock, and the tones.
// sound.Engine is the real one; tests may drive a fake clock through the same interface.
type Sound interface {
	routine.Clock
	SetPace(*routine.Pace)
	SetVolume(int)
	SetMuted(bool)
	SetStyle(routine.ToneStyle)
	Cue(sound.Cue)
	Say([]sound.Utterance)
	SetVoiceVolume(int)
	// Wake readies a rested device and calls ready, from any goroutine, once it can sound.
	Wake(ready func())
}

// Preferences is what the window needs of the settings store: read, change (saved debounced).
type Preferences interface {
	Get() data.Preferences
	Update(func(*data.Preferences))
}

// checkInShown is how long an unanswered check-in stays on screen.
const checkInShown = 10 * time.Second

// nextShownFor is how long before a step ends the "Next:" line appears.
const nextShownFor = 15 * time.Second

// coach runs one window: it owns the session, follows its events, and keeps every view in step.
// All of its methods run on Fyne's thread.
type coach struct {
	app   fyne.App
	win   fyne.Window
	sound Sound
	prefs Preferences
	now   func() time.Time // wall clock for history records
	// onThread runs work that finished elsewhere on Fyne's thread: fyne.Do. Tests queue it
	// instead (Options.onThread), because Fyne's test driver runs fyne.Do on the calling goroutine.
	onThread func(func())
	writer   *historyWriter

	history  []data.Session // every recorded session, for the week's count
	session  *routine.Session
	frames   *fyne.Animation
	lastDraw time.Time    // wall time of the last frame drawn
	record   data.Session // the history record of the session in progress
	saved    bool         // the record has been written

	pages   *pages
	view    *sessionView
	floor   bool // full-screen floor mode
	checkIn checkInState

	voice    *sound.Voice      // nil until an engine is found, and without one
	voiceWhy string            // why there is no voice, once the search has ended
	spoken   map[string]string // each line's English (routine's) to what the voice says, prepared

	// Pausing and going on (countdown.go), reminders (reminders.go).
	pausedAt  time.Time     // wall time the session paused; zero while it runs
	count     countdown     // the 3-2-1, while it runs
	countStep time.Duration // each count's length; tests shorten it
	wakeWait  time.Duration // the longest the 3-2-1 waits for the sound to wake; tests change it
	remind    *reminders
	tray      *tray // nil without a tray host
}

// toThread hands work to Fyne's thread: onThread as a method value, for views built before it is set.
func (c *coach) toThread(f func()) { c.onThread(f) }

// checkInState is the 20-second check-in on screen, if any.
type checkInState struct {
	open  bool
	until time.Duration // session time when an unanswered check-in fades
	move  routine.Move
}

func newCoach(a fyne.App, w fyne.Window, s Sound, p Preferences) *coach {
	c := &coach{app: a, win: w, sound: s, prefs: p, now: time.Now, onThread: fyne.Do, writer: newHistoryWriter(),
		countStep: countdownStep, wakeWait: wakeWait}
	c.frames = fyne.NewAnimation(time.Second, func(float32) { c.frame() })
	c.frames.RepeatCount = fyne.AnimationRepeatForever
	c.frames.Curve = fyne.AnimationLinear
	c.applySoundPrefs()
	c.session = routine.NewSession(c.plan(), s)
	return c
}

// plan is the routine as the current preferences shape it.
func (c *coach) plan() routine.Plan {
	p := c.prefs.Get()
	return routine.NewAdjustedPlan(p.Pattern, p.Roller, p.RoutineOn(c.now()))
}

func (c *coach) applySoundPrefs() {
	p := c.prefs.Get()
	c.sound.SetVolume(p.Volume)
	c.sound.SetMuted(p.Muted)
	c.sound.SetStyle(p.ToneStyle)
	c.sound.SetVoiceVolume(p.VoiceVolume)
}

// running reports whether frames should be drawn: a session runs and its screen is showing.
func (c *coach) running() bool {
	return c.session.State() == routine.Running && c.pages.current == pageSession
}

// syncFrames starts the frame loop while something moves and stops it otherwise: an idle
// window costs no CPU.
func (c *coach) syncFrames() {
	if c.running() {
		c.frames.Start()
	} else {
		c.frames.Stop()
	}
}

// drawEvery spaces the circle's redraws. Fyne repaints the whole window for any change, which a
// software renderer pays for in full; a breath moves slowly enough that 25 frames a second are as
// smooth to the eye as 60, at well under half the cost.
const drawEvery = 40 * time.Millisecond

// frame runs once per display frame while the session runs: events every time, drawing at most
// every drawEvery.
func (c *coach) frame() {
	c.dispatch(c.session.Advance())
	if now := time.Now(); now.Sub(c.lastDraw) >= drawEvery {
		c.lastDraw = now
		c.draw()
	}
}

// dispatch reacts to the session's events: the views and the cues follow the session, never
// each other.
func (c *coach) dispatch(events []routine.Event) {
	for _, e := range events {
		switch e.Kind {
		case routine.StepStarted:
			c.view.showStep(c.session, e.Step)
			if e.At > 0 || e.Step > 0 {
				c.sound.Cue(sound.NextMove)
			}
			c.speak(e)
			c.closeCheckIn()
		case routine.SidesSwitched:
			c.view.showStep(c.session, e.Step)
			c.sound.Cue(sound.SwitchSides)
			c.speak(e)
			c.closeCheckIn()
		case routine.CheckInDue:
			c.openCheckIn(e)
			c.speak(e)
		case routine.PatternChanged:
			c.sound.SetPace(c.session.Pace())
		case routine.Finished:
			c.sound.Cue(sound.Finished)
			c.speak(e)
			c.finish(true)
			return
		}
	}
}

// draw updates what moves: the circle every frame, the clocks when their text changes.
func (c *coach) draw() {
	s := c.session
	b := s.Breath()
	c.view.circle.SetBreath(b, s.State() == routine.Paused)
	c.view.showTimes(s, nextShownFor)
	if c.checkIn.open && s.Now() >= c.checkIn.until {
		c.closeCheckIn()
	}
}

// start begins a new session from the start page.
func (c *coach) start() {
	c.session = routine.NewSession(c.plan(), c.sound)
	c.record = data.Session{Start: c.now(), Roller: c.prefs.Get().Roller, Pattern: c.prefs.Get().Pattern,
		TotalSteps: len(c.session.Plan().Steps), CheckIns: map[string]data.Answer{}}
	c.saved = false
	c.cancelCountdown()
	c.view.overlay.hide()
	c.pausedAt = time.Time{}
	c.pages.show(pageSession)
	c.session.Start()
	c.view.setPlan(c.session.Plan())
	c.prepareVoice()
	c.frame()
	c.syncFrames()
	inhibitScreensaver(true)
}

// togglePlay pauses or resumes; on the start page it starts.
func (c *coach) togglePlay() {
	switch c.pages.current {
	case pageStart:
		c.start()
		return
	case pageSession:
	default:
		return
	}
	if c.session.State() == routine.Paused {
		c.resume()
		return
	}
	c.session.Toggle()
	c.notePaused()
	c.afterAction()
}

// afterAction brings the views up to date after a user action, even while paused.
func (c *coach) afterAction() {
	c.dispatch(c.session.Advance())
	if c.pages.current == pageSession {
		c.draw()
		c.view.showPlaying(c.session.State() == routine.Running)
	}
	c.syncFrames()
	inhibitScreensaver(c.session.State() == routine.Running)
}

func (c *coach) skip() {
	c.session.Skip()
	c.afterAction()
}

func (c *coach) back() {
	c.session.Back()
	c.afterAction()
}

func (c *coach) restart() {
	if c.pages.current != pageSession {
		return
	}
	c.session.Restart()
	c.afterAction()
}

// jumpToMove goes to the first step of move i (0–5).
func (c *coach) jumpToMove(i int) {
	starts := c.session.Plan().MoveIndex()
	if i >= 0 && i < len(starts) {
		c.session.JumpTo(starts[i])
		c.afterAction()
	}
}

// setPattern stores the user's own pattern; the session breathes it, shaped by the roller mode,
// from the next breath.
func (c *coach) setPattern(p routine.Pattern) {
	p = p.Clamp()
	if c.prefs.Get().Pattern == p {
		return
	}
	c.prefs.Update(func(pr *data.Preferences) { pr.Pattern = p })
	c.session.SetPattern(c.prefs.Get().Roller.Shape(p))
	c.afterAction()
	c.refreshSettings()
}

// nudgePace makes every phase of the breath slower (+) or faster (-) by half a second.
func (c *coach) nudgePace(delta float64) {
	p := c.prefs.Get().Pattern
	p.Inhale += delta
	p.Exhale += delta * 1.5 // keep the exhale the longer one
	c.setPattern(p)
}

func (c *coach) setRoller(r routine.Roller) {
	if c.prefs.Get().Roller == r {
		return
	}
	c.prefs.Update(func(pr *data.Preferences) { pr.Roller = r })
	c.record.Roller = r
	if c.session.State() == routine.Ready || c.session.State() == routine.Done {
		c.session = routine.NewSession(c.plan(), c.sound)
	} else {
		c.session.SetPlan(c.plan())
		c.view.setPlan(c.session.Plan())
		c.view.showStep(c.session, c.session.StepIndex())
	}
	c.prepareVoice()
	c.afterAction()
	c.refreshSettings()
}

func (c *coach) cycleRoller() { c.setRoller(c.prefs.Get().Roller.Next()) }

func (c *coach) setVolume(v int) {
	v = min(max(v, 0), 100)
	c.prefs.Update(func(p *data.Preferences) { p.Volume = v })
	c.sound.SetVolume(v)
	c.refreshSettings()
}

func (c *coach) toggleMute() {
	muted := !c.prefs.Get().Muted
	c.prefs.Update(func(p *data.Preferences) { p.Muted = muted })
	c.sound.SetMuted(muted)
	c.refreshSettings()
}

func (c *coach) setToneStyle(t routine.ToneStyle) {
	c.prefs.Update(func(p *data.Preferences) { p.ToneStyle = t })
	c.sound.SetStyle(t)
	c.refreshSettings()
}

func (c *coach) refreshSettings() {
	if c.view != nil {
		on, line := c.voiceStatus()
		c.view.controls.refresh(c.prefs.Get(), c.session.Plan(), on, line)
	}
	c.pages.refreshStart()
}

// stop pauses and asks whether to end the session, with the stop signs.
func (c *coach) stop() {
	if c.pages.current != pageSession || c.session.State() == routine.Done {
		return
	}
	c.cancelCountdown()
	c.view.overlay.hide()
	c.session.Pause()
	c.notePaused()
	c.afterAction()
	c.pages.showStopDialog()
}

// keepGoing closes the stop dialog and resumes the session.
func (c *coach) keepGoing() {
	c.pages.closeDialog()
	c.resume()
}

// endEarly closes the stop dialog, ends the session now and saves it as stopped early.
func (c *coach) endEarly() {
	c.pages.closeDialog()
	c.finish(false)
}

// finish saves the record and shows the finish page.
func (c *coach) finish(completed bool) {
	if c.session.State() != routine.Done {
		c.session.Pause()
	}
	c.frames.Stop()
	inhibitScreensaver(false)
	c.closeCheckIn()
	c.fillRecord(completed)
	if !c.saved {
		c.saved = true
		c.history = append(c.history, c.record)
		record := c.record
		c.saveHistory(func() ([]data.Notice, error) { return data.AppendSession(record) })
	}
	c.pages.showFinish(c.record)
}

// fillRecord completes the history record from the session as it stands.
func (c *coach) fillRecord(completed bool) {
	c.record.Seconds = int(c.session.Now().Round(time.Second) / time.Second)
	c.record.StepsDone = c.session.Completed()
	// Skipping through every step reaches the end but is not a finished routine.
	c.record.Finished = completed && c.record.StepsDone > 0
}

// setFeeling records the finish page's answer on the session's history record.
func (c *coach) setFeeling(f data.Feeling) {
	c.record.Feeling = f
	if n := len(c.history); n > 0 && c.history[n-1].Start.Equal(c.record.Start) {
		c.history[n-1].Feeling = f
	}
	c.saveHistory(func() ([]data.Notice, error) { return data.SetFeeling(c.record.Start, f) })
}

// saveHistory writes history off Fyne's thread, in order: a slow disk must not stall the window.
func (c *coach) saveHistory(write func() ([]data.Notice, error)) {
	c.writer.add(func() {
		notices, err := write()
		c.onThread(func() {
			for _, n := range notices {
				log.Print("Backroll: ", n.Text)
				c.pages.notify(noticeWords(n))
			}
			if err != nil {
				log.Print("Backroll: ", err)
				c.pages.notify(errorWords(err))
			}
			c.pages.refreshStart()
		})
	})
}

func (c *coach) openCheckIn(e routine.Event) {
	st := c.session.Plan().Steps[e.Step]
	c.checkIn = checkInState{open: true, until: e.At + checkInShown, move: st.Move}
	c.sound.Cue(sound.CheckIn)
	c.view.checkIn.ask(st.Move)
}

func (c *coach) closeCheckIn() {
	if c.checkIn.open {
		c.checkIn.open = false
		c.view.checkIn.hide()
	}
}

// answerCheckIn records the answer; "spiking" keeps the banner up with the kinder fix.
func (c *coach) answerCheckIn(a data.Answer) {
	if !c.checkIn.open {
		return
	}
	c.record.CheckIns[c.checkIn.move.ID] = a
	if a == data.Spiking {
		c.checkIn.until = c.session.Now() + 2*checkInShown
		c.view.checkIn.advise(c.checkIn.move, c.prefs.Get().Roller != routine.Soft)
		return
	}
	c.view.checkIn.thank(a)
	c.checkIn.until = c.session.Now() + 2*time.Second
}

// toggleFloor switches full-screen floor mode: only the circle, the move, the side and the time.
func (c *coach) toggleFloor() {
	c.setFloor(!c.floor)
}

func (c *coach) setFloor(on bool) {
	c.floor = on
	c.win.SetFullScreen(on)
	if c.view != nil {
		c.view.setFloor(on)
	}
}
