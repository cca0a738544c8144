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
