package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/data"
	"backroll/routine"
	"backroll/ui/i18n"
)

// controls is the session screen's bottom bar: play, back, skip, restart and stop; the pace
// sliders (holds under More), presets and breaths per minute; volume, mute and tone; the roller.
type controls struct {
	root *fyne.Container

	play                   *widget.Button
	inhale, exhale         *paceSlider
	holdIn, holdOut        *paceSlider
	moreShown              bool // More is open: the holds, and in a short window the pace too
	compact                bool // a short window: the pace sliders wait under More
	paceGroups, holdGroups []fyne.CanvasObject
	flow                   *flowLayout
	more                   *widget.Button
	presets                *widget.Select
	bpm                    *widget.Label
	volume                 *widget.Slider
	mute                   *widget.Button
	tone                   *widget.Select
	rollers                []*widget.Button // soft, medium, firm: the chosen one stands out
	voice                  *voiceControls   // under More
	updating               bool             // set while the bar mirrors the preferences, so echoes are ignored
}

// paceSlider is one phase's slider with its value beside it.
type paceSlider struct {
	slider *widget.Slider
	label  *widget.Label
	name   string
	box    *fyne.Container
}

func newPaceSlider(name string, l routine.Limit, changed func(float64)) *paceSlider {
	p := &paceSlider{slider: widget.NewSlider(l.Min, l.Max), label: widget.NewLabel(""), name: name}
	p.box = container.NewBorder(nil, nil, p.label, nil, p.slider)
	p.slider.Step = 0.5
	p.slider.OnChanged = changed
	return p
}

func (p *paceSlider) set(v float64) {
	p.slider.SetValue(v)
	p.label.SetText(lang.X("pace.slider", "{{.Name}} {{.Seconds}} s", map[string]any{"Name": p.name, "Seconds": i18n.Decimal(v)}))
}

func (p *paceSlider) row() fyne.CanvasObject { return p.box }

func newControls(c *coach) *controls {
	k := &controls{}
	k.play = widget.NewButtonWithIcon(lang.X("controls.pause", "Pause"), theme.MediaPauseIcon(), c.togglePlay)
	k.play.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), c.back)
	skip := widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), c.skip)
	restart := widget.NewButtonWithIcon("", theme.MediaReplayIcon(), c.restart)
	stop := widget.NewButtonWithIcon(lang.X("controls.stop", "Stop"), theme.MediaStopIcon(), c.stop)

	patternFrom := func(edit func(*routine.Pattern, float64)) func(float64) {
		return func(v float64) {
			if k.updating {
				return
			}
			p := c.prefs.Get().Pattern
			edit(&p, v)
			c.setPattern(p)
		}
	}
	k.inhale = newPaceSlider(lang.X("pace.in", "In"), routine.InhaleLimit, patternFrom(func(p *routine.Pattern, v float64) { p.Inhale = v }))
	k.exhale = newPaceSlider(lang.X("pace.out", "Out"), routine.ExhaleLimit, patternFrom(func(p *routine.Pattern, v float64) { p.Exhale = v }))
	k.holdIn = newPaceSlider(lang.X("pace.hold-in", "Hold in"), routine.HoldLimit, patternFrom(func(p *routine.Pattern, v float64) { p.HoldIn = v }))
	k.holdOut = newPaceSlider(lang.X("pace.hold-out", "Hold out"), routine.HoldLimit, patternFrom(func(p *routine.Pattern, v float64) { p.HoldOut = v }))
	k.more = widget.NewButtonWithIcon(lang.X("controls.more", "More"), theme.MenuExpandIcon(), func() { k.showMore(!k.moreShown) })

	var presetNames []string
	for _, p := range routine.Presets {
		presetNames = append(presetNames, i18n.R(p.Name))
	}
	k.presets = widget.NewSelect(presetNames, func(name string) {
		for _, p := range routine.Presets {
			if i18n.R(p.Name) == name && !k.updating {
				c.setPattern(p.Pattern)
			}
		}
	})
	k.presets.PlaceHolder = lang.X("controls.presets", "Presets")
	k.bpm = widget.NewLabel("")

	k.volume = newWholeSlider(0, 100, 5, &k.updating, c.setVolume)
	k.mute = widget.NewButtonWithIcon("", theme.VolumeUpIcon(), c.toggleMute)
	k.tone = newChoiceSelect(routine.ToneStyles, routine.ToneStyle.Label, &k.updating, c.setToneStyle)
	for _, r := range routine.Rollers {
		k.rollers = append(k.rollers, widget.NewButton(rollerLabel(r), func() { c.setRoller(r) }))
	}

	safety := widget.NewButtonWithIcon(lang.X("controls.safety", "Safety"), theme.WarningIcon(), c.showSafety)
	keys := widget.NewButtonWithIcon("", theme.HelpIcon(), c.showKeys)
	full := widget.NewButtonWithIcon("", theme.ViewFullScreenIcon(), c.toggleFloor)

	transport := container.NewHBox(back, k.play, skip, restart, stop)
	k.flow = newFlowLayout()
	k.paceGroups = []fyne.CanvasObject{
		k.flow.stretch(k.inhale.row(), 240),
		k.flow.stretch(k.exhale.row(), 240),
		container.NewHBox(k.bpm, k.presets, k.tone),
	}
	k.holdGroups = []fyne.CanvasObject{k.flow.stretch(k.holdIn.row(), 240), k.flow.stretch(k.holdOut.row(), 240)}
	k.root = container.New(k.flow, transport,
		k.flow.stretch(container.NewBorder(nil, nil, k.mute, nil, k.volume), 140),
		container.NewHBox(widget.NewLabel(lang.X("controls.roller", "Roller")), container.NewHBox(k.rollerButtons()...)),
		container.NewHBox(k.more, safety, keys, full))
	k.voice = newVoiceControls(c, k)
	k.root.Objects = append(append(append(k.root.Objects, k.paceGroups...), k.holdGroups...), k.voice.groups...)
	k.showMore(false)
	return k
}

