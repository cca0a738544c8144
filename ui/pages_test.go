package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backroll/data"
	"backroll/routine"
)

func TestSafetyAcknowledgementSurvivesRestart(t *testing.T) {
	h := newHarness(t, "", fyne.NewSize(1280, 800))
	if h.c.pages.current != pageSafety {
		t.Fatal("first run did not open on the safety page")
	}
	test.Tap(findButton(t, h.c.pages.safety.get().root, "I have read this"))
	if h.c.pages.current != pageStart {
		t.Fatal("the button did not lead to the start page")
	}
	if err := h.store.Flush(); err != nil {
		t.Fatal(err)
	}
	prefs, notices := data.LoadPreferences()
	if !prefs.SafetyAcknowledged || len(notices) != 0 {
		t.Fatalf("on disk: acknowledged %v, notices %v", prefs.SafetyAcknowledged, notices)
	}
	// S opens the page again from the start page, and Enter returns.
	h.typeRune('s')
	if h.c.pages.current != pageSafety {
		t.Fatal("S did not open the safety page")
	}
	h.key(fyne.KeyReturn)
	if h.c.pages.current != pageStart {
		t.Fatal("Enter did not return to the start page")
	}
}

func TestSafetyPageCarriesTheRedFlags(t *testing.T) {
	h := newHarness(t, "", fyne.NewSize(1280, 800))
	text := allText(h.c.pages.safety.get().root)
	facts := append([]string{routine.NeverRollLowerBack, routine.NotTreatment, routine.RollerAdvice}, routine.StopSigns...)
	facts = append(append(facts, routine.SeeClinicianFirst...), routine.Principles...)
	for _, want := range facts {
		if !strings.Contains(text, want) {
			t.Errorf("safety page lacks %q", want)
		}
	}
	for _, claim := range []string{"cure", "heals", "treats your"} {
		if strings.Contains(strings.ToLower(text), claim) {
			t.Errorf("safety page claims %q", claim)
		}
	}
}

func TestStopSavesAPartialSession(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.key(fyne.KeyReturn)
	h.advance(30 * time.Second)
	h.typeRune('x')
	if h.c.session.State() != routine.Paused || h.c.pages.dialog == nil {
		t.Fatal("X did not pause and ask")
	}
	if text := allText(h.c.pages.stopContent); !strings.Contains(text, "Pins and needles.") || !strings.Contains(text, "Sharp pain.") {
		t.Fatalf("the stop dialog does not show the stop signs:\n%s", text)
	}
	h.key(fyne.KeyReturn) // End the session
	if h.c.pages.current != pageFinish {
		t.Fatalf("ending did not show the finish page: %d", h.c.pages.current)
	}
	h.waitFor("the partial session in history", func() bool {
		s, _ := data.LoadHistory()
		return len(s) == 1
	})
	s, _ := data.LoadHistory()
	if s[0].Finished || s[0].Seconds != 30 || s[0].StepsDone != 0 {
		t.Fatalf("partial record %+v", s[0])
	}
	if !strings.Contains(h.c.pages.finish.get().title.Text, "ended early") {
		t.Fatalf("finish title %q", h.c.pages.finish.get().title.Text)
	}
}

func TestEscapeOnStopDialogKeepsGoing(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.key(fyne.KeyReturn)
	h.advance(5 * time.Second)
	h.key(fyne.KeyEscape) // not full screen: Esc stops
	if h.c.pages.dialog == nil || h.c.session.State() != routine.Paused {
		t.Fatal("Esc did not open the stop dialog")
	}
	h.key(fyne.KeyEscape)
	if h.c.pages.dialog != nil || h.c.session.State() != routine.Running {
		t.Fatal("Esc on the stop dialog did not resume")
	}
}

func TestSpikingOffersTheKinderFixAndSofterRoller(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.key(fyne.KeyReturn)
	h.key(fyne.KeyRight) // thoracic extensions
	h.advance(21 * time.Second)
	if !h.c.checkIn.open {
		t.Fatal("no check-in")
	}
	h.typeRune('3')
	b := h.c.view.checkIn
	move := h.c.session.Step().Move
	if !b.advice.Visible() || !strings.Contains(b.advice.Text, move.KinderFix) || !b.softer.Visible() {
		t.Fatalf("spiking advice %q (visible %v), softer offered %v", b.advice.Text, b.advice.Visible(), b.softer.Visible())
	}
	h.typeRune('r')
	if h.store.Get().Roller != routine.Soft {
		t.Fatalf("R after spiking chose %s, want soft", h.store.Get().Roller)
	}
	if !strings.Contains(h.c.view.card.pressure.Text, "3 out of 10") {
		t.Fatalf("card pressure after softer mode: %q", h.c.view.card.pressure.Text)
	}
	if h.c.record.CheckIns[routine.TSpine] != data.Spiking {
		t.Fatalf("answer not recorded: %v", h.c.record.CheckIns)
	}
	h.advance(25 * time.Second)
	if h.c.checkIn.open {
		t.Fatal("the check-in never faded")
	}
}

