package routine

import "time"

// Step is one (move, side) pair of the routine, the unit the session walks through.
type Step struct {
	Move   Move
	Side   Side
	Length time.Duration // whole breaths of the plan's pattern
}

// Plan is the routine as the user's pattern and roller mode shape it.
type Plan struct {
	Pattern Pattern // the pattern breathed, after the roller mode shaped it
	Roller  Roller
	Steps   []Step
	Preset  RoutinePreset // the shape of the routine: full, short or the user's own
	Out     MoveSet       // moves left out always (by the preset or the user)
	Today   MoveSet       // moves left out for today only, besides those
}

// NewPlan builds the full routine for a pattern and roller mode. The pattern is clamped first,
// so any input gives a usable plan.
func NewPlan(p Pattern, r Roller) Plan {
	return NewAdjustedPlan(p, r, DefaultAdjustment())
}

// NewAdjustedPlan builds the routine as the user adjusted it: each move's time, the finish's
// breaths, the moves left out (always or today), always in the routine's order. Any input gives a
// usable plan with at least one step.
func NewAdjustedPlan(p Pattern, r Roller, a Adjustment) Plan {
	if _, err := ParseRoller(string(r)); err != nil {
		r = DefaultRoller
	}
	a = a.Clamp()
	c := a.Custom()
	out := a.LeftOut()
	plan := Plan{Pattern: r.Shape(p.Clamp()), Roller: r, Preset: a.Preset, Out: c.Out & out, Today: out &^ c.Out}
	for _, m := range DefaultMoves() {
		if out.Has(m.ID) {
			continue
		}
		m = r.Adapt(c.shape(m))
		sides := []Side{NoSide}
		if m.PerSide {
			sides = []Side{Right, Left}
		}
		for _, side := range sides {
			plan.Steps = append(plan.Steps, Step{Move: m, Side: side, Length: plan.stepLength(m)})
		}
	}
	return plan
}

// stepLength rounds a move's time to the nearest whole number of breaths (at least one), because
// steps change only between breaths.
func (p Plan) stepLength(m Move) time.Duration {
	period := p.Pattern.Period()
	if m.Breaths > 0 {
		return time.Duration(m.Breaths) * period
	}
	return max((m.Length+period/2)/period, 1) * period
}

// Total is the planned length of the whole routine.
func (p Plan) Total() time.Duration {
	var total time.Duration
	for _, s := range p.Steps {
		total += s.Length
	}
	return total
}

// MoveIndex returns the index of the first step of each move, in order: what the keys 1–6 jump to.
func (p Plan) MoveIndex() []int {
	var starts []int
	for i, s := range p.Steps {
		if i == 0 || s.Move.ID != p.Steps[i-1].Move.ID {
			starts = append(starts, i)
		}
	}
	return starts
}
