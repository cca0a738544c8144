package main

import (
	"encoding/binary"
	"image/color"
	"math"
	"testing"
	"time"

	"backroll/internal/pulsetest"
)

// The real binary, heard through a recorded PulseAudio sink, with the breath tone and the voice
// off so that only the cues sound: after a pause long enough for the sound device to rest, the
// 3-2-1 ticks are heard a second apart (the count waits for the device to wake) while the count
// covers the window, and the end of the routine rings its cue although the session has stopped
// its clock.

// onsets returns where the sound rises above threshold after at least 150 ms below it, in 10 ms
// windows of the left channel's level.
func onsets(pcm []byte, threshold float64) []int {
	const window = pulsetest.Rate / 100
	var found []int
	quiet := 15
	for w := 0; (w+1)*window*4 <= len(pcm); w++ {
		var sum float64
		for i := w * window; i < (w+1)*window; i++ {
			v := float64(int16(binary.LittleEndian.Uint16(pcm[4*i:])))
			sum += v * v
		}
		if math.Sqrt(sum/window) > threshold {
			if quiet >= 15 {
				found = append(found, w)
			}
			quiet = 0
		} else {
			quiet++
		}
	}
	return found
}

func TestWindowTicksTheCountAndRingsTheEnd(t *testing.T) {
	d := startXvfb(t, 1280, 800)
	server := pulsetest.Start(t)
	bin := buildBinary(t)
	prefs := `{"version":2,"safety_acknowledged":true,"theme":"light","tone_style":"off","volume":100,"voice":"off",
		"pattern":{"inhale":2,"exhale":2},"routine":{"preset":"mine","mine":{"finish_breaths":4}}}`
	a := launchWith(t, d, bin, prefs, append(server.Env, "ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf"))
	time.Sleep(time.Second)
	rec := server.Record(t)
	time.Sleep(500 * time.Millisecond)
	since := func() int { return int(time.Since(rec.Start) / (10 * time.Millisecond)) }
	a.keys("Return")
	time.Sleep(time.Second)
	a.keys("space")
	time.Sleep(6 * time.Second) // past the 3-2-1's 5 s, and the device's 3 s before it rests
	paused := a.shot("paused")
	a.keys("space")
	resumed := since() - 40 // keys() waits 400 ms after the key
	counting := a.shot("counting")
	time.Sleep(6 * time.Second)
	a.keys("6") // the breathing finish: 4 breaths of 2 + 2 s
	finish := since() - 40
	time.Sleep(23 * time.Second)
	pcm := rec.Stop()
	a.close()

	// The count covers the session screen: the paused circle is there before Space, gone during it.
	teal, violet, blend := color.NRGBA{0x7c, 0xc2, 0xb6, 0xff}, color.NRGBA{0xa9, 0x9c, 0xd6, 0xff}, color.NRGBA{0x92, 0xaf, 0xc6, 0xff}
	before, during := countNear(paused, teal, violet, blend), countNear(counting, teal, violet, blend)
	t.Logf("circle pixels: %d paused, %d during the count", before, during)
	if before < 20000 || during > 500 {
		t.Errorf("the count did not cover the window: %d circle pixels while paused, %d during the count", before, during)
	}

	found := onsets(pcm, 300)
	t.Logf("recorded %.1f s; Space at %.2f s, 6 at %.2f s; sounds begin at (s): %v", float64(len(pcm)/4)/pulsetest.Rate,
		float64(resumed)/100, float64(finish)/100, found)
	var ticks, finishCues []int
	for _, w := range found {
		switch {
		case w > resumed && w < resumed+600:
			ticks = append(ticks, w)
		case w > finish+1550 && w < finish+2100: // 16 s of breaths from the next inhale, then the cue
			finishCues = append(finishCues, w)
		}
	}
	if len(ticks) != 3 {
		t.Fatalf("%d sounds in the 6 s after Space, want the 3 ticks of the 3-2-1\n%s", len(ticks), a.log.String())
	}
	t.Logf("ticks %.2f s, %.2f s and %.2f s after Space", float64(ticks[0]-resumed)/100,
		float64(ticks[1]-resumed)/100, float64(ticks[2]-resumed)/100)
	for i := 1; i < 3; i++ {
		if gap := ticks[i] - ticks[i-1]; gap < 92 || gap > 108 {
			t.Errorf("ticks %d and %d are %.2f s apart, want 1 s", i, i+1, float64(gap)/100)
		}
	}
	if len(finishCues) != 1 {
		t.Errorf("%d sounds 15.5–21 s after jumping to the finish, want its closing cue", len(finishCues))
	}
}
