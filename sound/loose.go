package sound

// While the session's clock stands still, a cue or a phrase can still be heard: the ticks of the
// 3-2-1 before a session goes on, and the end of the routine (the session stops its clock before
// it says so). The synth plays them with the breath held silent, on its own from where the watch
// stands; the clock does not follow this sound, and Start puts the synth back on the clock.

// looseWanted reports whether a cue or phrase asked for while the clock stood still is still to
// be heard.
func (e *Engine) looseWanted() bool {
	return e.looseAsked && e.dev != nil && !e.running && !e.muted && (e.synth.Ringing() || e.waking)
}

// startLoose plays the synth, breath held, from the watch's time plus what the device holds, so a
// phrase placed on the timeline is heard when it is due. A device asleep is woken first, and
// what is cued while it wakes is dropped.
func (e *Engine) startLoose() {
	if e.dev.Asleep() {
		e.wake()
		return
	}
	e.loose, e.draining = true, false
	e.synth.HoldBreath(true)
	e.synth.SeekTo(samplesIn(e.watch.Now()) + e.dev.Unheard())
	e.synth.Resume()
	e.dev.Play()
	e.startMonitor()
}

// endLoose fades the synth out; the monitor pauses the device once the fade has been heard. The
// breath stays held until the clock takes the synth back (enterAudio).
func (e *Engine) endLoose() {
	if !e.loose {
		return
	}
	e.loose, e.draining = false, true
	e.synth.Pause()
	e.startMonitor()
}
