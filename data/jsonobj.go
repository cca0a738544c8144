package data

import (
	"bytes"
	"encoding/json"
	"io"
)

// member is one key of a JSON object with its value exactly as the file wrote it. Keeping values
// as raw bytes is how fields this version does not know are written back unchanged.
type member struct {
	key   string
	value json.RawMessage
}

// objectMembers splits a JSON object into its members in file order. A key given twice keeps its
// last value, as encoding/json does, at the place it first appeared.
func objectMembers(b []byte) ([]member, error) {
	if blank(b) {
		return nil, errEmpty
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonSyntax(err)
	}
	if tok != json.Delim('{') {
		return nil, errNotObject
	}
	var ms []member
	index := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonSyntax(err)
		}
		key, ok := tok.(string)
		if !ok {
			return nil, errNotJSON
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, jsonSyntax(err)
		}
		if i, seen := index[key]; seen {
			ms[i].value = v
			continue
		}
		index[key] = len(ms)
		ms = append(ms, member{key, v})
	}
	if err := endOfValue(dec, '}'); err != nil {
		return nil, err
	}
	return ms, nil
}

// endOfValue reads the closing delimiter of the top-level value and checks nothing follows it.
func endOfValue(dec *json.Decoder, closing json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return jsonSyntax(err)
	}
	if tok != closing {
		return errNotJSON
	}
	if _, err := dec.Token(); err != io.EOF {
		return errNotJSON // trailing data after the object
	}
	return nil
}

// find returns the value of key, or nil when it is absent.
func find(ms []member, key string) json.RawMessage {
	for _, m := range ms {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

// without returns the members whose keys are not in known, in order.
func without(ms []member, known ...string) []member {
	var out []member
next:
	for _, m := range ms {
		for _, k := range known {
			if m.key == k {
				continue next
			}
		}
		out = append(out, m)
	}
	return out
}

// appendObject writes members as an indented JSON object, one member per line, each value exactly
// as given. depth is the nesting level of the object itself.
func appendObject(dst []byte, ms []member, depth int) []byte {
	if len(ms) == 0 {
		return append(dst, "{}"...)
	}
	dst = append(dst, '{')
	for i, m := range ms {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '\n')
		dst = appendIndent(dst, depth+1)
		dst = appendKey(dst, m.key)
		dst = append(dst, ": "...)
		dst = append(dst, m.value...)
	}
	dst = append(dst, '\n')
	dst = appendIndent(dst, depth)
	return append(dst, '}')
}

// appendCompactObject writes members as a one-line JSON object, each value exactly as given.
func appendCompactObject(dst []byte, ms []member) []byte {
	dst = append(dst, '{')
	for i, m := range ms {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendKey(dst, m.key)
		dst = append(dst, ':')
		dst = append(dst, m.value...)
	}
	return append(dst, '}')
}

func appendIndent(dst []byte, depth int) []byte {
	for range depth {
		dst = append(dst, "  "...)
	}
	return dst
}

// appendKey writes a key as a JSON string without HTML escaping, so keys read back as written.
func appendKey(dst []byte, key string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(key) // a string always encodes
	return append(dst, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// rawValue encodes a known value. Only values that cannot fail are passed: numbers that are not
// NaN or infinite, strings, booleans.
func rawValue(v any) json.RawMessage {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("data: cannot encode " + err.Error()) // a bug in this package, not bad input
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
