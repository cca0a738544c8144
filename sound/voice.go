package sound

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"

	"backroll/routine"
)

// Clip is one phrase ready to play: mono samples at SampleRate, peaking at full scale, with no
// silence before the first word, so it is heard from the very sample it is scheduled on. Samples
// are 16-bit, as the cache stores them: half the memory of float32, and nothing lost.
type Clip struct {
	Text    string
	samples []int16
}

// Length is how long the phrase takes to say.
func (c *Clip) Length() time.Duration { return timeAt(int64(len(c.samples))) }

// phraseTimeout bounds one phrase's synthesis; a phrase that takes longer is not said.
const phraseTimeout = 10 * time.Second

// Voice makes the coach's phrases ahead of time, one at a time on a worker goroutine, and keeps
// them in memory and in a cache folder. A phrase that is not ready when it is due is skipped:
// nothing ever waits for speech.
type Voice struct {
	speaker  *Speaker
	cacheDir string // "" keeps phrases in memory only

	mu      sync.Mutex
	rate    int
	clips   map[clipKey]*Clip
	queue   []clipKey // phrases still to make, first first
	working bool      // the worker goroutine is running
	idle    *sync.Cond
	closed  bool
}

type clipKey struct {
	text string
	rate int
}

// NewVoice returns a voice speaking through sp (nil: a voice that never has a phrase ready),
// caching what it makes in cacheDir.
func NewVoice(sp *Speaker, cacheDir string) *Voice {
	v := &Voice{speaker: sp, cacheDir: cacheDir, rate: routine.DefaultVoiceRate, clips: map[clipKey]*Clip{}}
	v.idle = sync.NewCond(&v.mu)
	return v
}

// Speaker returns the engine, or nil when there is none.
func (v *Voice) Speaker() *Speaker { return v.speaker }

// SetRate sets the speaking rate, in words a minute, for phrases prepared from now on.
func (v *Voice) SetRate(wpm int) {
	v.mu.Lock()
	v.rate = min(max(wpm, routine.MinVoiceRate), routine.MaxVoiceRate)
	v.mu.Unlock()
}

// Prepare queues texts to be made ready at the current rate, in order, replacing what was still
// queued (a newer routine matters more). It returns at once.
func (v *Voice) Prepare(texts []string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.speaker == nil || v.closed {
		return
	}
	v.queue = v.queue[:0]
	for _, t := range texts {
		if k := (clipKey{t, v.rate}); v.clips[k] == nil {
			v.queue = append(v.queue, k)
		}
	}
	if len(v.queue) > 0 && !v.working {
		v.working = true
		go v.work()
	}
}

// Clip returns text at the current rate if it is ready, or nil.
func (v *Voice) Clip(text string) *Clip {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.clips[clipKey{text, v.rate}]
}

// Wait blocks until nothing is queued: for exports and tests, never for the window.
func (v *Voice) Wait() {
	v.mu.Lock()
	for v.working {
		v.idle.Wait()
	}
	v.mu.Unlock()
}

// Close stops the worker after the phrase it is making.
func (v *Voice) Close() {
	v.mu.Lock()
	v.closed = true
	v.queue = nil
	v.mu.Unlock()
}

func (v *Voice) work() {
	for {
		v.mu.Lock()
		if len(v.queue) == 0 || v.closed {
			v.working = false
			v.idle.Broadcast()
			v.mu.Unlock()
			return
		}
		k := v.queue[0]
		v.queue = v.queue[1:]
		v.mu.Unlock()

		clip, err := v.load(k)
		v.mu.Lock()
		if err == nil {
			v.clips[k] = clip
		}
		v.mu.Unlock()
	}
}

// load reads the phrase from the cache, or has the engine say it and caches the result. A cache
// file that cannot be read as audio counts as a miss and is made again.
func (v *Voice) load(k clipKey) (*Clip, error) {
	path := v.cachePath(k)
	if path != "" {
		if f, err := os.Open(path); err == nil {
			audio, err := readWAV(f)
			f.Close()
			if err == nil && audio.rate == SampleRate && len(audio.samples) > 0 {
				return &Clip{Text: k.text, samples: toPCM16(audio.samples)}, nil
			}
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), phraseTimeout)
	defer cancel()
	audio, err := v.speaker.Synthesize(ctx, k.text, k.rate)
	if err != nil {
		return nil, err
	}
	samples := toPCM16(prepareSpeech(audio)) // as the cache stores it, so a hit sounds the same
	if len(samples) == 0 {
		return nil, fmt.Errorf("%s said nothing for %q", v.speaker.Name, k.text)
	}
	if path != "" {
		writeCache(path, samples) // a cache that cannot be written only costs time next run
	}
	return &Clip{Text: k.text, samples: samples}, nil
}

// cachePath names a phrase's cache file by everything that changes how it sounds.
func (v *Voice) cachePath(k clipKey) string {
	if v.cacheDir == "" {
		return ""
	}
	sp := v.speaker
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%d\x00%s", sp.Name, sp.Version, sp.Voice, k.rate, k.text))
	return filepath.Join(v.cacheDir, hex.EncodeToString(sum[:16])+".wav")
}

// writeCache writes a phrase atomically: a temporary file in the same folder, renamed into place.
func writeCache(path string, samples []int16) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".phrase-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := writeMonoWAV(tmp, SampleRate, samples); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// speechEdge is how quiet a sample must be to count as the silence around a phrase (−50 dBFS).
const speechEdge = 0.00316

// edgeFade smooths the cut where leading and trailing silence was trimmed: 5 ms.
const edgeFade = SampleRate / 200

// prepareSpeech brings engine audio to the mix's terms: resampled to SampleRate, silence trimmed
// from both ends, the edges faded so the trim cannot click, and the peak raised to full scale so
// every engine and voice sits at the same level under the voice volume.
func prepareSpeech(a pcm) []float32 {
	s := resample(a.samples, a.rate, SampleRate)
	first, last := -1, -1
	var peak float32
	for i, x := range s {
		if ax := float32(math.Abs(float64(x))); ax > speechEdge {
			if first < 0 {
				first = i
			}
			last = i
			peak = max(peak, ax)
		}
	}
	if first < 0 {
		return nil
	}
	first = max(first-edgeFade, 0)
	last = min(last+edgeFade, len(s)-1)
	s = append([]float32(nil), s[first:last+1]...)
	for i := 0; i < edgeFade && i < len(s); i++ {
		g := float32(rise(float64(i) / edgeFade))
		s[i] *= g
		s[len(s)-1-i] *= g
	}
	for i := range s {
		s[i] /= peak
	}
	return s
}
