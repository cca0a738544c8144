package sound

import (
	"testing"
	"time"

	"backroll/routine"
)

func TestBreathOnsetsStayOnScheduleForAnHour(t *testing.T) {
	// An hour of the default 4–6 breath, streamed in one-second reads. Every inhale and exhale
	// must begin the same number of samples after its scheduled start, within one sample:
	// breath k begins k × 480000 samples in, with no drift.
	const hour = 3600 * SampleRate
	period := samplesIn(routine.DefaultPattern.Period())
	inhale := samplesIn(time.Duration(routine.DefaultPattern.Inhale * float64(time.Second)))
	s := NewSynth()
	buf := make([]byte, SampleRate*bytesPerFrame)
	var found []int64
	quiet := turnGap // the start counts as following silence
	for at := int64(0); at < hour; at += SampleRate {
		s.Read(buf)
		found = pcmOnsets(buf, at, turnGap/2, &quiet, found)
	}
	if want := 2 * hour / period; int64(len(found)) != want {
		t.Fatalf("found %d onsets in an hour, want %d (an inhale and an exhale per breath)", len(found), want)
	}
	// The offset of the first inhale and exhale is how long the sound takes to rise above the
	// least significant bit; it must be short, and it must be the same for every breath.
	inOffset, exOffset := found[0], found[1]-inhale
	if inOffset > 48 || exOffset < 0 || exOffset > 48 {
		t.Fatalf("sound rises %d and %d samples after the phase begins; want at most 1 ms", inOffset, exOffset)
	}
	for i, at := range found {
		k := int64(i / 2)
		want := k*period + inOffset
		if i%2 == 1 {
			want = k*period + inhale + exOffset
		}
		if d := at - want; d < -1 || d > 1 {
			t.Fatalf("onset %d (breath %d) at sample %d, want %d ± 1", i, k, at, want)
		}
	}
	if s.Position() != hour {
		t.Errorf("Position = %d after an hour, want %d", s.Position(), hour)
	}
}

func TestPatternChangeLandsOnTheNextBreathBoundary(t *testing.T) {
	// The session schedules a new pattern from the first breath boundary at least 500 ms ahead;
	// the sound must follow on that exact sample, and the breath in progress must not change.
	s := NewSynth()
	pace := routine.NewPace(routine.DefaultPattern)
	s.SetPace(pace)
	x := render(t, s, 13*SampleRate) // into the second breath, an exhale
	next := routine.Pattern{Inhale: 3, Exhale: 5}
	s.SetPace(pace.WithPattern(next, 13*time.Second+500*time.Millisecond))
	x = append(x, render(t, s, 40*SampleRate)...)
	quiet := turnGap
	found := onsets(x, 0, turnGap/2, &quiet, nil)
	inOffset, exOffset := found[0], found[1]-4*SampleRate
	want := []int64{0, 4 * SampleRate, 10 * SampleRate, 14 * SampleRate}
	for at := int64(20 * SampleRate); at < 53*SampleRate; at += 8 * SampleRate {
		want = append(want, at)
		if at+3*SampleRate < 53*SampleRate {
			want = append(want, at+3*SampleRate)
		}
	}
	if len(found) != len(want) {
		t.Fatalf("onsets %v, want %d of them at %v (+ rise time)", found, len(want), want)
	}
	for i := range want {
		offset := inOffset
		if i%2 == 1 {
			offset = exOffset
		}
		if found[i] != want[i]+offset {
			t.Errorf("onset %d at %d, want %d", i, found[i], want[i]+offset)
		}
	}
}

func TestInhaleAndExhaleSoundDifferent(t *testing.T) {
	// Measured pitch a quarter and three quarters of the way through each phase of a 4–6 breath.
	// Each style must tell the phases apart by more than a semitone (6%), either in pitch or in
	// the direction the pitch moves.
	for _, style := range []routine.ToneStyle{routine.SoftTones, routine.Chimes, routine.LowHum} {
		t.Run(string(style), func(t *testing.T) {
			s := NewSynth()
			s.SetStyle(style)
			x := render(t, s, 10*SampleRate)
			pitchAt := func(sec float64) float64 {
				from := int(sec * SampleRate)
				return dominant(x[from:from+SampleRate/4], 60, 1200, 1)
			}
			in1, in3 := pitchAt(1), pitchAt(3-0.25)
			ex1, ex3 := pitchAt(4+1.5), pitchAt(4+4.5-0.25)
			t.Logf("inhale %.0f → %.0f Hz, exhale %.0f → %.0f Hz", in1, in3, ex1, ex3)
			apart := func(a, b float64) bool { return a > b*1.06 || b > a*1.06 }
			risesIn, fallsOut := in3 > in1*1.06, ex3*1.06 < ex1
			if !(apart(in1, ex1) && apart(in3, ex3)) && !(risesIn && fallsOut) {
				t.Errorf("inhale and exhale are not told apart")
			}
			if style == routine.SoftTones && !(risesIn && fallsOut) {
				t.Errorf("soft tones should glide up on the inhale and down on the exhale")
			}
		})
	}
}

