package data

import (
	"path/filepath"

	"github.com/adrg/xdg"
)

// appDir is the folder of Backroll's files under each XDG base folder.
const appDir = "backroll"

// PreferencesPath is where the preferences live: the first place xdg.ConfigFile would pick.
// xdg.ConfigFile itself is not called because it creates folders as a side effect and, when the
// user's folder cannot be created, falls back to system folders such as /etc/xdg, which is not
// where a user's settings belong.
func PreferencesPath() string {
	return filepath.Join(xdg.ConfigHome, appDir, "preferences.json")
}

// HistoryPath is where the session history lives: the first place xdg.DataFile would pick.
func HistoryPath() string {
	return filepath.Join(xdg.DataHome, appDir, "history.json")
}

// VoiceCacheDir is where spoken phrases are kept between runs: the user's cache folder, since
// they can always be made again.
func VoiceCacheDir() string {
	return filepath.Join(xdg.CacheHome, appDir, "voice")
}
