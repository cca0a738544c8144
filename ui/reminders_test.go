package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"backroll/data"
	"backroll/routine"
)

// Wednesday reminders at 18:00; the harness's day, 25 November 2026, is a Wednesday.
const remindPrefs = `{"version":2,"safety_acknowledged":true,"theme":"light","reminders":{"on":true,"days":["wed","fri"],"time":"18:00"}}`

// remindHarness is a harness whose reminders go to a list, on a wall clock the test moves.
func remindHarness(t *testing.T, prefs string) (*harness, *time.Time, *[]*fyne.Notification) {
	h := newHarness(t, prefs, fyne.NewSize(1280, 800))
	wall := wallClock(h)
	*wall = time.Date(2026, 11, 25, 17, 0, 0, 0, time.Local)
	var sent []*fyne.Notification
	h.c.remind = newReminders(h.c)
	h.c.remind.send = func(n *fyne.Notification) { sent = append(sent, n) }
	return h, wall, &sent
}

// minutes checks the reminders once a minute of the fake wall clock, as the ticker would.
func minutes(h *harness, wall *time.Time, n int) {
	for range n {
		*wall = wall.Add(time.Minute)
		h.c.checkReminders()
	}
}

func TestReminderSentAtItsTime(t *testing.T) {
	h, wall, sent := remindHarness(t, remindPrefs)
	h.c.history = []data.Session{{Start: time.Date(2026, 11, 24, 8, 0, 0, 0, time.Local), Finished: true, Feeling: data.FeltBetter}}
	minutes(h, wall, 59)
	if len(*sent) != 0 {
		t.Fatalf("sent before 18:00: %v", (*sent)[0])
	}
	minutes(h, wall, 1)
	if len(*sent) != 1 {
		t.Fatalf("%d reminders at 18:00", len(*sent))
	}
	if n := (*sent)[0]; n.Title != "Backroll" || n.Content != "Ten minutes on the floor? Your back liked it on Tuesday." {
		t.Fatalf("reminder %q: %q", n.Title, n.Content)
	}
	minutes(h, wall, 120)
	if len(*sent) != 1 {
		t.Fatalf("%d reminders by 20:00", len(*sent))
	}
	if got := allText(h.c.pages.start.get().root); !strings.Contains(got, "Reminder sent at 18:00. Next reminder: Fri 18:00") {
		t.Errorf("start page says:\n%s", got)
	}
}

func TestNoReminderWhenTheWeekIsDone(t *testing.T) {
	h, wall, sent := remindHarness(t, remindPrefs)
	monday := time.Date(2026, 11, 23, 8, 0, 0, 0, time.Local)
	h.c.history = []data.Session{{Start: monday, Finished: true}, {Start: monday.Add(24 * time.Hour), Finished: true}}
	h.c.pages.refreshStart()
	minutes(h, wall, 180)
	if len(*sent) != 0 {
		t.Fatalf("reminded with two sessions done: %q", (*sent)[0].Content)
	}
	if got := allText(h.c.pages.start.get().root); !strings.Contains(got, "This week's sessions are done") {
		t.Errorf("start page says:\n%s", got)
	}
}

func TestReminderCaughtUpAfterSleep(t *testing.T) {
	h, wall, sent := remindHarness(t, remindPrefs)
	h.c.checkReminders()
	*wall = time.Date(2026, 11, 25, 19, 30, 0, 0, time.Local) // asleep across 18:00
	h.c.onSystemEvent(wokeUp)
	if len(*sent) != 1 {
		t.Fatalf("%d reminders on waking after the time", len(*sent))
	}
}

func TestSnoozeAndNotToday(t *testing.T) {
	h, wall, sent := remindHarness(t, remindPrefs)
	minutes(h, wall, 60)
	if len(*sent) != 1 {
		t.Fatalf("%d reminders at 18:00", len(*sent))
	}
	snooze := findButton(t, h.c.pages.start.get().remind.root, "Snooze an hour")
	if !snooze.Visible() {
		t.Fatal("no Snooze after a reminder")
	}
	snooze.OnTapped()
	minutes(h, wall, 59)
	if len(*sent) != 1 {
		t.Fatal("the snooze came back early")
	}
	minutes(h, wall, 1)
	if len(*sent) != 2 {
		t.Fatalf("%d reminders an hour after the snooze", len(*sent))
	}
	findButton(t, h.c.pages.start.get().remind.root, "Snooze an hour").OnTapped()
	findButton(t, h.c.pages.start.get().remind.root, "Not today").OnTapped()
	minutes(h, wall, 120)
	if len(*sent) != 2 {
		t.Fatal("a snooze came back after Not today")
	}
	if h.store.Get().RemindersPausedOn != "2026-11-25" {
		t.Fatalf("paused on %q", h.store.Get().RemindersPausedOn)
	}
	if got := allText(h.c.pages.start.get().remind.root); !strings.Contains(got, "Reminders paused until tomorrow.") {
		t.Errorf("start page says:\n%s", got)
	}
}

func TestReminderSettingsOnTheStartPage(t *testing.T) {
	h, _, _ := remindHarness(t, readPrefs)
	s := h.c.pages.start.get().remind
	if s.on.Checked || h.store.Get().Reminders.On {
		t.Fatal("reminders on by default")
	}
	s.on.SetChecked(true)
	s.days[0].SetChecked(true) // Monday
	s.at.SetSelected("07:30")
	r := h.store.Get().Reminders
	want := routine.DefaultReminders()
	want.On, want.Days, want.At = true, want.Days.With(time.Monday, true), 7*60+30
	if r != want {
		t.Fatalf("stored %+v, want %+v", r, want)
	}
	if !s.countdown.Checked {
		t.Fatal("the 3-2-1 is off by default")
	}
	s.countdown.SetChecked(false)
	if h.store.Get().ResumeCountdown {
		t.Fatal("turning the 3-2-1 off was not stored")
	}
}

func TestClockChoicesKeepAnOddTime(t *testing.T) {
	c := clockChoices(18*60 + 10)
	if len(c) != 49 || c[37] != "18:10" || c[36] != "18:00" || c[38] != "18:30" {
		t.Fatalf("choices around 18:10: %v", c[35:40])
	}
	if len(clockChoices(18*60)) != 48 {
		t.Fatal("a half hour time added twice")
	}
}

// The reminder settings, as N opens them from the start page, in both themes; the masters were
// looked at before they were kept.
func TestReminderSettingsRender(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			h, wall, _ := remindHarness(t, `{"version":2,"safety_acknowledged":true,"theme":"`+theme+`","reminders":{"on":true,"days":["wed","fri"],"time":"18:00"}}`)
			minutes(h, wall, 60) // a reminder went out at 18:00
			h.typeRune('n')
			if h.c.pages.dialog == nil {
				t.Fatal("N opened no dialog")
			}
			test.AssertImageMatches(t, "reminders-"+theme+".png", h.capture())
			h.key(fyne.KeyEscape)
			if h.c.pages.dialog != nil {
				t.Fatal("Esc left the dialog open")
			}
		})
	}
}
