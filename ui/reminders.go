package ui

import (
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"backroll/data"
	"backroll/routine"
	"backroll/ui/i18n"
)

// reminderEvery is how often the reminders look at the wall clock while Backroll runs. Go's timers
// stand still while the machine sleeps, so a look every minute (and one on waking, see
// autopause.go) catches a reminder that fell due meanwhile.
const reminderEvery = time.Minute

// snoozeFor is how long "Snooze an hour" holds a reminder back.
const snoozeFor = time.Hour

// reminders is the reminder's state while the window runs.
type reminders struct {
	state routine.ReminderState
	send  func(*fyne.Notification) // the app's SendNotification; tests record instead
	sent  time.Time                // when the last reminder went out, for the start page
	stop  chan struct{}            // ends the minute ticker, when one runs
}

func newReminders(c *coach) *reminders {
	r := &reminders{send: c.app.SendNotification}
	r.state.Checked = c.now() // only what falls due from now on is sent
	return r
}

// runReminders looks at the clock every minute until the window closes.
func (c *coach) runReminders() {
	r := c.remind
	r.stop = make(chan struct{})
	go func() {
		tick := time.NewTicker(reminderEvery)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				c.onThread(c.checkReminders)
			case <-r.stop:
				return
			}
		}
	}()
}

func (c *coach) stopReminders() {
	if c.remind.stop != nil {
		close(c.remind.stop)
		c.remind.stop = nil
	}
}

// weekDone reports whether this week already has its 2–3 sessions.
func (c *coach) weekDone(now time.Time) bool {
	return data.Summarize(c.history, now).GoalMet()
}

// checkReminders sends a reminder when one is due: on a chosen day at the chosen time, or an hour
// after a snooze; never on a day paused, never when the week is done, never during a session.
func (c *coach) checkReminders() {
	now := c.now()
	p := c.prefs.Get()
	r := c.remind
	r.state.SkipDate = p.RemindersPausedOn
	inSession := c.pages.current == pageSession && c.session.State() != routine.Done
	if !p.Reminders.Decide(&r.state, now, c.weekDone(now)) || inSession {
		return
	}
	r.sent = now
	r.send(fyne.NewNotification("Backroll", reminderText(c.history, now)))
	c.pages.refreshStart()
}

// snoozeReminder brings the reminder back in an hour.
func (c *coach) snoozeReminder() {
	c.remind.state.Snooze(c.now(), snoozeFor)
	c.refreshSettings()
}

// pauseRemindersToday sends no more reminders until tomorrow.
func (c *coach) pauseRemindersToday() {
	now := c.now()
	c.remind.state.SkipToday(now)
	c.prefs.Update(func(p *data.Preferences) { p.RemindersPausedOn = now.Format(routine.SkipLayout) })
	c.refreshSettings()
}

// setReminders stores the reminder's days and time and whether it is on.
func (c *coach) setReminders(r routine.Reminders) {
	c.prefs.Update(func(p *data.Preferences) { p.Reminders = r })
	c.refreshSettings()
}

// reminderText is the notification's words: an invitation, never a scolding. It names the last
// day the user's back felt better, when that was within the week.
func reminderText(history []data.Session, now time.Time) string {
	for i := len(history) - 1; i >= 0; i-- {
		s := history[i]
		if s.Feeling == data.FeltBetter && s.Start.Before(now) && now.Sub(s.Start) < 7*24*time.Hour {
			return likedOn(s.Start.In(now.Location()).Weekday())
		}
	}
	if len(history) == 0 {
		return lang.X("reminder.first", "Ten minutes on the floor? Two or three short sessions a week is all it takes.")
	}
	return lang.X("reminder.rhythm", "Ten minutes on the floor? Two or three a week keeps your back moving.")
}

// likedOn names the day the back liked it. Each day is a whole sentence: a day's article or
// preposition differs by language and by day ("am Montag", "no sábado").
func likedOn(d time.Weekday) string {
	switch d {
	case time.Monday:
		return lang.X("reminder.liked.monday", "Ten minutes on the floor? Your back liked it on Monday.")
	case time.Tuesday:
		return lang.X("reminder.liked.tuesday", "Ten minutes on the floor? Your back liked it on Tuesday.")
	case time.Wednesday:
		return lang.X("reminder.liked.wednesday", "Ten minutes on the floor? Your back liked it on Wednesday.")
	case time.Thursday:
		return lang.X("reminder.liked.thursday", "Ten minutes on the floor? Your back liked it on Thursday.")
	case time.Friday:
		return lang.X("reminder.liked.friday", "Ten minutes on the floor? Your back liked it on Friday.")
	case time.Saturday:
		return lang.X("reminder.liked.saturday", "Ten minutes on the floor? Your back liked it on Saturday.")
	}
	return lang.X("reminder.liked.sunday", "Ten minutes on the floor? Your back liked it on Sunday.")
}

// reminderStatus says in one line what the reminders will do next.
func (c *coach) reminderStatus() string {
	p := c.prefs.Get()
	now := c.now()
	switch {
	case !p.Reminders.On:
		return lang.X("reminders.off", "Reminders are off.")
	case p.Reminders.Days == 0:
		return lang.X("reminders.no-days", "Choose a day or two for reminders.")
	case p.RemindersPausedToday(now):
		return lang.X("reminders.paused", "Reminders paused until tomorrow.")
	case c.weekDone(now):
		return lang.X("reminders.week-done", "This week's sessions are done: no reminders until Monday.")
	}
	st := c.remind.state
	st.SkipDate = p.RemindersPausedOn
	next, ok := p.Reminders.NextCheck(st, now)
	if !ok {
		return ""
	}
	line := lang.X("reminders.next", "Next reminder: {{.Day}} {{.Time}}, while Backroll is running.",
		map[string]any{"Day": i18n.DayShort(next.Weekday()), "Time": next.Format("15:04")})
	if sameDate(next, now) {
		line = lang.X("reminders.next.today", "Next reminder: today at {{.Time}}, while Backroll is running.", map[string]any{"Time": next.Format("15:04")})
	}
	if !c.remind.sent.IsZero() && sameDate(c.remind.sent, now) {
		line = lang.X("reminders.sent", "Reminder sent at {{.Time}}.", map[string]any{"Time": c.remind.sent.Format("15:04")}) + " " + line
	}
	return line
}

func sameDate(a, b time.Time) bool {
	return a.Format(routine.SkipLayout) == b.Format(routine.SkipLayout)
}

// setAutostart asks the desktop to start Backroll at login, or stops it, and says so if it cannot.
func (c *coach) setAutostart(on bool) {
	exe, err := os.Executable()
	if err == nil {
		err = data.SetAutostart(on, exe)
	}
	if err != nil {
		c.pages.notify(lang.X("reminders.autostart-failed", "Could not change starting at login: {{.Reason}}", map[string]any{"Reason": err.Error()}))
		c.refreshSettings()
		return
	}
	c.prefs.Update(func(p *data.Preferences) { p.Autostart = on })
	c.refreshSettings()
}
