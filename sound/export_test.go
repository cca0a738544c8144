package sound

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"backroll/routine"
)

// wavInfo is what a WAV reader finds in a header.
type wavInfo struct {
	format, channels, bits, blockAlign uint16
	rate, byteRate, riffSize, dataSize uint32
}

// readWAVHeader parses a canonical 44-byte header the way a player would, checking the markers.
func readWAVHeader(t *testing.T, b []byte) wavInfo {
	t.Helper()
	if len(b) < 44 || string(b[0:4]) != "RIFF" || string(b[8:16]) != "WAVEfmt " || string(b[36:40]) != "data" {
		t.Fatalf("not a canonical WAV header: %q", b[:min(len(b), 44)])
	}
	le := binary.LittleEndian
	if le.Uint32(b[16:]) != 16 {
		t.Fatalf("fmt chunk of %d bytes, want 16", le.Uint32(b[16:]))
	}
	return wavInfo{format: le.Uint16(b[20:]), channels: le.Uint16(b[22:]), rate: le.Uint32(b[24:]),
		byteRate: le.Uint32(b[28:]), blockAlign: le.Uint16(b[32:]), bits: le.Uint16(b[34:]),
		riffSize: le.Uint32(b[4:]), dataSize: le.Uint32(b[40:])}
}

func TestExportWritesAStandardWAVOfTheAskedLength(t *testing.T) {
	var buf bytes.Buffer
	opts := DefaultExportOptions()
	opts.Seconds = 12
	if err := Export(&buf, opts); err != nil {
		t.Fatal(err)
	}
	h := readWAVHeader(t, buf.Bytes())
	want := wavInfo{format: 1, channels: 2, bits: 16, blockAlign: 4, rate: 48000, byteRate: 192000,
		dataSize: 12 * 192000, riffSize: 36 + 12*192000}
	if h != want {
		t.Errorf("header %+v, want %+v", h, want)
	}
	if buf.Len() != 44+int(h.dataSize) {
		t.Errorf("file of %d bytes, header promises %d", buf.Len(), 44+h.dataSize)
	}
	x := leftChannel(t, buf.Bytes()[44:])
	if p := peak(x); p > minus3dBFS || p < fullScale/8 {
		t.Errorf("peak %d, want between −18 and −3 dBFS", p)
	}
	if p := peak(x[len(x)-10:]); p != 0 {
		t.Errorf("the track ends on %d, not silence", p)
	}
	// The breath repeats every 10 s to the sample, up to the track's closing fade.
	pcm := buf.Bytes()[44:]
	if !bytes.Equal(pcm[:19*19200], pcm[10*192000:10*192000+19*19200]) {
		t.Error("seconds 10–11.9 differ from seconds 0–1.9")
	}
}

// trackListener analyses a streamed track without keeping it: its header, length, peak, last
// sound, and the samples in a few windows of interest.
type trackListener struct {
	header  []byte
	frames  int64
	peak    int
	last    int64 // the last frame that was not silent
	span    int64
	windows map[int64][]int16 // start frame → the span frames from there
}

func (l *trackListener) Write(b []byte) (int, error) {
	n := len(b)
	if need := 44 - len(l.header); need > 0 {
		take := min(need, len(b))
		l.header = append(l.header, b[:take]...)
		b = b[take:]
	}
	frames := int64(len(b) / bytesPerFrame)
	for i := int64(0); i < frames; i++ {
		v := int(int16(binary.LittleEndian.Uint16(b[4*i:])))
		if v != 0 {
			l.last = l.frames + i
			l.peak = max(l.peak, abs(v))
		}
	}
	for start, w := range l.windows {
		from, to := max(start, l.frames), min(start+l.span, l.frames+frames)
		for f := from; f < to; f++ {
			w = append(w, int16(binary.LittleEndian.Uint16(b[4*(f-l.frames):])))
		}
		l.windows[start] = w
	}
	l.frames += frames
	return n, nil
}

