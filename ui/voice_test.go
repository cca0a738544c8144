package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"backroll/routine"
	"backroll/sound"
	"backroll/ui/i18n"
)

// withVoice hands the coach the real espeak-ng voice (make test installs it), its phrases cached
// in the test's own folder, and waits until the routine's phrases are ready.
func withVoice(t *testing.T, h *harness) *sound.Voice {
	t.Helper()
	sp, why := sound.FindSpeaker("")
	if sp == nil {
		t.Fatalf("espeak-ng is needed (make test installs it): %s", why)
	}
	v := sound.NewVoice(sp, t.TempDir())
	t.Cleanup(func() { v.Close(); v.Wait() }) // before the cache folder is removed
	h.c.findVoice(func(string) (*sound.Voice, string) { return v, "" })
	deadline := time.Now().Add(10 * time.Second)
	for h.c.voice == nil && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		h.pump()
	}
	if h.c.voice == nil {
		t.Fatal("the voice was never handed to the window")
	}
	v.Wait()
	return v
}

func TestVoiceSaysSwitchSidesAtEachSideChange(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	withVoice(t, h)
	h.key(fyne.KeyReturn)
	h.advance(h.c.session.Plan().Total() + time.Second)
	var switches []time.Duration
	var names []string
	for _, u := range h.sound.said {
		if u.Clip.Text == routine.SaySwitchSides {
			switches = append(switches, u.Start())
		}
		if strings.HasPrefix(u.Clip.Text, "Next: ") || strings.HasPrefix(u.Clip.Text, "First: ") {
			names = append(names, u.Clip.Text)
		}
	}
	plan := h.c.session.Plan()
	var want []time.Duration
	var at time.Duration
	for i, st := range plan.Steps {
		if i > 0 && plan.Steps[i-1].Move.ID == st.Move.ID {
			want = append(want, at+600*time.Millisecond)
		}
		at += st.Length
	}
	if len(switches) != len(want) {
		t.Fatalf("\"Switch sides\" said at %v, want at %v", switches, want)
	}
	for i := range want {
		if d := switches[i] - want[i]; d < 0 || d > 60*time.Millisecond {
			t.Errorf("switch %d said at %v, want %v (frames of 50 ms)", i, switches[i], want[i])
		}
	}
	if len(names) != 5 || names[0] != "First: upper back rolls." {
		t.Errorf("move names said: %q", names)
	}
}

func TestVKeyCyclesTheVoiceAndItIsSaved(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	voice := withVoice(t, h)
	if got := h.c.prefs.Get().Voice; got != routine.VoiceNames {
		t.Fatalf("a first run speaks %q, want names", got)
	}
	for _, want := range []routine.VoiceMode{routine.VoiceSteps, routine.VoiceOff, routine.VoiceNames} {
		h.typeRune('v')
		if got := h.c.prefs.Get().Voice; got != want {
			t.Fatalf("V: %q, want %q", got, want)
		}
		if h.c.view.controls.voice.mode.Selected != want.Label() {
			t.Errorf("the voice setting shows %q, want %q", h.c.view.controls.voice.mode.Selected, want.Label())
		}
	}
	h.typeRune('v') // steps
	voice.Wait()
	h.key(fyne.KeyReturn)
	h.advance(40 * time.Second)
	var texts []string
	for _, u := range h.sound.said {
		texts = append(texts, u.Clip.Text)
	}
	first := routine.DefaultMoves()[0]
	if len(texts) < 3 || texts[1] != first.Setup || texts[2] != first.Steps[0] {
		t.Errorf("names and steps said %q", texts)
	}
	h.typeRune('v') // off
	h.key(fyne.KeyRight)
	if n := len(h.sound.said); n != len(texts) {
		t.Errorf("voice off still spoke: %v", h.sound.said[len(texts):])
	}
}

func TestWithoutAnEngineTheVoiceIsGreyedWithItsReason(t *testing.T) {
	h := newHarness(t, readPrefs, fyne.NewSize(1280, 800))
	t.Setenv("PATH", t.TempDir())
	h.c.findVoice(func(string) (*sound.Voice, string) {
		sp, why := sound.FindSpeaker("")
		return sound.NewVoice(sp, t.TempDir()), why
	})
	deadline := time.Now().Add(5 * time.Second)
	for h.c.voiceWhy == "" && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		h.pump()
	}
	v := h.c.view.controls.voice
	if !v.mode.Disabled() || !v.volume.Disabled() || !v.rate.Disabled() {
		t.Error("the voice settings are not greyed")
	}
	if v.why.Text != sound.NoSpeakerReason {
		t.Errorf("the line under them says %q", v.why.Text)
	}
	h.key(fyne.KeyReturn)
	h.advance(3 * time.Minute)
	if len(h.sound.said) != 0 || len(h.sound.cues) == 0 {
		t.Errorf("without an engine: said %d phrases, %d cues", len(h.sound.said), len(h.sound.cues))
	}
	h.typeRune('v')
	if got := h.c.prefs.Get().Voice; got != routine.VoiceNames {
		t.Errorf("V without an engine changed the setting to %q", got)
	}
}

// With German chosen, the coach says its lines in German, through espeak-ng's German voice.
func TestVoiceSpeaksTheChosenLanguage(t *testing.T) {
	h := newHarness(t, `{"version":2,"safety_acknowledged":true,"language":"de"}`, fyne.NewSize(1280, 800))
	sp, why := sound.FindSpeaker("")
	if sp == nil {
		t.Fatalf("espeak-ng is needed (make test installs it): %s", why)
	}
	sp = sp.ForLanguage(i18n.Current()) // as main's findVoice does
	if sp.Voice != "de" {
		t.Fatalf("espeak-ng voice %q, want de", sp.Voice)
	}
	v := sound.NewVoice(sp, t.TempDir())
	t.Cleanup(func() { v.Close(); v.Wait() })
	h.c.findVoice(func(string) (*sound.Voice, string) { return v, "" })
	deadline := time.Now().Add(10 * time.Second)
	for h.c.voice == nil && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		h.pump()
	}
	v.Wait()
	h.key(fyne.KeyReturn)
	h.advance(h.c.session.Plan().Total() + time.Second)
	said := map[string]bool{}
	for _, u := range h.sound.said {
		said[u.Clip.Text] = true
	}
	for _, want := range []string{"Zuerst: oberer Rücken.", "Als Nächstes: Latissimus und Flanke, rechte Seite.", "Seite wechseln.", "Letzte Atemzüge."} {
		if !said[want] {
			t.Errorf("the coach never said %q; said %v", want, said)
		}
	}
	for text := range said {
		if strings.Contains(text, "Next:") || text == routine.SaySwitchSides {
			t.Errorf("said in English: %q", text)
		}
	}
}
