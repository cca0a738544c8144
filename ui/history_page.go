package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/ui/i18n"
)

// historyPage shows the last 12 weeks: sessions per week against the 2–3 band, coloured by how
// each felt, and the check-in answers per move in plain words.
type historyPage struct {
	c        *coach
	root     fyne.CanvasObject
	chart    *weekChart
	week     *widget.Label
	empty    *widget.Label
	checkIns *widget.Label
	legend   *fyne.Container
	dark     bool
}

func newHistoryPage(c *coach) *historyPage {
	p := &historyPage{c: c, chart: newWeekChart(), week: wrapped(""), empty: wrapped(""), checkIns: wrapped("")}
	p.legend = container.NewHBox()
	back := bigButton(lang.X("history.back", "Back  (Esc)"), theme.NavigateBackIcon(), c.leaveHistory)
	top := container.NewVBox(heading(lang.X("history.title", "Your weeks")), p.week)
	bottom := container.NewVBox(p.legend, p.empty, subheading(lang.X("history.check-ins", "How the moves felt, 20 seconds in")), p.checkIns,
		container.NewBorder(nil, nil, nil, back))
	p.root = container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil, container.NewPadded(p.chart))
	return p
}

// refresh reads the history again; the chart redraws only if its weeks or the theme changed.
func (p *historyPage) refresh() {
	h := data.Recent(p.c.history, p.c.now(), data.ChartWeeks)
	p.chart.set(h.Weeks)
	this := h.Weeks[len(h.Weeks)-1].Sessions()
	p.week.SetText(lang.X("history.weeks", "Sessions a week over the last {{.Weeks}} weeks, one block each. The shaded band is the {{.Min}}–{{.Max}} a week rhythm. This week: {{.This}}.",
		map[string]any{"Weeks": len(h.Weeks), "Min": data.WeeklyGoalMin, "Max": data.WeeklyGoalMax, "This": this}))
	if e := emptyWords(h); e != "" {
		p.empty.SetText(e)
		p.empty.Show()
	} else {
		p.empty.Hide()
	}
	var lines []string
	for _, m := range h.CheckIns {
		lines = append(lines, "•  "+i18n.CheckIns(m))
	}
	if len(lines) == 0 {
		lines = []string{lang.X("history.no-check-ins", "No check-in answers in these weeks yet. About 20 seconds into each move, keys 1–3 say whether it is easing.")}
	}
	p.checkIns.SetText(strings.Join(lines, "\n"))
	if dark := isDark(); dark != p.dark || len(p.legend.Objects) == 0 {
		p.dark = dark
		p.legend.Objects = nil
		for _, f := range []struct {
			feeling data.Feeling
			label   string
		}{{data.FeltBetter, lang.X("history.felt-better", "Felt better")}, {data.FeltSame, lang.X("history.felt-same", "The same")},
			{data.FeltWorse, lang.X("history.felt-worse", "Worse")}, {data.NoFeeling, lang.X("history.not-said", "Not said")}} {
			swatch := &canvas.Rectangle{FillColor: feelingColor(f.feeling), CornerRadius: 5}
			swatch.SetMinSize(fyne.NewSize(28, 28))
			p.legend.Add(container.NewCenter(swatch))
			p.legend.Add(widget.NewLabel(f.label + "   "))
		}
		p.legend.Refresh()
	}
}

// emptyWords says why the weeks hold nothing, in the language in use; "" when they hold sessions.
func emptyWords(h data.History) string {
	switch h.EmptyKind() {
	case data.EmptyNever:
		return lang.X("history.empty.never", "No sessions yet. Each session you finish, or stop after five minutes or more, shows here as one block in its week, coloured by how your back felt.")
	case data.EmptyTooShort:
		return lang.X("history.empty.too-short", "No session in these weeks ran long enough to count (five minutes, or the whole routine).")
	case data.EmptyLongAgo:
		return lang.X("history.empty.long-ago", "No sessions in the last {{.Weeks}} weeks. The last one was on {{.Date}}. Whenever you start again, it shows here.",
			map[string]any{"Weeks": len(h.Weeks), "Date": dateWords(h.Last)})
	}
	return ""
}

// dateWords writes a day as the language in use does: "Mon 2 Jan 2006" in English, in figures
// elsewhere: "2.1.2006" in German, "2/1/2006" in Spanish, French and Portuguese.
func dateWords(t time.Time) string {
	switch i18n.Current() {
	case "en":
		return t.Format("Mon 2 Jan 2006")
	case "de":
		return t.Format("2.1.2006")
	}
	return t.Format("2/1/2006")
}

// weekDate names a week by its Monday, short enough for the chart: "2 Jan" in English, "2.1." in
// German, "2/1" in Spanish, French and Portuguese.
func weekDate(t time.Time) string {
	switch i18n.Current() {
	case "en":
		return t.Format("2 Jan")
	case "de":
		return t.Format("2.1.")
	}
	return t.Format("2/1")
}
