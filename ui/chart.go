package ui

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
)

// feelingColor is the colour of a session block by how the session felt; theme colours, so both
// themes (and any later palette) carry it.
func feelingColor(f data.Feeling) color.Color {
	switch f {
	case data.FeltBetter:
		return themeColor(theme.ColorNamePrimary)
	case data.FeltSame:
		return themeColor(colorExhale)
	case data.FeltWorse:
		return themeColor(colorSide)
	}
	return themeColor(theme.ColorNameDisabled)
}

// weekChart draws sessions per week against the 2–3 a week band: one column a week, one block a
// session, stacked and coloured by how it felt. Plain canvas objects; they are rebuilt only when
// the weeks or the theme change, and only moved when the size changes.
type weekChart struct {
	widget.BaseWidget
	weeks []data.Week
	dark  bool
}

func newWeekChart() *weekChart {
	c := &weekChart{}
	c.ExtendBaseWidget(c)
	return c
}

// set shows weeks; it redraws nothing when they and the theme are what is shown already.
func (c *weekChart) set(weeks []data.Week) {
	dark := isDark()
	if dark == c.dark && slices.EqualFunc(weeks, c.weeks, sameWeek) {
		return
	}
	c.dark = dark
	c.weeks = slices.Clone(weeks)
	c.Refresh()
}

func sameWeek(a, b data.Week) bool {
	return a.Start.Equal(b.Start) && slices.Equal(a.Feelings, b.Feelings)
}

func (c *weekChart) MinSize() fyne.Size { return fyne.NewSize(480, 240) }

func (c *weekChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{chart: c}
	r.build()
	return r
}

// chartRenderer keeps the chart's objects. build makes them from the weeks; Layout places them.
type chartRenderer struct {
	chart   *weekChart
	band    *canvas.Rectangle
	bandTxt *canvas.Text
	axis    *canvas.Line
	yLabels []*canvas.Text
	yValues []int
	columns []chartColumn
	objects []fyne.CanvasObject
	shown   []data.Week // what build last drew
	dark    bool
}

type chartColumn struct {
	label  *canvas.Text
	blocks []*canvas.Rectangle
}

// top is the highest number of sessions the y axis shows: room for the band and the fullest week.
func (r *chartRenderer) top() int {
	most := data.WeeklyGoalMax + 1
	for _, w := range r.chart.weeks {
		most = max(most, w.Sessions())
	}
	return most
}

func (r *chartRenderer) build() {
	c := r.chart
	r.shown, r.dark = c.weeks, c.dark
	text := theme.Size(theme.SizeNameText)
	fg := themeColor(theme.ColorNameForeground)
	calm := themeColor(colorCalm)
	r.band = &canvas.Rectangle{FillColor: withAlpha(themeColor(theme.ColorNamePrimary), 0x30), CornerRadius: 4}
	r.bandTxt = canvas.NewText(lang.X("chart.band", "{{.Min}}–{{.Max}} a week", map[string]any{"Min": data.WeeklyGoalMin, "Max": data.WeeklyGoalMax}), themeColor(theme.ColorNamePrimary))
	r.bandTxt.TextSize = text
	r.bandTxt.TextStyle.Bold = true
	r.axis = canvas.NewLine(calm)
	r.axis.StrokeWidth = 2
	r.objects = []fyne.CanvasObject{r.band, r.axis, r.bandTxt}

	top := r.top()
	step := 1
	if top > 8 {
		step = (top + 5) / 6
	}
	r.yLabels, r.yValues = nil, nil
	for v := 0; v <= top; v += step {
		l := canvas.NewText(fmt.Sprint(v), calm)
		l.TextSize = text
		l.Alignment = fyne.TextAlignTrailing
		r.yLabels, r.yValues = append(r.yLabels, l), append(r.yValues, v)
		r.objects = append(r.objects, l)
	}

	r.columns = make([]chartColumn, len(c.weeks))
	for i, w := range c.weeks {
		col := &r.columns[i]
		col.label = canvas.NewText(weekDate(w.Start), fg)
		col.label.TextSize = text
		col.label.Alignment = fyne.TextAlignCenter
		if i == len(c.weeks)-1 {
			col.label.Text = lang.X("chart.this-week", "This week")
			col.label.TextStyle.Bold = true
			col.label.TextSize = text * 0.85
		}
		r.objects = append(r.objects, col.label)
		for _, f := range w.Feelings {
			b := &canvas.Rectangle{FillColor: feelingColor(f), CornerRadius: 5}
			col.blocks = append(col.blocks, b)
			r.objects = append(r.objects, b)
		}
	}
}

func (r *chartRenderer) Layout(size fyne.Size) {
	text := theme.Size(theme.SizeNameText)
	left := text*2 + 8
	bottom := text*1.6 + 8
	topPad := float32(8)
	plotW, plotH := size.Width-left, size.Height-bottom-topPad
	if plotW <= 0 || plotH <= 0 || len(r.columns) == 0 {
		return
	}
	top := float32(r.top())
	unit := plotH / top
	y := func(v float32) float32 { return topPad + plotH - v*unit }

	r.band.Move(fyne.NewPos(left, y(data.WeeklyGoalMax)))
	r.band.Resize(fyne.NewSize(plotW, unit*(data.WeeklyGoalMax-data.WeeklyGoalMin)))
	bs := r.bandTxt.MinSize()
	r.bandTxt.Move(fyne.NewPos(size.Width-bs.Width-6, y(data.WeeklyGoalMax)+(unit*(data.WeeklyGoalMax-data.WeeklyGoalMin)-bs.Height)/2))
	r.axis.Position1 = fyne.NewPos(left, y(0))
	r.axis.Position2 = fyne.NewPos(size.Width, y(0))
	for i, l := range r.yLabels {
		ls := l.MinSize()
		l.Move(fyne.NewPos(0, y(float32(r.yValues[i]))-ls.Height/2))
		l.Resize(fyne.NewSize(left-8, ls.Height))
	}

	colW := plotW / float32(len(r.columns))
	blockW := min(colW*0.62, 90)
	gap := min(unit*0.12, 4)
	for i, col := range r.columns {
		x := left + colW*float32(i)
		ls := col.label.MinSize()
		col.label.Move(fyne.NewPos(x, y(0)+6))
		col.label.Resize(fyne.NewSize(colW, ls.Height))
		for j, b := range col.blocks {
			b.Move(fyne.NewPos(x+(colW-blockW)/2, y(float32(j+1))+gap/2))
			b.Resize(fyne.NewSize(blockW, unit-gap))
		}
	}
}

func (r *chartRenderer) MinSize() fyne.Size { return r.chart.MinSize() }

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh rebuilds the objects only when the weeks or the theme changed since they were built.
func (r *chartRenderer) Refresh() {
	c := r.chart
	if c.dark != r.dark || !slices.EqualFunc(c.weeks, r.shown, sameWeek) {
		r.build()
		r.Layout(c.Size())
	}
	canvas.Refresh(c)
}

func (r *chartRenderer) Destroy() {}
