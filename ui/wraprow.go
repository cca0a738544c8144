package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// wrapRow lays buttons out right-aligned, in as many lines as the width needs: the start page's
// row of page buttons is wider than an 800 px window in German.
type wrapRow struct {
	width float32 // the width of the last layout; 0 before the first
}

// lines splits the visible objects into lines no wider than width (one line when width is 0).
func (l *wrapRow) lines(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	pad := theme.Padding()
	var lines [][]fyne.CanvasObject
	used := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(lines) == 0 || width > 0 && used+pad+w > width {
			lines = append(lines, nil)
			used = -pad
		}
		lines[len(lines)-1] = append(lines[len(lines)-1], o)
		used += pad + w
	}
	return lines
}

// lineSize is how wide and tall one line's objects are side by side.
func lineSize(line []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(theme.Padding()*float32(len(line)-1), 0)
	for _, o := range line {
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (l *wrapRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	y := float32(0)
	for _, line := range l.lines(objs, size.Width) {
		ls := lineSize(line)
		x := size.Width - ls.Width
		for _, o := range line {
			w := o.MinSize().Width
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, ls.Height))
			x += w + theme.Padding()
		}
		y += ls.Height + theme.Padding()
	}
}

func (l *wrapRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, line := range l.lines(objs, l.width) {
		ls := lineSize(line)
		s.Width = max(s.Width, ls.Width)
		if i > 0 {
			s.Height += theme.Padding()
		}
		s.Height += ls.Height
	}
	return s
}
