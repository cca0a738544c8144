package routine

import (
	"strings"
	"testing"
)

func TestVoiceLinesNameEachMoveAndSide(t *testing.T) {
	plan := NewPlan(DefaultPattern, DefaultRoller)
	var said []string
	for i := range plan.Steps {
		kind := StepStarted
		if !firstSide(plan, i) {
			kind = SidesSwitched
		}
		for _, l := range Lines(plan, Event{Kind: kind, Step: i}, VoiceNames) {
			if !l.Urgent {
				t.Errorf("step %d: %q is not urgent", i, l.Text)
			}
			said = append(said, l.Text)
		}
	}
	want := []string{"First: upper back rolls.", "Next: thoracic extensions.", "Next: lats and side body, right side.",
		SaySwitchSides, "Next: glutes and piriformis, right side.", SaySwitchSides,
		"Next: front-of-hip reset, right side.", SaySwitchSides, SayLastBreaths}
	if strings.Join(said, "|") != strings.Join(want, "|") {
		t.Errorf("said %q\nwant %q", said, want)
	}
}

func TestVoiceStepsAreSpokenOnceAMoveAndPaced(t *testing.T) {
	plan := NewPlan(DefaultPattern, DefaultRoller)
	for i, st := range plan.Steps {
		lines := Lines(plan, Event{Kind: StepStarted, Step: i}, VoiceSteps)
		if !firstSide(plan, i) {
			if len(lines) != 1 {
				t.Errorf("second side of %s says %d lines, want only its name", st.Move.ID, len(lines))
			}
			continue
		}
		if len(lines) != 2+len(st.Move.Steps) || lines[1].Text != st.Move.Setup {
			t.Errorf("%s: %d lines, want the name, set-up and %d steps", st.Move.ID, len(lines), len(st.Move.Steps))
		}
		for _, l := range lines[1:] {
			if !l.Paced || l.Urgent {
				t.Errorf("%s: %q paced %v urgent %v", st.Move.ID, l.Text, l.Paced, l.Urgent)
			}
		}
	}
	if got := Lines(plan, Event{Kind: CheckInDue, Step: 0}, VoiceNames); got != nil {
		t.Errorf("names only asks the check-in aloud: %v", got)
	}
	if got := Lines(plan, Event{Kind: StepStarted, Step: 0}, VoiceOff); got != nil {
		t.Errorf("voice off says %v", got)
	}
}

func TestPhrasesCoverEverythingSaidOnce(t *testing.T) {
	plan := NewPlan(DefaultPattern, Soft)
	phrases := Phrases(plan, VoiceSteps)
	seen := map[string]bool{}
	for _, p := range phrases {
		if seen[p] {
			t.Errorf("%q listed twice", p)
		}
		seen[p] = true
	}
	for _, kind := range []EventKind{StepStarted, SidesSwitched, CheckInDue, Finished} {
		for i := range plan.Steps {
			for _, l := range Lines(plan, Event{Kind: kind, Step: i}, VoiceSteps) {
				if !seen[l.Text] {
					t.Errorf("%q can be said but is not prepared", l.Text)
				}
			}
		}
	}
}

func TestVoiceModeParsesAndCycles(t *testing.T) {
	m := VoiceOff
	for range VoiceModes {
		if _, err := ParseVoiceMode(string(m)); err != nil {
			t.Error(err)
		}
		m = m.Next()
	}
	if m != VoiceOff {
		t.Errorf("cycling three times ends on %s", m)
	}
	if _, err := ParseVoiceMode("loud"); err == nil {
		t.Error("loud parsed")
	}
}

func TestSkipOntoTheOtherSideSwitchesSides(t *testing.T) {
	clock := &FakeClock{}
	s := NewSession(NewPlan(DefaultPattern, DefaultRoller), clock)
	s.Start()
	s.Advance()
	s.JumpTo(s.Plan().MoveIndex()[3]) // glutes, right
	if ev := s.Advance(); ev[len(ev)-1].Kind != StepStarted {
		t.Fatalf("jump to glutes: %v", ev)
	}
	s.Skip()
	if ev := s.Advance(); ev[len(ev)-1].Kind != SidesSwitched || s.Step().Side != Left {
		t.Errorf("skip to the left side: %v, side %s", ev, s.Step().Side)
	}
	s.Skip()
	if ev := s.Advance(); ev[len(ev)-1].Kind != StepStarted {
		t.Errorf("skip to the next move: %v", ev)
	}
}
