// Package ui is Backroll's window: the move card, the breathing circle, the controls and the
// pages around a session. It is the only package that imports Fyne.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// Run opens the window and returns when it closes.
func Run() error {
	a := app.NewWithID("io.github.backroll_app.backroll")
	w := a.NewWindow("Backroll")
	w.SetContent(widget.NewLabel("Backroll"))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
	return nil
}
