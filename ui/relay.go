package ui

import (
	"log"
	"sync"

	"fyne.io/fyne/v2"

	"backroll/data"
)

// Relay carries notices from any goroutine (the settings saver, the sound device, the files read
// at start) to the window, keeping those that arrive before the window opens. Notices from data
// are worded when they are shown, so in the language the window uses.
type Relay struct {
	mu      sync.Mutex
	pending []func() string
	deliver func(string)
}

// Notify passes a notice already in words on; it is safe from any goroutine and never blocks on
// the window.
func (r *Relay) Notify(text string) { r.pass(func() string { return text }) }

// NotifyNotice passes a notice from loading a file on, logging its English text.
func (r *Relay) NotifyNotice(n data.Notice) {
	log.Print("Backroll: ", n.Text)
	r.pass(func() string { return noticeWords(n) })
}

// NotifyError passes a failed save on, logging its English text.
func (r *Relay) NotifyError(err error) {
	log.Print("Backroll: ", err)
	r.pass(func() string { return errorWords(err) })
}

func (r *Relay) pass(words func() string) {
	r.mu.Lock()
	deliver := r.deliver
	if deliver == nil {
		r.pending = append(r.pending, words)
	}
	r.mu.Unlock()
	if deliver != nil {
		fyne.Do(func() { deliver(words()) })
	}
}

// attach starts delivering to show, on Fyne's thread, beginning with what waited.
func (r *Relay) attach(show func(string)) {
	r.mu.Lock()
	waiting := r.pending
	r.pending = nil
	r.deliver = show
	r.mu.Unlock()
	for _, words := range waiting {
		show(words())
	}
}
