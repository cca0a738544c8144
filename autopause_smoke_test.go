//go:build linux

package main

import (
	"encoding/json"
	"image/color"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"backroll/internal/dbustest"
)

// fakeScreenSaver is org.freedesktop.ScreenSaver as a desktop offers it: it counts inhibitions,
// and the test makes it announce that the screen locked.
type fakeScreenSaver struct {
	mu        sync.Mutex
	inhibited int
}

func (s *fakeScreenSaver) Inhibit(app, reason string) (uint32, *dbus.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inhibited++
	return 7, nil
}

func (s *fakeScreenSaver) UnInhibit(cookie uint32) *dbus.Error { return nil }

func (s *fakeScreenSaver) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inhibited
}

// A running session in the real binary pauses when the screen saver says the screen locked, on a
// session bus of the test's own; the history then holds only the time before the lock.
func TestWindowPausesWhenTheScreenLocks(t *testing.T) {
	d := startXvfb(t, 1280, 800)
	bus := dbustest.Start(t)
	conn := bus.Connect(t)
	saver := &fakeScreenSaver{}
	if err := conn.Export(saver, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName("org.freedesktop.ScreenSaver", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("owning org.freedesktop.ScreenSaver: %v, %v", reply, err)
	}
	bin := buildBinary(t)
	launched := time.Now()
	a := launchWith(t, d, bin, `{"version":2,"safety_acknowledged":true,"theme":"light","pattern":{"inhale":8,"exhale":12}}`,
		[]string{"DBUS_SESSION_BUS_ADDRESS=" + bus.Address, "DBUS_SYSTEM_BUS_ADDRESS=" + bus.Address}, "--start")
	for deadline := time.Now().Add(5 * time.Second); saver.count() == 0 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	if saver.count() == 0 {
		t.Errorf("the running session did not keep the screen awake (no Inhibit call)\n%s", a.log.String())
	}
	circle := []color.NRGBA{{0x7c, 0xc2, 0xb6, 0xff}, {0xa9, 0x9c, 0xd6, 0xff}, {0x92, 0xaf, 0xc6, 0xff}}
	if n := countNear(a.shot("autopause-running"), circle...); n < 5000 {
		t.Fatalf("no circle on screen before the lock (%d pixels)\n%s", n, a.log.String())
	}

	if err := conn.Emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", true); err != nil {
		t.Fatal(err)
	}
	locked := time.Since(launched)
	time.Sleep(10 * time.Second) // a session that did not pause would run on all this time
	if n := countNear(a.shot("autopause-locked"), circle...); n > 500 {
		t.Errorf("the circle still shows after the lock (%d pixels): no pause notice over it", n)
	}
	a.close()

	b, err := os.ReadFile(filepath.Join(a.data, "backroll", "history.json"))
	if err != nil {
		t.Fatalf("no history: %v\n%s", err, a.log.String())
	}
	var history struct {
		Sessions []struct {
			Seconds int `json:"seconds"`
		} `json:"sessions"`
	}
	if err := json.Unmarshal(b, &history); err != nil || len(history.Sessions) != 1 {
		t.Fatalf("history: %s (%v)", b, err)
	}
	// The session started after launch, so it ran at most until the lock, plus a second's slack.
	if got, most := history.Sessions[0].Seconds, int(locked.Seconds())+1; got > most {
		t.Fatalf("session ran %d s; locked %.1f s after launch, so it did not pause", got, locked.Seconds())
	}
	t.Logf("session ran %d s; the screen locked %.1f s after launch", history.Sessions[0].Seconds, locked.Seconds())
}
