package sound

import (
	"bytes"
	"context"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"backroll/routine"
)

// espeak returns the real espeak-ng engine; make test installs it, so its absence fails.
func espeak(t *testing.T) *Speaker {
	t.Helper()
	sp, why := FindSpeaker("")
	if sp == nil || sp.Name != "espeak-ng" {
		t.Fatalf("espeak-ng is needed (make test installs it): %s", why)
	}
	return sp
}

func TestReadsEspeaksStreamingWAVHeader(t *testing.T) {
	sp := espeak(t)
	cmd, _, err := sp.command(context.Background(), "Switch sides.", routine.DefaultVoiceRate)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	// espeak-ng writes to a pipe, so it cannot fill in the sizes: they are placeholders.
	if got := binary.LittleEndian.Uint32(raw[40:]); int64(got) == int64(len(raw)-44) {
		t.Logf("data size %d matches the stream; espeak-ng fills it in now", got)
	}
	a, err := parseWAV(raw)
	if err != nil {
		t.Fatal(err)
	}
	if a.rate != 22050 || len(a.samples) != (len(raw)-44)/2 {
		t.Errorf("rate %d, %d samples; want 22050 and %d", a.rate, len(a.samples), (len(raw)-44)/2)
	}
	if d := float64(len(a.samples)) / float64(a.rate); d < 0.4 || d > 2 {
		t.Errorf("\"Switch sides.\" lasts %.2f s", d)
	}
}

func TestWAVParserRefusesDamage(t *testing.T) {
	var good bytes.Buffer
	writeMonoWAV(&good, 48000, toPCM16([]float32{0, 0.5, -0.5, 0.25}))
	a, err := parseWAV(good.Bytes())
	if err != nil || a.rate != 48000 || len(a.samples) != 4 || math.Abs(float64(a.samples[1]-0.5)) > 1e-4 {
		t.Fatalf("round trip: %+v, %v", a, err)
	}
	stream := bytes.Clone(good.Bytes())
	binary.LittleEndian.PutUint32(stream[40:], 0xFFFFFFFF)
	if a, err := parseWAV(stream); err != nil || len(a.samples) != 4 {
		t.Errorf("streaming size: %d samples, %v", len(a.samples), err)
	}
	for name, b := range map[string][]byte{
		"empty":       nil,
		"not RIFF":    []byte("hello, this is not a wav file at all"),
		"cut in fmt":  good.Bytes()[:30],
		"no data":     good.Bytes()[:36],
		"eight bits":  withByte(good.Bytes(), 34, 8),
		"not PCM":     withByte(good.Bytes(), 20, 3),
		"six streams": withByte(good.Bytes(), 22, 6),
	} {
		if _, err := parseWAV(b); err == nil {
			t.Errorf("%s: parsed without an error", name)
		}
	}
}

func withByte(b []byte, at int, v byte) []byte {
	c := bytes.Clone(b)
	c[at] = v
	return c
}

func TestResamplerKeepsLengthDCAndPitch(t *testing.T) {
	for _, rates := range [][2]int{{22050, 48000}, {16000, 48000}, {44100, 48000}, {96000, 48000}, {22051, 48000}} {
		in, out := rates[0], rates[1]
		n := in / 2 // half a second
		dc := make([]float32, n)
		tone := make([]float32, n)
		for i := range dc {
			dc[i] = 0.5
			tone[i] = float32(0.8 * math.Sin(2*math.Pi*1000*float64(i)/float64(in)))
		}
		got := resample(dc, in, out)
		if want := int(math.Round(float64(n) * float64(out) / float64(in))); len(got) != want {
			t.Errorf("%d→%d: %d samples, want %d", in, out, len(got), want)
		}
		for i, x := range got {
			if math.Abs(float64(x)-0.5) > 1e-5 {
				t.Errorf("%d→%d: DC 0.5 became %v at sample %d", in, out, x, i)
				break
			}
		}
		r := resample(tone, in, out)
		mid := r[len(r)/4 : 3*len(r)/4]
		x := make([]int16, len(mid))
		for i, v := range mid {
			x[i] = int16(v * fullScale)
		}
		if f := dominant(x, 900, 1100, 5); math.Abs(f-1000) > 5 {
			t.Errorf("%d→%d: 1 kHz came out at %.0f Hz", in, out, f)
		}
		if p := float64(peak(x)) / fullScale; math.Abs(p-0.8) > 0.01 {
			t.Errorf("%d→%d: peak 0.8 came out %.3f", in, out, p)
		}
	}
}

