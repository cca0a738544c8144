package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tileColumns are the row lengths the start page's move tiles may take, widest first: six moves
// split evenly into rows of three or two when one row of six is wider than the window (800 px,
// or a large text size).
var tileColumns = []int{6, 3, 2, 1}

// tileGrid lays the tiles out as container.NewGridWithColumns(6) does while they fit, and in
// shorter rows when they do not. Each row is as tall as its tallest tile.
type tileGrid struct {
	width float32 // the width of the last layout, which decides the rows' length
}

// cell is the widest tile's least width.
func cell(objs []fyne.CanvasObject) float32 {
	w := float32(0)
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	return w
}

// columns is the longest row that fits in width; the widest when width is not known yet.
func (g *tileGrid) columns(objs []fyne.CanvasObject, width float32) int {
	if width <= 0 {
		return tileColumns[0]
	}
	c, pad := cell(objs), theme.Padding()
	for _, n := range tileColumns {
		if float32(n)*c+float32(n-1)*pad <= width {
			return n
		}
	}
	return 1
}

// rowHeights are the heights of the rows at n tiles a row.
func rowHeights(objs []fyne.CanvasObject, n int) []float32 {
	var rows []float32
	for i, o := range objs {
		if i%n == 0 {
			rows = append(rows, 0)
		}
		rows[len(rows)-1] = max(rows[len(rows)-1], o.MinSize().Height)
	}
	return rows
}

func (g *tileGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	n, pad := g.columns(objs, size.Width), theme.Padding()
	w := (size.Width - float32(n-1)*pad) / float32(n)
	y := float32(0)
	for r, h := range rowHeights(objs, n) {
		for i := r * n; i < min((r+1)*n, len(objs)); i++ {
			objs[i].Move(fyne.NewPos(float32(i-r*n)*(w+pad), y))
			objs[i].Resize(fyne.NewSize(w, h))
		}
		y += h + pad
	}
}

// MinSize is one tile wide, so the tiles never push the window wider, and as tall as the rows
// are at the last layout's width.
func (g *tileGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	n := g.columns(objs, g.width)
	h := float32(0)
	for i, rh := range rowHeights(objs, n) {
		if i > 0 {
			h += theme.Padding()
		}
		h += rh
	}
	return fyne.NewSize(cell(objs), h)
}
