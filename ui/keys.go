package ui

import (
	"unicode"

	"fyne.io/fyne/v2"

	"backroll/data"
	"backroll/routine"
)

// volumeStep is how far Up and Down move the volume.
const volumeStep = 10

// paceStep is how far [ and ] move the inhale; the exhale moves half as much again.
const paceStep = 0.5

// typedKey handles the named keys. Every action has one key, so nothing needs a mouse on the floor.
func (c *coach) typedKey(ev *fyne.KeyEvent) {
	if c.pages.current == pageAdjust && c.pages.dialog == nil && c.pages.adjust.get().typedKey(ev.Name) {
		return
	}
	switch ev.Name {
	case fyne.KeyBackspace:
		c.goBack()
	case fyne.KeySpace:
		if c.pages.stopDialogOpen() {
			c.keepGoing()
			return
		}
		c.togglePlay()
	case fyne.KeyReturn, fyne.KeyEnter:
		c.enter()
	case fyne.KeyRight:
		c.skip()
	case fyne.KeyLeft:
		c.back()
	case fyne.KeyUp:
		c.setVolume(c.prefs.Get().Volume + volumeStep)
	case fyne.KeyDown:
		c.setVolume(c.prefs.Get().Volume - volumeStep)
	case fyne.KeyEscape:
		c.escape()
	case fyne.KeyF1:
		c.showKeys()
	}
}

// typedRune handles the letter, digit and symbol keys.
func (c *coach) typedRune(r rune) {
	if c.pages.current == pageAdjust && c.pages.dialog == nil && c.pages.adjust.get().typedRune(r) {
		return
	}
	switch unicode.ToLower(r) {
	case 'a':
		if c.pages.current == pageStart {
			c.showAdjust()
		}
	case 'h':
		c.showHistory()
	case 'n':
		c.showReminders()
	case 'm':
		c.toggleMute()
	case 'v':
		c.cycleVoice()
	case 'f':
		if c.pages.current == pageSession {
			c.toggleFloor()
		}
	case 'r':
		if c.checkIn.open && c.view.checkIn.softer.Visible() {
			c.setRoller(routine.Soft) // the one key the spiking advice offers
			return
		}
		c.cycleRoller()
	case 'x':
		c.stop()
	case 's':
		c.showSafety()
	case '?':
		c.showKeys()
	case '[':
		c.nudgePace(paceStep)
	case ']':
		c.nudgePace(-paceStep)
	case '1', '2', '3', '4', '5', '6':
		c.digit(int(r - '1'))
	}
}

// digit answers the check-in or the finish page's question with 1–3, and otherwise jumps to a move.
func (c *coach) digit(i int) {
	answers := []data.Answer{data.Easing, data.Same, data.Spiking}
	feelings := []data.Feeling{data.FeltBetter, data.FeltSame, data.FeltWorse}
	switch {
	case c.pages.current == pageFinish && i < 3:
		if finish := c.pages.finish.get(); finish.feelings.Visible() {
			finish.answer(feelings[i])
		}
	case c.pages.current == pageSession && c.checkIn.open && c.view.checkIn.answers.Visible() && i < 3:
		c.answerCheckIn(answers[i])
	case c.pages.current == pageSession:
		c.jumpToMove(i)
	}
}

// enter presses the current page's main button.
func (c *coach) enter() {
	if c.pages.stopDialogOpen() {
		c.endEarly()
		return
	}
	if c.pages.closeDialog() {
		return
	}
	switch c.pages.current {
	case pageSafety:
		c.acknowledgeSafety()
	case pageStart:
		c.start()
	case pageFinish, pageAdjust:
		c.pages.show(pageStart)
	case pageHistory:
		c.leaveHistory()
	}
}

// escape closes a dialog, else leaves full screen, else stops the session.
func (c *coach) escape() {
	switch {
	case c.pages.stopDialogOpen():
		c.keepGoing()
	case c.pages.closeDialog():
	case c.floor:
		c.setFloor(false)
	case c.pages.current == pageAdjust || c.pages.current == pageHistory:
		c.goBack()
	case c.pages.current == pageSession:
		c.stop()
	}
}

// showAdjust opens the adjust page from the start page.
func (c *coach) showAdjust() {
	if c.pages.current == pageStart {
		c.pages.show(pageAdjust)
	}
}

// showHistory opens the history page from the start, finish or adjust page; never in a session.
func (c *coach) showHistory() {
	switch c.pages.current {
	case pageStart, pageFinish, pageAdjust:
		c.pages.historyFrom = c.pages.current
		c.pages.show(pageHistory)
	}
}

// leaveHistory goes back to the page the history was opened from.
func (c *coach) leaveHistory() {
	if c.pages.current == pageHistory {
		c.pages.show(c.pages.historyFrom)
	}
}

// goBack leaves the adjust or history page (Esc, Backspace).
func (c *coach) goBack() {
	switch c.pages.current {
	case pageAdjust:
		c.pages.show(pageStart)
	case pageHistory:
		c.leaveHistory()
	}
}
