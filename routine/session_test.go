package routine

import (
	"testing"
	"time"
)

// run steps the fake clock in frames until the session is done or limit passes, collecting events.
func run(s *Session, clock *FakeClock, frame, limit time.Duration) []Event {
	var all []Event
	for spent := time.Duration(0); spent < limit && s.State() != Done; spent += frame {
		clock.Add(frame)
		all = append(all, s.Advance()...)
	}
	return all
}

func newTestSession(p Pattern, r Roller) (*Session, *FakeClock) {
	clock := &FakeClock{}
	return NewSession(NewPlan(p, r), clock), clock
}

func TestDefaultRoutineLastsTenToTwelveMinutes(t *testing.T) {
	for _, r := range Rollers {
		if total := NewPlan(DefaultPattern, r).Total(); total < 10*time.Minute || total > 12*time.Minute {
			t.Errorf("%s roller with the default pattern: total %v outside 10–12 minutes", r, total)
		}
		// Other presets round each step to whole breaths, so they may stray a little.
		for _, p := range Presets {
			if total := NewPlan(p.Pattern, r).Total(); total < 9*time.Minute || total > 13*time.Minute {
				t.Errorf("%s with %s: total %v far from 10–12 minutes", r, p.Name, total)
			}
		}
	}
}

func TestPlanOrderAndSides(t *testing.T) {
	plan := NewPlan(DefaultPattern, Medium)
	want := []struct {
		move string
		side Side
	}{
		{UpperBack, NoSide}, {TSpine, NoSide}, {Lats, Right}, {Lats, Left},
		{Glutes, Right}, {Glutes, Left}, {HipFront, Right}, {HipFront, Left}, {Finish, NoSide},
	}
	if len(plan.Steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(plan.Steps), len(want))
	}
	for i, w := range want {
		if s := plan.Steps[i]; s.Move.ID != w.move || s.Side != w.side {
			t.Errorf("step %d is %s/%v, want %s/%v", i, s.Move.ID, s.Side, w.move, w.side)
		}
		if plan.Steps[i].Length%plan.Pattern.Period() != 0 {
			t.Errorf("step %d length %v is not whole breaths", i, plan.Steps[i].Length)
		}
	}
	if got := plan.MoveIndex(); len(got) != 6 || got[2] != 2 || got[3] != 4 || got[5] != 8 {
		t.Fatalf("MoveIndex = %v", got)
	}
}

func TestMovesCarryTheirFacts(t *testing.T) {
	for _, m := range DefaultMoves() {
		if len(m.Steps) < 3 || len(m.Steps) > 6 {
			t.Errorf("%s has %d steps, want 3–6", m.ID, len(m.Steps))
		}
		if m.Title == "" || m.Area == "" || m.Setup == "" || m.Pressure == "" || m.PaceCue == "" || m.Art == "" || m.Why == "" {
			t.Errorf("%s is missing text: %+v", m.ID, m)
		}
		if m.Rolls() && (m.KinderFix == "" || m.SoftenTip == "" || len(m.Cautions) == 0) {
			t.Errorf("%s lacks its kinder fix, soften tip or caution", m.ID)
		}
	}
}

func TestSofterRollerChangesWhatTheUserMeets(t *testing.T) {
	medium, soft := NewPlan(DefaultPattern, Medium), NewPlan(DefaultPattern, Soft)
	if soft.Pattern.Exhale <= medium.Pattern.Exhale {
		t.Errorf("soft exhale %v is not longer than medium %v", soft.Pattern.Exhale, medium.Pattern.Exhale)
	}
	if soft.Roller.PressureTarget() >= medium.Roller.PressureTarget() {
		t.Error("soft pressure target is not lighter")
	}
	for i := range soft.Steps {
		sm, mm := soft.Steps[i].Move, medium.Steps[i].Move
		if sm.Rolls() && (sm.Pressure == mm.Pressure || sm.KinderFix == mm.KinderFix) {
			t.Errorf("step %d: soft mode keeps the medium cues", i)
		}
		if sm.PerSide && sm.Length >= mm.Length {
			t.Errorf("step %d: soft mode does not shorten a tender spot (%v vs %v)", i, sm.Length, mm.Length)
		}
	}
	for _, r := range Rollers {
		if r.PressureTarget() >= 8 || r.PressureTarget() < 1 {
			t.Errorf("%s: pressure target %d", r, r.PressureTarget())
		}
	}
}

