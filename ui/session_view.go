package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"backroll/routine"
	"backroll/ui/i18n"
)

// sessionView is the session screen: the move card beside the breathing circle, the step strip
// and clocks, the check-in banner and the controls. In floor mode only the circle, the move, its
// side and the time left remain, larger.
type sessionView struct {
	root     *fyne.Container
	card     *moveCard
	circle   *BreathCircle
	strip    *stepStrip
	checkIn  *checkInBanner
	controls *controls
	overlay  *pauseOverlay // the 3-2-1 and why the session paused (countdown.go)

	stepLeft, totalLeft *canvas.Text
	next                *canvas.Text
	floorMove           *canvas.Text
	floorSide           *sideBadge
	floorArt            *artView // the move's drawing beside its name, for a glance from the floor

	normal, floor *fyne.Container
	shownTimes    shownTimes
}

func newSessionView(c *coach) *sessionView {
	v := &sessionView{
		card:      newMoveCard(c.toThread),
		circle:    NewBreathCircle(),
		strip:     newStepStrip(),
		checkIn:   newCheckInBanner(c),
		controls:  newControls(c),
		overlay:   newPauseOverlay(),
		stepLeft:  bigText(1.5),
		totalLeft: bigText(0.8),
		next:      bigText(1),
		floorMove: bigText(2.2),
		floorSide: newSideBadge(),
		floorArt:  newArtView(200, c.toThread),
	}
	v.recolour()

	circleSide := container.New(&circleColumn{v: v}, v.checkIn.root, v.circle, v.stepLeft, v.totalLeft, v.next)
	cardSide := container.NewPadded(v.card.root)
	main := container.New(&sideBySide{cardShare: 0.40}, cardSide, circleSide)
	v.normal = container.New(&sessionLayout{controls: v.controls}, main, v.strip.root, v.controls.root)
	v.root = container.NewStack(v.normal, v.overlay.root)
	v.overlay.host = v.root
	return v
}

// bigText is a bold line scaled from the theme's heading size.
func bigText(scale float32) *canvas.Text {
	t := canvas.NewText("", themeColor(theme.ColorNameForeground))
	t.TextStyle.Bold = true
	t.TextSize = theme.Size(theme.SizeNameHeadingText) * scale
	return t
}

// recolour gives the texts the view draws itself the current theme's colours; Fyne's own widgets
// follow a theme change by themselves.
func (v *sessionView) recolour() {
	for _, t := range []*canvas.Text{v.stepLeft, v.next, v.floorMove} {
		t.Color = themeColor(theme.ColorNameForeground)
		t.Refresh()
	}
	v.totalLeft.Color = themeColor(colorCalm)
	v.totalLeft.Refresh()
}

func (v *sessionView) setPlan(p routine.Plan) {
	v.strip.setPlan(p)
}

// showStep draws step i's card, its place in the strip and the floor mode's move line.
func (v *sessionView) showStep(s *routine.Session, i int) {
	st := s.Plan().Steps[i]
	v.card.show(st)
	v.strip.mark(i)
	v.floorMove.Text = i18n.R(st.Move.Title)
	v.floorMove.Refresh()
	v.floorSide.set(st.Side)
	v.floorArt.setDrawing(v.card.image.drawing) // the card has just chosen it for this step
}

// showTimes updates the step's and the routine's time left, and the "Next:" line near the end of
// a step. Text objects refresh only when their text changes: once a second.
func (v *sessionView) showTimes(s *routine.Session, nextFor time.Duration) {
	left := s.StepLeft()
	nextStep := -1
	if i := s.StepIndex() + 1; s.State() != routine.Done && i < len(s.Plan().Steps) && left <= nextFor {
		nextStep = i
	}
	// The texts change once a second; this runs every frame, and wording them allocates.
	key := shownTimes{wholeSeconds(left), wholeSeconds(s.TotalLeft()), nextStep}
	if key == v.shownTimes {
		return
	}
	v.shownTimes = key
	step := lang.X("session.step-left", "{{.Time}} left in this move", map[string]any{"Time": routine.MinSec(left)})
	total := lang.X("session.total-left", "{{.Time}} left in all", map[string]any{"Time": routine.MinSec(s.TotalLeft())})
	next := ""
	if nextStep >= 0 {
		st := s.Plan().Steps[nextStep]
		move := map[string]any{"Move": i18n.R(st.Move.Title)}
		switch st.Side {
		case routine.Right:
			next = lang.X("session.next.right", "Next: {{.Move}}, right side", move)
		case routine.Left:
			next = lang.X("session.next.left", "Next: {{.Move}}, left side", move)
		default:
			next = lang.X("session.next", "Next: {{.Move}}", move)
		}
	}
	v.stepLeft.Text, v.totalLeft.Text, v.next.Text = step, total, next
	v.stepLeft.Refresh()
	v.totalLeft.Refresh()
	v.next.Refresh()
}

func (v *sessionView) showPlaying(playing bool) {
	v.controls.showPlaying(playing)
}

// setFloor swaps between the normal and the floor arrangement. They share the circle and the
// clocks, so only one of them is ever in the tree: the floor one is built when it is needed.
func (v *sessionView) setFloor(on bool) {
	if on {
		top := container.NewVBox(
			container.NewCenter(container.NewHBox(v.floorArt, container.NewCenter(v.floorMove), container.NewCenter(v.floorSide))),
			container.NewCenter(v.stepLeft), container.NewCenter(v.totalLeft))
		v.floor = container.NewBorder(top, container.NewCenter(v.next), nil, nil, v.circle)
		v.root.Objects = []fyne.CanvasObject{v.floor, v.overlay.root}
	} else {
		v.floor = nil
		v.root.Objects = []fyne.CanvasObject{v.normal, v.overlay.root}
	}
	v.circle.SetBig(on)
	v.root.Refresh()
}

