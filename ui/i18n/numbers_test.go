package i18n

import (
	"strings"
	"testing"

	"backroll/routine"
)

// Numbers a person reads take the language's decimal mark; English keeps the point.
func TestDecimalMark(t *testing.T) {
	defer Use("en")
	odd := routine.Pattern{Inhale: 4.5, HoldIn: 1, Exhale: 7, HoldOut: 1}
	for _, c := range []struct{ code, decimal, seconds, whole, pattern string }{
		{"en", "7.5", "4.5", "4", "4.5–1–7–1"},
		{"de", "7,5", "4,5", "4", "4,5–1–7–1"},
		{"es", "7,5", "4,5", "4", "4,5–1–7–1"},
		{"fr", "7,5", "4,5", "4", "4,5–1–7–1"},
		{"pt", "7,5", "4,5", "4", "4,5–1–7–1"},
	} {
		Use(c.code)
		if got := Decimal(7.5); got != c.decimal {
			t.Errorf("%s: Decimal(7.5) = %q, want %q", c.code, got, c.decimal)
		}
		if got := Seconds(4.5); got != c.seconds {
			t.Errorf("%s: Seconds(4.5) = %q, want %q", c.code, got, c.seconds)
		}
		if got := Seconds(4); got != c.whole {
			t.Errorf("%s: Seconds(4) = %q, want %q", c.code, got, c.whole)
		}
		if got := Pattern(odd); got != c.pattern {
			t.Errorf("%s: Pattern = %q, want %q", c.code, got, c.pattern)
		}
	}
	Use("de")
	if got := Decimal(4); got != "4,0" {
		t.Errorf("German 4 s: %q", got)
	}
	plan := routine.NewPlan(odd, routine.Medium)
	if got := PlanText(plan); !strings.Contains(got, "4,5 s") || !strings.Contains(got, "(4,4 ") {
		t.Errorf("German plan's breath line lacks the comma:\n%s", strings.SplitN(got, "\n", 3)[1])
	}
}
