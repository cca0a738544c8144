package sound

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// wavHeaderSize is the size of a canonical RIFF/WAVE header: RIFF, a 16-byte fmt chunk, data.
const wavHeaderSize = 44

// writeWAVHeader writes the header of a 16-bit stereo PCM file at SampleRate holding frames
// frames. The length goes first in a WAV file, so it must be known before the samples.
func writeWAVHeader(w io.Writer, frames int64) error {
	dataBytes := frames * bytesPerFrame
	if frames < 0 || dataBytes > math.MaxUint32-(wavHeaderSize-8) {
		return fmt.Errorf("%d frames do not fit in a WAV file", frames)
	}
	var h [wavHeaderSize]byte
	le := binary.LittleEndian
	copy(h[0:], "RIFF")
	le.PutUint32(h[4:], uint32(wavHeaderSize-8+dataBytes))
	copy(h[8:], "WAVEfmt ")
	le.PutUint32(h[16:], 16) // fmt chunk size
	le.PutUint16(h[20:], 1)  // PCM
	le.PutUint16(h[22:], channels)
	le.PutUint32(h[24:], SampleRate)
	le.PutUint32(h[28:], SampleRate*bytesPerFrame) // bytes per second
	le.PutUint16(h[32:], bytesPerFrame)            // block align
	le.PutUint16(h[34:], 16)                       // bits per sample
	copy(h[36:], "data")
	le.PutUint32(h[40:], uint32(dataBytes))
	_, err := w.Write(h[:])
	return err
}
