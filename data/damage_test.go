package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/adrg/xdg"
	"github.com/google/renameio/v2"
)

var asideName = regexp.MustCompile(`\.damaged-\d{8}-\d{6}$`)

// damagedPreferences are the kinds of damage the issue names, with what survives each.
var damagedPreferences = []struct {
	name    string
	content []byte
	reason  string
	volume  int // what loads: a wrong type loses only its own field
}{
	{"truncated", []byte(`{"version":1,"volume":33,"pattern":{"inhale":5`), "it is cut short", 70},
	{"wrong types", []byte(`{"version":1,"volume":33,"muted":"yes","pattern":{"inhale":"four","exhale":5}}`), "pattern.inhale and muted have the wrong type", 33},
	{"not JSON", []byte("volume = 33\n\x00\xff"), "it is not valid JSON", 70},
	{"not an object", []byte(`[1,2,3]`), "it does not hold a JSON object", 70},
	{"empty", nil, "it is empty", 70},
	{"larger than 1 MiB", append([]byte(`{"version":1,"volume":33,"x":"`), append(bytes.Repeat([]byte("a"), maxFileSize), `"}`...)...), "it is larger than 1 MiB", 70},
}

func TestDamagedPreferencesMovedAside(t *testing.T) {
	for _, tc := range damagedPreferences {
		t.Run(tc.name, func(t *testing.T) {
			tempXDG(t)
			path := PreferencesPath()
			writeFile(t, path, tc.content)

			p, notices := LoadPreferences()
			if p.Volume != tc.volume {
				t.Errorf("volume %d, want %d", p.Volume, tc.volume)
			}
			if len(notices) != 1 || notices[0].Kind != Damaged {
				t.Fatalf("notices %v, want one about damage", notices)
			}
			aside := asideFiles(t, path)
			if len(aside) != 1 || !asideName.MatchString(aside[0]) {
				t.Fatalf("aside files %v", aside)
			}
			if got := readFile(t, aside[0]); !bytes.Equal(got, tc.content) {
				t.Errorf("the damaged file's content changed when moved aside")
			}
			if text := notices[0].Text; !strings.Contains(text, tc.reason) || !strings.Contains(text, aside[0]) {
				t.Errorf("notice %q should say %q and name %s", text, tc.reason, aside[0])
			}
			if n := notices[0]; n.What != SettingsDamaged || n.Kept != aside[0] || n.Partly != (tc.name == "wrong types") {
				t.Errorf("notice facts: %+v", n)
			}

			// What was read is now the file, so the next run has it and hears nothing more.
			again, notices := LoadPreferences()
			if len(notices) != 0 || again != p {
				t.Errorf("second load: %+v with %v, want %+v quietly", again, notices, p)
			}
			if n := len(asideFiles(t, path)); n != 1 {
				t.Errorf("%d aside files after the second load", n)
			}
		})
	}
}

func TestWrongTypesNotice(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":1,"volume":"loud"}`))
	_, notices := LoadPreferences()
	want := "Some of your settings were damaged (volume has the wrong type), so those went back to their defaults; the rest were kept. The damaged file is kept as "
	if len(notices) != 1 || !strings.HasPrefix(notices[0].Text, want) {
		t.Errorf("notices %v\nwant one starting %q", notices, want)
	}
}

func TestMoveAsideNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "preferences.json")
	now := time.Date(2025, 3, 9, 14, 5, 7, 0, time.Local)
	var names []string
	for i := range 3 {
		writeFile(t, path, []byte{byte('a' + i)})
		name, err := moveAside(path, now)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(name))
	}
	want := []string{
		"preferences.json.damaged-20250309-140507",
		"preferences.json.damaged-20250309-140507-2",
		"preferences.json.damaged-20250309-140507-3",
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("move %d went to %s, want %s", i, names[i], want[i])
		}
		if got := readFile(t, filepath.Join(dir, want[i])); string(got) != string(rune('a'+i)) {
			t.Errorf("%s holds %q", want[i], got)
		}
	}
}

func TestUnreadablePreferencesLeftAlone(t *testing.T) {
	tempXDG(t)
	path := PreferencesPath()
	// Root reads any file, so "cannot be read" is made with a folder where the file should be.
	if err := os.MkdirAll(filepath.Join(path, "keep-me"), 0o700); err != nil {
		t.Fatal(err)
	}
	p, notices := LoadPreferences()
	if p != Defaults() {
		t.Errorf("got %+v, want the defaults", p)
	}
	if len(notices) != 1 || notices[0].Kind != Unreadable || !strings.Contains(notices[0].Text, "it is not a regular file") {
		t.Fatalf("notices %v, want one saying the file cannot be read", notices)
	}
	err := SavePreferences(Defaults())
	if err == nil || !strings.Contains(err.Error(), "so it is left as it is; they are kept for this run") {
		t.Errorf("SavePreferences over an unreadable file: %v", err)
	}

	s, notices := OpenStore(SaverOptions{Clock: newFakeClock()})
	if len(notices) != 1 {
		t.Errorf("store notices %v", notices)
	}
	s.Update(func(p *Preferences) { p.Volume = 5 })
	if err := s.Close(); err != nil {
		t.Errorf("Close reported again what the notice said: %v", err)
	}
	if s.Get().Volume != 5 {
		t.Error("the change was not kept in memory")
	}
	if fi, err := os.Stat(filepath.Join(path, "keep-me")); err != nil || !fi.IsDir() {
		t.Errorf("the unreadable file was written over: %v", err)
	}
	if len(asideFiles(t, path)) != 0 {
		t.Error("an unreadable file was moved aside")
	}
}

