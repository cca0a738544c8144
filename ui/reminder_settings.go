package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"backroll/routine"
	"backroll/ui/i18n"
)

// reminderSettings is the start page's row for reminders, starting at login and the 3-2-1:
// "Remind me on [Mon] [Tue] … at [18:00]", the next reminder in words, Snooze and Not today.
type reminderSettings struct {
	c         *coach
	root      fyne.CanvasObject
	on        *widget.Check
	days      []*widget.Check // in routine.WeekOrder
	at        *widget.Select
	status    *widget.Label
	snooze    *widget.Button
	notToday  *widget.Button
	autostart *widget.Check
	countdown *widget.Check
	updating  bool
}

// clockChoices are the times offered: every half hour.
func clockChoices(current int) []string {
	var out []string
	for m := 0; m < routine.MinutesInDay; m += 30 {
		if current > m-30 && current < m && current%30 != 0 {
			out = append(out, routine.ClockText(current))
		}
		out = append(out, routine.ClockText(m))
	}
	if current > routine.MinutesInDay-30 && current%30 != 0 {
		out = append(out, routine.ClockText(current))
	}
	return out
}

func newReminderSettings(c *coach) *reminderSettings {
	s := &reminderSettings{c: c, status: widget.NewLabel("")}
	s.status.Importance = widget.LowImportance
	s.on = widget.NewCheck(lang.X("reminders.remind-on", "Remind me on"), func(on bool) { s.changed() })
	row := container.NewHBox(s.on)
	for _, d := range routine.WeekOrder {
		check := widget.NewCheck(i18n.DayShort(d), func(bool) { s.changed() })
		s.days = append(s.days, check)
		row.Add(check)
	}
	s.at = widget.NewSelect(clockChoices(18*60), func(string) { s.changed() })
	row.Add(widget.NewLabel(lang.X("reminders.at", "at")))
	row.Add(s.at)
	s.snooze = widget.NewButton(lang.X("reminders.snooze", "Snooze an hour"), c.snoozeReminder)
	s.notToday = widget.NewButton(lang.X("reminders.not-today", "Not today"), c.pauseRemindersToday)
	row.Add(s.snooze)
	row.Add(s.notToday)
	s.autostart = widget.NewCheck(lang.X("reminders.autostart", "Start Backroll when I log in"), func(on bool) {
		if !s.updating {
			c.setAutostart(on)
		}
	})
	s.countdown = widget.NewCheck(lang.X("reminders.countdown", "Count 3-2-1 before going on after a pause"), func(on bool) {
		if !s.updating {
			c.setResumeCountdown(on)
		}
	})
	note := widget.NewLabel(lang.X("reminders.note", "Reminders come as a desktop notification, only while Backroll runs, and not once the week has its two or three sessions."))
	note.Wrapping = fyne.TextWrapWord
	s.root = container.NewVBox(row, s.status, note, s.autostart, s.countdown)
	return s
}

// weekLine adds the next reminder to the start page's week line, when reminders are on.
func (s *reminderSettings) weekLine() string {
	if !s.c.prefs.Get().Reminders.On || s.status.Text == "" {
		return ""
	}
	return "  " + s.status.Text
}

// showReminders opens the reminder settings from the start page (N).
func (c *coach) showReminders() {
	if c.pages.current != pageStart {
		return
	}
	remind := c.pages.start.get().remind
	remind.refresh()
	d := dialog.NewCustom(lang.X("reminders.title", "Reminders"), lang.X("keys.close", "Close  (Esc)"), remind.root, c.win)
	d.Resize(fyne.NewSize(1000, 0))
	c.pages.showDialog(d)
}

// changed stores what the checks and the time now say.
func (s *reminderSettings) changed() {
	if s.updating {
		return
	}
	r := s.c.prefs.Get().Reminders
	r.On = s.on.Checked
	for i, d := range routine.WeekOrder {
		r.Days = r.Days.With(d, s.days[i].Checked)
	}
	if at, err := routine.ParseClock(s.at.Selected); err == nil {
		r.At = at
	}
	s.c.setReminders(r)
}

// refresh shows the preferences and the reminder's next step.
func (s *reminderSettings) refresh() {
	p := s.c.prefs.Get()
	s.updating = true
	defer func() { s.updating = false }()
	s.on.SetChecked(p.Reminders.On)
	for i, d := range routine.WeekOrder {
		s.days[i].SetChecked(p.Reminders.Days.Has(d))
	}
	s.at.Options = clockChoices(p.Reminders.At)
	s.at.SetSelected(routine.ClockText(p.Reminders.At))
	s.autostart.SetChecked(p.Autostart)
	s.countdown.SetChecked(p.ResumeCountdown)
	s.status.SetText(s.c.reminderStatus())
	active := p.Reminders.On && p.Reminders.Days != 0 && !p.RemindersPausedToday(s.c.now())
	snoozed := !s.c.remind.state.Snoozed.IsZero() && s.c.remind.state.Snoozed.After(s.c.now())
	sentToday := !s.c.remind.sent.IsZero() && sameDate(s.c.remind.sent, s.c.now())
	showIf(s.snooze, active && sentToday && !snoozed)
	showIf(s.notToday, active)
}

func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}
