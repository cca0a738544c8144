package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// Relay carries notices in words from any goroutine (the settings saver, the sound device) to the
// window, keeping those that arrive before the window opens.
type Relay struct {
	mu      sync.Mutex
	pending []string
	deliver func(string)
}

// Notify passes a notice on; it is safe from any goroutine and never blocks on the window.
func (r *Relay) Notify(text string) {
	r.mu.Lock()
	deliver := r.deliver
	if deliver == nil {
		r.pending = append(r.pending, text)
	}
	r.mu.Unlock()
	if deliver != nil {
		fyne.Do(func() { deliver(text) })
	}
}

// attach starts delivering to show, on Fyne's thread, beginning with what waited.
func (r *Relay) attach(show func(string)) {
	r.mu.Lock()
	waiting := r.pending
	r.pending = nil
	r.deliver = show
	r.mu.Unlock()
	for _, text := range waiting {
		show(text)
	}
}
