package sound

import (
	"encoding/binary"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"backroll/routine"
)

// fakeDevice behaves like oto's player as the Engine sees it: it keeps a buffer pulled ahead of
// what it plays, topping it up whether playing or paused, and holds some more in the "hardware".
// Time passes only in tick, and what the listener hears is recorded.
type fakeDevice struct {
	mu      sync.Mutex
	src     io.Reader
	buffer  []byte
	ahead   int   // bytes it keeps pulled
	latency int64 // frames in the hardware
	playing bool
	err     error
	closed  bool
	asleep  bool    // powered down: Asleep says so until it is played again
	resting bool    // the engine said nothing is to be heard for a while
	heard   []int16 // left channel as it reaches the ear, zeros while paused
	inside  []int16 // what the hardware holds: latency frames on their way to the ear
	chunk   [readChunk]byte
}

func (d *fakeDevice) fill() {
	for len(d.buffer) < d.ahead {
		n, _ := d.src.Read(d.chunk[:])
		d.buffer = append(d.buffer, d.chunk[:n]...)
	}
}

// tick lets frames frames of playing time pass.
func (d *fakeDevice) tick(frames int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.inside == nil {
		d.inside = make([]int16, d.latency)
	}
	for range frames {
		d.fill()
		var v int16
		if d.playing {
			v = int16(binary.LittleEndian.Uint16(d.buffer))
			d.buffer = d.buffer[bytesPerFrame:]
		}
		d.heard = append(d.heard, d.inside[0])
		d.inside = append(d.inside[1:], v)
	}
	d.fill()
}

func (d *fakeDevice) Rest(r bool)  { d.mu.Lock(); d.resting = r; d.mu.Unlock() }
func (d *fakeDevice) Asleep() bool { d.mu.Lock(); defer d.mu.Unlock(); return d.asleep }
func (d *fakeDevice) Play()        { d.mu.Lock(); d.playing, d.asleep = true, false; d.mu.Unlock() }
func (d *fakeDevice) Pause()       { d.mu.Lock(); d.playing = false; d.mu.Unlock() }
func (d *fakeDevice) Unheard() int64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return int64(len(d.buffer)/bytesPerFrame) + d.latency
}
func (d *fakeDevice) Err() error   { d.mu.Lock(); defer d.mu.Unlock(); return d.err }
func (d *fakeDevice) Close() error { d.mu.Lock(); d.closed = true; d.mu.Unlock(); return nil }
func (d *fakeDevice) isPlaying() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.playing
}
func (d *fakeDevice) fail(err error) { d.mu.Lock(); d.err = err; d.mu.Unlock() }

type fakeWall struct {
	mu sync.Mutex
	t  time.Time
}

func (w *fakeWall) Now() time.Time { w.mu.Lock(); defer w.mu.Unlock(); return w.t }
func (w *fakeWall) Add(d time.Duration) {
	w.mu.Lock()
	w.t = w.t.Add(d)
	w.mu.Unlock()
}

type engineRig struct {
	e     *Engine
	dev   *fakeDevice
	watch *routine.FakeClock
	wall  *fakeWall
}

func newRig(t *testing.T) engineRig {
	dev := &fakeDevice{ahead: playerBuffer, latency: deviceFrames}
	r := engineRig{dev: dev, watch: &routine.FakeClock{}, wall: &fakeWall{t: time.Unix(1e9, 0)}}
	r.e = newEngine(func(src io.Reader) (device, error) { dev.src = src; return dev, nil }, r.watch, r.wall.Now)
	<-r.e.opened
	t.Cleanup(func() { r.e.Close() })
	return r
}

// check runs one round of the monitor now, rather than waiting for its tick.
func (r engineRig) check() {
	r.e.mu.Lock()
	tell := r.e.check()
	awake := r.e.takeAwake()
	r.e.mu.Unlock()
	if tell != nil {
		tell(NoDeviceNotice)
	}
	for _, ready := range awake {
		ready()
	}
}

// notices collects what an engine tells, from whichever goroutine tells it.
type notices struct {
	mu   sync.Mutex
	told []string
}

func (n *notices) add(s string) { n.mu.Lock(); n.told = append(n.told, s); n.mu.Unlock() }
func (n *notices) list() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]string(nil), n.told...)
}

