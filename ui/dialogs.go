package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/routine"
)

// showStopDialog asks, with the session paused, whether to end it, and says when to stop at once.
func (p *pages) showStopDialog() {
	keepGoing := widget.NewButtonWithIcon("Keep going  (Space)", theme.MediaPlayIcon(), p.c.keepGoing)
	end := widget.NewButtonWithIcon("End the session  (Enter)", theme.MediaStopIcon(), p.c.endEarly)
	end.Importance = widget.HighImportance
	content := container.NewVBox(
		subheading("Stop at once if you feel"), bullets(routine.StopSigns),
		wrapped("Ending now saves this session to your history as stopped early."),
		container.NewGridWithColumns(2, keepGoing, end))
	p.stopContent = content
	d := dialog.NewCustomWithoutButtons("Paused", content, p.c.win)
	p.stopDialog = d
	p.showDialog(d)
}

// keyHelp lists every key; the README has the same table.
var keyHelp = [][2]string{
	{"Space", "Pause or play"},
	{"Enter", "Start, or the page's main button"},
	{"Right / Left", "Next step / previous step"},
	{"Up / Down", "Volume up / down"},
	{"M", "Mute or unmute"},
	{"V", "Voice: off, names only, names and steps"},
	{"[ / ]", "Slower / faster breathing"},
	{"R", "Next roller mode (soft, medium, firm)"},
	{"1 – 6", "Jump to a move (answer a check-in with 1–3)"},
	{"F", "Floor mode: full screen, big circle"},
	{"Esc", "Leave full screen, close a dialog, or stop"},
	{"X", "Stop the session"},
	{"S", "Safety page"},
	{"? / F1", "This list"},
	{"Ctrl+Q", "Quit (a session in progress is saved)"},
}

func (c *coach) showKeys() {
	grid := container.NewGridWithColumns(2)
	for _, k := range keyHelp {
		grid.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(k[1]))
	}
	c.pages.showDialog(dialog.NewCustom("Keys", "Close  (Esc)", grid, c.win))
}
