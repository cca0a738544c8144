package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/routine"
	"backroll/ui/i18n"
)

// adjustPage shapes the routine: each move's time, a move left out today or always, the finish's
// breaths, and the Full / Short / Mine presets. The order of the moves cannot change. Every
// action has a key: Up and Down choose a move, Left and Right make it shorter or longer, T out today, A always out, P preset.
type adjustPage struct {
	c        *coach
	root     fyne.CanvasObject
	presets  *widget.RadioGroup
	rows     []*adjustRow
	total    *widget.Label
	advice   *widget.Label
	selected int
	updating bool
}

// adjustRow is one move: its name, its time with − and +, and the two ways to leave it out.
type adjustRow struct {
	id     string
	bg     *canvas.Rectangle
	title  *widget.Label
	value  *widget.Label
	today  *widget.Check
	always *widget.Check
}

func newAdjustPage(c *coach) *adjustPage {
	p := &adjustPage{c: c, total: subheading(""), advice: wrapped("")}
	p.presets = widget.NewRadioGroup(presetLabels(), func(label string) {
		if i := slices.Index(presetLabels(), label); i >= 0 && !p.updating {
			p.setPreset(routine.RoutinePresets[i])
		}
	})
	p.presets.Horizontal = true
	p.presets.Required = true
	list := container.NewVBox()
	for i, m := range routine.DefaultMoves() {
		row := &adjustRow{id: m.ID, bg: &canvas.Rectangle{CornerRadius: 8}, title: widget.NewLabelWithStyle(i18n.R(m.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			value: widget.NewLabel("")}
		row.today = widget.NewCheck(lang.X("adjust.out-today", "Out today"), func(on bool) {
			if !p.updating {
				p.selected = i
				p.setOut(row.id, on, true)
			}
		})
		row.always = widget.NewCheck(lang.X("adjust.always-out", "Always out"), func(on bool) {
			if !p.updating {
				p.selected = i
				p.setOut(row.id, on, false)
			}
		})
		shorter := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { p.selected = i; p.nudge(-1) })
		longer := widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { p.selected = i; p.nudge(1) })
		length := container.NewHBox(shorter, container.NewGridWrap(fyne.NewSize(170, row.value.MinSize().Height), row.value), longer)
		line := container.NewBorder(nil, nil, row.title, container.NewHBox(length, row.today, row.always))
		list.Add(container.NewStack(row.bg, container.NewPadded(line)))
		p.rows = append(p.rows, row)
	}
	hint := wrapped(lang.X("adjust.hint", "Up and Down choose a move  ·  Left and Right: shorter or longer  ·  T out today  ·  A always out  ·  P Full, Short or Mine. The order of the moves stays: the upper back comes first for a reason."))
	hint.Importance = widget.LowImportance
	done := bigButton(lang.X("adjust.done", "Done  (Enter)"), theme.ConfirmIcon(), func() { c.pages.show(pageStart) })
	top := container.NewVBox(heading(lang.X("adjust.title", "Adjust your routine")),
		container.NewHBox(widget.NewLabel(lang.X("adjust.routine", "Routine  (P)")), p.presets), hint)
	bottom := container.NewVBox(p.total, p.advice, container.NewBorder(nil, nil, nil, done))
	p.root = container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil,
		container.NewVScroll(container.NewPadded(list)))
	return p
}

// presetLabels names routine.RoutinePresets, in their order.
func presetLabels() []string {
	var labels []string
	for _, p := range routine.RoutinePresets {
		labels = append(labels, i18n.R(p.Label()))
	}
	return labels
}

// adjustment is the routine as adjusted, today's skips included.
func (p *adjustPage) adjustment() routine.Adjustment {
	return p.c.prefs.Get().RoutineOn(p.c.now())
}

// store saves a and redraws.
func (p *adjustPage) store(a routine.Adjustment) {
	p.c.setRoutine(a)
	p.refresh()
}

func (p *adjustPage) setPreset(preset routine.RoutinePreset) {
	a := p.adjustment()
	a.Preset = preset
	p.store(a)
}

// cyclePreset moves to the next preset: Full, Short, Mine.
func (p *adjustPage) cyclePreset() {
	a := p.adjustment()
	for i, q := range routine.RoutinePresets {
		if q == a.Preset {
			p.setPreset(routine.RoutinePresets[(i+1)%len(routine.RoutinePresets)])
			return
		}
	}
	p.setPreset(routine.RoutineFull)
}

// nudge makes the selected move one step longer (+1) or shorter (-1): ten seconds, or a breath
// for the finish. At the end of its range nothing changes, and a preset stays a preset.
func (p *adjustPage) nudge(dir int) {
	a := p.adjustment()
	id := p.rows[p.selected].id
	before := a.Custom()
	after := before
	if id == routine.Finish {
		after.FinishBreaths = min(max(after.FinishBreaths+dir, routine.FinishBreaths.Min), routine.FinishBreaths.Max)
	} else {
		after = after.WithLength(id, after.Length(id)+routine.LengthStep*time.Duration(dir))
	}
	if after == before {
		return
	}
	p.store(a.Edit(func(c *routine.Custom) { *c = after }))
}

