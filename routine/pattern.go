package routine

import (
	"fmt"
	"math"
	"time"
)

// Pattern is one breath: inhale, hold after inhale, exhale, hold after exhale, in seconds.
// Values are kept to a tenth of a second so that every phase is a whole number of audio samples
// at 44.1 and 48 kHz, which is what lets the tone and the circle share one clock without drift.
type Pattern struct {
	Inhale  float64 `json:"inhale"`
	HoldIn  float64 `json:"hold_in"`
	Exhale  float64 `json:"exhale"`
	HoldOut float64 `json:"hold_out"`
}

// Limit is the allowed range of one field of a Pattern, in seconds.
type Limit struct{ Min, Max float64 }

// Allowed ranges. A longer exhale than inhale calms; the ranges keep every pattern slow and possible.
var (
	InhaleLimit = Limit{2, 8}
	ExhaleLimit = Limit{2, 12}
	HoldLimit   = Limit{0, 6}
)

// DefaultPattern breathes in for 4 s and out for 6 s: out longer than in.
var DefaultPattern = Pattern{Inhale: 4, Exhale: 6}

// Preset is a named pattern the user can pick in one step.
type Preset struct {
	Name    string
	Pattern Pattern
}

// Presets lists the named patterns, the default first.
var Presets = []Preset{
	{"Calm 4–6", DefaultPattern},
	{"Even 5–5", Pattern{Inhale: 5, Exhale: 5}},
	{"Long exhale 4–8", Pattern{Inhale: 4, Exhale: 8}},
	{"Slow 4–2–6–2", Pattern{Inhale: 4, HoldIn: 2, Exhale: 6, HoldOut: 2}},
}

type patternField struct {
	name  string
	value *float64
	limit Limit
}

func (p *Pattern) fields() []patternField {
	return []patternField{
		{"inhale", &p.Inhale, InhaleLimit},
		{"hold after inhale", &p.HoldIn, HoldLimit},
		{"exhale", &p.Exhale, ExhaleLimit},
		{"hold after exhale", &p.HoldOut, HoldLimit},
	}
}

// Validate reports the first field outside its allowed range, in plain words.
func (p Pattern) Validate() error {
	for _, f := range p.fields() {
		v := *f.value
		if math.IsNaN(v) || v < f.limit.Min || v > f.limit.Max {
			return fmt.Errorf("%s of %s s is outside the allowed %s", f.name, formatSeconds(v), f.limit)
		}
	}
	return nil
}

// Clamp returns the nearest allowed pattern, rounded to a tenth of a second.
func (p Pattern) Clamp() Pattern {
	for _, f := range p.fields() {
		*f.value = f.limit.Clamp(*f.value)
	}
	return p
}

// Clamp returns v rounded to a tenth of a second and moved into the range; NaN becomes Min.
func (l Limit) Clamp(v float64) float64 {
	if math.IsNaN(v) {
		return l.Min
	}
	v = math.Round(v*10) / 10
	return math.Max(l.Min, math.Min(l.Max, v))
}

func (l Limit) String() string {
	return fmt.Sprintf("%s–%s s", formatSeconds(l.Min), formatSeconds(l.Max))
}

// Period is the length of one whole breath.
func (p Pattern) Period() time.Duration {
	return tenths(p.Inhale) + tenths(p.HoldIn) + tenths(p.Exhale) + tenths(p.HoldOut)
}

// BreathsPerMinute is how many whole breaths fit in a minute.
func (p Pattern) BreathsPerMinute() float64 {
	return float64(time.Minute) / float64(p.Period())
}

// String gives the pattern as people say it: "4–6", or "4–2–6–2" with holds.
func (p Pattern) String() string {
	if p.HoldIn == 0 && p.HoldOut == 0 {
		return formatSeconds(p.Inhale) + "–" + formatSeconds(p.Exhale)
	}
	return formatSeconds(p.Inhale) + "–" + formatSeconds(p.HoldIn) + "–" +
		formatSeconds(p.Exhale) + "–" + formatSeconds(p.HoldOut)
}

// phaseLengths returns the four phases as exact durations, in breath order.
func (p Pattern) phaseLengths() [4]time.Duration {
	return [4]time.Duration{tenths(p.Inhale), tenths(p.HoldIn), tenths(p.Exhale), tenths(p.HoldOut)}
}

// tenths turns seconds into a duration that is an exact multiple of 100 ms.
func tenths(seconds float64) time.Duration {
	return time.Duration(math.Round(seconds*10)) * (time.Second / 10)
}

func formatSeconds(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}
