package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/routine"
	"backroll/sound"
	"backroll/ui/i18n"
)

// FindVoice looks for a speech engine and returns the voice to speak with, or nil and the reason
// in words. It may take a while, so it runs once, off Fyne's thread.
type FindVoice func(piperModel string) (*sound.Voice, string)

// finishSpoken bounds how long the closing words may take after the routine's end.
const finishSpoken = 10 * time.Second

// findVoice looks for an engine in the background; the voice settings wait, greyed, until then.
func (c *coach) findVoice(find FindVoice) {
	if find == nil {
		return
	}
	model := c.prefs.Get().PiperModel
	go func() {
		v, why := find(model)
		c.onThread(func() { c.voiceFound(v, why) })
	}()
}

func (c *coach) voiceFound(v *sound.Voice, why string) {
	c.voice, c.voiceWhy = v, why
	c.prepareVoice()
	c.refreshSettings()
}

// voiceMode is what the coach says: the chosen mode, or nothing without an engine.
func (c *coach) voiceMode() routine.VoiceMode {
	if c.voice == nil || c.voice.Speaker() == nil {
		return routine.VoiceOff
	}
	return c.prefs.Get().Voice
}

// prepareVoice has the phrases of the current routine made ahead, so each is ready on time.
func (c *coach) prepareVoice() {
	mode := c.voiceMode()
	if mode == routine.VoiceOff {
		return
	}
	c.voice.SetRate(c.prefs.Get().VoiceRate)
	c.spoken = map[string]string{}
	var texts []string
	for _, l := range routine.PhraseLines(c.session.Plan(), mode) {
		t := i18n.Line(l)
		c.spoken[l.Text] = t
		texts = append(texts, t)
	}
	c.voice.Prepare(texts)
}

// speak says what event e calls for, placed on the one clock's timeline; phrases not ready yet
// are skipped.
func (c *coach) speak(e routine.Event) {
	mode := c.voiceMode()
	if mode == routine.VoiceOff {
		return
	}
	until := c.session.StepEnd()
	if e.Kind == routine.Finished {
		until = e.At + finishSpoken
	}
	c.sound.Say(sound.ScriptEvent(c.session.Plan(), e, mode, c.session.Pace(), until, c.clip))
}

// clip is the voice's clip for a line of the routine, said in the language in use.
func (c *coach) clip(english string) *sound.Clip {
	if t, ok := c.spoken[english]; ok {
		return c.voice.Clip(t)
	}
	return c.voice.Clip(i18n.R(english))
}

func (c *coach) setVoiceMode(m routine.VoiceMode) {
	if available, why := c.voiceStatus(); !available {
		c.pages.notify(why)
		return
	}
	c.prefs.Update(func(p *data.Preferences) { p.Voice = m })
	c.prepareVoice()
	c.refreshSettings()
}

// cycleVoice moves to the next voice mode: off, names only, names and steps.
func (c *coach) cycleVoice() { c.setVoiceMode(c.prefs.Get().Voice.Next()) }

func (c *coach) setVoiceVolume(v int) {
	v = min(max(v, 0), 100)
	c.prefs.Update(func(p *data.Preferences) { p.VoiceVolume = v })
	c.sound.SetVoiceVolume(v)
	c.refreshSettings()
}

func (c *coach) setVoiceRate(wpm int) {
	wpm = min(max(wpm, routine.MinVoiceRate), routine.MaxVoiceRate)
	if c.prefs.Get().VoiceRate == wpm {
		return
	}
	c.prefs.Update(func(p *data.Preferences) { p.VoiceRate = wpm })
	c.prepareVoice()
	c.refreshSettings()
}

// voiceWhyText says why there is no voice: still looking, or none found.
func (c *coach) voiceWhyText() string {
	if c.voiceWhy == sound.NoSpeakerReason {
		return lang.X("voice.none", "No speech engine found, so the coach uses tones only. Install espeak-ng (Linux), or use macOS say or Windows speech.")
	}
	if c.voiceWhy != "" {
		return c.voiceWhy
	}
	return lang.X("voice.looking", "Looking for a speech engine…")
}

// voiceControls are the voice's settings under More: mode, volume and rate, greyed with one line
// saying why when there is no engine.
type voiceControls struct {
	mode         *widget.Select
	volume, rate *widget.Slider
	rateLabel    *widget.Label
	why          *widget.Label
	groups       []fyne.CanvasObject
}

func newVoiceControls(c *coach, k *controls) *voiceControls {
	v := &voiceControls{why: widget.NewLabel(""), rateLabel: widget.NewLabel("")}
	v.mode = newChoiceSelect(routine.VoiceModes, routine.VoiceMode.Label, &k.updating, c.setVoiceMode)
	v.volume = newWholeSlider(0, 100, 5, &k.updating, c.setVoiceVolume)
	v.rate = newWholeSlider(routine.MinVoiceRate, routine.MaxVoiceRate, 10, &k.updating, c.setVoiceRate)
	v.why.Wrapping = fyne.TextWrapWord
	v.groups = []fyne.CanvasObject{
		k.flow.stretch(container.NewBorder(nil, nil, widget.NewLabel(lang.X("voice.mode", "Voice (V)")), nil, v.mode), 340), // room for "Names and steps"
		k.flow.stretch(container.NewBorder(nil, nil, widget.NewLabel(lang.X("voice.volume", "Voice volume")), nil, v.volume), 240),
		k.flow.stretch(container.NewBorder(nil, nil, v.rateLabel, nil, v.rate), 240),
		k.flow.stretch(v.why, 480),
	}
	return v
}

// refresh mirrors the preferences and the engine's state; the caller has set k.updating.
func (v *voiceControls) refresh(p data.Preferences, available bool, why string) {
	v.mode.SetSelected(i18n.R(p.Voice.Label()))
	v.volume.SetValue(float64(p.VoiceVolume))
	v.rate.SetValue(float64(p.VoiceRate))
	v.rateLabel.SetText(lang.X("voice.rate", "Rate {{.Rate}} words/min", map[string]any{"Rate": p.VoiceRate}))
	for _, w := range []fyne.Disableable{v.mode, v.volume, v.rate} {
		if available {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	v.why.SetText(why)
}

// voiceStatus is the one line under the voice settings: the engine speaking, or why none is.
func (c *coach) voiceStatus() (available bool, line string) {
	if c.voice == nil || c.voice.Speaker() == nil {
		return false, c.voiceWhyText()
	}
	return true, lang.X("voice.speaking", "Speaking with {{.Engine}}.", map[string]any{"Engine": c.voice.Speaker().Name})
}