// play lets d of device time pass, and the watch with it (as both would in life).
func (r engineRig) play(d time.Duration) {
	r.dev.tick(int(samplesIn(d)))
	r.watch.Add(d)
}

// heardAt is the clock d of device time after Start: the clock first waits for the sound to pass
// through the hardware.
func heardAt(d time.Duration) time.Duration { return timeAt(samplesIn(d) - deviceFrames) }

func wantNow(t *testing.T, e *Engine, want time.Duration) {
	t.Helper()
	if got := e.Now(); got != want {
		t.Fatalf("Now() = %v, want %v", got, want)
	}
}

func TestEngineClockIsTheSoundTheListenerHears(t *testing.T) {
	r := newRig(t)
	r.e.SetVolume(100)
	r.e.Start()
	wantNow(t, r.e, 0)
	if !r.dev.isPlaying() {
		t.Fatal("the device is not playing after Start")
	}
	// From a standstill the clock waits until the first sound reaches the ear...
	r.dev.tick(deviceFrames)
	wantNow(t, r.e, 0)
	// ...then follows it: the device plays a second, the watch is not touched.
	r.dev.tick(SampleRate)
	wantNow(t, r.e, time.Second)
	// Between the device's steps, wall time fills in, up to one step.
	r.wall.Add(10 * time.Millisecond)
	wantNow(t, r.e, time.Second+10*time.Millisecond)
	r.wall.Add(time.Second)
	wantNow(t, r.e, time.Second+smoothing)
	r.dev.tick(SampleRate / 100)
	wantNow(t, r.e, time.Second+smoothing) // never back
	// The tone and the circle agree: when the clock reads 4 s, the ear hears the exhale begin.
	r.dev.tick(deviceFrames + 4*SampleRate - len(r.dev.heard))
	wantNow(t, r.e, 4*time.Second)
	at := len(r.dev.heard)
	r.dev.tick(SampleRate / 10)
	quiet := turnGap
	found := onsets(r.dev.heard, 0, turnGap/2, &quiet, nil)
	if len(found) != 2 || found[0] > deviceFrames+48 || found[1] < int64(at) || found[1] > int64(at)+48 {
		t.Errorf("onsets heard at %v; want the inhale as the clock starts (%d) and the exhale as it reads 4 s (%d)", found, deviceFrames, at)
	}
}

func TestEngineHandsTheClockOverWithoutAJump(t *testing.T) {
	r := newRig(t)
	r.e.Start()
	r.play(2 * time.Second)
	wantNow(t, r.e, heardAt(2*time.Second))
	r.e.SetMuted(true)
	wantNow(t, r.e, heardAt(2*time.Second))
	r.play(300 * time.Millisecond) // the fade is heard, behind what the device held
	r.check()
	r.play(2700 * time.Millisecond) // muted: the watch keeps time
	wantNow(t, r.e, heardAt(5*time.Second))
	if r.dev.isPlaying() {
		t.Error("the device still plays three seconds after mute")
	}
	r.e.SetMuted(false)
	wantNow(t, r.e, heardAt(5*time.Second))
	unmutedAt := len(r.dev.heard)
	r.play(6 * time.Second)
	wantNow(t, r.e, heardAt(11*time.Second))
	// The sound resumed in step with the clock: breath 1 begins when the clock says 10 s.
	quiet := turnGap
	found := onsets(r.dev.heard[unmutedAt:], int64(unmutedAt), turnGap/2, &quiet, nil)
	want := int64(unmutedAt) + 5*SampleRate + deviceFrames
	if len(found) != 2 || found[1] < want || found[1] > want+48 {
		t.Errorf("after unmuting at 5 s, onsets heard at %v; want the exhale fading in, then the 10 s inhale at %d", found, want)
	}
	d1, d2 := smoothBounds(softTonesParts...)
	if r1, r2 := roughness(r.dev.heard); r1 > d1 || r2 > d2 {
		t.Errorf("a click in what was heard: %d, %d over %d, %d", r1, r2, d1, d2)
	}
}