func TestExportRoutineCarriesTheSessionsCues(t *testing.T) {
	opts := DefaultExportOptions()
	opts.Routine = true
	plan := routine.NewPlan(opts.Pattern, opts.Roller)
	second := samplesIn(plan.Steps[0].Length)                                              // the second move starts
	sides := samplesIn(plan.Steps[0].Length + plan.Steps[1].Length + plan.Steps[2].Length) // lats, left side
	checkIn := samplesIn(routine.CheckInAfter)
	end := samplesIn(plan.Total())
	l := &trackListener{span: SampleRate / 10, windows: map[int64][]int16{
		0: nil, second: nil, sides: nil, checkIn: nil, end: nil, end + samplesFor(0.45): nil, end + samplesFor(0.9): nil,
	}}
	if err := Export(l, opts); err != nil {
		t.Fatal(err)
	}
	h := readWAVHeader(t, l.header)
	if want := end + roundUp(ringOut(), exportBlock); int64(h.dataSize) != want*4 || l.frames != want {
		t.Fatalf("%d frames, header says %d bytes; want %d frames (the plan and the ring-out)", l.frames, h.dataSize, want)
	}
	if total := time.Duration(l.frames) * time.Second / SampleRate; total < 10*time.Minute || total > 12*time.Minute+30*time.Second {
		t.Errorf("the routine track lasts %v", total)
	}
	// Each cue's first note, heard in its first 100 ms.
	for _, c := range []struct {
		name string
		at   int64
		freq float64
	}{
		{"next move", 0, 523.25}, {"next move", second, 523.25}, {"switch sides", sides, 659.26},
		{"check-in", checkIn, 440}, {"end 1", end, 783.99}, {"end 2", end + samplesFor(0.45), 659.26},
		{"end 3", end + samplesFor(0.9), 523.25},
	} {
		w := l.windows[c.at]
		if got := dominant(w, 400, 1000, 2); got < c.freq*0.99 || got > c.freq*1.01 {
			t.Errorf("%s cue at %.1f s: strongest at %.0f Hz, want %.0f", c.name, float64(c.at)/SampleRate, got, c.freq)
		}
	}
	if l.peak > minus3dBFS {
		t.Errorf("peak %d above −3 dBFS", l.peak)
	}
	if l.last >= l.frames-1 || l.last < end {
		t.Errorf("last sound at frame %d of %d: the end cue should ring out, then silence", l.last, l.frames)
	}
}

func TestExportOptionsAreValidatedInPlainWords(t *testing.T) {
	base := DefaultExportOptions()
	base.Seconds = 60
	for _, c := range []struct {
		change func(*ExportOptions)
		want   string
	}{
		{func(o *ExportOptions) { o.Volume = 101 }, "volume 101 is outside the allowed 0–100"},
		{func(o *ExportOptions) { o.Volume = -1 }, "volume -1 is outside"},
		{func(o *ExportOptions) { o.Seconds = 0 }, "choose a number of seconds or the whole routine"},
		{func(o *ExportOptions) { o.Seconds = 7201 }, "seconds 7201 is outside the allowed 1–7200"},
		{func(o *ExportOptions) { o.Routine = true }, "not both"},
		{func(o *ExportOptions) { o.Pattern.Inhale = 20 }, "inhale of 20 s is outside"},
		{func(o *ExportOptions) { o.Style = "bells" }, `tone style "bells" is not one of`},
		{func(o *ExportOptions) { o.Roller = "hard" }, `roller "hard" is not one of`},
	} {
		o := base
		c.change(&o)
		err := o.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%+v) = %v, want %q", o, err, c.want)
		}
		if err := Export(&bytes.Buffer{}, o); err == nil {
			t.Errorf("Export accepted %+v", o)
		}
	}
	if err := (ExportOptions{Seconds: 1}).Validate(); err != nil {
		t.Errorf("zero pattern, roller and style should mean the defaults: %v", err)
	}
}

func TestExportFileRefusesToReplaceUnlessForced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.wav")
	if err := os.WriteFile(path, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	opts := DefaultExportOptions()
	opts.Seconds = 1
	err := ExportFile(path, false, opts)
	if err == nil || !strings.Contains(err.Error(), "already exists") || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("ExportFile over an existing file = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Fatal("the existing file was touched")
	}
	if err := ExportFile(path, true, opts); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if h := readWAVHeader(t, b); int(h.dataSize) != SampleRate*4 || len(b) != 44+SampleRate*4 {
		t.Errorf("forced export wrote %d bytes", len(b))
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
	fresh := filepath.Join(dir, "new.wav")
	if err := ExportFile(fresh, false, opts); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestExportFileFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	opts := DefaultExportOptions()
	opts.Seconds = 1
	if err := ExportFile(filepath.Join(dir, "missing", "b.wav"), false, opts); err == nil || !strings.Contains(err.Error(), "cannot write") {
		t.Errorf("export into a missing folder = %v", err)
	}
	opts.Volume = 500
	if err := ExportFile(filepath.Join(dir, "b.wav"), false, opts); err == nil {
		t.Error("bad options accepted")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed export left %v", entries)
	}
}
