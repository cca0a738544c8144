package data

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

// HistoryJSON is `backroll history --json`.
type HistoryJSON struct {
	GoalMin       int            `json:"goal_min"`
	GoalMax       int            `json:"goal_max"`
	Weeks         []WeekJSON     `json:"weeks"`
	CheckIns      []CheckInsJSON `json:"check_ins"`
	TotalSessions int            `json:"total_sessions"`
	Empty         string         `json:"empty,omitempty"` // why the weeks hold nothing, in words
}

// WeekJSON is one week of HistoryJSON; only sessions that count toward the goal are in it.
type WeekJSON struct {
	WeekStart string `json:"week_start"` // the Monday, YYYY-MM-DD
	Sessions  int    `json:"sessions"`
	Better    int    `json:"better"`
	Same      int    `json:"same"`
	Worse     int    `json:"worse"`
	NotSaid   int    `json:"not_said"`
	InGoal    bool   `json:"in_goal"`
}

// CheckInsJSON is one move's check-in answers over the weeks.
type CheckInsJSON struct {
	Move    string `json:"move"`
	Easing  int    `json:"easing"`
	Same    int    `json:"same"`
	Spiking int    `json:"spiking"`
	Summary string `json:"summary"`
}

// JSON returns the history in the shape of HistoryJSON.
func (h History) JSON() HistoryJSON {
	out := HistoryJSON{GoalMin: WeeklyGoalMin, GoalMax: WeeklyGoalMax, TotalSessions: h.Total, Empty: h.Empty(),
		Weeks: []WeekJSON{}, CheckIns: []CheckInsJSON{}}
	for _, w := range h.Weeks {
		out.Weeks = append(out.Weeks, WeekJSON{
			WeekStart: w.Start.Format(dateLayout), Sessions: w.Sessions(), Better: w.Count(FeltBetter),
			Same: w.Count(FeltSame), Worse: w.Count(FeltWorse), NotSaid: w.Count(NoFeeling), InGoal: w.InGoal(),
		})
	}
	for _, m := range h.CheckIns {
		out.CheckIns = append(out.CheckIns, CheckInsJSON{Move: m.Move, Easing: m.Count(Easing), Same: m.Count(Same),
			Spiking: m.Count(Spiking), Summary: m.Summary()})
	}
	return out
}

// CSV returns the weeks as comma-separated values with a header line; the check-in summaries are
// sentences, so they are in the text and JSON forms only.
func (h History) CSV() string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"week_start", "sessions", "better", "same", "worse", "not_said", "in_goal"})
	for _, wk := range h.JSON().Weeks {
		_ = w.Write([]string{wk.WeekStart, strconv.Itoa(wk.Sessions), strconv.Itoa(wk.Better), strconv.Itoa(wk.Same),
			strconv.Itoa(wk.Worse), strconv.Itoa(wk.NotSaid), strconv.FormatBool(wk.InGoal)})
	}
	w.Flush()
	return b.String()
}

// Text returns the history as a person reads it in a terminal: the weeks as a table, then the
// check-in answers per move.
func (h History) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Backroll history: the last %d weeks (the goal is %d–%d sessions a week)\n\n", len(h.Weeks), WeeklyGoalMin, WeeklyGoalMax)
	fmt.Fprintf(&b, "%-16s %8s %7s %5s %6s %9s\n", "Week of", "Sessions", "Better", "Same", "Worse", "Not said")
	for i, w := range h.Weeks {
		mark := ""
		switch {
		case i == len(h.Weeks)-1:
			mark = "  this week"
		case w.InGoal():
			mark = "  in the 2–3 rhythm"
		}
		fmt.Fprintf(&b, "%-16s %8d %7d %5d %6d %9d%s\n", w.Start.Format("Mon 2 Jan 2006"), w.Sessions(),
			w.Count(FeltBetter), w.Count(FeltSame), w.Count(FeltWorse), w.Count(NoFeeling), mark)
	}
	if e := h.Empty(); e != "" {
		fmt.Fprintf(&b, "\n%s\n", e)
	}
	b.WriteString("\nCheck-ins, per move (about 20 seconds in: easing, no change or spiking?)\n")
	if len(h.CheckIns) == 0 {
		b.WriteString("  No check-in answers in these weeks.\n")
	}
	for _, m := range h.CheckIns {
		fmt.Fprintf(&b, "  %s\n", m.Summary())
	}
	return b.String()
}
