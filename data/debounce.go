package data

import (
	"sync"
	"time"
)

// Clock is the time source of a Saver. The system clock is used unless a test passes its own.
type Clock interface {
	Now() time.Time
	// AfterFunc calls f in its own goroutine after d, like time.AfterFunc.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a pending call from Clock.AfterFunc.
type Timer interface {
	// Stop prevents the call and reports whether it did; false means it has run or is running.
	Stop() bool
}

type systemClock struct{}

func (systemClock) Now() time.Time                            { return time.Now() }
func (systemClock) AfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }

// SaverOptions tunes a Saver. Zero values take the defaults.
type SaverOptions struct {
	Quiet   time.Duration // write this long after the last change; default 300 ms
	MaxWait time.Duration // and no later than this after the first unwritten change; default 1 s
	Clock   Clock         // default: the system clock
	// OnError receives the error of a write made in the background, on the timer's goroutine
	// (a Fyne UI wraps its work in fyne.Do).
	OnError func(error)
}

// Saver coalesces bursts of changes, such as a slider being dragged, into a few writes: one Quiet
// after the changes stop, and one at least every MaxWait while they keep coming. It is safe for
// concurrent use.
type Saver struct {
	save    func() error
	onError func(error)
	quiet   time.Duration
	maxWait time.Duration
	clock   Clock

	mu      sync.Mutex
	pending bool      // a change has not been written yet
	first   time.Time // when the oldest unwritten change came
	timer   Timer
	gen     uint64 // the current timer's number; an older timer that fires does nothing
	closed  bool
	// running counts timer callbacks that may still run: added when a timer is set, done when it
	// is stopped or its callback returns. Close waits for it, so no goroutine outlives Close.
	running sync.WaitGroup

	writing sync.Mutex // one write at a time, and Flush waits for a write in progress
}

// NewSaver returns a Saver that calls save to write the latest state.
func NewSaver(save func() error, o SaverOptions) *Saver {
	s := &Saver{save: save, onError: o.OnError, quiet: o.Quiet, maxWait: o.MaxWait, clock: o.Clock}
	if s.quiet <= 0 {
		s.quiet = 300 * time.Millisecond
	}
	if s.maxWait <= 0 {
		s.maxWait = time.Second
	}
	if s.clock == nil {
		s.clock = systemClock{}
	}
	return s
}

// Changed records that the state changed and schedules a write. After Close it does nothing.
func (s *Saver) Changed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	now := s.clock.Now()
	if !s.pending {
		s.pending = true
		s.first = now
	}
	due := now.Add(s.quiet)
	if limit := s.first.Add(s.maxWait); limit.Before(due) {
		due = limit
	}
	s.stopTimer()
	s.gen++
	gen := s.gen
	s.running.Add(1)
	s.timer = s.clock.AfterFunc(due.Sub(now), func() {
		defer s.running.Done()
		s.fire(gen)
	})
}

// stopTimer cancels the current timer; s.mu is held.
func (s *Saver) stopTimer() {
	if s.timer != nil && s.timer.Stop() {
		s.running.Done() // its callback will never run
	}
	s.timer = nil
}

func (s *Saver) fire(gen uint64) {
	s.mu.Lock()
	if gen != s.gen || !s.pending || s.closed {
		s.mu.Unlock()
		return
	}
	s.pending = false
	s.timer = nil
	s.mu.Unlock()

	s.writing.Lock()
	err := s.save()
	s.writing.Unlock()
	if err != nil && s.onError != nil {
		s.onError(err)
	}
}

// Flush writes a pending change now and returns when it is on disk, also when a background
// write was in progress.
func (s *Saver) Flush() error {
	s.mu.Lock()
	s.stopTimer()
	pending := s.pending
	s.pending = false
	s.mu.Unlock()
	return s.flush(pending)
}

func (s *Saver) flush(pending bool) error {
	s.writing.Lock()
	defer s.writing.Unlock()
	if !pending {
		return nil
	}
	return s.save()
}

// Close writes a pending change, stops the timer and waits for a write in progress; call it when
// the app closes. Later changes are not written. Close is safe to call more than once.
func (s *Saver) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.stopTimer()
	pending := s.pending
	s.pending = false
	s.mu.Unlock()

	s.running.Wait()
	return s.flush(pending)
}
