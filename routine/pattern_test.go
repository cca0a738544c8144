package routine

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestPatternValidateNamesFieldAndRange(t *testing.T) {
	cases := []struct {
		p    Pattern
		want string // "" means valid
	}{
		{DefaultPattern, ""},
		{Pattern{Inhale: 1.9, Exhale: 6}, "inhale of 1.9 s is outside the allowed 2–8 s"},
		{Pattern{Inhale: 4, Exhale: 12.5}, "exhale of 12.5 s is outside the allowed 2–12 s"},
		{Pattern{Inhale: 4, HoldIn: -1, Exhale: 6}, "hold after inhale of -1 s is outside the allowed 0–6 s"},
		{Pattern{Inhale: 4, Exhale: 6, HoldOut: 7}, "hold after exhale of 7 s is outside the allowed 0–6 s"},
		{Pattern{Inhale: math.NaN(), Exhale: 6}, "inhale"},
	}
	for _, c := range cases {
		err := c.p.Validate()
		if c.want == "" {
			if err != nil {
				t.Errorf("%v: unexpected error %v", c.p, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want it to contain %q", c.p, err, c.want)
		}
	}
}

func TestPatternClampGivesNearestAllowed(t *testing.T) {
	got := Pattern{Inhale: 99, HoldIn: -3, Exhale: 1, HoldOut: 2.04}.Clamp()
	want := Pattern{Inhale: 8, HoldIn: 0, Exhale: 2, HoldOut: 2}
	if got != want {
		t.Fatalf("Clamp = %+v, want %+v", got, want)
	}
	if err := got.Validate(); err != nil {
		t.Fatalf("clamped pattern invalid: %v", err)
	}
	if c := (Pattern{Inhale: math.NaN(), Exhale: 6}).Clamp(); c.Inhale != InhaleLimit.Min {
		t.Fatalf("NaN inhale clamped to %v", c.Inhale)
	}
}

func TestPresetsAreValidDefaultFirst(t *testing.T) {
	if Presets[0].Pattern != DefaultPattern {
		t.Fatalf("first preset %v is not the default", Presets[0])
	}
	for _, p := range Presets {
		if err := p.Pattern.Validate(); err != nil {
			t.Errorf("preset %s: %v", p.Name, err)
		}
	}
}

func TestBreathsPerMinute(t *testing.T) {
	if got := DefaultPattern.BreathsPerMinute(); got != 6 {
		t.Fatalf("4–6 gives %v breaths a minute, want 6", got)
	}
	if got := (Pattern{Inhale: 4, HoldIn: 2, Exhale: 6, HoldOut: 3}).BreathsPerMinute(); got != 4 {
		t.Fatalf("4–2–6–3 gives %v, want 4", got)
	}
}

func TestPatternAtBoundaries(t *testing.T) {
	holds := Pattern{Inhale: 4, HoldIn: 2, Exhale: 6, HoldOut: 1}
	ms := time.Millisecond
	s := time.Second
	cases := []struct {
		name     string
		p        Pattern
		t        time.Duration
		phase    Phase
		number   int
		left     time.Duration
		progress float64
		scale    float64
	}{
		{"start", DefaultPattern, 0, Inhale, 0, 4 * s, 0, 0},
		{"mid inhale", DefaultPattern, 2 * s, Inhale, 0, 2 * s, 0.5, 0.5},
		{"just before exhale", DefaultPattern, 4*s - ms, Inhale, 0, ms, 0.99975, 1},
		{"exhale starts", DefaultPattern, 4 * s, Exhale, 0, 6 * s, 0, 1},
		{"mid exhale", DefaultPattern, 7 * s, Exhale, 0, 3 * s, 0.5, 0.5},
		{"just before next breath", DefaultPattern, 10*s - ms, Exhale, 0, ms, 0.99983, 0},
		{"second breath", DefaultPattern, 10 * s, Inhale, 1, 4 * s, 0, 0},
		{"negative is start", DefaultPattern, -s, Inhale, 0, 4 * s, 0, 0},
		{"hold after inhale", holds, 4 * s, HoldIn, 0, 2 * s, 0, 1},
		{"end of hold in", holds, 6*s - ms, HoldIn, 0, ms, 0.9995, 1},
		{"exhale after hold", holds, 6 * s, Exhale, 0, 6 * s, 0, 1},
		{"hold after exhale", holds, 12 * s, HoldOut, 0, s, 0, 0},
		{"after hold out", holds, 13 * s, Inhale, 1, 4 * s, 0, 0},
		{"an hour in", DefaultPattern, time.Hour + 4*s, Exhale, 360, 6 * s, 0, 1},
	}
	for _, c := range cases {
		b := c.p.At(c.t)
		if b.Phase != c.phase || b.Number != c.number || b.Left != c.left {
			t.Errorf("%s: At(%v) = %v breath %d left %v, want %v breath %d left %v",
				c.name, c.t, b.Phase, b.Number, b.Left, c.phase, c.number, c.left)
		}
		if math.Abs(b.Progress-c.progress) > 1e-4 || math.Abs(b.Scale-c.scale) > 1e-4 {
			t.Errorf("%s: progress %.5f scale %.5f, want %.5f %.5f", c.name, b.Progress, b.Scale, c.progress, c.scale)
		}
	}
}

// The circle must never jump: between two moments 1 ms apart the scale moves by no more than the
// steepest slope of the easing allows, for any allowed pattern.
func TestScaleNeverJumps(t *testing.T) {
	patterns := append([]Pattern{}, DefaultPattern, Pattern{Inhale: 2, Exhale: 2},
		Pattern{Inhale: 8, HoldIn: 6, Exhale: 12, HoldOut: 6}, Pattern{Inhale: 2.3, HoldIn: 0.1, Exhale: 3.7, HoldOut: 0.1})
	for _, p := range Presets {
		patterns = append(patterns, p.Pattern)
	}
	const step = time.Millisecond
	for _, p := range patterns {
		// The raised cosine's steepest slope is π/2 per phase length; the shortest phase is 2 s.
		limit := math.Pi / 2 * step.Seconds() / 2 * 1.01
		prev := p.At(0).Scale
		for at := step; at < 3*p.Period(); at += step {
			s := p.At(at).Scale
			if math.Abs(s-prev) > limit {
				t.Fatalf("%v: scale jumps from %.4f to %.4f at %v", p, prev, s, at)
			}
			if s < 0 || s > 1 {
				t.Fatalf("%v: scale %v out of 0–1 at %v", p, s, at)
			}
			prev = s
		}
	}
}

func TestPaceChangesOnlyAtBreathBoundary(t *testing.T) {
	pace := NewPace(DefaultPattern)
	// Asked mid-way through the second breath: the change lands at 20 s, when the third begins.
	changed := pace.WithPattern(Pattern{Inhale: 3, Exhale: 5}, 13*time.Second)
	for at := time.Duration(0); at < 20*time.Second; at += 100 * time.Millisecond {
		if changed.At(at) != pace.At(at) {
			t.Fatalf("breath changed at %v, before the boundary", at)
		}
	}
	b := changed.At(20 * time.Second)
	if b.Phase != Inhale || b.Number != 2 || b.Left != 3*time.Second {
		t.Fatalf("at the boundary got %+v, want the new 3 s inhale of breath 2", b)
	}
	if got := changed.BreathStart(21 * time.Second); got != 28*time.Second {
		t.Fatalf("next breath after 21 s starts at %v, want 28 s", got)
	}
	if changed.Latest() != (Pattern{Inhale: 3, Exhale: 5}) || changed.Pattern(time.Second) != DefaultPattern {
		t.Fatal("Pattern/Latest do not follow the timeline")
	}
	// A second change before the first landed replaces it.
	again := changed.WithPattern(Pattern{Inhale: 5, Exhale: 5}, 15*time.Second)
	if got := again.At(20 * time.Second).Left; got != 5*time.Second {
		t.Fatalf("replacing change: inhale left %v, want 5 s", got)
	}
}

func TestPaceScaleContinuousAcrossChange(t *testing.T) {
	pace := NewPace(DefaultPattern).WithPattern(Pattern{Inhale: 2, HoldIn: 1, Exhale: 3, HoldOut: 2}, 5*time.Second)
	prev := pace.At(0).Scale
	for at := time.Millisecond; at < 60*time.Second; at += time.Millisecond {
		s := pace.At(at).Scale
		if math.Abs(s-prev) > 0.002 {
			t.Fatalf("scale jumps %.4f -> %.4f at %v", prev, s, at)
		}
		prev = s
	}
}
