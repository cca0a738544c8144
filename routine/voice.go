package routine

import (
	"fmt"
	"strings"
)

// VoiceMode is how much the coach says aloud.
type VoiceMode string

// Voice modes, in the order V cycles them.
const (
	VoiceOff   VoiceMode = "off"   // tones only
	VoiceNames VoiceMode = "names" // the move's name, "Switch sides", "Last breaths"
	VoiceSteps VoiceMode = "steps" // the names, then the set-up and steps once at each move's start
)

// DefaultVoiceMode is what a first run says, when a speech engine is there to say it.
const DefaultVoiceMode = VoiceNames

// Speaking rates, in words a minute: slower than 110 drags, faster than 200 is hard to follow
// while moving.
const (
	MinVoiceRate     = 110
	MaxVoiceRate     = 200
	DefaultVoiceRate = 150
)

// VoiceModes lists the modes in the order they are offered.
var VoiceModes = []VoiceMode{VoiceOff, VoiceNames, VoiceSteps}

// ParseVoiceMode accepts "off", "names" or "steps".
func ParseVoiceMode(s string) (VoiceMode, error) {
	for _, m := range VoiceModes {
		if string(m) == s {
			return m, nil
		}
	}
	return "", fmt.Errorf("voice %q is not one of off, names, steps", s)
}

// Next is the mode after m, wrapping round.
func (m VoiceMode) Next() VoiceMode {
	for i, v := range VoiceModes {
		if v == m {
			return VoiceModes[(i+1)%len(VoiceModes)]
		}
	}
	return DefaultVoiceMode
}

// Label is how the mode is named on screen.
func (m VoiceMode) Label() string {
	switch m {
	case VoiceNames:
		return "Names only"
	case VoiceSteps:
		return "Names and steps"
	}
	return "Off"
}

// Line is one thing the coach says.
type Line struct {
	Text string
	// Key and Move are set on a line made from a template, an announcement: Key is its catalog
	// key, and the spoken name of move Move (an ID) fills its {{.Move}}. Other lines translate by
	// their Text, which is in the Catalog.
	Key, Move string
	// Urgent lines (a new move, the other side) cut whatever is being said; the others wait
	// their turn and are dropped when there is no room for them before the step ends.
	Urgent bool
	// Paced lines start on a breath boundary after the line before, so the coach talks between
	// breaths rather than over a whole string of them.
	Paced bool
}

// Spoken phrases that do not come from a move.
const (
	SaySwitchSides = "Switch sides."
	SayLastBreaths = "Last breaths."
	SayCheckIn     = "Check in: is it softening, or spiking?"
	SayFinished    = "That's the routine. Well done."
)

// Lines returns what the coach says for event e of a session on plan, in mode m: nothing for
// events that are not spoken, or when the voice is off.
func Lines(plan Plan, e Event, m VoiceMode) []Line {
	if m != VoiceNames && m != VoiceSteps || e.Step < 0 || e.Step >= len(plan.Steps) {
		return nil
	}
	step := plan.Steps[e.Step]
	switch e.Kind {
	case StepStarted:
		lines := []Line{announce(plan, e.Step)}
		if m == VoiceSteps && firstSide(plan, e.Step) {
			lines = append(lines, stepLines(step.Move)...)
		}
		return lines
	case SidesSwitched:
		return []Line{{Text: SaySwitchSides, Urgent: true}}
	case CheckInDue:
		if m == VoiceSteps {
			return []Line{{Text: SayCheckIn}}
		}
	case Finished:
		return []Line{{Text: SayFinished}}
	}
	return nil
}

// announcements are the templates that name a step; {{.Move}} is the move's spoken name.
var announcements = []struct {
	key, english string
	first        bool
	side         Side
}{
	{"voice.first", "First: {{.Move}}.", true, NoSide},
	{"voice.first.right", "First: {{.Move}}, right side.", true, Right},
	{"voice.first.left", "First: {{.Move}}, left side.", true, Left},
	{"voice.next", "Next: {{.Move}}.", false, NoSide},
	{"voice.next.right", "Next: {{.Move}}, right side.", false, Right},
	{"voice.next.left", "Next: {{.Move}}, left side.", false, Left},
}

// announce names step i: "Next: glutes and piriformis, right side."
func announce(plan Plan, i int) Line {
	step := plan.Steps[i]
	if !step.Move.Rolls() {
		return Line{Text: SayLastBreaths, Urgent: true}
	}
	for _, a := range announcements {
		if a.first == (i == 0) && a.side == step.Side {
			text := strings.Replace(a.english, "{{.Move}}", spokenName(step.Move), 1)
			return Line{Text: text, Key: a.key, Move: step.Move.ID, Urgent: true}
		}
	}
	panic("unreachable")
}

// firstSide reports whether step i is the first (or only) side of its move: the steps are said
// once a move, not again on its second side.
func firstSide(plan Plan, i int) bool {
	return i == 0 || plan.Steps[i-1].Move.ID != plan.Steps[i].Move.ID
}

// stepLines are a move's set-up and steps, each its own paced line.
func stepLines(m Move) []Line {
	lines := []Line{{Text: m.Setup, Paced: true}}
	for _, s := range m.Steps {
		lines = append(lines, Line{Text: s, Paced: true})
	}
	return lines
}

// Phrases returns every distinct text the coach may say during a session on plan in mode m, in
// the order they are first needed, so they can be made ready ahead.
func Phrases(plan Plan, m VoiceMode) []string {
	var out []string
	for _, l := range PhraseLines(plan, m) {
		out = append(out, l.Text)
	}
	return out
}

// PhraseLines is Phrases as lines, each distinct text once, so they can be translated.
func PhraseLines(plan Plan, m VoiceMode) []Line {
	var out []Line
	seen := map[string]bool{}
	add := func(ls []Line) {
		for _, l := range ls {
			if !seen[l.Text] {
				seen[l.Text] = true
				out = append(out, l)
			}
		}
	}
	for i := range plan.Steps {
		kind := StepStarted
		if !firstSide(plan, i) {
			kind = SidesSwitched
		}
		add(Lines(plan, Event{Kind: kind, Step: i}, m))
		if plan.Steps[i].Move.Rolls() {
			add(Lines(plan, Event{Kind: CheckInDue, Step: i}, m))
		}
	}
	add(Lines(plan, Event{Kind: Finished, Step: len(plan.Steps) - 1}, m))
	for i := range plan.Steps { // reached by Back or a jump: "Next: …, left side."
		add(Lines(plan, Event{Kind: StepStarted, Step: i}, m))
	}
	return out
}
