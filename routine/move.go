package routine

import "time"

// Side says which side of the body a step works on.
type Side int

// Sides. Moves done on the whole body use NoSide.
const (
	NoSide Side = iota
	Right
	Left
)

// String is the name used in plan --json: "right", "left" or "".
func (s Side) String() string {
	switch s {
	case Right:
		return "right"
	case Left:
		return "left"
	default:
		return ""
	}
}

// Label is the side as the screen shows it.
func (s Side) Label() string {
	switch s {
	case Right:
		return "RIGHT"
	case Left:
		return "LEFT"
	default:
		return ""
	}
}

// Move is one card of the routine: what to do, how hard, how slowly, and what to watch for.
type Move struct {
	ID        string   // stable key, used in history and plan --json
	Title     string   // the card's heading
	Area      string   // the body area worked
	Why       string   // one line on why this move is here
	Setup     string   // where the roller goes and how to get on it
	Steps     []string // 3–6 short numbered steps
	Pressure  string   // the pressure cue
	PaceCue   string   // the rolling pace cue
	Count     string   // passes or breaths, where the routine gives one
	PerSide   bool     // done once on each side, right first
	Length    time.Duration
	Breaths   int // when set, the step lasts this many breaths instead of Length
	Cautions  []string
	SoftenTip string // what to do when a spot "talks back"
	KinderFix string // what to change when discomfort spikes instead of easing
	Art       string // illustration key
}

// Rolls reports whether the move uses the roller under the body (the finish only rests on it);
// the 20-second check-in applies to these.
func (m Move) Rolls() bool { return m.Breaths == 0 }
