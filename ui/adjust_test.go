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

// savedPrefs flushes the store and reads preferences.json back as a new run would.
func savedPrefs(h *harness) data.Preferences {
	h.t.Helper()
	if err := h.store.Flush(); err != nil {
		h.t.Fatal(err)
	}
	p, notices := data.LoadPreferences()
	if len(notices) != 0 {
		h.t.Fatalf("notices reading the saved preferences: %v", notices)
	}
	return p
}

func TestAdjustPageKeysChangeLengthsAndSkips(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.typeRune('a')
	if h.c.pages.current != pageAdjust {
		t.Fatal("A did not open the adjust page")
	}
	h.key(fyne.KeyDown)
	h.key(fyne.KeyDown) // lats
	h.key(fyne.KeyRight)
	h.key(fyne.KeyRight)
	h.key(fyne.KeyRight) // 70 + 30 s: clamped to 90 s
	h.key(fyne.KeyDown)
	h.key(fyne.KeyDown)
	h.typeRune('t') // front of hip: out today
	h.key(fyne.KeyUp)
	h.key(fyne.KeyUp)
	h.key(fyne.KeyUp)
	h.typeRune('a') // thoracic extensions: always out
	p := savedPrefs(h)
	mine := p.Routine.Mine
	if p.Routine.Preset != routine.RoutineMine || mine.Length(routine.Lats) != 90*time.Second || !mine.Out.Has(routine.TSpine) {
		t.Fatalf("saved routine %+v", p.Routine)
	}
	if p.Routine.Today != routine.MoveSet(0).With(routine.HipFront) || p.RoutineTodayDate != "2026-11-25" {
		t.Fatalf("today's skip saved as %v on %q", p.Routine.Today.IDs(), p.RoutineTodayDate)
	}
	text := allText(h.c.pages.adjust.get().root)
	for _, want := range []string{"1:30 a side", "Mine routine", "shorter than the 10–12 minutes"} {
		if !strings.Contains(text, want) {
			t.Errorf("adjust page lacks %q:\n%s", want, text)
		}
	}
	// The session follows: no thoracic extensions, no front of hip, lats at 1:30 a side.
	h.key(fyne.KeyReturn)
	if h.c.pages.current != pageStart || !strings.Contains(h.c.pages.start.get().title.Text, "today") {
		t.Fatalf("Enter: page %d, title %q", h.c.pages.current, h.c.pages.start.get().title.Text)
	}
	if n := len(h.c.pages.start.get().tiles.Objects); n != 4 {
		t.Fatalf("%d tiles on the start page, want 4", n)
	}
	h.key(fyne.KeyReturn)
	plan := h.c.session.Plan()
	if len(plan.Steps) != 6 || plan.Steps[1].Move.ID != routine.Lats || plan.Steps[1].Length != 90*time.Second {
		t.Fatalf("session plan: %d steps, second %s %v", len(plan.Steps), plan.Steps[1].Move.ID, plan.Steps[1].Length)
	}
	// Tomorrow the front of the hip is back; the thoracic extensions stay out.
	h.c.now = func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.Local) }
	ids := map[string]bool{}
	for _, s := range h.c.plan().Steps {
		ids[s.Move.ID] = true
	}
	if !ids[routine.HipFront] || ids[routine.TSpine] {
		t.Fatalf("tomorrow's plan has %v", ids)
	}
}

func TestAdjustPageTapsAndPresets(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	test.Tap(findButton(t, h.c.pages.start.get().root, "Adjust"))
	if h.c.pages.current != pageAdjust {
		t.Fatal("the Adjust button did not open the page")
	}
	page := h.c.pages.adjust.get()
	page.presets.SetSelected("Short")
	if p := savedPrefs(h); p.Routine.Preset != routine.RoutineShort {
		t.Fatalf("preset saved as %q", p.Routine.Preset)
	}
	if total := h.c.plan().Total(); total < 5*time.Minute || total > 7*time.Minute {
		t.Fatalf("short plan %v", total)
	}
	test.Tap(page.rows[5].always) // the finish always out: allowed, other moves remain
	page.rows[0].today.SetChecked(true)
	page.rows[2].today.SetChecked(true)
	page.rows[3].today.SetChecked(true) // would leave nothing: refused in words
	if !strings.Contains(page.advice.Text, "At least one move stays in") || page.rows[3].today.Checked {
		t.Fatalf("leaving everything out: %q, glutes checked %v", page.advice.Text, page.rows[3].today.Checked)
	}
	if len(h.c.plan().Steps) != 2 {
		t.Fatalf("plan has %d steps, want the two glute sides", len(h.c.plan().Steps))
	}
	// Changing Short made it the user's own; P goes round Full, Short and back to Mine, kept as it was.
	for _, want := range []routine.RoutinePreset{routine.RoutineFull, routine.RoutineShort, routine.RoutineMine} {
		h.typeRune('p')
		if a := h.store.Get().Routine; a.Preset != want || !a.Mine.Out.Has(routine.Finish) {
			t.Fatalf("after P: %+v, want %s", a, want)
		}
	}
	h.key(fyne.KeyEscape)
	if h.c.pages.current != pageStart {
		t.Fatal("Esc did not go back")
	}
}

func TestAdjustPageRenders(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			h := newHarness(t, `{"version":2,"safety_acknowledged":true,"theme":"`+theme+`",
				"routine":{"preset":"mine","mine":{"seconds":{"glutes":80},"finish_breaths":8,"left_out":["t-spine"]},
				"today":{"date":"2026-11-25","left_out":["hip-front"]}}}`, fyne.NewSize(1280, 800))
			h.typeRune('a')
			h.key(fyne.KeyDown)
			h.key(fyne.KeyDown)
			h.key(fyne.KeyDown)
			test.AssertImageMatches(t, "adjust-"+theme+".png", h.capture())
		})
	}
}