// sideBySide puts the card on the left and the circle on the right when the window is wider than
// tall, and stacks them (card above, smaller) when it is narrow.
type sideBySide struct{ cardShare float32 }

func (l *sideBySide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	card, circle := objs[0], objs[1]
	if size.Width >= size.Height {
		w := size.Width * l.cardShare
		card.Move(fyne.NewPos(0, 0))
		card.Resize(fyne.NewSize(w, size.Height))
		circle.Move(fyne.NewPos(w, 0))
		circle.Resize(fyne.NewSize(size.Width-w, size.Height))
		return
	}
	h := size.Height * 0.45
	card.Move(fyne.NewPos(0, 0))
	card.Resize(fyne.NewSize(size.Width, h))
	circle.Move(fyne.NewPos(0, h))
	circle.Resize(fyne.NewSize(size.Width, size.Height-h))
}

func (l *sideBySide) MinSize(objs []fyne.CanvasObject) fyne.Size {
	card, circle := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(card.Width, circle.Width), max(card.Height, circle.Height))
}

// compactBelow is the window height under which the pace sliders wait under More.
const compactBelow = 700

// sessionLayout stacks the card and circle over the step strip and the controls, giving the
// controls exactly the height they need at this width (they wrap when the window is narrow).
type sessionLayout struct{ controls *controls }

func (l *sessionLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	main, strip, bar := objs[0], objs[1], objs[2]
	pad := theme.Padding()
	l.controls.setCompact(size.Height < compactBelow)
	barH := l.controls.heightFor(size.Width)
	stripH := strip.MinSize().Height
	mainH := max(size.Height-barH-stripH-2*pad, 0)
	main.Move(fyne.NewPos(0, 0))
	main.Resize(fyne.NewSize(size.Width, mainH))
	strip.Move(fyne.NewPos(0, mainH+pad))
	strip.Resize(fyne.NewSize(size.Width, stripH))
	bar.Move(fyne.NewPos(0, mainH+stripH+2*pad))
	bar.Resize(fyne.NewSize(size.Width, barH))
}

func (l *sessionLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	main, strip, bar := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	w := max(main.Width, strip.Width, bar.Width)
	return fyne.NewSize(w, main.Height+strip.Height+l.controls.heightFor(w)+2*theme.Padding())
}

// circleColumn gives the circle all the height the check-in banner and the clocks leave, and
// sizes the clocks to the column so they are as large as fits, never wider.
type circleColumn struct{ v *sessionView }

func (l *circleColumn) texts() []*canvas.Text {
	return []*canvas.Text{l.v.stepLeft, l.v.totalLeft, l.v.next}
}

// clockSizes are the clocks' largest text sizes: the step's time left stands out.
func clockSizes() [3]float32 {
	heading := theme.Size(theme.SizeNameHeadingText)
	return [3]float32{heading * 1.5, heading * 0.8, heading * 0.8}
}

// fit sizes the clocks to the column, as large as fits and never more than a share of its height,
// so a short window keeps room for the circle; it reports whether any size changed.
func (l *circleColumn) fit(size fyne.Size) bool {
	changed := false
	for i, t := range l.texts() {
		size := min(clockSizes()[i], size.Width/float32(max(len([]rune(t.Text)), 16))*1.7, size.Height*[3]float32{0.1, 0.055, 0.055}[i])
		if t.TextSize != size {
			t.TextSize = size
			changed = true
		}
	}
	return changed
}

func (l *circleColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if l.fit(size) {
		for _, t := range l.texts() {
			t.Refresh()
		}
	}
	banner := l.v.checkIn.root
	y := float32(0)
	if banner.Visible() {
		h := banner.MinSize().Height
		banner.Resize(fyne.NewSize(size.Width, h))
		banner.Move(fyne.NewPos(0, 0))
		y = h
	}
	var textsH float32
	for _, t := range l.texts() {
		textsH += t.MinSize().Height
	}
	circleH := max(size.Height-y-textsH, 0)
	l.v.circle.Move(fyne.NewPos(0, y))
	l.v.circle.Resize(fyne.NewSize(size.Width, circleH))
	y += circleH
	for _, t := range l.texts() {
		h := t.MinSize().Height
		t.Alignment = fyne.TextAlignCenter
		t.Move(fyne.NewPos(0, y))
		t.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

// MinSize is the circle's least size over the clocks as small as a narrow column makes them.
func (l *circleColumn) MinSize([]fyne.CanvasObject) fyne.Size {
	h := l.v.circle.MinSize().Height
	for _, size := range clockSizes() {
		h += fyne.MeasureText("0", size*0.6, fyne.TextStyle{Bold: true}).Height
	}
	return fyne.NewSize(l.v.circle.MinSize().Width, h)
}

// shownTimes is what the time texts say: whole seconds left in the step and in all, and the step
// the "Next:" line names (-1 for none).
type shownTimes struct{ step, total, next int }

// wholeSeconds rounds up, as routine.MinSec shows a duration.
func wholeSeconds(d time.Duration) int { return int((d + time.Second - 1) / time.Second) }
