package routine

import (
	"fmt"
	"strings"
)

// Text is one text the routine shows or says, in English (the source), with the stable key its
// translations are filed under: a move's ID and field ("move.glutes.step.2"), or what the text is
// ("safety.stop.1", "voice.switch-sides"). Keys never change when the English is reworded.
type Text struct {
	Key     string
	English string
}

// Catalog lists every text the routine can produce, the shapes the roller modes and the adjusted
// finish give a move included, so the window and the plan can translate them at the edge.
// Texts with placeholders ({{.Move}}, {{.Time}}) are Go templates; the rest are plain.
func Catalog() []Text {
	var out []Text
	add := func(key, english string) {
		if english != "" {
			out = append(out, Text{key, english})
		}
	}
	list := func(prefix string, texts []string) {
		for i, s := range texts {
			add(fmt.Sprintf("%s.%d", prefix, i+1), s)
		}
	}
	for _, m := range DefaultMoves() {
		k := "move." + m.ID
		add(k+".title", m.Title)
		add(k+".spoken", spokenName(m))
		add(k+".area", m.Area)
		add(k+".why", m.Why)
		add(k+".setup", m.Setup)
		list(k+".step", m.Steps)
		add(k+".pressure", m.Pressure)
		add(k+".pace", m.PaceCue)
		add(k+".count", m.Count)
		list(k+".caution", m.Cautions)
		add(k+".soften", m.SoftenTip)
		add(k+".kinder", m.KinderFix)
		if m.Rolls() {
			soft := Soft.Adapt(m)
			add(k+".soft.pace", soft.PaceCue)
			add(k+".soft.kinder", soft.KinderFix)
		} else {
			for n := FinishBreaths.Min; n <= FinishBreaths.Max; n++ {
				if n == m.Breaths {
					continue
				}
				shaped := Custom{FinishBreaths: n}.shape(m)
				for i, s := range shaped.Steps {
					if s != m.Steps[i] {
						add(fmt.Sprintf("%s.step.%d.breaths-%d", k, i+1, n), s)
					}
				}
				add(fmt.Sprintf("%s.count.breaths-%d", k, n), shaped.Count)
			}
		}
	}
	add("roller.soft.pressure", softPressure)
	add("roller.firm.caution", firmCaution)

	list("safety.stop", StopSigns)
	list("safety.clinician", SeeClinicianFirst)
	add("safety.lower-back", NeverRollLowerBack)
	add("safety.not-treatment", NotTreatment)
	list("guide.principle", Principles)
	add("guide.soften-check", SoftenCheck)
	add("guide.roller", RollerAdvice)
	add("guide.how-often", HowOften)
	add("guide.expect", WhatToExpect)
	add("advice.short", adviceShort)
	add("advice.long", adviceLong)

	for _, p := range []Phase{Inhale, HoldIn, Exhale} {
		add("phase."+p.String(), p.Words())
	}
	for _, s := range []Side{Right, Left} {
		add("side."+s.String(), s.Label())
	}
	for _, r := range Rollers {
		add("roller."+string(r), r.Label())
	}
	for _, t := range ToneStyles {
		add("tone."+string(t), t.Label())
	}
	for _, v := range VoiceModes {
		add("voice-mode."+string(v), v.Label())
	}
	for i, p := range Presets {
		add(fmt.Sprintf("pattern.preset.%d", i+1), p.Name)
	}
	for _, p := range []RoutinePreset{RoutineFull, RoutineShort, RoutineMine} {
		add("preset."+string(p), p.Label())
	}

	add("voice.switch-sides", SaySwitchSides)
	add("voice.last-breaths", SayLastBreaths)
	add("voice.check-in", SayCheckIn)
	add("voice.finished", SayFinished)
	for _, a := range announcements {
		add(a.key, a.english)
	}
	return out
}

// spokenName is a move's title as the coach says it mid-sentence: "glutes and piriformis".
func spokenName(m Move) string {
	return strings.ToLower(m.Title[:1]) + m.Title[1:]
}
