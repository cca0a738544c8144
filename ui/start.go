package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/routine"
)

// startPage shows the routine at a glance, the breath and roller in use, the week in gentle
// words, and one big Start button.
type startPage struct {
	c      *coach
	root   fyne.CanvasObject
	tiles  *fyne.Container
	title  *widget.Label
	plan   *widget.Label
	advice *widget.Label // the total outside 10–12 minutes, said plainly
	week   *widget.Label
	dark   bool
	shown  routine.Plan

	notHere  *notHereImage
	themes   *widget.RadioGroup
	textSize *widget.Slider
	updating bool
	remind   *reminderSettings // reminders, start at login, the 3-2-1 (reminder_settings.go)
}

func newStartPage(c *coach) *startPage {
	p := &startPage{c: c, tiles: container.NewGridWithColumns(6), title: heading(""), plan: subheading(""), advice: wrapped(""), week: wrapped("")}
	start := bigButton("Start  (Enter)", theme.MediaPlayIcon(), c.start)
	safety := widget.NewButtonWithIcon("Safety  (S)", theme.WarningIcon(), c.showSafety)
	keys := widget.NewButtonWithIcon("Keys  (?)", theme.HelpIcon(), c.showKeys)
	adjust := widget.NewButtonWithIcon("Adjust  (A)", theme.SettingsIcon(), c.showAdjust)
	history := widget.NewButtonWithIcon("History  (H)", theme.HistoryIcon(), c.showHistory)
	hint := wrapped(routine.SoftenCheck)
	hint.Importance = widget.LowImportance
	p.notHere = newNotHereImage(150)
	notHere := container.NewBorder(nil, nil, p.notHere.img, nil, wrapped(routine.NeverRollLowerBack))
	p.themes = widget.NewRadioGroup([]string{"System", "Light", "Dark"}, func(label string) {
		if label != "" && !p.updating {
			c.setTheme(ThemeChoice(strings.ToLower(label)))
		}
	})
	p.themes.Horizontal = true
	p.themes.Required = true
	p.textSize = widget.NewSlider(0.8, 1.6)
	p.textSize.Step = 0.1
	p.textSize.OnChangeEnded = func(v float64) {
		if !p.updating {
			c.setTextSize(v)
		}
	}
	look := container.NewHBox(widget.NewLabel("Theme"), p.themes, widget.NewLabel("Text size"),
		container.NewGridWrap(fyne.NewSize(180, p.textSize.MinSize().Height), p.textSize))

	top := container.NewVBox(p.title, p.plan, p.advice)
	p.remind = newReminderSettings(c)
	reminders := widget.NewButtonWithIcon("Reminders  (N)", theme.MailComposeIcon(), c.showReminders)
	bottom := container.NewVBox(p.week, hint, notHere, look, container.NewBorder(nil, nil, nil, container.NewHBox(adjust, history, reminders, safety, keys), start))
	p.root = container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil,
		container.NewVScroll(container.NewPadded(p.tiles)))
	return p
}

// refresh redraws the plan (settings may have changed) and the week.
func (p *startPage) refresh() {
	prefs := p.c.prefs.Get()
	plan := p.c.plan()
	text := fmt.Sprintf("%s in all  ·  breathe %s (%.1f a minute)  ·  %s, pressure about %d out of 10",
		routine.MinSec(plan.Total()), plan.Pattern, plan.Pattern.BreathsPerMinute(), plan.Roller.Label(), plan.Roller.PressureTarget())
	p.plan.SetText(text + routineWords(plan))
	p.advice.SetText(routine.TotalAdvice(plan.Total()))
	p.advice.Hidden = p.advice.Text == ""
	if t := plan.Total(); t < routine.RoutineMin || t > routine.RoutineMax {
		p.title.SetText("Your routine today: " + routine.MinSec(t) + ", paced by your breath")
	} else {
		p.title.SetText("Your routine: 10–12 minutes, paced by your breath")
	}
	p.remind.refresh()
	p.week.SetText(weekWords(data.Summarize(p.c.history, p.c.now())) + p.remind.weekLine())
	p.c.refreshTray()
	p.notHere.refresh()
	p.updating = true
	p.themes.SetSelected(strings.ToUpper(string(prefs.Theme[:1])) + string(prefs.Theme[1:]))
	p.textSize.SetValue(prefs.TextSize)
	p.updating = false
	// A plan is made from its pattern, roller mode and adjustment, so those tell whether it changed.
	if dark := isDark(); dark != p.dark || plan.Pattern != p.shown.Pattern || plan.Roller != p.shown.Roller ||
		plan.Total() != p.shown.Total() || plan.Out|plan.Today != p.shown.Out|p.shown.Today || len(plan.Steps) != len(p.shown.Steps) {
		p.dark, p.shown = dark, plan
		p.tiles.Objects = nil
		for _, start := range plan.MoveIndex() {
			p.tiles.Add(moveTile(plan, start))
		}
		p.tiles.Refresh()
	}
}

// moveTile is one move of the overview: a small drawing, its number and name, and its time.
func moveTile(plan routine.Plan, start int) fyne.CanvasObject {
	st := plan.Steps[start]
	img := newArtImage(150)
	img.Resource = artResource(st.Move.Art, st.Side, themeColor(theme.ColorNameBackground))
	number := 1
	for i, s := range plan.MoveIndex() {
		if s == start {
			number = i + 1
		}
	}
	length := routine.MinSec(st.Length)
	if st.Side != routine.NoSide {
		length = "2 × " + length + ", right then left"
	}
	title := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", number, st.Move.Title), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	time := canvas.NewText(length, themeColor(colorCalm))
	time.Alignment = fyne.TextAlignCenter
	time.TextSize = theme.Size(theme.SizeNameText)
	return container.NewVBox(img, title, time)
}

// weekWords says this week's sessions against the 2–3 a week rhythm, kindly: no streaks, and a
// missed day is fine.
func weekWords(s data.Summary) string {
	switch {
	case s.Sessions == 0:
		return "Your first session. Two or three short ones a week is all it takes; there is no need to roll every day."
	case s.ThisWeek == 0:
		return "No sessions yet this week, and that's fine. Two or three a week is plenty."
	case s.ThisWeek == 1:
		return "1 session this week. One or two more, whenever it suits you, is plenty."
	case s.ThisWeek < data.WeeklyGoalMax:
		return fmt.Sprintf("%d sessions this week: right in the two-or-three-a-week rhythm.", s.ThisWeek)
	default:
		return fmt.Sprintf("%d sessions this week: plenty. Rest days are part of it too.", s.ThisWeek)
	}
}

// routineWords adds the adjusted routine to the start page's plan line: the preset and what is
// left out today.
func routineWords(plan routine.Plan) string {
	var b strings.Builder
	if plan.Preset != routine.RoutineFull && plan.Preset != "" {
		fmt.Fprintf(&b, "  ·  %s routine", plan.Preset.Label())
	}
	switch n := len(plan.Today.IDs()); n {
	case 0:
	case 1:
		b.WriteString("  ·  1 move left out today")
	default:
		fmt.Fprintf(&b, "  ·  %d moves left out today", n)
	}
	return b.String()
}
