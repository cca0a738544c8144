package data

import (
	"path/filepath"
	"sync"
	"time"
)

// Store holds this run's preferences. Changes take effect in memory at once and reach the file a
// moment later (see Saver). When the file cannot be written, the settings stay in memory for the
// rest of the run and the failure is reported once, not at every slider step.
type Store struct {
	path  string
	saver *Saver

	mu      sync.Mutex
	prefs   Preferences
	keepOut error // the file must not be written over (see loaded.keepOut)
	told    bool  // the current run of failed writes has been reported
}

// OpenStore loads the preferences into a new Store, returning the notices of the load. o.OnError
// hears of the first failure of a background write; later failures are the same news until a
// write succeeds again.
func OpenStore(o SaverOptions) (*Store, []Notice) {
	return openStore(PreferencesPath(), time.Now(), o)
}

func openStore(path string, now time.Time, o SaverOptions) (*Store, []Notice) {
	l := loadPreferences(path, now)
	s := &Store{path: path, prefs: l.prefs, keepOut: l.keepOut}
	// A file kept out was already explained by a notice that says settings last for this run.
	s.told = l.keepOut != nil
	s.saver = NewSaver(s.write, o)
	return s, l.notices
}

// Path is the file the store writes.
func (s *Store) Path() string { return s.path }

// Get returns the current preferences.
func (s *Store) Get() Preferences {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.prefs
}

// Set replaces the preferences, clamped to their ranges, and schedules a write. Setting what is
// already there writes nothing.
func (s *Store) Set(p Preferences) {
	p, _ = p.Normalized()
	s.mu.Lock()
	same := p == s.prefs
	s.prefs = p
	s.mu.Unlock()
	if !same {
		s.saver.Changed()
	}
}

// Update changes the preferences through fn, atomically with respect to other updates; fn must
// not call the Store.
func (s *Store) Update(fn func(*Preferences)) {
	s.mu.Lock()
	p := s.prefs
	fn(&p)
	p, _ = p.Normalized()
	same := p == s.prefs
	s.prefs = p
	s.mu.Unlock()
	if !same {
		s.saver.Changed()
	}
}

// Flush writes pending changes now. It returns an error in words only if that failure has not
// been reported yet.
func (s *Store) Flush() error { return s.saver.Flush() }

// Close writes pending changes and stops background writing; call it when the app closes. Its
// error, in words, is one not reported before.
func (s *Store) Close() error { return s.saver.Close() }

// write saves the latest preferences; it runs on the Saver, one call at a time.
func (s *Store) write() error {
	s.mu.Lock()
	p, keepOut := s.prefs, s.keepOut
	s.mu.Unlock()

	var err error
	if keepOut != nil {
		err = &userError{msg: "Settings can't be saved: " + keepOut.Error() + "; they are kept for this run", cause: keepOut,
			failure: SaveFailure{What: SettingsNotSaved, Dir: filepath.Dir(s.path), Reason: reason(keepOut)}}
	} else {
		err = savePreferences(s.path, p)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.told = false
		return nil
	}
	if s.told {
		return nil
	}
	s.told = true
	return err
}
