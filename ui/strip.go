package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"backroll/routine"
	"backroll/ui/i18n"
)

// shortName is a move's label in the strip: short enough for six to fit across a small window.
func shortName(id string) string {
	switch id {
	case routine.UpperBack:
		return lang.X("strip.upper-back", "Upper back")
	case routine.TSpine:
		return lang.X("strip.t-spine", "T-spine")
	case routine.Lats:
		return lang.X("strip.lats", "Lats")
	case routine.Glutes:
		return lang.X("strip.glutes", "Glutes")
	case routine.HipFront:
		return lang.X("strip.hip-front", "Hip front")
	case routine.Finish:
		return lang.X("strip.finish", "Finish")
	}
	return id
}

// stepStrip shows the six moves of the routine with the current one marked and the ones done
// dimmed; a move done on each side shows which side is under way.
type stepStrip struct {
	root   *fyne.Container
	cells  []*stripCell
	starts []int // first step of each move
	plan   routine.Plan
}

type stripCell struct {
	bg    *canvas.Rectangle
	label *canvas.Text
	box   *fyne.Container // the label, fitted across the cell
}

// stripTextSize is the strip labels' full size.
func stripTextSize() float32 { return theme.Size(theme.SizeNameText) }

func newStepStrip() *stepStrip {
	s := &stepStrip{root: container.NewGridWithColumns(6)}
	for range 6 {
		cell := &stripCell{bg: &canvas.Rectangle{CornerRadius: 8}, label: canvas.NewText("", themeColor(theme.ColorNameForeground))}
		cell.label.Alignment = fyne.TextAlignCenter
		cell.label.TextSize = theme.Size(theme.SizeNameText)
		cell.box = container.New(fitPadded{stripTextSize}, cell.label)
		s.cells = append(s.cells, cell)
		s.root.Add(container.NewStack(cell.bg, cell.box))
	}
	return s
}

func (s *stepStrip) setPlan(p routine.Plan) {
	s.plan = p
	s.starts = p.MoveIndex()
	for i, start := range s.starts {
		if i < len(s.cells) {
			s.cells[i].label.Text = shortName(p.Steps[start].Move.ID)
		}
	}
	s.mark(0)
}

// mark highlights the move of step i.
func (s *stepStrip) mark(step int) {
	current := 0
	for i, start := range s.starts {
		if step >= start {
			current = i
		}
	}
	for i, cell := range s.cells {
		label := ""
		if i < len(s.starts) {
			label = shortName(s.plan.Steps[s.starts[i]].Move.ID)
		}
		switch {
		case i == current:
			cell.bg.FillColor = themeColor(theme.ColorNamePrimary)
			cell.label.Color = themeColor(theme.ColorNameForegroundOnPrimary)
			cell.label.TextStyle.Bold = true
			if side := s.plan.Steps[step].Side; side != routine.NoSide {
				label += " · " + i18n.R(side.Label())
			}
		case i < current:
			cell.bg.FillColor = themeColor(theme.ColorNameButton)
			cell.label.Color = themeColor(theme.ColorNameDisabled)
			cell.label.TextStyle.Bold = false
		default:
			cell.bg.FillColor = themeColor(theme.ColorNameButton)
			cell.label.Color = themeColor(theme.ColorNameForeground)
			cell.label.TextStyle.Bold = false
		}
		cell.label.Text = label
		cell.bg.Refresh()
		cell.label.Refresh()
		cell.box.Refresh() // fits the new label across the cell
	}
}
