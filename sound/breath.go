package sound

import (
	"math"

	"backroll/routine"
)

// styleID is a ToneStyle as the audio goroutine keeps it: a number it can load atomically.
type styleID int32

const (
	softTones styleID = iota
	chimes
	lowHum
	silent
)

func styleIDOf(s routine.ToneStyle) styleID {
	switch s {
	case routine.Chimes:
		return chimes
	case routine.LowHum:
		return lowHum
	case routine.Silent:
		return silent
	}
	return softTones
}

// turnGap is the silence that ends every breath sound before the next phase, so each turn of the
// breath is quiet and the next sound begins cleanly on its own sample.
const turnGap = 60 * SampleRate / 1000

// swell lifts a tone a little in the middle of the phase, as a breath fills out.
func swell(p float64) float64 { return 0.75 + 0.25*math.Sin(math.Pi*p) }

// voicings gives the sound of each phase in each style; nil is quiet (holds are quiet in every
// style: the absence of the tone is the cue to hold). Inhale and exhale always differ in pitch.
var voicings = [...][4]*voicing{
	softTones: {
		// A soft tone rising a fifth, with a touch of octave to brighten the in-breath...
		routine.Inhale: {from: 220, to: 330, ratios: [3]float64{1, 2}, weights: [3]float64{0.88, 0.12},
			level: 0.30, attack: 0.04, release: 0.30, shape: swell},
		// ...and falling further, purer and softer, on the longer out-breath.
		routine.Exhale: {from: 330, to: 196, ratios: [3]float64{1, 2}, weights: [3]float64{0.96, 0.04},
			level: 0.28, attack: 0.04, release: 0.40, shape: swell},
	},
	chimes: {
		// A bright bell (E5) to breathe in, a low bell an octave down (E4) to breathe out.
		routine.Inhale: {from: 659.26, to: 659.26, ratios: [3]float64{1, 2.76, 5.40}, weights: [3]float64{0.68, 0.24, 0.08},
			decays: [3]float64{1.4, 0.5, 0.2}, level: 0.30, attack: 0.02, release: 0.20, shape: flat},
		routine.Exhale: {from: 329.63, to: 329.63, ratios: [3]float64{1, 2.76, 5.40}, weights: [3]float64{0.75, 0.19, 0.06},
			decays: [3]float64{2.0, 0.7, 0.25}, level: 0.30, attack: 0.02, release: 0.25, shape: flat},
	},
	lowHum: {
		// A hum (C3) that swells as the lungs fill, then a lower one (G2) that fades as they empty.
		routine.Inhale: {from: 130.81, to: 130.81, ratios: [3]float64{1, 2, 3}, weights: [3]float64{0.6, 0.3, 0.1},
			level: 0.30, attack: 0.05, release: 0.30, shape: func(p float64) float64 { return 0.35 + 0.65*rise(p) }},
		routine.Exhale: {from: 98.00, to: 98.00, ratios: [3]float64{1, 2, 3}, weights: [3]float64{0.65, 0.28, 0.07},
			level: 0.30, attack: 0.05, release: 0.30, shape: func(p float64) float64 { return 1 - 0.65*rise(p) }},
	},
	silent: {},
}

// breathLayer renders the breath of one style along one pace, phase by phase.
type breathLayer struct {
	style styleID
	pace  *routine.Pace
	span  span // the phase being rendered
	valid bool // span holds the phase at the current sample
	voice voice
}

// ensure makes the span the phase that sample t is in; a new phase starts its sound afresh.
func (b *breathLayer) ensure(t int64) {
	if b.valid && t >= b.span.start && t < b.span.end {
		return
	}
	b.span = spanAt(b.pace, t)
	b.valid = true
	if v := voicings[b.style][b.span.phase]; v != nil {
		length := b.span.end - b.span.start
		b.voice.begin(v, t-b.span.start, length-turnGap, length)
	}
}

// add renders the breath into dst, which starts at sample t and ends within the current phase,
// and reports whether it added anything.
func (b *breathLayer) add(dst []float32, t int64) bool {
	v := voicings[b.style][b.span.phase]
	if v == nil {
		return false
	}
	length := b.span.end - b.span.start
	return b.voice.add(dst, v, t-b.span.start, length-turnGap, length)
}

// quietAt reports whether the breath of style along pace is silent at pos, or just beginning a
// sound there from silence: a moment to switch styles, or to start, without a fade.
func quietAt(style styleID, pace *routine.Pace, pos int64) bool {
	if style == silent {
		return true
	}
	sp := spanAt(pace, pos)
	return voicings[style][sp.phase] == nil || pos == sp.start || pos >= sp.end-turnGap
}
