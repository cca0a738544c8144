package sound

import (
	"math"
	"time"

	"backroll/routine"
)

// SampleRate is the rate of every sample the package makes. Every breath phase is a whole number
// of tenths of a second, and a tenth is exactly 4800 samples, so breath k starts on an exact sample.
const SampleRate = 48000

// Frames are stereo 16-bit little-endian: two channels of two bytes.
const (
	channels      = 2
	bytesPerFrame = 2 * channels
)

// timeAt returns the session time of sample pos. Integer arithmetic (1e9/48000 = 62500/3) keeps it
// exact at every tenth of a second, however long the session runs.
func timeAt(pos int64) time.Duration { return time.Duration(pos * 62500 / 3) }

// samplesIn returns the sample nearest to time d; it undoes timeAt exactly.
func samplesIn(d time.Duration) int64 { return (int64(d)*3 + 31250) / 62500 }

// span is one breath phase on the sample timeline: [start, end).
type span struct {
	phase      routine.Phase
	start, end int64
}

// spanAt asks the pace which phase sample pos is in, and where that phase begins and ends.
func spanAt(pace *routine.Pace, pos int64) span {
	t := timeAt(pos)
	b := pace.At(t)
	end := samplesIn(t + b.Left) // a phase ends on a tenth, so this is exact
	return span{phase: b.Phase, start: end - phaseSamples(pace.Pattern(t), b.Phase), end: end}
}

// phaseSamples is the length of one phase of p, rounded to tenths as routine rounds it.
func phaseSamples(p routine.Pattern, phase routine.Phase) int64 {
	seconds := [...]float64{p.Inhale, p.HoldIn, p.Exhale, p.HoldOut}[phase]
	return int64(math.Round(seconds*10)) * (SampleRate / 10)
}
