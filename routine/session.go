package routine

import "time"

// EventKind says what happened in a session.
type EventKind int

// Session events, in the order they can happen at one instant.
const (
	StepStarted    EventKind = iota // a new move begins (also at the start and after skip, back or jump)
	SidesSwitched                   // the same move continues on the other side
	Finished                        // the last step ended, or the user skipped past it
	CheckInDue                      // 20 seconds into a rolling step: is it easing?
	PhaseChanged                    // the breath moved to a new phase
	PatternChanged                  // a new pattern was scheduled; Pace() has the new timeline
)

func (k EventKind) String() string {
	return [...]string{"step-started", "sides-switched", "finished", "check-in-due", "phase-changed", "pattern-changed"}[k]
}

// Event is one thing that happened at session time At.
type Event struct {
	Kind   EventKind
	At     time.Duration
	Step   int    // the step in force after the event
	Breath Breath // for PhaseChanged
}

// State is where the session stands.
type State int

// Session states.
const (
	Ready State = iota
	Running
	Paused
	Done
)

// CheckInAfter is when the "soften, not spike" check comes in each rolling step.
const CheckInAfter = 20 * time.Second

// patternLead keeps a pattern change out of audio that is already rendered and buffered: the new
// pattern lands on the first breath boundary at least this far ahead.
const patternLead = 500 * time.Millisecond

// Session walks a plan step by step on one clock. It is not safe for concurrent use: the UI owns
// it and calls Advance on each frame; the sound player only reads the immutable Pace.
type Session struct {
	plan  Plan
	clock Clock
	pace  *Pace
	state State

	step       int
	stepStart  time.Duration
	checkInDue bool
	done       []bool        // steps that ran their full length
	lastT      time.Duration // events up to here have been emitted
	nextPhase  time.Duration // the next phase change not yet emitted
	stoppedAt  time.Duration
	queue      []Event // emitted, not yet returned by Advance
	events     []Event // what Advance returned last; reused
}

// NewSession prepares a session over plan, driven by clock. It starts in Ready.
func NewSession(plan Plan, clock Clock) *Session {
	return &Session{plan: plan, clock: clock, pace: NewPace(plan.Pattern), done: make([]bool, len(plan.Steps))}
}

// Plan returns the plan the session follows.
func (s *Session) Plan() Plan { return s.plan }

// Pace returns the breath timeline; it changes only with a PatternChanged event.
func (s *Session) Pace() *Pace { return s.pace }

// State returns where the session stands.
func (s *Session) State() State { return s.state }

// StepIndex returns the current step.
func (s *Session) StepIndex() int { return s.step }

// Step returns the current step.
func (s *Session) Step() Step { return s.plan.Steps[s.step] }

// Now returns the session time.
func (s *Session) Now() time.Duration {
	if s.state == Done {
		return s.stoppedAt
	}
	return s.clock.Now()
}

// Breath returns the breath now.
func (s *Session) Breath() Breath { return s.pace.At(s.Now()) }

// Start begins the session from the first step.
func (s *Session) Start() {
	if s.state != Ready {
		return
	}
	s.begin()
}

func (s *Session) begin() {
	s.clock.Stop()
	s.clock.Set(0)
	s.pace = NewPace(s.pace.Latest())
	s.state = Running
	s.lastT = 0
	s.nextPhase = s.pace.NextPhaseChange(0)
	s.queue = append(s.queue[:0], Event{Kind: PatternChanged})
	s.enterStep(0, 0, StepStarted)
	s.queue = append(s.queue, Event{Kind: PhaseChanged, Breath: s.pace.At(0)})
	s.clock.Start()
}

// Pause stops the clock; nothing moves until Resume.
func (s *Session) Pause() {
	if s.state == Running {
		s.clock.Stop()
		s.emitUntil(s.clock.Now())
		s.state = Paused
	}
}

// Resume carries on from where Pause stopped.
func (s *Session) Resume() {
	if s.state == Paused {
		s.state = Running
		s.clock.Start()
	}
}

// Toggle pauses a running session and resumes a paused one; it starts a ready one.
func (s *Session) Toggle() {
	switch s.state {
	case Ready:
		s.Start()
	case Running:
		s.Pause()
	case Paused:
		s.Resume()
	}
}

// Restart goes back to the first step and the first breath, keeping the latest pattern.
func (s *Session) Restart() {
	clear(s.done)
	s.begin()
}

// Skip moves to the next step now; past the last step the session finishes. The breath is not
// interrupted: the new step simply begins within it.
func (s *Session) Skip() {
	if s.state == Running || s.state == Paused {
		s.jump(s.step + 1)
	}
}

// Back returns to the previous step; on the first step it starts that step again.
func (s *Session) Back() {
	if s.state == Running || s.state == Paused {
		s.jump(max(s.step-1, 0))
	}
}

