package main

import (
	"bytes"
	"encoding/json"
	"os"
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
