package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"

	"backroll/routine"
	"backroll/ui/art"
)

// artResource returns a move's drawing in the current theme's colours, mirrored for the left side,
// on the given surface colour (the drawings cut limbs apart with it).
func artResource(key string, side routine.Side, surface color.Color) fyne.Resource {
	p := art.LightPalette()
	if isDark() {
		p = art.DarkPalette()
	}
	p.Background = hexColour(surface)
	mirrored := side == routine.Left
	svg, err := art.SVG(key, mirrored, p)
	if err != nil {
		fyne.LogError("illustration", err)
		return nil
	}
	// Fyne caches a drawn SVG by resource name, so the name must change with side and colours.
	return fyne.NewStaticResource(art.ResourceName(key, mirrored, p), svg)
}

func hexColour(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}
