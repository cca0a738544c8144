package routine

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMoveOrderMatchesTheMoves(t *testing.T) {
	var ids []string
	for _, m := range DefaultMoves() {
		ids = append(ids, m.ID)
	}
	if !slices.Equal(ids, MoveIDs()) {
		t.Fatalf("MoveIDs %v, moves %v", MoveIDs(), ids)
	}
}

func TestFullRoutineIsTheSeed(t *testing.T) {
	if NewAdjustedPlan(DefaultPattern, Medium, DefaultAdjustment()).Total() != NewPlan(DefaultPattern, Medium).Total() {
		t.Fatal("the default adjustment changes the plan")
	}
	if total := NewPlan(DefaultPattern, Medium).Total(); total != 11*time.Minute+40*time.Second {
		t.Fatalf("full routine %v", total)
	}
}

func TestShortRoutineIsAboutSixMinutesInSeedOrder(t *testing.T) {
	plan := NewAdjustedPlan(DefaultPattern, Medium, Adjustment{Preset: RoutineShort})
	if total := plan.Total(); total < 5*time.Minute || total > 7*time.Minute {
		t.Fatalf("short routine takes %v", total)
	}
	var moves []string
	for _, i := range plan.MoveIndex() {
		moves = append(moves, plan.Steps[i].Move.ID)
	}
	if want := []string{UpperBack, Lats, Glutes, Finish}; !slices.Equal(moves, want) {
		t.Fatalf("short routine moves %v, want %v", moves, want)
	}
	if plan.Out != MoveSet(0).With(TSpine).With(HipFront) || plan.Today != 0 {
		t.Fatalf("left out %v, today %v", plan.Out.IDs(), plan.Today.IDs())
	}
	if !strings.Contains(TotalAdvice(plan.Total()), "shorter than the 10–12 minutes") {
		t.Fatalf("no plain word about the short total: %q", TotalAdvice(plan.Total()))
	}
}

func TestLengthsStayInTheirRanges(t *testing.T) {
	c := FullRoutine().WithLength(UpperBack, time.Hour).WithLength(Lats, time.Second).WithLength(Finish, time.Hour)
	if c.Length(UpperBack) != 2*time.Minute || c.Length(Lats) != time.Minute || c.Length(Finish) != 0 {
		t.Fatalf("clamped lengths %v", c.Lengths)
	}
	wild := Custom{Lengths: [MoveCount]time.Duration{-5, time.Hour, 75 * time.Second, 0, 89400 * time.Millisecond, 7}, FinishBreaths: 99, Out: 0xff}
	got := wild.Clamp()
	want := [MoveCount]time.Duration{time.Minute, 2 * time.Minute, 75 * time.Second, time.Minute, 89 * time.Second, 0}
	if got.Lengths != want || got.FinishBreaths != 10 || got.Out.Has(Finish) || !got.Out.Has(UpperBack) {
		t.Fatalf("Clamp: %+v", got)
	}
	if got.Clamp() != got {
		t.Fatal("Clamp is not stable")
	}
}

func TestEditingAPresetMakesItMine(t *testing.T) {
	a := Adjustment{Preset: RoutineShort, Mine: FullRoutine()}
	a = a.Edit(func(c *Custom) { *c = c.WithLength(Glutes, 80*time.Second) })
	if a.Preset != RoutineMine || a.Mine.Length(Glutes) != 80*time.Second || !a.Mine.Out.Has(TSpine) {
		t.Fatalf("after editing Short: %+v", a)
	}
	plan := NewAdjustedPlan(DefaultPattern, Medium, a)
	if plan.Steps[len(plan.Steps)-2].Length != 80*time.Second {
		t.Fatalf("glute side lasts %v", plan.Steps[len(plan.Steps)-2].Length)
	}
}

