package sound

import "math"

// A sine table with linear interpolation: math.Sin per sample would eat the whole time budget
// (1000x real time leaves about 20 ns per frame), and 2048 points interpolated sit far below 16 bits.
const sineBits = 11

var sineTable = func() (t [1<<sineBits + 1]float32) {
	for i := range t {
		t[i] = float32(math.Sin(2 * math.Pi * float64(i) / (1 << sineBits)))
	}
	return t
}()

// sine returns sin(2π·phase/2³²).
func sine(phase uint32) float32 {
	const fracBits = 32 - sineBits
	i := phase >> fracBits
	f := float32(phase&(1<<fracBits-1)) * (1.0 / (1 << fracBits))
	a := sineTable[i]
	return a + (sineTable[i+1]-a)*f
}

// increment is the per-sample phase step of a tone at freq Hz.
func increment(freq float64) uint32 {
	return uint32(freq / SampleRate * (1 << 32))
}

// partial is one sine component. Its amplitude ramps linearly across a control block, so envelopes
// computed every few dozen samples still reach the output without steps.
type partial struct {
	phase uint32
	inc   uint32
	amp   float32
}
