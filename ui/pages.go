package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"backroll/data"
)

// pageName says which page fills the window.
type pageName int

const (
	pageSafety pageName = iota
	pageStart
	pageSession
	pageFinish
	pageAdjust  // the routine's lengths and left-out moves (adjust.go)
	pageHistory // the last 12 weeks (history_page.go)
)

// pages switches what fills the window and owns what floats over it: the notices, the stop and
// keys dialogs.
type pages struct {
	c       *coach
	current pageName
	body    *fyne.Container
	root    *fyne.Container
	notices *noticeBar

	// The pages are built when first shown: only the first one is needed before the window maps.
	safety      lazy[*safetyPage]
	start       lazy[*startPage]
	finish      lazy[*finishPage]
	adjust      lazy[*adjustPage]
	history     lazy[*historyPage]
	historyFrom pageName      // where the history page's Back leads
	dialog      dialog.Dialog // the dialog on screen, if any
	stopDialog  dialog.Dialog // the stop dialog, while it is the one on screen
	stopContent fyne.CanvasObject

	returnTo          pageName // where the safety page's button leads
	resumeAfterSafety bool     // the safety page interrupted a running session
}

func newPages(c *coach) *pages {
	p := &pages{c: c, notices: newNoticeBar(), current: -1}
	p.safety.make = func() *safetyPage { return newSafetyPage(c) }
	p.start.make = func() *startPage { return newStartPage(c) }
	p.finish.make = func() *finishPage { return newFinishPage(c) }
	p.adjust.make = func() *adjustPage { return newAdjustPage(c) }
	p.history.make = func() *historyPage { return newHistoryPage(c) }
	p.body = container.NewStack()
	p.root = container.NewBorder(p.notices.root, nil, nil, nil, p.body)
	return p
}

// show puts a page in the window. The session screen is built once and kept.
func (p *pages) show(name pageName) {
	if p.current == name {
		return
	}
	p.current = name
	var content fyne.CanvasObject
	switch name {
	case pageSafety:
		content = p.safety.get().root
	case pageStart:
		p.start.get().refresh()
		content = p.start.get().root
	case pageSession:
		content = p.c.view.root
	case pageFinish:
		content = p.finish.get().root
	case pageAdjust:
		p.adjust.get().refresh()
		content = p.adjust.get().root
	case pageHistory:
		p.history.get().refresh()
		content = p.history.get().root
	}
	p.body.Objects = []fyne.CanvasObject{content}
	p.body.Refresh()
	p.c.syncFrames()
}

// refreshStart redraws the start page's plan and week, where settings or history changed.
func (p *pages) refreshStart() {
	switch p.current {
	case pageStart:
		p.start.get().refresh()
	case pageHistory:
		p.history.get().refresh()
	case pageAdjust:
		p.adjust.get().refresh()
	}
}

func (p *pages) showFinish(record data.Session) {
	p.finish.get().set(record)
	p.show(pageFinish)
}

// notify shows a notice banner once per run.
func (p *pages) notify(text string) {
	p.notices.add(text)
}

// showDialog opens d, closing any other first; Esc closes it.
func (p *pages) showDialog(d dialog.Dialog) {
	p.closeDialog()
	p.dialog = d
	d.SetOnClosed(func() {
		if p.dialog == d {
			p.dialog = nil
		}
	})
	d.Show()
}

// stopDialogOpen reports whether the dialog on screen is the stop dialog.
func (p *pages) stopDialogOpen() bool {
	return p.dialog != nil && p.dialog == p.stopDialog
}

// closeDialog closes the open dialog; it reports whether there was one.
func (p *pages) closeDialog() bool {
	if p.dialog == nil {
		return false
	}
	d := p.dialog
	p.dialog = nil
	d.Hide()
	return true
}

// lazy builds a value the first time it is asked for.
type lazy[T any] struct {
	make  func() T
	value T
	made  bool
}

func (l *lazy[T]) get() T {
	if !l.made {
		l.value, l.made = l.make(), true
	}
	return l.value
}

// built returns the value only if it has been built.
func (l *lazy[T]) built() (T, bool) { return l.value, l.made }
