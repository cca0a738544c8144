package sound

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"backroll/internal/pulsetest"
	"backroll/routine"
)

// These tests play through the real oto path. oto allows one context per process, so each runs
// the player in a child process: the test binary again, told by helperEnv what to do.

const helperEnv = "BACKROLL_SOUND_HELPER"

// TestHelperProcess is not a test: it is the child process of the tests below.
func TestHelperProcess(t *testing.T) {
	switch os.Getenv(helperEnv) {
	case "play":
		os.Exit(helperPlay())
	case "no-device":
		os.Exit(helperNoDevice())
	case "resume":
		os.Exit(helperResume())
	}
}

// The child plays three seconds of chimes at full volume on a 2–2 breath (a bright bell, then
// two seconds later a low one), stops for a second (short of the device's rest: a rested device
// is TestOtoResumesAfterRest's), and plays 1.5 s more.
var helperPattern = routine.Pattern{Inhale: 2, Exhale: 2}

// openEngine opens the real device for a child, or says why not and returns its exit status.
func openEngine() (*Engine, int) {
	e := NewEngine()
	select {
	case <-e.opened:
	case <-time.After(10 * time.Second):
		fmt.Println("the device took more than 10 s to open")
		return nil, 3
	}
	if n := e.Notice(); n != "" {
		fmt.Printf("NOTICE %s (%v)\n", n, e.DeviceError())
		return nil, 2
	}
	return e, 0
}

func helperPlay() int {
	e, status := openEngine()
	if e == nil {
		return status
	}
	e.SetStyle(routine.Chimes)
	e.SetVolume(100)
	e.SetPace(routine.NewPace(helperPattern))
	e.Start()
	time.Sleep(3 * time.Second)
	stopped := e.Now()
	e.Stop()
	time.Sleep(500 * time.Millisecond) // the fade is heard and the player pauses
	pulled := e.synth.Position()
	time.Sleep(restAfter / 3)
	pulled = e.synth.Position() - pulled
	e.Start()
	time.Sleep(1500 * time.Millisecond)
	end := e.Now()
	e.Stop()
	time.Sleep(500 * time.Millisecond)
	fmt.Printf("STOPPED %d PULLED %d END %d NOTICE %q\n", stopped, pulled, end, e.Notice())
	e.Close()
	return 0
}

// helperResume measures how long the sound takes to come back after a short pause (the device
// still awake), a long one (the device suspended) and a long mute: from Start (or unmute) to the
// first samples the device pulls, to the clock moving on (after a short pause it waits for the
// sound to reach the ear; after a rest it runs at once), and to the clock following the sound.
func helperResume() int {
	e, status := openEngine()
	if e == nil {
		return status
	}
	e.SetVolume(100)
	e.SetPace(routine.NewPace(helperPattern))
	source := e.dev.(*otoDevice).source
	// await reports how long after began the device pulled audio, the clock moved past from, and
	// the clock followed the sound.
	await := func(began time.Time, from time.Duration) (pull, clock, sound time.Duration) {
		pulled := source.pulled.Load()
		pull, clock, sound = -1, -1, -1
		for deadline := began.Add(wakeLimit + time.Second); time.Now().Before(deadline) && (pull < 0 || clock < 0 || sound < 0); time.Sleep(time.Millisecond) {
			if pull < 0 && source.pulled.Load() > pulled {
				pull = time.Since(began)
			}
			if clock < 0 && e.Now() > from {
				clock = time.Since(began)
			}
			e.mu.Lock()
			joined := e.audio && !e.waking
			e.mu.Unlock()
			if sound < 0 && joined && clock >= 0 {
				sound = time.Since(began)
			}
		}
		return pull, clock, sound
	}
	for _, pause := range []struct {
		name string
		for_ time.Duration
	}{{"AWAKE", 500 * time.Millisecond}, {"SUSPENDED", restAfter + time.Second}} {
		e.Start()
		time.Sleep(time.Second)
		e.Stop()
		time.Sleep(pause.for_)
		began := time.Now()
		e.Start()
		pull, clock, sound := await(began, e.Now())
		fmt.Printf("%s PULL %d CLOCK %d SOUND %d\n", pause.name, pull, clock, sound)
		e.Stop()
	}
	e.Start()
	time.Sleep(time.Second)
	e.SetMuted(true)
	time.Sleep(restAfter + time.Second)
	began := time.Now()
	e.SetMuted(false)
	pull, _, _ := await(began, e.Now())
	fmt.Printf("UNMUTED PULL %d\n", pull)
	e.Close()
	return 0
}