func TestEngineStopFadesThenStopsPulling(t *testing.T) {
	r := newRig(t)
	r.e.SetVolume(100)
	r.e.Start()
	r.play(1500 * time.Millisecond) // mid-inhale, loud
	r.e.Stop()
	wantNow(t, r.e, heardAt(1500*time.Millisecond))
	r.play(300 * time.Millisecond) // the device plays out the fade
	r.check()
	if r.dev.isPlaying() {
		t.Fatal("the device still plays after Stop and the fade")
	}
	wantNow(t, r.e, heardAt(1500*time.Millisecond))
	pulled := r.e.synth.Position()
	r.play(2 * time.Second)
	if r.e.synth.Position() != pulled {
		t.Errorf("a paused engine still pulls audio: position %d → %d", pulled, r.e.synth.Position())
	}
	wantNow(t, r.e, heardAt(1500*time.Millisecond))
	r.e.Start()
	wantNow(t, r.e, heardAt(1500*time.Millisecond))
	// Resuming, the clock waits for the sound to come through what the device held.
	r.play(time.Second)
	nearNow(t, r.e, heardAt(2500*time.Millisecond), timeAt(playerBuffer/bytesPerFrame+deviceFrames+1))
	d1, d2 := smoothBounds(softTonesParts...)
	if r1, r2 := roughness(r.dev.heard); r1 > d1 || r2 > d2 {
		t.Errorf("a click on pause or resume: %d, %d over %d, %d", r1, r2, d1, d2)
	}
}

func TestEngineSetMovesTheSound(t *testing.T) {
	r := newRig(t)
	r.e.Start()
	r.play(3 * time.Second)
	r.e.Stop() // a restart, as the session does it
	r.e.Set(0)
	r.e.Start()
	wantNow(t, r.e, 0)
	// The clock waits for the old sound to fade and the new one to reach the ear.
	r.play(time.Second)
	nearNow(t, r.e, time.Second, timeAt(playerBuffer/bytesPerFrame+deviceFrames+fadeSamples+1))
	r.e.Set(7 * time.Second) // while running
	wantNow(t, r.e, 7*time.Second)
	r.play(time.Second)
	nearNow(t, r.e, 8*time.Second, timeAt(fadeSamples))
}

// nearNow allows the clock to trail by up to behind.
func nearNow(t *testing.T, e *Engine, want, behind time.Duration) {
	t.Helper()
	if got := e.Now(); got > want || got < want-behind {
		t.Fatalf("Now() = %v, want %v less at most %v", got, want, behind)
	}
}

func TestEngineWithStyleOffWakesTheDeviceOnlyForCues(t *testing.T) {
	r := newRig(t)
	r.e.SetStyle(routine.Silent)
	r.e.Start()
	if r.dev.isPlaying() {
		t.Fatal("style off and no cue, yet the device plays")
	}
	r.play(2 * time.Second)
	wantNow(t, r.e, 2*time.Second)
	r.e.Cue(NextMove)
	if !r.dev.isPlaying() {
		t.Fatal("a cue did not wake the device")
	}
	wantNow(t, r.e, 2*time.Second)
	heardFrom := len(r.dev.heard)
	r.play(2 * time.Second)
	wantNow(t, r.e, 4*time.Second)
	r.check() // the cue has rung out: back to the watch
	r.play(200 * time.Millisecond)
	r.check() // and the device pauses
	if r.dev.isPlaying() {
		t.Error("the device still plays after the cue rang out")
	}
	wantNow(t, r.e, 4200*time.Millisecond)
	if p := peak(r.dev.heard[heardFrom:]); p == 0 {
		t.Error("the cue was not heard")
	}
}

func TestEngineFallsBackSilentlyWhenTheDeviceFails(t *testing.T) {
	r := newRig(t)
	var n notices
	r.e.OnNotice(n.add)
	r.e.Start()
	r.play(time.Second)
	r.dev.fail(errors.New("ALSA: device unplugged"))
	r.check()
	wantNow(t, r.e, heardAt(time.Second))
	r.play(time.Second)
	wantNow(t, r.e, heardAt(2*time.Second))
	r.e.SetMuted(true)
	r.e.SetMuted(false)
	r.check()
	if told := n.list(); len(told) != 1 || told[0] != NoDeviceNotice || r.e.Notice() != NoDeviceNotice {
		t.Errorf("told %q, Notice %q; want the notice once", told, r.e.Notice())
	}
	if r.e.DeviceError() == nil {
		t.Error("DeviceError is nil")
	}
}

