package i18n

import (
	"fyne.io/fyne/v2/lang"

	"backroll/data"
	"backroll/routine"
)

// CheckIns says one move's check-in answers in the language in use, oldest to newest, from the
// facts data gives: "Glutes: spiking 8 times, easing the last 13 times". Each count picks its
// language's plural form.
func CheckIns(m data.MoveCheckIns) string {
	t := m.Trend()
	move := checkInMove(m.Move)
	if t.Total == 0 {
		return lang.X("checkins.not-asked", "{{.Move}}: not asked yet", map[string]any{"Move": move})
	}
	latest := answerWords(t.Latest)
	if t.Steady() {
		return lang.XN("checkins.all", "{{.Move}}: {{.Answer}} all {{.Count}} times", t.Total,
			map[string]any{"Move": move, "Answer": latest, "Count": t.Total})
	}
	var parts []string
	for _, c := range t.Before {
		parts = append(parts, lang.X("checkins.part", "{{.Answer}} {{.Times}}",
			map[string]any{"Answer": answerWords(c.Answer), "Times": times(c.Count)}))
	}
	return lang.XN("checkins.since", "{{.Move}}: {{.Before}}, {{.Answer}} the last {{.Count}} times", t.Run,
		map[string]any{"Move": move, "Before": List(parts), "Answer": latest, "Count": t.Run})
}

// checkInMove names a move at the start of its summary line.
func checkInMove(id string) string {
	switch id {
	case routine.UpperBack:
		return lang.X("checkins.move.upper-back", "Upper back")
	case routine.TSpine:
		return lang.X("checkins.move.t-spine", "T-spine")
	case routine.Lats:
		return lang.X("checkins.move.lats", "Lats")
	case routine.Glutes:
		return lang.X("checkins.move.glutes", "Glutes")
	case routine.HipFront:
		return lang.X("checkins.move.hip-front", "Hip front")
	case routine.Finish:
		return lang.X("checkins.move.finish", "Finish")
	}
	return id
}

// answerWords says an answer inside a summary line.
func answerWords(a data.Answer) string {
	switch a {
	case data.Easing:
		return lang.X("checkins.easing", "easing")
	case data.Spiking:
		return lang.X("checkins.spiking", "spiking")
	}
	return lang.X("checkins.same", "no change")
}

// times says how often: once, twice, 3 times.
func times(n int) string {
	if n == 2 {
		return lang.X("checkins.twice", "twice")
	}
	return lang.XN("checkins.times", "{{.Count}} times", n, map[string]any{"Count": n})
}

// List joins words as the language lists them: "a, b and c".
func List(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	head := words[0]
	for _, w := range words[1 : len(words)-1] {
		head = lang.X("list.comma", "{{.List}}, {{.Next}}", map[string]any{"List": head, "Next": w})
	}
	return lang.X("list.and", "{{.List}} and {{.Last}}", map[string]any{"List": head, "Last": words[len(words)-1]})
}
