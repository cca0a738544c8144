package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/routine"
)

// finishPage closes a session: how long, how many steps, a one-tap "how does your back feel",
// the week, and a calm word about coming back in a day or two.
type finishPage struct {
	c        *coach
	root     fyne.CanvasObject
	title    *widget.Label
	summary  *widget.Label
	week     *widget.Label
	thanks   *widget.Label
	feelings *fyne.Container
}

func newFinishPage(c *coach) *finishPage {
	p := &finishPage{c: c, title: heading(""), summary: subheading(""), week: wrapped(""), thanks: wrapped("")}
	feel := func(label string, f data.Feeling) *widget.Button {
		return widget.NewButton(label, func() { p.answer(f) })
	}
	p.feelings = container.NewGridWithColumns(3,
		feel("1  Better", data.FeltBetter), feel("2  The same", data.FeltSame), feel("3  Worse", data.FeltWorse))
	again := wrapped(routine.HowOften + " " + routine.WhatToExpect)
	done := bigButton("Back to the start  (Enter)", theme.HomeIcon(), func() { c.pages.show(pageStart) })
	history := widget.NewButtonWithIcon("History  (H)", theme.HistoryIcon(), c.showHistory)
	p.root = container.NewPadded(container.NewVBox(
		p.title, p.summary, widget.NewSeparator(),
		subheading("How does your back feel?"), p.feelings, p.thanks, widget.NewSeparator(),
		p.week, again, container.NewBorder(nil, nil, nil, history, done)))
	return p
}

func (p *finishPage) set(r data.Session) {
	switch {
	case r.Finished && r.StepsDone == r.TotalSteps:
		p.title.SetText("Well done. That's the routine.")
	case r.Finished:
		p.title.SetText("That's the end of the routine.")
	default:
		p.title.SetText("Session ended early. That's fine.")
	}
	p.summary.SetText(fmt.Sprintf("%s of rolling and breathing  ·  %d of %d steps",
		routine.MinSec(time.Duration(r.Seconds)*time.Second), r.StepsDone, r.TotalSteps))
	p.thanks.SetText("")
	p.feelings.Show()
	p.refreshWeek()
}

func (p *finishPage) refreshWeek() {
	p.week.SetText(weekWords(data.Summarize(p.c.history, p.c.now())))
}

// answer saves how the back feels; keys 1–3 do the same.
func (p *finishPage) answer(f data.Feeling) {
	p.c.setFeeling(f)
	switch f {
	case data.FeltWorse:
		p.thanks.SetText("Thank you. Next time go lighter and slower, or try the softer roller mode. If pain is sharp or comes with numbness or weakness, see a clinician.")
	default:
		p.thanks.SetText("Thank you, noted.")
	}
	p.feelings.Hide()
}