func TestTodayOnlySkipsAndTheOrderStays(t *testing.T) {
	a := DefaultAdjustment()
	a.Today = MoveSet(0).With(HipFront).With(UpperBack)
	plan := NewAdjustedPlan(DefaultPattern, Medium, a)
	var moves []string
	for _, i := range plan.MoveIndex() {
		moves = append(moves, plan.Steps[i].Move.ID)
	}
	if want := []string{TSpine, Lats, Glutes, Finish}; !slices.Equal(moves, want) {
		t.Fatalf("moves %v, want %v", moves, want)
	}
	if plan.Today != a.Today || plan.Out != 0 {
		t.Fatalf("today %v, always %v", plan.Today.IDs(), plan.Out.IDs())
	}
	// Leaving everything out still leaves the breathing finish.
	a.Today = allMoves
	if plan := NewAdjustedPlan(DefaultPattern, Medium, a); len(plan.Steps) != 1 || plan.Steps[0].Move.ID != Finish {
		t.Fatalf("everything left out: %d steps", len(plan.Steps))
	}
}

func TestFinishBreathsShapeTheCard(t *testing.T) {
	a := DefaultAdjustment().Edit(func(c *Custom) { c.FinishBreaths = 8 })
	plan := NewAdjustedPlan(DefaultPattern, Medium, a)
	last := plan.Steps[len(plan.Steps)-1]
	if last.Length != 80*time.Second || last.Move.Count != "8 breaths" || !slices.Contains(last.Move.Steps, "Eight easy breaths.") {
		t.Fatalf("finish: %v, %q, %q", last.Length, last.Move.Count, last.Move.Steps)
	}
	if DefaultMoves()[5].Steps[3] != "Six easy breaths." {
		t.Fatal("shaping the finish changed the seed")
	}
}

func TestTotalAdviceIsPlain(t *testing.T) {
	if TotalAdvice(11*time.Minute) != "" || TotalAdvice(10*time.Minute) != "" || TotalAdvice(12*time.Minute) != "" {
		t.Fatal("advice inside 10–12 minutes")
	}
	long := DefaultAdjustment().Edit(func(c *Custom) {
		for _, id := range MoveIDs() {
			*c = c.WithLength(id, time.Hour)
		}
		c.FinishBreaths = 10
	})
	total := NewAdjustedPlan(DefaultPattern, Medium, long).Total()
	if advice := TotalAdvice(total); !strings.Contains(advice, "longer than the 10–12 minutes") || !strings.Contains(advice, MinSec(total)) {
		t.Fatalf("longest routine %v: %q", total, advice)
	}
}

func TestParseMoveID(t *testing.T) {
	for in, want := range map[string]string{"hip-front": HipFront, "Hip-Front": HipFront, "hip": HipFront, "thoracic": TSpine, "glutes": Glutes} {
		if got, err := ParseMoveID(in); err != nil || got != want {
			t.Errorf("ParseMoveID(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseMoveID("neck"); err == nil || !strings.Contains(err.Error(), "upper-back, t-spine, lats, glutes, hip-front, finish") {
		t.Fatalf("unknown move: %v", err)
	}
}

func TestPlanTextAndJSONNameWhatIsLeftOut(t *testing.T) {
	a := Adjustment{Preset: RoutineShort, Today: MoveSet(0).With(Glutes)}
	plan := NewAdjustedPlan(DefaultPattern, Medium, a)
	text := plan.Text()
	for _, want := range []string{"Routine: Short", "Left out: Thoracic extensions, Front-of-hip reset", "Left out today: Glutes and piriformis", "shorter than"} {
		if !strings.Contains(text, want) {
			t.Errorf("plan text lacks %q:\n%s", want, text)
		}
	}
	j := plan.JSON()
	if j.Routine != RoutineShort || !slices.Equal(j.LeftOut, []string{TSpine, HipFront}) || !slices.Equal(j.LeftOutToday, []string{Glutes}) || j.Advice == "" {
		t.Fatalf("JSON %+v", j)
	}
}
