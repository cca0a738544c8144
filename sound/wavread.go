package sound

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// pcm is mono audio as floats in −1…1 at rate samples a second.
type pcm struct {
	rate    int
	samples []float32
}

// maxSpeechBytes bounds what is read of one phrase's WAV: a minute of 48 kHz 16-bit stereo.
const maxSpeechBytes = 60 * 48000 * 4

// readWAV reads 16-bit PCM WAV, mono or stereo (mixed down), from r. Speech engines that write to
// a pipe cannot seek back to fill in sizes, so a RIFF or data size of 0 or 0xFFFFFFFF means "up to
// the end of the stream", as espeak-ng --stdout writes it; a data chunk that runs past the end is
// taken as far as it goes.
func readWAV(r io.Reader) (pcm, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxSpeechBytes+1))
	if err != nil {
		return pcm{}, err
	}
	if len(b) > maxSpeechBytes {
		return pcm{}, errors.New("the speech is longer than a minute")
	}
	return parseWAV(b)
}

func parseWAV(b []byte) (pcm, error) {
	if len(b) < 12 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return pcm{}, errors.New("not a WAV file")
	}
	var channels, bits, format int
	rate := 0
	rest := b[12:]
	for len(rest) >= 8 {
		id, size := string(rest[0:4]), binary.LittleEndian.Uint32(rest[4:8])
		body := rest[8:]
		if id == "data" {
			if rate == 0 {
				return pcm{}, errors.New("WAV data comes before its format")
			}
			if size != 0 && size != 0xFFFFFFFF && int64(size) < int64(len(body)) {
				body = body[:size]
			}
			return decodePCM(body, rate, channels, bits, format)
		}
		if int64(size) > int64(len(body)) {
			return pcm{}, fmt.Errorf("WAV chunk %q is cut short", id)
		}
		if id == "fmt " {
			if size < 16 {
				return pcm{}, errors.New("WAV format chunk is too short")
			}
			format = int(binary.LittleEndian.Uint16(body[0:2]))
			channels = int(binary.LittleEndian.Uint16(body[2:4]))
			rate = int(binary.LittleEndian.Uint32(body[4:8]))
			bits = int(binary.LittleEndian.Uint16(body[14:16]))
		}
		skip := int(size) + int(size&1) // chunks are padded to an even length
		rest = body[min(skip, len(body)):]
	}
	return pcm{}, errors.New("WAV file has no data")
}

// wavExtensible is WAVE_FORMAT_EXTENSIBLE, which SAPI and some engines write for plain PCM.
const wavExtensible = 0xFFFE

func decodePCM(body []byte, rate, channels, bits, format int) (pcm, error) {
	switch {
	case format != 1 && format != wavExtensible:
		return pcm{}, fmt.Errorf("WAV format %d is not PCM", format)
	case bits != 16:
		return pcm{}, fmt.Errorf("WAV has %d-bit samples, not 16", bits)
	case channels != 1 && channels != 2:
		return pcm{}, fmt.Errorf("WAV has %d channels", channels)
	case rate < 8000 || rate > 192000:
		return pcm{}, fmt.Errorf("WAV rate %d Hz is out of range", rate)
	}
	frame := 2 * channels
	n := len(body) / frame
	out := make([]float32, n)
	for i := range out {
		var sum float32
		for c := 0; c < channels; c++ {
			sum += float32(int16(binary.LittleEndian.Uint16(body[i*frame+2*c:])))
		}
		out[i] = sum / float32(channels) / 32768
	}
	return pcm{rate: rate, samples: out}, nil
}

// writeMonoWAV writes samples as a 16-bit mono WAV at rate: the cache's format.
func writeMonoWAV(w io.Writer, rate int, samples []int16) error {
	b := make([]byte, 44+2*len(samples))
	copy(b[0:], "RIFF")
	binary.LittleEndian.PutUint32(b[4:], uint32(36+2*len(samples)))
	copy(b[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(b[16:], 16)
	binary.LittleEndian.PutUint16(b[20:], 1)
	binary.LittleEndian.PutUint16(b[22:], 1)
	binary.LittleEndian.PutUint32(b[24:], uint32(rate))
	binary.LittleEndian.PutUint32(b[28:], uint32(rate*2))
	binary.LittleEndian.PutUint16(b[32:], 2)
	binary.LittleEndian.PutUint16(b[34:], 16)
	copy(b[36:], "data")
	binary.LittleEndian.PutUint32(b[40:], uint32(2*len(samples)))
	for i, x := range samples {
		binary.LittleEndian.PutUint16(b[44+2*i:], uint16(x))
	}
	_, err := w.Write(b)
	return err
}

// toPCM16 is samples as 16-bit samples (see pcm16).
func toPCM16(samples []float32) []int16 {
	out := make([]int16, len(samples))
	for i, x := range samples {
		out[i] = pcm16(x)
	}
	return out
}

// pcm16 is x as a 16-bit sample on the scale decodePCM reads back (x × 32768), so a sample that
// is already on that grid survives the round trip exactly.
func pcm16(x float32) int16 {
	return int16(max(-32768, min(32767, math.Round(float64(x)*32768))))
}
