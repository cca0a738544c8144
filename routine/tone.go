package routine

import "fmt"

// ToneStyle names how the breath pacing sounds. It lives here, beside Roller, because preferences,
// the plan and the sound all speak of it and the sound package is not the only reader.
type ToneStyle string

// Tone styles, each named for what it sounds like.
const (
	SoftTones ToneStyle = "soft-tones" // a soft tone gliding up on the inhale and down on the exhale
	Chimes    ToneStyle = "chimes"     // a bright bell to breathe in, a low bell to breathe out
	LowHum    ToneStyle = "low-hum"    // a quiet hum that swells in and fades out with the breath
	Silent    ToneStyle = "off"        // no breath sound; cues still play unless muted
)

// DefaultToneStyle is the gentlest style.
const DefaultToneStyle = SoftTones

// ToneStyles lists every style in the order the UI offers them.
var ToneStyles = []ToneStyle{SoftTones, Chimes, LowHum, Silent}

// ParseToneStyle accepts one of the names above.
func ParseToneStyle(s string) (ToneStyle, error) {
	for _, t := range ToneStyles {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fmt.Errorf("tone style %q is not one of soft-tones, chimes, low-hum, off", s)
}

// Label is the style as the screen shows it.
func (t ToneStyle) Label() string {
	switch t {
	case Chimes:
		return "Chimes"
	case LowHum:
		return "Low hum"
	case Silent:
		return "No breath tone"
	default:
		return "Soft tones"
	}
}
