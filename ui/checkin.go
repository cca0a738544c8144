package ui

import (
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

// checkInBanner is the 20-second "soften, not spike" check: it asks without stopping the breath,
// offers three big answers (keys 1, 2, 3), and on "spiking" gives the kinder fix for the move.
type checkInBanner struct {
	root     *fyne.Container
	bg       *canvas.Rectangle
	question *widget.Label
	advice   *widget.Label
	answers  *fyne.Container
	softer   *widget.Button
}

func newCheckInBanner(c *coach) *checkInBanner {
	b := &checkInBanner{
		bg:       &canvas.Rectangle{CornerRadius: 12},
		question: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		advice:   wrapped(""),
	}
	b.question.SizeName = theme.SizeNameSubHeadingText
	b.question.Wrapping = fyne.TextWrapWord
	answer := func(label string, a data.Answer) *widget.Button {
		return widget.NewButton(label, func() { c.answerCheckIn(a) })
	}
	b.answers = container.NewGridWithColumns(3,
		answer(lang.X("checkin.easing", "1  Easing"), data.Easing), answer(lang.X("checkin.same", "2  About the same"), data.Same),
		answer(lang.X("checkin.spiking", "3  Spiking"), data.Spiking))
	b.softer = widget.NewButton(lang.X("checkin.softer", "R  Switch to the softer roller mode"), func() { c.setRoller(routine.Soft) })
	b.softer.Importance = widget.HighImportance
	b.root = container.NewStack(b.bg, container.NewPadded(container.NewVBox(b.question, b.answers, b.advice, b.softer)))
	b.root.Hide()
	return b
}

func (b *checkInBanner) ask(m routine.Move) {
	b.bg.FillColor = themeColor(colorCard)
	b.question.SetText(lang.X("checkin.question", "20 seconds in: is the pressure softening?"))
	b.answers.Show()
	b.advice.Hide()
	b.softer.Hide()
	b.root.Show()
	b.root.Refresh()
}

// advise answers "spiking": ease off this way, and the softer mode is one key away.
func (b *checkInBanner) advise(m routine.Move, offerSofter bool) {
	b.question.SetText(lang.X("checkin.ease-off", "Ease off: it should soften, not spike."))
	b.advice.SetText(i18n.R(m.KinderFix) + " " + i18n.R(m.SoftenTip))
	b.answers.Hide()
	b.advice.Show()
	if offerSofter {
		b.softer.Show()
	}
	b.root.Refresh()
}

func (b *checkInBanner) thank(a data.Answer) {
	text := lang.X("checkin.good", "Good. Keep it slow and easy.")
	if a == data.Same {
		text = lang.X("checkin.fine", "Fine. Stay light; it often eases with the next few breaths.")
	}
	b.question.SetText(text)
	b.answers.Hide()
	b.root.Refresh()
}

func (b *checkInBanner) hide() { b.root.Hide() }