func TestEngineTreatsAStalledDeviceAsFailed(t *testing.T) {
	r := newRig(t)
	r.e.Start()
	r.play(time.Second)
	r.check()
	r.wall.Add(time.Hour) // a laptop asleep for an hour is not a stall...
	r.play(monitorEvery)
	r.check()
	if r.e.Notice() != "" {
		t.Fatal("waking from sleep counted as a failure")
	}
	for range stallLimit / monitorEvery { // ...but two seconds of rounds without taking audio is
		r.check()
	}
	if r.e.Notice() != "" {
		t.Fatal("failed too soon")
	}
	r.check()
	if r.e.Notice() != NoDeviceNotice {
		t.Fatal("a device that stopped taking audio was trusted")
	}
	at := r.e.Now()
	r.watch.Add(time.Second)
	wantNow(t, r.e, at+time.Second)
}

func TestEngineWithoutADeviceKeepsTime(t *testing.T) {
	watch := &routine.FakeClock{}
	e := newEngine(func(io.Reader) (device, error) { return nil, errors.New("no card") }, watch, time.Now)
	defer e.Close()
	<-e.opened
	var n notices
	e.OnNotice(n.add) // registered after the failure: told at once
	if told := n.list(); len(told) != 1 || told[0] != NoDeviceNotice {
		t.Fatalf("told %q", told)
	}
	e.Start()
	e.Cue(NextMove)
	watch.Add(3 * time.Second)
	wantNow(t, e, 3*time.Second)
	e.Stop()
	watch.Add(time.Second)
	wantNow(t, e, 3*time.Second)
}

func TestEngineDoesNotWaitForTheDevice(t *testing.T) {
	release := make(chan struct{})
	watch := &routine.FakeClock{}
	e := newEngine(func(io.Reader) (device, error) { <-release; return nil, errors.New("late") }, watch, time.Now)
	defer e.Close()
	done := make(chan struct{})
	go func() {
		e.Start()
		e.SetVolume(50)
		e.Cue(CheckIn)
		watch.Add(time.Second)
		e.Now()
		e.Stop()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the engine blocked while the device was opening")
	}
	close(release)
	<-e.opened
	wantNow(t, e, time.Second)
}

func TestAContextThatIsNeverReadyCountsAsFailed(t *testing.T) {
	never := make(chan struct{})
	if err := awaitReady(never, func() error { return nil }, 20*time.Millisecond); err == nil {
		t.Error("a device that never became ready was accepted")
	}
	ready := make(chan struct{})
	close(ready)
	bad := errors.New("oto: ALSA error at snd_pcm_open")
	if err := awaitReady(ready, func() error { return bad }, time.Second); err != bad {
		t.Errorf("a ready context with an error gave %v", err)
	}
	if err := awaitReady(ready, func() error { return nil }, time.Second); err != nil {
		t.Errorf("a good context gave %v", err)
	}
}

func TestEngineSpeaksOnItsTimelineAndNotWhileMuted(t *testing.T) {
	r := newRig(t)
	r.e.SetStyle(routine.Silent)
	r.e.SetVolume(100)
	phrase := constantClip(0.5, SampleRate/2)
	r.e.Start()
	r.play(500 * time.Millisecond)
	r.e.SetMuted(true)
	r.e.Say([]Utterance{{Clip: phrase, At: samplesIn(time.Second)}})
	r.e.SetMuted(false)
	r.play(time.Second)
	if p := peak(r.dev.heard); p != 0 {
		t.Fatalf("a phrase said while muted was heard (peak %d)", p)
	}
	// Said while running: the device wakes, as for a cue, and the phrase is heard at its time.
	at := r.e.Now() + 500*time.Millisecond
	heardFrom := len(r.dev.heard)
	r.e.Say([]Utterance{{Clip: phrase, At: samplesIn(at)}})
	if !r.dev.isPlaying() {
		t.Fatal("a phrase did not wake the device")
	}
	r.play(1500 * time.Millisecond)
	if p := peak(r.dev.heard[heardFrom:]); p == 0 {
		t.Error("the phrase was not heard")
	}
}

// onsetAfter is the first sample of x from which the level passes threshold, or -1.
func onsetAfter(x []int16, threshold int16) int {
	for i, v := range x {
		if v > threshold || v < -threshold {
			return i
		}
	}
	return -1
}

