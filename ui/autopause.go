package ui

import "fyne.io/fyne/v2/lang"

// systemEvent is something the system did that a session should follow.
type systemEvent int

const (
	screenLocked   systemEvent = iota // the screen saver or lock screen came on
	screenUnlocked                    // and went off again
	goingToSleep                      // the machine is about to suspend
	wokeUp                            // the machine has resumed
)

// onSystemEvent runs on Fyne's thread: a lock or a suspend pauses a running session and says
// so; waking up looks at the reminders at once, because timers stood still while asleep.
func (c *coach) onSystemEvent(e systemEvent) {
	switch e {
	case screenLocked:
		c.autoPause(lang.X("pause.screen-locked", "while the screen was locked"))
	case goingToSleep:
		c.autoPause(lang.X("pause.computer-slept", "while the computer slept"))
	case wokeUp, screenUnlocked:
		c.checkReminders()
	}
}
