package ui

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/routine"
	"backroll/ui/i18n"
)

// emptyLungs is the circle's size at the end of an exhale, as a share of its full size: small
// enough that the growth reads from across a room, large enough to stay a circle, not a dot.
const emptyLungs = 0.36

// colourBlend is how long the circle takes to turn from one phase's colour to the next.
const colourBlend = 800 * time.Millisecond

// BreathCircle is the large circle that grows on the inhale and shrinks on the exhale, with the
// phase word and the seconds left in it. It draws what it is given; the session's one clock
// decides what that is.
type BreathCircle struct {
	widget.BaseWidget
	breath  routine.Breath
	words   string // the phase word, or a state such as "Paused"
	seconds string
	big     bool // floor mode: larger type
}

// NewBreathCircle returns a resting circle.
func NewBreathCircle() *BreathCircle {
	c := &BreathCircle{words: lang.X("circle.ready", "Ready")}
	c.ExtendBaseWidget(c)
	return c
}

// SetBreath draws breath b. It refreshes only what changed, so a frame that moves nothing costs nothing.
func (c *BreathCircle) SetBreath(b routine.Breath, paused bool) {
	words := i18n.R(b.Phase.Words())
	if paused {
		words = lang.X("circle.paused", "Paused")
	}
	seconds := fmt.Sprint(int(math.Ceil(b.Left.Seconds())))
	if c.breath == b && c.words == words && c.seconds == seconds {
		return
	}
	c.breath, c.words, c.seconds = b, words, seconds
	c.Refresh()
}

// SetBig switches the floor mode's larger type.
func (c *BreathCircle) SetBig(big bool) {
	c.big = big
	c.Refresh()
}

// MinSize keeps the circle usable at the smallest window size.
func (c *BreathCircle) MinSize() fyne.Size { return fyne.NewSize(150, 150) }

func (c *BreathCircle) CreateRenderer() fyne.WidgetRenderer {
	r := &circleRenderer{
		c:       c,
		guide:   &canvas.Circle{StrokeWidth: 3},
		fill:    &canvas.Circle{},
		words:   canvas.NewText("", color.Black),
		seconds: canvas.NewText("", color.Black),
	}
	r.words.Text = "\x00" // differs from any phase word, so the first Refresh lays out
	r.words.Alignment = fyne.TextAlignCenter
	r.words.TextStyle.Bold = true
	r.seconds.Alignment = fyne.TextAlignCenter
	r.seconds.TextStyle.Bold = true
	r.Refresh()
	return r
}

type circleRenderer struct {
	c              *BreathCircle
	guide, fill    *canvas.Circle
	words, seconds *canvas.Text
	size           fyne.Size
	big            bool // the floor mode's type, as last laid out
}

func (r *circleRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.guide, r.fill, r.words, r.seconds}
}

func (r *circleRenderer) MinSize() fyne.Size { return r.c.MinSize() }

func (r *circleRenderer) Destroy() {}

func (r *circleRenderer) Layout(size fyne.Size) {
	r.size = size
	d := r.diameter()
	centre := fyne.NewPos(size.Width/2, size.Height/2)
	r.guide.Resize(fyne.NewSquareSize(d))
	r.guide.Move(centre.SubtractXY(d/2, d/2))
	r.placeFill()

	r.words.TextSize = r.wordsSize(d)
	r.seconds.TextSize = r.wordsSize(d) * 2.1
	wordsH := r.words.MinSize().Height
	secondsH := r.seconds.MinSize().Height
	top := centre.Y - (wordsH+secondsH)/2
	r.words.Resize(fyne.NewSize(size.Width, wordsH))
	r.words.Move(fyne.NewPos(0, top))
	r.seconds.Resize(fyne.NewSize(size.Width, secondsH))
	r.seconds.Move(fyne.NewPos(0, top+wordsH*0.85))
}

// diameter is the circle's full size: as much of the space as fits, less the ring's stroke.
func (r *circleRenderer) diameter() float32 {
	return float32(math.Max(0, math.Min(float64(r.size.Width), float64(r.size.Height))-8))
}

// wordsSize scales the phase word with the circle: 48 px and up at 1280×800, larger in floor mode.
func (r *circleRenderer) wordsSize(d float32) float32 {
	share := float32(0.105)
	if r.c.big {
		share = 0.13
	}
	return max(26, d*share)
}

// fillStep is the grain of the fill's size, in pixels: one pixel of radius. Frames in which the
// circle would move less than that (near each turn of the breath) draw nothing at all.
const fillStep = 2

func (r *circleRenderer) placeFill() {
	d := r.diameter()
	fd := d * float32(emptyLungs+(1-emptyLungs)*r.c.breath.Scale)
	fd = float32(math.Round(float64(fd)/fillStep) * fillStep)
	r.fill.Resize(fyne.NewSquareSize(fd))
	r.fill.Move(fyne.NewPos((r.size.Width-fd)/2, (r.size.Height-fd)/2))
}

// Refresh redraws only what changed: on most frames that is the fill alone, so a running circle
// costs one shape a frame, not four.
func (r *circleRenderer) Refresh() {
	fill := r.fillColour()
	textColour := themeColor(theme.ColorNameForeground)
	ring := themeColor(colorRing)
	if r.words.Text != r.c.words || r.seconds.Text != r.c.seconds || r.words.Color != textColour || r.c.big != r.big {
		r.words.Text, r.seconds.Text, r.big = r.c.words, r.c.seconds, r.c.big
		r.words.Color, r.seconds.Color = textColour, textColour
		r.Layout(r.size)
		r.words.Refresh()
		r.seconds.Refresh()
	}
	if r.guide.StrokeColor != ring {
		r.guide.StrokeColor = ring
		r.guide.Refresh()
	}
	before := r.fill.Size()
	r.placeFill()
	if r.fill.FillColor != fill || r.fill.Size() != before {
		r.fill.FillColor = fill
		r.fill.Refresh()
	}
}

// fillColour is teal while breathing in and violet while breathing out, blending at each turn so
// the colour, like the size, never jumps.
func (r *circleRenderer) fillColour() color.Color {
	in, out := themeColor(colorInhale), themeColor(colorExhale)
	b := r.c.breath
	elapsed := time.Duration(0)
	if b.Progress < 1 && b.Progress > 0 {
		elapsed = time.Duration(float64(b.Left) * b.Progress / (1 - b.Progress))
	}
	blend := math.Min(1, float64(elapsed)/float64(colourBlend))
	switch b.Phase {
	case routine.Inhale:
		return mix(out, in, blend)
	case routine.Exhale:
		return mix(in, out, blend)
	case routine.HoldIn:
		return in
	default:
		return out
	}
}

func mix(a, b color.Color, t float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	lerp := func(x, y uint32) uint8 { return uint8((float64(x)*(1-t) + float64(y)*t) / 257) }
	return color.NRGBA{R: lerp(ar, br), G: lerp(ag, bg), B: lerp(ab, bb), A: 0xff}
}
