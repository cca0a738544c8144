package ui

import (
	"github.com/godbus/dbus/v5"
)

// watchSystem follows the screen lock (org.freedesktop.ScreenSaver and org.gnome.ScreenSaver
// ActiveChanged, on the session bus) and suspend (logind's PrepareForSleep, on the system bus),
// each on a private connection so nothing else in the process shares or closes it. Without a
// bus it stays silent: sessions simply do not pause by themselves. stop closes the connections.
func watchSystem(on func(systemEvent)) (stop func()) {
	var conns []*dbus.Conn
	if conn := privateBus(dbus.SessionBusPrivateNoAutoStartup); conn != nil {
		for _, iface := range []string{"org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"} {
			_ = conn.AddMatchSignal(dbus.WithMatchInterface(iface), dbus.WithMatchMember("ActiveChanged"))
		}
		conns = append(conns, conn)
	}
	if conn := privateBus(dbus.SystemBusPrivate); conn != nil {
		_ = conn.AddMatchSignal(dbus.WithMatchInterface("org.freedesktop.login1.Manager"),
			dbus.WithMatchMember("PrepareForSleep"), dbus.WithMatchObjectPath("/org/freedesktop/login1"))
		conns = append(conns, conn)
	}
	for _, conn := range conns {
		signals := make(chan *dbus.Signal, 16)
		conn.Signal(signals)
		go func() {
			for s := range signals {
				if e, ok := systemEventOf(s); ok {
					on(e)
				}
			}
		}()
	}
	return func() {
		for _, conn := range conns {
			conn.Close() // closes the signal channel, which ends its goroutine
		}
	}
}

// systemEventOf reads a signal as an event.
func systemEventOf(s *dbus.Signal) (systemEvent, bool) {
	if len(s.Body) != 1 {
		return 0, false
	}
	on, ok := s.Body[0].(bool)
	if !ok {
		return 0, false
	}
	switch s.Name {
	case "org.freedesktop.ScreenSaver.ActiveChanged", "org.gnome.ScreenSaver.ActiveChanged":
		if on {
			return screenLocked, true
		}
		return screenUnlocked, true
	case "org.freedesktop.login1.Manager.PrepareForSleep":
		if on {
			return goingToSleep, true
		}
		return wokeUp, true
	}
	return 0, false
}

// privateBus opens, authenticates and registers a private connection; nil when there is no bus.
func privateBus(open func(...dbus.ConnOption) (*dbus.Conn, error)) *dbus.Conn {
	conn, err := open()
	if err != nil {
		return nil
	}
	if conn.Auth(nil) != nil || conn.Hello() != nil {
		conn.Close()
		return nil
	}
	return conn
}
