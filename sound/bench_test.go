package sound

import (
	"testing"
	"time"

	"backroll/routine"
)

// BenchmarkSynthRead renders 100 ms per Read, as a player would pull it, with a cue every few
// seconds. x-realtime is seconds of sound made per second of work; the target is at least 1000.
func BenchmarkSynthRead(b *testing.B) {
	for _, style := range routine.ToneStyles {
		b.Run(string(style), func(b *testing.B) {
			s := NewSynth()
			s.SetStyle(style)
			s.SetVolume(100)
			buf := make([]byte, SampleRate/10*bytesPerFrame)
			b.ReportAllocs()
			b.SetBytes(int64(len(buf)))
			reads := 0
			start := time.Now()
			for b.Loop() {
				if reads%30 == 0 {
					s.Cue(Cue(reads / 30 % int(cueCount)))
				}
				reads++
				s.Read(buf)
			}
			work := time.Since(start).Seconds()
			b.ReportMetric(float64(reads)/10/work, "x-realtime")
		})
	}
}

// BenchmarkVoicePhrase times one phrase from asking to ready, as the window's first phrase is
// made: cold (the engine speaks, the result is resampled and cached) and cached (read back from
// the cache folder by a new Voice). It reports ms/phrase; make bench prints both.
func BenchmarkVoicePhrase(b *testing.B) {
	sp, why := FindSpeaker("")
	if sp == nil {
		b.Skip(why)
	}
	phrase := func(b *testing.B, dir string) {
		v := NewVoice(sp, dir)
		v.Prepare([]string{routine.SaySwitchSides})
		v.Wait()
		if v.Clip(routine.SaySwitchSides) == nil {
			b.Fatal("the phrase was not made")
		}
	}
	b.Run("cold", func(b *testing.B) {
		var spent time.Duration
		for b.Loop() {
			dir := b.TempDir()
			start := time.Now()
			phrase(b, dir)
			spent += time.Since(start)
		}
		b.ReportMetric(float64(spent.Microseconds())/1000/float64(b.N), "ms/phrase")
	})
	b.Run("cached", func(b *testing.B) {
		dir := b.TempDir()
		phrase(b, dir)
		start := time.Now()
		for b.Loop() {
			phrase(b, dir)
		}
		b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/phrase")
	})
}
