package routine

import (
	"fmt"
	"strings"
	"time"
)

// PlanJSON is the plan as `backroll plan --json` prints it; the names match preferences.json.
type PlanJSON struct {
	Pattern          Pattern    `json:"pattern"`
	BreathsPerMinute float64    `json:"breaths_per_minute"`
	Roller           Roller     `json:"roller"`
	PressureTarget   int        `json:"pressure_target"`
	Steps            []StepJSON `json:"steps"`
	TotalSeconds     float64    `json:"total_seconds"`
	// The routine's shape: the preset, the moves left out (always, or for today only), and a plain
	// word when the total falls outside 10–12 minutes.
	Routine      RoutinePreset `json:"routine"`
	LeftOut      []string      `json:"left_out"`
	LeftOutToday []string      `json:"left_out_today"`
	Advice       string        `json:"advice,omitempty"`
}

// StepJSON is one step of PlanJSON.
type StepJSON struct {
	Move     string  `json:"move"`
	Title    string  `json:"title"`
	Side     string  `json:"side"`
	Seconds  float64 `json:"seconds"`
	Pressure string  `json:"pressure"`
}

// JSON returns the plan in the shape of PlanJSON.
func (p Plan) JSON() PlanJSON {
	out := PlanJSON{
		Pattern:          p.Pattern,
		BreathsPerMinute: roundTenth(p.Pattern.BreathsPerMinute()),
		Roller:           p.Roller,
		PressureTarget:   p.Roller.PressureTarget(),
		TotalSeconds:     p.Total().Seconds(),
		Routine:          p.Preset,
		LeftOut:          append([]string{}, p.Out.IDs()...),
		LeftOutToday:     append([]string{}, p.Today.IDs()...),
		Advice:           TotalAdvice(p.Total()),
	}
	if out.Routine == "" {
		out.Routine = RoutineFull
	}
	for _, s := range p.Steps {
		out.Steps = append(out.Steps, StepJSON{
			Move: s.Move.ID, Title: s.Move.Title, Side: s.Side.String(), Seconds: s.Length.Seconds(), Pressure: s.Move.Pressure,
		})
	}
	return out
}

// Text returns the plan as a person reads it in a terminal.
func (p Plan) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Backroll plan: %s, pressure about %d out of 10\n", p.Roller.Label(), p.Roller.PressureTarget())
	fmt.Fprintf(&b, "Breath: in %s s, hold %s s, out %s s, hold %s s (%.1f breaths a minute)\n",
		formatSeconds(p.Pattern.Inhale), formatSeconds(p.Pattern.HoldIn), formatSeconds(p.Pattern.Exhale),
		formatSeconds(p.Pattern.HoldOut), p.Pattern.BreathsPerMinute())
	fmt.Fprintf(&b, "Routine: %s\n", p.Preset.Label())
	if titles := moveTitles(p.Out); titles != "" {
		fmt.Fprintf(&b, "Left out: %s\n", titles)
	}
	if titles := moveTitles(p.Today); titles != "" {
		fmt.Fprintf(&b, "Left out today: %s\n", titles)
	}
	b.WriteString("\n")
	for i, s := range p.Steps {
		title := s.Move.Title
		if s.Side != NoSide {
			title += ", " + s.Side.String() + " side"
		}
		fmt.Fprintf(&b, "%2d. %-36s %s\n", i+1, title, MinSec(s.Length))
		fmt.Fprintf(&b, "    %s\n", s.Move.Pressure)
	}
	fmt.Fprintf(&b, "\nTotal: %s\n", MinSec(p.Total()))
	if advice := TotalAdvice(p.Total()); advice != "" {
		fmt.Fprintln(&b, advice)
	}
	return b.String()
}

// moveTitles names the moves of s in routine order: "Thoracic extensions, Front-of-hip reset".
func moveTitles(s MoveSet) string {
	var titles []string
	for _, m := range DefaultMoves() {
		if s.Has(m.ID) {
			titles = append(titles, m.Title)
		}
	}
	return strings.Join(titles, ", ")
}

// MinSec formats a duration as m:ss, rounding up so a countdown never shows 0:00 before the end.
func MinSec(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

func roundTenth(v float64) float64 {
	return float64(int(v*10+0.5)) / 10
}
