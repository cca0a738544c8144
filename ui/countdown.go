package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"backroll/data"
	"backroll/routine"
	"backroll/sound"
)

// countdownAfter is how long a pause must last before Space counts 3-2-1 instead of going on at
// once: long enough to have got off the roller.
const countdownAfter = 5 * time.Second

// countdownStep is the length of each count.
const countdownStep = time.Second

// wakeWait is the longest the 3-2-1 waits for the sound to wake before it counts anyway.
const wakeWait = 2500 * time.Millisecond

// pauseOverlay floats over the session screen: the large 3-2-1 before a paused session goes on,
// and, after the screen locked or the machine slept, why the session paused.
type pauseOverlay struct {
	root   *fyne.Container
	host   fyne.CanvasObject // what the overlay floats in, already on the canvas
	shade  *canvas.Rectangle
	number *canvas.Text
	line   *canvas.Text
}

func newPauseOverlay() *pauseOverlay {
	o := &pauseOverlay{shade: canvas.NewRectangle(nil), number: bigText(6), line: bigText(0.9)}
	o.number.Alignment, o.line.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter
	o.root = container.NewStack(o.shade, container.NewCenter(container.NewVBox(o.number, o.line)))
	o.root.Hide()
	return o
}

// show puts up a count ("3", or "" for none) and a line, in the theme's colours.
func (o *pauseOverlay) show(number, line string) {
	o.shade.FillColor = themeColor(theme.ColorNameBackground) // opaque: only the count, nothing to misread behind it
	o.number.Color, o.line.Color = themeColor(theme.ColorNameForeground), themeColor(theme.ColorNameForeground)
	o.number.TextSize = theme.Size(theme.SizeNameHeadingText) * 6
	o.number.Text, o.line.Text = number, line
	o.number.Hidden = number == ""
	o.root.Show()
	o.root.Refresh()
	// Fyne finds the canvas of an object it has painted; one hidden since start-up has never been,
	// so its own Refresh cannot ask for a repaint and the window would not show it.
	if o.host != nil {
		canvas.Refresh(o.host)
	}
}

func (o *pauseOverlay) hide() {
	if o.root.Visible() {
		o.root.Hide()
	}
}

// countdown is the 3-2-1 in progress, if any.
type countdown struct {
	left   int         // counts still to show; 0 when none runs
	timer  *time.Timer // the next count
	serial int         // tells a stale timer's work from the current countdown's
}

// notePaused remembers when the session paused, for the 3-2-1 and the resume message.
func (c *coach) notePaused() {
	if c.session.State() == routine.Paused && c.pausedAt.IsZero() {
		c.pausedAt = c.now()
	}
}

// resume goes on with a paused session: at once after a short pause, after a 3-2-1 after a long
// one (unless the preference turns it off).
func (c *coach) resume() {
	if c.count.left > 0 {
		c.cancelCountdown() // Space during the count stops it: a pause key always pauses
		c.view.overlay.show("", lang.X("countdown.paused", "Paused. Press Space to go on."))
		return
	}
	long := !c.pausedAt.IsZero() && c.now().Sub(c.pausedAt) > countdownAfter
	if !long || !c.prefs.Get().ResumeCountdown {
		c.goOn()
		return
	}
	c.count.left = 3
	c.count.serial++
	c.view.overlay.show("", lang.X("countdown.get-on", "Get onto the roller"))
	// A device that rested while paused can take seconds to wake: the count starts once it can be
	// heard, or after wakeWait whatever the sound does.
	// Both the wake and the timer call begin; on Fyne's thread, the first to arrive counts.
	serial, begun := c.count.serial, false
	begin := func() {
		c.onThread(func() {
			if c.count.serial == serial && !begun {
				begun = true
				c.showCount()
			}
		})
	}
	c.count.timer = time.AfterFunc(c.wakeWait, begin)
	c.sound.Wake(begin)
}

// showCount shows the current count with a soft tick and schedules the next.
func (c *coach) showCount() {
	c.view.overlay.show(string(rune('0'+c.count.left)), lang.X("countdown.get-on", "Get onto the roller"))
	c.sound.Cue(sound.Tick)
	serial := c.count.serial
	c.count.timer = time.AfterFunc(c.countStep, func() {
		c.onThread(func() {
			if c.count.serial != serial || c.count.left == 0 {
				return
			}
			c.count.left--
			if c.count.left == 0 {
				c.goOn()
				return
			}
			c.showCount()
		})
	})
}

func (c *coach) cancelCountdown() {
	if c.count.timer != nil {
		c.count.timer.Stop()
	}
	c.count.left = 0
	c.count.serial++
}

// goOn resumes the session now, if the session screen is still the one showing.
func (c *coach) goOn() {
	c.cancelCountdown()
	c.view.overlay.hide()
	if c.pages.current != pageSession || c.pages.dialog != nil {
		return
	}
	c.pausedAt = time.Time{}
	c.session.Resume()
	c.afterAction()
}

// autoPause pauses a running session because the screen locked or the machine is going to sleep,
// and says so, for when the user comes back.
func (c *coach) autoPause(why string) {
	if c.pages.current != pageSession {
		return
	}
	switch {
	case c.count.left > 0:
		c.cancelCountdown()
	case c.session.State() == routine.Running:
		c.session.Pause()
		c.afterAction()
	default:
		return
	}
	c.notePaused()
	c.view.overlay.show("", lang.X("countdown.paused-why", "Paused {{.Why}}. Press Space to go on.", map[string]any{"Why": why}))
}

// setResumeCountdown turns the 3-2-1 on or off.
func (c *coach) setResumeCountdown(on bool) {
	c.prefs.Update(func(p *data.Preferences) { p.ResumeCountdown = on })
	c.refreshSettings()
}
