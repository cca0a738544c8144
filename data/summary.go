package data

import (
	"fmt"
	"time"
)

// The weekly goal: two or three sessions a week.
const (
	WeeklyGoalMin = 2
	WeeklyGoalMax = 3
)

// CountsAfter is how long a session stopped early must have run to count toward the week: a
// session started by mistake is not one, while a shortened routine still is.
const CountsAfter = 5 * time.Minute

// Summary is what the history says at a glance.
type Summary struct {
	Sessions  int           // every recorded session
	ThisWeek  int           // sessions this week that count toward the goal (see Counts)
	WeekStart time.Time     // Monday 00:00 of the current week, in now's location
	Last      time.Time     // start of the latest session; zero when there is none
	Total     time.Duration // time spent in all sessions
}

// Counts reports whether a session counts toward the weekly goal: finished, or run for at least
// CountsAfter.
func (s Session) Counts() bool {
	return s.Finished || time.Duration(s.Seconds)*time.Second >= CountsAfter
}

// WeekStart returns Monday 00:00 of the calendar week holding t, in t's location: weeks start on
// Monday (ISO 8601) and follow the user's local calendar, not UTC.
func WeekStart(t time.Time) time.Time {
	daysSinceMonday := (int(t.Weekday()) + 6) % 7
	// time.Date normalises the day and keeps midnight right across daylight-saving changes.
	return time.Date(t.Year(), t.Month(), t.Day()-daysSinceMonday, 0, 0, 0, 0, t.Location())
}

// Summarize sums up sessions as of now. Pass now in local time so the week is the user's.
func Summarize(sessions []Session, now time.Time) Summary {
	sum := Summary{Sessions: len(sessions), WeekStart: WeekStart(now)}
	weekEnd := sum.WeekStart.AddDate(0, 0, 7)
	for _, s := range sessions {
		if s.Seconds > 0 {
			sum.Total += time.Duration(s.Seconds) * time.Second
		}
		if s.Start.After(sum.Last) {
			sum.Last = s.Start
		}
		if s.Counts() && !s.Start.Before(sum.WeekStart) && s.Start.Before(weekEnd) {
			sum.ThisWeek++
		}
	}
	if !sum.Last.IsZero() {
		sum.Last = sum.Last.In(now.Location())
	}
	return sum
}

// GoalMet reports whether this week reached the goal.
func (s Summary) GoalMet() bool { return s.ThisWeek >= WeeklyGoalMin }

// String says the summary in one line, e.g.
// "1 of 2–3 sessions this week · last on Mon 6 Jan 2025 · 1 h 10 min in all".
func (s Summary) String() string {
	if s.Sessions == 0 {
		return fmt.Sprintf("No sessions yet · the goal is %d–%d a week", WeeklyGoalMin, WeeklyGoalMax)
	}
	total := s.Total.Round(time.Minute)
	length := fmt.Sprintf("%d min", int(total.Minutes()))
	if total >= time.Hour {
		length = fmt.Sprintf("%d h %d min", int(total.Hours()), int(total.Minutes())%60)
	}
	return fmt.Sprintf("%d of %d–%d sessions this week · last on %s · %s in all",
		s.ThisWeek, WeeklyGoalMin, WeeklyGoalMax, s.Last.Format("Mon 2 Jan 2006"), length)
}
