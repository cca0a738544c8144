package sound

import (
	"encoding/binary"
	"math"
	"testing"
)

// Helpers that look at samples the way a listener's ear or a meter would, knowing nothing of how
// the synth made them.

// fullScale is the 16-bit sample value of a full-scale sine peak.
const fullScale = 32767

// minus3dBFS is the largest sample allowed at full volume: 10^(-3/20) of full scale.
var minus3dBFS = int(math.Floor(fullScale * math.Pow(10, -3.0/20)))

// render reads frames frames from s and returns the left channel, failing if the right differs.
func render(t testing.TB, s *Synth, frames int) []int16 {
	t.Helper()
	if frames == 0 {
		return nil
	}
	buf := make([]byte, frames*bytesPerFrame)
	if n, err := s.Read(buf); err != nil || n != len(buf) {
		t.Fatalf("Read = %d, %v; want %d, nil", n, err, len(buf))
	}
	return leftChannel(t, buf)
}

// leftChannel decodes interleaved 16-bit stereo and checks both channels carry the same sound.
func leftChannel(t testing.TB, pcm []byte) []int16 {
	t.Helper()
	out := make([]int16, len(pcm)/bytesPerFrame)
	for i := range out {
		l := int16(binary.LittleEndian.Uint16(pcm[4*i:]))
		r := int16(binary.LittleEndian.Uint16(pcm[4*i+2:]))
		if l != r {
			t.Fatalf("frame %d: left %d, right %d", i, l, r)
		}
		out[i] = l
	}
	return out
}

func peak(x []int16) int {
	p := 0
	for _, v := range x {
		p = max(p, abs(int(v)))
	}
	return p
}

func rms(x []int16) float64 {
	var sum float64
	for _, v := range x {
		sum += float64(v) * float64(v)
	}
	return math.Sqrt(sum / float64(len(x)))
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// goertzel returns the power of x at freq Hz, normalised so a sine of amplitude A gives A².
func goertzel(x []int16, freq float64) float64 {
	w := 2 * math.Pi * freq / SampleRate
	c := 2 * math.Cos(w)
	var s1, s2 float64
	for _, v := range x {
		s1, s2 = float64(v)+c*s1-s2, s1
	}
	p := s1*s1 + s2*s2 - c*s1*s2
	n := float64(len(x))
	return 4 * p / (n * n)
}

// dominant returns the frequency between lo and hi Hz (in steps of step Hz) where x is strongest.
func dominant(x []int16, lo, hi, step float64) float64 {
	best, bestPower := lo, -1.0
	for f := lo; f <= hi; f += step {
		if p := goertzel(x, f); p > bestPower {
			best, bestPower = f, p
		}
	}
	return best
}

// onsets returns the samples at which sound begins after at least minGap samples of silence.
// The very first sample counts as following silence.
func onsets(x []int16, offset int64, minGap int, quietRun *int, found []int64) []int64 {
	for i, v := range x {
		if v == 0 {
			*quietRun++
			continue
		}
		if *quietRun >= minGap {
			found = append(found, offset+int64(i))
		}
		*quietRun = 0
	}
	return found
}

// pcmOnsets is onsets for raw frames, reading the left channel in place: fast enough to scan
// an hour.
func pcmOnsets(pcm []byte, offset int64, minGap int, quietRun *int, found []int64) []int64 {
	for i := 0; i+bytesPerFrame <= len(pcm); i += bytesPerFrame {
		if pcm[i]|pcm[i+1] == 0 {
			*quietRun++
			continue
		}
		if *quietRun >= minGap {
			found = append(found, offset+int64(i/bytesPerFrame))
		}
		*quietRun = 0
	}
	return found
}

// roughestAt returns where roughness finds its largest second difference.
func roughestAt(x []int16) (at, d2 int) {
	for i := 2; i < len(x); i++ {
		if d := abs(int(x[i]) - 2*int(x[i-1]) + int(x[i-2])); d > d2 {
			at, d2 = i, d
		}
	}
	return at, d2
}

// roughness returns the largest first and second differences between neighbouring samples. A
// sum of sines of amplitudes aᵢ and angular steps ωᵢ cannot exceed Σaᵢωᵢ and Σaᵢωᵢ²; a click
// (a step in level or in slope) does.
func roughness(x []int16) (d1, d2 int) {
	for i := 2; i < len(x); i++ {
		a, b, c := int(x[i-2]), int(x[i-1]), int(x[i])
		d1 = max(d1, abs(c-b))
		d2 = max(d2, abs(c-2*b+a))
	}
	return d1, d2
}

// smoothBounds returns the roughness bounds for sines at the given (amplitude in full scale,
// frequency in Hz) pairs, with a margin of 25% and 3 LSB for envelopes and rounding.
func smoothBounds(parts ...[2]float64) (d1, d2 int) {
	var s1, s2 float64
	for _, p := range parts {
		w := 2 * math.Pi * p[1] / SampleRate
		s1 += p[0] * w
		s2 += p[0] * w * w
	}
	return int(1.25*s1*fullScale) + 3, int(1.25*s2*fullScale) + 3
}

// Bounds for what each style can contain, from the levels and pitches the styles promise:
// partials at their highest pitch and at least their weight of the style's peak level.
var (
	softTonesParts = [][2]float64{{0.30 * 0.88, 330}, {0.30 * 0.12, 660}}
	chimesParts    = [][2]float64{{0.30 * 0.68, 659.26}, {0.30 * 0.24, 659.26 * 2.76}, {0.30 * 0.08, 659.26 * 5.40}}
	cueParts       = [][2]float64{{0.18 * 0.8, 783.99}, {0.18 * 0.15, 2 * 783.99}, {0.18 * 0.05, 3 * 783.99}}
)

func TestRoughnessCatchesAClick(t *testing.T) {
	// The detector itself must be able to fail: a soft tone cut off mid-breath is a click.
	s := NewSynth()
	s.SetVolume(100)
	x := render(t, s, SampleRate)
	d1, d2 := smoothBounds(softTonesParts...)
	if r1, r2 := roughness(x); r1 > d1 || r2 > d2 {
		t.Fatalf("an uncut tone measures %d, %d; bounds %d, %d", r1, r2, d1, d2)
	}
	for i := SampleRate / 2; i < len(x); i++ {
		x[i] = 0
	}
	if r1, r2 := roughness(x); r1 <= d1 && r2 <= d2 {
		t.Fatalf("a tone cut to silence measures %d, %d, within the bounds %d, %d", r1, r2, d1, d2)
	}
}

func log10(x float64) float64 { return math.Log10(x) }
