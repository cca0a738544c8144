package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"backroll/routine"
)

// WCAG 2.2 AA: 4.5:1 for body text; 3:1 for large text (24 px and up) and for the graphics a user
// must see, such as the breathing circle's ring.
const (
	minBodyContrast  = 4.5
	minLargeContrast = 3.0
	largeText        = 24 // px
)

// minContrastFor is the least ratio text of size px needs.
func minContrastFor(px float32) float64 {
	if px >= largeText {
		return minLargeContrast
	}
	return minBodyContrast
}

// relativeLuminance is WCAG 2.2's relative luminance of an opaque sRGB colour.
func relativeLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrastRatio is WCAG 2.2's contrast ratio of two opaque colours, from 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// over paints c over the opaque colour under, as the renderer does: a translucent colour is only
// read against what it is drawn on.
func over(under, c color.Color) color.Color {
	ur, ug, ub, _ := under.RGBA()
	cr, cg, cb, ca := c.RGBA() // premultiplied
	mix := func(u, v uint32) uint16 { return uint16(v + u*(0xffff-ca)/0xffff) }
	return color.RGBA64{R: mix(ur, cr), G: mix(ug, cg), B: mix(ub, cb), A: 0xffff}
}

func TestContrastRatioMatchesWCAG(t *testing.T) {
	white, black := color.White, color.Black
	for _, c := range []struct {
		a, b color.Color
		want float64
	}{
		{white, black, 21},
		{black, white, 21},
		{white, white, 1},
		{rgb(0x76, 0x76, 0x76), white, 4.54}, // the lightest grey that passes on white
		{rgb(0x77, 0x77, 0x77), white, 4.48},
		{rgb(0x00, 0x00, 0xff), white, 8.59},
		{rgb(0xff, 0x00, 0x00), white, 4.00},
	} {
		if got := contrastRatio(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
	half := over(white, color.NRGBA{A: 0x80})
	if r, _, _, _ := half.RGBA(); r < 0x7e00 || r > 0x8100 {
		t.Errorf("half black over white = %v, want mid grey", half)
	}
	if over(white, black) != (color.RGBA64{A: 0xffff}) {
		t.Errorf("opaque black over white is not black")
	}
	if minContrastFor(18) != minBodyContrast || minContrastFor(24) != minLargeContrast {
		t.Error("thresholds by size are wrong")
	}
}

// namedPair is one text (or graphic) colour on one background, both from the theme by name.
type namedPair struct {
	what   string
	fg, bg color.Color
	px     float32 // text size; 0 for a graphic that must stand out at 3:1
}

// themePairs lists every colour pairing the app and Fyne's widgets draw with the theme's colours,
// in every state a widget can be in: resting, hovered, focused, pressed and disabled.
func themePairs(th *backrollTheme, v fyne.ThemeVariant) []namedPair {
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	page := c(theme.ColorNameBackground)
	body := th.Size(theme.SizeNameText) * 0.8 // the smallest text size the user can choose
	fg, onPrimary, primary, button := c(theme.ColorNameForeground), c(theme.ColorNameForegroundOnPrimary), c(theme.ColorNamePrimary), c(theme.ColorNameButton)
	hover, focus, pressed := c(theme.ColorNameHover), c(theme.ColorNameFocus), c(theme.ColorNamePressed)
	return []namedPair{
		{"text on the page", fg, page, body},
		{"text on a card, dialog or the check-in banner", fg, over(page, c(colorCard)), body},
		{"text on a dialog", fg, over(page, withAlpha(c(theme.ColorNameOverlayBackground), 230)), body},
		{"text on a button", fg, over(page, button), body},
		{"text on a hovered button", fg, over(over(page, button), hover), body},
		{"text on a focused button", fg, over(over(page, button), focus), body},
		{"text on a pressed button", fg, over(over(page, button), pressed), body},
		{"text in a select", fg, over(page, c(theme.ColorNameInputBackground)), body},
		{"text in a hovered select", fg, over(page, hover), body},
		{"text in a focused select", fg, over(page, focus), body},
		{"primary button", onPrimary, over(page, primary), body},
		{"hovered primary button", onPrimary, over(over(page, primary), hover), body},
		{"focused primary button", onPrimary, over(over(page, primary), focus), body},
		{"pressed primary button", onPrimary, over(over(page, primary), pressed), body},
		{"current move in the strip", onPrimary, over(page, primary), body},
		{"hint (low importance) on the page", c(theme.ColorNameDisabled), page, body},
		{"hint on a card", c(theme.ColorNameDisabled), over(page, c(colorCard)), body},
		{"done move in the strip", c(theme.ColorNameDisabled), over(page, button), body},
		{"disabled button", c(theme.ColorNameDisabled), over(page, c(theme.ColorNameDisabledButton)), body},
		{"placeholder on an input", c(theme.ColorNamePlaceHolder), over(page, c(theme.ColorNameInputBackground)), body},
		{"placeholder on the page", c(theme.ColorNamePlaceHolder), page, body},
		{"caution (warning) on the page", c(theme.ColorNameWarning), page, body},
		{"calm times on the page", c(colorCalm), page, body},
		{"notice banner", fg, over(page, withAlpha(c(theme.ColorNameWarning), 0x40)), body},
		{"LEFT/RIGHT badge", c(theme.ColorNameBackground), over(page, c(colorSide)), body}, // drawn large, held to the body text's 4.5:1
		{"breathing circle's ring", c(colorRing), page, 0},
		{"phase word on the page", fg, page, body},
	}
}

// TestThemeContrast holds every pairing the theme makes to WCAG 2.2 AA, in both variants.
func TestThemeContrast(t *testing.T) {
	for _, variant := range []ThemeChoice{ThemeLight, ThemeDark} {
		th := &backrollTheme{choice: variant}
		for _, p := range themePairs(th, th.variant(theme.VariantLight)) {
			need := minContrastFor(p.px)
			if p.px == 0 {
				need = minLargeContrast
			}
			got := contrastRatio(p.fg, p.bg)
			if got < need {
				t.Errorf("%s: %s is %.2f:1, needs %.1f:1", variant, p.what, got, need)
			} else {
				t.Logf("%s: %-48s %5.2f:1 (needs %.1f)", variant, p.what, got, need)
			}
		}
	}
}

// TestCircleTextContrastThroughTheBlend reads the phase word and seconds against the circle's
// fill as the circle itself draws them, through the whole turn from one colour to the other.
func TestCircleTextContrastThroughTheBlend(t *testing.T) {
	const phaseLength = 4 * time.Second
	for _, variant := range []string{"light", "dark"} {
		for _, floor := range []bool{false, true} {
			h := newHarness(t, `{"version":1,"safety_acknowledged":true,"theme":"`+variant+`"}`, fyne.NewSize(1280, 800))
			h.c.start()
			h.c.setFloor(floor)
			circle := h.c.view.circle
			r := test.WidgetRenderer(circle).(*circleRenderer)
			page := themeColor(theme.ColorNameBackground)
			if got := contrastRatio(over(page, r.guide.StrokeColor), page); got < minLargeContrast {
				t.Errorf("%s: the ring is %.2f:1 against the page, needs %.1f:1", variant, got, minLargeContrast)
			}
			lowest := math.Inf(1)
			for _, phase := range []routine.Phase{routine.Inhale, routine.Exhale, routine.HoldIn, routine.HoldOut} {
				for step := 0; step <= 20; step++ {
					elapsed := time.Duration(float64(colourBlend) * float64(step) / 20)
					circle.SetBreath(routine.Breath{Phase: phase, Progress: float64(elapsed) / float64(phaseLength),
						Left: phaseLength - elapsed, Scale: 0.5}, false)
					fill := over(page, r.fill.FillColor)
					for _, text := range []*canvas.Text{r.words, r.seconds} {
						got := contrastRatio(over(fill, text.Color), fill)
						lowest = min(lowest, got)
						if need := minContrastFor(text.TextSize); got < need {
							t.Errorf("%s (floor %v): %q (%.0f px) over the circle at %v of %s is %.2f:1, needs %.1f:1",
								variant, floor, text.Text, text.TextSize, elapsed, phase, got, need)
						}
					}
				}
			}
			t.Logf("%s (floor %v): lowest phase word or seconds on the circle %.2f:1; ring %.2f:1",
				variant, floor, lowest, contrastRatio(over(page, r.guide.StrokeColor), page))
		}
	}
}

// shape is a filled rectangle or circle, where it was painted.
type shape struct {
	pos   fyne.Position
	size  fyne.Size
	round bool
	fill  color.Color
}

func (s shape) contains(p fyne.Position) bool {
	if s.round {
		r := min(s.size.Width, s.size.Height) / 2
		dx, dy := p.X-(s.pos.X+s.size.Width/2), p.Y-(s.pos.Y+s.size.Height/2)
		return dx*dx+dy*dy <= r*r
	}
	return p.X >= s.pos.X && p.X <= s.pos.X+s.size.Width && p.Y >= s.pos.Y && p.Y <= s.pos.Y+s.size.Height
}

// drawnText is a text as painted, with the colour under it.
type drawnText struct {
	text     string
	fg, bg   color.Color
	px       float32
	contrast float64
}

// painter walks a window's objects in the order they are painted and, at each text, composes
// every shape painted so far under it: the colours read are the ones the app really draws.
type painter struct {
	shapes []shape
	texts  []drawnText
	clip   shape // what is not scrolled out of sight or off the window
}

func paintWindow(w fyne.Window) *painter {
	c := w.Canvas()
	// A real window lays out again whatever's least size changed, such as a banner just shown,
	// before it paints; the test canvas does not, so lay everything out here.
	c.Content().Refresh()
	c.Capture()
	window := shape{size: c.Size(), fill: themeColor(theme.ColorNameBackground)}
	p := &painter{shapes: []shape{window}, clip: window}
	p.walk(c.Content(), fyne.Position{})
	for _, o := range c.Overlays().List() {
		p.walk(o, fyne.Position{})
	}
	return p
}

func (p *painter) walk(o fyne.CanvasObject, origin fyne.Position) {
	if o == nil || !o.Visible() {
		return
	}
	pos := origin.Add(o.Position())
	switch v := o.(type) {
	case *canvas.Rectangle:
		p.addShape(shape{pos: pos, size: v.Size(), fill: v.FillColor})
	case *canvas.Circle:
		p.addShape(shape{pos: pos, size: v.Size(), round: true, fill: v.FillColor})
	case *canvas.Text:
		p.addText(v, pos)
	case *fyne.Container:
		for _, child := range v.Objects {
			p.walk(child, pos)
		}
	case fyne.Widget:
		clip := p.clip
		if _, ok := v.(*container.Scroll); ok {
			p.clip = p.clip.intersect(shape{pos: pos, size: v.Size()})
		}
		for _, child := range test.WidgetRenderer(v).Objects() {
			p.walk(child, pos)
		}
		p.clip = clip
	}
}

func (s shape) intersect(o shape) shape {
	x0, y0 := max(s.pos.X, o.pos.X), max(s.pos.Y, o.pos.Y)
	x1, y1 := min(s.pos.X+s.size.Width, o.pos.X+o.size.Width), min(s.pos.Y+s.size.Height, o.pos.Y+o.size.Height)
	return shape{pos: fyne.NewPos(x0, y0), size: fyne.NewSize(max(x1-x0, 0), max(y1-y0, 0))}
}

func (p *painter) addShape(s shape) {
	if s.fill == nil {
		return
	}
	if _, _, _, a := s.fill.RGBA(); a == 0 {
		return
	}
	p.shapes = append(p.shapes, s)
}

func (p *painter) under(at fyne.Position) color.Color {
	bg := color.Color(color.Black)
	for _, s := range p.shapes {
		if s.contains(at) {
			bg = over(bg, s.fill)
		}
	}
	return bg
}

// addText reads the text against what is under its left, middle and right, and keeps the worst.
func (p *painter) addText(t *canvas.Text, pos fyne.Position) {
	if strings.TrimSpace(t.Text) == "" || t.Color == nil {
		return
	}
	size := t.Size()
	minSize := t.MinSize()
	width := min(minSize.Width, size.Width)
	if size.Width == 0 {
		width = minSize.Width
	}
	x := pos.X
	switch t.Alignment {
	case fyne.TextAlignCenter:
		x += (size.Width - width) / 2
	case fyne.TextAlignTrailing:
		x += size.Width - width
	}
	y := pos.Y + max(size.Height, minSize.Height)/2
	worst := drawnText{text: t.Text, px: t.TextSize, contrast: math.Inf(1)}
	for _, share := range []float32{0.1, 0.5, 0.9} {
		at := fyne.NewPos(x+width*share, y)
		if !p.clip.contains(at) {
			continue // not on screen
		}
		bg := p.under(at)
		fg := over(bg, t.Color)
		if r := contrastRatio(fg, bg); r < worst.contrast {
			worst.fg, worst.bg, worst.contrast = fg, bg, r
		}
	}
	if worst.fg != nil {
		p.texts = append(p.texts, worst)
	}
}

// check fails every text below its threshold and logs the lowest ratio of the scene.
func (p *painter) check(t *testing.T, scene string) {
	t.Helper()
	if len(p.texts) == 0 {
		t.Fatalf("%s: no text found", scene)
	}
	lowest := p.texts[0]
	for _, d := range p.texts {
		need := minContrastFor(d.px)
		if d.contrast < need {
			t.Errorf("%s: %q (%.0f px) is %.2f:1 (%v on %v), needs %.1f:1", scene, d.text, d.px, d.contrast, hex(d.fg), hex(d.bg), need)
		}
		if d.contrast/need < lowest.contrast/minContrastFor(lowest.px) {
			lowest = d
		}
	}
	t.Logf("%-34s %3d texts, lowest %5.2f:1 for %q (%.0f px)", scene, len(p.texts), lowest.contrast, lowest.text, lowest.px)
}

func hex(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}

// TestEveryDrawnTextIsReadable walks every page, the session in its states, floor mode, the
// banners and the dialogs, in both themes, and reads each text against what is painted under it.
func TestEveryDrawnTextIsReadable(t *testing.T) {
	for _, variant := range []string{"light", "dark"} {
		t.Run(variant, func(t *testing.T) {
			scene := func(h *harness, name string) { paintWindow(h.w).check(t, variant+": "+name) }
			h := newHarness(t, `{"version":1,"theme":"`+variant+`"}`, fyne.NewSize(1280, 800))
			scene(h, "safety page")
			h.key(fyne.KeyReturn)
			h.c.pages.notify("Your settings could not be read, so Backroll started with its defaults.")
			scene(h, "start page with a notice")
			h.key(fyne.KeyReturn)
			h.advance(2500 * time.Millisecond)
			scene(h, "session")
			h.c.view.controls.showMore(true)
			scene(h, "session with More open")
			h.c.view.controls.showMore(false)
			h.typeRune(' ')
			scene(h, "session paused")
			h.typeRune(' ')
			for h.c.session.Step().Side == routine.NoSide {
				h.key(fyne.KeyRight)
			}
			h.advance(21 * time.Second)
			if !h.c.checkIn.open {
				t.Fatal("no check-in")
			}
			scene(h, "per-side move with its check-in")
			h.typeRune('3')
			scene(h, "check-in advice")
			h.typeRune('f')
			scene(h, "floor mode")
			h.key(fyne.KeyEscape)
			h.typeRune('?')
			scene(h, "keys dialog")
			h.key(fyne.KeyEscape)
			h.typeRune('x')
			scene(h, "stop dialog")
			h.key(fyne.KeyReturn)
			scene(h, "finish page")
			h.typeRune('3')
			scene(h, "finish page answered")
		})
		// A harness of its own, once the first has finished writing its history.
		t.Run(variant+" small", func(t *testing.T) {
			scene := func(h *harness, name string) { paintWindow(h.w).check(t, variant+": "+name) }
			small := newHarness(t, `{"version":1,"safety_acknowledged":true,"text_size":0.8,"theme":"`+variant+`"}`, fyne.NewSize(800, 500))
			small.key(fyne.KeyReturn)
			small.advance(2500 * time.Millisecond)
			scene(small, "session, small text, 800x500")
			small.typeRune('f')
			scene(small, "floor mode, small text, 800x500")
		})
	}
}
