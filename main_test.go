package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"backroll/routine"
)

// TestMain keeps the tests away from the user's own settings: every XDG folder is a temporary one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "backroll-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir+"/config")
	os.Setenv("XDG_DATA_HOME", dir+"/data")
	os.Setenv("XDG_CACHE_HOME", dir+"/cache") // the voice's phrases
	// English for the "system" language, whatever the machine speaks (the binary's tests too).
	os.Setenv("LANGUAGE", "")
	os.Setenv("LC_ALL", "C.UTF-8")
	xdg.Reload()
	code := m.Run()
	os.RemoveAll(dir)
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

func runCapture(args ...string) (status int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	status = run(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestPlanTextShowsEveryStepAndTotal(t *testing.T) {
	status, out, errOut := runCapture("plan")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	for _, want := range []string{"Upper back rolls", "Thoracic extensions", "Lats and side body, right side",
		"Lats and side body, left side", "Glutes and piriformis, right side", "Front-of-hip reset, left side",
		"Breathing finish", "in 4 s", "out 6 s", "6.0 breaths a minute", "Total: 11:40"} {
		if !strings.Contains(out, want) {
			t.Errorf("plan text lacks %q:\n%s", want, out)
		}
	}
}

// With German chosen, plan speaks German; plan --json keeps its English IDs and texts.
func TestPlanFollowsTheLanguage(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	if err := os.MkdirAll(filepath.Join(dir, "backroll"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "backroll", "preferences.json"), []byte(`{"version":2,"language":"de"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, out, errOut := runCapture("plan")
	for _, want := range []string{"Backroll-Plan: Mittlere Rolle", "Latissimus und Flanke, rechte Seite", "Insgesamt: 11:40"} {
		if !strings.Contains(out, want) {
			t.Errorf("German plan lacks %q:\n%s%s", want, out, errOut)
		}
	}
	_, out, _ = runCapture("plan", "--json")
	for _, want := range []string{`"move": "lats"`, `"title": "Lats and side body"`, `"side": "right"`} {
		if !strings.Contains(out, want) {
			t.Errorf("plan --json lacks %s:\n%s", want, out)
		}
	}
}

func TestPlanJSON(t *testing.T) {
	status, out, _ := runCapture("plan", "--json", "--inhale", "3", "--exhale", "5")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	var got routine.PlanJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.Pattern != (routine.Pattern{Inhale: 3, Exhale: 5}) || got.Roller != routine.Medium || len(got.Steps) != 9 {
		t.Fatalf("plan --json = %+v", got)
	}
	sum := 0.0
	for _, s := range got.Steps {
		sum += s.Seconds
	}
	if sum != got.TotalSeconds || got.TotalSeconds < 600 || got.TotalSeconds > 720 {
		t.Fatalf("steps add to %v, total %v", sum, got.TotalSeconds)
	}
	if got.Steps[2].Side != "right" || got.Steps[3].Side != "left" || got.Steps[0].Side != "" {
		t.Fatalf("sides: %+v", got.Steps)
	}
	// The raw keys are the ones preferences.json uses.
	for _, key := range []string{`"hold_in"`, `"hold_out"`, `"total_seconds"`, `"move": "upper-back"`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func TestPlanSofterRollerChangesThePlan(t *testing.T) {
	_, medium, _ := runCapture("plan")
	_, soft, _ := runCapture("plan", "--roller", "soft")
	if medium == soft {
		t.Fatal("--roller soft prints the same plan")
	}
	for _, want := range []string{"Softer roller", "pressure about 3 out of 10", "out 8 s"} {
		if !strings.Contains(soft, want) {
			t.Errorf("soft plan lacks %q:\n%s", want, soft)
		}
	}
}

func TestBadInputGivesOneLineAndStatusTwo(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"plan", "--inhale", "99"}, "inhale of 99 s is outside the allowed 2–8 s"},
		{[]string{"plan", "--exhale", "1"}, "exhale of 1 s is outside the allowed 2–12 s"},
		{[]string{"plan", "--hold-in", "7"}, "hold after inhale of 7 s is outside the allowed 0–6 s"},
		{[]string{"plan", "--hold-out", "-1"}, "hold after exhale of -1 s is outside the allowed 0–6 s"},
		{[]string{"plan", "--roller", "hard"}, `roller "hard" is not one of soft, medium, firm`},
		{[]string{"plan", "--inhale", "abc"}, `--inhale needs a number, not "abc"`},
		{[]string{"plan", "--inhale"}, "--inhale needs a value"},
		{[]string{"plan", "--bogus"}, "unknown flag --bogus"},
		{[]string{"plan", "extra"}, `unexpected argument "extra"`},
		{[]string{"dance"}, `unknown command "dance"`},
		{[]string{"--bogus"}, "backroll: unknown flag --bogus"},
		{[]string{"--start", "now"}, `backroll: unexpected argument "now"`},
		{[]string{"export-audio", "--seconds", "60"}, "--out FILE.wav is required"},
		{[]string{"export-audio", "--out", "x.wav"}, "choose a number of seconds or the whole routine"},
		{[]string{"export-audio", "--out", "x.wav", "--seconds", "60", "--routine"}, "not both"},
		{[]string{"export-audio", "--out", "x.wav", "--seconds", "9000"}, "seconds 9000 is outside the allowed 1–7200"},
		{[]string{"export-audio", "--out", "x.wav", "--seconds", "60", "--volume", "101"}, "volume 101 is outside the allowed 0–100"},
		{[]string{"export-audio", "--out", "x.wav", "--seconds", "60", "--style", "bells"}, `tone style "bells" is not one of`},
		{[]string{"export-audio", "--out", "x.wav", "--seconds", "60", "--exhale", "13"}, "exhale of 13 s is outside the allowed 2–12 s"},
	}
	for _, c := range cases {
		status, out, errOut := runCapture(c.args...)
		if status != 2 || out != "" {
			t.Errorf("%v: status %d, stdout %q", c.args, status, out)
		}
		if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: stderr %q, want one line containing %q", c.args, errOut, c.want)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"plan", "--help"}} {
		status, out, _ := runCapture(args...)
		if status != 0 || !strings.Contains(out, "Usage") {
			t.Errorf("%v: status %d, out %q", args, status, out)
		}
	}
}

func TestExportAudioWritesAWAVAndRefusesToOverwrite(t *testing.T) {
	out := t.TempDir() + "/pacing.wav"
	status, stdout, stderr := runCapture("export-audio", "--out", out, "--seconds", "12", "--inhale", "3", "--exhale", "5")
	if status != 0 || !strings.Contains(stdout, "0:12 of pacing, breathing 3–5") {
		t.Fatalf("status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	wav, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// 44-byte header, then 12 s of 48 kHz 16-bit stereo.
	if string(wav[:4]) != "RIFF" || string(wav[8:12]) != "WAVE" || len(wav) != 44+12*48000*4 {
		t.Fatalf("not a 12 s WAV: %d bytes, header %q", len(wav), wav[:12])
	}
	status, _, stderr = runCapture("export-audio", "--out", out, "--seconds", "5")
	if status != 1 || !strings.Contains(stderr, "already exists; use --force") {
		t.Fatalf("overwrite without --force: status %d, %q", status, stderr)
	}
	if after, _ := os.ReadFile(out); len(after) != len(wav) {
		t.Fatal("the existing file was changed")
	}
	if status, _, stderr = runCapture("export-audio", "--out", out, "--seconds", "5", "--force"); status != 0 {
		t.Fatalf("--force: status %d, %q", status, stderr)
	}
}

func TestPlanReadsPreferencesAndSaysWhatWasWrong(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	os.MkdirAll(dir+"/backroll", 0o700)
	write := func(s string) { os.WriteFile(dir+"/backroll/preferences.json", []byte(s), 0o600) }

	write(`{"version":1,"pattern":{"inhale":5,"exhale":5}}`)
	status, out, errOut := runCapture("plan", "--json")
	if status != 0 || !strings.Contains(out, `"inhale": 5`) || !strings.Contains(out, `"exhale": 5`) || errOut != "" {
		t.Fatalf("5–5 preferences: status %d, stderr %q\n%s", status, errOut, out)
	}
	write(`{"version":1,"pattern":{"inhale":99,"exhale":6}}`)
	status, out, errOut = runCapture("plan", "--json")
	if status != 0 || !strings.Contains(out, `"inhale": 8`) || !strings.Contains(errOut, "inhale of 99 s was out of range (2–8 s); using 8 s") {
		t.Fatalf("inhale 99: status %d, stderr %q\n%s", status, errOut, out)
	}
	write("garbage{")
	status, out, errOut = runCapture("plan", "--json")
	if status != 0 || !strings.Contains(out, `"inhale": 4`) || !strings.Contains(errOut, "damaged") {
		t.Fatalf("garbage: status %d, stderr %q", status, errOut)
	}
	aside, _ := filepath.Glob(dir + "/backroll/preferences.json.damaged-*")
	if len(aside) != 1 {
		t.Fatalf("damaged file kept as %v", aside)
	}
	if kept, _ := os.ReadFile(aside[0]); string(kept) != "garbage{" {
		t.Fatalf("the damaged file's content was not kept: %q", kept)
	}
	// Flags override the preferences.
	write(`{"version":1,"roller":"soft"}`)
	if _, out, _ = runCapture("plan", "--roller", "firm"); !strings.Contains(out, "Firm roller") {
		t.Fatalf("--roller did not override the preferences:\n%s", out)
	}
}
