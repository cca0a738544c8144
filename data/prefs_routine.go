package data

import (
	"fmt"
	"math"
	"time"

	"backroll/routine"
)

// The adjusted routine in preferences.json (version 2):
//
//	"routine": {
//	  "preset": "mine",
//	  "mine": {
//	    "seconds": {"upper-back": 120, "t-spine": 120, "lats": 70, "glutes": 70, "hip-front": 60},
//	    "finish_breaths": 6,
//	    "left_out": ["hip-front"]
//	  },
//	  "today": {"date": "2025-01-06", "left_out": ["glutes"]}
//	}
//
// Version 1 files have no "routine": they load as the full routine, so going from 1 to 2 needs no
// renaming. Seconds are per side for a move done on each side.
//
// Moves left out "today only" are stored with the local date they were chosen on, not kept in
// memory only: leaving a painful move out should survive closing and reopening the window the
// same day, and `backroll plan` should show the same plan as the window. They lapse by themselves
// on another day (see RoutineOn); the stale entry is cleared at the next save.

var (
	routineKeys = []string{"preset", "mine", "today"}
	mineKeys    = []string{"seconds", "finish_breaths", "left_out"}
	todayKeys   = []string{"date", "left_out"}
)

// dateLayout is how the day of "today" skips is written: the local calendar date.
const dateLayout = "2006-01-02"

// maxSeconds bounds a length read from the file before it becomes a Duration, so 1e300 cannot
// overflow; anything this large is clamped to its range anyway.
const maxSeconds = 1e6

// RoutineOn returns the routine adjustment in force on now's local day: moves left out for a
// different day are back in.
func (p Preferences) RoutineOn(now time.Time) routine.Adjustment {
	a := p.Routine
	if p.RoutineTodayDate != now.Format(dateLayout) {
		a.Today = 0
	}
	return a
}

// SetRoutine stores an adjustment chosen on now's local day; its today-only skips belong to that day.
func (p *Preferences) SetRoutine(a routine.Adjustment, now time.Time) {
	p.Routine = a
	p.RoutineTodayDate = ""
	if a.Today != 0 {
		p.RoutineTodayDate = now.Format(dateLayout)
	}
}

// normalizeRoutine clamps the adjustment, with a note for each value that had to move.
func (p *Preferences) normalizeRoutine(note func(string, ...any)) {
	a := p.Routine
	if a.Preset == "" {
		a.Preset = routine.RoutineFull
	}
	if !a.Preset.Valid() {
		note("routine %q is not one of full, short, mine; using full", a.Preset)
		a.Preset = routine.RoutineFull
	}
	if a.Mine == (routine.Custom{}) {
		a.Mine = routine.FullRoutine()
	}
	for _, m := range routine.DefaultMoves() {
		if l, ok := routine.LimitFor(m.ID); ok {
			if d := a.Mine.Length(m.ID); !l.Contains(d) {
				note("%s of %s s was out of range (%s); using %d s", lengthName(m), num(d.Seconds()), l, int(l.Clamp(d).Seconds()))
			}
		}
	}
	if b := a.Mine.FinishBreaths; b < routine.FinishBreaths.Min || b > routine.FinishBreaths.Max {
		note("finish of %d breaths was out of range (%d–%d); using %d", b, routine.FinishBreaths.Min, routine.FinishBreaths.Max,
			min(max(b, routine.FinishBreaths.Min), routine.FinishBreaths.Max))
	}
	clamped := a.Clamp()
	if clamped.Mine.Out != a.Mine.Out {
		note("every move was left out of your own routine; the breathing finish stays in")
	}
	p.Routine = clamped
	switch {
	case p.Routine.Today == 0:
		p.RoutineTodayDate = ""
	case !validDate(p.RoutineTodayDate):
		note("moves left out for one day had no readable date (%q); they are back in", p.RoutineTodayDate)
		p.Routine.Today, p.RoutineTodayDate = 0, ""
	}
}