func TestUnansweredCheckInFades(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.key(fyne.KeyReturn)
	h.advance(21 * time.Second)
	if !h.c.checkIn.open {
		t.Fatal("no check-in")
	}
	h.advance(8 * time.Second) // 29 s: 9 s after it came
	if !h.c.checkIn.open {
		t.Fatal("faded before 10 s")
	}
	h.advance(2 * time.Second)
	if h.c.checkIn.open || h.c.view.checkIn.root.Visible() {
		t.Fatal("still shown after 10 s")
	}
	if len(h.c.record.CheckIns) != 0 {
		t.Fatal("an unanswered check-in was recorded")
	}
}

func TestNoticesShowOnceWithoutBlocking(t *testing.T) {
	tempXDG(t)
	writePrefs(t, `{"version":1,"safety_acknowledged":true,"pattern":{"inhale":99,"exhale":6}}`)
	a := test.NewTempApp(t)
	relay := &Relay{}
	store, notices := data.OpenStore(data.SaverOptions{})
	t.Cleanup(func() { store.Close() })
	for _, n := range notices {
		relay.Notify(n.Text)
	}
	relay.Notify(notices[0].Text) // the same news twice shows once
	w := test.NewTempWindow(t, nil)
	c := newCoachWindow(a, w, Options{Prefs: store, Sound: &fakeSound{}, Notices: relay, onThread: dropThreadWork})
	if c.pages.notices.count() != 1 {
		t.Fatalf("%d notices on screen, want 1", c.pages.notices.count())
	}
	if !strings.Contains(allText(c.pages.notices.root), "inhale of 99 s") {
		t.Fatalf("notice says %q", allText(c.pages.notices.root))
	}
	relay.Notify("No sound device found; the circle still paces you.")
	if c.pages.notices.count() != 2 {
		t.Fatal("a later notice did not show")
	}
	if c.pages.current != pageStart {
		t.Fatal("a notice blocked the start page")
	}
}

func TestStartPageShowsTheRoutineAndTheWeek(t *testing.T) {
	h := newHarness(t, `{"version":1,"safety_acknowledged":true,"roller":"soft"}`, fyne.NewSize(1280, 800))
	text := allText(h.c.pages.start.get().root)
	for _, want := range []string{"Upper back rolls", "Thoracic extensions", "Lats and side body", "Glutes and piriformis",
		"Front-of-hip reset", "Breathing finish", "Softer roller", "pressure about 3 out of 10", "Your first session"} {
		if !strings.Contains(text, want) {
			t.Errorf("start page lacks %q:\n%s", want, text)
		}
	}
	if len(h.c.pages.start.get().tiles.Objects) != 6 {
		t.Fatalf("%d tiles, want 6", len(h.c.pages.start.get().tiles.Objects))
	}
}

func TestWeekWordsAreGentle(t *testing.T) {
	for n := 0; n <= 5; n++ {
		words := weekWords(data.Summary{Sessions: 3, ThisWeek: n})
		for _, harsh := range []string{"streak", "missed", "behind", "failed", "only"} {
			if strings.Contains(strings.ToLower(words), harsh) {
				t.Errorf("%d sessions: %q says %q", n, words, harsh)
			}
		}
	}
}

func TestClosingTheWindowSavesTheSession(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.key(fyne.KeyReturn)
	h.advance(2*time.Minute + 5*time.Second) // the first step done
	h.c.close()
	h.closed = true
	sessions, _ := data.LoadHistory()
	if len(sessions) != 1 || sessions[0].Finished || sessions[0].StepsDone != 1 || sessions[0].Seconds != 125 {
		t.Fatalf("history after closing mid-session: %+v", sessions)
	}
	if err := h.store.Flush(); err != nil {
		t.Fatal(err)
	}
	if prefs, _ := data.LoadPreferences(); prefs.Window.Width != 1280 || prefs.Window.Height != 800 {
		t.Fatalf("window size saved as %+v", prefs.Window)
	}
}
