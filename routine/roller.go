package routine

import (
	"fmt"
	"time"
)

// Roller is the roller mode. Soft is the softer-roller mode for a body that tenses up against the
// roller: lighter pressure, kinder words, more weight in hands and feet, less time on tender spots
// and a longer exhale.
type Roller string

// Roller modes, softest first.
const (
	Soft   Roller = "soft"
	Medium Roller = "medium"
	Firm   Roller = "firm"
)

// DefaultRoller is a medium-density roller, the good place to start.
const DefaultRoller = Medium

// Rollers lists the modes, softest first.
var Rollers = []Roller{Soft, Medium, Firm}

// ParseRoller accepts "soft", "medium" or "firm".
func ParseRoller(s string) (Roller, error) {
	for _, r := range Rollers {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("roller %q is not one of soft, medium, firm", s)
}

// Next returns the following mode, wrapping from firm to soft.
func (r Roller) Next() Roller {
	for i, m := range Rollers {
		if m == r {
			return Rollers[(i+1)%len(Rollers)]
		}
	}
	return DefaultRoller
}

// Label is the mode as the screen shows it.
func (r Roller) Label() string {
	switch r {
	case Soft:
		return "Softer roller"
	case Firm:
		return "Firm roller"
	default:
		return "Medium roller"
	}
}

// PressureTarget is the target on a 0–10 scale. Never 8 out of 10: no heroics in any mode.
func (r Roller) PressureTarget() int {
	if r == Soft {
		return 3
	}
	return 4
}

// softExhaleExtra lengthens the exhale in the softer mode: a longer out-breath settles guarding.
const softExhaleExtra = 2

// softTenderLength is the shorter time per side on tender areas (lats, glutes, front of hip).
const softTenderLength = time.Minute - 10*time.Second

// Shape returns the pattern this mode breathes with the user's own pattern as a start.
func (r Roller) Shape(p Pattern) Pattern {
	if r == Soft {
		p.Exhale += softExhaleExtra
	}
	return p.Clamp()
}

// What the softer and the firm modes say instead of, or besides, a move's own words.
const (
	softPressure = "Soft: about 3 out of 10. Let your hands and feet carry more of your weight."
	firmCaution  = "A firm roller presses harder: keep more weight in your hands and feet, and swap to a medium one if you tense up."
)

// Adapt returns the move as this mode coaches it.
func (r Roller) Adapt(m Move) Move {
	if !m.Rolls() {
		return m // the finish only rests on the roller
	}
	switch r {
	case Soft:
		m.Pressure = softPressure
		if m.PerSide && m.Length > softTenderLength {
			m.Length = softTenderLength
		}
		m.PaceCue += " Fewer, slower passes are fine."
		m.KinderFix = "Ease off further: " + m.KinderFix + " A softer roller or a folded towel over it helps."
	case Firm:
		m.Cautions = append(append([]string(nil), m.Cautions...), firmCaution)
	}
	return m
}
