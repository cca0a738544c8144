package sound

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hajimehoshi/oto/v2"
)

// This file is the only one that speaks to oto.

const (
	// readyTimeout: oto opens the device in the background, and a device that has not answered
	// by then counts as absent.
	readyTimeout = 2 * time.Second
	// playerBuffer is what oto keeps pulled ahead: 100 ms absorbs scheduling hiccups and is well
	// inside the 500 ms lead with which the session schedules pattern changes.
	playerBuffer = SampleRate / 10 * bytesPerFrame
	// readChunk caps one Read: oto counts the bytes a Read returns as buffered only after it
	// returns, so for that moment the synth runs ahead of the buffer by one Read.
	readChunk = SampleRate / 100 * bytesPerFrame
	// deviceFrames is the audio oto keeps in the ALSA device: two periods of 1024 frames.
	deviceFrames = 2 * 1024
	// A new stream can stall and drop its first moments (PulseAudio's ALSA plugin does, for up
	// to a second here), so a device counts as open only once it has taken warmUpProof of
	// silence, within warmUpLimit.
	warmUpProof = SampleRate / 2
	warmUpLimit = 4 * time.Second
	// restAfter is how long a resting engine's device stays ready before oto stops feeding it
	// silence. Waking it costs a stall, so short pauses keep it awake.
	restAfter = 3 * time.Second
)

// oto allows one context per process, so every Engine shares it, good or failed.
var otoContext struct {
	once sync.Once
	ctx  *oto.Context
	err  error
}

// openOto opens the default sound device through oto, or says why it cannot.
func openOto(r io.Reader) (device, error) {
	otoContext.once.Do(func() { otoContext.ctx, otoContext.err = newOtoContext() })
	if otoContext.err != nil {
		return nil, otoContext.err
	}
	source := &chunkReader{r: r}
	player := otoContext.ctx.NewPlayer(source)
	if b, ok := player.(oto.BufferSizeSetter); ok {
		b.SetBufferSize(playerBuffer)
	}
	d := &otoDevice{ctx: otoContext.ctx, player: player, source: source, wake: make(chan struct{}, 1), done: make(chan struct{})}
	if err := d.warmUp(); err != nil {
		player.Close()
		return nil, err
	}
	go d.restWhenIdle()
	return d, nil
}

// newOtoContext waits for the device. On Linux oto.NewContext does not fail: a device that
// cannot be opened shows only in ctx.Err() once ready is closed, and a player on such a context
// claims to be playing. So the context is trusted only when ready in time and without error.
func newOtoContext() (*oto.Context, error) {
	ctx, ready, err := oto.NewContext(SampleRate, channels, oto.FormatSignedInt16LE)
	if err != nil {
		return nil, err
	}
	if err := awaitReady(ready, ctx.Err, readyTimeout); err != nil {
		return nil, err
	}
	return ctx, nil
}

// awaitReady waits for ready, then asks contextErr whether the device really opened.
func awaitReady(ready <-chan struct{}, contextErr func() error, timeout time.Duration) error {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-ready:
		return contextErr()
	case <-timer.C:
		return fmt.Errorf("the sound device was not ready after %v", timeout)
	}
}

type otoDevice struct {
	ctx     *oto.Context
	player  oto.Player
	source  *chunkReader
	playing atomic.Bool
	resting atomic.Bool // nothing is to be heard for a while: the clock is stopped, or all is muted
	asleep  atomic.Bool // the context is suspended: oto no longer feeds the device
	wake    chan struct{}
	done    chan struct{}
	closed  sync.Once
}

// warmUp plays (the paused synth's) silence until the device has proved it takes audio.
func (d *otoDevice) warmUp() error {
	d.player.Play()
	defer d.player.Pause()
	for deadline := time.Now().Add(warmUpLimit); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if err := d.Err(); err != nil {
			return err
		}
		taken := d.source.pulled.Load()/bytesPerFrame - int64(d.player.UnplayedBufferSize()/bytesPerFrame)
		if taken >= warmUpProof {
			return nil
		}
	}
	return fmt.Errorf("the sound device took no audio for %v", warmUpLimit)
}

func (d *otoDevice) Play() {
	d.playing.Store(true)
	d.nudge()
	d.player.Play()
}

func (d *otoDevice) Pause() {
	d.player.Pause()
	d.playing.Store(false)
	d.nudge()
}

func (d *otoDevice) Rest(r bool) {
	d.resting.Store(r)
	d.nudge()
}

func (d *otoDevice) Asleep() bool { return d.asleep.Load() }

func (d *otoDevice) Unheard() int64 {
	return int64(d.player.UnplayedBufferSize()/bytesPerFrame) + deviceFrames
}

func (d *otoDevice) Err() error {
	if err := d.ctx.Err(); err != nil {
		return err
	}
	return d.player.Err()
}

func (d *otoDevice) Close() error {
	d.closed.Do(func() { close(d.done) })
	return d.player.Close()
}

func (d *otoDevice) nudge() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// restWhenIdle suspends the context once nothing has played for restAfter while resting (the
// clock stopped, or all muted), so oto stops feeding the device silence and an idle app costs no CPU (feeding it
// costs a few percent of a core). It runs on its own goroutine because Suspend waits for the
// device, and a wedged device must not hold anyone else up.
func (d *otoDevice) restWhenIdle() {
	suspended := false
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-d.done:
			timer.Stop()
			if !suspended {
				d.ctx.Suspend()
			}
			return
		case <-d.wake:
		case <-timer.C:
			if d.resting.Load() && !d.playing.Load() && !suspended {
				d.ctx.Suspend()
				suspended = true
				d.asleep.Store(true)
			}
			continue
		}
		idle := d.resting.Load() && !d.playing.Load()
		switch {
		case !idle && suspended:
			d.ctx.Resume()
			suspended = false
			d.asleep.Store(false)
		case idle && !suspended:
			timer.Reset(restAfter)
		}
	}
}

// chunkReader hands oto at most readChunk bytes per Read, keeping the heard position honest
// to 10 ms (oto counts what a Read returns as buffered only after it returns), and counts them.
type chunkReader struct {
	r      io.Reader
	pulled atomic.Int64 // bytes
	// oto reads a player's source from two goroutines (its mixer's loop, and the one Play
	// starts to fill the buffer), unlocking its own mutex around Read (oto #188), so two Reads
	// can meet; the synth must see one at a time. (Which chunk oto appends first is then still
	// oto's race; it can only happen in the first moment of a Play.)
	reading sync.Mutex
}

func (c *chunkReader) Read(b []byte) (int, error) {
	if len(b) > readChunk {
		b = b[:readChunk]
	}
	c.reading.Lock()
	defer c.reading.Unlock()
	n, err := c.r.Read(b)
	c.pulled.Add(int64(n))
	return n, err
}
