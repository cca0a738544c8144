package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"backroll/routine"
)

// shortNames are the strip's labels: short enough for six to fit across a small window.
var shortNames = map[string]string{
	routine.UpperBack: "Upper back",
	routine.TSpine:    "T-spine",
	routine.Lats:      "Lats",
	routine.Glutes:    "Glutes",
	routine.HipFront:  "Hip front",
	routine.Finish:    "Finish",
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
}

func newStepStrip() *stepStrip {
	s := &stepStrip{root: container.NewGridWithColumns(6)}
	for range 6 {
		cell := &stripCell{bg: &canvas.Rectangle{CornerRadius: 8}, label: canvas.NewText("", themeColor(theme.ColorNameForeground))}
		cell.label.Alignment = fyne.TextAlignCenter
		cell.label.TextSize = theme.Size(theme.SizeNameText)
		s.cells = append(s.cells, cell)
		s.root.Add(container.NewStack(cell.bg, container.NewPadded(cell.label)))
	}
	return s
}

func (s *stepStrip) setPlan(p routine.Plan) {
	s.plan = p
	s.starts = p.MoveIndex()
	for i, start := range s.starts {
		if i < len(s.cells) {
			s.cells[i].label.Text = shortNames[p.Steps[start].Move.ID]
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
			label = shortNames[s.plan.Steps[s.starts[i]].Move.ID]
		}
		switch {
		case i == current:
			cell.bg.FillColor = themeColor(theme.ColorNamePrimary)
			cell.label.Color = themeColor(theme.ColorNameForegroundOnPrimary)
			cell.label.TextStyle.Bold = true
			if side := s.plan.Steps[step].Side; side != routine.NoSide {
				label += " · " + side.Label()
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
	}
}
