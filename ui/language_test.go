package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/adrg/xdg"

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
	got := allText(h.c.pages.start.get().root)
	if !strings.Contains(got, "Erinnerung um 18:00 gesendet. Nächste Erinnerung: Fr 18:00, solange Backroll läuft.") {
		t.Errorf("start page says:\n%s", got)
	}
	var days []string
	for _, d := range h.c.pages.start.get().remind.days {
		days = append(days, d.Text)
	}
	if strings.Join(days, " ") != "Mo Di Mi Do Fr Sa So" {
		t.Errorf("day checks %v", days)
	}
	if got := trayWeekLabel(data.Summary{ThisWeek: 1}); got != "Diese Woche: 1 von 2–3" {
		t.Errorf("tray %q", got)
	}
	findButton(t, h.c.pages.start.get().remind.root, "Heute nicht").OnTapped()
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
	h.pump() // the count begins once the sound is awake
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
	if got := h.c.pages.start.get().plan.Text; !strings.Contains(got, "Atem 4,5–1–7–1 (4,4 pro Minute)") {
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
		b := findButton(t, h.c.pages.start.get().root, label)
		pos := d.AbsolutePositionForObject(b)
		if pos.X < 0 || pos.Y < 0 || pos.X+b.Size().Width > size.Width || pos.Y+b.Size().Height > size.Height {
			t.Errorf("%s at %v, %v: outside the window", label, pos, b.Size())
		}
	}
	grid := h.c.pages.start.get().tiles.Layout.(*tileGrid)
	if n := grid.columns(h.c.pages.start.get().tiles.Objects, grid.width); n != 3 {
		t.Errorf("%d tiles a row at 800 px", n)
	}
}

// Notices from data (clamped settings, a damaged history, a failed save) show in German, with
// each count in its plural form; the file names stay as they are.
func TestGermanNotices(t *testing.T) {
	dir := tempXDG(t)
	writePrefs(t, `{"version":2,"safety_acknowledged":true,"language":"de","pattern":{"inhale":99,"exhale":6},"volume":500}`)
	history := data.HistoryPath()
	if err := os.MkdirAll(filepath.Dir(history), 0o700); err != nil {
		t.Fatal(err)
	}
	damaged := `{"version":1,"sessions":[{"start":"2025-01-06T08:00:00Z","seconds":600,"finished":true},{"start":"2025-01-07T08:00:00Z","seconds":600,"finished":true},7,{"start":"2025-01`
	if err := os.WriteFile(history, []byte(damaged), 0o600); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	store, notices := data.OpenStore(data.SaverOptions{})
	t.Cleanup(func() { store.Close() })
	sessions, historyNotices := data.LoadHistory()
	if len(notices) != 2 || len(historyNotices) != 1 || len(sessions) != 2 {
		t.Fatalf("notices %v, history notices %v, %d sessions", notices, historyNotices, len(sessions))
	}
	i18n.Use("de")
	defer i18n.Use("en")
	relay := &Relay{}
	for _, n := range append(notices, historyNotices...) {
		relay.NotifyNotice(n)
	}
	c := newCoachWindow(a, test.NewTempWindow(t, nil), Options{Prefs: store, History: sessions, Sound: &fakeSound{}, Notices: relay, onThread: dropThreadWork})
	got := allText(c.pages.notices.root)
	if c.pages.notices.count() != 2 { // the two clamped values say the same sentence once
		t.Errorf("%d notices:\n%s", c.pages.notices.count(), got)
	}
	for _, want := range []string{
		"Einige gespeicherte Einstellungen lagen außerhalb des erlaubten Bereichs",
		"Dein Verlauf war beschädigt; 2 Einheiten sind erhalten geblieben. Die beschädigte Datei ist als " + historyNotices[0].Kept + " aufbewahrt. 1 Eintrag ließ sich nicht lesen.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("notices lack %q:\n%s", want, got)
		}
	}
	// A save that fails says so in German, with the system's reason as it gave it.
	blocker := filepath.Join(dir, "a-file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(blocker, "config"))
	xdg.Reload()
	err := data.SavePreferences(data.Defaults())
	want := "Die Einstellungen können nicht in " + filepath.Dir(data.PreferencesPath()) + " gespeichert werden (not a directory); sie gelten bis zum Beenden."
	if err == nil || errorWords(err) != want {
		t.Errorf("failed save: %v\nsays %q\nwant %q", err, errorWords(err), want)
	}
}

// English keeps data's own, more detailed sentences: which value moved, and to what.
func TestEnglishNoticesKeepTheirDetail(t *testing.T) {
	i18n.Use("en")
	n := data.Notice{What: data.SettingsAdjusted, Text: "Settings: inhale of 99 s was out of range (2–10 s); using 10 s."}
	if got := noticeWords(n); got != n.Text {
		t.Errorf("English notice %q", got)
	}
	i18n.Use("fr")
	defer i18n.Use("en")
	if got := noticeWords(n); !strings.HasPrefix(got, "Certains réglages enregistrés") {
		t.Errorf("French notice %q", got)
	}
}
