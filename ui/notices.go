package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/sound"
)

// noticeBar shows what went wrong in words (a damaged settings file, settings that cannot be
// saved, no sound device) without blocking anything. Each notice shows once a run and can be closed.
type noticeBar struct {
	root *fyne.Container
	seen map[string]bool
}

func newNoticeBar() *noticeBar {
	return &noticeBar{root: container.NewVBox(), seen: map[string]bool{}}
}

func (n *noticeBar) add(text string) {
	if text == "" || n.seen[text] {
		return
	}
	n.seen[text] = true
	if text == sound.NoDeviceNotice {
		text = lang.X("notice.no-sound", "No sound device found; the circle still paces you.")
	}
	bg := canvas.NewRectangle(withAlpha(themeColor(theme.ColorNameWarning), 0x40))
	label := wrapped(text)
	var row *fyne.Container
	closeButton := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		n.root.Remove(row)
	})
	closeButton.Importance = widget.LowImportance
	row = container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), closeButton, label))
	n.root.Add(row)
}

// count returns how many notices are on screen.
func (n *noticeBar) count() int { return len(n.root.Objects) }
