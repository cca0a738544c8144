package sound

import "math"

// DefaultVolume is the app's starting volume on the 0–100 scale.
const DefaultVolume = 80

// gainFor maps the 0–100 volume to a gain. The curve is cubic, as PulseAudio's software volume is:
// equal steps of the slider sound like roughly equal steps of loudness, and 0 is true silence.
func gainFor(volume int) float32 {
	v := float64(min(max(volume, 0), 100)) / 100
	return float32(v * v * v)
}

// gainSmoothing is the one-pole coefficient of a 10 ms glide between gains: volume changes arrive
// as steps from a slider, and a step in gain is a click (and a run of them, zipper noise).
var gainSmoothing = float32(1 - math.Exp(-1/(0.010*SampleRate)))

// The limiter is a safety net, not a sound: the layers are levelled to stay under the knee, and
// should a pile-up of cues pass it, the peak still bends smoothly towards ceiling, below −3 dBFS.
const (
	limitKnee    = 0.60
	limitRoom    = 0.10
	limitCeiling = limitKnee + limitRoom // 0.70, −3.1 dBFS
)

// limit is the identity below the knee and approaches the ceiling above it, with a continuous slope.
func limit(x float32) float32 {
	switch {
	case x > limitKnee:
		e := x - limitKnee
		return limitKnee + limitRoom*e/(limitRoom+e)
	case x < -limitKnee:
		e := -x - limitKnee
		return -(limitKnee + limitRoom*e/(limitRoom+e))
	}
	return x
}

// toInt16 rounds a sample in [-1, 1] to 16 bits.
func toInt16(x float32) int16 {
	if x >= 0 {
		return int16(x*32767 + 0.5)
	}
	return int16(x*32767 - 0.5)
}
