//go:build linux

package ui

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/app"
	"github.com/godbus/dbus/v5"

	"backroll/data"
	"backroll/internal/dbustest"
)

// notificationServer is a fake org.freedesktop.Notifications: it keeps what it is sent.
type notificationServer struct{ got chan [2]string }

func (s *notificationServer) Notify(appName string, replaces uint32, icon, summary, body string, actions []string,
	hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	s.got <- [2]string{summary, body}
	return 1, nil
}

// startNotificationServer owns org.freedesktop.Notifications on the bus.
func startNotificationServer(t *testing.T, bus *dbustest.Bus) *notificationServer {
	t.Helper()
	conn := bus.Connect(t)
	s := &notificationServer{got: make(chan [2]string, 8)}
	if err := conn.Export(s, "/org/freedesktop/Notifications", "org.freedesktop.Notifications"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName("org.freedesktop.Notifications", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("owning org.freedesktop.Notifications: %v, %v", reply, err)
	}
	return s
}

// The reminder goes through Fyne's own notification call to a notification server on a private
// session bus, at the set time on a fake clock; with the week done nothing reaches the server.
func TestReminderReachesTheNotificationServer(t *testing.T) {
	bus := dbustest.Start(t)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", bus.Address)
	server := startNotificationServer(t, bus)

	h, wall, _ := remindHarness(t, remindPrefs)
	// Fyne's desktop app, which notifies over D-Bus on Linux. It keeps its own settings under
	// XDG_CONFIG_HOME (read by Fyne, not by data, which has its folders already): a folder of
	// its own, removed after the app has stopped watching it.
	fyneConfig, err := os.MkdirTemp("", "backroll-fyne-")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", fyneConfig)
	real := app.NewWithID("io.github.backroll_app.backroll.test")
	t.Cleanup(func() {
		real.Quit()
		// Fyne's settings watcher may write once more as its folder goes: try again briefly.
		for range 20 {
			time.Sleep(100 * time.Millisecond)
			if _, err := os.Stat(fyneConfig); os.IsNotExist(err) {
				return // gone, and it stayed gone for a round
			}
			os.RemoveAll(fyneConfig)
		}
		t.Errorf("could not remove %s", fyneConfig)
	})
	h.c.remind.send = real.SendNotification
	h.c.history = nil
	minutes(h, wall, 60) // 17:00 to 18:00
	select {
	case n := <-server.got:
		if n[0] != "Backroll" || n[1] != "Ten minutes on the floor? Two or three short sessions a week is all it takes." {
			t.Fatalf("the server got %q", n)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no notification reached the server")
	}

	// Friday, with two sessions done this week: the server hears nothing.
	monday := time.Date(2026, 11, 23, 8, 0, 0, 0, time.Local)
	h.c.history = []data.Session{{Start: monday, Finished: true}, {Start: monday.Add(24 * time.Hour), Finished: true}}
	*wall = time.Date(2026, 11, 27, 17, 0, 0, 0, time.Local)
	h.c.checkReminders()
	minutes(h, wall, 120)
	select {
	case n := <-server.got:
		t.Fatalf("reminded with the week done: %q", n)
	case <-time.After(time.Second):
	}
}
