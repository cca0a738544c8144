package data

import (
	"fmt"
	"time"

	"backroll/routine"
)

// Reminders, starting at login and the 3-2-1 before a paused session goes on, in preferences.json
// (added in version 2 without a version change: older files simply lack them and take defaults):
//
//	"reminders": {"on": true, "days": ["tue", "thu", "sat"], "time": "18:00", "paused_on": ""},
//	"start_at_login": false,
//	"resume_countdown": true
//
// "paused_on" is a local date ("2006-01-02") on which the user paused reminders until the next
// day; a stale one is harmless and cleared at the next save.

var remindersKeys = []string{"on", "days", "time", "paused_on"}

// normalizeReminders keeps the reminder's time in the day and its days real.
func (p *Preferences) normalizeReminders(note func(string, ...any)) {
	if p.Reminders.At < 0 || p.Reminders.At >= routine.MinutesInDay {
		at := min(max(p.Reminders.At, 0), routine.MinutesInDay-1)
		note("reminder time of %d minutes after midnight was out of range; using %s", p.Reminders.At, routine.ClockText(at))
		p.Reminders.At = at
	}
	p.Reminders.Days &= routine.AllWeekdays
	if p.RemindersPausedOn != "" && !validDate(p.RemindersPausedOn) {
		note("reminders were paused on a day that could not be read (%q); they are back on", p.RemindersPausedOn)
		p.RemindersPausedOn = ""
	}
}

// RemindersPausedToday reports whether the user paused reminders on now's local day.
func (p Preferences) RemindersPausedToday(now time.Time) bool {
	return p.RemindersPausedOn != "" && p.RemindersPausedOn == now.Format(dateLayout)
}

// decodeReminders reads "reminders" into p; unknown days and a bad time are noted and left out.
func decodeReminders(r *fieldReader, top []member, p *Preferences, u *unknownFields) []string {
	read(r, top, "start_at_login", "start_at_login", &p.Autostart)
	read(r, top, "resume_countdown", "resume_countdown", &p.ResumeCountdown)
	obj, ok := r.object(top, "reminders")
	if !ok {
		return nil
	}
	var notes []string
	read(r, obj, "on", "reminders.on", &p.Reminders.On)
	var days []string
	if read(r, obj, "days", "reminders.days", &days) {
		p.Reminders.Days = 0
		for _, s := range days {
			d, err := routine.ParseDayKey(s)
			if err != nil {
				notes = append(notes, fmt.Sprintf("reminder days: %v; ignored", err))
				continue
			}
			p.Reminders.Days = p.Reminders.Days.With(d, true)
		}
	}
	var clock string
	if read(r, obj, "time", "reminders.time", &clock) {
		if at, err := routine.ParseClock(clock); err != nil {
			notes = append(notes, fmt.Sprintf("reminder %v; using %s", err, routine.ClockText(p.Reminders.At)))
		} else {
			p.Reminders.At = at
		}
	}
	read(r, obj, "paused_on", "reminders.paused_on", &p.RemindersPausedOn)
	u.reminders = without(obj, remindersKeys...)
	return notes
}

// encodeReminders writes "reminders" with what this version does not know after what it does.
func encodeReminders(p Preferences, u *unknownFields) []byte {
	days := []string{}
	for _, d := range routine.WeekOrder {
		if p.Reminders.Days.Has(d) {
			days = append(days, routine.DayKey(d))
		}
	}
	obj := append([]member{
		{"on", rawValue(p.Reminders.On)},
		{"days", rawValue(days)},
		{"time", rawValue(routine.ClockText(p.Reminders.At))},
		{"paused_on", rawValue(p.RemindersPausedOn)},
	}, u.reminders...)
	return appendObject(nil, obj, 1)
}
