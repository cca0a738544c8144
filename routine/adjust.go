package routine

import (
	"fmt"
	"strings"
	"time"
)

// The user's own routine: how long each move lasts, which moves are left out (today only or
// always) and how many breaths the finish takes. The order of the moves never changes: the upper
// back comes first for a reason.

// MoveCount is the number of moves in the routine, the finish included.
const MoveCount = 6

// moveOrder lists the move IDs in routine order, as DefaultMoves has them.
var moveOrder = [MoveCount]string{UpperBack, TSpine, Lats, Glutes, HipFront, Finish}

// MoveIDs returns the move IDs in routine order.
func MoveIDs() []string { return append([]string(nil), moveOrder[:]...) }

// moveIndex returns the place of id in the routine, or -1.
func moveIndex(id string) int {
	for i, m := range moveOrder {
		if m == id {
			return i
		}
	}
	return -1
}

// moveAliases are other spellings people type for a move.
var moveAliases = map[string]string{
	"upperback": UpperBack, "upper": UpperBack, "tspine": TSpine, "thoracic": TSpine, "t-spine-extensions": TSpine,
	"lat": Lats, "glute": Glutes, "piriformis": Glutes, "hipfront": HipFront, "hip-flexors": HipFront, "hip": HipFront,
}

// ParseMoveID accepts a move ID ("hip-front"), in any case, or a common other spelling ("hip",
// "thoracic"). The error names the IDs.
func ParseMoveID(s string) (string, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	if moveIndex(k) >= 0 {
		return k, nil
	}
	if id, ok := moveAliases[strings.ReplaceAll(k, "_", "-")]; ok {
		return id, nil
	}
	return "", fmt.Errorf("move %q is not one of %s", s, strings.Join(moveOrder[:], ", "))
}

// MoveSet is a set of moves, one bit per place in the routine. It is a plain number, so values
// holding one stay comparable with ==.
type MoveSet uint8

// allMoves has every move in it.
const allMoves MoveSet = 1<<MoveCount - 1

// Has reports whether id is in the set.
func (s MoveSet) Has(id string) bool {
	i := moveIndex(id)
	return i >= 0 && s&(1<<i) != 0
}

// With returns the set with id in it; an unknown id changes nothing.
func (s MoveSet) With(id string) MoveSet {
	if i := moveIndex(id); i >= 0 {
		return s | 1<<i
	}
	return s
}

// Without returns the set without id.
func (s MoveSet) Without(id string) MoveSet {
	if i := moveIndex(id); i >= 0 {
		return s &^ (1 << i)
	}
	return s
}