func TestEngineCuesAndSpeaksWhileTheClockStandsStill(t *testing.T) {
	r := newRig(t)
	r.e.SetVolume(100)
	r.e.Start()
	r.play(2 * time.Second)
	r.e.Stop()
	r.play(time.Second) // the breath fades and the device pauses
	r.check()
	r.play(200 * time.Millisecond)
	r.check()
	if r.dev.isPlaying() {
		t.Fatal("the device still plays after Stop")
	}
	stopped := r.e.Now()
	// A tick of the count before the session goes on: heard at once, without the breath.
	heardFrom := len(r.dev.heard)
	r.e.Cue(Tick)
	if !r.dev.isPlaying() {
		t.Fatal("a cue while the clock stands still did not play")
	}
	r.play(time.Second)
	tick := r.dev.heard[heardFrom:]
	onset := onsetAfter(tick, 200)
	if onset < 0 {
		t.Fatal("the tick was not heard")
	}
	// It passes through what the device holds, and no more.
	if late := timeAt(int64(onset)); late > deviceHolds+5*time.Millisecond {
		t.Errorf("the tick was heard %v after it was cued", late)
	}
	if p := peak(tick[onset+SampleRate/2:]); p > 200 {
		t.Errorf("half a second after the tick something still sounds (peak %d): the breath was not held", p)
	}
	wantNow(t, r.e, stopped)
	// The tick rings out and the device pauses; the clock has not moved.
	r.check()
	r.play(200 * time.Millisecond)
	r.check()
	if r.dev.isPlaying() {
		t.Error("the device still plays after the tick rang out")
	}
	// A phrase placed on the timeline half a second on is heard then, give or take the fade
	// with which the synth leaves where it was.
	phrase := constantClip(0.5, SampleRate/4)
	heardFrom = len(r.dev.heard)
	r.e.Say([]Utterance{{Clip: phrase, At: samplesIn(stopped + 500*time.Millisecond)}})
	r.play(1500 * time.Millisecond)
	onset = onsetAfter(r.dev.heard[heardFrom:], 200)
	if d := timeAt(int64(onset)) - 500*time.Millisecond; onset < 0 || d < -5*time.Millisecond || d > 40*time.Millisecond {
		t.Errorf("the phrase due in 500 ms was heard at sample %d", onset)
	}
	wantNow(t, r.e, stopped)
	// Start puts the synth back on the clock, breath and all.
	r.check()
	heardFrom = len(r.dev.heard)
	r.e.Start()
	r.play(time.Second)
	if p := peak(r.dev.heard[heardFrom:]); p < 1000 {
		t.Errorf("after Start the breath is not heard (peak %d)", p)
	}
	nearNow(t, r.e, stopped+time.Second-deviceHolds, 40*time.Millisecond) // and the fade out of where the synth was
}

func TestEngineDropsCuesWhileMutedOrStoppedWithoutADevice(t *testing.T) {
	r := newRig(t)
	r.e.SetMuted(true)
	r.e.Cue(Tick)
	if r.dev.isPlaying() {
		t.Fatal("a cue while muted played")
	}
	r.e.SetMuted(false)
	r.play(time.Second)
	if p := peak(r.dev.heard); p != 0 {
		t.Errorf("a cue given while muted was heard after (peak %d)", p)
	}
}

func TestEngineKeepsTimeWhileAnAsleepDeviceWakes(t *testing.T) {
	r := newRig(t)
	r.e.SetVolume(100)
	r.dev.fallAsleep()
	r.e.Start()
	if !r.dev.isPlaying() {
		t.Fatal("the asleep device was not woken")
	}
	// The device takes nothing for two seconds; the clock runs on regardless.
	for range 2 * time.Second / monitorEvery {
		r.watch.Add(monitorEvery)
		r.check()
	}
	wantNow(t, r.e, 2*time.Second)
	if r.e.Notice() != "" {
		t.Fatal("a device waking for 2 s was given up")
	}
	// Awake: it plays silence until it has taken wakeProof, then the breath joins the clock
	// where it stands, without a jump.
	heardFrom := len(r.dev.heard)
	for range 4 {
		r.play(monitorEvery)
		r.check()
	}
	at := 2*time.Second + 4*monitorEvery
	nearNow(t, r.e, at, 30*time.Millisecond)
	r.play(time.Second)
	nearNow(t, r.e, at+time.Second, 30*time.Millisecond)
	if p := peak(r.dev.heard[heardFrom:]); p < 1000 {
		t.Errorf("the woken device plays no breath (peak %d)", p)
	}
	// A cue while a device still wakes is dropped: heard late, it would mislead.
	q := newRig(t)
	q.dev.fallAsleep()
	q.e.Cue(Tick)
	q.play(time.Second)
	q.check()
	q.play(time.Second)
	if p := peak(q.dev.heard); p != 0 {
		t.Errorf("a tick cued while the device woke was heard (peak %d)", p)
	}
}

