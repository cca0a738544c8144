//go:build linux

package main

import (
	"encoding/json"
	"fmt"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"backroll/internal/dbustest"
)

// TestTrayHostMenuShowStartAndQuit runs the real binary against a tray host that is the test
// itself: the item registers with the test's StatusNotifierWatcher, its menu reads right over
// com.canonical.dbusmenu, closing the window hides it, and the menu's Show, Start a session and
// Quit do what they say.
func TestTrayHostMenuShowStartAndQuit(t *testing.T) {
	needTools(t, "xwininfo")
	d := startXvfb(t, 1280, 800)
	bus := dbustest.Start(t)
	host := startTrayHost(t, bus.Connect(t))
	bin := buildBinary(t)
	// Two finished sessions this week, so the menu says 2.
	now := time.Now().Format(time.RFC3339)
	history := fmt.Sprintf(`{"version":1,"sessions":[`+
		`{"start":%q,"seconds":700,"steps_done":9,"total_steps":9,"finished":true,"roller":"medium","pattern":{"inhale":4,"exhale":6},"feeling":"better"},`+
		`{"start":%q,"seconds":700,"steps_done":9,"total_steps":9,"finished":true,"roller":"medium","pattern":{"inhale":4,"exhale":6},"feeling":"same"}]}`, now, now)
	a := launchTray(t, d, bin, bus, history)
	exited := waitForExit(a)

	item := host.waitForItem(t, a)
	var pid uint32
	if err := bus.Connect(t).BusObject().Call("org.freedesktop.DBus.GetConnectionUnixProcessID", 0, item.sender).Store(&pid); err != nil || int(pid) != a.cmd.Process.Pid {
		t.Fatalf("the item was registered by pid %d (%v), not by backroll's %d", pid, err, a.cmd.Process.Pid)
	}
	want := []menuEntry{{label: "Start a session", enabled: true}, {label: "This week: 2 of 2–3"},
		{label: "Pause reminders until tomorrow", enabled: true}, {label: "Show", enabled: true},
		{label: "---", enabled: true}, {label: "Quit", enabled: true}}
	var got []menuEntry
	var err error
	// Fyne fills the menu an entry at a time once the tray has started; a panel reads it again
	// on LayoutUpdated, the test until it is whole.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if got, err = host.menu(item); err == nil && reflect.DeepEqual(withoutIDs(got), want) {
			break
		}
	}
	if err != nil || !reflect.DeepEqual(withoutIDs(got), want) {
		t.Fatalf("the tray menu reads %+v (%v), want %+v\n%s", got, err, want, a.log.String())
	}
	t.Logf("tray menu: %+v", got)

	win := windowID(a)
	hide := func(step string) {
		t.Helper()
		wmClose(t, d, win)
		waitForMapState(t, a, win, "IsUnMapped", step)
		select {
		case err := <-exited:
			t.Fatalf("%s: backroll ended (%v) instead of hiding in the tray\n%s", step, err, a.log.String())
		case <-time.After(time.Second):
		}
	}
	hide("the first close")
	host.click(t, item, "Show")
	waitForMapState(t, a, win, "IsViewable", "Show")

	hide("the second close")
	host.click(t, item, "Start a session")
	waitForMapState(t, a, win, "IsViewable", "Start a session")
	time.Sleep(2 * time.Second)
	circle := []color.NRGBA{{0x7c, 0xc2, 0xb6, 0xff}, {0xa9, 0x9c, 0xd6, 0xff}, {0x92, 0xaf, 0xc6, 0xff}}
	if n := countNear(a.shot("tray-start"), circle...); n < 5000 {
		t.Fatalf("no session running after the tray's Start a session (%d circle pixels)\n%s", n, a.log.String())
	}

	// Pause reminders goes to the preferences; a new window size is saved only when the app closes.
	host.click(t, item, "Pause reminders until tomorrow")
	a.xdotool("windowsize", strconv.Itoa(int(win)), "1000", "700")
	time.Sleep(time.Second)
	host.click(t, item, "Quit")
	a.endsCleanly(exited, "the tray's Quit")

	var prefs struct {
		Window    struct{ Width, Height int }
		Reminders struct {
			PausedOn string `json:"paused_on"`
		}
	}
	readJSON(t, filepath.Join(a.config, "backroll", "preferences.json"), &prefs)
	if today := time.Now().Format("2006-01-02"); prefs.Reminders.PausedOn != today {
		t.Errorf("reminders paused on %q after the tray's Pause reminders, want %s", prefs.Reminders.PausedOn, today)
	}
	if prefs.Window.Width != 1000 || prefs.Window.Height != 700 {
		t.Errorf("window saved as %d×%d, want the 1000×700 it had at Quit", prefs.Window.Width, prefs.Window.Height)
	}
	var saved struct {
		Sessions []struct {
			Finished bool `json:"finished"`
		} `json:"sessions"`
	}
	readJSON(t, filepath.Join(a.data, "backroll", "history.json"), &saved)
	if len(saved.Sessions) != 3 || saved.Sessions[2].Finished {
		t.Errorf("history after quitting mid-session from the tray: %+v, want the two before and one stopped early", saved.Sessions)
	}
}

