package ui

import (
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backroll/data"
	"backroll/routine"
	"backroll/sound"
)

const readPrefs = `{"version":1,"safety_acknowledged":true,"theme":"light"}`

func TestKeysDriveTheSession(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	if h.c.pages.current != pageStart {
		t.Fatalf("opened on page %d, want the start page", h.c.pages.current)
	}
	h.key(fyne.KeyReturn)
	if h.c.pages.current != pageSession || h.c.session.State() != routine.Running {
		t.Fatalf("Enter on the start page: page %d, state %v", h.c.pages.current, h.c.session.State())
	}
	h.advance(3 * time.Second)
	h.key(fyne.KeySpace)
	if h.c.session.State() != routine.Paused {
		t.Fatalf("Space did not pause: %v", h.c.session.State())
	}
	if h.c.frames != nil && h.c.running() {
		t.Fatal("frames still wanted while paused")
	}
	before := h.c.session.Breath()
	h.advance(5 * time.Second)
	if h.c.session.Breath() != before {
		t.Fatal("the breath moved while paused")
	}
	h.key(fyne.KeySpace)
	if h.c.session.State() != routine.Running {
		t.Fatalf("Space did not resume: %v", h.c.session.State())
	}
	h.key(fyne.KeyRight)
	if got := h.c.session.StepIndex(); got != 1 {
		t.Fatalf("Right: step %d, want 1", got)
	}
	if h.c.view.card.title.Text != "Thoracic extensions" {
		t.Fatalf("card shows %q after skip", h.c.view.card.title.Text)
	}
	h.key(fyne.KeyLeft)
	if got := h.c.session.StepIndex(); got != 0 {
		t.Fatalf("Left: step %d, want 0", got)
	}
	h.typeRune('3')
	if got := h.c.session.Step().Move.ID; got != routine.Lats {
		t.Fatalf("3 jumped to %s, want lats", got)
	}
	if !h.c.view.card.side.Visible() || h.c.view.card.side.text.Text != "RIGHT" {
		t.Fatal("the lats card does not show RIGHT")
	}
	h.key(fyne.KeyUp)
	if h.sound.volume != 80 {
		t.Fatalf("Up: volume %d, want 80", h.sound.volume)
	}
	h.key(fyne.KeyDown)
	h.key(fyne.KeyDown)
	if h.sound.volume != 60 || h.store.Get().Volume != 60 {
		t.Fatalf("Down twice: volume %d, stored %d", h.sound.volume, h.store.Get().Volume)
	}
	h.typeRune('m')
	if !h.sound.muted || !h.store.Get().Muted {
		t.Fatal("M did not mute")
	}
	h.typeRune('r')
	if h.store.Get().Roller != routine.Firm {
		t.Fatalf("R: roller %s, want firm after medium", h.store.Get().Roller)
	}
	h.typeRune('f')
	if !h.w.FullScreen() || h.c.view.floor == nil || h.c.view.root.Objects[0] != h.c.view.floor {
		t.Fatal("F did not enter floor mode")
	}
	h.key(fyne.KeyEscape)
	if h.w.FullScreen() || h.c.view.root.Objects[0] != h.c.view.normal {
		t.Fatal("Esc did not leave floor mode")
	}
	h.typeRune('?')
	if h.c.pages.dialog == nil {
		t.Fatal("? did not show the keys")
	}
	h.key(fyne.KeyEscape)
	if h.c.pages.dialog != nil {
		t.Fatal("Esc did not close the keys")
	}
}

func TestSliderChangeLandsAtNextBreath(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.c.start()
	h.advance(12 * time.Second) // 2 s into the second breath's inhale
	before := h.c.session.Breath()
	h.c.view.controls.exhale.slider.SetValue(8)
	if got := h.store.Get().Pattern.Exhale; got != 8 {
		t.Fatalf("stored exhale %v, want 8", got)
	}
	if h.c.session.Breath() != before {
		t.Fatal("the circle jumped when the slider moved")
	}
	h.advance(time.Second) // a frame passes: the sound hears of the new timeline
	if h.sound.pace == nil || h.sound.pace.Latest().Exhale != 8 {
		t.Fatal("the sound was not given the new pace")
	}
	h.advance(7 * time.Second) // 20 s: the new pattern's first breath
	h.advance(4 * time.Second) // into its exhale
	if b := h.c.session.Breath(); b.Phase != routine.Exhale || b.Left > 8*time.Second || b.Left < 7*time.Second {
		t.Fatalf("after the boundary: %+v, want an 8 s exhale", b)
	}
	if h.c.view.controls.bpm.Text != "5.0 breaths/min" {
		t.Fatalf("breaths per minute shows %q", h.c.view.controls.bpm.Text)
	}
}

