package ui

import (
	"sync"

	"fyne.io/fyne/v2/lang"
	"github.com/godbus/dbus/v5"
)

// screenInhibitor uses the freedesktop ScreenSaver D-Bus interface, which GNOME, KDE, Xfce and
// others implement on the session bus.
type screenInhibitor struct {
	mu     sync.Mutex
	conn   *dbus.Conn
	cookie uint32
	held   bool
}

func newScreenInhibitor() *screenInhibitor { return &screenInhibitor{} }

func (s *screenInhibitor) inhibit() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held {
		return
	}
	if s.conn == nil {
		conn, err := dbus.ConnectSessionBus()
		if err != nil {
			return // no session bus: nothing to keep awake
		}
		s.conn = conn
	}
	obj := s.conn.Object("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver")
	if err := obj.Call("org.freedesktop.ScreenSaver.Inhibit", 0, "Backroll", lang.X("inhibit.reason", "A foam-rolling session is running")).Store(&s.cookie); err == nil {
		s.held = true
	}
}

func (s *screenInhibitor) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.held || s.conn == nil {
		return
	}
	s.conn.Object("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver").Call("org.freedesktop.ScreenSaver.UnInhibit", 0, s.cookie)
	s.held = false
}
