package data

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// lockWait is how long to wait for another Backroll window to finish its write; a write takes
// milliseconds, so running out means something is stuck.
const lockWait = 10 * time.Second

// lockRetry is how often to try again while the lock is held elsewhere.
const lockRetry = 5 * time.Millisecond

// inProcess orders lockers within this process before they reach the file lock, so goroutines do
// not spin against each other on flock.
var inProcess sync.Mutex

// withLock runs fn while holding an exclusive lock on path+".lock", shared with every other
// Backroll process. The lock file is left in place: removing it would race with a process that has
// just opened it.
func withLock(path string, fn func() error) error {
	inProcess.Lock()
	defer inProcess.Unlock()

	lockPath := path + ".lock"
	if err := ensureDir(filepath.Dir(lockPath)); err != nil {
		return err
	}
	l := flock.New(lockPath, flock.SetPermissions(fileMode))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := l.TryLockContext(ctx, lockRetry)
	if !ok {
		if ctx.Err() != nil {
			return fmt.Errorf("another Backroll window has held %s for over %v", lockPath, lockWait)
		}
		return err
	}
	defer l.Unlock()
	return fn()
}
