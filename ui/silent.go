package ui

import (
	"backroll/routine"
	"backroll/sound"
)

// silentClock paces the session with a monotonic clock and plays nothing: the window's fallback
// when it is given no sound engine.
type silentClock struct{ *routine.Stopwatch }

func newSilentClock() silentClock { return silentClock{routine.NewStopwatch()} }

func (silentClock) SetPace(*routine.Pace)      {}
func (silentClock) SetVolume(int)              {}
func (silentClock) SetMuted(bool)              {}
func (silentClock) SetStyle(routine.ToneStyle) {}
func (silentClock) Cue(sound.Cue)              {}
func (silentClock) Say([]sound.Utterance)      {}
func (silentClock) SetVoiceVolume(int)         {}
func (silentClock) Wake(ready func())          { ready() }
