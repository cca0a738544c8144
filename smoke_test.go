package main

// Smoke tests of the real binary in a real window: an X server of its own (Xvfb), real files in
// temporary XDG folders, keys sent with xdotool, screenshots taken with ImageMagick's import.
// They are skipped only outside CI when those programs are missing.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// display is an Xvfb server started for one test.
type display struct {
	name string
	cmd  *exec.Cmd
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: make test installs it (.ci/deps test)", tool)
			}
			t.Skipf("%s is missing; run make test to install it", tool)
		}
	}
}

// startXvfb starts an X server on a free display and stops it when the test ends.
func startXvfb(t *testing.T, width, height int) *display {
	t.Helper()
	needTools(t, "Xvfb", "xdotool", "import")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", fmt.Sprintf("%dx%dx24", width, height), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	buf := make([]byte, 16)
	done := make(chan int, 1)
	go func() { n, _ := r.Read(buf); done <- n }()
	select {
	case n := <-done:
		return &display{name: ":" + strings.TrimSpace(string(buf[:n])), cmd: cmd}
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start")
	}
	return nil
}

var (
	buildOnce sync.Once
	binDir    string
	binErr    error
)

// goBuildCache is go's build cache, asked for before TestMain points XDG_CACHE_HOME at a
// temporary folder: go would otherwise build the binary, cgo GLFW and all, from nothing on every
// run (minutes instead of a second).
var goBuildCache = func() string {
	out, _ := exec.Command("go", "env", "GOCACHE").Output()
	return strings.TrimSpace(string(out))
}()

// buildBinary builds backroll once per test run; TestMain removes it.
func buildBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "backroll-smoke-"); binErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-tags", "no_emoji", "-o", filepath.Join(binDir, "backroll"), ".")
		if goBuildCache != "" {
			cmd.Env = append(os.Environ(), "GOCACHE="+goBuildCache)
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "backroll")
}

// app is the real binary running in a display with its own XDG folders.
type app struct {
	t       *testing.T
	d       *display
	cmd     *exec.Cmd
	config  string
	data    string
	log     appLog
	shotDir string
}

// appLog keeps what the app prints; the copier goroutines of exec write it while a failing test
// reads it.
type appLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *appLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *appLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func launch(t *testing.T, d *display, bin, prefs string, args ...string) *app {
	t.Helper()
	return launchWith(t, d, bin, prefs, nil, args...)
}

// launchWith is launch with env added last, so it overrides: a sound device, for one.
func launchWith(t *testing.T, d *display, bin, prefs string, env []string, args ...string) *app {
	t.Helper()
	dir := t.TempDir()
	a := &app{t: t, d: d, config: filepath.Join(dir, "config"), data: filepath.Join(dir, "data")}
	a.shotDir = os.Getenv("BACKROLL_SHOTS")
	if a.shotDir == "" {
		a.shotDir = filepath.Join(dir, "shots")
	}
	os.MkdirAll(a.shotDir, 0o755)
	if prefs != "" {
		os.MkdirAll(filepath.Join(a.config, "backroll"), 0o700)
		os.WriteFile(filepath.Join(a.config, "backroll", "preferences.json"), []byte(prefs), 0o600)
	}
	a.cmd = exec.Command(bin, args...)
	a.cmd.Env = append(os.Environ(), "DISPLAY="+d.name, "XDG_CONFIG_HOME="+a.config, "XDG_DATA_HOME="+a.data,
		"LANG=en_US.UTF-8", "ALSA_CONFIG_PATH="+filepath.Join(dir, "no-alsa.conf"), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
	a.cmd.Env = append(a.cmd.Env, env...)
	os.WriteFile(filepath.Join(dir, "no-alsa.conf"), nil, 0o600) // no sound device: the silent path
	a.cmd.Stdout, a.cmd.Stderr = &a.log, &a.log
	if err := a.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if a.cmd.ProcessState == nil {
			a.cmd.Process.Kill()
			a.cmd.Wait()
		}
	})
	a.xdotool("search", "--sync", "--onlyvisible", "--name", "^Backroll$")
	time.Sleep(1500 * time.Millisecond) // the first frames under software GL
	return a
}

func (a *app) xdotool(args ...string) string {
	a.t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+a.d.name)
	out, err := cmd.CombinedOutput()
	if err != nil {
		a.t.Fatalf("xdotool %v: %v\n%s\napp log:\n%s", args, err, out, a.log.String())
	}
	return string(out)
}

// keys sends keys to the window, pausing between them as a person would.
func (a *app) keys(keys ...string) {
	a.t.Helper()
	for _, k := range keys {
		a.xdotool("search", "--name", "^Backroll$", "windowfocus", "--sync", "key", k)
		time.Sleep(400 * time.Millisecond)
	}
}

// shot takes a screenshot of the whole display and keeps it as test output.
func (a *app) shot(name string) image.Image {
	a.t.Helper()
	path := filepath.Join(a.shotDir, name+".png")
	cmd := exec.Command("import", "-window", "root", path)
	cmd.Env = append(os.Environ(), "DISPLAY="+a.d.name)
	if out, err := cmd.CombinedOutput(); err != nil {
		a.t.Fatalf("import: %v\n%s", err, out)
	}
	f, err := os.Open(path)
	if err != nil {
		a.t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		a.t.Fatal(err)
	}
	a.t.Logf("screenshot: %s", path)
	return img
}

