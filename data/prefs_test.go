package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backroll/routine"
)

func TestDefaultsWhenNoFile(t *testing.T) {
	configHome, _ := tempXDG(t)
	p, notices := LoadPreferences()
	if len(notices) != 0 {
		t.Errorf("notices for a first run: %v", notices)
	}
	if p != Defaults() {
		t.Errorf("got %+v, want the defaults", p)
	}
	if got, want := PreferencesPath(), filepath.Join(configHome, "backroll", "preferences.json"); got != want {
		t.Errorf("PreferencesPath() = %s, want %s", got, want)
	}
	// Reading creates nothing: `backroll plan` must not leave folders behind.
	if _, err := os.Stat(configHome); !os.IsNotExist(err) {
		t.Errorf("loading created %s", configHome)
	}
}

func TestDefaultsFile(t *testing.T) {
	tempXDG(t)
	if err := SavePreferences(Defaults()); err != nil {
		t.Fatal(err)
	}
	// The documented shape of the defaults.
	want := `{
  "version": 2,
  "pattern": {
    "inhale": 4,
    "hold_in": 0,
    "exhale": 6,
    "hold_out": 0
  },
  "roller": "medium",
  "volume": 70,
  "muted": false,
  "tone_style": "soft-tones",
  "theme": "system",
  "text_size": 1,
  "window": {
    "width": 1280,
    "height": 800
  },
  "safety_acknowledged": false,
  "voice": "names",
  "voice_volume": 90,
  "voice_rate": 150,
  "piper_model": "",
  "language": "system",
  "routine": {
    "preset": "full",
    "mine": {
      "seconds": {"upper-back":120,"t-spine":120,"lats":70,"glutes":70,"hip-front":60},
      "finish_breaths": 6,
      "left_out": []
    },
    "today": {
      "date": "",
      "left_out": []
    }
  },
  "reminders": {
    "on": false,
    "days": ["tue","thu","sat"],
    "time": "18:00",
    "paused_on": ""
  },
  "start_at_login": false,
  "resume_countdown": true
}
`
	if got := string(readFile(t, PreferencesPath())); got != want {
		t.Errorf("defaults written as\n%s\nwant\n%s", got, want)
	}
}

func TestPreferencesRoundTrip(t *testing.T) {
	tempXDG(t)
	p := Preferences{
		Version:            PreferencesVersion,
		Pattern:            routine.Pattern{Inhale: 4.5, HoldIn: 2, Exhale: 7.5, HoldOut: 1},
		Roller:             routine.Soft,
		Volume:             35,
		Muted:              true,
		ToneStyle:          routine.Chimes,
		Theme:              ThemeDark,
		TextSize:           1.25,
		Window:             Window{Width: 1920, Height: 1080},
		SafetyAcknowledged: true,
		Voice:              routine.VoiceSteps,
		VoiceVolume:        55,
		VoiceRate:          170,
		PiperModel:         "/home/me/voices/en_GB-alba-medium.onnx",
		Language:           "fr",
		Routine:            routine.DefaultAdjustment(),
	}
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	got, notices := LoadPreferences()
	if len(notices) != 0 {
		t.Errorf("notices: %v", notices)
	}
	if got != p {
		t.Errorf("read back %+v\nwant %+v", got, p)
	}
}

func TestMissingFieldsTakeDefaults(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":1,"pattern":{"inhale":5,"exhale":5}}`))
	p, notices := LoadPreferences()
	if len(notices) != 0 {
		t.Errorf("notices: %v", notices)
	}
	want := Defaults()
	want.Pattern = routine.Pattern{Inhale: 5, HoldIn: 0, Exhale: 5, HoldOut: 0}
	if p != want {
		t.Errorf("got %+v, want %+v", p, want)
	}
}

func TestNullTakesDefault(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":1,"volume":null,"pattern":null,"theme":null}`))
	p, notices := LoadPreferences()
	if len(notices) != 0 || p != Defaults() {
		t.Errorf("got %+v with %v, want the defaults and no notice", p, notices)
	}
}

