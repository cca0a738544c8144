package data

import (
	"fmt"
	"math"
	"strconv"

	"backroll/routine"
)

// PreferencesVersion is the format of preferences.json this version writes.
const PreferencesVersion = 2

// Preferences is everything Backroll remembers between runs. Values outside their range are
// clamped to the nearest allowed one when loaded or saved.
type Preferences struct {
	Version            int               // the file format; a newer file keeps its own number
	Pattern            routine.Pattern   // the breath, within routine's limits
	Roller             routine.Roller    // soft, medium or firm
	Volume             int               // 0–100
	Muted              bool              // no sound at all
	ToneStyle          routine.ToneStyle // how the breath sounds
	Theme              Theme             // system, light or dark
	TextSize           float64           // 0.8–1.6, a factor on the theme's text size
	Window             Window            // the window's size in device-independent pixels
	SafetyAcknowledged bool              // the safety page was read and accepted
	Voice              routine.VoiceMode // how much the coach says aloud
	VoiceVolume        int               // 0–100, relative to Volume
	VoiceRate          int               // words a minute, within routine's limits
	PiperModel         string            // a piper voice model to speak with, "" for the system's engine
	Language           Language          // "system", or one of the shipped languages

	// The adjusted routine (version 2; see prefs_routine.go): the preset, the user's own shape, and
	// the moves left out for one day only, with that day's local date ("2006-01-02").
	Routine          routine.Adjustment
	RoutineTodayDate string

	// Reminders and resuming (see prefs_remind.go): the reminder's days and time, a day they are
	// paused for, starting Backroll at login, and the 3-2-1 before a paused session goes on.
	Reminders         routine.Reminders
	RemindersPausedOn string // "2006-01-02": no reminders on this local day
	Autostart         bool   // start Backroll when the user logs in
	ResumeCountdown   bool   // show a 3-2-1 when resuming after a pause of more than a few seconds

	// unknown holds what a newer version wrote that this one does not know, to write it back
	// unchanged. It is never modified, only replaced, so copies of Preferences may share it and
	// Preferences stays comparable with ==.
	unknown *unknownFields
}

// unknownFields are members this version does not know, per object, in file order.
type unknownFields struct {
	top, pattern, window []member
	// inside "routine" (prefs_routine.go)
	routine, routineMine, routineSeconds, routineToday []member
	reminders                                          []member // inside "reminders" (prefs_remind.go)
}

// Theme is the colour theme.
type Theme string