func TestWholeSessionOnFakeClock(t *testing.T) {
	s, clock := newTestSession(DefaultPattern, Medium)
	s.Start()
	events := append([]Event(nil), s.Advance()...)
	events = append(events, run(s, clock, 16*time.Millisecond, 20*time.Minute)...)
	if s.State() != Done {
		t.Fatalf("session not done; state %v at %v", s.State(), clock.Now())
	}
	plan := s.Plan()
	var steps []int
	var kinds []EventKind
	checkIns := map[int]int{}
	phases := 0
	var last time.Duration
	for _, e := range events {
		if e.At < last {
			t.Fatalf("event %v at %v comes after %v", e.Kind, e.At, last)
		}
		last = e.At
		switch e.Kind {
		case StepStarted, SidesSwitched:
			steps = append(steps, e.Step)
			kinds = append(kinds, e.Kind)
			if b := s.Pace().At(e.At); e.At != 0 && (b.Phase != Inhale || b.Progress != 0) {
				t.Errorf("step %d began mid-breath: %+v", e.Step, b)
			}
		case CheckInDue:
			checkIns[e.Step]++
		case PhaseChanged:
			phases++
		}
	}
	for i, st := range steps {
		if st != i {
			t.Fatalf("steps went %v, want 0..8 in order", steps)
		}
	}
	if len(steps) != len(plan.Steps) {
		t.Fatalf("%d steps started, want %d", len(steps), len(plan.Steps))
	}
	wantKinds := []EventKind{StepStarted, StepStarted, StepStarted, SidesSwitched, StepStarted, SidesSwitched, StepStarted, SidesSwitched, StepStarted}
	for i, k := range wantKinds {
		if kinds[i] != k {
			t.Errorf("step %d announced as %v, want %v", i, kinds[i], k)
		}
	}
	for i, st := range plan.Steps {
		want := 0
		if st.Move.Rolls() {
			want = 1
		}
		if checkIns[i] != want {
			t.Errorf("step %d: %d check-ins, want %d", i, checkIns[i], want)
		}
	}
	// Each breath has two phases here; the last breath's exhale ends the session without a new phase.
	breaths := int(plan.Total() / plan.Pattern.Period())
	if phases != 2*breaths {
		t.Errorf("%d phase changes, want %d", phases, 2*breaths)
	}
	if end := events[len(events)-1]; end.Kind != Finished || end.At != plan.Total() {
		t.Fatalf("last event %v at %v, want finished at %v", end.Kind, end.At, plan.Total())
	}
	if plan.Total() < 10*time.Minute || plan.Total() > 12*time.Minute {
		t.Fatalf("total %v", plan.Total())
	}
	if s.Completed() != len(plan.Steps) || s.TotalLeft() != 0 {
		t.Fatalf("completed %d, left %v", s.Completed(), s.TotalLeft())
	}
}