func validDate(s string) bool {
	t, err := time.Parse(dateLayout, s)
	return err == nil && t.Format(dateLayout) == s
}

// lengthName names a move's time in a note: "time per side for Lats and side body".
func lengthName(m routine.Move) string {
	if m.PerSide {
		return "time per side for " + m.Title
	}
	return "time for " + m.Title
}

// decodeRoutine reads "routine" into p, noting moves it does not know. A member of the wrong type
// is left at its default and noted by r, as for every other field.
func decodeRoutine(r *fieldReader, top []member, p *Preferences, u *unknownFields) []string {
	obj, ok := r.object(top, "routine")
	if !ok {
		return nil
	}
	var notes []string
	moves := func(ms []member, path, what string) routine.MoveSet {
		var ids []string
		var set routine.MoveSet
		if read(r, ms, "left_out", path, &ids) {
			for _, s := range ids {
				id, err := routine.ParseMoveID(s)
				if err != nil {
					notes = append(notes, fmt.Sprintf("%s: %v; ignored", what, err))
					continue
				}
				set = set.With(id)
			}
		}
		return set
	}
	read(r, obj, "preset", "routine.preset", &p.Routine.Preset)
	if mine, ok := r.object(obj, "mine"); ok {
		if secs, ok := r.object(mine, "seconds"); ok {
			for _, id := range routine.MoveIDs() {
				if _, rolls := routine.LimitFor(id); !rolls {
					continue
				}
				var f float64
				if read(r, secs, id, "routine.mine.seconds."+id, &f) {
					f = math.Max(-maxSeconds, math.Min(maxSeconds, f))
					p.Routine.Mine.Lengths[indexOf(id)] = time.Duration(f * float64(time.Second))
				}
			}
			u.routineSeconds = without(secs, routine.MoveIDs()...)
		}
		var breaths float64
		if read(r, mine, "finish_breaths", "routine.mine.finish_breaths", &breaths) {
			p.Routine.Mine.FinishBreaths = int(math.Round(math.Max(-1000, math.Min(1000, breaths))))
		}
		p.Routine.Mine.Out = moves(mine, "routine.mine.left_out", "moves left out of your routine")
		u.routineMine = without(mine, mineKeys...)
	}
	if today, ok := r.object(obj, "today"); ok {
		read(r, today, "date", "routine.today.date", &p.RoutineTodayDate)
		p.Routine.Today = moves(today, "routine.today.left_out", "moves left out today")
		u.routineToday = without(today, todayKeys...)
	}
	u.routine = without(obj, routineKeys...)
	return notes
}

// encodeRoutine writes "routine" with what this version does not know after what it does.
func encodeRoutine(p Preferences, u *unknownFields) []byte {
	a := p.Routine
	var secs []member
	for _, id := range routine.MoveIDs() {
		if _, rolls := routine.LimitFor(id); rolls {
			secs = append(secs, member{id, rawValue(int(a.Mine.Length(id).Seconds()))})
		}
	}
	ids := func(s routine.MoveSet) []byte { return rawValue(append([]string{}, s.IDs()...)) }
	mine := append([]member{
		{"seconds", appendCompactObject(nil, append(secs, u.routineSeconds...))},
		{"finish_breaths", rawValue(a.Mine.FinishBreaths)},
		{"left_out", ids(a.Mine.Out)},
	}, u.routineMine...)
	today := append([]member{
		{"date", rawValue(p.RoutineTodayDate)},
		{"left_out", ids(a.Today)},
	}, u.routineToday...)
	obj := append([]member{
		{"preset", rawValue(a.Preset)},
		{"mine", appendObject(nil, mine, 2)},
		{"today", appendObject(nil, today, 2)},
	}, u.routine...)
	return appendObject(nil, obj, 1)
}

// indexOf is the place of a known move in the routine.
func indexOf(id string) int {
	for i, m := range routine.MoveIDs() {
		if m == id {
			return i
		}
	}
	panic("data: unknown move " + id)
}
