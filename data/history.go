package data

import (
	"time"

	"backroll/routine"
)

// HistoryVersion is the format of history.json this version writes.
const HistoryVersion = 1

// Session is one record of history.json: one session, finished or stopped early.
type Session struct {
	// Start is when the session began, kept to the second with the local UTC offset (RFC 3339).
	// With the file's path it identifies the record: SetFeeling finds the session by it.
	Start time.Time `json:"start"`
	// Seconds is how long the session ran, pauses not counted.
	Seconds int `json:"seconds"`
	// StepsDone counts the steps that ran their full length (routine.Session.Completed), out of
	// TotalSteps in the plan; a move done on both sides is two steps.
	StepsDone  int  `json:"steps_done"`
	TotalSteps int  `json:"total_steps"`
	Finished   bool `json:"finished"` // the last step ended; false when stopped early
	// Roller and Pattern are the roller mode and the user's breath pattern of the session.
	Roller  routine.Roller  `json:"roller"`
	Pattern routine.Pattern `json:"pattern"`
	// CheckIns holds the 20-second check-in answer per move id; moves not asked are absent.
	CheckIns map[string]Answer `json:"check_ins,omitempty"`
	// Feeling is how it felt at the end; empty until the finish page is answered.
	Feeling Feeling `json:"feeling"`
}

// Answer is the answer to the 20-second check-in: is the spot softening?
type Answer string

// Check-in answers.
const (
	Easing  Answer = "easing"
	Same    Answer = "same"
	Spiking Answer = "spiking"
)

// Feeling is how the session felt at the end.
type Feeling string

// Feelings. NoFeeling is a session whose finish page was not answered (yet).
const (
	NoFeeling  Feeling = ""
	FeltBetter Feeling = "better"
	FeltSame   Feeling = "same"
	FeltWorse  Feeling = "worse"
)
