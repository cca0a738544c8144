package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
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
	t, err := renameio.NewPendingFile(path,
		renameio.WithTempDir(dir), // the same file system, so the rename is atomic
		renameio.WithStaticPermissions(fileMode))
	if err != nil {
		return err
	}
	defer t.Cleanup() // removes the temporary file if anything below fails
	if _, err := t.Write(data); err != nil {
		return err
	}
	if err := t.CloseAtomicallyReplace(); err != nil {
		return err
	}
	return syncDir(dir) // renameio syncs the file but not the folder entry
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
