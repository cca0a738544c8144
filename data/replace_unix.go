//go:build !windows

package data

import "github.com/google/renameio/v2"

// canSyncDir: POSIX systems flush a folder's entries with fsync on the folder.
const canSyncDir = true

// replaceFile writes data to a temporary file in dir, syncs it and renames it over path, through
// renameio, which gets the details (permissions, cleanup on failure) right.
func replaceFile(path, dir string, data []byte) error {
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
	return t.CloseAtomicallyReplace()
}