func TestPhraseCacheHitMissAndDamage(t *testing.T) {
	sp := espeak(t)
	dir := t.TempDir()
	const text = "Last breaths."
	v := NewVoice(sp, dir)
	v.Prepare([]string{text})
	v.Wait()
	made := v.Clip(text)
	if made == nil {
		t.Fatal("a miss was not made")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.wav"))
	if len(files) != 1 {
		t.Fatalf("cache holds %v, want one phrase", files)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// A hit needs no engine: this one cannot run, yet the phrase is there, sample for sample.
	broken := *sp
	broken.path = filepath.Join(dir, "no-such-engine")
	hit := NewVoice(&broken, dir)
	hit.Prepare([]string{text})
	hit.Wait()
	c := hit.Clip(text)
	if c == nil || len(c.samples) != len(made.samples) {
		t.Fatalf("cache hit: %v", c)
	}
	for i := range c.samples {
		if c.samples[i] != made.samples[i] {
			t.Fatalf("sample %d: cached %v, made %v", i, c.samples[i], made.samples[i])
		}
	}

	// Another rate is another phrase.
	hit.SetRate(routine.MaxVoiceRate)
	if hit.Clip(text) != nil {
		t.Error("a clip at another rate was served")
	}

	// A damaged file is a miss: not served, and made again by a working engine.
	if err := os.WriteFile(files[0], []byte("RIFF garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	damaged := NewVoice(&broken, dir)
	damaged.Prepare([]string{text})
	damaged.Wait()
	if damaged.Clip(text) != nil {
		t.Error("a damaged cache file was served")
	}
	again := NewVoice(sp, dir)
	again.Prepare([]string{text})
	again.Wait()
	if again.Clip(text) == nil {
		t.Fatal("the damaged phrase was not made again")
	}
	if f, err := os.Open(files[0]); err != nil {
		t.Fatal(err)
	} else if _, err := readWAV(f); err != nil {
		t.Errorf("the cache file was not repaired: %v", err)
	} else {
		f.Close()
	}
}

func TestNoEngineOnPathIsSilentFallback(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	sp, why := FindSpeaker("")
	if sp != nil || why != NoSpeakerReason {
		t.Fatalf("FindSpeaker with an empty PATH = %v, %q", sp, why)
	}
	v := NewVoice(nil, t.TempDir())
	v.Prepare([]string{"Switch sides."})
	v.Wait()
	if v.Clip("Switch sides.") != nil {
		t.Error("a voice without an engine has a phrase")
	}
	opts := DefaultExportOptions()
	opts.Routine, opts.Voice = true, v
	if err := opts.Validate(); err == nil || err.Error() != NoSpeakerReason {
		t.Errorf("export with no engine: %v", err)
	}
}

// constantClip is a test phrase: n samples at level v (a DC level is easy to find in a mix).
func constantClip(v float32, n int) *Clip {
	s := make([]int16, n)
	for i := range s {
		s[i] = pcm16(v)
	}
	return &Clip{Text: "test", samples: s}
}

func TestBreathDucksTwelveDecibelsUnderSpeech(t *testing.T) {
	const start = 3 * SampleRate // in the middle of the first inhale
	plain, ducked := NewSynth(), NewSynth()
	silence := &Clip{Text: "quiet", samples: make([]int16, SampleRate)} // the duck alone
	ducked.Say([]Utterance{{Clip: silence, At: start}})
	a := render(t, plain, start+2*SampleRate)
	b := render(t, ducked, start+2*SampleRate)
	before := rms(b[start-duckAhead-4800 : start-duckAhead])
	if r := before / rms(a[start-duckAhead-4800:start-duckAhead]); math.Abs(r-1) > 1e-6 {
		t.Errorf("the breath moved %.4f× before the look-ahead", r)
	}
	// From the first word to the last the breath sits 12 dB down.
	during := 20 * math.Log10(rms(b[start:start+SampleRate])/rms(a[start:start+SampleRate]))
	if math.Abs(during+12) > 0.3 {
		t.Errorf("breath under speech at %.2f dB, want −12", during)
	}
	// The look-ahead has it down by the first word, and the release is smooth, not a step.
	if g := float64(b[start]) / float64(a[start]); math.Abs(g-duckDepth) > 0.01 {
		t.Errorf("gain at the first word %.3f, want %.2f", g, duckDepth)
	}
	after := start + SampleRate
	_, d2 := roughness(b[after-480 : after+duckRelease+480])
	_, d2plain := roughness(a[after-480 : after+duckRelease+480])
	if d2 > d2plain+2 {
		t.Errorf("the release adds roughness %d over the breath's own %d", d2, d2plain)
	}
	if r := rms(b[after+duckRelease+480:after+duckRelease+4800]) / rms(a[after+duckRelease+480:after+duckRelease+4800]); math.Abs(r-1) > 1e-6 {
		t.Errorf("the breath did not come back: %.4f×", r)
	}
}

func TestUrgentLineCutsWithAShortFadeAndVoicesNeverOverlap(t *testing.T) {
	s := NewSynth()
	s.SetStyle(routine.Silent) // the voice alone
	s.SetVolume(100)
	s.SetVoiceVolume(100)
	long := constantClip(0.5, 2*SampleRate)
	s.Say([]Utterance{{Clip: long, At: 0}})
	render(t, s, SampleRate/2)
	// A waiting, non-urgent line due while the long one speaks is not heard over it.
	s.Say([]Utterance{{Clip: constantClip(-0.5, SampleRate/10), At: SampleRate / 2}})
	x := render(t, s, SampleRate/2)
	want := int16(math.Round(0.5 * speechLevel * fullScale))
	for i, v := range x {
		if abs(int(v)-int(want)) > 1 {
			t.Fatalf("sample %d: %d, want the first line alone (%d)", SampleRate/2+i, v, want)
		}
	}
	// An urgent line cuts: the first fades within cutSamples, the new one starts on time.
	at := int64(SampleRate + cutSamples)
	s.Say([]Utterance{{Clip: constantClip(-0.5, SampleRate/2), At: at, Urgent: true}})
	y := render(t, s, SampleRate/2)
	if y[0] < want-1 || y[cutSamples-1] != 0 {
		t.Errorf("cut fade: %d … %d, want %d … 0", y[0], y[cutSamples-1], want)
	}
	for i := 1; i < cutSamples; i++ {
		if y[i] > y[i-1] {
			t.Fatalf("the cut fade rises at %d", i)
		}
	}
	for i, v := range y[cutSamples : cutSamples+SampleRate/4] {
		if v != -want {
			t.Fatalf("%d samples after its start the urgent line is %d, want %d alone", i, v, -want)
		}
	}
}

// routineVoice is one voice, its phrases cached in one folder, for the tests that render the
// whole routine: each phrase is made once per test run.
var routineVoice struct {
	once sync.Once
	dir  string
}

func sharedVoice(t *testing.T) *Voice {
	sp := espeak(t)
	routineVoice.once.Do(func() {
		dir, err := os.MkdirTemp("", "backroll-voice-test-")
		if err != nil {
			t.Fatal(err)
		}
		routineVoice.dir = dir
	})
	return NewVoice(sp, routineVoice.dir)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if routineVoice.dir != "" {
		os.RemoveAll(routineVoice.dir)
	}
	os.Exit(code)
}

func TestRoutineWithVoiceSpeaksOnTimeWithinEachStep(t *testing.T) {
	voice := sharedVoice(t)
	opts := DefaultExportOptions()
	opts.Routine, opts.Voice, opts.VoiceMode = true, voice, routine.VoiceSteps
	opts.Style = routine.Silent // the voice and cues alone, so the voice can be found exactly
	var lines []Utterance
	var withVoice, without bytes.Buffer
	if err := export(&withVoice, opts, func(u []Utterance) { lines = append(lines, u...) }); err != nil {
		t.Fatal(err)
	}
	quiet := opts
	quiet.Voice = nil
	if err := Export(&without, quiet); err != nil {
		t.Fatal(err)
	}
	a, b := leftChannel(t, withVoice.Bytes()[44:]), leftChannel(t, without.Bytes()[44:])
	if len(a) != len(b) {
		t.Fatalf("lengths %d and %d", len(a), len(b))
	}
	// What the voice added, to the sample: the two tracks are otherwise the same.
	speech := make([]int16, len(a))
	for i := range a {
		speech[i] = a[i] - b[i]
	}
	plan := routine.NewPlan(opts.Pattern, opts.Roller)
	var stepStarts []int64
	var at time.Duration
	for _, st := range plan.Steps {
		stepStarts = append(stepStarts, samplesIn(at))
		at += st.Length
	}
	stepStarts = append(stepStarts, int64(len(a)))
	spokenSteps := map[int]bool{}
	tolerance := int64(50 * SampleRate / 1000)
	for _, u := range lines {
		// Heard: the first clearly audible sample near its slot (−40 dBFS).
		onset := int64(-1)
		for i := max(u.At-tolerance, 0); i < u.At+tolerance+SampleRate/2; i++ {
			if abs(int(speech[i])) > fullScale/100 {
				onset = i
				break
			}
		}
		if onset < 0 || abs(int(onset-u.At)) > int(tolerance) {
			t.Errorf("%q scheduled at %v is heard at %v", u.Clip.Text, u.Start(), timeAt(onset))
		}
		end := u.At + int64(len(u.Clip.samples))
		step := 0
		for step+1 < len(stepStarts) && stepStarts[step+1] <= u.At {
			step++
		}
		spokenSteps[step] = true
		if end > stepStarts[step+1] {
			t.Errorf("%q runs past its step's end by %v", u.Clip.Text, timeAt(end-stepStarts[step+1]))
		}
		if p := peak(speech[end+480 : min(end+4800, int64(len(speech)))]); p > fullScale/1000 && !nextLineWithin(lines, end, 4800) {
			t.Errorf("%q still sounds after its end: %d", u.Clip.Text, p)
		}
	}
	for i, st := range plan.Steps {
		if !spokenSteps[i] {
			t.Errorf("step %d (%s %s) has no speech", i, st.Move.ID, st.Side)
		}
	}
	if len(lines) < 2*len(plan.Steps) {
		t.Errorf("only %d lines for %d steps in names-and-steps mode", len(lines), len(plan.Steps))
	}
}

func nextLineWithin(lines []Utterance, from, n int64) bool {
	for _, u := range lines {
		if u.At >= from && u.At < from+n {
			return true
		}
	}
	return false
}

func TestRoutineWithVoiceAndTonesNeverClips(t *testing.T) {
	opts := DefaultExportOptions()
	opts.Routine, opts.Voice, opts.VoiceMode, opts.VoiceLevel = true, sharedVoice(t), routine.VoiceSteps, 100
	var buf bytes.Buffer
	if err := Export(&buf, opts); err != nil {
		t.Fatal(err)
	}
	x := leftChannel(t, buf.Bytes()[44:])
	minus1dBFS := int(math.Floor(fullScale * math.Pow(10, -1.0/20)))
	if p := peak(x); p > minus1dBFS {
		t.Errorf("peak %d (%.1f dBFS), want ≤ −1 dBFS", p, 20*math.Log10(float64(p)/fullScale))
	}
}

// espeak-ng speaks the chosen language; other engines and a chosen voice keep theirs.
func TestSpeakerForLanguage(t *testing.T) {
	es := &Speaker{Name: "espeak-ng", Version: "1.51"}
	for code, want := range map[string]string{"en": "", "de": "de", "es": "es", "fr": "fr-fr", "pt": "pt", "xx": ""} {
		if got := es.ForLanguage(code).Voice; got != want {
			t.Errorf("espeak-ng for %s: voice %q, want %q", code, got, want)
		}
	}
	if es.Voice != "" {
		t.Error("ForLanguage changed the speaker it was called on")
	}
	if got := (&Speaker{Name: "say"}).ForLanguage("de").Voice; got != "" {
		t.Errorf("say got voice %q", got)
	}
	if got := (&Speaker{Name: "espeak-ng", Voice: "en-gb"}).ForLanguage("de").Voice; got != "en-gb" {
		t.Errorf("a chosen voice became %q", got)
	}
	var none *Speaker
	if none.ForLanguage("de") != nil {
		t.Error("nil speaker")
	}
}
