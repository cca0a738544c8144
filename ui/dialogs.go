package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/routine"
	"backroll/ui/i18n"
)

// showStopDialog asks, with the session paused, whether to end it, and says when to stop at once.
func (p *pages) showStopDialog() {
	keepGoing := widget.NewButtonWithIcon(lang.X("stop.keep-going", "Keep going  (Space)"), theme.MediaPlayIcon(), p.c.keepGoing)
	end := widget.NewButtonWithIcon(lang.X("stop.end", "End the session  (Enter)"), theme.MediaStopIcon(), p.c.endEarly)
	end.Importance = widget.HighImportance
	content := container.NewVBox(
		subheading(lang.X("safety.stop.heading", "Stop at once if you feel")), bullets(i18n.RList(routine.StopSigns)),
		wrapped(lang.X("stop.saves", "Ending now saves this session to your history as stopped early.")),
		container.NewGridWithColumns(2, keepGoing, end))
	p.stopContent = content
	d := dialog.NewCustomWithoutButtons(lang.X("circle.paused", "Paused"), content, p.c.win)
	p.stopDialog = d
	p.showDialog(d)
}

// keyHelp lists every key, in the language in use; the README has the same table.
func keyHelp() [][2]string {
	return [][2]string{
		{lang.X("keys.space", "Space"), lang.X("keys.space.does", "Pause or play")},
		{lang.X("keys.enter", "Enter"), lang.X("keys.enter.does", "Start, or the page's main button")},
		{lang.X("keys.arrows", "Right / Left"), lang.X("keys.arrows.does", "Next step / previous step")},
		{lang.X("keys.updown", "Up / Down"), lang.X("keys.volume.does", "Volume up / down")},
		{"M", lang.X("keys.m.does", "Mute or unmute")},
		{"V", lang.X("keys.v.does", "Voice: off, names only, names and steps")},
		{"[ / ]", lang.X("keys.pace.does", "Slower / faster breathing")},
		{"R", lang.X("keys.r.does", "Next roller mode (soft, medium, firm)")},
		{"1 – 6", lang.X("keys.numbers.does", "Jump to a move (answer a check-in with 1–3)")},
		{"F", lang.X("keys.f.does", "Floor mode: full screen, big circle")},
		{"Esc", lang.X("keys.esc.does", "Leave full screen, close a dialog, or stop")},
		{"X", lang.X("keys.x.does", "Stop the session")},
		{"S", lang.X("keys.s.does", "Safety page")},
		{"A", lang.X("keys.a.does", "Adjust the routine")},
		{"H", lang.X("keys.h.does", "History")},
		{"N", lang.X("keys.n.does", "Reminders")},
		{"? / F1", lang.X("keys.help.does", "This list")},
		{lang.X("keys.quit", "Ctrl+Q"), lang.X("keys.quit.does", "Quit (a session in progress is saved)")},
	}
}

func (c *coach) showKeys() {
	grid := container.NewGridWithColumns(2)
	for _, k := range keyHelp() {
		grid.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(k[1]))
	}
	c.pages.showDialog(dialog.NewCustom(lang.X("keys.title", "Keys"), lang.X("keys.close", "Close  (Esc)"), grid, c.win))
}
