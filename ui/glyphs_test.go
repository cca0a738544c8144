package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"
)

// A rune missing from Fyne's bundled Noto Sans makes Fyne look through the system's fonts and
// load one that has it, for every text style that draws it: megabytes of memory and a slower
// first frame, for one arrow or tick. Every text the window can draw keeps to the bundled fonts.

// bundledLacks returns the runes of s that the bundled regular or bold face (the two styles the
// app draws) has no glyph for. Control characters (newlines, tabs) are not drawn as glyphs.
func bundledLacks(t *testing.T, s string) []rune {
	t.Helper()
	var missing []rune
	for _, res := range []fyne.Resource{theme.DefaultTextFont(), theme.DefaultTextBoldFont()} {
		f, err := sfnt.Parse(res.Content())
		if err != nil {
			t.Fatalf("reading %s: %v", res.Name(), err)
		}
		var buf sfnt.Buffer
		for _, r := range s {
			if r < 0x20 || strings.ContainsRune(string(missing), r) {
				continue
			}
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				missing = append(missing, r)
			}
		}
	}
	return missing
}

// TestSourceTextsUseBundledGlyphs reads every string literal in the packages whose words reach the
// window (routine texts, ui labels and key help, data and sound notices).
func TestSourceTextsUseBundledGlyphs(t *testing.T) {
	for _, dir := range []string{".", "../routine", "../data", "../sound"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		fset := token.NewFileSet()
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || (lit.Kind != token.STRING && lit.Kind != token.CHAR) {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
				}
				if missing := bundledLacks(t, s); len(missing) > 0 {
					t.Errorf("%s: %q has %q, which Fyne's bundled Noto Sans lacks: use words or a glyph it has",
						fset.Position(lit.Pos()), s, string(missing))
				}
				return true
			})
		}
	}
}

// TestDrawnTextsUseBundledGlyphs walks what each page, the session card at every step and the
// dialogs draw, texts put together at run time included.
func TestDrawnTextsUseBundledGlyphs(t *testing.T) {
	h := newHarness(t, `{"version":1,"safety_acknowledged":true}`, fyne.NewSize(1280, 800))
	check := func(where string) {
		t.Helper()
		var texts strings.Builder
		texts.WriteString(allText(h.w.Canvas().Content()))
		for _, o := range h.w.Canvas().Overlays().List() {
			texts.WriteString(allText(o))
		}
		if missing := bundledLacks(t, texts.String()); len(missing) > 0 {
			t.Errorf("%s draws %q, which Fyne's bundled Noto Sans lacks", where, string(missing))
		}
	}
	for _, p := range []struct {
		name string
		page pageName
	}{{"safety", pageSafety}, {"start", pageStart}, {"adjust", pageAdjust}, {"history", pageHistory}} {
		h.c.pages.show(p.page)
		check("the " + p.name + " page")
	}
	h.c.pages.show(pageStart)
	h.key(fyne.KeyReturn)
	for i := 0; h.c.pages.current == pageSession && i < 40; i++ {
		check("the session at step " + strconv.Itoa(h.c.session.StepIndex()))
		h.key(fyne.KeyRight)
		h.pump()
	}
	check("the page after the last step")
	h.c.showKeys()
	check("the keys dialog")
	h.c.pages.closeDialog()
}
