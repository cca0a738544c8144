package data

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingSaver returns a Saver on a fake clock and a count of its writes.
func countingSaver(t *testing.T) (*Saver, *fakeClock, *atomic.Int32) {
	t.Helper()
	clock := newFakeClock()
	var writes atomic.Int32
	s := NewSaver(func() error { writes.Add(1); return nil }, SaverOptions{Clock: clock})
	return s, clock, &writes
}

func TestSaverWritesAfterQuiet(t *testing.T) {
	s, clock, writes := countingSaver(t)
	s.Changed()
	clock.Advance(299 * time.Millisecond)
	if n := writes.Load(); n != 0 {
		t.Fatalf("%d writes before the quiet time passed", n)
	}
	clock.Advance(time.Millisecond)
	if n := writes.Load(); n != 1 {
		t.Fatalf("%d writes after the quiet time, want 1", n)
	}
	clock.Advance(10 * time.Second)
	if n := writes.Load(); n != 1 {
		t.Errorf("%d writes with nothing new, want still 1", n)
	}
}

func TestSaverCoalescesADrag(t *testing.T) {
	s, clock, writes := countingSaver(t)
	// A slider dragged for 2.5 s sends a change every 50 ms: 50 changes, the last at 2.45 s.
	for range 50 {
		s.Changed()
		clock.Advance(50 * time.Millisecond)
	}
	// Written once a second while the drag goes on (at 1 s and 2 s), then once 300 ms after the
	// last change (2.75 s).
	if n := writes.Load(); n != 2 {
		t.Errorf("%d writes during the drag, want 2", n)
	}
	clock.Advance(time.Second)
	if n := writes.Load(); n != 3 {
		t.Errorf("%d writes in all, want 3", n)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestSaverFlush(t *testing.T) {
	s, clock, writes := countingSaver(t)
	if err := s.Flush(); err != nil || writes.Load() != 0 {
		t.Fatalf("Flush with nothing pending: %v, %d writes", err, writes.Load())
	}
	s.Changed()
	if err := s.Flush(); err != nil || writes.Load() != 1 {
		t.Fatalf("Flush: %v, %d writes, want 1", err, writes.Load())
	}
	clock.Advance(5 * time.Second)
	if n := writes.Load(); n != 1 {
		t.Errorf("the flushed change was written again: %d writes", n)
	}
}

func TestSaverClose(t *testing.T) {
	s, clock, writes := countingSaver(t)
	s.Changed()
	if err := s.Close(); err != nil || writes.Load() != 1 {
		t.Fatalf("Close: %v, %d writes, want 1", err, writes.Load())
	}
	s.Changed()
	clock.Advance(5 * time.Second)
	if err := s.Close(); err != nil || writes.Load() != 1 {
		t.Errorf("after Close: %v, %d writes, want still 1", err, writes.Load())
	}
}

func TestSaverReportsBackgroundErrors(t *testing.T) {
	clock := newFakeClock()
	fail := errors.New("disk full")
	var got []error
	s := NewSaver(func() error { return fail }, SaverOptions{Clock: clock, OnError: func(err error) { got = append(got, err) }})
	s.Changed()
	clock.Advance(time.Second)
	if len(got) != 1 || got[0] != fail {
		t.Errorf("OnError got %v", got)
	}
	s.Changed()
	if err := s.Flush(); err != fail {
		t.Errorf("Flush returned %v", err)
	}
}

// With the real clock, concurrent changes and a Close leave every change written, no race, and
// no goroutine behind.
func TestSaverRealClock(t *testing.T) {
	before := runtime.NumGoroutine()
	var mu sync.Mutex
	state, written := 0, 0
	s := NewSaver(func() error {
		mu.Lock()
		written = state
		mu.Unlock()
		return nil
	}, SaverOptions{Quiet: time.Millisecond, MaxWait: 3 * time.Millisecond})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				mu.Lock()
				state++
				mu.Unlock()
				s.Changed()
			}
		}()
	}
	wg.Wait()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	if written != state {
		t.Errorf("wrote state %d, the last is %d", written, state)
	}
	mu.Unlock()
	// Goroutines that returned may take a moment to leave the count.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Close, %d before", n, before)
	}
}

func TestStoreWritesDebounced(t *testing.T) {
	tempXDG(t)
	clock := newFakeClock()
	s, notices := OpenStore(SaverOptions{Clock: clock})
	if len(notices) != 0 || s.Path() != PreferencesPath() {
		t.Fatalf("OpenStore: %v %s", notices, s.Path())
	}
	s.Update(func(p *Preferences) { p.Volume = 10 })
	if got := s.Get().Volume; got != 10 {
		t.Errorf("in memory: volume %d", got)
	}
	if _, err := readLimited(PreferencesPath()); err == nil {
		t.Error("written at once; should wait for the quiet time")
	}
	clock.Advance(300 * time.Millisecond)
	if p, _ := LoadPreferences(); p.Volume != 10 {
		t.Errorf("on disk: volume %d", p.Volume)
	}
	p := s.Get()
	p.Volume = 200 // clamped when set
	s.Set(p)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if p, _ := LoadPreferences(); p.Volume != 100 || s.Get().Volume != 100 {
		t.Errorf("after Close: volume %d on disk, %d in memory", p.Volume, s.Get().Volume)
	}
}
