package i18n

import (
	"strings"
	"testing"

	"backroll/routine"
)

// In English the plan reads word for word as routine writes it; in German it is German.
func TestPlanText(t *testing.T) {
	defer Use("en")
	short := routine.DefaultAdjustment()
	short.Preset = routine.RoutineShort
	out := routine.DefaultAdjustment().Edit(func(c *routine.Custom) { c.Out = c.Out.With(routine.Lats) })
	out.Today = out.Today.With(routine.TSpine)
	plans := []routine.Plan{
		routine.NewPlan(routine.DefaultPattern, routine.Medium),
		routine.NewAdjustedPlan(routine.Pattern{Inhale: 4.5, HoldIn: 1, Exhale: 7, HoldOut: 1}, routine.Soft, short),
		routine.NewAdjustedPlan(routine.DefaultPattern, routine.Firm, out),
	}
	Use("en")
	for i, p := range plans {
		if got, want := PlanText(p), p.Text(); got != want {
			t.Errorf("plan %d in English:\n%s\nrouting says:\n%s", i, got, want)
		}
	}
	Use("de")
	got := PlanText(plans[2])
	for _, want := range []string{"Backroll-Plan: Harte Rolle, Druck etwa 4 von 10", "Heute ausgelassen: Brustwirbelsäule strecken", "Gesäß und Piriformis, rechte Seite", "Insgesamt: "} {
		if !strings.Contains(got, want) {
			t.Errorf("German plan lacks %q:\n%s", want, got)
		}
	}
}