func helperNoDevice() int {
	e := NewEngine()
	told := make(chan string, 2)
	e.OnNotice(func(s string) { told <- s })
	e.Start()
	select {
	case n := <-told:
		fmt.Printf("NOTICE %s (%v)\n", n, e.DeviceError())
	case <-time.After(10 * time.Second):
		fmt.Println("no notice after 10 s")
		return 1
	}
	time.Sleep(200 * time.Millisecond)
	fmt.Printf("NOW %d\n", e.Now())
	e.Close()
	return 0
}

// runHelper runs the child with env added, and returns its output; it must finish within limit.
func runHelper(t *testing.T, role string, env []string, limit time.Duration) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), env...), helperEnv+"="+role)
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the %s child hung for %v: %s", role, limit, out)
	}
	if err != nil {
		t.Fatalf("the %s child failed: %v\n%s", role, err, out)
	}
	return string(out)
}

func TestOtoPlaysThroughPulseAudio(t *testing.T) {
	server := pulsetest.Start(t)
	recorder := server.Record(t)
	time.Sleep(300 * time.Millisecond) // let parec connect before the sound begins

	out := runHelper(t, "play", server.Env, 30*time.Second)
	time.Sleep(300 * time.Millisecond)
	pcm := recorder.Stop()
	t.Logf("child: %s", strings.TrimSpace(out))

	var stopped, end, pulled int64
	var notice string
	if _, err := fmt.Sscanf(out[strings.Index(out, "STOPPED"):], "STOPPED %d PULLED %d END %d NOTICE %q", &stopped, &pulled, &end, &notice); err != nil {
		t.Fatalf("child output %q: %v", out, err)
	}
	if d := time.Duration(stopped); d < 2*time.Second || d > 3100*time.Millisecond {
		t.Errorf("after three seconds of playing the engine's clock read %v", d)
	}
	if pulled != 0 || notice != "" {
		t.Errorf("while stopped the device pulled %d samples; notice %q", pulled, notice)
	}
	x := leftChannel(t, pcm)
	t.Logf("recorded %.2f s", float64(len(x))/SampleRate)
	analyseRecording(t, x, time.Duration(stopped), time.Duration(end))
}

// analyseRecording checks that x holds the bright bell, then two seconds later the low bell, at
// the level the synth makes them; that after the pause the sound took up where the clock had
// stopped; and that each time the sound ended just after the clock stopped: the clock was the
// sound.
func analyseRecording(t *testing.T, x []int16, stopped, end time.Duration) {
	t.Helper()
	const threshold = 200 // well above silence, well below the bells
	// A bell begins where the sound rises above threshold after 20 ms below it.
	bellAfter := func(from int) int {
		quiet := 0
		for i := max(from, 0); i < len(x); i++ {
			if abs(int(x[i])) <= threshold {
				quiet++
				continue
			}
			if quiet >= SampleRate/50 {
				return i
			}
			quiet = 0
		}
		return -1
	}
	// The sound resumes with the first sample after at least a second of silence.
	silence, resumed := 0, -1
	for i, v := range x {
		if v != 0 {
			if silence >= SampleRate && i > SampleRate {
				resumed = i
			}
			silence = 0
		} else {
			silence++
		}
	}
	first := bellAfter(0)
	if first < 0 {
		t.Fatalf("no bell in the recording: peak %d", peak(x))
	}
	second := bellAfter(first + SampleRate)
	if second < 0 || resumed < second {
		t.Fatalf("bells at %d and %d, sound resumed at %d: not two bells, a pause, and more", first, second, resumed)
	}
	third := bellAfter(resumed + SampleRate/20) // the bell at 4 s, after the ringing we resumed into
	if third < 0 {
		t.Fatal("no bell after the pause")
	}
	apart := func(from, to int) time.Duration { return time.Duration(to-from) * time.Second / SampleRate }
	for _, gap := range []struct {
		what      string
		got, want time.Duration
	}{
		{"the first two bells", apart(first, second), 2 * time.Second},
		{"the resumed sound and the 4 s bell", apart(resumed, third), 4*time.Second - stopped},
	} {
		if d := gap.got - gap.want; d < -20*time.Millisecond || d > 20*time.Millisecond {
			t.Errorf("%s are %v apart, want %v", gap.what, gap.got, gap.want)
		}
	}
	window := func(at int) []int16 { return x[at+SampleRate/50 : at+SampleRate/50+SampleRate/4] }
	for _, bell := range []struct {
		name string
		at   int
		want float64
	}{{"first inhale", first, 659.26}, {"exhale", second, 329.63}, {"second inhale", third, 659.26}} {
		if got := dominant(window(bell.at), 200, 1000, 1); got < bell.want*0.99 || got > bell.want*1.01 {
			t.Errorf("the %s bell is strongest at %.0f Hz, want %.0f", bell.name, got, bell.want)
		}
	}
	// The synth's own bell, as exported: the recording must match its level within 1 dB.
	s := NewSynth()
	s.SetStyle(routine.Chimes)
	s.SetVolume(100)
	s.SetPace(routine.NewPace(helperPattern))
	want := peak(render(t, s, SampleRate/2))
	got := peak(x[first : first+SampleRate/2])
	if db := 20 * log10(float64(got)/float64(want)); db < -1 || db > 1 {
		t.Errorf("the recorded bell peaks at %d, the synth's at %d: %.1f dB apart", got, want, db)
	}
	// After each Stop the listener hears what the device still held, then a 30 ms fade.
	lastBefore := func(at int) int {
		for at > 0 && x[at] == 0 {
			at--
		}
		return at
	}
	tails := []time.Duration{
		apart(first, lastBefore(resumed-1)) - stopped,
		apart(third, lastBefore(len(x)-1)) - (end - 4*time.Second),
	}
	for _, tail := range tails {
		if tail < 100*time.Millisecond || tail > 300*time.Millisecond {
			t.Errorf("the sound ran %v past the clock; want the device's buffer and a fade", tail)
		}
	}
	t.Logf("bells %v apart; resumed %v before the 4 s bell; recorded peak %d, synth peak %d; sound ran %v past the clock",
		apart(first, second), apart(resumed, third), got, want, tails)
}

