package routine

import (
	"math"
	"time"
)

// Phase is a part of one breath.
type Phase int

// The four phases, in the order they happen.
const (
	Inhale Phase = iota
	HoldIn
	Exhale
	HoldOut
)

func (p Phase) String() string {
	switch p {
	case Inhale:
		return "inhale"
	case HoldIn:
		return "hold-in"
	case Exhale:
		return "exhale"
	default:
		return "hold-out"
	}
}

// Words is what the screen says during the phase.
func (p Phase) Words() string {
	switch p {
	case Inhale:
		return "Breathe in"
	case Exhale:
		return "Breathe out"
	default:
		return "Hold"
	}
}

// Breath is where the breath stands at one moment.
type Breath struct {
	Phase    Phase
	Progress float64       // 0 at the start of the phase, approaching 1 at its end
	Left     time.Duration // time left in the phase
	Number   int           // whole breaths completed before this one, from 0
	Scale    float64       // the circle's size, 0 (empty lungs) to 1 (full)
}

// At returns the breath at time t after breath 0 started. Negative t counts as 0.
func (p Pattern) At(t time.Duration) Breath {
	period := p.Period()
	if t < 0 {
		t = 0
	}
	n := int(t / period)
	return p.within(t-time.Duration(n)*period, n)
}

// within returns the breath at offset into breath number n.
func (p Pattern) within(offset time.Duration, n int) Breath {
	lengths := p.phaseLengths()
	for i, length := range lengths {
		if offset < length || i == len(lengths)-1 {
			progress := 0.0
			if length > 0 {
				progress = float64(offset) / float64(length)
			}
			phase := Phase(i)
			return Breath{Phase: phase, Progress: progress, Left: length - offset, Number: n, Scale: scale(phase, progress)}
		}
		offset -= length
	}
	panic("unreachable")
}

// scale eases the circle with a raised cosine so it starts and ends each stroke slowly,
// as lungs do. It is 0 at the start of an inhale, 1 through the hold after it, and back to 0
// at the end of the exhale, so it is continuous at every boundary.
func scale(phase Phase, progress float64) float64 {
	eased := (1 - math.Cos(math.Pi*progress)) / 2
	switch phase {
	case Inhale:
		return eased
	case HoldIn:
		return 1
	case Exhale:
		return 1 - eased
	default:
		return 0
	}
}
