package sound

import "math"

// voicing says how one sound is made: a pitch that may glide, up to three partials, and an
// envelope that always opens and closes on a raised cosine.
type voicing struct {
	from, to float64    // pitch in Hz, gliding from → to over the sound, eased
	ratios   [3]float64 // partial frequencies relative to the pitch; 0 leaves a partial out
	weights  [3]float64 // partial levels; they sum to 1, so level bounds the peak
	decays   [3]float64 // seconds for a partial to fall to 1/e (a struck bell); 0 holds steady
	level    float64    // peak level, full scale = 1
	attack   float64    // seconds of raised-cosine opening
	release  float64    // seconds of raised-cosine closing
	shape    func(progress float64) float64
}

// flat keeps a sound at its level; decays, attack and release still shape it.
func flat(float64) float64 { return 1 }

// amplitudes returns each partial's level n samples into a sound that falls silent at quietAt
// and lasts length samples in all (progress runs over length).
func (v *voicing) amplitudes(n, quietAt, length int64) (amps [3]float32) {
	if n < 0 || n >= quietAt {
		return amps
	}
	// A sound shorter than its attack and release shares the time between them.
	attack := math.Min(v.attack*SampleRate, float64(quietAt)/2)
	release := math.Min(v.release*SampleRate, float64(quietAt)/2)
	env := v.level * v.shape(float64(n)/float64(length)) *
		rise(float64(n)/attack) * rise(float64(quietAt-n)/release)
	for i, w := range v.weights {
		a := env * w
		if d := v.decays[i]; d > 0 {
			a *= math.Exp(-float64(n) / (d * SampleRate))
		}
		amps[i] = float32(a)
	}
	return amps
}

// pitch returns the pitch n samples into a sound of length samples. The glide is even in musical
// steps (exponential in Hz) and eased, so it starts and lands gently.
func (v *voicing) pitch(n, length int64) float64 {
	if v.from == v.to {
		return v.from
	}
	return v.from * math.Pow(v.to/v.from, rise(float64(n)/float64(length)))
}

// voice plays one voicing: its partials and where it is in them.
type voice struct {
	partials [3]partial
}

// begin resets the partials to phase 0 with their amplitudes at n: a sound that starts at its
// beginning starts from exact silence, the same way every time.
func (vc *voice) begin(v *voicing, n, quietAt, length int64) {
	amps := v.amplitudes(n, quietAt, length)
	for i := range vc.partials {
		vc.partials[i] = partial{amp: amps[i]}
	}
}

// add renders len(dst) samples of v into dst, starting n samples into the sound, and reports
// whether it added anything. The partials are summed in one pass: this is the hot loop.
func (vc *voice) add(dst []float32, v *voicing, n, quietAt, length int64) bool {
	end := n + int64(len(dst))
	target := v.amplitudes(end, quietAt, length)
	freq := v.pitch(n+int64(len(dst))/2, length)
	p := &vc.partials
	silent := true
	for i := range p {
		p[i].inc = increment(freq * v.ratios[i])
		silent = silent && p[i].amp == 0 && target[i] == 0
	}
	if silent {
		for i := range p {
			p[i].phase += p[i].inc * uint32(len(dst))
		}
		return false
	}
	k := 1 / float32(len(dst))
	s0, s1, s2 := (target[0]-p[0].amp)*k, (target[1]-p[1].amp)*k, (target[2]-p[2].amp)*k
	a0, a1, a2 := p[0].amp, p[1].amp, p[2].amp
	ph0, ph1, ph2 := p[0].phase, p[1].phase, p[2].phase
	i0, i1, i2 := p[0].inc, p[1].inc, p[2].inc
	if v.ratios[2] == 0 { // soft tones use two partials
		for i := range dst {
			dst[i] += a0*sine(ph0) + a1*sine(ph1)
			ph0, ph1 = ph0+i0, ph1+i1
			a0, a1 = a0+s0, a1+s1
		}
		ph2 += i2 * uint32(len(dst))
	} else {
		for i := range dst {
			dst[i] += a0*sine(ph0) + a1*sine(ph1) + a2*sine(ph2)
			ph0, ph1, ph2 = ph0+i0, ph1+i1, ph2+i2
			a0, a1, a2 = a0+s0, a1+s1, a2+s2
		}
	}
	p[0].phase, p[1].phase, p[2].phase = ph0, ph1, ph2
	for i := range p {
		p[i].amp = target[i] // exactly, whatever the rounding on the way
	}
	return true
}
