package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ThemeChoice forces light or dark, or follows the system.
type ThemeChoice string

// Theme choices, as stored in preferences.
const (
	ThemeSystem ThemeChoice = "system"
	ThemeLight  ThemeChoice = "light"
	ThemeDark   ThemeChoice = "dark"
)

// Extra colour names for what Fyne's theme has no name for.
const (
	colorInhale fyne.ThemeColorName = "backroll-inhale"
	colorExhale fyne.ThemeColorName = "backroll-exhale"
	colorRing   fyne.ThemeColorName = "backroll-ring"
	colorCard   fyne.ThemeColorName = "backroll-card"
	colorSide   fyne.ThemeColorName = "backroll-side"
	colorCalm   fyne.ThemeColorName = "backroll-calm"
)

// backrollTheme is Fyne's default theme with larger type, calm colours for the floor, and a
// light/dark choice that can override the system.
type backrollTheme struct {
	choice ThemeChoice
	scale  float32 // the user's text size, 0.8–1.6
}

var _ fyne.Theme = (*backrollTheme)(nil)

// palette is one variant's colours: muted teal for the inhale, soft violet for the exhale, warm greys.
// Every text on what it is drawn over reaches WCAG AA contrast (4.5:1, 3:1 from 24 px) and so does
// the circle's ring on the page (3:1): contrast_test.go holds them to it.
type palette struct {
	background, foreground, card, primary, onPrimary, inhale, exhale, ring, side, calm, button, disabled, input color.Color

	warning color.Color // the caution line and the notice banner's tint
	pressed color.Color // the flash over a tapped button: translucent, text stays readable through it
}

var lightPalette = palette{
	background: rgb(0xf6, 0xf4, 0xef),
	foreground: rgb(0x26, 0x2a, 0x30),
	card:       rgb(0xff, 0xfd, 0xf8),
	primary:    rgb(0x2a, 0x71, 0x6c), // white on it reads at 5.7:1
	onPrimary:  rgb(0xff, 0xff, 0xff),
	inhale:     rgb(0x7c, 0xc2, 0xb6),
	exhale:     rgb(0xa9, 0x9c, 0xd6),
	ring:       rgb(0x8d, 0x87, 0x79),
	side:       rgb(0xa9, 0x54, 0x2a),
	calm:       rgb(0x5b, 0x63, 0x6e),
	button:     rgb(0xe8, 0xe4, 0xda),
	disabled:   rgb(0x5f, 0x64, 0x6b), // quieter than the text, still 4.5:1 on a button
	input:      rgb(0xec, 0xe8, 0xdf),
	warning:    rgb(0x9a, 0x4a, 0x0c),
	pressed:    color.NRGBA{A: 0x19},
}

var darkPalette = palette{
	background: rgb(0x1f, 0x22, 0x27),
	foreground: rgb(0xe9, 0xe6, 0xdf),
	card:       rgb(0x28, 0x2c, 0x33),
	primary:    rgb(0x6f, 0xc1, 0xb5),
	onPrimary:  rgb(0x1f, 0x22, 0x27), // dark text on the light teal: 7.6:1, where white was 2.1:1
	inhale:     rgb(0x3a, 0x85, 0x7c), // the phase word on it 3.5:1, and it on the page 3.7:1
	exhale:     rgb(0x6c, 0x5f, 0x9e),
	ring:       rgb(0x73, 0x7a, 0x83),
	side:       rgb(0xe8, 0x9a, 0x6c),
	calm:       rgb(0xa9, 0xb0, 0xb8),
	button:     rgb(0x33, 0x38, 0x40),
	disabled:   rgb(0xa0, 0xa6, 0xad), // quieter than the text, still 4.5:1 on a button
	input:      rgb(0x2c, 0x30, 0x37),
	warning:    rgb(0xee, 0xa1, 0x4f),
	pressed:    color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x30},
}

func rgb(r, g, b uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: 0xff} }

func (t *backrollTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.choice {
	case ThemeLight:
		return theme.VariantLight
	case ThemeDark:
		return theme.VariantDark
	}
	return v
}

func (t *backrollTheme) palette(v fyne.ThemeVariant) palette {
	if t.variant(v) == theme.VariantDark {
		return darkPalette
	}
	return lightPalette
}

func (t *backrollTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	p := t.palette(v)
	switch name {
	case theme.ColorNameBackground:
		return p.background
	case theme.ColorNameForeground:
		return p.foreground
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return p.primary
	case theme.ColorNameForegroundOnPrimary:
		return p.onPrimary
	case theme.ColorNameFocus:
		// A tint, not the primary itself: a focused button or select keeps its text readable.
		return withAlpha(p.primary, 0x55)
	case theme.ColorNamePressed:
		return p.pressed
	case theme.ColorNameButton, theme.ColorNameDisabledButton:
		return p.button
	case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
		return p.disabled
	case theme.ColorNameWarning:
		return p.warning
	case theme.ColorNameInputBackground:
		return p.input
	case theme.ColorNameOverlayBackground, theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground:
		return p.card
	case colorInhale:
		return p.inhale
	case colorExhale:
		return p.exhale
	case colorRing:
		return p.ring
	case colorCard:
		return p.card
	case colorSide:
		return p.side
	case colorCalm:
		return p.calm
	}
	return theme.DefaultTheme().Color(name, t.variant(v))
}

func (t *backrollTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *backrollTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size makes text and controls larger than Fyne's desktop defaults: they are read from the floor.
func (t *backrollTheme) Size(n fyne.ThemeSizeName) float32 {
	scale := t.scale
	if scale == 0 {
		scale = 1
	}
	switch n {
	case theme.SizeNameText:
		return 18 * scale
	case theme.SizeNameHeadingText:
		return 30 * scale
	case theme.SizeNameSubHeadingText:
		return 23 * scale
	case theme.SizeNameCaptionText:
		return 15 * scale
	case theme.SizeNameInlineIcon:
		return 24 * scale
	case theme.SizeNamePadding:
		return 6
	case theme.SizeNameInnerPadding:
		return 10
	}
	return theme.DefaultTheme().Size(n)
}

// themeColor looks a colour up in the app's current theme and variant.
func themeColor(name fyne.ThemeColorName) color.Color {
	return fyne.CurrentApp().Settings().Theme().Color(name, fyne.CurrentApp().Settings().ThemeVariant())
}

// isDark reports whether the app is drawing its dark variant now.
func isDark() bool {
	th, ok := fyne.CurrentApp().Settings().Theme().(*backrollTheme)
	v := fyne.CurrentApp().Settings().ThemeVariant()
	if ok {
		v = th.variant(v)
	}
	return v == theme.VariantDark
}
