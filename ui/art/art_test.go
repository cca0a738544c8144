package art

import (
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"backroll/routine"
)

var palettes = map[string]Palette{"light": LightPalette(), "dark": DarkPalette()}

func allKeys() []string { return append(Keys(), NotHere) }

// tile is one picture placed on a canvas for rendering.
type tile struct {
	key      string
	mirrored bool
	x, y     float32
}

// render draws tiles of Width×Height on a bg-filled canvas through Render, as the window
// does, and Fyne's software painter, and returns the captured pixels.
func render(t testing.TB, p Palette, w, h float32, tiles ...tile) image.Image {
	t.Helper()
	test.NewTempApp(t)
	bg := canvas.NewRectangle(hexColour(t, p.Background))
	bg.Resize(fyne.NewSize(w, h))
	objs := []fyne.CanvasObject{bg}
	for _, tl := range tiles {
		svg, err := SVG(tl.key, tl.mirrored, p)
		if err != nil {
			t.Fatal(err)
		}
		raster, err := Render(svg, Width, Height)
		if err != nil {
			t.Fatal(err)
		}
		img := canvas.NewImageFromImage(raster)
		img.FillMode = canvas.ImageFillContain
		img.Move(fyne.NewPos(tl.x, tl.y))
		img.Resize(fyne.NewSize(Width, Height))
		objs = append(objs, img)
	}
	win := test.NewTempWindow(t, container.NewWithoutLayout(objs...))
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	return win.Canvas().Capture()
}

func hexColour(t testing.TB, s string) color.NRGBA {
	t.Helper()
	var c color.NRGBA
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &c.R, &c.G, &c.B); err != nil {
		t.Fatalf("bad colour %q: %v", s, err)
	}
	c.A = 0xff
	return c
}

func near(a, b color.Color, tol int) bool {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) bool { return abs(int(x>>8)-int(y>>8)) <= tol }
	return d(ar, br) && d(ag, bg) && d(ab, bb)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// share is the fraction of pixels within tol of c.
func share(img image.Image, c color.Color, tol int) float64 {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if near(img.At(x, y), c, tol) {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

func TestKeysMatchEmbeddedFiles(t *testing.T) {
	want := []string{"upper-back", "t-spine", "lats", "glutes", "hip-front", "finish"}
	if !slices.Equal(Keys(), want) {
		t.Fatalf("Keys() = %v, want routine order %v", Keys(), want)
	}
	names, err := fs.Glob(files, "*.svg")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range names {
		got = append(got, strings.TrimSuffix(n, ".svg"))
	}
	all := allKeys()
	slices.Sort(got)
	slices.Sort(all)
	if !slices.Equal(got, all) {
		t.Fatalf("embedded drawings %v, want exactly %v", got, all)
	}
	for _, k := range allKeys() {
		if got, want := PerSide(k), k == Lats || k == Glutes || k == HipFront; got != want {
			t.Errorf("PerSide(%q) = %v, want %v", k, got, want)
		}
	}
}

// allowed lists the SVG subset Fyne's renderer handles well. Strokes are left
// out on purpose: it keeps stroke widths in device pixels, so they would not
// scale with the picture.
var allowed = map[string][]string{
	"svg":      {"xmlns", "viewBox", "width", "height"},
	"g":        {"fill", "fill-opacity", "transform"},
	"rect":     {"x", "y", "width", "height", "rx", "ry", "fill", "fill-opacity", "transform"},
	"circle":   {"cx", "cy", "r", "fill", "fill-opacity", "transform"},
	"ellipse":  {"cx", "cy", "rx", "ry", "fill", "fill-opacity", "transform"},
	"path":     {"d", "fill", "fill-opacity", "transform"},
	"polygon":  {"points", "fill", "fill-opacity", "transform"},
	"polyline": {"points", "fill", "fill-opacity", "transform"},
}

func TestSourcesUseOnlySupportedSVG(t *testing.T) {
	for _, k := range allKeys() {
		src, err := files.ReadFile(k + ".svg")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(src), `<svg `) {
			t.Errorf("%s: must start with <svg so Fyne sniffs it as SVG", k)
		}
		d := xml.NewDecoder(strings.NewReader(string(src)))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", k, err)
			}
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			attrs, ok := allowed[se.Name.Local]
			if !ok {
				t.Errorf("%s: element <%s> is not allowed", k, se.Name.Local)
				continue
			}
			for _, a := range se.Attr {
				if !slices.Contains(attrs, a.Name.Local) {
					t.Errorf("%s: <%s %s> is not allowed", k, se.Name.Local, a.Name.Local)
				}
				if a.Name.Local == "fill" && !strings.HasPrefix(a.Value, "{{") {
					t.Errorf("%s: hard-coded colour %q", k, a.Value)
				}
				if se.Name.Local == "svg" && a.Name.Local == "viewBox" && a.Value != fmt.Sprintf("0 0 %d %d", Width, Height) {
					t.Errorf("%s: viewBox %q", k, a.Value)
				}
			}
		}
		// Only the mistake picture may show the warning colour.
		if got := strings.Contains(string(src), "{{warn}}"); got != (k == NotHere) {
			t.Errorf("%s: uses {{warn}} = %v", k, got)
		}
	}
}

func TestSVGReplacesEveryToken(t *testing.T) {
	for name, p := range palettes {
		for _, k := range allKeys() {
			for _, m := range []bool{false, true} {
				out, err := SVG(k, m, p)
				if err != nil {
					t.Fatalf("%s %s mirrored=%v: %v", name, k, m, err)
				}
				if strings.Contains(string(out), "{{") {
					t.Errorf("%s %s mirrored=%v: token left in output", name, k, m)
				}
				if !strings.Contains(string(out), p.Figure) || !strings.Contains(string(out), p.Roller) {
					t.Errorf("%s %s: figure or roller colour missing", name, k)
				}
				if err := xml.Unmarshal(out, new(struct{})); err != nil {
					t.Errorf("%s %s mirrored=%v: not well-formed: %v", name, k, m, err)
				}
			}
		}
	}
}

