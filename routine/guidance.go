package routine

// The facts around the moves, in the words the app shows. Kept here, beside the moves, so every
// screen and the plan tell the same story.

// SeeClinicianFirst lists when to get a clinician's advice before rolling at all.
var SeeClinicianFirst = []string{
	"Back pain together with weakness in a leg.",
	"Any change in bladder or bowel control.",
	"Back pain with a fever.",
	"A recent fracture, or osteoporosis.",
	"Numbness you cannot explain.",
	"Severe pain after a fall or an injury.",
	"Pregnancy: ask for advice that fits you first.",
}

// StopSigns lists when to stop rolling at once.
var StopSigns = []string{
	"Pins and needles.",
	"Sharp pain.",
	"Anything that worries you.",
}

// NeverRollLowerBack is the most common mistake, and why it is one.
const NeverRollLowerBack = "Never roll the lower back itself. Its muscles are guarding your spine, and pressing on them makes them guard harder. Work above and around the pain instead."

// NotTreatment says what the app is and is not.
const NotTreatment = "Backroll coaches a gentle self-care routine. It does not diagnose or treat any condition."

// Principles are the few rules that make rolling work, shown before a session.
var Principles = []string{
	"Start at the stiff upper back, not the sore lower back: when the upper half moves, the lower back eases.",
	"Steady, moderate pressure and slow breathing tell your nervous system it is safe, so guarding muscles let go. No crushing of knots.",
	"Pressure about 4 out of 10. Never 8 out of 10 heroics.",
	"Small, slow passes of 1–2 cm; a hand's width at most on the upper back.",
	"60–90 seconds per area; two minutes is plenty.",
	"Breathe out for longer than you breathe in.",
	"Keep the roller off bony points.",
}

// SoftenCheck is the "soften, not spike" rule.
const SoftenCheck = "About 20 seconds into a move, the discomfort should be softening. If it spikes instead, change something: press lighter, move the roller, or take more weight on your hands or feet."

// RollerAdvice is what to do about a roller that feels too hard.
const RollerAdvice = "Softer is fine. If you tense up against the roller, swap a very firm one for a medium or soft one. A medium-density roller is a good start; spiky textures are not needed."

// HowOften is the rhythm that works.
const HowOften = "Two or three short sessions a week work better than one long one; there is no need to roll every day. Keep it light enough that you would happily do it again tomorrow."

// WhatToExpect is what people usually notice, and when.
const WhatToExpect = "Many people feel easier within minutes, especially after the upper-back and glute work. Lasting change tends to show after about a week of regular sessions."
