package sound

import (
	"io"
	"sync"
	"time"

	"backroll/routine"
)

// NoDeviceNotice is what the user is told, once, when there is no sound to be had.
const NoDeviceNotice = "No sound device found; the circle still paces you."

// device is an audio output as the Engine drives it; player.go makes one with oto.
type device interface {
	Play()          // pull from the synth and play
	Pause()         // stop playing and, once its buffer is full, stop pulling
	Unheard() int64 // samples pulled from the synth that the listener has not heard yet
	Rest(bool)      // nothing is to be heard for a while (clock stopped, or muted): it may power down
	Asleep() bool   // the device has powered down, and takes a while to wake when played
	Err() error     // non-nil once the device has failed
	Close() error
}

// opener opens a device that pulls from r; it may take a while, and runs off the UI path.
type opener func(r io.Reader) (device, error)

const (
	// monitorEvery is how often, while sound plays or fades, the Engine looks for a failed or
	// stalled device and for a fade that has finished.
	monitorEvery = 50 * time.Millisecond
	// stallLimit is how long the heard position may stand still while playing before the device
	// counts as failed (a wedged device would otherwise freeze the clock, and the circle). It is
	// counted in monitor rounds, not wall time, so a laptop waking from sleep is not a stall.
	stallLimit = 2 * time.Second
	// smoothing bridges the steps in which a device takes audio (a period of about 21 ms) with
	// wall time, so the clock glides rather than ticks.
	smoothing = 30 * time.Millisecond
	// wakeLimit is stallLimit for a device that has not yet taken audio since the sound
	// (re)started: waking from rest through PulseAudio was measured at about 2 s, and counting
	// that as a failure lost the sound for the rest of the session.
	wakeLimit = 6 * time.Second
	// wakeProof is how far the heard position must move before the device counts as awake: a
	// device waking from rest swallows a period or three at once and then blocks for seconds, and
	// that first step is not yet sound.
	wakeProof = 100 * time.Millisecond
)

// Engine plays the synthesiser on the sound device and is the session's routine.Clock.
//
// While sound plays, Now is the position the listener hears: samples the device pulled from the
// synth, less those it holds unplayed. While muted, with the breath style off and no cue
// sounding, or with no device, Now comes from a stopwatch, anchored at each hand-over so time
// runs on without a jump; when sound comes back the synth is moved to that time.
//
// Its methods are safe from any goroutine. None waits on the audio goroutine.
type Engine struct {
	synth  *Synth
	opened chan struct{} // closed once the device has been opened, or has failed to
	quit   chan struct{}
	wall   func() time.Time

	mu         sync.Mutex
	dev        device
	devErr     error
	watch      routine.Clock
	running    bool
	muted      bool
	style      routine.ToneStyle
	audio      bool     // Now follows the sound
	draining   bool     // the device plays out a fade before it pauses
	waking     bool     // the device plays silence until it proves awake; the watch keeps time
	loose      bool     // cues and phrases play while the clock stands still (see loose.go)
	looseAsked bool     // a cue or phrase came while the clock stood still
	wakeAsked  bool     // Wake asked for the device, whatever else is wanted
	onAwake    []func() // told once the device is awake, or has failed
	floor      time.Duration
	heard      time.Duration // the heard position when it last moved,
	heardWall  time.Time     // and when that was
	moving     bool          // the heard position has moved since the sound (re)started
	wakeFrom   time.Duration // the heard position when the sound (re)started
	checked    time.Duration // the heard position at the monitor's last round
	stillFor   int           // monitor rounds in which the heard position has not moved
	notice     string
	onNotice   func(string)
	monitoring bool
	closed     bool
}

// NewEngine returns a stopped engine at time 0 and starts opening the sound device in the
// background; until it opens, and if it never does, the engine keeps time with a stopwatch.
func NewEngine() *Engine {
	return newEngine(openOto, routine.NewStopwatch(), time.Now)
}

func newEngine(open opener, watch routine.Clock, wall func() time.Time) *Engine {
	s := NewSynth()
	s.gate.pos = 0 // silent until the clock starts
	s.Pause()
	e := &Engine{
		synth: s, opened: make(chan struct{}), quit: make(chan struct{}), wall: wall,
		watch: watch, style: routine.DefaultToneStyle,
	}
	go e.openDevice(open)
	return e
}

func (e *Engine) openDevice(open opener) {
	defer close(e.opened)
	dev, err := open(e.synth)
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		if dev != nil {
			dev.Close()
		}
		return
	}
	var tell func(string)
	if err != nil {
		e.devErr = err
		tell = e.setNotice()
	} else {
		e.dev = dev
		e.dev.Rest(e.resting())
		e.reconcile()
	}
	e.mu.Unlock()
	if tell != nil {
		tell(NoDeviceNotice)
	}
}

// Now returns the session time.
func (e *Engine) Now() time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.nowLocked()
}

