package i18n

import (
	_ "unsafe" // for go:linkname

	_ "fyne.io/fyne/v2/lang" // the functions below live there
)

// Fyne 2.8 has no public switch for the language: its lang package picks the best of its
// translations for the system's locales (go-locale: LANGUAGE/LC_ALL/LC_MESSAGES/LANG on Linux and
// the BSDs, the user's default locale name on Windows, AppleLanguages on macOS) whenever
// translations are added. Environment variables reach only the first of those, so Backroll calls
// the function Fyne itself uses, which works the same on every system: setupLang
// (lang/lang.go, "available to unit tests for overriding system") makes the localizer for one
// language. If a Fyne release renames it the build fails at link time (never silently), and
// TestChosenLanguageWins fails if it stops working.

//go:linkname setupLang fyne.io/fyne/v2/lang.setupLang
func setupLang(lang string)
