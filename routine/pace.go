package routine

import "time"

// Pace is the breath timeline of a session: a pattern, and the patterns that replaced it, each
// from a breath boundary on. A Pace is immutable, so the audio thread and the UI can read the same
// one without locks; a change makes a new Pace.
type Pace struct {
	segments []segment
}

// segment is a pattern in force from start on; its first breath has number firstBreath.
type segment struct {
	start       time.Duration
	firstBreath int
	pattern     Pattern
}

// NewPace starts a timeline whose first breath begins at time 0.
func NewPace(p Pattern) *Pace {
	return &Pace{segments: []segment{{pattern: p}}}
}

// segmentAt returns the segment in force at t.
func (pc *Pace) segmentAt(t time.Duration) segment {
	for i := len(pc.segments) - 1; i > 0; i-- {
		if t >= pc.segments[i].start {
			return pc.segments[i]
		}
	}
	return pc.segments[0]
}

// At returns the breath at time t.
func (pc *Pace) At(t time.Duration) Breath {
	if t < 0 {
		t = 0
	}
	s := pc.segmentAt(t)
	period := s.pattern.Period()
	n := int((t - s.start) / period)
	return s.pattern.within(t-s.start-time.Duration(n)*period, s.firstBreath+n)
}

// Pattern returns the pattern in force at t.
func (pc *Pace) Pattern(t time.Duration) Pattern {
	return pc.segmentAt(t).pattern
}

// Latest returns the pattern that will be in force once every change has landed.
func (pc *Pace) Latest() Pattern {
	return pc.segments[len(pc.segments)-1].pattern
}

// BreathStart returns the start of the first breath that begins at or after t.
func (pc *Pace) BreathStart(t time.Duration) time.Duration {
	if t < 0 {
		t = 0
	}
	s := pc.segmentAt(t)
	period := s.pattern.Period()
	offset := t - s.start
	n := (offset + period - 1) / period
	return s.start + n*period
}

// NextPhaseChange returns the first moment after t at which the phase changes.
func (pc *Pace) NextPhaseChange(t time.Duration) time.Duration {
	// At never returns a phase of zero length, and a new segment only begins at a breath
	// boundary, so the end of the current phase is always a change.
	return t + pc.At(t).Left
}

// WithPattern returns a new timeline in which p takes over at the first breath that starts at or
// after from; the breath in progress ends as it began, so the circle never jumps.
func (pc *Pace) WithPattern(p Pattern, from time.Duration) *Pace {
	start := pc.BreathStart(from)
	number := pc.At(start).Number
	kept := make([]segment, 0, len(pc.segments)+1)
	for _, s := range pc.segments {
		if s.start < start {
			kept = append(kept, s)
		}
	}
	kept = append(kept, segment{start: start, firstBreath: number, pattern: p})
	return &Pace{segments: kept}
}