func (d *fakeDevice) isResting() bool { d.mu.Lock(); defer d.mu.Unlock(); return d.resting }

// fallAsleep powers the device down, as oto's context is suspended after restAfter.
func (d *fakeDevice) fallAsleep() { d.mu.Lock(); d.asleep = true; d.mu.Unlock() }

func TestEngineLetsTheDeviceRestWhileMutedAndWakesItOnUnmute(t *testing.T) {
	r := newRig(t)
	r.e.SetVolume(100)
	r.e.Start()
	r.play(time.Second)
	if r.dev.isResting() {
		t.Fatal("the device rests while the breath plays")
	}
	r.e.SetMuted(true)
	if !r.dev.isResting() {
		t.Fatal("muted, the device was not let rest: oto would feed it silence all session")
	}
	r.play(200 * time.Millisecond)
	r.check()
	// The device powers down, as oto's does after restAfter; the clock runs on the watch.
	r.dev.fallAsleep()
	before := r.e.Now()
	r.watch.Add(time.Second)
	r.check()
	wantNow(t, r.e, before+time.Second)

	r.e.SetMuted(false)
	if r.dev.isResting() || !r.dev.isPlaying() {
		t.Fatal("unmuting did not wake the device")
	}
	// It takes nothing for two seconds: the clock runs on, and the device is not given up.
	for range 2 * time.Second / monitorEvery {
		r.watch.Add(monitorEvery)
		r.check()
	}
	wantNow(t, r.e, before+3*time.Second)
	if r.e.Notice() != "" {
		t.Fatalf("a device waking after an unmute was given up: %q", r.e.Notice())
	}
	// Awake: the breath joins the clock where it stands.
	heardFrom := len(r.dev.heard)
	for range 4 {
		r.play(monitorEvery)
		r.check()
	}
	at := before + 3*time.Second + 4*monitorEvery
	nearNow(t, r.e, at, 30*time.Millisecond)
	r.play(time.Second)
	nearNow(t, r.e, at+time.Second, 30*time.Millisecond)
	if p := peak(r.dev.heard[heardFrom:]); p < 1000 {
		t.Errorf("after the unmute the device plays no breath (peak %d)", p)
	}
	r.e.Stop()
	if !r.dev.isResting() {
		t.Error("stopped, the device does not rest")
	}
}

func TestEngineStartWakesARestedDeviceThoughTheBreathIsSilent(t *testing.T) {
	r := newRig(t)
	r.e.SetStyle(routine.Silent)
	r.dev.fallAsleep()
	r.e.Start()
	if !r.dev.isPlaying() {
		t.Fatal("Start left the rested device asleep: the first cue would have to wake it")
	}
	r.e.Cue(NextMove)
	// The device takes nothing for two seconds; the clock runs on regardless.
	for range 2 * time.Second / monitorEvery {
		r.watch.Add(monitorEvery)
		r.check()
	}
	wantNow(t, r.e, 2*time.Second)
	if r.e.Notice() != "" {
		t.Fatalf("the waking device was given up: %q", r.e.Notice())
	}
}

func TestEngineGivesAWakingDeviceTimeBeforeCallingItStalled(t *testing.T) {
	r := newRig(t)
	r.e.Start()
	// The device takes nothing for three seconds after the start, as one waking from rest may.
	for range 3 * time.Second / monitorEvery {
		r.check()
	}
	if r.e.Notice() != "" {
		t.Fatal("a device still waking up was dropped")
	}
	r.play(time.Second)
	r.check()
	if r.e.Notice() != "" || !r.dev.isPlaying() {
		t.Fatal("the woken device does not play")
	}
	// One that never wakes is still given up, with the stopwatch taking over.
	q := newRig(t)
	q.e.Start()
	for range wakeLimit/monitorEvery + 1 {
		q.check()
	}
	if q.e.Notice() != NoDeviceNotice {
		t.Fatal("a device that never took audio was trusted")
	}
}

