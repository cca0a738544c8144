package ui

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/adrg/xdg"

	"backroll/data"
	"backroll/routine"
	"backroll/sound"
	"backroll/ui/i18n"
)

// fakeSound is the session's one clock, moved by the test, and a record of the cues asked for.
type fakeSound struct {
	routine.FakeClock
	pace     *routine.Pace
	cues     []sound.Cue
	said     []sound.Utterance
	voiceV   int
	volume   int
	woken    int      // Wake calls
	holdWake bool     // Wake leaves the device waking until the test calls what waits
	waking   []func() // what waits for the device
	muted    bool
	style    routine.ToneStyle
}

func (f *fakeSound) SetPace(p *routine.Pace)      { f.pace = p }
func (f *fakeSound) SetVolume(v int)              { f.volume = v }
func (f *fakeSound) SetMuted(m bool)              { f.muted = m }
func (f *fakeSound) SetStyle(s routine.ToneStyle) { f.style = s }
func (f *fakeSound) Cue(c sound.Cue)              { f.cues = append(f.cues, c) }
func (f *fakeSound) Say(u []sound.Utterance)      { f.said = append(f.said, u...) }
func (f *fakeSound) SetVoiceVolume(v int)         { f.voiceV = v }
func (f *fakeSound) Wake(ready func()) {
	f.woken++
	if f.holdWake {
		f.waking = append(f.waking, ready)
		return
	}
	ready()
}

// tempXDG points the XDG folders at fresh temporary ones for this test.
func tempXDG(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return dir
}

// writePrefs saves preferences JSON where the app will read it.
func writePrefs(t *testing.T, json string) {
	t.Helper()
	path := data.PreferencesPath()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(json), 0o600); err != nil {
		t.Fatal(err)
	}
}

// harness is a coach in Fyne's test window, on a fake clock, with real files in temp XDG folders.
type harness struct {
	t      *testing.T
	c      *coach
	w      fyne.Window
	sound  *fakeSound
	store  *data.Store
	queue  chan func() // work handed to "Fyne's thread", run by pump on the test's goroutine
	closed bool        // the window was closed, which finishes the history writer
}

// pump runs what background work handed back to Fyne's thread.
func (h *harness) pump() {
	for {
		select {
		case f := <-h.queue:
			f()
		default:
			return
		}
	}
}

func newHarness(t *testing.T, prefsJSON string, size fyne.Size) *harness {
	t.Helper()
	tempXDG(t)
	if prefsJSON != "" {
		writePrefs(t, prefsJSON)
	}
	a := test.NewTempApp(t)
	store, _ := data.OpenStore(data.SaverOptions{Quiet: time.Millisecond, MaxWait: 5 * time.Millisecond})
	t.Cleanup(func() { store.Close() })
	history, _ := data.LoadHistory()
	// As Run does, with English for "system": the tests do not depend on the machine's language.
	if l := store.Get().Language; l != data.LanguageSystem {
		i18n.Use(string(l))
	} else {
		i18n.Use("en")
	}
	w := test.NewTempWindow(t, nil)
	snd := &fakeSound{}
	queue := make(chan func(), 64)
	c := newCoachWindow(a, w, Options{Prefs: store, History: history, Sound: snd, onThread: func(f func()) { queue <- f }})
	c.now = func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local) }
	w.Resize(size)
	h := &harness{t: t, c: c, w: w, sound: snd, store: store, queue: queue}
	t.Cleanup(func() {
		if h.c.writer != nil && !h.closed {
			h.c.writer.finish()
		}
	})
	return h
}

// settle lays the window out again at size, as the real driver does on the frame after wrapped
// text first learns its width (its per-frame min-size pass, which the test canvas lacks): a
// wrapped label's height is only right once it has a width.
func (h *harness) settle(size fyne.Size) {
	h.w.Resize(size.AddWidthHeight(1, 0))
	h.w.Resize(size)
}

// key types a named key on the window's canvas.
func (h *harness) key(name fyne.KeyName) {
	h.w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name})
}

// typeRune types a character on the window's canvas.
func (h *harness) typeRune(r rune) {
	h.w.Canvas().OnTypedRune()(r)
}

// advance lets d of session time pass in frames, as the display would.
func (h *harness) advance(d time.Duration) {
	const frame = 50 * time.Millisecond
	for spent := time.Duration(0); spent < d; spent += frame {
		h.sound.Add(frame)
		if h.c.running() {
			h.c.frame()
		}
	}
	if h.c.running() {
		h.c.draw() // frames are drawn at most every drawEvery of wall time, which a test outruns
	}
}

// waitFor polls until ok or a generous deadline: history is written off Fyne's thread.
func (h *harness) waitFor(what string, ok func() bool) {
	t := h.t
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for h.pump(); !ok(); h.pump() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// allText gathers the text of every label, rich text and canvas text under o.
func allText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Button:
			b.WriteString(v.Text + "\n")
		case *canvas.Text:
			b.WriteString(v.Text + "\n")
		case *fyne.Container:
			for _, child := range v.Objects {
				walk(child)
			}
		case *container.Scroll:
			walk(v.Content)
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(v).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return b.String()
}

// findButton returns the first button under o whose text starts with prefix.
func findButton(t *testing.T, o fyne.CanvasObject, prefix string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch v := o.(type) {
		case *widget.Button:
			if strings.HasPrefix(v.Text, prefix) {
				found = v
			}
		case *fyne.Container:
			for _, child := range v.Objects {
				walk(child)
			}
		case *container.Scroll:
			walk(v.Content)
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q", prefix)
	}
	return found
}

// capture waits for every drawing on show to be rasterised (off Fyne's thread, handed back
// through the queue), then captures the window.
func (h *harness) capture() image.Image {
	h.t.Helper()
	h.waitFor("the drawings", func() bool { return drawingsSettled(h.w.Canvas().Content()) })
	return h.w.Canvas().Capture()
}

// drawingsSettled reports whether every visible drawing under o shows the raster it needs.
func drawingsSettled(o fyne.CanvasObject) bool {
	seen := map[fyne.CanvasObject]bool{} // some renderers list an object that leads back up
	var settled func(fyne.CanvasObject) bool
	settled = func(o fyne.CanvasObject) bool {
		if seen[o] || !o.Visible() {
			return true
		}
		seen[o] = true
		var children []fyne.CanvasObject
		switch v := o.(type) {
		case *artView:
			return v.settled()
		case *fyne.Container:
			children = v.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(v).Objects()
		}
		for _, child := range children {
			if !settled(child) {
				return false
			}
		}
		return true
	}
	return settled(o)
}

// dropThreadWork is onThread for tests that read only what the window built at once: the
// drawings' rasters and the like, handed back later, are let go.
func dropThreadWork(func()) {}
