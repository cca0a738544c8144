package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/routine"
	"backroll/ui/i18n"
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
	language *widget.Select
	restart  *widget.Label // the language applies at the next start, said in words
	textSize *widget.Slider
	updating bool
	remind   *reminderSettings // reminders, start at login, the 3-2-1 (reminder_settings.go)
}

func newStartPage(c *coach) *startPage {
	p := &startPage{c: c, tiles: container.New(&tileGrid{}), title: heading(""), plan: subheading(""), advice: wrapped(""), week: wrapped("")}
	start := bigButton(lang.X("start.start", "Start  (Enter)"), theme.MediaPlayIcon(), c.start)
	safety := widget.NewButtonWithIcon(lang.X("start.safety", "Safety  (S)"), theme.WarningIcon(), c.showSafety)
	keys := widget.NewButtonWithIcon(lang.X("start.keys", "Keys  (?)"), theme.HelpIcon(), c.showKeys)
	adjust := widget.NewButtonWithIcon(lang.X("start.adjust", "Adjust  (A)"), theme.SettingsIcon(), c.showAdjust)
	history := widget.NewButtonWithIcon(lang.X("start.history", "History  (H)"), theme.HistoryIcon(), c.showHistory)
	hint := wrapped(i18n.R(routine.SoftenCheck))
	hint.Importance = widget.LowImportance
	p.notHere = newNotHereImage(150, c.toThread)
	notHere := container.NewBorder(nil, nil, p.notHere.img, nil, wrapped(i18n.R(routine.NeverRollLowerBack)))
	p.themes = widget.NewRadioGroup(themeLabels(), func(label string) {
		if i := slices.Index(themeLabels(), label); i >= 0 && !p.updating {
			c.setTheme(ThemeChoice(data.Themes[i]))
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
	p.language = widget.NewSelect(languageLabels(), func(label string) {
		if i := slices.Index(languageLabels(), label); i >= 0 && !p.updating {
			c.setLanguage(data.Languages[i])
		}
	})
	p.restart = widget.NewLabel(lang.X("start.language.restart", "The new language shows the next time Backroll starts."))
	p.restart.Importance = widget.LowImportance
	p.restart.Hide()
	look := container.NewHBox(widget.NewLabel(lang.X("start.theme", "Theme")), p.themes, widget.NewLabel(lang.X("start.text-size", "Text size")),
		container.NewGridWrap(fyne.NewSize(180, p.textSize.MinSize().Height), p.textSize))
	speech := container.NewHBox(widget.NewLabel(lang.X("start.language", "Language")),
		container.NewGridWrap(fyne.NewSize(selectWidth(languageLabels()), p.language.MinSize().Height), p.language), p.restart)

	top := container.NewVBox(p.title, p.plan, p.advice)
	p.remind = newReminderSettings(c)
	reminders := widget.NewButtonWithIcon(lang.X("start.reminders", "Reminders  (N)"), theme.MailComposeIcon(), c.showReminders)
	// The words and settings scroll with the tiles, under them, so a small window (800 × 500) or a
	// long language never lays them over the title; Start and the page buttons stay in view.
	words := container.NewVBox(p.week, hint, notHere, look, speech)
	buttons := container.New(&besideLayout{}, start, container.New(&wrapRow{}, adjust, history, reminders, safety, keys))
	p.root = container.NewBorder(container.NewPadded(top), container.NewPadded(buttons), nil, nil,
		container.NewVScroll(container.NewBorder(nil, container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding(), theme.Padding()), words), nil, nil,
			container.NewPadded(p.tiles))))
	return p
}

// refresh redraws the plan (settings may have changed) and the week.
func (p *startPage) refresh() {
	prefs := p.c.prefs.Get()
	plan := p.c.plan()
	text := lang.X("start.plan", "{{.Total}} in all  ·  breathe {{.Pattern}} ({{.Rate}} a minute)  ·  {{.Roller}}, pressure about {{.Pressure}} out of 10",
		map[string]any{"Total": routine.MinSec(plan.Total()), "Pattern": i18n.Pattern(plan.Pattern), "Rate": i18n.Decimal(plan.Pattern.BreathsPerMinute()),
			"Roller": i18n.R(plan.Roller.Label()), "Pressure": plan.Roller.PressureTarget()})
	p.plan.SetText(text + routineWords(plan))
	p.advice.SetText(totalAdvice(plan.Total()))
	p.advice.Hidden = p.advice.Text == ""
	if t := plan.Total(); t < routine.RoutineMin || t > routine.RoutineMax {
		p.title.SetText(lang.X("start.title.today", "Your routine today: {{.Time}}, paced by your breath", map[string]any{"Time": routine.MinSec(t)}))
	} else {
		p.title.SetText(lang.X("start.title", "Your routine: 10–12 minutes, paced by your breath"))
	}
	p.remind.refresh()
	p.week.SetText(weekWords(data.Summarize(p.c.history, p.c.now())) + p.remind.weekLine())
	p.c.refreshTray()
	p.notHere.refresh()
	p.updating = true
	if i := slices.Index(data.Themes, prefs.Theme); i >= 0 {
		p.themes.SetSelected(themeLabels()[i])
	}
	if i := slices.Index(data.Languages, prefs.Language); i >= 0 {
		p.language.SetSelected(languageLabels()[i])
	}
	p.textSize.SetValue(prefs.TextSize)
	p.updating = false
	// A plan is made from its pattern, roller mode and adjustment, so those tell whether it changed.
	if dark := isDark(); dark != p.dark || plan.Pattern != p.shown.Pattern || plan.Roller != p.shown.Roller ||
		plan.Total() != p.shown.Total() || plan.Out|plan.Today != p.shown.Out|p.shown.Today || len(plan.Steps) != len(p.shown.Steps) {
		p.dark, p.shown = dark, plan
		p.tiles.Objects = nil
		for _, start := range plan.MoveIndex() {
			p.tiles.Add(moveTile(plan, start, p.c.toThread))
		}
		p.tiles.Refresh()
	}
}

// moveTile is one move of the overview: a small drawing, its number and name, and its time.
func moveTile(plan routine.Plan, start int, deliver func(func())) fyne.CanvasObject {
	st := plan.Steps[start]
	img := newArtView(150, deliver)
	img.setDrawing(artResource(st.Move.Art, st.Side, themeColor(theme.ColorNameBackground)))
	number := 1
	for i, s := range plan.MoveIndex() {
		if s == start {
			number = i + 1
		}
	}
	length := routine.MinSec(st.Length)
	if st.Side != routine.NoSide {
		length = lang.X("start.tile.sides", "2 × {{.Time}}, right then left", map[string]any{"Time": length})
	}
	title := widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", number, i18n.R(st.Move.Title)), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	time := canvas.NewText(length, themeColor(colorCalm))
	time.Alignment = fyne.TextAlignCenter
	time.TextSize = theme.Size(theme.SizeNameText)
	return container.NewVBox(img, title, container.New(fitLine{size: func() float32 { return theme.Size(theme.SizeNameText) }}, time))
}

// weekWords says this week's sessions against the 2–3 a week rhythm, kindly: no streaks, and a
// missed day is fine.
func weekWords(s data.Summary) string {
	switch {
	case s.Sessions == 0:
		return lang.X("week.first", "Your first session. Two or three short ones a week is all it takes; there is no need to roll every day.")
	case s.ThisWeek == 0:
		return lang.X("week.none", "No sessions yet this week, and that's fine. Two or three a week is plenty.")
	case s.ThisWeek == 1:
		return lang.X("week.one", "1 session this week. One or two more, whenever it suits you, is plenty.")
	case s.ThisWeek < data.WeeklyGoalMax:
		return lang.X("week.rhythm", "{{.Count}} sessions this week: right in the two-or-three-a-week rhythm.", map[string]any{"Count": s.ThisWeek})
	default:
		return lang.X("week.plenty", "{{.Count}} sessions this week: plenty. Rest days are part of it too.", map[string]any{"Count": s.ThisWeek})
	}
}

// themeLabels names data.Themes, in their order.
func themeLabels() []string {
	return []string{lang.X("theme.system", "System"), lang.X("theme.light", "Light"), lang.X("theme.dark", "Dark")}
}

// languageLabels names data.Languages, in their order: each language in itself, so a person can
// find their own whatever the window speaks now.
func languageLabels() []string {
	labels := []string{lang.X("language.system", "System language")}
	for _, l := range i18n.Languages {
		labels = append(labels, l.Name)
	}
	return labels
}

// selectWidth is wide enough for a select to show its longest option whole.
func selectWidth(options []string) float32 {
	w := float32(0)
	for _, o := range options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + theme.IconInlineSize() + 6*theme.Padding()
}

// totalAdvice says, in words, when the routine's total is outside its 10–12 minutes; "" inside.
func totalAdvice(total time.Duration) string {
	key := routine.TotalAdviceKey(total)
	if key == "" {
		return ""
	}
	return i18n.RKey(key, map[string]any{"Time": routine.MinSec(total)})
}

// routineWords adds the adjusted routine to the start page's plan line: the preset and what is
// left out today.
func routineWords(plan routine.Plan) string {
	var b strings.Builder
	if plan.Preset != routine.RoutineFull && plan.Preset != "" {
		b.WriteString(lang.X("start.preset", "  ·  {{.Preset}} routine", map[string]any{"Preset": i18n.R(plan.Preset.Label())}))
	}
	if n := len(plan.Today.IDs()); n > 0 {
		b.WriteString(lang.XN("start.left-out", "  ·  {{.Count}} moves left out today", n, map[string]any{"Count": n}))
	}
	return b.String()
}
