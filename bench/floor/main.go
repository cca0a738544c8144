// Command floor is the smallest honest Fyne + oto program that does Backroll's job: one 1280×800
// window holding one circle that breathes with routine.DefaultPattern, driven by a fyne.Animation,
// and a plain sine tone through oto while it breathes. `make bench` measures Backroll against it:
// it is the floor of this toolkit on this machine.
//
//	floor          breathe with the tone
//	floor --mute   breathe without sound: oto is never opened
//	floor --idle   show the window and nothing else: no animation, no audio
package main

import (
	"encoding/binary"
	"flag"
	"fmt"
	"image/color"
	"math"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"github.com/hajimehoshi/oto/v2"

	"backroll/routine"
)

// The tone: Backroll's sample format (sound.SampleRate, stereo, 16-bit) at a quiet 220 Hz.
const (
	sampleRate = 48000
	toneHz     = 220
	toneLevel  = 0.2
)

// Circle sizes as fractions of the shorter side of the window: empty lungs and full.
const (
	minFraction = 0.25
	maxFraction = 0.8
)

func main() {
	mute := flag.Bool("mute", false, "breathe without sound (oto is never opened)")
	idle := flag.Bool("idle", false, "show the window only: no animation, no audio")
	flag.Parse()

	a := app.NewWithID("io.github.backroll_app.backroll.floor")
	w := a.NewWindow("Backroll floor")
	circle := canvas.NewCircle(color.NRGBA{R: 0x4a, G: 0x90, B: 0xc8, A: 0xff})
	w.SetContent(container.NewWithoutLayout(circle))
	w.Resize(fyne.NewSize(1280, 800))

	place := func(scale float64) {
		size := w.Canvas().Size()
		short := math.Min(float64(size.Width), float64(size.Height))
		d := float32(short * (minFraction + (maxFraction-minFraction)*scale))
		circle.Resize(fyne.NewSize(d, d))
		circle.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
	}

	if *idle {
		a.Lifecycle().SetOnStarted(func() { place(0) })
		w.ShowAndRun()
		return
	}

	// The breath's time comes from the monotonic clock, from the first frame.
	pattern := routine.DefaultPattern
	var start time.Time
	breathe := &fyne.Animation{
		Duration:    pattern.Period(),
		RepeatCount: fyne.AnimationRepeatForever,
		Curve:       fyne.AnimationLinear,
		Tick: func(float32) {
			if start.IsZero() {
				start = time.Now()
			}
			place(pattern.At(time.Since(start)).Scale)
			circle.Refresh()
		},
	}
	a.Lifecycle().SetOnStarted(func() {
		breathe.Start()
		if !*mute {
			go playTone()
		}
	})
	w.ShowAndRun()
}

// player is kept here so that the tone plays until the process ends.
var player oto.Player

// playTone opens oto and plays the sine; without a device it says so and the circle breathes on.
func playTone() {
	ctx, ready, err := oto.NewContext(sampleRate, 2, oto.FormatSignedInt16LE)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor: no sound:", err)
		return
	}
	<-ready
	player = ctx.NewPlayer(&sine{step: 2 * math.Pi * toneHz / sampleRate})
	player.Play()
}

// sine is an endless 16-bit stereo sine. Read does not allocate.
type sine struct{ phase, step float64 }

func (s *sine) Read(b []byte) (int, error) {
	n := len(b) / 4 * 4
	for i := 0; i < n; i += 4 {
		v := uint16(int16(toneLevel * math.MaxInt16 * math.Sin(s.phase)))
		binary.LittleEndian.PutUint16(b[i:], v)
		binary.LittleEndian.PutUint16(b[i+2:], v)
		s.phase += s.step
		if s.phase >= 2*math.Pi {
			s.phase -= 2 * math.Pi
		}
	}
	return n, nil
}
