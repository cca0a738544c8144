package data

import "encoding/json"

// migrateV0 turns the members of a version 0 file into version 1 names. Version 0 is Backroll
// before the file had a "version": everything sat at the top level, and the volume was a fraction:
//
//	{"inhale":4,"hold_in":0,"exhale":6,"hold_out":0,"roller":"medium","volume":0.7,"muted":false,
//	 "tone":"soft-tones","theme":"system","text_size":1,"window_width":1280,"window_height":800,
//	 "safety_ok":true}
//
// Where a file without a version already uses a version 1 name, that name wins, so a file written
// by hand in the new shape but without "version" loads as meant. Members it does not know are kept.
func migrateV0(top []member) []member {
	out := without(top, "inhale", "hold_in", "exhale", "hold_out", "tone", "window_width", "window_height", "safety_ok")
	nest := func(key string, names map[string]string, order []string) {
		if find(top, key) != nil {
			return
		}
		var ms []member
		for _, old := range order {
			if raw := find(top, old); raw != nil {
				ms = append(ms, member{names[old], raw})
			}
		}
		if len(ms) > 0 {
			out = append(out, member{key, appendCompactObject(nil, ms)})
		}
	}
	nest("pattern", map[string]string{"inhale": "inhale", "hold_in": "hold_in", "exhale": "exhale", "hold_out": "hold_out"},
		[]string{"inhale", "hold_in", "exhale", "hold_out"})
	nest("window", map[string]string{"window_width": "width", "window_height": "height"},
		[]string{"window_width", "window_height"})
	rename := func(old, key string) {
		if raw := find(top, old); raw != nil && find(top, key) == nil {
			out = append(out, member{key, raw})
		}
	}
	rename("tone", "tone_style")
	rename("safety_ok", "safety_acknowledged")

	// A volume of 0–1 is a version 0 fraction; a larger one was already written in percent.
	for i, m := range out {
		var v float64
		if m.key == "volume" && json.Unmarshal(m.value, &v) == nil && v >= 0 && v <= 1 {
			out[i].value = rawValue(v * 100)
		}
	}
	return out
}
