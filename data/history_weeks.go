package data

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"backroll/routine"
)

// ChartWeeks is how many weeks the history chart and `backroll history` show.
const ChartWeeks = 12

// Week is one calendar week of history: the sessions that count toward the goal (see Counts),
// by how they felt, in the order they happened.
type Week struct {
	Start    time.Time // Monday 00:00, local
	Feelings []Feeling // one per counted session, in time order
}

// Sessions is how many sessions counted this week.
func (w Week) Sessions() int { return len(w.Feelings) }

// Count is how many sessions this week felt f.
func (w Week) Count(f Feeling) int { return countOf(w.Feelings, f) }

// InGoal reports whether the week reached the 2–3 sessions a week rhythm (more is fine too).
func (w Week) InGoal() bool { return w.Sessions() >= WeeklyGoalMin }

// MoveCheckIns sums up one move's 20-second check-in answers, oldest first.
type MoveCheckIns struct {
	Move    string   // the move ID
	Name    string   // the move as the summary says it: "glutes", "upper back"
	Answers []Answer // in time order
}

// Count is how many times the answer was a.
func (m MoveCheckIns) Count(a Answer) int { return countOf(m.Answers, a) }

// countOf is how many of xs equal x.
func countOf[T comparable](xs []T, x T) int {
	n := 0
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}

// History is what the history page and `backroll history` show: the last weeks, and the check-in
// answers per move over the same weeks.
type History struct {
	Weeks    []Week         // ChartWeeks weeks, oldest first; the last is the current week
	CheckIns []MoveCheckIns // moves with at least one answer, in routine order
	Total    int            // every recorded session, in or out of the weeks
	Last     time.Time      // the latest session's start, local; zero when there is none
}

// Recent sums up sessions over the weeks up to and including now's. Pass now in local time.
func Recent(sessions []Session, now time.Time, weeks int) History {
	h := History{Total: len(sessions)}
	first := WeekStart(now).AddDate(0, 0, -7*(weeks-1))
	h.Weeks = make([]Week, weeks)
	for i := range h.Weeks {
		h.Weeks[i].Start = first.AddDate(0, 0, 7*i)
	}
	// Sessions are recorded in order, but a clock change or a merged file may not be: sort a view.
	order := make([]int, 0, len(sessions))
	for i, s := range sessions {
		if s.Start.After(h.Last) {
			h.Last = s.Start
		}
		if !s.Start.Before(first) && s.Start.Before(h.Weeks[weeks-1].Start.AddDate(0, 0, 7)) {
			order = append(order, i)
		}
	}
	if !h.Last.IsZero() {
		h.Last = h.Last.In(now.Location())
	}
	sort.SliceStable(order, func(a, b int) bool { return sessions[order[a]].Start.Before(sessions[order[b]].Start) })
	answers := map[string][]Answer{}
	for _, i := range order {
		s := sessions[i]
		for _, id := range routine.MoveIDs() {
			if a, ok := s.CheckIns[id]; ok && (a == Easing || a == Same || a == Spiking) {
				answers[id] = append(answers[id], a)
			}
		}
		if !s.Counts() {
			continue
		}
		// The week by calendar days, so a daylight-saving week of 167 or 169 hours still lands right.
		ws := WeekStart(s.Start.In(now.Location()))
		for w := range h.Weeks {
			if h.Weeks[w].Start.Equal(ws) {
				h.Weeks[w].Feelings = append(h.Weeks[w].Feelings, s.Feeling)
				break
			}
		}
	}
	for _, m := range routine.DefaultMoves() {
		if a := answers[m.ID]; len(a) > 0 {
			h.CheckIns = append(h.CheckIns, MoveCheckIns{Move: m.ID, Name: moveName(m), Answers: a})
		}
	}
	return h
}

// moveNames are how a summary line names a move.
var moveNames = map[string]string{
	routine.UpperBack: "upper back", routine.TSpine: "t-spine", routine.Lats: "lats",
	routine.Glutes: "glutes", routine.HipFront: "hip front", routine.Finish: "finish",
}

func moveName(m routine.Move) string {
	if n, ok := moveNames[m.ID]; ok {
		return n
	}
	return strings.ToLower(m.Title)
}

