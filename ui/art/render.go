package art

import (
	"bytes"
	"fmt"
	"image"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"
)

// Render rasterises a drawing (from SVG) at the largest size that keeps its aspect ratio inside
// w×h pixels, with the same SVG library Fyne uses. It touches nothing of Fyne, so the window can
// run it on any goroutine: Fyne itself would rasterise on its own thread, at every resize.
func Render(svg []byte, w, h int) (*image.RGBA, error) {
	if w < 1 || h < 1 {
		return nil, fmt.Errorf("art: cannot draw at %d×%d pixels", w, h)
	}
	icon, err := oksvg.ReadIconStream(bytes.NewReader(svg))
	if err != nil {
		return nil, fmt.Errorf("art: reading the drawing: %w", err)
	}
	fw, fh := FitSize(w, h)
	icon.SetTarget(0, 0, float64(fw), float64(fh))
	img := image.NewRGBA(image.Rect(0, 0, fw, fh))
	scanner := rasterx.NewScannerGV(fw, fh, img, img.Bounds())
	if err := drawSafely(icon, rasterx.NewDasher(fw, fh, scanner)); err != nil {
		return nil, err
	}
	return img, nil
}

// drawSafely turns a panic in the SVG library into an error: a drawing that cannot be drawn
// leaves a blank space, not a crashed window.
func drawSafely(icon *oksvg.SvgIcon, d *rasterx.Dasher) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("art: drawing failed: %v", r)
		}
	}()
	icon.Draw(d, 1)
	return nil
}

// FitSize is the size of Render's image for w×h pixels: the viewBox's aspect ratio, as large as
// fits, at least one pixel each way.
func FitSize(w, h int) (fw, fh int) {
	fw, fh = w, h
	if w*Height > h*Width {
		fw = h * Width / Height
	} else {
		fh = w * Height / Width
	}
	return max(fw, 1), max(fh, 1)
}
