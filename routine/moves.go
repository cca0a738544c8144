package routine

import "time"

// Move IDs, in routine order.
const (
	UpperBack = "upper-back"
	TSpine    = "t-spine"
	Lats      = "lats"
	Glutes    = "glutes"
	HipFront  = "hip-front"
	Finish    = "finish"
)

// DefaultMoves returns the routine in its fixed order: the stiff upper back first, then the
// sides, the hips, the front of the hips, and a breathing finish. Each call returns fresh slices.
func DefaultMoves() []Move {
	return []Move{
		{
			ID:    UpperBack,
			Title: "Upper back rolls",
			Area:  "Mid and upper back (thoracic spine)",
			Why:   "Stiffness hides up here; when the upper back moves, the lower back has less to do.",
			Setup: "Roller across your mid-back, about bra-strap height. Hips on the floor, hands cradling your head, chin tucked.",
			Steps: []string{
				"Lift your hips a little off the floor.",
				"Roll a hand's width up, towards the base of the neck.",
				"Roll back down to the bottom of the shoulder blades.",
				"Six slow passes, one long breath each way.",
				"Let your ribs soften over the roller.",
			},
			Pressure:  "About 4 out of 10: firm enough to feel, easy enough to breathe.",
			PaceCue:   "Slow and small: a hand's width at most, not dramatic.",
			Count:     "6 slow passes",
			Length:    2 * time.Minute,
			Cautions:  []string{"Keep the roller off the neck and off the lower back."},
			SoftenTip: "If a spot talks back, pause on it and breathe out until the sting fades to a dull pressure.",
			KinderFix: "Put your hips back down and take weight through your feet; roll a shorter distance.",
			Art:       UpperBack,
		},
		{
			ID:    TSpine,
			Title: "Thoracic extensions",
			Area:  "Mid-back (T-spine)",
			Why:   "Gentle extension gives back the upper-back movement that the lower back has been covering for.",
			Setup: "Roller across your mid-back, hands behind your head, elbows forward where you can still just see them.",
			Steps: []string{
				"Breathe in and lengthen your spine.",
				"Breathe out and drape back over the roller; breastbone rises to the ceiling.",
				"Five slow breaths in this spot.",
				"Shift the roller an inch (2–3 cm) up or down.",
				"Repeat: five breaths in each new spot.",
			},
			Pressure:  "Let the roller hold you; no pushing.",
			PaceCue:   "One drape per breath. Gentle: this is not a backbend contest.",
			Count:     "5 breaths per spot",
			Length:    2 * time.Minute,
			Cautions:  []string{"Stay above the lower ribs: never drape with the roller under the lower back."},
			SoftenTip: "Drape less far; the breath does the work, not the arch.",
			KinderFix: "Keep your hips on the floor and arch less; support your head fully with your hands.",
			Art:       TSpine,
		},
		{
			ID:    Lats,
			Title: "Lats and side body",
			Area:  "Side of the ribs, just below the armpit",
			Why:   "Tight lats pull on the spine; easing them takes that pull off the lower back.",
			Setup: "Lie on your side with the roller just below the armpit, body turned about 45 degrees.",
			Steps: []string{
				"Reach the bottom arm long overhead.",
				"Roll 2–5 cm towards the middle of the ribs.",
				"Roll back up to just below the armpit.",
				"Keep every pass slow and light.",
			},
			Pressure:  "Light: this area is tender. About 4 out of 10 at the most.",
			PaceCue:   "Tiny passes, 2–5 cm, slow as your breath.",
			PerSide:   true,
			Length:    70 * time.Second,
			Cautions:  []string{"Stay off the shoulder joint and the bony edge of the ribs."},
			SoftenTip: "Rest on a tender spot only until it fades to a dull pressure, then move on.",
			KinderFix: "Turn your chest more towards the ceiling and take weight with your top hand and foot.",
			Art:       Lats,
		},
		{
			ID:    Glutes,
			Title: "Glutes and piriformis",
			Area:  "Buttock, high and to the side",
			Why:   "Easing the hips frees the lower back; many people feel it within minutes.",
			Setup: "Sit on the roller, hands on the floor behind you. Cross one ankle over the other knee and lean a little to that side.",
			Steps: []string{
				"Cross the ankle over the opposite knee.",
				"Lean a little towards the crossed leg.",
				"Make small, slow circles high on the buttock.",
				"Breathe out slowly as you circle.",
			},
			Pressure:  "About 4 out of 10; let your hands share the weight.",
			PaceCue:   "Small, slow circles, not big sweeps.",
			PerSide:   true,
			Length:    70 * time.Second,
			Cautions:  []string{"Stay on the muscle, off the bony edge of the pelvis and the tailbone."},
			SoftenTip: "If a spot talks back, stay on it only until the sting fades to a dull pressure.",
			KinderFix: "Uncross the leg and lean less; push more weight into your hands.",
			Art:       Glutes,
		},
		{
			ID:    HipFront,
			Title: "Front-of-hip reset",
			Area:  "Front of the hip, top of the thigh",
			Why:   "Tight hip flexors tip the pelvis and load the lower back; freeing them lets the spine stand easier.",
			Setup: "Face down, roller under one upper thigh just below the hip crease, toes turned slightly in.",
			Steps: []string{
				"Rest on your forearms, belly soft.",
				"Make tiny rolls up and down over 8–10 cm.",
				"Stay below the hip crease, on the muscle.",
				"Breathe out and let the hip sink.",
			},
			Pressure:  "About 4 out of 10; your forearms hold the rest.",
			PaceCue:   "Tiny, slow rolls: 8–10 cm each way.",
			PerSide:   true,
			Length:    time.Minute,
			Cautions:  []string{"Keep off the bony point at the front of the pelvis."},
			SoftenTip: "Pause on a tight spot and let the breath out slowly; move on when it dulls.",
			KinderFix: "Take more weight on your forearms and the other knee.",
			Art:       HipFront,
		},
		{
			ID:    Finish,
			Title: "Breathing finish",
			Area:  "Whole body",
			Why:   "Long exhales tell the nervous system it is safe, so guarding muscles let go.",
			Setup: "Lie on your back with your calves resting on the roller.",
			Steps: []string{
				"Arms by your sides, palms up.",
				"Follow the circle: in through the nose.",
				"Out slowly, longer than in.",
				"Six easy breaths.",
			},
			Pressure: "No pressure: just rest.",
			PaceCue:  "Let the breath slow down by itself.",
			Count:    "6 breaths",
			Breaths:  6,
			Art:      Finish,
		},
	}
}
