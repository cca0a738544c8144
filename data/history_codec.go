package data

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// historyDoc is history.json as read: its readable records, each kept as the bytes it was
// written with (compacted), so fields this version does not know survive every rewrite.
type historyDoc struct {
	version  int               // as read; 0 for a file without one
	extra    []member          // top-level members this version does not know
	records  []json.RawMessage // readable records, in file order
	sessions []Session         // records decoded, one for one
	dropped  int               // records that could not be read
}

// badRecords is a history whose records, some of them, could not be read.
type badRecords int

func (n badRecords) Error() string {
	if n == 1 {
		return "a session record could not be read"
	}
	return fmt.Sprintf("%d session records could not be read", int(n))
}

// decodeHistory reads the content of history.json. It walks the file token by token, so that a
// file cut short still yields every record before the cut, and drops only records that cannot be
// read. The error says why the file is damaged; the document holds what could be read.
//
// Version 0 (before the file had a version) was a bare list of records: [{...}, ...].
func decodeHistory(b []byte) (historyDoc, error) {
	var doc historyDoc
	if len(b) > maxFileSize {
		return doc, errTooLarge
	}
	if blank(b) {
		return doc, errEmpty
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return doc, jsonSyntax(err)
	}
	closing := json.Delim(']')
	switch tok {
	case json.Delim('['):
		err = doc.readRecords(dec)
	case json.Delim('{'):
		closing = '}'
		err = doc.readTop(dec)
	default:
		return doc, errNotObject
	}
	if err == nil {
		err = endOfValue(dec, closing)
	}
	if err == nil && doc.dropped > 0 {
		err = badRecords(doc.dropped)
	}
	return doc, err
}

// readTop reads the members of the top-level object, up to its closing brace.
func (doc *historyDoc) readTop(dec *json.Decoder) error {
	var damage error
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return jsonSyntax(err)
		}
		key, _ := tok.(string)
		switch key {
		case "sessions":
			tok, err := dec.Token()
			if err != nil {
				return jsonSyntax(err)
			}
			if tok == nil {
				continue // null: no sessions
			}
			if tok != json.Delim('[') {
				return wrongTypes{"sessions"} // the rest of the file cannot be followed from here
			}
			if err := doc.readRecords(dec); err != nil {
				return err
			}
			if err := expectDelim(dec, ']'); err != nil {
				return err
			}
		case "version":
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return jsonSyntax(err)
			}
			var v int
			if json.Unmarshal(raw, &v) != nil || v < 0 {
				damage = wrongTypes{"version"}
				continue
			}
			doc.version = v
		default:
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return jsonSyntax(err)
			}
			doc.extra = setMember(doc.extra, key, raw)
		}
	}
	return damage
}

// readRecords reads array elements up to, not including, the closing bracket.
func (doc *historyDoc) readRecords(dec *json.Decoder) error {
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return jsonSyntax(err) // records before this one are kept
		}
		doc.add(raw)
	}
	return nil
}

// add keeps a record that decodes as a Session with a start time, and counts any other as dropped.
func (doc *historyDoc) add(raw json.RawMessage) {
	var s Session
	if json.Unmarshal(raw, &s) != nil || s.Start.IsZero() {
		doc.dropped++
		return
	}
	var compact bytes.Buffer
	if json.Compact(&compact, raw) != nil {
		doc.dropped++ // cannot happen: the decoder only returns valid JSON
		return
	}
	doc.records = append(doc.records, compact.Bytes())
	doc.sessions = append(doc.sessions, s)
}

// expectDelim reads one token and checks it is d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return jsonSyntax(err)
	}
	if tok != d {
		return errNotJSON
	}
	return nil
}

// setMember sets key to value, in place when the key is there already (the last value wins, as in
// encoding/json), at the end otherwise.
func setMember(ms []member, key string, value json.RawMessage) []member {
	for i := range ms {
		if ms[i].key == key {
			ms[i].value = value
			return ms
		}
	}
	return append(ms, member{key, value})
}

// encodeHistory writes history.json with one record per line, so the file reads and diffs well.
func encodeHistory(doc historyDoc) []byte {
	list := []byte("[]")
	if len(doc.records) > 0 {
		list = []byte("[")
		for i, r := range doc.records {
			if i > 0 {
				list = append(list, ',')
			}
			list = append(list, "\n    "...)
			list = append(list, r...)
		}
		list = append(list, "\n  ]"...)
	}
	top := append([]member{
		{"version", rawValue(max(doc.version, HistoryVersion))},
		{"sessions", list},
	}, doc.extra...)
	return append(appendObject(nil, top, 0), '\n')
}