func (k *controls) rollerButtons() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(k.rollers))
	for i, b := range k.rollers {
		objs[i] = b
	}
	return objs
}

func rollerLabel(r routine.Roller) string {
	switch r {
	case routine.Soft:
		return lang.X("controls.roller.soft", "Soft")
	case routine.Firm:
		return lang.X("controls.roller.firm", "Firm")
	}
	return lang.X("controls.roller.medium", "Medium")
}

// refresh mirrors the preferences and the plan into the bar without echoing changes back.
func (k *controls) refresh(p data.Preferences, plan routine.Plan, voiceOn bool, voiceLine string) {
	k.updating = true
	defer func() { k.updating = false }()
	k.voice.refresh(p, voiceOn, voiceLine)
	k.inhale.set(p.Pattern.Inhale)
	k.exhale.set(p.Pattern.Exhale)
	k.holdIn.set(p.Pattern.HoldIn)
	k.holdOut.set(p.Pattern.HoldOut)
	k.bpm.SetText(lang.X("controls.bpm", "{{.Rate}} breaths/min", map[string]any{"Rate": i18n.Decimal(p.Roller.Shape(p.Pattern).BreathsPerMinute())}))
	k.presets.ClearSelected()
	for _, pr := range routine.Presets {
		if pr.Pattern == p.Pattern {
			k.presets.SetSelected(i18n.R(pr.Name))
		}
	}
	k.volume.SetValue(float64(p.Volume))
	if p.Muted {
		k.mute.SetIcon(theme.VolumeMuteIcon())
	} else {
		k.mute.SetIcon(theme.VolumeUpIcon())
	}
	k.tone.SetSelected(i18n.R(p.ToneStyle.Label()))
	for i, r := range routine.Rollers {
		want := widget.MediumImportance
		if r == p.Roller {
			want = widget.HighImportance
		}
		if k.rollers[i].Importance != want {
			k.rollers[i].Importance = want
			k.rollers[i].Refresh()
		}
	}
}

func (k *controls) showPlaying(playing bool) {
	if playing {
		k.play.SetText(lang.X("controls.pause", "Pause"))
		k.play.SetIcon(theme.MediaPauseIcon())
	} else {
		k.play.SetText(lang.X("controls.play", "Play"))
		k.play.SetIcon(theme.MediaPlayIcon())
	}
}

// showMore opens or closes what waits under More: the hold sliders and the voice's settings,
// which most people set once, and in a short window the pace sliders too, so the circle keeps
// its room.
func (k *controls) showMore(open bool) {
	k.moreShown = open
	setVisible(k.holdGroups, open)
	setVisible(k.voice.groups, open)
	setVisible(k.paceGroups, open || !k.compact)
	if open {
		k.more.SetIcon(theme.MenuDropUpIcon())
	} else {
		k.more.SetIcon(theme.MenuExpandIcon())
	}
	k.root.Refresh()
}

// setCompact puts the pace sliders under More in a short window.
func (k *controls) setCompact(compact bool) {
	if k.compact != compact {
		k.compact = compact
		k.showMore(k.moreShown)
	}
}

func setVisible(objs []fyne.CanvasObject, visible bool) {
	for _, o := range objs {
		if visible {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// heightFor is the bar's height in a window width wide: it wraps onto more lines when narrow.
func (k *controls) heightFor(width float32) float32 {
	return k.flow.heightFor(k.root.Objects, width)
}