func TestOutOfRangeIsClamped(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":1,
		"pattern":{"inhale":99,"hold_in":-1,"exhale":1.5,"hold_out":6.04},
		"volume":150,"text_size":3,"window":{"width":100,"height":100000}}`))
	p, notices := LoadPreferences()
	want := Defaults()
	want.Pattern = routine.Pattern{Inhale: 8, HoldIn: 0, Exhale: 2, HoldOut: 6}
	want.Volume = 100
	want.TextSize = 1.6
	want.Window = Window{Width: 800, Height: 4320}
	if p != want {
		t.Errorf("got %+v\nwant %+v", p, want)
	}
	var texts []string
	for _, n := range notices {
		if n.Kind != Adjusted || n.Path != PreferencesPath() {
			t.Errorf("notice %+v: want kind Adjusted about %s", n, PreferencesPath())
		}
		texts = append(texts, n.String())
	}
	wantTexts := []string{
		"Settings: inhale of 99 s was out of range (2–8 s); using 8 s.",
		"Settings: hold after inhale of -1 s was out of range (0–6 s); using 0 s.",
		"Settings: exhale of 1.5 s was out of range (2–12 s); using 2 s.",
		"Settings: hold after exhale of 6.04 s was out of range (0–6 s); using 6 s.",
		"Settings: text size of 3 was out of range (0.8–1.6); using 1.6.",
		"Settings: volume of 150 was out of range (0–100); using 100.",
		"Settings: window width of 100 px was out of range (800–7680 px); using 800 px.",
		"Settings: window height of 100000 px was out of range (500–4320 px); using 4320 px.",
	}
	if strings.Join(texts, "\n") != strings.Join(wantTexts, "\n") {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(wantTexts, "\n"))
	}
	// A clamped file is not damaged: it stays where it is, untouched until the next save.
	if aside := asideFiles(t, PreferencesPath()); len(aside) != 0 {
		t.Errorf("clamping moved the file aside: %v", aside)
	}
}

func TestUnknownNamesFallBack(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":1,"roller":"hard","tone_style":"beeps","theme":"purple","language":"klingon"}`))
	p, notices := LoadPreferences()
	if p != Defaults() {
		t.Errorf("got %+v, want the defaults", p)
	}
	want := []string{
		`Settings: roller "hard" is not one of soft, medium, firm; using medium.`,
		`Settings: tone style "beeps" is not one of soft-tones, chimes, low-hum, off; using soft-tones.`,
		`Settings: theme "purple" is not one of system, light, dark; using system.`,
		`Settings: language "klingon" is not one of system, en, de, es, fr, pt; using system.`,
	}
	if len(notices) != len(want) {
		t.Fatalf("notices %v, want %d", notices, len(want))
	}
	for i, n := range notices {
		if n.Text != want[i] {
			t.Errorf("notice %d = %q, want %q", i, n.Text, want[i])
		}
	}
}

func TestVoiceSettingsOutOfRangeAreClampedWithANote(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":1,"voice":"shout","voice_volume":250,"voice_rate":20}`))
	p, notices := LoadPreferences()
	if p.Voice != routine.DefaultVoiceMode || p.VoiceVolume != 100 || p.VoiceRate != routine.MinVoiceRate {
		t.Errorf("voice %q, volume %d, rate %d", p.Voice, p.VoiceVolume, p.VoiceRate)
	}
	var text []string
	for _, n := range notices {
		text = append(text, n.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{`voice "shout" is not one of off, names, steps; using names`,
		"voice volume of 250 was out of range (0–100); using 100",
		"voice rate of 20 words a minute was out of range (110–200 words a minute); using 110 words a minute"} {
		if !strings.Contains(all, want) {
			t.Errorf("notices %q lack %q", all, want)
		}
	}
}

func TestMigrateFromNoVersion(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"inhale":5,"hold_in":1,"exhale":7,"hold_out":0,"roller":"soft",
		"volume":0.4,"muted":true,"tone":"low-hum","theme":"light","text_size":1.2,
		"window_width":1600,"window_height":900,"safety_ok":true,"left_handed":true}`))
	p, notices := LoadPreferences()
	if len(notices) != 0 {
		t.Errorf("notices: %v", notices)
	}
	want := Preferences{
		Version: PreferencesVersion, Pattern: routine.Pattern{Inhale: 5, HoldIn: 1, Exhale: 7}, Roller: routine.Soft,
		Volume: 40, Muted: true, ToneStyle: routine.LowHum, Theme: ThemeLight, TextSize: 1.2,
		Window: Window{1600, 900}, SafetyAcknowledged: true, Routine: routine.DefaultAdjustment(),
		Voice: routine.DefaultVoiceMode, VoiceVolume: 90, VoiceRate: routine.DefaultVoiceRate,
		Language:  LanguageSystem,
		Reminders: routine.DefaultReminders(), ResumeCountdown: true,
	}
	p.unknown = nil
	if p != want {
		t.Errorf("migrated to %+v\nwant %+v", p, want)
	}

	// Saving writes current names only, and keeps what neither version knows.
	p, _ = LoadPreferences()
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	saved := string(readFile(t, PreferencesPath()))
	for _, old := range []string{`"inhale": 5,`, `"tone"`, `"window_width"`, `"safety_ok"`} {
		if strings.Contains(saved, "\n  "+old) {
			t.Errorf("saved file still has version 0 field %s:\n%s", old, saved)
		}
	}
	for _, s := range []string{`"version": 2,`, `"tone_style": "low-hum"`, `"volume": 40`, `"left_handed": true`} {
		if !strings.Contains(saved, s) {
			t.Errorf("saved file lacks %s:\n%s", s, saved)
		}
	}
}

func TestNoVersionInNewShape(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"pattern":{"inhale":5,"exhale":5},"volume":55}`))
	p, notices := LoadPreferences()
	if len(notices) != 0 || p.Pattern != (routine.Pattern{Inhale: 5, Exhale: 5}) || p.Volume != 55 {
		t.Errorf("got %+v with %v", p, notices)
	}
}

