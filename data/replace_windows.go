package data

import (
	"os"
	"path/filepath"
)

// canSyncDir: Windows cannot open a folder for syncing; NTFS journals the rename itself.
const canSyncDir = false

// replaceFile writes data to a temporary file in dir, syncs it and renames it over path.
// renameio does not build on Windows; os.Rename there replaces the target with MoveFileEx.
func replaceFile(path, dir string, data []byte) (err error) {
	t, err := os.CreateTemp(dir, "."+filepath.Base(path)+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			t.Close()
			os.Remove(t.Name())
		}
	}()
	if _, err = t.Write(data); err != nil {
		return err
	}
	if err = t.Sync(); err != nil {
		return err
	}
	if err = t.Close(); err != nil {
		return err
	}
	return os.Rename(t.Name(), path)
}
