// Package ui is Backroll's window: the move card, the breathing circle, the controls and the
// pages around a session. It is the only package that imports Fyne.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"backroll/data"
	"backroll/routine"
	"backroll/ui/i18n"
)

// AppID is the application ID, as in FyneApp.toml.
const AppID = "io.github.backroll_app.backroll"

// Options is what main hands the window: the loaded preferences and history, the sound engine,
// and what went wrong while loading them.
type Options struct {
	Prefs    *data.Store
	History  []data.Session
	Sound    Sound         // nil: silent, paced by a monotonic clock
	Notices  *Relay        // notices in words, shown once each as banners; may be nil
	Icon     fyne.Resource // the window icon
	StartNow bool          // open straight into a running session (once safety is read)
	Voice    FindVoice     // finds the speech engine; nil: tones only
	AtLogin  bool          // started by the desktop at login: stay in the tray if there is one
	Wake     <-chan bool   // a second launch asks the window to the front; true: and to start (--start)

	onThread func(func()) // hands work to Fyne's thread; nil is fyne.Do (tests queue it)
}

// Run opens the window and returns when it closes, with the preferences flushed to disk.
func Run(o Options) error {
	i18n.Use(string(o.Prefs.Get().Language))
	a := app.NewWithID(AppID)
	warm := warmTextFaces()
	if o.Icon != nil {
		a.SetIcon(o.Icon)
	}
	w := a.NewWindow("Backroll")
	<-warm // before the theme is set or any text measured here
	c := newCoachWindow(a, w, o)
	c.findVoice(o.Voice)
	size := o.Prefs.Get().Window
	w.Resize(fyne.NewSize(float32(size.Width), float32(size.Height)))
	w.SetOnClosed(func() { c.close() })
	stopWatching := watchSystem(func(e systemEvent) { fyne.Do(func() { c.onSystemEvent(e) }) })
	defer stopWatching()
	c.runReminders()
	inTray := c.setUpTray(a)
	w.SetMaster()
	if o.Wake != nil {
		go func() {
			for start := range o.Wake {
				fyne.Do(func() { c.wake(start) })
			}
		}()
	}
	if o.AtLogin && inTray {
		a.Run() // the window waits in the tray until asked for
	} else {
		w.ShowAndRun()
	}
	return o.Prefs.Close()
}

// warmTextFaces has Fyne load its text faces on another core while Fyne's thread opens the window.
// Fyne loads them at the first text it measures: its bundled font, parsed, and a system font for
// the language, looked up among the system's fonts (~30 ms here, more on a desktop with many
// fonts), all before the window can map. Fyne's font cache is safe for concurrent use; the
// goroutine touches no canvas object and reads the theme, so the caller waits for the returned
// channel before setting the theme.
func warmTextFaces() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} { // the styles of the first page
			fyne.MeasureText("Backroll", theme.DefaultTheme().Size(theme.SizeNameText), style)
		}
	}()
	return done
}

// newCoachWindow fills w and wires the keys; tests call it with Fyne's test app and window.
func newCoachWindow(a fyne.App, w fyne.Window, o Options) *coach {
	snd := o.Sound
	if snd == nil {
		snd = newSilentClock()
	}
	c := newCoach(a, w, snd, o.Prefs)
	if o.onThread != nil {
		c.onThread = o.onThread
	}
	c.history = o.History
	c.remind = newReminders(c)
	c.applyLook()
	c.pages = newPages(c)
	c.view = newSessionView(c)
	c.view.setPlan(c.session.Plan())
	c.view.showStep(c.session, 0)
	c.refreshSettings()
	w.SetContent(c.pages.root)
	w.Canvas().SetOnTypedKey(c.typedKey)
	w.Canvas().SetOnTypedRune(c.typedRune)
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { w.Close() })
	if o.Notices != nil {
		o.Notices.attach(c.pages.notify)
	}
	switch {
	case !o.Prefs.Get().SafetyAcknowledged:
		c.pages.safety.get().notHere.refresh()
		c.pages.show(pageSafety)
	case o.StartNow:
		c.start()
	default:
		c.pages.show(pageStart)
	}
	return c
}

// wake brings the window to the front for a second launch; launched with --start, it starts a
// session from the start page or resumes a paused one. The safety page stays until it is read.
func (c *coach) wake(start bool) {
	c.win.Show()
	c.win.RequestFocus()
	if !start || c.pages.dialog != nil {
		return
	}
	switch {
	case c.pages.current == pageStart:
		c.start()
	case c.pages.current == pageSession && c.session.State() == routine.Paused:
		c.togglePlay()
	}
}

// applyLook sets the theme from the preferences: forced light or dark, or the system's, and the
// user's text size.
func (c *coach) applyLook() {
	p := c.prefs.Get()
	c.app.Settings().SetTheme(&backrollTheme{choice: ThemeChoice(p.Theme), scale: float32(p.TextSize)})
	if c.pages == nil {
		return
	}
	// The drawings and the strip take their colours when drawn: draw them again.
	c.view.recolour()
	c.view.card.shown = routine.Step{}
	c.view.showStep(c.session, c.session.StepIndex())
	c.pages.refreshStart()
	if s, ok := c.pages.safety.built(); ok {
		s.notHere.refresh()
	}
}

// setTheme forces light or dark, or follows the system, and redraws what draws its own colours.
func (c *coach) setTheme(t ThemeChoice) {
	c.prefs.Update(func(p *data.Preferences) { p.Theme = data.Theme(t) })
	c.applyLook()
}

// setLanguage stores the language. It shows from the next start: the pages are built once, and
// rebuilding them mid-session would lose their state, so the start page says so in words.
func (c *coach) setLanguage(l data.Language) {
	if c.prefs.Get().Language == l {
		return
	}
	c.prefs.Update(func(p *data.Preferences) { p.Language = l })
	c.pages.start.get().restart.Show()
}

// setTextSize scales every text by f (0.8–1.6).
func (c *coach) setTextSize(f float64) {
	c.prefs.Update(func(p *data.Preferences) { p.TextSize = f })
	c.applyLook()
}

// close stops what runs and saves the window size; the caller flushes the preferences.
func (c *coach) close() {
	c.frames.Stop()
	c.cancelCountdown()
	c.stopReminders()
	inhibitScreensaver(false)
	// A session cut short by closing the window is saved before the process ends, after any
	// history write still queued.
	if (c.session.State() == routine.Running || c.session.State() == routine.Paused) && !c.saved {
		c.session.Pause()
		c.fillRecord(false)
		c.saved = true
		record := c.record
		c.writer.add(func() {
			if _, err := data.AppendSession(record); err != nil {
				fyne.LogError("saving the session", err)
			}
		})
	}
	c.writer.finish()
	if c.voice != nil {
		c.voice.Close()
	}
	size := c.win.Canvas().Size()
	c.prefs.Update(func(p *data.Preferences) {
		p.Window = data.Window{Width: int(size.Width), Height: int(size.Height)}
	})
}
