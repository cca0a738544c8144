package main

import (
	"encoding/binary"
	"math"
	"testing"
	"time"

	"backroll/internal/pulsetest"
)

// The real binary in a real window, its sound through ALSA into a PulseAudio null sink that the
// test records: at each change of side the recording holds the short phrase "Switch sides", and
// at each jump to a move the longer "Next: …, right side".

// speechEnergy is the loudness of the high frequencies, window by window (10 ms): the second
// difference passes speech's consonants and all but silences the cues' low bell notes (a 659 Hz
// note comes through at −43 dB, a 4 kHz hiss at −11 dB).
func speechEnergy(pcm []byte) []float64 {
	const window = pulsetest.Rate / 100
	frames := len(pcm) / 4
	out := make([]float64, frames/window)
	left := func(i int) float64 { return float64(int16(binary.LittleEndian.Uint16(pcm[4*i:]))) }
	for w := range out {
		var sum float64
		for i := max(w*window, 2); i < (w+1)*window; i++ {
			d2 := left(i) - 2*left(i-1) + left(i-2)
			sum += d2 * d2
		}
		out[w] = math.Sqrt(sum / window)
	}
	return out
}

// burst finds the first run of speech starting within [from, to) (in windows) and returns its
// start and length in windows; gaps under half a second between words do not end it.
func burst(energy []float64, from, to int, threshold float64) (start, length int) {
	start = -1
	quiet := 0
	for w := max(from, 0); w < len(energy); w++ {
		loud := energy[w] > threshold
		switch {
		case start < 0 && loud && w < to:
			start, quiet = w, 0
		case start < 0 && w >= to:
			return -1, 0
		case start >= 0 && loud:
			quiet = 0
		case start >= 0:
			if quiet++; quiet > 50 {
				return start, w - quiet + 1 - start
			}
		}
	}
	if start >= 0 {
		return start, len(energy) - start
	}
	return -1, 0
}

func TestWindowSaysSwitchSidesAtEachSideChange(t *testing.T) {
	pulsetest.NeedTools(t, "espeak-ng")
	d := startXvfb(t, 1280, 800)
	server := pulsetest.Start(t)
	bin := buildBinary(t)
	// Tones off, so only the cues and the voice are heard; the app's own ALSA default, routed to
	// the test's PulseAudio.
	prefs := `{"version":1,"safety_acknowledged":true,"tone_style":"off","volume":100,"voice":"names","voice_volume":100}`
	a := launchWith(t, d, bin, prefs, append(server.Env, "ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf"))
	time.Sleep(2 * time.Second) // the phrases are made in the background at start-up
	rec := server.Record(t)
	time.Sleep(500 * time.Millisecond)
	since := func() int { return int(time.Since(rec.Start) / (10 * time.Millisecond)) }
	a.keys("Return")
	time.Sleep(4 * time.Second)
	type press struct {
		at       int  // window of the key press in the recording
		switches bool // the key moves to the other side of the same move
	}
	var presses []press
	for _, move := range []string{"4", "5", "3"} { // glutes, hip front, lats: right, then left
		a.keys(move)
		presses = append(presses, press{at: since() - 40}) // keys() waits 400 ms after the key
		time.Sleep(4 * time.Second)
		a.keys("Right")
		presses = append(presses, press{at: since() - 40, switches: true})
		time.Sleep(3 * time.Second)
	}
	pcm := rec.Stop()
	a.close()

	energy := speechEnergy(pcm)
	peakEnergy := 0.0
	for _, e := range energy {
		peakEnergy = max(peakEnergy, e)
	}
	threshold := peakEnergy / 20
	t.Logf("recorded %.1f s; peak speech energy %.0f", float64(len(pcm)/4)/pulsetest.Rate, peakEnergy)
	if peakEnergy < 100 {
		t.Fatalf("no speech in the recording (peak energy %.1f)\n%s", peakEnergy, a.log.String())
	}
	for i, p := range presses {
		// Speech is placed 600 ms after the event; the device, parec and xdotool add a little.
		start, length := burst(energy, p.at+30, p.at+130, threshold)
		t.Logf("key %d (switch %v) at %.2f s: speech at %+.2f s for %.2f s", i, p.switches, float64(p.at)/100,
			float64(start-p.at)/100, float64(length)/100)
		switch {
		case start < 0:
			t.Errorf("key %d at %.2f s: no speech after it", i, float64(p.at)/100)
		case p.switches && (length < 40 || length > 150):
			t.Errorf("key %d: a %.2f s phrase where \"Switch sides\" (about a second) belongs", i, float64(length)/100)
		case !p.switches && length < 150:
			t.Errorf("key %d: a %.2f s phrase where the move's name (about two seconds or more) belongs", i, float64(length)/100)
		}
	}
}
