package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"backroll/data"
)

// tray is the system tray menu, when the desktop has a tray to put it in.
type tray struct {
	app  desktop.App
	menu *fyne.Menu
	week *fyne.MenuItem
}

// setUpTray puts Backroll in the system tray and makes closing the window hide it there. Without
// a tray host it does nothing and the window closes as it always did: a hidden window with no tray
// item could never be brought back.
func (c *coach) setUpTray(a fyne.App) bool {
	desk, ok := a.(desktop.App)
	if !ok || !trayHostPresent() {
		return false
	}
	t := &tray{app: desk, week: fyne.NewMenuItem("", nil)}
	t.week.Disabled = true
	quit := fyne.NewMenuItem(lang.X("tray.quit", "Quit"), func() { c.win.Close() }) // saves, as Ctrl+Q does
	quit.IsQuit = true
	t.menu = fyne.NewMenu("Backroll",
		fyne.NewMenuItem(lang.X("tray.start", "Start a session"), c.startFromTray),
		t.week,
		fyne.NewMenuItem(lang.X("tray.pause-reminders", "Pause reminders until tomorrow"), c.pauseRemindersToday),
		fyne.NewMenuItem(lang.X("tray.show", "Show"), c.showWindow),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	c.tray = t
	c.refreshTray()
	desk.SetSystemTrayMenu(t.menu)
	c.win.SetCloseIntercept(c.win.Hide)
	return true
}

// trayWeekLabel says this week's count in the tray: "This week: 2 of 2–3".
func trayWeekLabel(s data.Summary) string {
	return lang.X("tray.week", "This week: {{.Count}} of {{.Min}}–{{.Max}}", map[string]any{"Count": s.ThisWeek, "Min": data.WeeklyGoalMin, "Max": data.WeeklyGoalMax})
}

// refreshTray updates the week's count in the tray menu.
func (c *coach) refreshTray() {
	if c.tray == nil {
		return
	}
	label := trayWeekLabel(data.Summarize(c.history, c.now()))
	if c.tray.week.Label != label {
		c.tray.week.Label = label
		c.tray.menu.Refresh()
	}
}

// showWindow brings the window back from the tray.
func (c *coach) showWindow() {
	c.win.Show()
	c.win.RequestFocus()
}

// startFromTray shows the window and starts a session, unless one is already on.
func (c *coach) startFromTray() {
	c.showWindow()
	switch c.pages.current {
	case pageStart, pageFinish, pageHistory, pageAdjust:
		c.pages.closeDialog()
		c.start()
	}
}
