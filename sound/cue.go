package sound

import "fmt"

// Cue is a short sound that marks a moment of the routine. Each is told apart by its shape, not
// only its pitch, so it can be recognised with eyes closed.
type Cue int

// The cues.
const (
	NextMove    Cue = iota // two notes rising a fifth: on to the next move
	SwitchSides            // the same note twice: same move, other side
	CheckIn                // one long, single note: notice how it feels
	Finished               // three notes falling, the last ringing out: a gentle end
	Tick                   // one short, soft note: a count of the 3-2-1 before a session goes on
	cueCount
)

func (c Cue) String() string {
	switch c {
	case NextMove:
		return "next-move"
	case SwitchSides:
		return "switch-sides"
	case CheckIn:
		return "check-in"
	case Finished:
		return "finished"
	case Tick:
		return "tick"
	}
	return fmt.Sprintf("cue(%d)", int(c))
}

// note is one struck note of a cue.
type note struct {
	at     float64 // seconds after the cue
	freq   float64 // Hz
	length float64 // seconds, release included
}

// cueNotes lists each cue's notes, in the order they sound.
var cueNotes = [cueCount][]note{
	NextMove:    {{0, 523.25, 0.6}, {0.18, 783.99, 0.9}},
	SwitchSides: {{0, 659.26, 0.35}, {0.23, 659.26, 0.7}},
	CheckIn:     {{0, 440.00, 1.2}},
	Finished:    {{0, 783.99, 0.9}, {0.45, 659.26, 0.9}, {0.90, 523.25, 2.6}},
	Tick:        {{0, 587.33, 0.25}},
}

// cueLevel keeps a note, added to the loudest breath, under the limiter's knee.
const cueLevel = 0.18

// cueTimbre is a soft mallet on a warm bar: harmonic partials that die away fast.
var cueTimbre = voicing{ratios: [3]float64{1, 2, 3}, weights: [3]float64{0.8, 0.15, 0.05},
	decays: [3]float64{0.7, 0.3, 0.15}, level: cueLevel, attack: 0.02, release: 0.06, shape: flat}

// ringOut is how many samples the Finished cue sounds, from its start to silence.
func ringOut() int64 {
	var end int64
	for _, n := range cueNotes[Finished] {
		end = max(end, samplesFor(n.at)+samplesFor(n.length))
	}
	return end
}

func samplesFor(seconds float64) int64 { return int64(seconds*SampleRate + 0.5) }

// noteVoice is one note of a cue, waiting for its start or sounding.
type noteVoice struct {
	active bool
	start  int64 // the sample the note begins on
	length int64
	timbre voicing
	voice  voice
}

// scheduleCue schedules the notes of c from sample at, in free voices; a note with no free voice
// is dropped rather than cutting off one that is sounding.
func scheduleCue(voices []noteVoice, c Cue, at int64) {
	for _, n := range cueNotes[c] {
		for i := range voices {
			v := &voices[i]
			if v.active {
				continue
			}
			*v = noteVoice{active: true, start: at + samplesFor(n.at), length: samplesFor(n.length), timbre: cueTimbre}
			v.timbre.from, v.timbre.to = n.freq, n.freq
			v.voice.begin(&v.timbre, 0, v.length, v.length)
			break
		}
	}
}

// add renders the note into dst, which starts at sample t, not before the note's start.
func (v *noteVoice) add(dst []float32, t int64) {
	n := t - v.start
	v.voice.add(dst, &v.timbre, n, v.length, v.length)
	if n+int64(len(dst)) >= v.length {
		v.active = false
	}
}
