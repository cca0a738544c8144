package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/routine"
	"backroll/ui/art"
	"backroll/ui/i18n"
)

// safetyPage comes first on the first run and stays a key (S) away: when to stop, when to see a
// clinician first, the one place never to roll, and how to roll gently.
type safetyPage struct {
	root    fyne.CanvasObject
	notHere *notHereImage
}

func newSafetyPage(c *coach) *safetyPage {
	p := &safetyPage{notHere: newNotHereImage(320, c.toThread)}
	stop := container.NewVBox(subheading(lang.X("safety.stop.heading", "Stop at once if you feel")), bullets(i18n.RList(routine.StopSigns)))
	clinician := container.NewVBox(subheading(lang.X("safety.clinician.heading", "See a clinician before rolling if you have")), bullets(i18n.RList(routine.SeeClinicianFirst)))
	lowerBack := container.NewVBox(subheading(lang.X("safety.lower-back.heading", "Never roll the lower back")), p.notHere.img, wrapped(i18n.R(routine.NeverRollLowerBack)))
	howTo := container.NewVBox(subheading(lang.X("safety.how.heading", "How to roll")), bullets(i18n.RList(append(append([]string(nil), routine.Principles...), routine.RollerAdvice))))
	ack := bigButton(lang.X("safety.read", "I have read this  (Enter)"), theme.ConfirmIcon(), c.acknowledgeSafety)
	disclaimer := wrapped(i18n.R(routine.NotTreatment))
	disclaimer.Importance = widget.LowImportance

	columns := container.NewGridWithColumns(2, container.NewVBox(stop, clinician), container.NewVBox(lowerBack, howTo))
	p.root = container.NewBorder(
		container.NewPadded(heading(lang.X("safety.title", "Before you roll"))),
		container.NewPadded(container.NewVBox(disclaimer, ack)),
		nil, nil,
		container.NewVScroll(container.NewPadded(columns)))
	return p
}

// notHereImage is the "not here" drawing, redrawn in the theme's colours when shown.
type notHereImage struct {
	img  *artView
	dark bool
}

func newNotHereImage(width float32, deliver func(func())) *notHereImage {
	return &notHereImage{img: newArtView(width, deliver)}
}

func (n *notHereImage) refresh() {
	if dark := isDark(); n.img.drawing == nil || dark != n.dark {
		n.dark = dark
		n.img.setDrawing(artResource(art.NotHere, routine.NoSide, themeColor(theme.ColorNameBackground)))
	}
}

// showSafety opens the safety page; a running session pauses until the page is closed.
func (c *coach) showSafety() {
	if c.pages.current == pageSafety {
		return
	}
	c.pages.resumeAfterSafety = c.session.State() == routine.Running && c.pages.current == pageSession
	c.pages.returnTo = c.pages.current
	c.cancelCountdown()
	c.view.overlay.hide()
	if c.pages.resumeAfterSafety {
		c.session.Pause()
		c.afterAction()
	}
	c.setFloor(false)
	c.pages.safety.get().notHere.refresh()
	c.pages.show(pageSafety)
}

// acknowledgeSafety stores that the page was read and goes on to where the user was, or the start.
func (c *coach) acknowledgeSafety() {
	c.prefs.Update(func(p *data.Preferences) { p.SafetyAcknowledged = true })
	back := c.pages.returnTo
	if back == pageSafety || back < 0 {
		back = pageStart
	}
	c.pages.show(back)
	if c.pages.resumeAfterSafety {
		c.pages.resumeAfterSafety = false
		c.session.Resume()
		c.afterAction()
	}
}
