package data

import (
	"testing"
	"time"
	_ "time/tzdata" // the DST case needs a real zone on any machine
)

func TestWeekStart(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ now, want time.Time }{
		// Monday at midnight is the start of its own week.
		{time.Date(2025, 1, 6, 0, 0, 0, 0, berlin), time.Date(2025, 1, 6, 0, 0, 0, 0, berlin)},
		// Sunday night still belongs to the week that began six days before.
		{time.Date(2025, 1, 12, 23, 59, 59, 0, berlin), time.Date(2025, 1, 6, 0, 0, 0, 0, berlin)},
		// Across the change to summer time (Sunday 30 March 2025), Monday is still at 00:00 CET.
		{time.Date(2025, 3, 30, 23, 0, 0, 0, berlin), time.Date(2025, 3, 24, 0, 0, 0, 0, berlin)},
		// Across a year's end.
		{time.Date(2025, 1, 1, 12, 0, 0, 0, berlin), time.Date(2024, 12, 30, 0, 0, 0, 0, berlin)},
	} {
		if got := WeekStart(tc.now); !got.Equal(tc.want) || got.Hour() != 0 {
			t.Errorf("WeekStart(%v) = %v, want %v", tc.now, got, tc.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2025, 1, 8, 18, 0, 0, 0, berlin) // a Wednesday
	at := func(day, hour int) time.Time { return time.Date(2025, 1, day, hour, 0, 0, 0, berlin) }
	sessions := []Session{
		{Start: at(5, 23), Seconds: 700, Finished: true}, // Sunday: last week
		{Start: at(6, 0), Seconds: 690, Finished: true},  // Monday 00:00: this week
		{Start: at(7, 7).UTC(), Seconds: 300},            // stopped after 5 min: counts
		{Start: at(7, 20), Seconds: 60},                  // a minute: does not count
		{Start: at(8, 7), Seconds: 710, Finished: true},  // today, the latest
		{Start: at(3, 9), Seconds: -5, Finished: true},   // a nonsense length adds nothing
	}
	sum := Summarize(sessions, now)
	if sum.Sessions != 6 || sum.ThisWeek != 3 || !sum.GoalMet() {
		t.Errorf("summary %+v: want 6 sessions, 3 this week", sum)
	}
	if !sum.Last.Equal(at(8, 7)) || sum.Last.Location() != berlin {
		t.Errorf("last %v, want %v in local time", sum.Last, at(8, 7))
	}
	if want := time.Duration(700+690+300+60+710) * time.Second; sum.Total != want {
		t.Errorf("total %v, want %v", sum.Total, want)
	}
	if got, want := sum.String(), "3 of 2–3 sessions this week · last on Wed 8 Jan 2025 · 41 min in all"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := Summarize(nil, now); got.Sessions != 0 || got.GoalMet() || !got.Last.IsZero() || got.String() != "No sessions yet · the goal is 2–3 a week" {
		t.Errorf("empty summary %+v %q", got, got.String())
	}
}