// The same session run with big, uneven frames, with pauses, gives exactly the same events.
func TestEventsNeitherLostNorDoubledAcrossPause(t *testing.T) {
	smooth, clockA := newTestSession(DefaultPattern, Medium)
	smooth.Start()
	want := append([]Event(nil), smooth.Advance()...)
	want = append(want, run(smooth, clockA, 10*time.Millisecond, 20*time.Minute)...)

	rough, clockB := newTestSession(DefaultPattern, Medium)
	rough.Start()
	got := append([]Event(nil), rough.Advance()...)
	frames := []time.Duration{3 * time.Millisecond, 7 * time.Second, 450 * time.Millisecond, 31 * time.Second}
	for i := 0; rough.State() != Done && i < 10000; i++ {
		clockB.Add(frames[i%len(frames)])
		got = append(got, rough.Advance()...)
		if i%5 == 0 {
			rough.Pause()
			for j := 0; j < 3; j++ {
				clockB.Add(time.Minute) // time passes while paused: the session must not move
				got = append(got, rough.Advance()...)
			}
			rough.Resume()
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d events with pauses, %d without", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("event %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestPauseFreezesTime(t *testing.T) {
	s, clock := newTestSession(DefaultPattern, Medium)
	s.Start()
	clock.Add(3 * time.Second)
	s.Pause()
	before, left := s.Breath(), s.StepLeft()
	clock.Add(time.Hour)
	if s.Advance(); s.Breath() != before || s.StepLeft() != left {
		t.Fatal("breath or time left moved while paused")
	}
	s.Toggle()
	if s.State() != Running {
		t.Fatalf("Toggle did not resume: %v", s.State())
	}
}

func TestSkipAndBackAtBothEnds(t *testing.T) {
	s, clock := newTestSession(DefaultPattern, Medium)
	s.Skip() // before Start: nothing
	if s.State() != Ready {
		t.Fatal("skip before start changed the state")
	}
	s.Start()
	s.Advance()
	clock.Add(30 * time.Second)
	s.Back() // on the first step: start it again
	if s.StepIndex() != 0 || s.StepLeft() != 2*time.Minute {
		t.Fatalf("back on first step: step %d, left %v", s.StepIndex(), s.StepLeft())
	}
	clock.Add(3 * time.Second) // mid-breath
	s.Skip()
	ev := s.Advance()
	last := ev[len(ev)-1]
	if s.StepIndex() != 1 || last.Kind != StepStarted || last.Step != 1 {
		t.Fatalf("skip: step %d, events %+v", s.StepIndex(), ev)
	}
	// The step began mid-breath, so it ends at the first boundary after its length.
	if end := s.StepEnd(); end != 160*time.Second {
		t.Fatalf("skipped-to step ends at %v, want 160 s", end)
	}
	s.Back()
	if s.StepIndex() != 0 {
		t.Fatalf("back: step %d", s.StepIndex())
	}
	s.JumpTo(8)
	s.Skip() // past the last step
	ev = s.Advance()
	if s.State() != Done || ev[len(ev)-1].Kind != Finished {
		t.Fatalf("skip at the end: state %v, events %+v", s.State(), ev)
	}
	s.Skip()
	s.Back()
	if s.State() != Done || len(s.Advance()) != 0 {
		t.Fatal("skip/back after finishing did something")
	}
	if s.Completed() != 0 {
		t.Fatalf("skipped steps counted as done: %d", s.Completed())
	}
	s.Restart()
	if s.State() != Running || s.StepIndex() != 0 || clock.Now() != 0 {
		t.Fatalf("restart: state %v step %d clock %v", s.State(), s.StepIndex(), clock.Now())
	}
}

func TestSetPatternLandsAtNextBreath(t *testing.T) {
	s, clock := newTestSession(DefaultPattern, Medium)
	s.Start()
	clock.Add(12 * time.Second) // breath 1, inhale
	before := s.Breath()
	s.SetPattern(Pattern{Inhale: 3, Exhale: 5})
	if s.Breath() != before {
		t.Fatal("the breath in progress changed")
	}
	ev := s.Advance()
	if ev[len(ev)-1].Kind != PatternChanged {
		t.Fatalf("no PatternChanged event: %+v", ev)
	}
	clock.Add(8 * time.Second) // 20 s: the new pattern's first breath
	if b := s.Breath(); b.Left != 3*time.Second || b.Phase != Inhale {
		t.Fatalf("at 20 s breath %+v, want a 3 s inhale", b)
	}
	s.SetPattern(Pattern{Inhale: 3, Exhale: 5})
	if len(s.Advance()) != 0 && s.Pace().Latest() != (Pattern{Inhale: 3, Exhale: 5}) {
		t.Fatal("setting the same pattern again changed something")
	}
}

func TestCheckInComesTwentySecondsIntoEachRollingStep(t *testing.T) {
	s, clock := newTestSession(DefaultPattern, Medium)
	s.Start()
	s.Advance()
	clock.Add(CheckInAfter - time.Millisecond)
	for _, e := range s.Advance() {
		if e.Kind == CheckInDue {
			t.Fatal("check-in came early")
		}
	}
	clock.Add(time.Millisecond)
	found := false
	for _, e := range s.Advance() {
		found = found || (e.Kind == CheckInDue && e.At == CheckInAfter && e.Step == 0)
	}
	if !found {
		t.Fatal("no check-in at 20 s")
	}
}
