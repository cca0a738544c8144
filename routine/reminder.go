package routine

import (
	"fmt"
	"strings"
	"time"
)

// Reminders are the user's chosen days and time for a gentle nudge. They are off unless turned on.
type Reminders struct {
	On   bool
	Days Weekdays // which days of the week
	At   int      // minutes after local midnight, 0–1439
}

// Weekdays is a set of days of the week, one bit per time.Weekday (Sunday is bit 0).
type Weekdays uint8

// AllWeekdays holds every day.
const AllWeekdays Weekdays = 1<<7 - 1

// Has reports whether d is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return w&(1<<d) != 0 }

// With returns the set with d in (on) or out.
func (w Weekdays) With(d time.Weekday, on bool) Weekdays {
	if on {
		return w | 1<<d
	}
	return w &^ (1 << d)
}

// WeekOrder is the days as the settings show them: Monday first (ISO 8601, like the week count).
var WeekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// DayKey is the short name a day is written with in files: "mon".
func DayKey(d time.Weekday) string { return strings.ToLower(d.String()[:3]) }

// ParseDayKey reads "mon" … "sun".
func ParseDayKey(s string) (time.Weekday, error) {
	for _, d := range WeekOrder {
		if DayKey(d) == s {
			return d, nil
		}
	}
	return 0, fmt.Errorf("day %q is not one of mon, tue, wed, thu, fri, sat, sun", s)
}

// DefaultReminders are off, on Tuesday, Thursday and Saturday at six in the evening: three
// evenings spread over the week, for whoever turns them on without choosing.
func DefaultReminders() Reminders {
	return Reminders{Days: Weekdays(0).With(time.Tuesday, true).With(time.Thursday, true).With(time.Saturday, true), At: 18 * 60}
}

// MinutesInDay bounds Reminders.At.
const MinutesInDay = 24 * 60

// ParseClock reads "18:30" (24-hour) as minutes after midnight.
func ParseClock(s string) (int, error) {
	var h, m int
	if n, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil || n != 2 || h < 0 || h > 23 || m < 0 || m > 59 || len(s) > 5 {
		return 0, fmt.Errorf("time %q is not a time of day like 18:30", s)
	}
	return h*60 + m, nil
}

// ClockText writes minutes after midnight as "18:30".
func ClockText(minutes int) string { return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60) }

// TimeOn returns the reminder's time on t's local calendar day, and whether that day has one.
// time.Date keeps the wall-clock time right across daylight-saving changes.
func (r Reminders) TimeOn(t time.Time) (time.Time, bool) {
	at := time.Date(t.Year(), t.Month(), t.Day(), r.At/60, r.At%60, 0, 0, t.Location())
	return at, r.Days.Has(t.Weekday())
}

// Next returns the first reminder time strictly after t, and false when there is none (off, or
// no days chosen).
func (r Reminders) Next(t time.Time) (time.Time, bool) {
	if !r.On || r.Days&AllWeekdays == 0 {
		return time.Time{}, false
	}
	for i := 0; i <= 7; i++ {
		day := time.Date(t.Year(), t.Month(), t.Day()+i, 12, 0, 0, 0, t.Location())
		if at, ok := r.TimeOn(day); ok && at.After(t) {
			return at, true
		}
	}
	return time.Time{}, false
}

// ReminderState is what the reminder keeps between checks: when it last looked, a snooze, and a
// day the user said to skip.
type ReminderState struct {
	Checked  time.Time // the last check; a reminder due at or before it has been dealt with
	Snoozed  time.Time // a snoozed reminder comes back at this time; zero for none
	SkipDate string    // "2006-01-02": no reminder on this local day
}

// SkipLayout is how ReminderState.SkipDate writes a day.
const SkipLayout = "2006-01-02"

// Decide says whether a reminder is due at now, and moves the state on. Only what fell due since
// the last check counts, so a reminder is sent at most once, and only while the app runs.
//
// The check goes by wall time: Go's timers stop while the machine sleeps, so after a resume the
// next check sees that a reminder fell due meanwhile and catches up, if it is still the same day;
// yesterday's missed reminder is not worth sending. No reminder is sent on a skipped day or when
// the week's sessions are done (weekDone).
func (r Reminders) Decide(st *ReminderState, now time.Time, weekDone bool) bool {
	since := st.Checked
	st.Checked = now
	if since.IsZero() || !now.After(since) {
		return false // the first look, or the clock went back: nothing has fallen due
	}
	due := false
	if at, ok := r.Next(since); ok && !at.After(now) && sameDay(at, now) {
		due = true
	}
	if !st.Snoozed.IsZero() && st.Snoozed.After(since) && !st.Snoozed.After(now) {
		st.Snoozed = time.Time{}
		due = r.On
	}
	if !due || weekDone || st.SkipDate == now.Format(SkipLayout) {
		return false
	}
	return true
}

// Snooze brings the reminder back after d.
func (st *ReminderState) Snooze(now time.Time, d time.Duration) { st.Snoozed = now.Add(d) }

// SkipToday sends no reminder for the rest of now's local day, a snooze included.
func (st *ReminderState) SkipToday(now time.Time) {
	st.SkipDate = now.Format(SkipLayout)
	st.Snoozed = time.Time{}
}

// NextCheck is when the state next needs a look: the next reminder or snooze after now. A caller
// still looks at least every minute or so, because a timer does not run while the machine sleeps.
func (r Reminders) NextCheck(st ReminderState, now time.Time) (time.Time, bool) {
	next, ok := r.Next(now)
	if r.On && !st.Snoozed.IsZero() && st.Snoozed.After(now) && (!ok || st.Snoozed.Before(next)) {
		return st.Snoozed, true
	}
	return next, ok
}

func sameDay(a, b time.Time) bool {
	b = b.In(a.Location())
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}
