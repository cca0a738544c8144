package sound

import "math"

// rise is a raised-cosine step: 0 at x <= 0, 1 at x >= 1, with zero slope at both ends,
// which is what keeps a sound from clicking as it starts or stops.
func rise(x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	return (1 - math.Cos(math.Pi*x)) / 2
}

// fadeSamples is the length of every fade the listener did not ask to hear: pause, resume, mute,
// seek, style and pattern changes (30 ms, inside the 20–50 ms that reads as smooth but prompt).
const fadeSamples = 30 * SampleRate / 1000

var fadeTable = func() (t [fadeSamples + 1]float32) {
	for i := range t {
		t[i] = float32(rise(float64(i) / fadeSamples))
	}
	return t
}()

// fader moves one sample at a time along a raised cosine towards open or closed, so it can
// reverse mid-fade without a jump.
type fader struct{ pos int }

// next steps the fader and returns its level for this sample.
func (f *fader) next(open bool) float32 {
	if open {
		if f.pos < fadeSamples {
			f.pos++
		}
	} else if f.pos > 0 {
		f.pos--
	}
	return fadeTable[f.pos]
}

// settled reports whether the fader rests at the given end.
func (f *fader) settled(open bool) bool {
	if open {
		return f.pos == fadeSamples
	}
	return f.pos == 0
}

// apply multiplies dst by the fader as it moves towards open.
func (f *fader) apply(dst []float32, open bool) {
	if f.settled(open) {
		if !open {
			clear(dst)
		}
		return
	}
	for i := range dst {
		dst[i] *= f.next(open)
	}
}

// skip moves the fader n samples on, for a stretch of silence.
func (f *fader) skip(n int, open bool) {
	if open {
		f.pos = min(f.pos+n, fadeSamples)
	} else {
		f.pos = max(f.pos-n, 0)
	}
}