// IDs returns the moves in the set, in routine order.
func (s MoveSet) IDs() []string {
	var ids []string
	for i, id := range moveOrder {
		if s&(1<<i) != 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// keepOne returns s, or s without the finish when s would leave nothing to do: a plan always has
// at least one move, and the breathing finish is the gentlest to keep.
func (s MoveSet) keepOne() MoveSet {
	s &= allMoves
	if s == allMoves {
		s = s.Without(Finish)
	}
	return s
}

// LengthLimit is the allowed time of a rolling move, per side for a move done on each side.
type LengthLimit struct{ Min, Max time.Duration }

// Allowed lengths: 60–90 s per area (per side), two minutes for the upper back and the thoracic
// extensions, which the routine gives about two minutes each.
var (
	AreaLength = LengthLimit{60 * time.Second, 90 * time.Second}
	BackLength = LengthLimit{60 * time.Second, 2 * time.Minute}
)

// FinishBreaths is the allowed number of breaths in the finish.
var FinishBreaths = struct{ Min, Max int }{4, 10}

// LengthStep is how far one press lengthens or shortens a move.
const LengthStep = 10 * time.Second

// LimitFor returns the allowed length of a rolling move; false for the finish and unknown IDs.
func LimitFor(id string) (LengthLimit, bool) {
	switch id {
	case UpperBack, TSpine:
		return BackLength, true
	case Lats, Glutes, HipFront:
		return AreaLength, true
	}
	return LengthLimit{}, false
}

// Clamp rounds d to a whole second and moves it into the range.
func (l LengthLimit) Clamp(d time.Duration) time.Duration {
	return min(max(d.Round(time.Second), l.Min), l.Max)
}

// Contains reports whether d is allowed.
func (l LengthLimit) Contains(d time.Duration) bool { return d >= l.Min && d <= l.Max }

func (l LengthLimit) String() string {
	return fmt.Sprintf("%d–%d s", int(l.Min.Seconds()), int(l.Max.Seconds()))
}

// Custom is one shape of the routine: each rolling move's time (per side for a move done on each
// side), the finish's breaths, and the moves left out always. It is comparable with ==.
type Custom struct {
	Lengths       [MoveCount]time.Duration // by place in the routine; the finish's entry is unused
	FinishBreaths int
	Out           MoveSet // left out every time
}

// Length returns the time of move id (per side); zero for the finish.
func (c Custom) Length(id string) time.Duration {
	if i := moveIndex(id); i >= 0 && id != Finish {
		return c.Lengths[i]
	}
	return 0
}

// WithLength returns c with move id lasting d, clamped to its range.
func (c Custom) WithLength(id string, d time.Duration) Custom {
	if l, ok := LimitFor(id); ok {
		c.Lengths[moveIndex(id)] = l.Clamp(d)
	}
	return c
}

// Clamp returns the nearest allowed Custom: lengths and breaths in their ranges, unknown moves
// dropped from Out, and at least one move kept in.
func (c Custom) Clamp() Custom {
	for i, id := range moveOrder {
		if l, ok := LimitFor(id); ok {
			c.Lengths[i] = l.Clamp(c.Lengths[i])
		} else {
			c.Lengths[i] = 0
		}
	}
	c.FinishBreaths = min(max(c.FinishBreaths, FinishBreaths.Min), FinishBreaths.Max)
	c.Out = c.Out.keepOne()
	return c
}

// FullRoutine is the routine as ROUTINE.md gives it: about two minutes each on the upper back and
// thoracic extensions, 70 s a side on the lats and glutes, a minute a side on the front of the hip,
// six breaths to finish. 11:40 at the default breath.
func FullRoutine() Custom {
	var c Custom
	for _, m := range DefaultMoves() {
		if m.Rolls() {
			c.Lengths[moveIndex(m.ID)] = m.Length
		} else {
			c.FinishBreaths = m.Breaths
		}
	}
	return c
}

// ShortRoutine is a shorter day, about six minutes: the upper back (90 s), the lats and the glutes
// (a minute a side) and the six-breath finish. The thoracic extensions and the front of the hip
// are left out; the order stays.
func ShortRoutine() Custom {
	c := FullRoutine()
	c = c.WithLength(UpperBack, 90*time.Second).WithLength(Lats, time.Minute).WithLength(Glutes, time.Minute)
	c.Out = MoveSet(0).With(TSpine).With(HipFront)
	return c
}

// RoutinePreset names a shape of the routine: the full one, the short one, or the user's own.
type RoutinePreset string

// Routine presets.
const (
	RoutineFull  RoutinePreset = "full"
	RoutineShort RoutinePreset = "short"
	RoutineMine  RoutinePreset = "mine"
)

// RoutinePresets lists the presets in the order the adjust page offers them.
var RoutinePresets = []RoutinePreset{RoutineFull, RoutineShort, RoutineMine}

// ParseRoutinePreset accepts "full", "short" or "mine", in any case.
func ParseRoutinePreset(s string) (RoutinePreset, error) {
	for _, p := range RoutinePresets {
		if strings.EqualFold(string(p), strings.TrimSpace(s)) {
			return p, nil
		}
	}
	return "", fmt.Errorf("routine %q is not one of full, short, mine", s)
}

// Valid reports whether p is one of RoutinePresets, spelled exactly.
func (p RoutinePreset) Valid() bool {
	for _, q := range RoutinePresets {
		if p == q {
			return true
		}
	}
	return false
}

// Label is the preset as the screen shows it.
func (p RoutinePreset) Label() string {
	switch p {
	case RoutineShort:
		return "Short"
	case RoutineMine:
		return "Mine"
	default:
		return "Full"
	}
}

// Adjustment is the routine as the user adjusted it: the preset chosen, the user's own shape
// (kept while another preset is in use), and the moves left out for today only. Whoever stores it
// decides when "today" ends. It is comparable with ==.
type Adjustment struct {
	Preset RoutinePreset
	Mine   Custom
	Today  MoveSet
}

// DefaultAdjustment is the full routine, with "mine" starting as a copy of it.
func DefaultAdjustment() Adjustment {
	return Adjustment{Preset: RoutineFull, Mine: FullRoutine()}
}

// Custom returns the shape in use: the preset's, or the user's own.
func (a Adjustment) Custom() Custom {
	switch a.Preset {
	case RoutineShort:
		return ShortRoutine()
	case RoutineMine:
		return a.Mine.Clamp()
	default:
		return FullRoutine()
	}
}

// LeftOut returns the moves left out of the plan: always or today, with at least one kept in.
func (a Adjustment) LeftOut() MoveSet { return (a.Custom().Out | a.Today).keepOne() }

// Clamp returns the nearest allowed adjustment; an unknown preset becomes the full routine.
func (a Adjustment) Clamp() Adjustment {
	if !a.Preset.Valid() {
		a.Preset = RoutineFull
	}
	a.Mine = a.Mine.Clamp()
	a.Today &= allMoves
	return a
}

// Edit changes the shape in use through fn. Full and Short are fixed, so editing them first makes
// a copy of them the user's own ("mine").
func (a Adjustment) Edit(fn func(*Custom)) Adjustment {
	c := a.Custom()
	fn(&c)
	a.Preset, a.Mine = RoutineMine, c.Clamp()
	return a
}

// The routine's intended length.
const (
	RoutineMin = 10 * time.Minute
	RoutineMax = 12 * time.Minute
)

// The advice for a total outside the routine's 10–12 minutes; {{.Time}} is the total, as MinSec.
const (
	adviceShort = "This takes {{.Time}}, shorter than the 10–12 minutes of the full routine. A short day still helps; the full routine gives every area its time."
	adviceLong  = "This takes {{.Time}}, longer than the 10–12 minutes the routine is meant to take. Two minutes on an area is plenty; longer is not better."
)

// TotalAdviceKey is the catalog key of the advice for total, "" inside the routine's 10–12
// minutes; the advice's {{.Time}} is MinSec(total).
func TotalAdviceKey(total time.Duration) string {
	switch {
	case total < RoutineMin:
		return "advice.short"
	case total > RoutineMax:
		return "advice.long"
	}
	return ""
}

// TotalAdvice says, plainly and without refusing, when a total falls outside the routine's 10–12
// minutes; it is empty inside them.
func TotalAdvice(total time.Duration) string {
	switch {
	case total < RoutineMin:
		return strings.Replace(adviceShort, "{{.Time}}", MinSec(total), 1)
	case total > RoutineMax:
		return strings.Replace(adviceLong, "{{.Time}}", MinSec(total), 1)
	}
	return ""
}

// numberWords spells the finish's breath counts.
var numberWords = map[int]string{4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight", 9: "Nine", 10: "Ten"}

// shape returns m with the length or breaths c gives it, and the card's counts to match.
func (c Custom) shape(m Move) Move {
	if m.Rolls() {
		if d := c.Length(m.ID); d > 0 {
			m.Length = d
		}
		return m
	}
	if c.FinishBreaths > 0 && c.FinishBreaths != m.Breaths {
		word := numberWords[c.FinishBreaths]
		if word == "" {
			word = fmt.Sprint(c.FinishBreaths)
		}
		steps := append([]string(nil), m.Steps...)
		for i, s := range steps {
			if strings.HasSuffix(s, " easy breaths.") {
				steps[i] = word + " easy breaths."
			}
		}
		m.Steps = steps
		m.Count = fmt.Sprintf("%d breaths", c.FinishBreaths)
		m.Breaths = c.FinishBreaths
	}
	return m
}