func (e *Engine) nowLocked() time.Duration {
	if !e.audio {
		return e.watch.Now()
	}
	return e.heardNow()
}

// heardNow is the time the listener hears, never going back except by Set.
func (e *Engine) heardNow() time.Duration {
	heard := e.heardRaw()
	wall := e.wall()
	if heard != e.heard {
		e.heard, e.heardWall, e.moving = heard, wall, true
	}
	if e.moving {
		heard += min(wall.Sub(e.heardWall), smoothing)
	}
	t := max(heard, e.floor)
	e.floor = t
	return t
}

// heardRaw is the synth position the listener hears: what it made, less what the device holds.
func (e *Engine) heardRaw() time.Duration {
	return timeAt(max(e.synth.Position()-e.dev.Unheard(), 0))
}

// Start runs the clock, and the sound with it.
func (e *Engine) Start() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.running {
		return
	}
	e.running = true
	e.watch.Start()
	e.looseAsked = false
	asleep := false
	if e.dev != nil {
		asleep = e.dev.Asleep()
		e.dev.Rest(e.resting())
	}
	switch {
	case (asleep || e.waking) && !e.muted:
		// Waking can take seconds: rather than hold the clock (and the circle) still that
		// long, time runs on the watch and the sound joins it once the device takes audio.
		// With the breath silent too, so that a cue soon after is not what wakes it: the
		// clock would follow a device that takes nothing yet.
		e.wake()
	case !e.soundWanted():
		e.reconcile()
	default:
		e.endLoose()
		e.enterAudio(false) // from a standstill the clock may wait for the sound to arrive
	}
}

// Stop pauses the clock; the sound fades out and the device stops pulling audio.
func (e *Engine) Stop() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.running {
		return
	}
	e.running = false
	e.reconcile() // hands the time to the watch before it stops
	e.watch.Stop()
	if e.dev != nil {
		e.dev.Rest(true)
	}
}

// resting is when the device may power down: the clock stands still, or everything is muted.
// Muted, the clock runs on the watch and oto would feed the device silence all the while (about
// 5 % of a core here); unmuting wakes it as Start does, the watch keeping time meanwhile.
func (e *Engine) resting() bool { return !e.running || e.muted }

// Set moves the clock to t, keeping whether it runs; playing sound fades and jumps there.
func (e *Engine) Set(t time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.watch.Set(t)
	if e.audio {
		e.enterAudio(true)
	}
}

// SetPace sets the breath timeline the tone follows (a session's Pace()).
func (e *Engine) SetPace(p *routine.Pace) { e.synth.SetPace(p) }

// SetVolume sets the volume, 0–100.
func (e *Engine) SetVolume(v int) { e.synth.SetVolume(v) }

// SetMuted silences everything; the clock carries on from a stopwatch.
func (e *Engine) SetMuted(m bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.muted = m
	e.synth.SetMuted(m)
	if e.dev != nil {
		e.dev.Rest(e.resting())
	}
	e.reconcile()
}

// SetStyle sets how the breath sounds.
func (e *Engine) SetStyle(s routine.ToneStyle) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.style = s
	e.synth.SetStyle(s)
	e.reconcile()
}

// Cue plays c now, over the breath, or alone while the clock stands still (a count before the
// session goes on, the end of the routine). Cues are dropped while muted, without a device, or
// while the device wakes: a cue heard late is worse than none.
func (e *Engine) Cue(c Cue) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.muted || e.dev == nil {
		return
	}
	e.synth.Cue(c)
	e.looseAsked = !e.running
	e.reconcile()
}

// Say schedules phrases on the timeline (see ScriptEvent). Like cues, they play while the clock
// stands still, and are dropped while muted or without a device.
func (e *Engine) Say(lines []Utterance) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.muted || e.dev == nil || len(lines) == 0 {
		return
	}
	e.synth.Say(lines)
	e.looseAsked = !e.running
	e.reconcile()
}

// SetVoiceVolume sets the voice's volume, 0–100, relative to the app's volume.
func (e *Engine) SetVoiceVolume(v int) { e.synth.SetVoiceVolume(v) }

// OnNotice sets f to be told, once, in words, when sound is unavailable. If that is already known,
// f is called at once; otherwise later, from a background goroutine.
func (e *Engine) OnNotice(f func(string)) {
	e.mu.Lock()
	e.onNotice = f
	notice := e.notice
	e.mu.Unlock()
	if notice != "" && f != nil {
		f(notice)
	}
}

// Notice returns the notice given so far, or "".
func (e *Engine) Notice() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.notice
}

// DeviceError returns why the sound device could not be used, or nil: for logs, not for users.
func (e *Engine) DeviceError() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.devErr
}

// Close releases the device. The engine keeps time with its stopwatch afterwards.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	close(e.quit)
	return e.dropDevice()
}

