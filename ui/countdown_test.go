package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backroll/routine"
	"backroll/sound"
)

// wallClock gives the harness a wall clock the test moves.
func wallClock(h *harness) *time.Time {
	wall := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	h.c.now = func() time.Time { return wall }
	return &wall
}

func ticks(cues []sound.Cue) int {
	n := 0
	for _, c := range cues {
		if c == sound.Tick {
			n++
		}
	}
	return n
}

func TestLongPauseResumesAfterA321(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	wall := wallClock(h)
	h.c.countStep = 20 * time.Millisecond
	h.key(fyne.KeyReturn)
	h.advance(3 * time.Second)
	h.key(fyne.KeySpace)
	*wall = wall.Add(2 * time.Second) // a short pause: Space goes on at once
	h.key(fyne.KeySpace)
	if h.c.session.State() != routine.Running || h.c.view.overlay.root.Visible() {
		t.Fatalf("after a 2 s pause: %v, overlay shown %v", h.c.session.State(), h.c.view.overlay.root.Visible())
	}
	h.key(fyne.KeySpace)
	*wall = wall.Add(time.Minute)
	h.key(fyne.KeySpace)
	h.pump()
	if h.c.session.State() != routine.Paused || h.c.view.overlay.number.Text != "3" || !h.c.view.overlay.root.Visible() {
		t.Fatalf("after a minute's pause Space shows %q, state %v", h.c.view.overlay.number.Text, h.c.session.State())
	}
	h.waitFor("the 3-2-1 to end", func() bool { return h.c.session.State() == routine.Running })
	if h.c.view.overlay.root.Visible() || ticks(h.sound.cues) != 3 {
		t.Fatalf("after the count: overlay %v, %d ticks", h.c.view.overlay.root.Visible(), ticks(h.sound.cues))
	}
}

func TestSpaceDuringThe321StaysPaused(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	wall := wallClock(h)
	h.c.countStep = time.Hour // the count stands still until the test acts
	h.key(fyne.KeyReturn)
	h.key(fyne.KeySpace)
	*wall = wall.Add(time.Minute)
	h.key(fyne.KeySpace)
	h.key(fyne.KeySpace)
	if h.c.session.State() != routine.Paused || h.c.count.left != 0 || h.c.view.overlay.number.Visible() {
		t.Fatalf("Space during the count: %v, count %d", h.c.session.State(), h.c.count.left)
	}
	h.c.countStep = 10 * time.Millisecond
	h.key(fyne.KeySpace) // the pause is still long: count again
	h.waitFor("the session to go on", func() bool { return h.c.session.State() == routine.Running })
}

func TestThe321CanBeTurnedOff(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	wall := wallClock(h)
	h.c.setResumeCountdown(false)
	h.key(fyne.KeyReturn)
	h.key(fyne.KeySpace)
	*wall = wall.Add(time.Minute)
	h.key(fyne.KeySpace)
	if h.c.session.State() != routine.Running || ticks(h.sound.cues) != 0 {
		t.Fatalf("with the 3-2-1 off: %v, %d ticks", h.c.session.State(), ticks(h.sound.cues))
	}
	if h.store.Get().ResumeCountdown {
		t.Fatal("the preference was not stored")
	}
}

func TestAutoPauseSaysWhyAndCountsBackIn(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	wall := wallClock(h)
	h.c.countStep = 10 * time.Millisecond
	h.key(fyne.KeyReturn)
	h.advance(2 * time.Second)
	h.c.autoPause("while the screen was locked")
	if h.c.session.State() != routine.Paused || h.c.view.overlay.line.Text != "Paused while the screen was locked. Press Space to go on." {
		t.Fatalf("auto-pause: %v, %q", h.c.session.State(), h.c.view.overlay.line.Text)
	}
	*wall = wall.Add(10 * time.Minute)
	h.key(fyne.KeySpace)
	h.pump()
	if h.c.view.overlay.number.Text != "3" {
		t.Fatalf("no 3-2-1 after the lock: %q", h.c.view.overlay.number.Text)
	}
	h.waitFor("the session to go on", func() bool { return h.c.session.State() == routine.Running })

	// Not in a session: nothing to pause, nothing said.
	h.c.finish(false)
	h.c.autoPause("while the computer slept")
	if h.c.view.overlay.root.Visible() {
		t.Fatal("overlay shown outside a session")
	}
}

// The 3-2-1 over the session screen, in both themes; the masters were looked at before they were
// kept.
func TestThe321Renders(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			h := newHarness(t, `{"version":1,"safety_acknowledged":true,"theme":"`+theme+`"}`, fyne.NewSize(1280, 800))
			wall := wallClock(h)
			h.c.countStep = time.Hour
			h.key(fyne.KeyReturn)
			h.advance(2500 * time.Millisecond)
			h.key(fyne.KeySpace)
			*wall = wall.Add(time.Minute)
			h.key(fyne.KeySpace)
			h.pump()
			test.AssertImageMatches(t, "countdown-"+theme+".png", h.capture())
		})
	}
}

func TestThe321WaitsForTheSoundToWake(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	wall := wallClock(h)
	h.c.countStep = 10 * time.Millisecond
	h.sound.holdWake = true
	h.key(fyne.KeyReturn)
	h.key(fyne.KeySpace)
	*wall = wall.Add(time.Minute)
	h.key(fyne.KeySpace)
	h.pump()
	o := h.c.view.overlay
	if !o.root.Visible() || o.number.Visible() || ticks(h.sound.cues) != 0 || h.sound.woken != 1 {
		t.Fatalf("while the sound wakes: overlay %v, number %q shown %v, %d ticks, %d wakes",
			o.root.Visible(), o.number.Text, o.number.Visible(), ticks(h.sound.cues), h.sound.woken)
	}
	for _, ready := range h.sound.waking {
		ready()
	}
	h.waitFor("the session to go on", func() bool { return h.c.session.State() == routine.Running })
	if ticks(h.sound.cues) != 3 {
		t.Fatalf("%d ticks once the sound woke, want 3", ticks(h.sound.cues))
	}

	// A sound that never says it is awake holds the count back no longer than wakeWait.
	h.sound.waking, h.sound.cues = nil, nil
	h.c.wakeWait = 50 * time.Millisecond
	h.key(fyne.KeySpace)
	*wall = wall.Add(time.Minute)
	h.key(fyne.KeySpace)
	h.waitFor("the session to go on without the sound", func() bool { return h.c.session.State() == routine.Running })
	if ticks(h.sound.cues) != 3 {
		t.Fatalf("%d ticks after waiting for the sound in vain, want 3", ticks(h.sound.cues))
	}
}