func TestHoldsAreQuiet(t *testing.T) {
	s := NewSynth()
	s.SetPace(routine.NewPace(routine.Pattern{Inhale: 4, HoldIn: 2, Exhale: 6, HoldOut: 2}))
	x := render(t, s, 14*SampleRate)
	for _, hold := range [][2]int{{4, 6}, {12, 14}} {
		if p := peak(x[hold[0]*SampleRate : hold[1]*SampleRate]); p != 0 {
			t.Errorf("hold %v s peaks at %d, want silence", hold, p)
		}
	}
	if peak(x[:4*SampleRate]) == 0 || peak(x[6*SampleRate:12*SampleRate]) == 0 {
		t.Error("inhale or exhale is silent")
	}
}

func TestPeakStaysBelowMinus3dBFSWithCues(t *testing.T) {
	// Full volume, every cue at once, over the breath's loudest moments.
	for _, style := range routine.ToneStyles {
		t.Run(string(style), func(t *testing.T) {
			s := NewSynth()
			s.SetStyle(style)
			s.SetVolume(100)
			var x []int16
			for _, at := range []float64{0, 0.5, 2, 3.6, 4.05, 5, 7} {
				x = append(x, render(t, s, int(at*SampleRate)-len(x))...)
				for c := Cue(0); c < cueCount; c++ {
					s.Cue(c)
				}
			}
			x = append(x, render(t, s, 12*SampleRate-len(x))...)
			p := peak(x)
			t.Logf("peak %d (%.1f dBFS)", p, 20*log10(float64(p)/fullScale))
			if p > minus3dBFS {
				t.Errorf("peak %d is above −3 dBFS (%d)", p, minus3dBFS)
			}
			if p < fullScale/4 {
				t.Errorf("peak %d is below −12 dBFS: the cues did not sound", p)
			}
		})
	}
}

func TestVolumeCurveIsPerceptual(t *testing.T) {
	// Equal slider steps should be roughly equal steps in level, not in amplitude: half volume
	// must be far quieter than half the amplitude, and 0 silent.
	level := func(v int) float64 {
		s := NewSynth()
		s.SetVolume(v)
		return rms(render(t, s, 4*SampleRate))
	}
	full, half, tenth := level(100), level(50), level(10)
	if db := 20 * log10(half/full); db > -12 || db < -24 {
		t.Errorf("volume 50 is %.1f dB below 100; want a perceptual step of 12–24 dB", -db)
	}
	if tenth == 0 || tenth >= half/10 {
		t.Errorf("volume 10 RMS %.1f, volume 50 RMS %.1f", tenth, half)
	}
	if level(0) != 0 {
		t.Error("volume 0 is not silent")
	}
}

func TestNoClicksOnPausesVolumeStyleAndPatternChanges(t *testing.T) {
	// Every change lands at the loudest, most awkward moment: mid-tone.
	s := NewSynth()
	s.SetVolume(100)
	pace := routine.NewPace(routine.DefaultPattern)
	s.SetPace(pace)
	var x []int16
	at := func(sec float64, change func()) {
		x = append(x, render(t, s, int(sec*SampleRate)-len(x))...)
		change()
	}
	at(1.0, s.Pause)
	at(1.3, s.Resume)
	at(1.9, func() { s.SetVolume(10) })
	at(2.0, func() { s.SetVolume(100) })
	at(2.5, func() { s.SetMuted(true) })
	at(2.52, func() { s.SetMuted(false) }) // reversed mid-fade
	at(3.0, func() { s.SeekTo(SampleRate * 25 / 10) })
	at(3.7, func() { s.SetPace(pace.WithPattern(routine.Pattern{Inhale: 5, Exhale: 7}, 3*time.Second)) })
	at(5.0, func() { s.SetPace(routine.NewPace(routine.Pattern{Inhale: 2, Exhale: 2})) }) // disagrees now
	at(6.0, func() { s.Cue(NextMove) })
	at(6.1, s.Pause) // cutting the cue short
	at(6.5, s.Resume)
	at(7.0, func() { s.Cue(Finished) })
	at(8.0, func() { s.SetStyle(routine.LowHum) })
	at(9.0, func() { s.SetStyle(routine.SoftTones) })
	x = append(x, render(t, s, 14*SampleRate-len(x))...)
	d1, d2 := smoothBounds(append(softTonesParts, cueParts...)...)
	r1, r2 := roughness(x)
	t.Logf("largest step %d (bound %d), largest change of slope %d (bound %d)", r1, d1, r2, d2)
	if r1 > d1 || r2 > d2 {
		at, _ := roughestAt(x)
		t.Errorf("a click: steps of %d and %d exceed %d and %d (at %.4f s)", r1, r2, d1, d2, float64(at)/SampleRate)
	}
}

func TestChimeAndCueEnvelopesAreSmooth(t *testing.T) {
	s := NewSynth()
	s.SetStyle(routine.Chimes)
	s.SetVolume(100)
	x := render(t, s, 3*SampleRate)
	for c := Cue(0); c < cueCount; c++ {
		s.Cue(c)
		x = append(x, render(t, s, SampleRate)...)
	}
	x = append(x, render(t, s, 10*SampleRate)...)
	d1, d2 := smoothBounds(append(chimesParts, cueParts...)...)
	if r1, r2 := roughness(x); r1 > d1 || r2 > d2 {
		t.Errorf("a click: steps of %d and %d exceed %d and %d", r1, r2, d1, d2)
	}
}

