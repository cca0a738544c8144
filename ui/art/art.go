// Package art holds Backroll's move illustrations.
//
// Each drawing is an SVG template whose colours are tokens such as {{figure}},
// so the UI can paint it in the current theme's colours. Drawings share one
// figure and one viewBox (0 0 Width Height). Moves done on each side are drawn
// for the right side; SVG mirrors them for the left.
//
// All shapes are fills, never strokes: Fyne's SVG rasteriser keeps stroke
// widths in device pixels, so strokes would look too fat or too thin as the
// picture is resized.
package art

import (
	"bytes"
	"embed"
	"fmt"
	"hash/fnv"
	"strings"

	"backroll/routine"
)

//go:embed *.svg
var files embed.FS

// Drawing keys: a move's drawing is named by its routine ID (Move.Art). The six moves are in
// routine order (see Keys).
const (
	UpperBack = routine.UpperBack
	TSpine    = routine.TSpine
	Lats      = routine.Lats
	Glutes    = routine.Glutes
	HipFront  = routine.HipFront
	Finish    = routine.Finish

	// NotHere shows the commonest mistake: rolling the lower back directly.
	NotHere = "not-here"
)

// Width and Height are the viewBox size of every drawing.
const (
	Width  = 400
	Height = 260
)

// Keys returns the six move keys in routine order; NotHere is separate
// because it is a warning, not a step.
func Keys() []string {
	return []string{UpperBack, TSpine, Lats, Glutes, HipFront, Finish}
}

// PerSide reports whether a move is done on each side in turn. Such drawings
// show the right side; ask SVG for mirrored=true to show the left.
func PerSide(key string) bool {
	switch key {
	case Lats, Glutes, HipFront:
		return true
	}
	return false
}

// Palette holds the hex colours ("#rrggbb") substituted for the tokens.
// Background is only used for thin cut-outs that separate near limbs from
// the body, so it should match whatever the drawing sits on.
type Palette struct {
	Figure, Roller, RollerEdge, Contact, Arrow, Floor, Warn, Background string
}

// LightPalette returns calm colours that read on a light background.
func LightPalette() Palette {
	return Palette{
		Figure:     "#5b6b7f", // slate
		Roller:     "#a9c6e8", // soft blue foam
		RollerEdge: "#4f79a8",
		Contact:    "#f2a541", // honey glow where body meets roller
		Arrow:      "#23917f", // teal: distinct from figure, roller and warning
		Floor:      "#c8c0b0",
		Warn:       "#d64541",
		Background: "#f6f4ef",
	}
}

// DarkPalette returns calm colours that read on a dark background.
func DarkPalette() Palette {
	return Palette{
		Figure:     "#c3ccd8",
		Roller:     "#4a6f99",
		RollerEdge: "#9dbde3",
		Contact:    "#f5b04d",
		Arrow:      "#4fd1b9",
		Floor:      "#4d525b",
		Warn:       "#ff6b5e",
		Background: "#1f2227",
	}
}

// SVG returns the drawing for key with the palette's colours substituted.
// If mirrored, the drawing is flipped left-to-right about its centre.
func SVG(key string, mirrored bool, p Palette) ([]byte, error) {
	src, err := files.ReadFile(key + ".svg")
	if err != nil {
		return nil, fmt.Errorf("art: no drawing named %q", key)
	}
	r, err := p.replacer()
	if err != nil {
		return nil, err
	}
	out := []byte(r.Replace(string(src)))
	if i := bytes.Index(out, []byte("{{")); i >= 0 {
		end := min(i+20, len(out))
		return nil, fmt.Errorf("art: %s has an unknown colour token near %q", key, out[i:end])
	}
	if mirrored {
		return mirror(out)
	}
	return out, nil
}

// ResourceName returns a file name that is unique for a key, side and
// palette. Use it for fyne.NewStaticResource: Fyne caches rasterised SVGs by
// resource name and size, so reusing one name across palettes or sides would
// show a stale picture after a theme change.
func ResourceName(key string, mirrored bool, p Palette) string {
	side := "right"
	if !PerSide(key) {
		side = "both"
	}
	if mirrored {
		side = "left"
	}
	h := fnv.New32a()
	fmt.Fprintf(h, "%+v", p)
	return fmt.Sprintf("%s-%s-%08x.svg", key, side, h.Sum32())
}

// replacer checks every colour before use, since a bad one would make the
// renderer fail later with a much vaguer error.
func (p Palette) replacer() (*strings.Replacer, error) {
	pairs := []struct{ token, name, value string }{
		{"{{figure}}", "Figure", p.Figure},
		{"{{roller}}", "Roller", p.Roller},
		{"{{rollerEdge}}", "RollerEdge", p.RollerEdge},
		{"{{contact}}", "Contact", p.Contact},
		{"{{arrow}}", "Arrow", p.Arrow},
		{"{{floor}}", "Floor", p.Floor},
		{"{{warn}}", "Warn", p.Warn},
		{"{{bg}}", "Background", p.Background},
	}
	var args []string
	for _, c := range pairs {
		if !isHexColour(c.value) {
			return nil, fmt.Errorf("art: palette %s %q is not a #rrggbb colour", c.name, c.value)
		}
		args = append(args, c.token, c.value)
	}
	return strings.NewReplacer(args...), nil
}

func isHexColour(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

// mirror wraps everything inside <svg> in a horizontal flip about Width/2.
// scale needs both arguments: the renderer reads scale(-1) as scale(-1, 0).
func mirror(svg []byte) ([]byte, error) {
	start := bytes.Index(svg, []byte("<svg"))
	end := bytes.LastIndex(svg, []byte("</svg>"))
	if start < 0 || end < 0 {
		return nil, fmt.Errorf("art: drawing is not an <svg> element")
	}
	open := bytes.IndexByte(svg[start:], '>')
	if open < 0 || start+open > end {
		return nil, fmt.Errorf("art: drawing has a malformed <svg> tag")
	}
	body := start + open + 1
	var b bytes.Buffer
	b.Write(svg[:body])
	fmt.Fprintf(&b, "\n<g transform=\"translate(%d 0) scale(-1 1)\">", Width)
	b.Write(svg[body:end])
	b.WriteString("</g>\n")
	b.Write(svg[end:])
	return b.Bytes(), nil
}
