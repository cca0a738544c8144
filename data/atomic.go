package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

const (
	fileMode = 0o600 // the user's own data: nobody else reads it
	dirMode  = 0o700
)

// writeAtomic replaces path with data so that, whatever happens, path holds either the old or the
// new content in full: a temporary file in the same folder is written, synced and renamed over
// path, and then the folder is synced so the rename itself survives a power cut.
func writeAtomic(path string, data []byte) error {
	// Write through a symlink (dotfile managers link preferences.json) rather than replace it.
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	dir := filepath.Dir(path)
	if err := ensureDir(dir); err != nil {
		return err
	}
	if err := replaceFile(path, dir, data); err != nil {
		return err
	}
	return syncDir(dir) // the file is synced, but not yet the folder entry that names it
}

// ensureDir creates dir (and its parents) 0700 when missing. An existing folder keeps the
// permissions the user gave it.
func ensureDir(dir string) error {
	if _, err := os.Stat(dir); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return err
	}
	return os.Chmod(dir, dirMode) // MkdirAll's mode is reduced by the umask
}

// syncDir flushes a folder's entries (new names, renames) to disk.
func syncDir(dir string) error {
	if !canSyncDir {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	if err := d.Sync(); err != nil {
		d.Close()
		return err
	}
	return d.Close()
}
