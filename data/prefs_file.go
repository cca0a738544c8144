package data

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"
)

// LoadPreferences reads the preferences. It always returns usable preferences, with a notice for
// anything the user should hear about: values that were clamped, a damaged file that was moved
// aside, a file that could not be read. Nothing here stops Backroll, so there is no error.
func LoadPreferences() (Preferences, []Notice) {
	l := loadPreferences(PreferencesPath(), time.Now())
	return l.prefs, l.notices
}

// SavePreferences writes p atomically, values clamped to their ranges. The error is in words for
// the user.
func SavePreferences(p Preferences) error {
	return savePreferences(PreferencesPath(), p)
}

// loaded is what loadPreferences found.
type loaded struct {
	prefs   Preferences
	notices []Notice
	// keepOut is set when the file must not be written over: it could not be read, or it is damaged
	// and could not be moved aside. It says why, for the error a save then returns.
	keepOut error
}

func loadPreferences(path string, now time.Time) loaded {
	b, err := readLimited(path)
	if errors.Is(err, fs.ErrNotExist) {
		return loaded{prefs: Defaults()}
	}
	if err != nil && !errors.Is(err, errTooLarge) {
		return loaded{
			prefs: Defaults(),
			notices: []Notice{{Kind: Unreadable, What: SettingsUnreadable, Path: path, Reason: reason(err), Text: fmt.Sprintf(
				"Backroll can't read its settings file %s (%s), so it is using default settings for this run and leaves that file as it is.",
				path, reason(err))}},
			keepOut: err,
		}
	}

	var l loaded
	var damage error
	if err != nil {
		l.prefs, damage = Defaults(), err
	} else {
		var notes []string
		l.prefs, notes, damage = decodePreferences(b)
		for _, n := range notes {
			l.notices = append(l.notices, Notice{Kind: Adjusted, What: SettingsAdjusted, Path: path, Text: "Settings: " + n + "."})
		}
	}
	if damage == nil {
		return l
	}

	aside, err := moveAside(path, now)
	if err != nil {
		l.notices = append(l.notices, Notice{Kind: Damaged, What: SettingsDamagedInPlace, Path: path, Reason: reason(err), Text: fmt.Sprintf(
			"Your settings file %s is damaged (%s) and could not be set aside (%s). Backroll uses what it could read for this run and leaves the file as it is.",
			path, damage, reason(err))})
		l.keepOut = fmt.Errorf("%s is damaged and could not be set aside", filepath.Base(path))
		return l
	}
	var what string
	var wrong wrongTypes
	partly := errors.As(damage, &wrong)
	if partly {
		what = fmt.Sprintf("Some of your settings were damaged (%s), so those went back to their defaults; the rest were kept.", damage)
	} else {
		what = fmt.Sprintf("Your settings file was damaged (%s), so Backroll started with default settings.", damage)
	}
	l.notices = append(l.notices, Notice{Kind: Damaged, What: SettingsDamaged, Path: path, Kept: aside, Partly: partly,
		Text: what + " The damaged file is kept as " + aside + "."})
	// Write what was read now: the original is no longer at path, and the next run should not
	// silently lose the settings that survived. A failure here shows again at the next save.
	_ = writeAtomic(path, encodePreferences(l.prefs))
	return l
}

func savePreferences(path string, p Preferences) error {
	if err := replaceable(path); err != nil {
		return &userError{
			msg: fmt.Sprintf("Settings can't be saved in %s: %s there can't be read (%s), so it is left as it is; they are kept for this run",
				filepath.Dir(path), filepath.Base(path), reason(err)),
			cause:   err,
			failure: SaveFailure{What: SettingsNotSaved, Dir: filepath.Dir(path), Reason: reason(err)},
		}
	}
	if err := writeAtomic(path, encodePreferences(p)); err != nil {
		return settingsNotSaved(path, err)
	}
	return nil
}

// settingsNotSaved is the error a failed save shows the user.
func settingsNotSaved(path string, err error) error {
	return &userError{
		msg:     fmt.Sprintf("Settings can't be saved in %s: %s; they are kept for this run", filepath.Dir(path), reason(err)),
		cause:   err,
		failure: SaveFailure{What: SettingsNotSaved, Dir: filepath.Dir(path), Reason: reason(err)},
	}
}