func TestUnknownFieldsKeptByteForByte(t *testing.T) {
	tempXDG(t)
	future := `"future": {"nested": [1, 2.50, "<&>"],   "deep": {"x": null}}`
	original := `{"version":1,` + future + `,
		"pattern":{"inhale":5,"exhale":5,"shape":"box 4\u20134"},
		"window":{"width":1000,"height":700,"maximised":true},"z_last":"\u00e9"}`
	writeFile(t, PreferencesPath(), []byte(original))
	p, notices := LoadPreferences()
	if len(notices) != 0 {
		t.Fatalf("notices: %v", notices)
	}
	p.Volume = 20
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	saved := readFile(t, PreferencesPath())
	for _, s := range []string{future, `"shape": "box 4\u20134"`, `"maximised": true`, `"z_last": "\u00e9"`, `"volume": 20`} {
		if !bytes.Contains(saved, []byte(s)) {
			t.Errorf("saved file lacks %s:\n%s", s, saved)
		}
	}
	// And they survive a second round unchanged.
	p2, _ := LoadPreferences()
	if err := SavePreferences(p2); err != nil {
		t.Fatal(err)
	}
	if again := readFile(t, PreferencesPath()); !bytes.Equal(again, saved) {
		t.Errorf("second save differs:\n%s\nfirst:\n%s", again, saved)
	}
}

func TestNewerVersionKeepsItsNumber(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":3,"volume":10,"breath_presets":[1]}`))
	p, notices := LoadPreferences()
	if len(notices) != 0 || p.Version != 3 || p.Volume != 10 {
		t.Fatalf("got %+v with %v", p, notices)
	}
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	saved := readFile(t, PreferencesPath())
	if !bytes.Contains(saved, []byte(`"version": 3,`)) || !bytes.Contains(saved, []byte(`"breath_presets": [1]`)) {
		t.Errorf("a newer file was downgraded:\n%s", saved)
	}
}

func TestSaveClampsWhatItWrites(t *testing.T) {
	tempXDG(t)
	p := Defaults()
	p.Volume = -5
	p.TextSize = 1.2000000000000002
	p.Roller = "bogus"
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	got, notices := LoadPreferences()
	if len(notices) != 0 || got.Volume != 0 || got.TextSize != 1.2 || got.Roller != routine.Medium {
		t.Errorf("got %+v with %v", got, notices)
	}
}

func TestSaveThroughSymlink(t *testing.T) {
	configHome, _ := tempXDG(t)
	real := filepath.Join(configHome, "dotfiles", "preferences.json")
	writeFile(t, real, []byte(`{"version":1}`))
	if err := os.MkdirAll(filepath.Dir(PreferencesPath()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, PreferencesPath()); err != nil {
		t.Fatal(err)
	}
	p := Defaults()
	p.Volume = 11
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(PreferencesPath()); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", fi, err)
	}
	if !bytes.Contains(readFile(t, real), []byte(`"volume": 11`)) {
		t.Error("the link's target was not written")
	}
}

func TestLanguageIsKept(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":2,"language":"de"}`))
	p, notices := LoadPreferences()
	if p.Language != "de" || len(notices) != 0 {
		t.Fatalf("language %q, notices %v; want de and none", p.Language, notices)
	}
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	if got := string(readFile(t, PreferencesPath())); !strings.Contains(got, `"language": "de"`) {
		t.Errorf("saved as\n%s", got)
	}
}