// TestOtoResumesAfterRest measures, through the real oto path, how long sound takes to come back
// from a suspended device, beside a device still awake. Timings are logged, not asserted (make
// bench prints them): this checks that the sound and the clock come back at all.
func TestOtoResumesAfterRest(t *testing.T) {
	server := pulsetest.Start(t)
	out := runHelper(t, "resume", server.Env, 60*time.Second)
	fields := map[string]time.Duration{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		for i := 1; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseInt(f[i+1], 10, 64); err == nil {
				fields[f[0]+" "+f[i]] = time.Duration(v)
			}
		}
	}
	for _, k := range []string{"AWAKE PULL", "AWAKE CLOCK", "AWAKE SOUND", "SUSPENDED PULL", "SUSPENDED CLOCK", "SUSPENDED SOUND", "UNMUTED PULL"} {
		v, ok := fields[k]
		if !ok || v < 0 {
			t.Fatalf("%s: never (child: %s)", k, out)
		}
		t.Logf("%s after %v", strings.ToLower(k), v.Round(time.Millisecond))
	}
	// How long the clock (and the circle) stands still after a rest, and how long until the sound
	// has joined it.
	fmt.Printf("resume_stall_ms %d\n", fields["SUSPENDED CLOCK"].Milliseconds())
	fmt.Printf("resume_after_rest_ms %d\n", fields["SUSPENDED SOUND"].Milliseconds())
}

func TestOtoWithoutADeviceGoesOnSilently(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.conf")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// An empty ALSA configuration knows no devices at all.
	env := []string{"ALSA_CONFIG_PATH=" + empty, "HOME=" + dir, "PULSE_SERVER=unix:" + filepath.Join(dir, "none")}
	began := time.Now()
	out := runHelper(t, "no-device", env, 20*time.Second)
	t.Logf("child (%v): %s", time.Since(began).Round(time.Millisecond), strings.TrimSpace(out))
	if !strings.Contains(out, "NOTICE "+NoDeviceNotice) {
		t.Fatalf("the child was not told %q", NoDeviceNotice)
	}
	i := strings.Index(out, "NOW ")
	if i < 0 {
		t.Fatal("the child did not report its clock")
	}
	now, err := strconv.ParseInt(strings.Fields(out[i+4:])[0], 10, 64)
	if err != nil || time.Duration(now) < 150*time.Millisecond {
		t.Errorf("without a device the clock read %v (%v); it should keep time", time.Duration(now), err)
	}
}
