package sound

import (
	"time"

	"backroll/routine"
)

const (
	// afterCue is how long speech waits after the event it follows, so the words come just
	// after the cue's first note rather than on top of it.
	afterCue = 600 * time.Millisecond
	// lineGap is the least silence between two lines, before the next breath boundary is awaited.
	lineGap = 300 * time.Millisecond
)

// ScriptEvent places on the timeline what the coach says in mode for event ev of a session on
// plan, breathing pace: the first line afterCue past the event, each paced line on the first breath
// boundary after the line before has ended, clear of the check-in question still to come in the
// step. Lines whose phrase is not ready are skipped, never waited for; a line that would run past
// until (the end of the step) is dropped, and so is everything after it.
func ScriptEvent(plan routine.Plan, ev routine.Event, mode routine.VoiceMode, pace *routine.Pace, until time.Duration, clip func(string) *Clip) []Utterance {
	lines := routine.Lines(plan, ev, mode)
	if len(lines) == 0 {
		return nil
	}
	var keepFree [2]time.Duration
	if ev.Kind == routine.StepStarted || ev.Kind == routine.SidesSwitched {
		ask := routine.Event{Kind: routine.CheckInDue, At: ev.At + routine.CheckInAfter, Step: ev.Step}
		if q := ScriptEvent(plan, ask, mode, pace, until, clip); len(q) > 0 {
			keepFree = [2]time.Duration{q[0].Start(), q[0].End() + lineGap}
		}
	}
	var out []Utterance
	next := ev.At + afterCue
	for _, l := range lines {
		c := clip(l.Text)
		if c == nil {
			continue
		}
		start := next
		for {
			if l.Paced && pace != nil {
				start = pace.NextPhaseChange(start - time.Nanosecond) // start itself if a boundary
			}
			if !l.Paced || start+c.Length()+lineGap <= keepFree[0] || start >= keepFree[1] {
				break
			}
			start = keepFree[1]
		}
		if start+c.Length() > until {
			break
		}
		out = append(out, Utterance{Clip: c, At: samplesIn(start), Urgent: l.Urgent})
		next = start + c.Length() + lineGap
	}
	return out
}
