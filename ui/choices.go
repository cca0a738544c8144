package ui

import (
	"fyne.io/fyne/v2/widget"

	"backroll/ui/i18n"
)

// newChoiceSelect offers values by their translated labels and calls choose with the one picked,
// except while *mirroring is set (the bar is showing the preferences, not the user choosing).
func newChoiceSelect[T any](values []T, label func(T) string, mirroring *bool, choose func(T)) *widget.Select {
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = i18n.R(label(v))
	}
	return widget.NewSelect(labels, func(picked string) {
		if *mirroring {
			return
		}
		for i, l := range labels {
			if l == picked {
				choose(values[i])
			}
		}
	})
}

// newWholeSlider is a slider of whole numbers from lo to hi in steps of step; set is called with
// the user's value, and not while *mirroring is set.
func newWholeSlider(lo, hi, step float64, mirroring *bool, set func(int)) *widget.Slider {
	s := widget.NewSlider(lo, hi)
	s.Step = step
	s.OnChanged = func(v float64) {
		if !*mirroring {
			set(int(v))
		}
	}
	return s
}