// answerWords says an answer in a summary line.
func answerWords(a Answer) string {
	if a == Same {
		return "no change"
	}
	return string(a)
}

// times says a count: once, twice, 3 times.
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// AnswerCount is how many times one answer was given.
type AnswerCount struct {
	Answer Answer
	Count  int
}

// CheckInTrend is what a move's answers say, as facts a window can word in its own language:
// the latest answer, how many times in a row it was given, and what came before that run.
type CheckInTrend struct {
	Latest Answer        // the most recent answer; "" when there is none
	Run    int           // how many of the latest answers in a row were Latest
	Total  int           // every answer
	Before []AnswerCount // the answers before the run, most frequent first (ties: spiking, no change, easing)
}

// Steady reports whether every answer was the same.
func (t CheckInTrend) Steady() bool { return t.Run == t.Total }

// Trend sums up the answers, oldest to newest.
func (m MoveCheckIns) Trend() CheckInTrend {
	n := len(m.Answers)
	if n == 0 {
		return CheckInTrend{}
	}
	t := CheckInTrend{Latest: m.Answers[n-1], Total: n}
	for t.Run < n && m.Answers[n-1-t.Run] == t.Latest {
		t.Run++
	}
	earlier := MoveCheckIns{Answers: m.Answers[:n-t.Run]}
	kinds := []Answer{Spiking, Same, Easing}
	sort.SliceStable(kinds, func(a, b int) bool { return earlier.Count(kinds[a]) > earlier.Count(kinds[b]) })
	for _, a := range kinds {
		if c := earlier.Count(a); c > 0 {
			t.Before = append(t.Before, AnswerCount{a, c})
		}
	}
	return t
}

// Summary says the answers in plain English, oldest to newest: "glutes: spiking twice, easing
// since", "upper back: easing all 4 times". The window words Trend in the language in use.
func (m MoveCheckIns) Summary() string {
	t := m.Trend()
	switch {
	case t.Total == 0:
		return m.Name + ": not asked yet"
	case t.Steady() && t.Total == 1:
		return fmt.Sprintf("%s: %s, the one time asked", m.Name, answerWords(t.Latest))
	case t.Steady():
		return fmt.Sprintf("%s: %s all %d times", m.Name, answerWords(t.Latest), t.Total)
	}
	var parts []string
	for _, c := range t.Before {
		parts = append(parts, answerWords(c.Answer)+" "+times(c.Count))
	}
	since := "since"
	if t.Run > 1 {
		since = fmt.Sprintf("the last %d times", t.Run)
	}
	return fmt.Sprintf("%s: %s, %s %s", m.Name, joinList(parts), answerWords(t.Latest), since)
}

// Empty says, honestly, why there is nothing to chart; "" when the weeks hold a session.
func (h History) Empty() string {
	switch h.EmptyKind() {
	case EmptyNever:
		return "No sessions yet. Each session you finish, or stop after five minutes or more, shows here as one block in its week, coloured by how your back felt."
	case EmptyTooShort:
		return "No session in these weeks ran long enough to count (five minutes, or the whole routine)."
	case EmptyLongAgo:
		return fmt.Sprintf("No sessions in the last %d weeks. The last one was on %s. Whenever you start again, it shows here.",
			len(h.Weeks), h.Last.Format("Mon 2 Jan 2006"))
	}
	return ""
}

// EmptyKind says why the weeks hold nothing, so a window can say it in its own language.
type EmptyKind int

// Why the weeks are empty.
const (
	NotEmpty      EmptyKind = iota // some week has a session
	EmptyNever                     // no session ever
	EmptyTooShort                  // sessions in these weeks, none long enough to count
	EmptyLongAgo                   // the last session was before these weeks (h.Last)
)

// EmptyKind is the reason Empty gives, as a value.
func (h History) EmptyKind() EmptyKind {
	for _, w := range h.Weeks {
		if w.Sessions() > 0 {
			return NotEmpty
		}
	}
	switch {
	case h.Total == 0:
		return EmptyNever
	case !h.Last.IsZero() && h.Last.After(h.Weeks[0].Start):
		return EmptyTooShort
	default:
		return EmptyLongAgo
	}
}
