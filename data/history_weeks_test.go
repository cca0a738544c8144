package data

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"backroll/routine"
)

func TestRecentWeeksCountSessionsByFeeling(t *testing.T) {
	now := time.Date(2025, 3, 19, 20, 0, 0, 0, time.Local) // a Wednesday
	at := func(weeksAgo, day int) time.Time {
		return WeekStart(now).AddDate(0, 0, -7*weeksAgo+day).Add(8 * time.Hour)
	}
	sessions := []Session{
		{Start: at(12, 0), Finished: true, Feeling: FeltBetter}, // before the 12 weeks
		{Start: at(11, 1), Finished: true, Feeling: FeltWorse, CheckIns: map[string]Answer{routine.Glutes: Spiking}},
		{Start: at(5, 2), Finished: true, Feeling: FeltBetter, CheckIns: map[string]Answer{routine.Glutes: Spiking, routine.UpperBack: Easing}},
		{Start: at(5, 4), Seconds: 400, Feeling: FeltSame, CheckIns: map[string]Answer{routine.Glutes: Easing}},
		{Start: at(5, 5), Seconds: 30}, // too short to count, its answers still heard
		{Start: at(0, 1), Finished: true, CheckIns: map[string]Answer{routine.Glutes: Easing, routine.UpperBack: Easing}},
	}
	h := Recent(sessions, now, ChartWeeks)
	if len(h.Weeks) != 12 || !h.Weeks[11].Start.Equal(WeekStart(now)) || h.Total != 6 {
		t.Fatalf("weeks %d, last starts %v, total %d", len(h.Weeks), h.Weeks[11].Start, h.Total)
	}
	if w := h.Weeks[0]; w.Sessions() != 1 || w.Count(FeltWorse) != 1 {
		t.Errorf("oldest week %+v", w)
	}
	if w := h.Weeks[6]; w.Sessions() != 2 || w.Count(FeltBetter) != 1 || w.Count(FeltSame) != 1 || !w.InGoal() {
		t.Errorf("five weeks ago %+v", w)
	}
	if w := h.Weeks[11]; w.Sessions() != 1 || w.Count(NoFeeling) != 1 || w.InGoal() {
		t.Errorf("this week %+v", w)
	}
	var lines []string
	for _, m := range h.CheckIns {
		lines = append(lines, m.Summary())
	}
	want := "upper back: easing all 2 times\nglutes: spiking twice, easing the last 2 times"
	if strings.Join(lines, "\n") != want {
		t.Errorf("summaries:\n%s\nwant:\n%s", strings.Join(lines, "\n"), want)
	}
	if h.Empty() != "" {
		t.Errorf("not empty, but says %q", h.Empty())
	}
}

func TestCheckInSummaryWords(t *testing.T) {
	for _, c := range []struct {
		answers []Answer
		want    string
	}{
		{[]Answer{Spiking, Spiking, Easing}, "glutes: spiking twice, easing since"},
		{[]Answer{Same}, "glutes: no change, the one time asked"},
		{[]Answer{Easing, Same, Easing, Spiking}, "glutes: easing twice and no change once, spiking since"},
	} {
		if got := (MoveCheckIns{Name: "glutes", Answers: c.answers}).Summary(); got != c.want {
			t.Errorf("%v: %q, want %q", c.answers, got, c.want)
		}
	}
}

func TestEmptyHistorySaysSoHonestly(t *testing.T) {
	now := time.Date(2025, 3, 19, 20, 0, 0, 0, time.Local)
	if e := Recent(nil, now, ChartWeeks).Empty(); !strings.HasPrefix(e, "No sessions yet.") {
		t.Errorf("no history: %q", e)
	}
	old := []Session{{Start: now.AddDate(-1, 0, 0), Finished: true}}
	if e := Recent(old, now, ChartWeeks).Empty(); !strings.Contains(e, "No sessions in the last 12 weeks. The last one was on") {
		t.Errorf("old history: %q", e)
	}
	short := []Session{{Start: now.Add(-time.Hour), Seconds: 20}}
	if e := Recent(short, now, ChartWeeks).Empty(); !strings.Contains(e, "long enough to count") {
		t.Errorf("short session: %q", e)
	}
}

// Trend gives a window the facts to word: the latest run, and what came before it by frequency.
func TestCheckInTrend(t *testing.T) {
	repeat := func(a Answer, n int) []Answer {
		out := make([]Answer, n)
		for i := range out {
			out[i] = a
		}
		return out
	}
	answers := append(append(append(repeat(Easing, 1), repeat(Spiking, 8)...), repeat(Same, 1)...), repeat(Easing, 13)...)
	m := MoveCheckIns{Name: "glutes", Answers: answers}
	got := m.Trend()
	want := CheckInTrend{Latest: Easing, Run: 13, Total: 23, Before: []AnswerCount{{Spiking, 8}, {Same, 1}, {Easing, 1}}}
	if fmt.Sprint(got) != fmt.Sprint(want) || got.Steady() {
		t.Errorf("trend %+v, want %+v", got, want)
	}
	if s, want := m.Summary(), "glutes: spiking 8 times, no change once and easing once, easing the last 13 times"; s != want {
		t.Errorf("summary %q, want %q", s, want)
	}
	if tr := (MoveCheckIns{Answers: repeat(Same, 4)}).Trend(); !tr.Steady() || tr.Run != 4 || tr.Before != nil {
		t.Errorf("steady trend %+v", tr)
	}
	if tr := (MoveCheckIns{}).Trend(); tr.Total != 0 || tr.Latest != "" {
		t.Errorf("no answers: %+v", tr)
	}
}
