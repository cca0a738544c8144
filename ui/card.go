package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"backroll/routine"
	"backroll/ui/i18n"
)

// moveCard shows the current step: its drawing, title, area, set-up, numbered steps, the pressure
// and pace cues, a large side marker and the caution. Its text scrolls rather than being clipped
// when the window is small.
type moveCard struct {
	root     fyne.CanvasObject
	header   *fyne.Container
	image    *artView
	title    *canvas.Text
	side     *sideBadge
	area     *widget.Label
	setup    *widget.Label
	steps    *widget.Label
	pressure *widget.Label
	pace     *widget.Label
	caution  *widget.Label

	shown routine.Step
	dark  bool
}

func newMoveCard(deliver func(func())) *moveCard {
	c := &moveCard{
		image:    newArtView(180, deliver),
		title:    canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		side:     newSideBadge(),
		area:     wrapped(""),
		setup:    wrapped(""),
		steps:    wrapped(""),
		pressure: wrapped(""),
		pace:     wrapped(""),
		caution:  wrapped(""),
	}
	c.title.TextStyle.Bold = true
	c.area.Importance = widget.LowImportance
	c.pressure.TextStyle.Bold = true
	c.caution.Importance = widget.WarningImportance

	c.header = container.New(&titleLayout{size: titleSize}, c.title, c.side)
	text := container.NewVBox(c.area, c.setup, c.steps, widget.NewSeparator(), c.pressure, c.pace, c.caution)
	c.root = container.New(cardLayout{}, c.header, c.image, container.NewVScroll(text))
	return c
}

// titleSize is the card title's full size.
func titleSize() float32 { return theme.Size(theme.SizeNameHeadingText) * 1.15 }

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// show fills the card for a step; it rebuilds the drawing only when the move, side or theme changed.
func (c *moveCard) show(st routine.Step) {
	m := st.Move
	dark := isDark()
	if c.shown.Move.Art != m.Art || c.shown.Side != st.Side || c.dark != dark || c.image.drawing == nil {
		c.image.setDrawing(artResource(m.Art, st.Side, themeColor(theme.ColorNameBackground)))
	}
	c.shown, c.dark = st, dark

	c.title.Text = i18n.R(m.Title)
	c.title.TextSize = titleSize()
	c.title.Color = themeColor(theme.ColorNameForeground)
	c.title.Refresh()
	c.side.set(st.Side)
	c.header.Refresh() // lays the title out again beside the badge, shrunk if it must be
	c.area.SetText(i18n.R(m.Area))
	c.setup.SetText(i18n.R(m.Setup))
	steps := ""
	for i, s := range m.Steps {
		steps += fmt.Sprintf("%d. %s\n", i+1, i18n.R(s))
	}
	c.steps.SetText(steps[:len(steps)-1])
	c.pressure.SetText(i18n.R(m.Pressure))
	pace := i18n.R(m.PaceCue)
	if m.Count != "" {
		pace = i18n.R(m.Count) + ". " + pace
	}
	c.pace.SetText(pace)
	caution := ""
	if len(m.Cautions) > 0 {
		caution = lang.X("card.caution", "Caution: ") + i18n.R(m.Cautions[0])
		for _, more := range m.Cautions[1:] {
			caution += "\n" + lang.X("card.caution", "Caution: ") + i18n.R(more)
		}
	}
	c.caution.SetText(caution)
}

// sideBadge is the large LEFT/RIGHT marker of a per-side move, hidden otherwise.
type sideBadge struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *canvas.Text
}

func newSideBadge() *sideBadge {
	b := &sideBadge{bg: &canvas.Rectangle{CornerRadius: 10}, text: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	b.text.TextStyle.Bold = true
	b.text.Alignment = fyne.TextAlignCenter
	b.ExtendBaseWidget(b)
	b.Hide()
	return b
}

func (b *sideBadge) set(s routine.Side) {
	if s == routine.NoSide {
		b.Hide()
		return
	}
	b.text.Text = i18n.R(s.Label())
	b.Show()
	b.Refresh()
}

func (b *sideBadge) CreateRenderer() fyne.WidgetRenderer {
	return &badgeRenderer{b: b}
}

type badgeRenderer struct{ b *sideBadge }

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.b.bg, r.b.text} }
func (r *badgeRenderer) Destroy()                     {}

func (r *badgeRenderer) MinSize() fyne.Size {
	r.b.text.TextSize = theme.Size(theme.SizeNameHeadingText) * 1.2
	s := r.b.text.MinSize()
	return fyne.NewSize(s.Width+32, s.Height+8)
}

func (r *badgeRenderer) Layout(size fyne.Size) {
	r.b.bg.Resize(size)
	r.b.text.Resize(size)
	r.b.text.Move(fyne.NewPos(0, (size.Height-r.b.text.MinSize().Height)/2))
}

func (r *badgeRenderer) Refresh() {
	r.b.bg.FillColor = themeColor(colorSide)
	r.b.text.Color = themeColor(theme.ColorNameBackground)
	r.b.text.TextSize = theme.Size(theme.SizeNameHeadingText) * 1.2
	r.Layout(r.b.Size())
	canvas.Refresh(r.b.bg)
	canvas.Refresh(r.b.text)
}

// imageShare is how much of the card's height the drawing may take: a picture reads at a glance
// from the floor, the text is for before you lie down.
const imageShare = 0.38

// cardLayout stacks the header, the drawing (a share of the height, at least its least size) and
// the scrolling text, which takes the rest.
type cardLayout struct{}

func (cardLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	header, image, text := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	hh := header.MinSize().Height
	ih := max(image.MinSize().Height, size.Height*imageShare)
	header.Move(fyne.NewPos(0, 0))
	header.Resize(fyne.NewSize(size.Width, hh))
	image.Move(fyne.NewPos(0, hh+pad))
	image.Resize(fyne.NewSize(size.Width, ih))
	text.Move(fyne.NewPos(0, hh+ih+2*pad))
	text.Resize(fyne.NewSize(size.Width, max(size.Height-hh-ih-2*pad, 0)))
}

func (cardLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), 2*theme.Padding()
	for _, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
	}
	return fyne.NewSize(w, h)
}
