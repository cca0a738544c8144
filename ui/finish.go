package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/routine"
	"backroll/ui/i18n"
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
		feel(lang.X("finish.better", "1  Better"), data.FeltBetter), feel(lang.X("finish.same", "2  The same"), data.FeltSame),
		feel(lang.X("finish.worse", "3  Worse"), data.FeltWorse))
	again := wrapped(i18n.R(routine.HowOften) + " " + i18n.R(routine.WhatToExpect))
	done := bigButton(lang.X("finish.back", "Back to the start  (Enter)"), theme.HomeIcon(), func() { c.pages.show(pageStart) })
	history := widget.NewButtonWithIcon(lang.X("start.history", "History  (H)"), theme.HistoryIcon(), c.showHistory)
	p.root = container.NewPadded(container.NewVBox(
		p.title, p.summary, widget.NewSeparator(),
		subheading(lang.X("finish.question", "How does your back feel?")), p.feelings, p.thanks, widget.NewSeparator(),
		p.week, again, container.NewBorder(nil, nil, nil, history, done)))
	return p
}

func (p *finishPage) set(r data.Session) {
	switch {
	case r.Finished && r.StepsDone == r.TotalSteps:
		p.title.SetText(lang.X("finish.done", "Well done. That's the routine."))
	case r.Finished:
		p.title.SetText(lang.X("finish.end", "That's the end of the routine."))
	default:
		p.title.SetText(lang.X("finish.early", "Session ended early. That's fine."))
	}
	p.summary.SetText(lang.X("finish.summary", "{{.Time}} of rolling and breathing  ·  {{.Done}} of {{.Total}} steps",
		map[string]any{"Time": routine.MinSec(time.Duration(r.Seconds) * time.Second), "Done": r.StepsDone, "Total": r.TotalSteps}))
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
		p.thanks.SetText(lang.X("finish.worse.advice", "Thank you. Next time go lighter and slower, or try the softer roller mode. If pain is sharp or comes with numbness or weakness, see a clinician."))
	default:
		p.thanks.SetText(lang.X("finish.noted", "Thank you, noted."))
	}
	p.feelings.Hide()
}
