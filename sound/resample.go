package sound

import "math"

// resampleTaps is how many input samples on each side of an output sample the filter reaches at
// full bandwidth: enough for a steep low-pass that keeps speech clear and aliasing far below hearing.
const resampleTaps = 16

// resample converts samples from rate in to rate out with a Blackman-windowed sinc filter whose
// cut-off sits just under the lower of the two Nyquist frequencies. The weights for each output
// sample are normalised to sum to one, so a constant stays exactly that constant (no DC shift),
// and the output lasts as long as the input: round(len × out / in) samples.
func resample(samples []float32, in, out int) []float32 {
	if in == out || len(samples) == 0 {
		return append([]float32(nil), samples...)
	}
	n := int((int64(len(samples))*int64(out) + int64(in)/2) / int64(in))
	dst := make([]float32, n)
	f := newSincFilter(in, out)
	last := len(samples) - 1
	for i := range dst {
		// Output sample i sits at input position i×in/out: a whole part and one of f's phases.
		pos := int64(i) * int64(in)
		whole := int(pos / int64(out))
		weights := f.weights(int(pos % int64(out)))
		first := whole - f.reach + 1
		var acc float32
		for k, w := range weights {
			j := min(max(first+k, 0), last) // hold the edges rather than pad with zeros
			acc += w * samples[j]
		}
		dst[i] = acc
	}
	return dst
}

// sincFilter holds the filter's weights for every fractional position an output sample can fall
// on; for the usual rates (22 050 or 16 000 Hz to 48 000) there are only a few hundred.
type sincFilter struct {
	in, out, step int // step: the fractional positions are multiples of step/out
	reach         int // input samples used on each side
	cutoff        float64
	table         [][]float32 // by fraction/step, when the fractions are few enough to keep
}

func newSincFilter(in, out int) *sincFilter {
	cutoff := 0.95 * math.Min(1, float64(out)/float64(in)) // of the input's Nyquist frequency
	f := &sincFilter{in: in, out: out, step: gcd(in, out), cutoff: cutoff,
		reach: int(math.Ceil(resampleTaps / cutoff))} // the filter widens when it must cut lower
	if phases := out / f.step; phases <= 4096 {
		f.table = make([][]float32, phases)
		for p := range f.table {
			f.table[p] = f.compute(p * f.step)
		}
	}
	return f
}

// weights returns the weights for an output sample frac/out of the way past an input sample.
func (f *sincFilter) weights(frac int) []float32 {
	if f.table != nil {
		return f.table[frac/f.step]
	}
	return f.compute(frac)
}

func (f *sincFilter) compute(frac int) []float32 {
	w := make([]float32, 2*f.reach)
	offset := float64(frac) / float64(f.out)
	var sum float64
	ws := make([]float64, len(w))
	for k := range ws {
		x := float64(k-f.reach+1) - offset // distance of input sample from the output's position
		ws[k] = sinc(x*f.cutoff) * blackman(x/float64(f.reach))
		sum += ws[k]
	}
	for k := range w {
		w[k] = float32(ws[k] / sum)
	}
	return w
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// blackman is the Blackman window over −1…1, zero outside.
func blackman(x float64) float64 {
	if x <= -1 || x >= 1 {
		return 0
	}
	return 0.42 + 0.5*math.Cos(math.Pi*x) + 0.08*math.Cos(2*math.Pi*x)
}
