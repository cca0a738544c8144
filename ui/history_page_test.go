package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backroll/data"
	"backroll/routine"
)

// seedHistory is about twenty sessions over ten weeks before the harness's day, feelings and
// check-ins varied, one stopped too early to count.
func seedHistory(now time.Time) []data.Session {
	feelings := []data.Feeling{data.FeltBetter, data.FeltSame, data.FeltBetter, data.FeltWorse, data.NoFeeling, data.FeltBetter}
	answers := []data.Answer{data.Spiking, data.Spiking, data.Easing}
	var out []data.Session
	start := data.WeekStart(now).AddDate(0, 0, -7*9)
	for i := range 21 {
		day := start.AddDate(0, 0, i*3+i%2).Add(18 * time.Hour)
		if !day.Before(now) {
			break
		}
		s := data.Session{Start: day, Seconds: 700, Finished: true, Feeling: feelings[i%len(feelings)], StepsDone: 9, TotalSteps: 9,
			CheckIns: map[string]data.Answer{routine.UpperBack: data.Easing, routine.Glutes: answers[min(i/4, 2)]}}
		if i == 7 {
			s.Seconds, s.Finished = 40, false
		}
		out = append(out, s)
	}
	return out
}

func TestHistoryPageRenders(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			h := newHarness(t, `{"version":2,"safety_acknowledged":true,"theme":"`+theme+`"}`, fyne.NewSize(1280, 800))
			h.c.history = seedHistory(h.c.now())
			h.typeRune('h')
			if h.c.pages.current != pageHistory {
				t.Fatal("H did not open the history page")
			}
			test.AssertImageMatches(t, "history-"+theme+".png", h.capture())
		})
	}
}

func TestHistoryPageEmptyStateAndWayBack(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	test.Tap(findButton(t, h.c.pages.start.get().root, "History"))
	if h.c.pages.current != pageHistory {
		t.Fatal("the History button did not open the page")
	}
	text := allText(h.c.pages.history.get().root)
	for _, want := range []string{"No sessions yet.", "No check-in answers in these weeks yet"} {
		if !strings.Contains(text, want) {
			t.Errorf("empty history page lacks %q:\n%s", want, text)
		}
	}
	test.AssertImageMatches(t, "history-empty-light.png", h.capture())
	h.key(fyne.KeyBackspace)
	if h.c.pages.current != pageStart {
		t.Fatal("Backspace did not go back")
	}
	// From the finish page, and back to it.
	h.key(fyne.KeyReturn)
	h.advance(3 * time.Second)
	h.typeRune('x')
	h.key(fyne.KeyReturn)
	h.typeRune('h')
	if h.c.pages.current != pageHistory {
		t.Fatal("H on the finish page did not open the history")
	}
	h.key(fyne.KeyEscape)
	if h.c.pages.current != pageFinish {
		t.Fatalf("Esc led to page %d, want the finish page", h.c.pages.current)
	}
	// H in a session does nothing.
	h.key(fyne.KeyReturn)
	h.key(fyne.KeyReturn)
	h.typeRune('h')
	if h.c.pages.current != pageSession {
		t.Fatal("H left a running session")
	}
}

func TestHistoryChartRedrawsOnlyWhenItChanges(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(&backrollTheme{choice: ThemeLight})
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	weeks := data.Recent(seedHistory(now), now, data.ChartWeeks).Weeks
	chart := newWeekChart()
	w := test.NewTempWindow(t, chart)
	w.Resize(fyne.NewSize(900, 400))
	chart.set(weeks)
	r := test.WidgetRenderer(chart).(*chartRenderer)
	objects := r.Objects()
	chart.set(data.Recent(seedHistory(now), now, data.ChartWeeks).Weeks) // equal weeks, fresh slices
	if &r.Objects()[0] != &objects[0] {
		t.Fatal("the same weeks rebuilt the chart")
	}
	blocks := 0
	for _, c := range r.columns {
		blocks += len(c.blocks)
	}
	if blocks != 20 || len(r.columns) != 12 {
		t.Fatalf("%d blocks in %d columns, want 20 in 12", blocks, len(r.columns))
	}
	chart.set(weeks[:11])
	if &r.Objects()[0] == &objects[0] {
		t.Fatal("different weeks did not rebuild the chart")
	}
}

// BenchmarkHistoryChart500 sums up 500 sessions and renders the chart to pixels in a 1280×600
// window: every session in the last 12 weeks, the most blocks the chart can be asked to draw. The
// weeks differ on every round, so the chart is rebuilt each time. The /build part leaves out the
// software rasteriser, which a real window replaces with OpenGL.
func BenchmarkHistoryChart500(b *testing.B) {
	test.NewTempApp(b).Settings().SetTheme(&backrollTheme{choice: ThemeLight})
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	first := data.WeekStart(now).AddDate(0, 0, -7*11)
	var sessions []data.Session
	feelings := []data.Feeling{data.FeltBetter, data.FeltSame, data.FeltWorse, data.NoFeeling}
	for i := range 500 {
		at := first.Add(time.Duration(i) * (now.Sub(first) / 500))
		sessions = append(sessions, data.Session{Start: at, Finished: true, Seconds: 700, Feeling: feelings[i%4],
			CheckIns: map[string]data.Answer{routine.Glutes: data.Easing}})
	}
	for _, render := range []bool{true, false} {
		name := "render"
		if !render {
			name = "build"
		}
		b.Run(name, func(b *testing.B) {
			chart := newWeekChart()
			w := test.NewTempWindow(b, chart)
			w.Resize(fyne.NewSize(1280, 600))
			r := test.WidgetRenderer(chart).(*chartRenderer)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				weeks := data.Recent(sessions[:500-i%2], now, data.ChartWeeks).Weeks // a change every time
				chart.set(weeks)
				if render {
					_ = w.Canvas().Capture()
				} else {
					r.Layout(chart.Size())
				}
			}
			b.StopTimer()
			if n := len(r.columns); n != 12 {
				b.Fatal(fmt.Sprint(n, " columns"))
			}
		})
	}
}
