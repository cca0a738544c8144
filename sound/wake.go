package sound

// Waking a device that has powered down (see otoDevice.restWhenIdle) took about 2 s through
// PulseAudio here. The Engine does not hold the clock still that long: the watch keeps time while
// the device plays silence, and the sound joins the clock once the device takes audio.

// Wake gets the device ready to sound at once, and calls ready (from any goroutine) when it is:
// at once when it is awake, muted or absent, and also if it fails to wake. The 3-2-1 before a
// session goes on waits for it, so that its ticks are heard.
func (e *Engine) Wake(ready func()) {
	e.mu.Lock()
	if e.dev == nil || e.muted || !(e.waking || e.dev.Asleep()) {
		e.mu.Unlock()
		ready()
		return
	}
	e.onAwake = append(e.onAwake, ready)
	e.wakeAsked = true
	e.wake()
	e.mu.Unlock()
}

// wake plays silence until the device proves awake; the monitor then hands over (see checkWaking).
func (e *Engine) wake() {
	e.endLoose()
	if e.waking {
		return
	}
	e.waking, e.draining = true, false
	e.dev.Play() // the synth is paused: silence
	e.watchFromHere()
	e.startMonitor()
}

// watchFromHere starts watching the device for progress from the position heard now.
func (e *Engine) watchFromHere() {
	heard := e.heardRaw()
	e.wakeFrom, e.checked, e.stillFor = heard, heard, 0
}

// takeAwake returns who waits for the device, and forgets them: once it is awake or has failed.
func (e *Engine) takeAwake() []func() {
	if e.waking && e.dev != nil {
		return nil
	}
	f := e.onAwake
	e.onAwake = nil
	return f
}

// checkWaking ends the wake once the device has taken wakeProof of audio, and gives up on a
// device that takes nothing for wakeLimit. What is wanted then is reconcile's business.
func (e *Engine) checkWaking() error {
	heard := e.heardRaw()
	switch {
	case heard-e.wakeFrom >= wakeProof:
		e.waking, e.wakeAsked = false, false
		if !e.soundWanted() && !e.looseWanted() {
			e.dev.Pause()
		}
	case heard != e.checked:
		e.checked, e.stillFor = heard, 0
	default:
		if e.stillFor++; e.stillFor > int(wakeLimit/monitorEvery) {
			return errStalled
		}
	}
	return nil
}
