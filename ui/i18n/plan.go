package i18n

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"backroll/routine"
)

// PlanText is plan as a person reads it in a terminal (backroll plan), in the language in use. In
// English it is word for word routine's Plan.Text; plan --json stays English, with stable IDs.
func PlanText(p routine.Plan) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(lang.X("plan.header", "Backroll plan: {{.Roller}}, pressure about {{.Pressure}} out of 10",
		map[string]any{"Roller": R(p.Roller.Label()), "Pressure": p.Roller.PressureTarget()}))
	line(lang.X("plan.breath", "Breath: in {{.In}} s, hold {{.HoldIn}} s, out {{.Out}} s, hold {{.HoldOut}} s ({{.Rate}} breaths a minute)",
		map[string]any{"In": Seconds(p.Pattern.Inhale), "HoldIn": Seconds(p.Pattern.HoldIn), "Out": Seconds(p.Pattern.Exhale),
			"HoldOut": Seconds(p.Pattern.HoldOut), "Rate": Decimal(p.Pattern.BreathsPerMinute())}))
	preset := p.Preset
	if preset == "" {
		preset = routine.RoutineFull
	}
	line(lang.X("plan.routine", "Routine: {{.Preset}}", map[string]any{"Preset": R(preset.Label())}))
	if titles := moveTitles(p.Out); titles != "" {
		line(lang.X("plan.left-out", "Left out: {{.Moves}}", map[string]any{"Moves": titles}))
	}
	if titles := moveTitles(p.Today); titles != "" {
		line(lang.X("plan.left-out-today", "Left out today: {{.Moves}}", map[string]any{"Moves": titles}))
	}
	b.WriteString("\n")
	for i, s := range p.Steps {
		title := R(s.Move.Title)
		switch s.Side {
		case routine.Right:
			title = lang.X("plan.step.right", "{{.Move}}, right side", map[string]any{"Move": title})
		case routine.Left:
			title = lang.X("plan.step.left", "{{.Move}}, left side", map[string]any{"Move": title})
		}
		fmt.Fprintf(&b, "%2d. %s %s\n", i+1, padRight(title, 36), routine.MinSec(s.Length))
		fmt.Fprintf(&b, "    %s\n", R(s.Move.Pressure))
	}
	b.WriteString("\n")
	line(lang.X("plan.total", "Total: {{.Time}}", map[string]any{"Time": routine.MinSec(p.Total())}))
	if key := routine.TotalAdviceKey(p.Total()); key != "" {
		line(RKey(key, map[string]any{"Time": routine.MinSec(p.Total())}))
	}
	return b.String()
}

// moveTitles names the moves of s in routine order.
func moveTitles(s routine.MoveSet) string {
	var titles []string
	for _, m := range routine.DefaultMoves() {
		if s.Has(m.ID) {
			titles = append(titles, R(m.Title))
		}
	}
	return strings.Join(titles, ", ")
}

// padRight pads s with spaces to width letters (not bytes: "Gesäß" is five).
func padRight(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}
