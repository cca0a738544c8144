package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"backroll/ui/art"
)

// artView shows one drawing, rasterised off Fyne's thread at the size it is shown. A
// canvas.Image holding the SVG would rasterise on Fyne's thread at every resize: at start-up
// that was 60 ms before the window could map, and again at every step of a window drag. Until a
// raster of the new size lands, the last one is shown scaled.
type artView struct {
	widget.BaseWidget
	image   *canvas.Image
	min     fyne.Size
	deliver func(func()) // runs a finished raster's hand-over on Fyne's thread

	drawing fyne.Resource // the SVG to show; nil shows nothing
	want    artJob        // the raster the view needs now
	have    artJob        // the raster on screen
	busy    bool          // a raster is being made; when it lands, want is checked again
}

// artJob names a raster: which drawing, and its size in pixels.
type artJob struct {
	name string
	w, h int
}

// newArtView is a drawing that keeps its aspect ratio inside whatever space it gets, at least
// minWidth wide. deliver runs work on Fyne's thread (fyne.Do; tests queue it).
func newArtView(minWidth float32, deliver func(func())) *artView {
	v := &artView{
		image:   &canvas.Image{FillMode: canvas.ImageFillContain},
		min:     fyne.NewSize(minWidth, minWidth*float32(art.Height)/float32(art.Width)),
		deliver: deliver,
	}
	v.ExtendBaseWidget(v)
	return v
}

// setDrawing shows another drawing (an SVG resource from artResource), or none for nil.
func (v *artView) setDrawing(r fyne.Resource) {
	v.drawing = r
	v.ask(v.Size())
}

// settled reports whether the view shows the raster it needs (tests wait for it).
func (v *artView) settled() bool { return !v.busy && v.want == v.have }

func (v *artView) CreateRenderer() fyne.WidgetRenderer { return &artRenderer{v: v} }

// ask works out the raster the view needs at size and has it made if it is not on screen.
func (v *artView) ask(size fyne.Size) {
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	v.want = artJob{}
	if v.drawing != nil && size.Width >= 1 && size.Height >= 1 {
		w, h := art.FitSize(int(math.Ceil(float64(size.Width*scale))), int(math.Ceil(float64(size.Height*scale))))
		v.want = artJob{name: v.drawing.Name(), w: w, h: h}
	}
	if v.want.name == "" && v.have.name != "" {
		v.image.Image, v.have = nil, artJob{}
		v.image.Refresh()
	}
	v.render()
}

// render makes the wanted raster on a goroutine of its own, one at a time.
func (v *artView) render() {
	if v.busy || v.want == v.have {
		return
	}
	v.busy = true
	job, svg := v.want, v.drawing.Content()
	go func() {
		img, err := art.Render(svg, job.w, job.h)
		v.deliver(func() {
			v.busy = false
			switch {
			case err != nil:
				fyne.LogError("drawing "+job.name, err)
				v.have = job // drawn as well as it can be: do not try again at once
			case job.name == v.want.name:
				// Even at an outdated size it beats the old drawing, or none.
				v.image.Image, v.have = img, job
				v.image.Refresh()
			}
			v.render()
		})
	}()
}

type artRenderer struct{ v *artView }

func (r *artRenderer) Layout(size fyne.Size) {
	r.v.image.Resize(size)
	r.v.ask(size)
}

func (r *artRenderer) MinSize() fyne.Size           { return r.v.min }
func (r *artRenderer) Refresh()                     { r.v.ask(r.v.Size()); r.v.image.Refresh() }
func (r *artRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.v.image} }
func (r *artRenderer) Destroy()                     {}
