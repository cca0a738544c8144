// Package data keeps Backroll's preferences and session history as JSON files in the XDG folders:
// preferences in $XDG_CONFIG_HOME/backroll/preferences.json, history in
// $XDG_DATA_HOME/backroll/history.json.
//
// It is written so that nothing the user saved is lost:
//   - every write goes to a temporary file in the same folder, is synced, renamed over the old file,
//     and the folder is synced (atomic.go); files are 0600 and folders 0700;
//   - the history's read-modify-write holds a lock file, so two windows never lose each other's
//     records (lock.go);
//   - a damaged file is moved aside as NAME.damaged-YYYYMMDD-HHMMSS, never deleted, and Backroll goes
//     on with defaults or with what it could still read, returning a Notice for the UI (damage.go);
//   - a file that cannot be read is left alone and never written over;
//   - fields this version does not know are written back unchanged (jsonobj.go).
//
// Paths are resolved at each call from xdg.ConfigHome and xdg.DataHome, so tests can point them at
// temporary folders with XDG_CONFIG_HOME / XDG_DATA_HOME and xdg.Reload().
package data