// heardAtZero is the device time after which the clock first moves: the hardware's latency.
var heardAtZero = timeAt(deviceFrames)

// deviceHolds is what a paused device holds before new sound: its buffer and the hardware's.
var deviceHolds = timeAt(int64(playerBuffer/bytesPerFrame) + deviceFrames)

func TestEngineCountsAWakingDeviceAsAwakeOnlyOnceItPlays(t *testing.T) {
	r := newRig(t)
	r.e.Start()
	// Waking from rest, the device swallows a few periods at once (the clock's first step past
	// the hardware's latency), then takes nothing for three seconds: that is not sound yet, and
	// the device is still given time to wake.
	r.play(heardAtZero + 20*time.Millisecond)
	for range 3 * time.Second / monitorEvery {
		r.check()
	}
	if r.e.Notice() != "" {
		t.Fatal("a device that had swallowed a few periods while waking was dropped")
	}
	r.play(time.Second)
	r.check()
	// Awake now, it is held to the shorter limit.
	for range stallLimit/monitorEvery + 1 {
		r.check()
	}
	if r.e.Notice() != NoDeviceNotice {
		t.Fatal("an awake device that stopped taking audio was given the waking device's time")
	}
}

func TestEngineSeesTheSoundMoveThoughNowIsReadBetweenRounds(t *testing.T) {
	r := newRig(t)
	r.e.Start()
	// The window reads the clock every frame, more often than the monitor looks.
	for range 2 * wakeLimit / monitorEvery {
		for range 5 {
			r.play(monitorEvery / 5)
			r.e.Now()
		}
		r.check()
	}
	if r.e.Notice() != "" {
		t.Fatal("a playing device counted as stalled because Now was read between rounds")
	}
}

func TestEngineWakeTellsWhenTheDeviceCanSound(t *testing.T) {
	r := newRig(t)
	var woke atomic.Int32
	r.e.Wake(func() { woke.Add(1) })
	if woke.Load() != 1 {
		t.Fatal("an awake device was not ready at once")
	}
	r.dev.fallAsleep()
	r.e.Wake(func() { woke.Add(1) })
	if woke.Load() != 1 || !r.dev.isPlaying() {
		t.Fatal("an asleep device was called ready, or not woken")
	}
	for range 10 {
		r.check() // it takes nothing yet, and stays woken though nothing is wanted
	}
	if woke.Load() != 1 || !r.dev.isPlaying() {
		t.Fatal("the wake was given up before the device took audio")
	}
	r.play(wakeProof + monitorEvery)
	r.check()
	if woke.Load() != 2 {
		t.Fatal("the woken device was not called ready")
	}
	r.play(200 * time.Millisecond)
	r.check()
	if r.dev.isPlaying() {
		t.Error("with nothing to play, the woken device still plays")
	}
	// Now a tick is heard at once.
	heardFrom := len(r.dev.heard)
	r.e.Cue(Tick)
	r.play(500 * time.Millisecond)
	if onset := onsetAfter(r.dev.heard[heardFrom:], 200); onset < 0 || timeAt(int64(onset)) > deviceHolds+5*time.Millisecond {
		t.Errorf("after Wake a tick was heard at sample %d", onset)
	}
}

// oto reads a player's source from two goroutines at once at the start of a Play (its mixer and
// Play's own): under -race this fails if chunkReader lets both into the synth.
func TestChunkReaderLetsOneReadAtATimeIntoTheSynth(t *testing.T) {
	s := NewSynth()
	s.SetVolume(100)
	c := &chunkReader{r: s}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := make([]byte, readChunk)
			for range 100 {
				c.Read(b)
			}
		}()
	}
	wg.Wait()
	if got := c.pulled.Load(); got != 2*100*readChunk {
		t.Fatalf("pulled %d bytes, want %d", got, 2*100*readChunk)
	}
}
