package routine

import (
	"testing"
	"time"
)

func at(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// tueThu18 is on, Tuesday and Thursday at 18:00. 2025-01-07 is a Tuesday.
func tueThu18() Reminders {
	return Reminders{On: true, Days: Weekdays(0).With(time.Tuesday, true).With(time.Thursday, true), At: 18 * 60}
}

func TestNextReminder(t *testing.T) {
	r := tueThu18()
	for _, c := range []struct{ now, want string }{
		{"2025-01-06 09:00", "2025-01-07 18:00"}, // Monday: Tuesday's
		{"2025-01-07 17:59", "2025-01-07 18:00"},
		{"2025-01-07 18:00", "2025-01-09 18:00"}, // strictly after
		{"2025-01-10 08:00", "2025-01-14 18:00"}, // Friday: next Tuesday
	} {
		got, ok := r.Next(at(t, c.now))
		if !ok || !got.Equal(at(t, c.want)) {
			t.Errorf("Next(%s) = %v, %v; want %s", c.now, got, ok, c.want)
		}
	}
	if _, ok := (Reminders{Days: r.Days, At: r.At}).Next(at(t, "2025-01-06 09:00")); ok {
		t.Error("off reminders have a next time")
	}
	if _, ok := (Reminders{On: true}).Next(at(t, "2025-01-06 09:00")); ok {
		t.Error("reminders with no days have a next time")
	}
}

// check runs the reminder on a fake clock, one check a minute, and returns the minutes it fired.
func runReminder(t *testing.T, r Reminders, st *ReminderState, from, to string, weekDone bool) []string {
	var fired []string
	end := at(t, to)
	for now := at(t, from); !now.After(end); now = now.Add(time.Minute) {
		if r.Decide(st, now, weekDone) {
			fired = append(fired, now.Format("2006-01-02 15:04"))
		}
	}
	return fired
}

func TestReminderFiresOnceAtItsTime(t *testing.T) {
	st := &ReminderState{}
	got := runReminder(t, tueThu18(), st, "2025-01-06 12:00", "2025-01-09 23:00", false)
	want := []string{"2025-01-07 18:00", "2025-01-09 18:00"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("fired at %v, want %v", got, want)
	}
}

func TestNoReminderWhenTheWeekIsDone(t *testing.T) {
	if got := runReminder(t, tueThu18(), &ReminderState{}, "2025-01-07 12:00", "2025-01-07 23:00", true); len(got) != 0 {
		t.Fatalf("fired at %v with the week done", got)
	}
}

func TestNoReminderWhenOff(t *testing.T) {
	r := tueThu18()
	r.On = false
	if got := runReminder(t, r, &ReminderState{}, "2025-01-07 12:00", "2025-01-07 23:00", false); len(got) != 0 {
		t.Fatalf("fired at %v while off", got)
	}
}

func TestFirstLookSendsNothingAlreadyPast(t *testing.T) {
	// Started at 18:30 on a reminder day: the window is open anyway, so no reminder.
	if got := runReminder(t, tueThu18(), &ReminderState{}, "2025-01-07 18:30", "2025-01-07 23:00", false); len(got) != 0 {
		t.Fatalf("fired at %v for a time before the app started", got)
	}
}

func TestCatchUpAfterResumeSameDayOnly(t *testing.T) {
	r := tueThu18()
	st := &ReminderState{}
	r.Decide(st, at(t, "2025-01-07 17:00"), false) // then the laptop sleeps: no checks
	if !r.Decide(st, at(t, "2025-01-07 19:40"), false) {
		t.Fatal("no catch-up after a resume later the same day")
	}
	if r.Decide(st, at(t, "2025-01-07 19:41"), false) {
		t.Fatal("the caught-up reminder was sent twice")
	}
	// Asleep across the evening and the night: yesterday's reminder is not sent in the morning.
	st = &ReminderState{}
	r.Decide(st, at(t, "2025-01-07 17:00"), false)
	if r.Decide(st, at(t, "2025-01-08 07:00"), false) {
		t.Fatal("a reminder from yesterday was sent after the night")
	}
}

func TestSnoozeComesBackAfterAnHour(t *testing.T) {
	r := tueThu18()
	st := &ReminderState{}
	got := runReminder(t, r, st, "2025-01-07 17:00", "2025-01-07 18:00", false)
	if len(got) != 1 {
		t.Fatalf("fired at %v", got)
	}
	st.Snooze(at(t, "2025-01-07 18:00"), time.Hour)
	if next, _ := r.NextCheck(*st, at(t, "2025-01-07 18:01")); !next.Equal(at(t, "2025-01-07 19:00")) {
		t.Fatalf("next check %v, want the snooze at 19:00", next)
	}
	got = runReminder(t, r, st, "2025-01-07 18:01", "2025-01-07 23:00", false)
	if len(got) != 1 || got[0] != "2025-01-07 19:00" {
		t.Fatalf("snoozed reminder fired at %v, want 19:00 once", got)
	}
}

func TestSkipTodayHoldsUntilTomorrow(t *testing.T) {
	r := tueThu18()
	r.Days = AllWeekdays
	st := &ReminderState{}
	st.Snooze(at(t, "2025-01-07 17:30"), time.Hour)
	st.SkipToday(at(t, "2025-01-07 17:45"))
	got := runReminder(t, r, st, "2025-01-07 17:45", "2025-01-08 18:00", false)
	if len(got) != 1 || got[0] != "2025-01-08 18:00" {
		t.Fatalf("fired at %v, want only tomorrow's 18:00", got)
	}
}

func TestClockAndDays(t *testing.T) {
	if m, err := ParseClock("18:30"); err != nil || m != 18*60+30 || ClockText(m) != "18:30" {
		t.Fatalf("ParseClock(18:30) = %d, %v", m, err)
	}
	for _, bad := range []string{"24:00", "7", "12:60", "-1:00", "ab:cd", "18:300"} {
		if _, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) took it", bad)
		}
	}
	for _, d := range WeekOrder {
		if got, err := ParseDayKey(DayKey(d)); err != nil || got != d {
			t.Errorf("day %v round trip: %v, %v", d, got, err)
		}
	}
	if DefaultReminders().On {
		t.Error("reminders are on by default")
	}
}

func TestReminderKeepsWallTimeAcrossDST(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data")
	}
	r := Reminders{On: true, Days: AllWeekdays, At: 18 * 60}
	// Clocks went forward on Sunday 30 March 2025.
	next, _ := r.Next(time.Date(2025, 3, 29, 19, 0, 0, 0, loc))
	if next.Hour() != 18 || next.Day() != 30 {
		t.Fatalf("after the change: %v", next)
	}
}
