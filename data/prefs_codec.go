package data

import (
	"encoding/json"
	"math"
)

// Keys of preferences.json this version knows, in the order it writes them.
var (
	prefsKeys = []string{"version", "pattern", "roller", "volume", "muted", "tone_style", "theme", "text_size", "window", "safety_acknowledged",
		"voice", "voice_volume", "voice_rate", "piper_model", "language", "routine",
		"reminders", "start_at_login", "resume_countdown"}
	patternKeys = []string{"inhale", "hold_in", "exhale", "hold_out"}
	windowKeys  = []string{"width", "height"}
)

// decodePreferences reads the content of preferences.json. It always returns usable preferences:
// defaults for what is missing, the nearest allowed value (with a note) for what is out of range.
// When the file is damaged the error says why, and the preferences hold every value that could
// still be read.
func decodePreferences(b []byte) (Preferences, []string, error) {
	p := Defaults()
	if len(b) > maxFileSize {
		return p, nil, errTooLarge
	}
	top, err := objectMembers(b)
	if err != nil {
		return p, nil, err
	}

	var r fieldReader
	version := 0
	var v float64
	if read(&r, top, "version", "version", &v) {
		if v != math.Trunc(v) || v < 0 || v > 1e6 {
			r.wrong = append(r.wrong, "version")
		} else {
			version = int(v)
		}
	}
	if version < 1 {
		top = migrateV0(top)
	}
	p.Version = max(version, PreferencesVersion)

	unknown := &unknownFields{top: without(top, prefsKeys...)}
	if pattern, ok := r.object(top, "pattern"); ok {
		read(&r, pattern, "inhale", "pattern.inhale", &p.Pattern.Inhale)
		read(&r, pattern, "hold_in", "pattern.hold_in", &p.Pattern.HoldIn)
		read(&r, pattern, "exhale", "pattern.exhale", &p.Pattern.Exhale)
		read(&r, pattern, "hold_out", "pattern.hold_out", &p.Pattern.HoldOut)
		unknown.pattern = without(pattern, patternKeys...)
	}
	read(&r, top, "roller", "roller", &p.Roller)
	read(&r, top, "muted", "muted", &p.Muted)
	read(&r, top, "tone_style", "tone_style", &p.ToneStyle)
	read(&r, top, "theme", "theme", &p.Theme)
	read(&r, top, "text_size", "text_size", &p.TextSize)
	read(&r, top, "safety_acknowledged", "safety_acknowledged", &p.SafetyAcknowledged)
	read(&r, top, "voice", "voice", &p.Voice)
	read(&r, top, "piper_model", "piper_model", &p.PiperModel)
	read(&r, top, "language", "language", &p.Language)

	// Whole numbers are read as floats and clamped before conversion: 1e300 does not fit an int.
	var notes []string
	readInt := func(ms []member, key, path, name, unit string, rng Range, dst *int) {
		f := float64(*dst)
		if read(&r, ms, key, path, &f) {
			var n string
			if *dst, n = clampInt(name, f, rng, unit); n != "" {
				notes = append(notes, n)
			}
		}
	}
	readInt(top, "volume", "volume", "volume", "", VolumeRange, &p.Volume)
	readInt(top, "voice_volume", "voice_volume", "voice volume", "", VoiceVolumeRange, &p.VoiceVolume)
	readInt(top, "voice_rate", "voice_rate", "voice rate", " words a minute", VoiceRateRange, &p.VoiceRate)
	if window, ok := r.object(top, "window"); ok {
		readInt(window, "width", "window.width", "window width", " px", WindowWidthRange, &p.Window.Width)
		readInt(window, "height", "window.height", "window height", " px", WindowHeightRange, &p.Window.Height)
		unknown.window = without(window, windowKeys...)
	}
	notes = append(notes, decodeRoutine(&r, top, &p, unknown)...)
	notes = append(notes, decodeReminders(&r, top, &p, unknown)...)
	if len(unknown.top)+len(unknown.pattern)+len(unknown.window)+
		len(unknown.routine)+len(unknown.routineMine)+len(unknown.routineSeconds)+len(unknown.routineToday)+len(unknown.reminders) > 0 {
		p.unknown = unknown
	}

	p, more := p.Normalized()
	notes = append(more, notes...)
	if len(r.wrong) > 0 {
		return p, notes, r.wrong
	}
	return p, notes, nil
}

// fieldReader reads one field at a time, so that a value of the wrong type loses only that field.
type fieldReader struct {
	wrong wrongTypes
}

// read decodes the member key into dst and reports whether it did. A missing member or null
// leaves dst as it is; so does a value of the wrong type, which is noted by its path. Decoding goes
// through a fresh value because json.Unmarshal may leave its target half-set when it fails.
func read[T any](r *fieldReader, ms []member, key, path string, dst *T) bool {
	raw := find(ms, key)
	if raw == nil || string(raw) == "null" {
		return false
	}
	var v T
	if json.Unmarshal(raw, &v) != nil {
		r.wrong = append(r.wrong, path)
		return false
	}
	*dst = v
	return true
}

// object returns the members of the object at key; anything but an object (or null) is noted.
func (r *fieldReader) object(ms []member, key string) ([]member, bool) {
	raw := find(ms, key)
	if raw == nil || string(raw) == "null" {
		return nil, false
	}
	obj, err := objectMembers(raw)
	if err != nil {
		r.wrong = append(r.wrong, key)
		return nil, false
	}
	return obj, true
}

// encodePreferences writes preferences.json: known fields in a fixed order, then what this version
// does not know, byte for byte as it was read.
func encodePreferences(p Preferences) []byte {
	p, _ = p.Normalized()
	u := p.unknown
	if u == nil {
		u = &unknownFields{}
	}
	pattern := append([]member{
		{"inhale", rawValue(p.Pattern.Inhale)},
		{"hold_in", rawValue(p.Pattern.HoldIn)},
		{"exhale", rawValue(p.Pattern.Exhale)},
		{"hold_out", rawValue(p.Pattern.HoldOut)},
	}, u.pattern...)
	window := append([]member{
		{"width", rawValue(p.Window.Width)},
		{"height", rawValue(p.Window.Height)},
	}, u.window...)
	top := append([]member{
		{"version", rawValue(p.Version)},
		{"pattern", appendObject(nil, pattern, 1)},
		{"roller", rawValue(p.Roller)},
		{"volume", rawValue(p.Volume)},
		{"muted", rawValue(p.Muted)},
		{"tone_style", rawValue(p.ToneStyle)},
		{"theme", rawValue(p.Theme)},
		{"text_size", rawValue(p.TextSize)},
		{"window", appendObject(nil, window, 1)},
		{"safety_acknowledged", rawValue(p.SafetyAcknowledged)},
		{"voice", rawValue(p.Voice)},
		{"voice_volume", rawValue(p.VoiceVolume)},
		{"voice_rate", rawValue(p.VoiceRate)},
		{"piper_model", rawValue(p.PiperModel)},
		{"language", rawValue(p.Language)},
		{"routine", encodeRoutine(p, u)},
		{"reminders", encodeReminders(p, u)},
		{"start_at_login", rawValue(p.Autostart)},
		{"resume_countdown", rawValue(p.ResumeCountdown)},
	}, u.top...)
	return append(appendObject(nil, top, 0), '\n')
}
