package ui

import "github.com/godbus/dbus/v5"

// trayHostPresent reports whether a StatusNotifierWatcher runs on the session bus: the tray host
// of KDE, GNOME with the AppIndicator extension, Xfce, Cinnamon and others, and what Fyne's tray
// needs on Linux.
func trayHostPresent() bool {
	conn := privateBus(dbus.SessionBusPrivateNoAutoStartup)
	if conn == nil {
		return false
	}
	defer conn.Close()
	var has bool
	err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	return err == nil && has
}