func TestCircleFollowsTheClockThroughABreath(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.c.start()
	r := test.TempWidgetRenderer(t, h.c.view.circle).(*circleRenderer)
	r.Layout(fyne.NewSize(600, 600))
	full := r.diameter()
	var sizes []float32
	for range 10 {
		h.advance(time.Second)
		sizes = append(sizes, r.fill.Size().Width)
	}
	// 4 s in: growing to full; 6 s out: shrinking back to empty lungs.
	for i := 1; i < 4; i++ {
		if sizes[i] <= sizes[i-1] {
			t.Fatalf("inhale: circle did not grow at %d s: %v", i+1, sizes)
		}
	}
	if math.Abs(float64(sizes[3]-full)) > 1 {
		t.Fatalf("at the end of the inhale the circle is %v, want %v", sizes[3], full)
	}
	for i := 4; i < 10; i++ {
		if sizes[i] >= sizes[i-1] {
			t.Fatalf("exhale: circle did not shrink at %d s: %v", i+1, sizes)
		}
	}
	if math.Abs(float64(sizes[9]-full*emptyLungs)) > 1 {
		t.Fatalf("after the exhale the circle is %v, want %v", sizes[9], full*emptyLungs)
	}
	if h.c.view.circle.words != "Breathe in" {
		t.Fatalf("phase word %q at the start of the next breath", h.c.view.circle.words)
	}
	h.advance(2 * time.Second)
	inhaleColour := r.fill.FillColor
	h.advance(4 * time.Second)
	if r.fill.FillColor == inhaleColour {
		t.Fatal("inhale and exhale have the same colour")
	}
}

func TestCircleIsTheBiggestThingOnScreen(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.c.start()
	h.advance(time.Second)
	r := test.TempWidgetRenderer(t, h.c.view.circle).(*circleRenderer)
	if d := r.diameter(); d < 0.6*800 {
		t.Fatalf("circle full size %v px, want at least 60%% of 800", d)
	}
	if r.words.TextSize < 48 || r.seconds.TextSize < 64 {
		t.Fatalf("phase word %v px, seconds %v px: too small to read from the floor", r.words.TextSize, r.seconds.TextSize)
	}
}

func TestNothingOverlapsAtTheSmallestSize(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(800, 500), fyne.NewSize(1280, 800), fyne.NewSize(600, 900)} {
		h := newHarness(t, readPrefs, size)
		h.c.start()
		h.advance(time.Second)
		min := h.c.pages.root.MinSize()
		if min.Width > 800 || min.Height > 500 {
			t.Fatalf("the window needs %v, more than 800×500", min)
		}
		v := h.c.view
		circle := rectOf(v.circle)
		for name, o := range map[string]fyne.CanvasObject{"card": v.card.root, "strip": v.strip.root, "controls": v.controls.root} {
			if overlaps(circle, rectOf(o)) {
				t.Errorf("at %v the circle %v overlaps the %s %v", size, circle, name, rectOf(o))
			}
		}
		if bottom := rectOf(v.controls.root); bottom.y2 > size.Height+0.5 {
			t.Errorf("at %v the controls end at %v, below the window", size, bottom.y2)
		}
	}
}

type rect struct{ x1, y1, x2, y2 float32 }

func rectOf(o fyne.CanvasObject) rect {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	s := o.Size()
	return rect{p.X, p.Y, p.X + s.Width, p.Y + s.Height}
}

func overlaps(a, b rect) bool {
	return a.x1 < b.x2-0.5 && b.x1 < a.x2-0.5 && a.y1 < b.y2-0.5 && b.y1 < a.y2-0.5
}

func TestWholeSessionByKeyboardReachesHistory(t *testing.T) {
	h := newHarness(t, `{"version":1,"theme":"dark"}`, fyne.NewSize(1280, 800))
	if h.c.pages.current != pageSafety {
		t.Fatal("a first run does not open on the safety page")
	}
	h.key(fyne.KeyReturn)
	if h.c.pages.current != pageStart {
		t.Fatal("Enter on the safety page did not lead to the start page")
	}
	h.key(fyne.KeyReturn)
	h.advance(21 * time.Second)
	if !h.c.checkIn.open || !h.c.view.checkIn.root.Visible() {
		t.Fatal("no check-in 20 s into the first move")
	}
	h.typeRune('1')
	h.advance(13 * time.Minute)
	if h.c.pages.current != pageFinish {
		t.Fatalf("after 13 minutes the page is %d, not the finish", h.c.pages.current)
	}
	last := h.sound.cues[len(h.sound.cues)-1]
	if last != sound.Finished {
		t.Fatalf("last cue %v, want finished", last)
	}
	h.typeRune('1')
	h.waitFor("the session in history with its feeling", func() bool {
		sessions, _ := data.LoadHistory()
		return len(sessions) == 1 && sessions[0].Finished && sessions[0].Feeling == data.FeltBetter
	})
	sessions, _ := data.LoadHistory()
	s := sessions[0]
	if s.StepsDone != 9 || s.TotalSteps != 9 || s.CheckIns[routine.UpperBack] != data.Easing || s.Seconds < 600 || s.Seconds > 720 {
		t.Fatalf("history record %+v", s)
	}
	if !h.store.Get().SafetyAcknowledged {
		t.Fatal("the safety acknowledgement was not stored")
	}
}

// Switching theme mid-session recolours what the view draws itself, not only Fyne's widgets.
func TestThemeSwitchRecoloursTheClocks(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	h.c.start()
	h.advance(time.Second)
	light := h.c.view.stepLeft.Color
	h.c.setTheme(ThemeDark)
	if h.c.view.stepLeft.Color == light || h.c.view.stepLeft.Color != darkPalette.foreground {
		t.Fatalf("after switching to dark the clock is %v, want %v", h.c.view.stepLeft.Color, darkPalette.foreground)
	}
	if h.store.Get().Theme != "dark" {
		t.Fatalf("theme stored as %q", h.store.Get().Theme)
	}
}
