package sound

import "time"

// Utterance is a phrase placed on the timeline.
type Utterance struct {
	Clip   *Clip
	At     int64 // the sample its first word starts on
	Urgent bool  // cuts whatever is being said
}

// Start is the session time the phrase starts at.
func (u Utterance) Start() time.Duration { return timeAt(u.At) }

// End is the session time the phrase ends at.
func (u Utterance) End() time.Duration { return timeAt(u.At + int64(len(u.Clip.samples))) }

const (
	// speechLevel is the voice's peak at full voice volume, before the app volume: under the
	// limiter's knee with the ducked breath and a ringing cue beside it.
	speechLevel = 0.5
	// duckDepth is the breath's level while the coach speaks: −12 dB.
	duckDepth = 0.25
	// duckAhead is the look-ahead: the breath is fully down when the first word starts.
	duckAhead = 80 * SampleRate / 1000
	// duckRelease is how long the breath takes to come back after the last word.
	duckRelease = 400 * SampleRate / 1000
	// cutSamples is the fade of a phrase cut short by an urgent one: 20 ms.
	cutSamples = 20 * SampleRate / 1000
	// lateLimit is how late a phrase may still start (after a cut, or a seek past its start);
	// later than that it is dropped, since a sentence heard late is worse than none.
	lateLimit = 60 * SampleRate / 1000
	// maxQueued bounds the phrases waiting to start: a move's set-up and its steps.
	maxQueued = 16
)

// speechBatch is what one Say handed over: read-only once published.
type speechBatch struct {
	lines  []Utterance // by start
	urgent bool
}

// speechLayer is the voice part of the synthesiser, owned by the goroutine that calls Read.
type speechLayer struct {
	queue   [maxQueued]Utterance // waiting, by start
	queued  int
	current Utterance // sounding while current.Clip != nil
	played  int64     // samples of current already played
	cutLeft int       // while cutting: samples of fade left
	duck    float32   // the breath's gain, duckDepth…1
	gain    float32   // the voice volume's gain
}

// take merges a batch: an urgent one replaces everything waiting and cuts what is being said; any
// other waits its turn behind it.
func (sp *speechLayer) take(b *speechBatch) {
	if b.urgent {
		sp.queued = 0
		if sp.current.Clip != nil && sp.cutLeft == 0 {
			sp.cutLeft = cutSamples
		}
	}
	for _, u := range b.lines {
		if sp.queued == maxQueued {
			break
		}
		i := sp.queued
		for i > 0 && sp.queue[i-1].At > u.At {
			sp.queue[i] = sp.queue[i-1]
			i--
		}
		sp.queue[i] = u
		sp.queued++
	}
}

// busy reports whether anything is being said or waits to be.
func (sp *speechLayer) busy() bool { return sp.current.Clip != nil || sp.queued > 0 }

// silence drops what is being said (paused, muted, or the timeline jumped); what waits stays,
// since it is placed on the timeline and will still be due there.
func (sp *speechLayer) silence() {
	sp.current = Utterance{}
	sp.cutLeft = 0
	sp.duck = 1
}

// dropBefore forgets waiting phrases that should have started more than lateLimit before t.
func (sp *speechLayer) dropBefore(t int64) {
	kept := 0
	for _, u := range sp.queue[:sp.queued] {
		if u.At+lateLimit >= t {
			sp.queue[kept] = u
			kept++
		}
	}
	sp.queued = kept
}

// shaping reports whether the block from t needs the voice's attention: something sounds, the
// duck is moving, or a phrase starts within the look-ahead.
func (sp *speechLayer) shaping(t int64, n int) bool {
	return sp.current.Clip != nil || sp.duck != 1 || sp.queued > 0 && sp.queue[0].At <= t+int64(n)+duckAhead
}

// duckBreath lowers the breath in mix (which holds only the breath) while the coach speaks, with
// look-ahead so it is down before the first word, and a slow release after the last.
func (sp *speechLayer) duckBreath(mix []float32, t int64) {
	const down, up = float32(1-duckDepth) / duckAhead, float32(1-duckDepth) / duckRelease
	for i := range mix {
		at := t + int64(i)
		speaking := sp.current.Clip != nil && sp.current.At <= at ||
			sp.queued > 0 && sp.queue[0].At <= at+duckAhead
		if speaking {
			sp.duck = max(sp.duck-down, duckDepth)
		} else if sp.duck < 1 {
			sp.duck = min(sp.duck+up, 1)
		}
		mix[i] *= sp.duck
	}
}

// add mixes the voice into mix, which starts at sample t, and reports whether it added anything.
// One phrase sounds at a time; the next starts when its time comes, the voice is free and mayStart.
func (sp *speechLayer) add(mix []float32, t int64, mayStart bool) bool {
	added := false
	for i := range mix {
		at := t + int64(i)
		if sp.current.Clip == nil && (!mayStart || !sp.startDue(at)) {
			continue
		}
		g := sp.gain * speechLevel / 32768 // samples are 16-bit
		cutDone := false
		if sp.cutLeft > 0 {
			g *= float32(rise(float64(sp.cutLeft-1) / cutSamples))
			sp.cutLeft--
			cutDone = sp.cutLeft == 0
		}
		c := sp.current.Clip
		mix[i] += float32(c.samples[sp.played]) * g
		added = true
		sp.played++
		if sp.played == int64(len(c.samples)) || cutDone {
			sp.current, sp.cutLeft = Utterance{}, 0
		}
	}
	return added
}

// startDue starts the first waiting phrase if it is due at sample at, dropping any that are too
// late to start, and reports whether one started.
func (sp *speechLayer) startDue(at int64) bool {
	for sp.queued > 0 && sp.queue[0].At <= at {
		next := sp.queue[0]
		copy(sp.queue[:], sp.queue[1:sp.queued])
		sp.queued--
		if at-next.At <= lateLimit {
			sp.current, sp.played = next, 0
			return true
		}
	}
	return false
}
