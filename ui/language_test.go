package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"backroll/data"
	"backroll/ui/i18n"
)

// German reminders: the notification, the start page's next reminder, the day checks and the tray.
func TestGermanReminders(t *testing.T) {
	h, wall, sent := remindHarness(t, strings.Replace(remindPrefs, `"version":2,`, `"version":2,"language":"de",`, 1))
	defer i18n.Use("en")
	h.c.history = []data.Session{{Start: time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local), Finished: true, Feeling: data.FeltBetter}}
	minutes(h, wall, 60)
	if len(*sent) != 1 || (*sent)[0].Content != "Zehn Minuten auf dem Boden? Deinem Rücken hat es am Dienstag gutgetan." {
		t.Fatalf("German reminder: %v", *sent)
	}
	got := allText(h.c.pages.start.root)
	if !strings.Contains(got, "Erinnerung um 18:00 gesendet. Nächste Erinnerung: Fr 18:00, solange Backroll läuft.") {
		t.Errorf("start page says:\n%s", got)
	}
	var days []string
	for _, d := range h.c.pages.start.remind.days {
		days = append(days, d.Text)
	}
	if strings.Join(days, " ") != "Mo Di Mi Do Fr Sa So" {
		t.Errorf("day checks %v", days)
	}
	if got := trayWeekLabel(data.Summary{ThisWeek: 1}); got != "Diese Woche: 1 von 2–3" {
		t.Errorf("tray %q", got)
	}
	findButton(t, h.c.pages.start.remind.root, "Heute nicht").OnTapped()
	if got := h.c.reminderStatus(); got != "Erinnerungen bis morgen pausiert." {
		t.Errorf("paused status %q", got)
	}
}

// A day's preposition changes with the day in Portuguese and with the language everywhere, so
// each day is its own sentence.
func TestReminderNamesTheDayInEachLanguage(t *testing.T) {
	defer i18n.Use("en")
	saturday := time.Date(2026, 11, 21, 8, 0, 0, 0, time.Local)
	now := saturday.Add(72 * time.Hour)
	history := []data.Session{{Start: saturday, Finished: true, Feeling: data.FeltBetter}}
	for _, c := range []struct{ code, want string }{
		{"en", "Ten minutes on the floor? Your back liked it on Saturday."},
		{"pt", "Dez minutos no chão? As suas costas gostaram no sábado."},
		{"es", "¿Diez minutos en el suelo? A tu espalda le sentó bien el sábado."},
		{"fr", "Dix minutes au sol\u00a0? Votre dos a apprécié samedi."},
	} {
		i18n.Use(c.code)
		if got := reminderText(history, now); got != c.want {
			t.Errorf("%s: %q, want %q", c.code, got, c.want)
		}
	}
}

// The 3-2-1 and the automatic pause speak German.
func TestGermanCountdownAndAutoPause(t *testing.T) {
	h := newHarness(t, `{"version":2,"safety_acknowledged":true,"theme":"light","language":"de"}`, fyne.NewSize(1280, 800))
	defer i18n.Use("en")
	wall := wallClock(h)
	h.c.countStep = time.Hour
	h.key(fyne.KeyReturn)
	h.advance(2 * time.Second)
	h.c.onSystemEvent(screenLocked)
	if got := h.c.view.overlay.line.Text; got != "Pausiert, weil der Bildschirm gesperrt wurde. Leertaste drücken, um weiterzumachen." {
		t.Fatalf("auto-pause: %q", got)
	}
	*wall = wall.Add(time.Minute)
	h.key(fyne.KeySpace)
	if got := h.c.view.overlay.line.Text; h.c.view.overlay.number.Text != "3" || got != "Leg dich auf die Rolle" {
		t.Fatalf("3-2-1: %q %q", h.c.view.overlay.number.Text, got)
	}
	h.key(fyne.KeySpace)
	if got := h.c.view.overlay.line.Text; got != "Pausiert. Leertaste drücken, um weiterzumachen." {
		t.Fatalf("count stopped: %q", got)
	}
}

// German shows decimals with a comma: the pace sliders, the breaths a minute, the start page's
// pattern; the chart names weeks in figures, not English month names.
func TestGermanDecimalComma(t *testing.T) {
	h := newHarness(t, `{"version":2,"safety_acknowledged":true,"theme":"light","language":"de","pattern":{"inhale":4.5,"hold_in":1,"exhale":7,"hold_out":1}}`, fyne.NewSize(1280, 800))
	defer i18n.Use("en")
	k := h.c.view.controls
	if k.inhale.label.Text != "Ein 4,5 s" || k.exhale.label.Text != "Aus 7,0 s" || k.bpm.Text != "4,4 Atemzüge/min" {
		t.Errorf("controls %q %q %q", k.inhale.label.Text, k.exhale.label.Text, k.bpm.Text)
	}
	if got := h.c.pages.start.plan.Text; !strings.Contains(got, "Atem 4,5–1–7–1 (4,4 pro Minute)") {
		t.Errorf("start page plan %q", got)
	}
	if got := weekDate(time.Date(2026, 11, 2, 0, 0, 0, 0, time.Local)); got != "2.11." {
		t.Errorf("German week %q", got)
	}
}

// In German at 800 × 500 the start page's buttons all lie inside the window: the row of page
// buttons wraps instead of running off the right edge, and the tiles take rows of three.
func TestGermanStartPageFitsSmallWindow(t *testing.T) {
	size := fyne.NewSize(800, 500)
	h := newHarness(t, `{"version":2,"safety_acknowledged":true,"theme":"light","language":"de"}`, size)
	defer i18n.Use("en")
	h.settle(size)
	d := fyne.CurrentApp().Driver()
	for _, label := range []string{"Start", "Anpassen", "Verlauf", "Erinnerungen", "Sicherheit", "Tasten"} {
		b := findButton(t, h.c.pages.start.root, label)
		pos := d.AbsolutePositionForObject(b)
		if pos.X < 0 || pos.Y < 0 || pos.X+b.Size().Width > size.Width || pos.Y+b.Size().Height > size.Height {
			t.Errorf("%s at %v, %v: outside the window", label, pos, b.Size())
		}
	}
	grid := h.c.pages.start.tiles.Layout.(*tileGrid)
	if n := grid.columns(h.c.pages.start.tiles.Objects, grid.width); n != 3 {
		t.Errorf("%d tiles a row at 800 px", n)
	}
}