// close closes the window as a user would and waits for the app to exit. The app may quit on
// the key press, before xdotool sends the release to its window: xdotool then fails with
// BadWindow, which only matters if the app did not exit.
func (a *app) close() {
	a.t.Helper()
	cmd := exec.Command("xdotool", "search", "--name", "^Backroll$", "windowfocus", "--sync", "key", "ctrl+q")
	cmd.Env = append(os.Environ(), "DISPLAY="+a.d.name)
	keyOut, keyErr := cmd.CombinedOutput()
	done := make(chan error, 1)
	go func() { done <- a.cmd.Wait() }()
	a.endsCleanly(done, fmt.Sprintf("Ctrl+Q (xdotool: %v %s)", keyErr, keyOut))
}

// endsCleanly waits up to 15 s for the app to end (exited gets cmd.Wait's result) after what
// the test did, and fails unless it ends with status 0.
func (a *app) endsCleanly(exited <-chan error, after string) {
	a.t.Helper()
	select {
	case err := <-exited:
		if err != nil {
			a.t.Fatalf("backroll ended with %v after %s\n%s", err, after, a.log.String())
		}
	case <-time.After(15 * time.Second):
		a.t.Fatalf("backroll did not end after %s\n%s", after, a.log.String())
	}
}

// countNear counts pixels of the right half within a small distance of any of the colours: the
// circle's fill, whatever its blend between the inhale and exhale colours.
func countNear(img image.Image, colours ...color.NRGBA) int {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X + b.Dx()/2; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			for _, c := range colours {
				dr, dg, db := int(r>>8)-int(c.R), int(g>>8)-int(c.G), int(bl>>8)-int(c.B)
				if dr*dr+dg*dg+db*db < 30*30 {
					n++
					break
				}
			}
		}
	}
	return n
}

func TestWindowCircleGrowsDuringInhale(t *testing.T) {
	d := startXvfb(t, 1280, 800)
	bin := buildBinary(t)
	// A slow inhale so that startup under software GL cannot use it up.
	a := launch(t, d, bin, `{"version":1,"safety_acknowledged":true,"theme":"light","pattern":{"inhale":8,"exhale":12}}`, "--start")
	first := a.shot("inhale-1")
	time.Sleep(2 * time.Second)
	second := a.shot("inhale-2")
	teal := color.NRGBA{0x7c, 0xc2, 0xb6, 0xff}
	violet := color.NRGBA{0xa9, 0x9c, 0xd6, 0xff}
	blend := color.NRGBA{0x92, 0xaf, 0xc6, 0xff}
	n1, n2 := countNear(first, teal, violet, blend), countNear(second, teal, violet, blend)
	t.Logf("circle pixels: %d, then %d two seconds later", n1, n2)
	if n1 < 5000 {
		t.Fatalf("no circle on screen (%d pixels)\n%s", n1, a.log.String())
	}
	if n2 < n1*11/10 {
		t.Fatalf("the circle did not grow during the inhale: %d -> %d pixels", n1, n2)
	}
	a.close()
}

func TestWindowFirstRunToFinishByKeyboard(t *testing.T) {
	d := startXvfb(t, 1280, 800)
	bin := buildBinary(t)
	a := launch(t, d, bin, "")
	a.shot("first-run-safety")
	a.keys("Return") // I have read this
	a.shot("start-page")
	a.keys("Return") // Start
	time.Sleep(time.Second)
	a.shot("session")
	for range 9 {
		a.keys("Right") // skip through every step, past the finish
	}
	time.Sleep(500 * time.Millisecond)
	a.shot("finish-page")
	a.keys("1") // my back feels better
	time.Sleep(time.Second)
	a.close()

	prefsBytes, err := os.ReadFile(filepath.Join(a.config, "backroll", "preferences.json"))
	if err != nil {
		t.Fatalf("no preferences saved: %v\n%s", err, a.log.String())
	}
	var prefs struct {
		Safety bool `json:"safety_acknowledged"`
	}
	if err := json.Unmarshal(prefsBytes, &prefs); err != nil || !prefs.Safety {
		t.Fatalf("safety acknowledgement not saved: %s", prefsBytes)
	}
	historyBytes, err := os.ReadFile(filepath.Join(a.data, "backroll", "history.json"))
	if err != nil {
		t.Fatalf("no history saved: %v\n%s", err, a.log.String())
	}
	var history struct {
		Sessions []struct {
			Finished bool   `json:"finished"`
			Feeling  string `json:"feeling"`
			Total    int    `json:"total_steps"`
		} `json:"sessions"`
	}
	if err := json.Unmarshal(historyBytes, &history); err != nil {
		t.Fatal(err)
	}
	// Skipping through every step reaches the finish page but is no finished routine.
	if len(history.Sessions) != 1 || history.Sessions[0].Finished || history.Sessions[0].Feeling != "better" || history.Sessions[0].Total != 9 {
		t.Fatalf("history after a keyboard-only session: %s", historyBytes)
	}
}
