package data

import (
	"strings"
	"testing"
	"time"

	"backroll/routine"
)

func TestRemindersRoundTrip(t *testing.T) {
	tempXDG(t)
	p := Defaults()
	p.Reminders = routine.Reminders{On: true, Days: routine.Weekdays(0).With(time.Monday, true).With(time.Sunday, true), At: 7*60 + 5}
	p.RemindersPausedOn = "2025-01-06"
	p.Autostart = true
	p.ResumeCountdown = false
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	got, notices := LoadPreferences()
	if len(notices) != 0 || got != p {
		t.Fatalf("read back %+v (notices %v)\nwant %+v", got, notices, p)
	}
	if !strings.Contains(string(readFile(t, PreferencesPath())), `"days": ["mon","sun"],`) {
		t.Errorf("days not written Monday first:\n%s", readFile(t, PreferencesPath()))
	}
	if !got.RemindersPausedToday(time.Date(2025, 1, 6, 23, 0, 0, 0, time.Local)) || got.RemindersPausedToday(time.Date(2025, 1, 7, 0, 1, 0, 0, time.Local)) {
		t.Error("paused-for-today does not end at midnight")
	}
}

func TestBadRemindersAreNotedAndKeptUsable(t *testing.T) {
	tempXDG(t)
	writeFile(t, PreferencesPath(), []byte(`{"version":2,"reminders":{"on":true,"days":["tue","someday"],"time":"25:00","paused_on":"yesterday","snooze_style":"gentle"},"start_at_login":true}`))
	p, notices := LoadPreferences()
	var text []string
	for _, n := range notices {
		text = append(text, n.Text)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{`day "someday"`, `time "25:00"`, `"yesterday"`} {
		if !strings.Contains(all, want) {
			t.Errorf("no note about %s in %q", want, all)
		}
	}
	want := routine.Reminders{On: true, Days: routine.Weekdays(0).With(time.Tuesday, true), At: routine.DefaultReminders().At}
	if p.Reminders != want || p.RemindersPausedOn != "" || !p.Autostart || !p.ResumeCountdown {
		t.Fatalf("read %+v", p)
	}
	// What this version does not know inside "reminders" is written back.
	if err := SavePreferences(p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readFile(t, PreferencesPath())), `"snooze_style": "gentle"`) {
		t.Errorf("unknown reminder field lost:\n%s", readFile(t, PreferencesPath()))
	}
}

func TestReminderTimeOutOfRangeIsClamped(t *testing.T) {
	p := Defaults()
	p.Reminders.At = 5000
	p.Reminders.Days = 0xff
	n, notes := p.Normalized()
	if n.Reminders.At != routine.MinutesInDay-1 || n.Reminders.Days != routine.AllWeekdays || len(notes) != 1 {
		t.Fatalf("normalized to %+v, notes %v", n.Reminders, notes)
	}
}
