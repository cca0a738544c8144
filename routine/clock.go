package routine

import (
	"sync"
	"time"
)

// Clock is the session's one clock: how long the session has been running. The session starts,
// stops and resets it; the sound player's position, a Stopwatch, or a FakeClock in tests.
type Clock interface {
	Now() time.Duration
	Start()
	Stop()
	Set(t time.Duration)
}

// Stopwatch is a monotonic clock that can be paused, used while muted or without a sound device.
type Stopwatch struct {
	mu      sync.Mutex
	since   time.Time // when it last started; zero while stopped
	elapsed time.Duration
	now     func() time.Time
}

// NewStopwatch returns a stopped stopwatch at zero.
func NewStopwatch() *Stopwatch { return &Stopwatch{now: time.Now} }

// Now returns the running time so far.
func (s *Stopwatch) Now() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.since.IsZero() {
		return s.elapsed
	}
	return s.elapsed + s.now().Sub(s.since)
}

// Start runs the stopwatch; starting a running one does nothing.
func (s *Stopwatch) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.since.IsZero() {
		s.since = s.now()
	}
}

// Stop pauses it, keeping the time so far.
func (s *Stopwatch) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.since.IsZero() {
		s.elapsed += s.now().Sub(s.since)
		s.since = time.Time{}
	}
}

// Set moves it to t, keeping whether it runs.
func (s *Stopwatch) Set(t time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.elapsed = t
	if !s.since.IsZero() {
		s.since = s.now()
	}
}

// FakeClock is a clock that moves only when told; it is how tests run a session in milliseconds.
// Like a real clock it ignores the time that passes while it is stopped.
type FakeClock struct {
	mu      sync.Mutex
	t       time.Duration
	running bool
}

// Start lets Add move the clock.
func (f *FakeClock) Start() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.running = true
}

// Stop makes Add do nothing until Start.
func (f *FakeClock) Stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.running = false
}

// Now returns the fake time.
func (f *FakeClock) Now() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

// Add lets d of real time pass: the clock moves only while it runs.
func (f *FakeClock) Add(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.running {
		f.t += d
	}
}

// Set moves the fake time to t.
func (f *FakeClock) Set(t time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = t
}
