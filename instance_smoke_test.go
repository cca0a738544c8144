package main

import (
	"image/color"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestSecondLaunchWakesTheFirstWindow runs two real processes: the second, with --start, opens no
// window of its own but brings the first to the front and starts its session, then exits 0.
func TestSecondLaunchWakesTheFirstWindow(t *testing.T) {
	d := startXvfb(t, 1280, 800)
	bin := buildBinary(t)
	a := launchWith(t, d, bin, `{"version":1,"safety_acknowledged":true,"theme":"light"}`,
		[]string{"XDG_RUNTIME_DIR=" + t.TempDir()})
	teal := color.NRGBA{0x7c, 0xc2, 0xb6, 0xff}
	violet := color.NRGBA{0xa9, 0x9c, 0xd6, 0xff}
	blend := color.NRGBA{0x92, 0xaf, 0xc6, 0xff}
	if n := countNear(a.shot("before-second-launch"), teal, violet, blend); n > 5000 {
		t.Fatalf("a circle (%d pixels) before any session started", n)
	}

	second := exec.Command(bin, "--start")
	second.Env = a.cmd.Env // the same preferences folder, the same runtime folder
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = second.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		second.Process.Kill()
		t.Fatalf("the second launch did not exit\n%s", a.log.String())
	}
	if err != nil || !strings.Contains(string(out), "already open") {
		t.Fatalf("the second launch: %v\n%s", err, out)
	}
	if ids := strings.Fields(a.xdotool("search", "--onlyvisible", "--name", "^Backroll$")); len(ids) != 1 {
		t.Fatalf("%d Backroll windows after the second launch, want 1", len(ids))
	}
	time.Sleep(2 * time.Second)
	if n := countNear(a.shot("after-second-launch"), teal, violet, blend); n < 5000 {
		t.Fatalf("the first window did not start its session (%d circle pixels)\n%s", n, a.log.String())
	}
	a.close()
}
