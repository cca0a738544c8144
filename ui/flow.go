package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flowLayout places groups left to right and wraps them onto a new line when the window is too
// narrow, so the controls never clip at 800 px. On each line, the spare width goes to the groups
// marked as stretchy (the sliders), so a wide window gives them room to be dragged finely.
type flowLayout struct {
	stretchy map[fyne.CanvasObject]bool
	minWidth map[fyne.CanvasObject]float32 // a stretchy group's least comfortable width

	// Reused by lines: Fyne asks for the min size every frame, and fresh slices each time were a
	// tenth of what the window allocated while breathing.
	placed []fyne.CanvasObject
	split  [][]fyne.CanvasObject
}

func newFlowLayout() *flowLayout {
	return &flowLayout{stretchy: map[fyne.CanvasObject]bool{}, minWidth: map[fyne.CanvasObject]float32{}}
}

// stretch marks o as taking spare width, and never narrower than min.
func (l *flowLayout) stretch(o fyne.CanvasObject, min float32) fyne.CanvasObject {
	l.stretchy[o] = true
	l.minWidth[o] = min
	return o
}

func (l *flowLayout) width(o fyne.CanvasObject) float32 {
	return max(o.MinSize().Width, l.minWidth[o])
}

// lines splits the visible objects into lines that fit in width. The lines are valid until the
// next call.
func (l *flowLayout) lines(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	pad := theme.Padding()
	l.placed, l.split = l.placed[:0], l.split[:0]
	start, used := 0, float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := l.width(o)
		if len(l.placed) > start && used+pad+w > width {
			l.split = append(l.split, l.placed[start:len(l.placed):len(l.placed)])
			start, used = len(l.placed), 0
		}
		if len(l.placed) > start {
			used += pad
		}
		l.placed = append(l.placed, o)
		used += w
	}
	if len(l.placed) > start {
		l.split = append(l.split, l.placed[start:])
	}
	return l.split
}

func (l *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	y := float32(0)
	for _, line := range l.lines(objs, size.Width) {
		used, height, stretchy := float32(0), float32(0), 0
		for _, o := range line {
			used += l.width(o)
			height = max(height, o.MinSize().Height)
			if l.stretchy[o] {
				stretchy++
			}
		}
		used += pad * float32(len(line)-1)
		extra := max(size.Width-used, 0)
		x := float32(0)
		for _, o := range line {
			w := l.width(o)
			if stretchy > 0 && l.stretchy[o] {
				w += extra / float32(stretchy)
			}
			o.Move(fyne.NewPos(x, y+(height-o.MinSize().Height)/2))
			o.Resize(fyne.NewSize(w, o.MinSize().Height))
			x += w + pad
		}
		y += height + pad
	}
}

// MinSize is as wide as the widest group, and as tall as the groups are when they wrap at that
// width. Its real height depends on the width it gets: ask heightFor.
func (l *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widest := float32(0)
	for _, o := range objs {
		if o.Visible() {
			widest = max(widest, l.width(o))
		}
	}
	return fyne.NewSize(widest, l.heightFor(objs, widest))
}

// heightFor is the height the groups take when laid out in width.
func (l *flowLayout) heightFor(objs []fyne.CanvasObject, width float32) float32 {
	pad := theme.Padding()
	h := float32(0)
	for i, line := range l.lines(objs, width) {
		lh := float32(0)
		for _, o := range line {
			lh = max(lh, o.MinSize().Height)
		}
		if i > 0 {
			h += pad
		}
		h += lh
	}
	return h
}