// TestTrayAbsentCloseQuits: on a session bus with no StatusNotifierWatcher there is no tray to
// hide in, so closing the window as a window manager does ends the app, saving the session.
func TestTrayAbsentCloseQuits(t *testing.T) {
	d := startXvfb(t, 1280, 800)
	bus := dbustest.Start(t)
	bin := buildBinary(t)
	a := launchTray(t, d, bin, bus, "", "--start")
	exited := waitForExit(a)
	wmClose(t, d, windowID(a))
	a.endsCleanly(exited, "its window closed with no tray host")
	var saved struct {
		Sessions []json.RawMessage `json:"sessions"`
	}
	readJSON(t, filepath.Join(a.data, "backroll", "history.json"), &saved)
	if len(saved.Sessions) != 1 {
		t.Errorf("%d sessions saved after closing mid-session, want 1", len(saved.Sessions))
	}
}

// launchTray starts the binary on the test's session bus, which is also its system bus so that
// nothing reaches the machine's, with a runtime folder of its own for the one-instance lock.
func launchTray(t *testing.T, d *display, bin string, bus *dbustest.Bus, history string, args ...string) *app {
	t.Helper()
	env := []string{"DBUS_SESSION_BUS_ADDRESS=" + bus.Address, "DBUS_SYSTEM_BUS_ADDRESS=" + bus.Address, "XDG_RUNTIME_DIR=" + t.TempDir()}
	prefs := `{"version":2,"safety_acknowledged":true,"theme":"light","pattern":{"inhale":8,"exhale":12}}`
	if history == "" {
		return launchWith(t, d, bin, prefs, env, args...)
	}
	// The history goes in before the app starts: launchWith makes the data folder's name only.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "backroll"), 0o700)
	if err := os.WriteFile(filepath.Join(dir, "backroll", "history.json"), []byte(history), 0o600); err != nil {
		t.Fatal(err)
	}
	a := launchWith(t, d, bin, prefs, append(env, "XDG_DATA_HOME="+dir), args...)
	a.data = dir
	return a
}

// waitForExit reports the process's end, once. Its cleanup, run before launchWith's, ends a
// process a failed test left running and takes the end from this Wait: a second Wait on the
// same command would block for good.
func waitForExit(a *app) <-chan error {
	done, ended := make(chan error, 1), make(chan struct{})
	go func() { done <- a.cmd.Wait(); close(ended) }()
	a.t.Cleanup(func() {
		a.cmd.Process.Kill()
		<-ended
	})
	return done
}

// windowID is the Backroll window's X id.
func windowID(a *app) uint32 {
	a.t.Helper()
	ids := strings.Fields(a.xdotool("search", "--name", "^Backroll$"))
	if len(ids) != 1 {
		a.t.Fatalf("%d windows named Backroll, want 1", len(ids))
	}
	id, err := strconv.ParseUint(ids[0], 10, 32)
	if err != nil {
		a.t.Fatal(err)
	}
	return uint32(id)
}

// waitForMapState waits until xwininfo says the window is IsViewable or IsUnMapped; a destroyed
// window fails at once.
func waitForMapState(t *testing.T, a *app, win uint32, want, step string) {
	t.Helper()
	var state string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		cmd := exec.Command("xwininfo", "-id", strconv.Itoa(int(win)))
		cmd.Env = append(os.Environ(), "DISPLAY="+a.d.name)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: xwininfo: %v\n%s\napp log:\n%s", step, err, out, a.log.String())
		}
		for line := range strings.Lines(string(out)) {
			if s, ok := strings.CutPrefix(strings.TrimSpace(line), "Map State: "); ok {
				state = s
			}
		}
		if state == want {
			return
		}
	}
	t.Fatalf("%s: the window is %s, want %s\n%s", step, state, want, a.log.String())
}

func withoutIDs(entries []menuEntry) []menuEntry {
	out := make([]menuEntry, len(entries))
	for i, e := range entries {
		out[i] = menuEntry{label: e.label, enabled: e.enabled}
	}
	return out
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v\n%s", path, err, b)
	}
}