func TestPauseFadesWithin50ms(t *testing.T) {
	s := NewSynth()
	s.SetVolume(100)
	render(t, s, SampleRate)
	s.Pause()
	x := render(t, s, SampleRate/10)
	if p := peak(x[SampleRate/20:]); p != 0 {
		t.Errorf("still sounding 50 ms after Pause: peak %d", p)
	}
	if peak(x[:SampleRate/100]) == 0 {
		t.Error("Pause cut the sound at once instead of fading")
	}
	if s.Position() != SampleRate+SampleRate/10 {
		t.Errorf("Position %d; a paused synth still counts its samples", s.Position())
	}
}

func TestSeekToReportsItsTargetAtOnce(t *testing.T) {
	s := NewSynth()
	render(t, s, SampleRate) // mid-inhale: the seek must fade out first
	s.SeekTo(20 * SampleRate)
	if s.Position() != 20*SampleRate {
		t.Fatalf("Position = %d right after SeekTo, want %d", s.Position(), 20*SampleRate)
	}
	render(t, s, SampleRate)
	// The fade-out counts as the samples just before the target, so the listener's clock runs
	// on steadily into the new timeline.
	if got, want := s.Position(), int64(21*SampleRate); got > want || got < want-fadeSamples {
		t.Errorf("Position = %d a second after the seek, want %d less at most a fade", got, want)
	}
}

func TestCuesAreHeardOverSilenceAndRingOut(t *testing.T) {
	s := NewSynth()
	s.SetStyle(routine.Silent)
	if x := render(t, s, SampleRate); peak(x) != 0 {
		t.Fatal("style off is not silent")
	}
	if s.Ringing() {
		t.Fatal("Ringing with no cue")
	}
	s.Cue(Finished)
	if !s.Ringing() {
		t.Fatal("not Ringing right after Cue")
	}
	x := render(t, s, 5*SampleRate)
	// Three notes, falling: G5, E5, C5.
	var notes []float64
	for _, at := range []float64{0.1, 0.55, 1.0} {
		from := int(at * SampleRate)
		notes = append(notes, dominant(x[from:from+SampleRate/10], 300, 1000, 2))
	}
	if !(notes[0] > notes[1] && notes[1] > notes[2]) {
		t.Errorf("the end cue's notes are %v Hz; want three falling", notes)
	}
	if s.Ringing() {
		t.Error("still Ringing after the end cue rang out")
	}
	if got, want := s.quietFrom(), SampleRate+ringOut(); got > want || got < want-SampleRate/10 {
		t.Errorf("quiet from sample %d, want just before %d", got, want)
	}
}

func TestCuesWhileMutedAreDropped(t *testing.T) {
	s := NewSynth()
	s.SetStyle(routine.Silent)
	s.SetMuted(true)
	s.Cue(NextMove)
	render(t, s, SampleRate/10)
	s.SetMuted(false)
	if p := peak(render(t, s, SampleRate)); p != 0 {
		t.Errorf("a cue made while muted played later (peak %d)", p)
	}
}

func TestReadDoesNotAllocate(t *testing.T) {
	s := NewSynth()
	buf := make([]byte, 4096)
	n := 0
	allocs := testing.AllocsPerRun(200, func() {
		if n%50 == 0 {
			s.Cue(Cue(n / 50 % int(cueCount)))
			s.SetVolume(n % 100)
		}
		n++
		s.Read(buf)
	})
	if allocs != 0 {
		t.Errorf("Read allocates %.1f times per call", allocs)
	}
}

func TestReadNeedsAWholeFrame(t *testing.T) {
	s := NewSynth()
	if n, err := s.Read(make([]byte, 3)); n != 0 || err == nil {
		t.Errorf("Read of 3 bytes = %d, %v; want 0 and an error", n, err)
	}
	if n, _ := s.Read(make([]byte, 7)); n != 4 {
		t.Errorf("Read of 7 bytes = %d, want one frame", n)
	}
}

func TestStyleChangeAtATurnIsSilent(t *testing.T) {
	// The routine's end lands on a breath boundary; turning the breath off there must not let a
	// sliver of the next inhale out.
	s := NewSynth()
	s.SetVolume(100)
	render(t, s, 10*SampleRate)
	s.SetStyle(routine.Silent)
	if p := peak(render(t, s, SampleRate)); p != 0 {
		t.Errorf("turning the breath off at a turn let out a peak of %d", p)
	}
	s.SetStyle(routine.Chimes) // on again mid-inhale: fades in
	x := render(t, s, SampleRate)
	d1, d2 := smoothBounds(chimesParts...)
	if r1, r2 := roughness(x); r1 > d1 || r2 > d2 || peak(x) == 0 {
		t.Errorf("chimes mid-inhale: peak %d, steps %d, %d over %d, %d", peak(x), r1, r2, d1, d2)
	}
}
