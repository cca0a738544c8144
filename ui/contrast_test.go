package ui

import (
	"image/color"
	"math"
	"testing"
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
