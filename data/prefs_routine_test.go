package data

import (
	"strings"
	"testing"
	"time"

	"backroll/routine"
)

func TestVersion1FileLoadsTheFullRoutine(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":1,"volume":30}`))
	p, notices := LoadPreferences()
	if len(notices) != 0 || p.Routine != routine.DefaultAdjustment() || p.Version != PreferencesVersion || p.Volume != 30 {
		t.Fatalf("got %+v with %v", p, notices)
	}
}

func TestRoutineRoundTripAndTodayLapses(t *testing.T) {
	tempXDG(t)
	monday := time.Date(2025, 1, 6, 22, 0, 0, 0, time.Local)
	p := Defaults()
	a := p.Routine.Edit(func(c *routine.Custom) {
		*c = c.WithLength(routine.Glutes, 85*time.Second)
		c.FinishBreaths = 9
		c.Out = c.Out.With(routine.TSpine)
	})
	a.Today = routine.MoveSet(0).With(routine.HipFront)
	p.SetRoutine(a, monday)
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	got, notices := LoadPreferences()
	if len(notices) != 0 || got != p {
		t.Fatalf("read back %+v with %v\nwant %+v", got, notices, p)
	}
	saved := string(readFile(t, PreferencesPath()))
	for _, want := range []string{`"preset": "mine"`, `"glutes":85`, `"finish_breaths": 9`, `"left_out": ["t-spine"]`, `"date": "2025-01-06"`, `"left_out": ["hip-front"]`} {
		if !strings.Contains(saved, want) {
			t.Errorf("saved file lacks %s:\n%s", want, saved)
		}
	}
	if got.RoutineOn(monday.Add(3*time.Hour)).Today != 0 {
		t.Error("today's skip outlived midnight")
	}
	if got.RoutineOn(monday.Add(-time.Hour)).Today != a.Today {
		t.Error("today's skip lost on the same day")
	}
	if got.RoutineOn(monday.Add(3*time.Hour)).Mine != a.Mine {
		t.Error("the always-left-out moves lapsed with the day")
	}
}

func TestRoutineOutOfRangeIsClampedWithNotes(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":2,"routine":{"preset":"huge","future":1,
		"mine":{"seconds":{"upper-back":500,"lats":10,"glutes":75.4,"neck":30},"finish_breaths":30,"left_out":["neck","Hip-Front"],"tilt":true},
		"today":{"date":"yesterday","left_out":["glutes"]}}}`))
	p, notices := LoadPreferences()
	var texts []string
	for _, n := range notices {
		texts = append(texts, n.Text)
	}
	want := []string{
		`Settings: routine "huge" is not one of full, short, mine; using full.`,
		`Settings: time for Upper back rolls of 500 s was out of range (60–120 s); using 120 s.`,
		`Settings: time per side for Lats and side body of 10 s was out of range (60–90 s); using 60 s.`,
		`Settings: finish of 30 breaths was out of range (4–10); using 10.`,
		`Settings: moves left out for one day had no readable date ("yesterday"); they are back in.`,
		`Settings: moves left out of your routine: move "neck" is not one of upper-back, t-spine, lats, glutes, hip-front, finish; ignored.`,
	}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Fatalf("notices:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	m := p.Routine.Mine
	if p.Routine.Preset != routine.RoutineFull || m.Length(routine.UpperBack) != 2*time.Minute || m.Length(routine.Lats) != time.Minute ||
		m.Length(routine.Glutes) != 75*time.Second || m.FinishBreaths != 10 || m.Out != routine.MoveSet(0).With(routine.HipFront) || p.Routine.Today != 0 {
		t.Fatalf("clamped to %+v", p.Routine)
	}
	// What this version does not know inside "routine" is written back.
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	saved := string(readFile(t, PreferencesPath()))
	for _, s := range []string{`"future": 1`, `"tilt": true`, `"neck":30`} {
		if !strings.Contains(saved, s) {
			t.Errorf("saved file lacks %s:\n%s", s, saved)
		}
	}
	if _, notices := LoadPreferences(); len(notices) != 0 {
		t.Errorf("notices after saving the clamped values: %v", notices)
	}
}

func TestEverythingLeftOutKeepsTheFinish(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":2,"routine":{"preset":"mine","mine":{"left_out":["upper-back","t-spine","lats","glutes","hip-front","finish"]}}}`))
	p, notices := LoadPreferences()
	if len(notices) != 1 || !strings.Contains(notices[0].Text, "the breathing finish stays in") || p.Routine.Mine.Out.Has(routine.Finish) {
		t.Fatalf("got %+v with %v", p.Routine, notices)
	}
}