// JumpTo moves to step i.
func (s *Session) JumpTo(i int) {
	if (s.state == Running || s.state == Paused) && i >= 0 && i < len(s.plan.Steps) {
		s.jump(i)
	}
}

func (s *Session) jump(i int) {
	now := s.clock.Now()
	s.emitUntil(now)
	if i >= len(s.plan.Steps) {
		s.finish(now)
		return
	}
	s.enterStep(i, now, s.arrival(i))
}

// arrival is the event for entering step i from the current one: moving on to the other side of
// the same move is switching sides, however it came about (the step ended, or Skip).
func (s *Session) arrival(i int) EventKind {
	if i == s.step+1 && s.plan.Steps[i].Move.ID == s.plan.Steps[s.step].Move.ID {
		return SidesSwitched
	}
	return StepStarted
}

// SetPattern schedules p from the next breath boundary; the breath in progress is not disturbed.
// p is already shaped by the roller mode (Plan.Pattern, or Roller.Shape).
func (s *Session) SetPattern(p Pattern) {
	if p == s.pace.Latest() {
		return
	}
	now := s.clock.Now()
	s.emitUntil(now)
	s.pace = s.pace.WithPattern(p, now+patternLead)
	s.queue = append(s.queue, Event{Kind: PatternChanged, At: now, Step: s.step})
}

// SetPlan swaps the plan (a new roller mode) keeping the current step and breath going: the
// step's remaining time follows the new plan's length for it, and the new pattern lands at the
// next breath. The caller redraws the step's texts.
func (s *Session) SetPlan(plan Plan) {
	s.plan = plan
	s.SetPattern(plan.Pattern)
}

// Completed returns how many steps ran their full length.
func (s *Session) Completed() int {
	n := 0
	for _, d := range s.done {
		if d {
			n++
		}
	}
	return n
}

// StepEnd returns when the current step ends: the first breath boundary after its length.
func (s *Session) StepEnd() time.Duration {
	return s.pace.BreathStart(s.stepStart + s.plan.Steps[s.step].Length)
}

// StepLeft returns the time left in the current step.
func (s *Session) StepLeft() time.Duration {
	if s.state == Done {
		return 0
	}
	return max(s.StepEnd()-s.Now(), 0)
}

// TotalLeft returns the time left in the whole routine, counting later steps at their planned length.
func (s *Session) TotalLeft() time.Duration {
	if s.state == Done {
		return 0
	}
	left := s.StepLeft()
	for _, st := range s.plan.Steps[s.step+1:] {
		left += st.Length
	}
	return left
}

// Advance emits, in order, every event from the last call up to the clock's time now, and those
// that user actions caused since. The slice is reused by the next call.
func (s *Session) Advance() []Event {
	if s.state == Running {
		s.emitUntil(s.clock.Now())
	}
	s.events = append(s.events[:0], s.queue...)
	s.queue = s.queue[:0]
	return s.events
}

// emitUntil queues what happened between the last emitted moment and now. Step ends come before
// the phase change at the same instant, so a new step always opens with its first inhale.
func (s *Session) emitUntil(now time.Duration) {
	if s.state != Running {
		return
	}
	for s.state == Running {
		stepEnd := s.StepEnd()
		checkIn := s.stepStart + CheckInAfter
		switch {
		case stepEnd <= now && stepEnd <= s.nextPhase && (!s.checkInDue || stepEnd <= checkIn):
			s.done[s.step] = true
			if s.step+1 == len(s.plan.Steps) {
				s.finish(stepEnd)
				return
			}
			s.enterStep(s.step+1, stepEnd, s.arrival(s.step+1))
		case s.checkInDue && checkIn <= now && checkIn <= s.nextPhase:
			s.checkInDue = false
			s.lastT = checkIn
			s.queue = append(s.queue, Event{Kind: CheckInDue, At: checkIn, Step: s.step})
		case s.nextPhase <= now:
			at := s.nextPhase
			s.lastT = at
			s.nextPhase = s.pace.NextPhaseChange(at)
			s.queue = append(s.queue, Event{Kind: PhaseChanged, At: at, Step: s.step, Breath: s.pace.At(at)})
		default:
			s.lastT = now
			return
		}
	}
}

func (s *Session) enterStep(i int, at time.Duration, kind EventKind) {
	s.step = i
	s.stepStart = at
	s.lastT = max(s.lastT, at)
	s.checkInDue = s.plan.Steps[i].Move.Rolls()
	s.queue = append(s.queue, Event{Kind: kind, At: at, Step: i})
}

func (s *Session) finish(at time.Duration) {
	s.clock.Stop()
	s.stoppedAt = at
	s.lastT = at
	s.state = Done
	s.queue = append(s.queue, Event{Kind: Finished, At: at, Step: s.step})
}
