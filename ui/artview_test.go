package ui

import (
	"image"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"backroll/routine"
	"backroll/ui/art"
)

// artRig is an artView in a test window, with its hand-overs queued for the test to run.
type artRig struct {
	t     *testing.T
	view  *artView
	win   fyne.Window
	queue chan func()
}

func newArtRig(t *testing.T) *artRig {
	test.NewTempApp(t)
	r := &artRig{t: t, queue: make(chan func(), 4)}
	r.view = newArtView(100, func(f func()) { r.queue <- f })
	r.win = test.NewTempWindow(t, r.view)
	r.win.SetPadded(false)
	return r
}

// settle runs hand-overs until the view shows what it needs.
func (r *artRig) settle() {
	r.t.Helper()
	deadline := time.After(10 * time.Second)
	for !r.view.settled() {
		select {
		case f := <-r.queue:
			f()
		case <-deadline:
			r.t.Fatal("the drawing never settled")
		}
	}
}

func (r *artRig) shown() image.Image { return r.view.image.Image }

func TestArtViewDrawsOffFynesThreadAtTheSizeShown(t *testing.T) {
	r := newArtRig(t)
	r.win.Resize(fyne.NewSize(400, 400))
	glutes := artResource(art.Glutes, routine.Right, themeColor(theme.ColorNameBackground))
	r.view.setDrawing(glutes)
	if r.shown() != nil {
		t.Fatal("the drawing was rasterised on the caller's thread")
	}
	r.settle()
	if got := r.shown().Bounds().Size(); got != (image.Point{X: 400, Y: 260}) {
		t.Fatalf("drew %v for a 400×400 space, want 400×260", got)
	}

	r.win.Resize(fyne.NewSize(200, 300))
	old := r.shown()
	r.settle()
	if r.shown() == old || r.shown().Bounds().Size() != (image.Point{X: 200, Y: 130}) {
		t.Fatalf("after a resize to 200×300 it shows %v, want a new 200×130", r.shown().Bounds().Size())
	}

	same := r.shown()
	r.view.setDrawing(glutes)
	r.view.Refresh()
	r.settle()
	if r.shown() != same {
		t.Error("the same drawing at the same size was drawn again")
	}

	r.view.setDrawing(nil)
	if r.shown() != nil {
		t.Error("no drawing still shows the old one")
	}
}

func TestArtViewNeverShowsADrawingNoLongerWanted(t *testing.T) {
	r := newArtRig(t)
	r.win.Resize(fyne.NewSize(400, 260))
	r.view.setDrawing(artResource(art.Lats, routine.Right, themeColor(theme.ColorNameBackground)))
	hipFront := artResource(art.HipFront, routine.Left, themeColor(theme.ColorNameBackground))
	r.view.setDrawing(hipFront) // while the lats are still being drawn
	f := <-r.queue              // the lats land
	f()
	if r.shown() != nil {
		t.Fatal("the lats drawing showed after the hip-front one was asked for")
	}
	r.settle()
	if r.shown() == nil || r.view.have.name != hipFront.Name() {
		t.Fatalf("shows %q, want %q", r.view.have.name, hipFront.Name())
	}
}