// Themes.
const (
	ThemeSystem Theme = "system" // follow the desktop's light or dark setting
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// Themes lists the themes in the order the UI offers them.
var Themes = []Theme{ThemeSystem, ThemeLight, ThemeDark}

// ParseTheme accepts "system", "light" or "dark".
func ParseTheme(s string) (Theme, error) {
	for _, t := range Themes {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fmt.Errorf("theme %q is not one of system, light, dark", s)
}

// Language is the language of the window, the plan and the voice: the system's, or one of the
// languages Backroll ships, by its code.
type Language string

// LanguageSystem follows the desktop's language (English where Backroll has no translation).
const LanguageSystem Language = "system"

// Languages lists the choices in the order the UI offers them: the system's, then English (the
// source) and the translations.
var Languages = []Language{LanguageSystem, "en", "de", "es", "fr", "pt"}

// ParseLanguage accepts "system" or a shipped language's code: en, de, es, fr, pt.
func ParseLanguage(s string) (Language, error) {
	for _, l := range Languages {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("language %q is not one of system, en, de, es, fr, pt", s)
}

// Window is the window's size.
type Window struct {
	Width, Height int
}

// Range is the allowed range of a number in the preferences.
type Range struct{ Min, Max float64 }

// Allowed ranges besides the pattern's, which routine owns.
var (
	VolumeRange       = Range{0, 100}
	TextSizeRange     = Range{0.8, 1.6}
	WindowWidthRange  = Range{800, 7680} // a small laptop to an 8K screen
	WindowHeightRange = Range{500, 4320}
	VoiceVolumeRange  = Range{0, 100}
	VoiceRateRange    = Range{routine.MinVoiceRate, routine.MaxVoiceRate}
)

// clamp moves v into the range; NaN becomes Min.
func (r Range) clamp(v float64) float64 {
	if math.IsNaN(v) {
		return r.Min
	}
	return math.Max(r.Min, math.Min(r.Max, v))
}

func (r Range) contains(v float64) bool { return v >= r.Min && v <= r.Max }

// Defaults returns the preferences of a first run.
func Defaults() Preferences {
	return Preferences{
		Version:   PreferencesVersion,
		Pattern:   routine.DefaultPattern,
		Roller:    routine.DefaultRoller,
		Volume:    70,
		ToneStyle: routine.DefaultToneStyle,
		Theme:     ThemeSystem,
		Language:  LanguageSystem,
		TextSize:  1.0,
		Window:    Window{Width: 1280, Height: 800},

		Voice:       routine.DefaultVoiceMode,
		VoiceVolume: 90,
		VoiceRate:   routine.DefaultVoiceRate,
		Routine:     routine.DefaultAdjustment(),

		Reminders:       routine.DefaultReminders(),
		ResumeCountdown: true,
	}
}

// Normalized returns p with every value moved to the nearest allowed one and unknown names
// replaced by defaults, and a note in words for each value that changed.
func (p Preferences) Normalized() (Preferences, []string) {
	var notes []string
	note := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	add := func(n string) {
		if n != "" {
			notes = append(notes, n)
		}
	}

	if p.Version < PreferencesVersion {
		p.Version = PreferencesVersion
	}

	// routine owns the pattern's rules: Clamp decides the values, the notes only say what moved.
	clamped := p.Pattern.Clamp()
	for _, f := range []struct {
		name     string
		was, now float64
		limit    routine.Limit
	}{
		{"inhale", p.Pattern.Inhale, clamped.Inhale, routine.InhaleLimit},
		{"hold after inhale", p.Pattern.HoldIn, clamped.HoldIn, routine.HoldLimit},
		{"exhale", p.Pattern.Exhale, clamped.Exhale, routine.ExhaleLimit},
		{"hold after exhale", p.Pattern.HoldOut, clamped.HoldOut, routine.HoldLimit},
	} {
		// A value only rounded to a tenth of a second is not worth a note.
		if !(f.was >= f.limit.Min && f.was <= f.limit.Max) {
			note("%s of %s s was out of range (%s); using %s s", f.name, num(f.was), f.limit, num(f.now))
		}
	}
	p.Pattern = clamped

	if _, err := routine.ParseRoller(string(p.Roller)); err != nil {
		note("%v; using %s", err, routine.DefaultRoller)
		p.Roller = routine.DefaultRoller
	}
	if _, err := routine.ParseToneStyle(string(p.ToneStyle)); err != nil {
		note("%v; using %s", err, routine.DefaultToneStyle)
		p.ToneStyle = routine.DefaultToneStyle
	}
	if _, err := routine.ParseVoiceMode(string(p.Voice)); err != nil {
		note("%v; using %s", err, routine.DefaultVoiceMode)
		p.Voice = routine.DefaultVoiceMode
	}
	if _, err := ParseTheme(string(p.Theme)); err != nil {
		note("%v; using %s", err, ThemeSystem)
		p.Theme = ThemeSystem
	}

	if _, err := ParseLanguage(string(p.Language)); err != nil {
		note("%v; using %s", err, LanguageSystem)
		p.Language = LanguageSystem
	}

	var n string
	p.Volume, n = clampInt("volume", float64(p.Volume), VolumeRange, "")
	add(n)
	p.TextSize, n = clampFloat("text size", p.TextSize, TextSizeRange, "")
	add(n)
	p.TextSize = math.Round(p.TextSize*100) / 100 // slider steps leave 1.2000000000000002
	p.Window.Width, n = clampInt("window width", float64(p.Window.Width), WindowWidthRange, " px")
	add(n)
	p.Window.Height, n = clampInt("window height", float64(p.Window.Height), WindowHeightRange, " px")
	add(n)
	p.VoiceVolume, n = clampInt("voice volume", float64(p.VoiceVolume), VoiceVolumeRange, "")
	add(n)
	p.VoiceRate, n = clampInt("voice rate", float64(p.VoiceRate), VoiceRateRange, " words a minute")
	add(n)
	p.normalizeRoutine(note)
	p.normalizeReminders(note)
	return p, notes
}

// clampFloat moves v into r and, when it had to, says so: "volume of 150 was out of range (0–100);
// using 100".
func clampFloat(name string, v float64, r Range, unit string) (float64, string) {
	if r.contains(v) {
		return v, ""
	}
	c := r.clamp(v)
	return c, fmt.Sprintf("%s of %s%s was out of range (%s–%s%s); using %s%s",
		name, num(v), unit, num(r.Min), num(r.Max), unit, num(c), unit)
}

// clampInt is clampFloat rounded to a whole number. It takes a float so that a huge number from a
// file is clamped before it is converted.
func clampInt(name string, v float64, r Range, unit string) (int, string) {
	c, n := clampFloat(name, v, r, unit)
	return int(math.Round(c)), n
}

// num formats a number as people write it: 8, 0.8, 99.5; huge ones in exponent form.
func num(v float64) string {
	if math.Abs(v) >= 1e9 {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
