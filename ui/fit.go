package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// minFit is the smallest share of its size a one-line text may shrink to so that it fits.
const minFit = 0.6

// fit sets t's type to size, or smaller (down to minFit of it) when the text would be wider than
// width: one-line texts such as a move's title or a strip label are longer in some languages
// (German above all) and must not run under what is beside them. A width of 0 (not laid out yet)
// leaves the full size.
func fit(t *canvas.Text, size, width float32) {
	s := size
	if width > 0 {
		if w := fyne.MeasureText(t.Text, size, t.TextStyle).Width; w > width {
			s = max(size*width/w, size*minFit)
		}
	}
	if t.TextSize != s {
		t.TextSize = s
		t.Refresh()
	}
}

// fitPadded lays out one text inset by the theme's padding, as container.NewPadded does, and
// fits it across: its size comes from size, read at each layout so theme changes apply.
type fitPadded struct{ size func() float32 }

func (l fitPadded) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	p := theme.Padding()
	t := objs[0].(*canvas.Text)
	fit(t, l.size(), size.Width-2*p)
	t.Move(fyne.NewPos(p, p))
	t.Resize(fyne.NewSize(size.Width-2*p, size.Height-2*p))
}

func (l fitPadded) MinSize(objs []fyne.CanvasObject) fyne.Size {
	p := theme.Padding()
	return objs[0].MinSize().AddWidthHeight(2*p, 2*p)
}

// titleLayout places a title with a badge at its right, as container.NewBorder(nil, nil, nil,
// badge, title) does, and fits the title into what the badge leaves. When even a slightly smaller
// title would not fit beside the badge (a long German name in a small window), the badge goes on
// a line of its own under the title instead.
type titleLayout struct {
	size  func() float32
	width float32 // the width of the last layout, which decides whether the badge goes under
}

// besideFit is how small a title may get before the badge goes under it.
const besideFit = 0.8

// stacked reports whether the badge goes under the title at width w.
func (l *titleLayout) stacked(t *canvas.Text, badge fyne.CanvasObject, w float32) bool {
	if !badge.Visible() || w <= 0 {
		return false
	}
	need := fyne.MeasureText(t.Text, l.size()*besideFit, t.TextStyle).Width + badge.MinSize().Width + theme.Padding()
	return need > w
}

func (l *titleLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t, badge := objs[0].(*canvas.Text), objs[1]
	l.width = size.Width
	if l.stacked(t, badge, size.Width) {
		fit(t, l.size(), size.Width)
		th := t.MinSize().Height
		t.Move(fyne.NewPos(0, 0))
		t.Resize(fyne.NewSize(size.Width, th))
		b := badge.MinSize()
		badge.Move(fyne.NewPos(0, th+theme.Padding()))
		badge.Resize(b)
		return
	}
	w := size.Width
	if badge.Visible() {
		bw := badge.MinSize().Width
		badge.Move(fyne.NewPos(size.Width-bw, 0))
		badge.Resize(fyne.NewSize(bw, size.Height))
		w -= bw + theme.Padding()
	}
	fit(t, l.size(), w)
	t.Move(fyne.NewPos(0, 0))
	t.Resize(fyne.NewSize(w, size.Height))
}

func (l *titleLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t, badge := objs[0].(*canvas.Text), objs[1]
	m := t.MinSize()
	if !badge.Visible() {
		return m
	}
	b := badge.MinSize()
	if l.stacked(t, badge, l.width) {
		return fyne.NewSize(max(m.Width, b.Width), m.Height+theme.Padding()+b.Height)
	}
	return fyne.NewSize(m.Width+b.Width+theme.Padding(), max(m.Height, b.Height))
}

// besideLayout places a main object with another at its right, as container.NewBorder(nil, nil,
// nil, side, main) does, while both fit at their least widths; when they do not (German button
// labels in a small window), the side goes on a line of its own under the main one, at the right.
type besideLayout struct {
	width float32 // the width of the last layout, which decides whether the side goes under
}

func (l *besideLayout) under(main, side fyne.CanvasObject, w float32) bool {
	return w > 0 && main.MinSize().Width+theme.Padding()+side.MinSize().Width > w
}

func (l *besideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	main, side := objs[0], objs[1]
	l.width = size.Width
	s := side.MinSize()
	if l.under(main, side, size.Width) {
		mh := main.MinSize().Height
		main.Move(fyne.NewPos(0, 0))
		main.Resize(fyne.NewSize(size.Width, mh))
		// No wider than the window: a side that wraps (wrapRow) takes its lines from this width.
		sw := min(s.Width, size.Width)
		side.Move(fyne.NewPos(size.Width-sw, mh+theme.Padding()))
		side.Resize(fyne.NewSize(sw, s.Height))
		return
	}
	side.Move(fyne.NewPos(size.Width-s.Width, 0))
	side.Resize(fyne.NewSize(s.Width, size.Height))
	main.Move(fyne.NewPos(0, 0))
	main.Resize(fyne.NewSize(size.Width-s.Width-theme.Padding(), size.Height))
}

func (l *besideLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m, s := objs[0].MinSize(), objs[1].MinSize()
	if l.under(objs[0], objs[1], l.width) {
		return fyne.NewSize(max(m.Width, s.Width), m.Height+theme.Padding()+s.Height)
	}
	return fyne.NewSize(m.Width+theme.Padding()+s.Width, max(m.Height, s.Height))
}

// fitLine lays out one centred line of text across its width, shrunk (down to minFit) when it is
// wider: a tile's "2 × 1:10, erst rechts, dann links" in German. Its least width is the text at
// minFit, so the text never makes its tile, and the row of tiles, wider.
type fitLine struct{ size func() float32 }

func (l fitLine) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t := objs[0].(*canvas.Text)
	fit(t, l.size(), size.Width-2*theme.Padding()) // a margin, so neighbouring tiles' lines never touch
	t.Move(fyne.NewPos(0, 0))
	t.Resize(size)
}

func (l fitLine) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[0].(*canvas.Text)
	full := fyne.MeasureText(t.Text, l.size(), t.TextStyle)
	return fyne.NewSize(full.Width*minFit+2*theme.Padding(), full.Height)
}
