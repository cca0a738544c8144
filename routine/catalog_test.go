package routine

import (
	"strings"
	"testing"
	"time"
)

// Every text a plan can show or say is in the catalog, so the window can translate all of it.
func TestCatalogHoldsEveryText(t *testing.T) {
	keys := map[string]bool{}
	english := map[string]bool{}
	for _, c := range Catalog() {
		if keys[c.Key] {
			t.Errorf("key %q twice", c.Key)
		}
		keys[c.Key] = true
		english[c.English] = true
	}
	has := func(what, s string) {
		t.Helper()
		if s != "" && !english[s] {
			t.Errorf("%s %q is not in the catalog", what, s)
		}
	}
	for _, r := range Rollers {
		for n := FinishBreaths.Min; n <= FinishBreaths.Max; n++ {
			a := DefaultAdjustment().Edit(func(c *Custom) { c.FinishBreaths = n })
			plan := NewAdjustedPlan(DefaultPattern, r, a)
			for _, st := range plan.Steps {
				m := st.Move
				for _, s := range append([]string{m.Title, m.Area, m.Why, m.Setup, m.Pressure, m.PaceCue, m.Count, m.SoftenTip, m.KinderFix}, append(m.Steps, m.Cautions...)...) {
					has(m.ID, s)
				}
				has("side", st.Side.Label())
			}
			for _, mode := range VoiceModes {
				for i := range plan.Steps {
					for _, k := range []EventKind{StepStarted, SidesSwitched, CheckInDue, Finished} {
						for _, l := range Lines(plan, Event{Kind: k, Step: i}, mode) {
							if l.Key != "" {
								if !keys[l.Key] || l.Move == "" {
									t.Errorf("line %+v: key not in the catalog or no move", l)
								}
								continue
							}
							has("line", l.Text)
						}
					}
				}
			}
		}
		has("roller", r.Label())
	}
	for _, d := range []time.Duration{5 * time.Minute, 11 * time.Minute, 15 * time.Minute} {
		if k := TotalAdviceKey(d); k != "" && !keys[k] {
			t.Errorf("advice key %q missing", k)
		}
	}
	for _, s := range [][]string{StopSigns, SeeClinicianFirst, Principles, {NeverRollLowerBack, NotTreatment, SoftenCheck, RollerAdvice, HowOften, WhatToExpect}} {
		for _, x := range s {
			has("guidance", x)
		}
	}
}

// An announcement's English is its template with the move's spoken name in it.
func TestAnnouncementsFillTheirTemplate(t *testing.T) {
	plan := NewPlan(DefaultPattern, Medium)
	templates := map[string]string{}
	for _, c := range Catalog() {
		templates[c.Key] = c.English
	}
	for i := range plan.Steps {
		for _, l := range Lines(plan, Event{Kind: StepStarted, Step: i}, VoiceNames) {
			if l.Key == "" {
				continue
			}
			want := strings.Replace(templates[l.Key], "{{.Move}}", templates["move."+l.Move+".spoken"], 1)
			if l.Text != want {
				t.Errorf("step %d says %q, template gives %q", i, l.Text, want)
			}
		}
	}
}