// unwritableConfig points XDG_CONFIG_HOME below a regular file: no folder can be made there, not
// even by root, for whom chmod stops nothing.
func unwritableConfig(t *testing.T) {
	t.Helper()
	configHome, _ := tempXDG(t)
	blocker := filepath.Dir(configHome) + "/a-file"
	writeFile(t, blocker, []byte("not a folder"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(blocker, "config"))
	xdg.Reload()
}

func TestUnwritableFolder(t *testing.T) {
	unwritableConfig(t)
	p, notices := LoadPreferences()
	if len(notices) != 0 || p != Defaults() {
		t.Fatalf("load: %+v %v", p, notices)
	}
	err := SavePreferences(p)
	want := "Settings can't be saved in " + filepath.Dir(PreferencesPath()) + ": not a directory; they are kept for this run"
	if err == nil || err.Error() != want {
		t.Errorf("SavePreferences: %v\nwant: %s", err, want)
	}
	if !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("the error does not unwrap to its cause: %#v", err)
	}
	if f, ok := SaveFailed(err); !ok || f != (SaveFailure{SettingsNotSaved, filepath.Dir(PreferencesPath()), "not a directory"}) {
		t.Errorf("SaveFailed: %+v %v", f, ok)
	}
	if _, ok := SaveFailed(errors.New("other")); ok {
		t.Error("any error counts as a failed save")
	}
}

func TestStoreReportsUnwritableOnce(t *testing.T) {
	unwritableConfig(t)
	clock := newFakeClock()
	var reported []error
	s, _ := OpenStore(SaverOptions{Clock: clock, OnError: func(err error) { reported = append(reported, err) }})
	for v := range 50 {
		s.Update(func(p *Preferences) { p.Volume = v })
		clock.Advance(100 * time.Millisecond)
	}
	clock.Advance(time.Second)
	s.Update(func(p *Preferences) { p.Muted = true })
	if err := s.Close(); err != nil {
		t.Errorf("Close repeated a reported error: %v", err)
	}
	if len(reported) != 1 || !strings.HasPrefix(reported[0].Error(), "Settings can't be saved in ") {
		t.Errorf("reported %v, want one error", reported)
	}
	if got := s.Get(); got.Volume != 49 || !got.Muted {
		t.Errorf("in memory: %+v", got)
	}
}

func TestCrashBeforeRenameKeepsOldFile(t *testing.T) {
	tempXDG(t)
	path := PreferencesPath()
	old := Defaults()
	old.Volume = 42
	if err := SavePreferences(old); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)

	// A write that dies after the temporary file is written but before it is renamed.
	pending, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pending.Write([]byte(`{"version":1,"volume":9`)); err != nil {
		t.Fatal(err)
	}
	leftover := pending.Name()
	if err := pending.File.Close(); err != nil {
		t.Fatal(err)
	}

	if got := readFile(t, path); !bytes.Equal(got, before) {
		t.Fatal("the old file changed")
	}
	p, notices := LoadPreferences()
	if len(notices) != 0 || p.Volume != 42 {
		t.Errorf("after the crash: %+v %v", p, notices)
	}
	// The next save works as ever, beside the leftover.
	old.Volume = 43
	if err := SavePreferences(old); err != nil {
		t.Fatal(err)
	}
	if p, _ := LoadPreferences(); p.Volume != 43 {
		t.Errorf("volume %d after the next save", p.Volume)
	}
	if _, err := os.Stat(leftover); err != nil {
		t.Errorf("the leftover is gone (%v): it should simply be ignored", err)
	}
}

func TestFileAndFolderModes(t *testing.T) {
	old := syscall.Umask(0) // the most permissive umask: modes must not depend on it
	defer syscall.Umask(old)
	configHome, dataHome := tempXDG(t)
	if err := SavePreferences(Defaults()); err != nil {
		t.Fatal(err)
	}
	if _, err := AppendSession(Session{Start: time.Now(), Seconds: 600, Finished: true}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{
		configHome:                      0o700,
		filepath.Dir(PreferencesPath()): 0o700,
		PreferencesPath():               0o600,
		dataHome:                        0o700,
		filepath.Dir(HistoryPath()):     0o700,
		HistoryPath():                   0o600,
		HistoryPath() + ".lock":         0o600,
	} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Error(err)
			continue
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", path, got, want)
		}
	}
}