func TestSVGErrors(t *testing.T) {
	if _, err := SVG("lower-back", false, LightPalette()); err == nil || !strings.Contains(err.Error(), `"lower-back"`) {
		t.Errorf("unknown key: got %v, want an error naming it", err)
	}
	p := LightPalette()
	p.Arrow = "teal"
	if _, err := SVG(Lats, false, p); err == nil || !strings.Contains(err.Error(), "Arrow") {
		t.Errorf("bad palette colour: got %v, want an error naming Arrow", err)
	}
	if _, err := SVG(Lats, false, Palette{}); err == nil {
		t.Error("empty palette: want an error")
	}
}

func TestResourceNamesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range palettes {
		for _, k := range allKeys() {
			for _, m := range []bool{false, true} {
				n := ResourceName(k, m, p)
				if seen[n] || !strings.HasSuffix(n, ".svg") {
					t.Errorf("ResourceName(%q, %v) = %q: repeated or not .svg", k, m, n)
				}
				seen[n] = true
			}
		}
	}
}

func TestRenders(t *testing.T) {
	for name, p := range palettes {
		bg := hexColour(t, p.Background)
		for _, k := range allKeys() {
			for _, m := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/mirrored=%v", name, k, m), func(t *testing.T) {
					img := render(t, p, Width, Height, tile{key: k, mirrored: m})
					if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
						t.Fatalf("captured %v", b)
					}
					drawn := 1 - share(img, bg, 2)
					if drawn < 0.08 || drawn > 0.6 {
						t.Errorf("%.1f%% of pixels drawn, want a figure on an open background", drawn*100)
					}
					// Each part must show in its own colour, so a broken
					// substitution or a shape the renderer dropped is caught.
					parts := map[string]string{"figure": p.Figure, "roller": p.Roller, "rollerEdge": p.RollerEdge, "floor": p.Floor, "arrow": p.Arrow}
					if k == NotHere {
						parts["warn"] = p.Warn
					}
					for part, c := range parts {
						if s := share(img, hexColour(t, c), 6); s < 0.001 {
							t.Errorf("%s colour covers only %.2f%% of the picture", part, s*100)
						}
					}
					if k != Finish {
						if s := share(img, hexColour(t, p.Figure), 6); s < 0.05 {
							t.Errorf("figure covers only %.1f%%", s*100)
						}
					}
				})
			}
		}
	}
}

func TestMirroredIsAFlip(t *testing.T) {
	p := LightPalette()
	for _, k := range allKeys() {
		right := render(t, p, Width, Height, tile{key: k})
		left := render(t, p, Width, Height, tile{key: k, mirrored: true})
		same, flipped := 0, 0
		for y := 0; y < Height; y++ {
			for x := 0; x < Width; x++ {
				if near(left.At(x, y), right.At(x, y), 8) {
					same++
				}
				if near(left.At(x, y), right.At(Width-1-x, y), 40) {
					flipped++
				}
			}
		}
		n := float64(Width * Height)
		if float64(same)/n > 0.97 {
			t.Errorf("%s: mirrored picture is %.1f%% the same as the original", k, 100*float64(same)/n)
		}
		if float64(flipped)/n < 0.99 {
			t.Errorf("%s: mirrored picture matches the flipped original on only %.1f%% of pixels", k, 100*float64(flipped)/n)
		}
	}
}

// TestContactSheet writes docs/illustrations-{light,dark}.png style sheets
// into $ART_CONTACT_SHEET, e.g.
//
//	ART_CONTACT_SHEET=$PWD/docs go test ./ui/art -run ContactSheet
func TestContactSheet(t *testing.T) {
	dir := os.Getenv("ART_CONTACT_SHEET")
	if dir == "" {
		t.Skip("set ART_CONTACT_SHEET to a directory to write contact sheets")
	}
	// Pairs per row: per-side moves show right then left.
	rows := [][2]tile{
		{{key: UpperBack}, {key: TSpine}},
		{{key: Lats}, {key: Lats, mirrored: true}},
		{{key: Glutes}, {key: Glutes, mirrored: true}},
		{{key: HipFront}, {key: HipFront, mirrored: true}},
		{{key: Finish}, {key: NotHere}},
	}
	const gap = 24
	var tiles []tile
	for r, row := range rows {
		for c, tl := range row {
			tl.x = float32(gap + c*(Width+gap))
			tl.y = float32(gap + r*(Height+gap))
			tiles = append(tiles, tl)
		}
	}
	w := float32(gap + 2*(Width+gap))
	h := float32(gap + len(rows)*(Height+gap))
	for name, p := range palettes {
		img := render(t, p, w, h, tiles...)
		path := filepath.Join(dir, "illustrations-"+name+".png")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
}

// Every move of the default routine, in every roller mode, has a drawing, and per-side moves are
// exactly the ones drawn for a side.
func TestEveryRoutineMoveHasADrawing(t *testing.T) {
	for _, r := range routine.Rollers {
		for _, m := range routine.NewPlan(routine.DefaultPattern, r).Steps {
			if _, err := SVG(m.Move.Art, false, LightPalette()); err != nil {
				t.Errorf("%s: %v", m.Move.ID, err)
			}
			if PerSide(m.Move.Art) != m.Move.PerSide {
				t.Errorf("%s: drawn per side %v, done per side %v", m.Move.ID, PerSide(m.Move.Art), m.Move.PerSide)
			}
		}
	}
}
