package data

import (
	"bytes"
	"testing"
)

// FuzzDecodePreferences: any bytes decode without panic into preferences within their ranges,
// and what is then written reads back the same, without notes, byte for byte.
func FuzzDecodePreferences(f *testing.F) {
	f.Add([]byte(`{"version":1,"pattern":{"inhale":5,"exhale":5}}`))
	f.Add([]byte(`{"version":2,"routine":{"preset":"mine","mine":{"seconds":{"lats":1e300},"left_out":["finish","x"]},"today":{"date":"2025-01-06","left_out":["glutes"]}}}`))
	f.Add([]byte(`{"inhale":99,"volume":0.5,"tone":"chimes","window_width":1e300,"x":[{"y":null}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, _, _ := decodePreferences(b)
		if _, notes := p.Normalized(); len(notes) > 0 {
			t.Fatalf("decoded preferences out of range: %v", notes)
		}
		written := encodePreferences(p)
		again, notes, err := decodePreferences(written)
		if err != nil || len(notes) > 0 {
			t.Fatalf("reading back %q: %v %v", written, notes, err)
		}
		if rewritten := encodePreferences(again); !bytes.Equal(rewritten, written) {
			t.Fatalf("not stable:\n%s\n%s", written, rewritten)
		}
		p.unknown, again.unknown = nil, nil
		if p != again {
			t.Fatalf("read back %+v, wrote %+v", again, p)
		}
	})
}

// FuzzDecodeHistory: any bytes decode without panic, and the records kept are written and read
// back unchanged.
func FuzzDecodeHistory(f *testing.F) {
	f.Add([]byte(`{"version":1,"sessions":[{"start":"2025-01-06T08:30:00+01:00","seconds":600,"finished":true}]}`))
	f.Add([]byte(`[{"start":"2025-01-06T08:30:00Z"},{"start":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, _ := decodeHistory(b)
		if len(doc.records) != len(doc.sessions) {
			t.Fatalf("%d records, %d sessions", len(doc.records), len(doc.sessions))
		}
		written := encodeHistory(doc)
		again, err := decodeHistory(written)
		if err != nil {
			t.Fatalf("reading back %q: %v", written, err)
		}
		if len(again.records) != len(doc.records) {
			t.Fatalf("%d records read back, %d written", len(again.records), len(doc.records))
		}
		for i := range doc.records {
			if !bytes.Equal(again.records[i], doc.records[i]) {
				t.Fatalf("record %d changed: %s -> %s", i, doc.records[i], again.records[i])
			}
		}
		if rewritten := encodeHistory(again); !bytes.Equal(rewritten, written) {
			t.Fatalf("not stable:\n%s\n%s", written, rewritten)
		}
	})
}