// setOut leaves a move out (or puts it back) for today only or always. One move always stays in.
func (p *adjustPage) setOut(id string, out, today bool) {
	a := p.adjustment()
	set := func(s routine.MoveSet) routine.MoveSet {
		if out {
			return s.With(id)
		}
		return s.Without(id)
	}
	next := a
	if today {
		next.Today = set(a.Today)
	} else {
		next = a.Edit(func(c *routine.Custom) { c.Out = set(c.Out) })
	}
	if len((next.Custom().Out | next.Today).IDs()) == routine.MoveCount {
		p.advice.SetText(lang.X("adjust.keep-one", "At least one move stays in: the breathing finish is there even on the shortest day."))
		p.refreshRows(a)
		return
	}
	p.store(next)
}

// toggle flips the selected move's "out today" (T) or "always out" (A).
func (p *adjustPage) toggle(today bool) {
	a := p.adjustment()
	id := p.rows[p.selected].id
	if today {
		p.setOut(id, !a.Today.Has(id), true)
	} else {
		p.setOut(id, !a.Custom().Out.Has(id), false)
	}
}

// move changes the selected row.
func (p *adjustPage) move(delta int) {
	p.selected = (p.selected + delta + len(p.rows)) % len(p.rows)
	p.refreshRows(p.adjustment())
}

// refresh shows the adjustment as stored.
func (p *adjustPage) refresh() {
	a := p.adjustment()
	plan := p.c.plan()
	p.updating = true
	p.presets.SetSelected(i18n.R(a.Preset.Label()))
	p.updating = false
	p.total.SetText(lang.X("adjust.total", "{{.Time}} in all  ·  {{.Preset}} routine",
		map[string]any{"Time": routine.MinSec(plan.Total()), "Preset": i18n.R(a.Preset.Label())}))
	p.advice.SetText(totalAdvice(plan.Total()))
	p.refreshRows(a)
}

func (p *adjustPage) refreshRows(a routine.Adjustment) {
	c := a.Custom()
	moves := routine.DefaultMoves()
	p.updating = true
	defer func() { p.updating = false }()
	for i, row := range p.rows {
		m := moves[i]
		switch {
		case m.ID == routine.Finish:
			row.value.SetText(lang.X("adjust.breaths", "{{.Count}} breaths", map[string]any{"Count": c.FinishBreaths}))
		case m.PerSide:
			row.value.SetText(lang.X("adjust.a-side", "{{.Time}} a side", map[string]any{"Time": routine.MinSec(c.Length(m.ID))}))
		default:
			row.value.SetText(routine.MinSec(c.Length(m.ID)))
		}
		row.today.SetChecked(a.Today.Has(m.ID))
		row.always.SetChecked(c.Out.Has(m.ID))
		out := a.Today.Has(m.ID) || c.Out.Has(m.ID)
		row.title.Importance = widget.MediumImportance
		row.value.Importance = widget.MediumImportance
		if out {
			row.title.Importance = widget.LowImportance
			row.value.Importance = widget.LowImportance
		}
		row.title.Refresh()
		row.value.Refresh()
		fill := themeColor(colorCard)
		if i == p.selected {
			fill = withAlpha(themeColor(theme.ColorNamePrimary), 0x40)
		}
		if row.bg.FillColor != fill {
			row.bg.FillColor = fill
			row.bg.Refresh()
		}
	}
}

// typedKey handles the adjust page's keys; it reports whether it used the key.
func (p *adjustPage) typedKey(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyUp:
		p.move(-1)
	case fyne.KeyDown:
		p.move(1)
	case fyne.KeyLeft:
		p.nudge(-1)
	case fyne.KeyRight:
		p.nudge(1)
	default:
		return false
	}
	return true
}

// typedRune handles T, A and P; it reports whether it used the key.
func (p *adjustPage) typedRune(r rune) bool {
	switch r {
	case 't', 'T':
		p.toggle(true)
	case 'a', 'A':
		p.toggle(false)
	case 'p', 'P':
		p.cyclePreset()
	default:
		return false
	}
	return true
}

// setRoutine stores the adjusted routine; the next session follows it. A session under way keeps
// its plan.
func (c *coach) setRoutine(a routine.Adjustment) {
	now := c.now()
	c.prefs.Update(func(pr *data.Preferences) { pr.SetRoutine(a, now) })
	if s := c.session.State(); s == routine.Ready || s == routine.Done {
		c.session = routine.NewSession(c.plan(), c.sound)
	}
}