// setNotice records the notice and returns whom to tell, or nil when it was told before.
func (e *Engine) setNotice() func(string) {
	if e.notice != "" {
		return nil
	}
	e.notice = NoDeviceNotice
	if e.onNotice == nil {
		return nil
	}
	return e.onNotice
}

// soundWanted says whether the listener should be hearing the synth now.
func (e *Engine) soundWanted() bool {
	return e.dev != nil && e.running && !e.muted && (styleIDOf(e.style) != silent || e.synth.Ringing())
}

// reconcile hands the clock between sound and stopwatch when what should be heard has changed.
func (e *Engine) reconcile() {
	want := e.soundWanted()
	loose := e.looseWanted()
	if !loose {
		e.looseAsked = false
	}
	switch {
	case e.waking:
		if !want && !loose && !e.wakeAsked {
			e.waking = false
			e.dev.Pause()
		}
		return // until the device is awake, the watch keeps time and nothing is heard
	case want && !e.audio && e.dev.Asleep():
		// Unmuted while the device rests: the watch keeps time until it takes audio (wake.go).
		e.wake()
		return
	case want && !e.audio:
		e.endLoose()
		e.enterAudio(true)
	case !want && e.audio:
		e.leaveAudio()
	}
	switch {
	case loose && !e.loose:
		e.startLoose()
	case !loose && e.loose:
		e.endLoose()
	}
}

// enterAudio starts (or restarts) the sound at the watch's time. When time is already running
// (lead), the synth jumps ahead by what the device still holds, so that the new sound reaches the
// ear just as the clock gets there. On Start the clock simply waits for the sound to reach the
// ear instead, so the breath is heard from exactly where it stands.
func (e *Engine) enterAudio(lead bool) {
	t := e.watch.Now()
	target := samplesIn(t)
	if lead {
		target += e.dev.Unheard()
	}
	e.synth.HoldBreath(false)
	e.synth.SeekTo(target)
	e.synth.Resume()
	e.dev.Play()
	e.audio, e.draining = true, false
	e.floor, e.heard, e.heardWall, e.moving = t, e.heardRaw(), e.wall(), false
	e.watchFromHere()
	e.startMonitor()
}

// leaveAudio hands the time to the watch and lets the sound fade out; the monitor pauses the
// device once the fade has been heard.
func (e *Engine) leaveAudio() {
	e.watch.Set(e.heardNow())
	e.audio, e.draining = false, true
	e.synth.Pause()
	e.startMonitor()
}

// dropDevice closes the device, handing the time to the watch.
func (e *Engine) dropDevice() error {
	if e.dev == nil {
		return nil
	}
	if e.audio {
		e.watch.Set(e.heardNow())
	}
	err := e.dev.Close()
	e.dev, e.audio, e.draining, e.waking, e.loose, e.looseAsked, e.wakeAsked = nil, false, false, false, false, false, false
	return err
}

func (e *Engine) startMonitor() {
	if e.monitoring || e.closed {
		return
	}
	e.monitoring = true
	go e.monitor()
}

// monitor runs while sound plays or fades, and only then, so an idle app costs no CPU.
func (e *Engine) monitor() {
	tick := time.NewTicker(monitorEvery)
	defer tick.Stop()
	for {
		select {
		case <-e.quit:
			return
		case <-tick.C:
		}
		e.mu.Lock()
		tell := e.check()
		awake := e.takeAwake()
		busy := e.audio || e.draining || e.waking || e.loose
		if !busy {
			e.monitoring = false
		}
		e.mu.Unlock()
		if tell != nil {
			tell(NoDeviceNotice)
		}
		for _, ready := range awake {
			ready()
		}
		if !busy {
			return
		}
	}
}

// check looks after a playing device: failure, a stall, a cue that has rung out, a finished fade.
func (e *Engine) check() (tell func(string)) {
	if e.dev == nil {
		return nil
	}
	failed := e.dev.Err()
	if failed == nil && e.waking {
		failed = e.checkWaking()
	}
	if failed == nil && e.audio && e.running {
		// Compared with the last round, not with e.heard: Now, called from other goroutines,
		// moves e.heard too, and would hide the movement from this check.
		e.heardNow()
		limit := stallLimit
		if e.heard-e.wakeFrom < wakeProof {
			limit = wakeLimit
		}
		if e.heard != e.checked {
			e.checked, e.stillFor = e.heard, 0
		} else if e.stillFor++; e.stillFor > int(limit/monitorEvery) {
			failed = errStalled
		}
	}
	if failed != nil {
		e.devErr = failed
		e.dropDevice()
		return e.setNotice()
	}
	e.reconcile()
	if e.draining && e.synth.Position()-e.dev.Unheard() >= e.synth.quietFrom() {
		// Everything still buffered is silence, so stopping here cannot click.
		e.dev.Pause()
		e.draining = false
	}
	return nil
}

type stalledError struct{}

func (stalledError) Error() string { return "the sound device stopped taking audio" }

var errStalled error = stalledError{}
