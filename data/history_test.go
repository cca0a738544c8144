package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"backroll/routine"

	"github.com/adrg/xdg"
)

func session(start time.Time) Session {
	return Session{
		Start: start, Seconds: 690, StepsDone: 11, TotalSteps: 11, Finished: true,
		Roller: routine.Medium, Pattern: routine.DefaultPattern,
		CheckIns: map[string]Answer{"upper-back": Easing, "glutes": Spiking},
	}
}

var monday = time.Date(2025, 1, 6, 8, 30, 0, 0, time.FixedZone("CET", 3600))

func TestHistoryRoundTrip(t *testing.T) {
	_, dataHome := tempXDG(t)
	if got, want := HistoryPath(), filepath.Join(dataHome, "backroll", "history.json"); got != want {
		t.Errorf("HistoryPath() = %s, want %s", got, want)
	}
	if sessions, notices := LoadHistory(); len(sessions) != 0 || len(notices) != 0 {
		t.Fatalf("empty history: %v %v", sessions, notices)
	}
	first := session(monday.Add(123456789 * time.Nanosecond)) // kept to the second
	stopped := Session{Start: monday.Add(48 * time.Hour), Seconds: 200, StepsDone: 3, TotalSteps: 11, Roller: routine.Soft,
		Pattern: routine.Pattern{Inhale: 4, Exhale: 8}}
	for _, s := range []Session{first, stopped} {
		if notices, err := AppendSession(s); err != nil || len(notices) != 0 {
			t.Fatalf("AppendSession: %v %v", notices, err)
		}
	}
	if _, err := SetFeeling(first.Start, FeltBetter); err != nil {
		t.Fatal(err)
	}
	sessions, notices := LoadHistory()
	if len(notices) != 0 || len(sessions) != 2 {
		t.Fatalf("loaded %d sessions, notices %v", len(sessions), notices)
	}
	first.Start = monday
	first.Feeling = FeltBetter
	for i, want := range []Session{first, stopped} {
		got := sessions[i]
		if !got.Start.Equal(want.Start) {
			t.Errorf("session %d starts at %v, want %v", i, got.Start, want.Start)
		}
		got.Start = want.Start // the zone's name is not stored, only its offset
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("session %d:\n got %+v\nwant %+v", i, got, want)
		}
	}
	file := string(readFile(t, HistoryPath()))
	wantLine := `{"start":"2025-01-06T08:30:00+01:00","seconds":690,"steps_done":11,"total_steps":11,"finished":true,"roller":"medium","pattern":{"inhale":4,"hold_in":0,"exhale":6,"hold_out":0},"check_ins":{"glutes":"spiking","upper-back":"easing"},"feeling":"better"}`
	if !strings.HasPrefix(file, "{\n  \"version\": 1,\n  \"sessions\": [\n    "+wantLine+",\n") {
		t.Errorf("history.json:\n%s\nwant its first record as\n%s", file, wantLine)
	}
}

func TestSetFeelingUnknownStart(t *testing.T) {
	tempXDG(t)
	if _, err := AppendSession(session(monday)); err != nil {
		t.Fatal(err)
	}
	if _, err := SetFeeling(monday.Add(time.Minute), FeltWorse); !errors.Is(err, ErrNoSession) {
		t.Errorf("SetFeeling for no session: %v", err)
	}
}

func TestAppendNeedsStart(t *testing.T) {
	tempXDG(t)
	if _, err := AppendSession(Session{Seconds: 10}); err == nil {
		t.Error("a record without a start time was written")
	}
}

func TestHistoryKeepsUnknownFields(t *testing.T) {
	tempXDG(t)
	record := `{"start":"2025-01-06T08:30:00Z","seconds":600,"finished":true,"mood":"<calm> & \u00e9","extra":{"a": [1, 2]}}`
	writeFile(t, HistoryPath(), []byte(`{"version":1,"owner":{"name": "Ana"},"sessions":[`+record+`]}`))
	if _, err := AppendSession(session(monday.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	if _, err := SetFeeling(time.Date(2025, 1, 6, 8, 30, 0, 0, time.UTC), FeltSame); err != nil {
		t.Fatal(err)
	}
	file := readFile(t, HistoryPath())
	for _, s := range []string{`"mood":"<calm> & \u00e9"`, `"extra":{"a":[1,2]}`, `"owner": {"name": "Ana"}`, `"feeling":"same"`} {
		if !bytes.Contains(file, []byte(s)) {
			t.Errorf("history.json lacks %s:\n%s", s, file)
		}
	}
	if sessions, notices := LoadHistory(); len(sessions) != 2 || len(notices) != 0 {
		t.Errorf("loaded %d sessions, notices %v", len(sessions), notices)
	}
}

func TestHistoryFromVersion0(t *testing.T) {
	tempXDG(t)
	writeFile(t, HistoryPath(), []byte(`[{"start":"2024-12-30T19:00:00+01:00","seconds":700,"finished":true}]`))
	sessions, notices := LoadHistory()
	if len(sessions) != 1 || len(notices) != 0 || sessions[0].Seconds != 700 {
		t.Fatalf("loaded %+v, notices %v", sessions, notices)
	}
	if _, err := AppendSession(session(monday)); err != nil {
		t.Fatal(err)
	}
	file := readFile(t, HistoryPath())
	if !bytes.HasPrefix(file, []byte("{\n  \"version\": 1,")) {
		t.Errorf("not migrated:\n%s", file)
	}
	if sessions, _ := LoadHistory(); len(sessions) != 2 {
		t.Errorf("%d sessions after migrating", len(sessions))
	}
}

func historyWith(records ...string) string {
	return `{"version":1,"sessions":[` + strings.Join(records, ",") + `]}`
}

const (
	goodRecord1 = `{"start":"2025-01-06T08:30:00Z","seconds":600,"finished":true}`
	goodRecord2 = `{"start":"2025-01-08T08:30:00Z","seconds":300}`
)

func TestDamagedHistory(t *testing.T) {
	big := historyWith(goodRecord1, goodRecord2, `{"start":"2025-01-09T08:30:00Z","note":"`+strings.Repeat("x", maxFileSize)+`"}`)
	for _, tc := range []struct {
		name, content, reason string
		kept                  int
	}{
		{"truncated", historyWith(goodRecord1, goodRecord2)[:len(historyWith(goodRecord1, goodRecord2))-15], "it is cut short", 1},
		{"truncated after records", historyWith(goodRecord1, goodRecord2)[:len(historyWith(goodRecord1, goodRecord2))-2], "it is cut short", 2},
		{"wrong types", historyWith(goodRecord1, `{"start":"yesterday","seconds":"long"}`, `7`, goodRecord2), "2 session records could not be read", 2},
		{"wrong version", `{"version":"one","sessions":[` + goodRecord1 + `]}`, "version has the wrong type", 1},
		{"sessions not a list", `{"version":1,"sessions":{"a":1}}`, "sessions has the wrong type", 0},
		{"not JSON", "sessions: lots\n", "it is not valid JSON", 0},
		{"larger than 1 MiB", big, "it is larger than 1 MiB", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tempXDG(t)
			path := HistoryPath()
			writeFile(t, path, []byte(tc.content))
			sessions, notices := LoadHistory()
			if len(sessions) != tc.kept {
				t.Errorf("kept %d sessions, want %d", len(sessions), tc.kept)
			}
			aside := asideFiles(t, path)
			if len(aside) != 1 || !asideName.MatchString(aside[0]) {
				t.Fatalf("aside files %v", aside)
			}
			if got := readFile(t, aside[0]); string(got) != tc.content {
				t.Error("the damaged file's content changed when moved aside")
			}
			if len(notices) != 1 || notices[0].Kind != Damaged ||
				!strings.Contains(notices[0].Text, tc.reason) || !strings.Contains(notices[0].Text, aside[0]) {
				t.Fatalf("notices %v, want one saying %q and naming %s", notices, tc.reason, aside[0])
			}
			// The facts a window words in its own language.
			if n := notices[0]; n.What != HistoryDamaged || n.Kept != aside[0] || n.Sessions != tc.kept {
				t.Errorf("notice facts: %+v", n)
			}
			// The repaired file holds what was read; appending goes on from there.
			if _, err := AppendSession(session(monday.Add(72 * time.Hour))); err != nil {
				t.Fatal(err)
			}
			again, notices := LoadHistory()
			if len(notices) != 0 || len(again) != tc.kept+1 {
				t.Errorf("after repair: %d sessions, notices %v", len(again), notices)
			}
		})
	}
}

func TestDamageFoundWhileAppending(t *testing.T) {
	tempXDG(t)
	writeFile(t, HistoryPath(), []byte(historyWith(goodRecord1)[:40]))
	notices, err := AppendSession(session(monday))
	if err != nil || len(notices) != 1 || notices[0].Kind != Damaged {
		t.Fatalf("AppendSession: %v %v", notices, err)
	}
	if sessions, _ := LoadHistory(); len(sessions) != 1 {
		t.Errorf("%d sessions", len(sessions))
	}
}

func TestUnreadableHistoryLeftAlone(t *testing.T) {
	tempXDG(t)
	path := HistoryPath()
	if err := os.MkdirAll(filepath.Join(path, "keep-me"), 0o700); err != nil {
		t.Fatal(err)
	}
	sessions, notices := LoadHistory()
	if len(sessions) != 0 || len(notices) != 1 || notices[0].Kind != Unreadable {
		t.Fatalf("load: %v %v", sessions, notices)
	}
	_, err := AppendSession(session(monday))
	if err == nil || !strings.HasPrefix(err.Error(), "This session can't be saved in "+filepath.Dir(path)+": ") {
		t.Errorf("AppendSession over an unreadable file: %v", err)
	}
	if fi, err := os.Stat(filepath.Join(path, "keep-me")); err != nil || !fi.IsDir() {
		t.Errorf("the unreadable file was touched: %v", err)
	}
}

func TestHistoryCrashBeforeRename(t *testing.T) {
	tempXDG(t)
	if _, err := AppendSession(session(monday)); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, HistoryPath())
	leftover := filepath.Join(filepath.Dir(HistoryPath()), ".history.json1234567")
	writeFile(t, leftover, []byte(`{"version":1,"sessions":[{"start":"2025-`))
	if got := readFile(t, HistoryPath()); !bytes.Equal(got, before) {
		t.Fatal("the old file changed")
	}
	if sessions, notices := LoadHistory(); len(sessions) != 1 || len(notices) != 0 {
		t.Errorf("after the crash: %d sessions, %v", len(sessions), notices)
	}
	if _, err := AppendSession(session(monday.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	if sessions, _ := LoadHistory(); len(sessions) != 2 {
		t.Errorf("%d sessions", len(sessions))
	}
}

func TestUnwritableHistory(t *testing.T) {
	_, dataHome := tempXDG(t)
	blocker := filepath.Join(filepath.Dir(dataHome), "a-file")
	writeFile(t, blocker, []byte("x"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(blocker, "data"))
	xdg.Reload()
	_, err := AppendSession(session(monday))
	want := "This session can't be saved in " + filepath.Dir(HistoryPath()) + ": not a directory"
	if err == nil || err.Error() != want {
		t.Errorf("AppendSession: %v\nwant: %s", err, want)
	}
	if f, ok := SaveFailed(err); !ok || f != (SaveFailure{SessionNotSaved, filepath.Dir(HistoryPath()), "not a directory"}) {
		t.Errorf("SaveFailed: %+v %v", f, ok)
	}
}

func TestArchiveWhenLarge(t *testing.T) {
	tempXDG(t)
	// A history just under the size that starts an archive.
	var doc historyDoc
	for size := len(encodeHistory(doc)); ; {
		s := session(monday.Add(time.Duration(len(doc.records)) * time.Hour))
		b, _ := json.Marshal(s)
		if size += len(b) + len(",\n    "); size > archiveAt {
			break
		}
		doc.records = append(doc.records, b)
		doc.sessions = append(doc.sessions, s)
	}
	if n := len(encodeHistory(doc)); n > archiveAt || n < archiveAt-1000 {
		t.Fatalf("the test history has %d bytes, want just under %d", n, archiveAt)
	}
	writeFile(t, HistoryPath(), encodeHistory(doc))
	total := len(doc.records) + 1
	if _, err := AppendSession(session(monday.Add(-time.Hour))); err != nil {
		t.Fatal(err)
	}
	archives, _ := filepath.Glob(HistoryPath() + ".archive-*")
	if len(archives) != 1 {
		t.Fatalf("archives %v", archives)
	}
	archived, damage := decodeHistory(readFile(t, archives[0]))
	kept, notices := LoadHistory()
	if damage != nil || len(notices) != 0 || len(archived.sessions)+len(kept) != total {
		t.Errorf("archived %d + kept %d, want %d in all (%v %v)", len(archived.sessions), len(kept), total, damage, notices)
	}
	if !kept[len(kept)-1].Start.Equal(monday.Add(-time.Hour)) {
		t.Error("the new session is not last in history.json")
	}
}

// TestHelperProcess is one of the two processes of TestTwoProcessesAppend.
func TestHelperProcess(t *testing.T) {
	id := os.Getenv("BACKROLL_TEST_APPENDER")
	if id == "" {
		t.Skip("run by TestTwoProcessesAppend")
	}
	n, _ := strconv.Atoi(id)
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * 24 * time.Hour)
	for i := range appendsPerProcess {
		s := session(base.Add(time.Duration(i) * time.Minute))
		if _, err := AppendSession(s); err != nil {
			t.Fatalf("append %d: %v", i, err)
		}
	}
}

const appendsPerProcess = 200

func TestTwoProcessesAppend(t *testing.T) {
	tempXDG(t)
	var cmds []*exec.Cmd
	var outputs []*bytes.Buffer
	for id := 1; id <= 2; id++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "BACKROLL_TEST_APPENDER="+strconv.Itoa(id))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outputs = append(cmds, cmd), append(outputs, &out)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("process %d: %v\n%s", i+1, err, outputs[i])
		}
	}
	sessions, notices := LoadHistory()
	if len(notices) != 0 {
		t.Errorf("notices: %v", notices)
	}
	seen := map[time.Time]int{}
	for _, s := range sessions {
		seen[s.Start.UTC()]++
	}
	for id := 1; id <= 2; id++ {
		base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(id) * 24 * time.Hour)
		for i := range appendsPerProcess {
			if at := base.Add(time.Duration(i) * time.Minute); seen[at] != 1 {
				t.Errorf("process %d, record %d: found %d times", id, i, seen[at])
			}
		}
	}
	if len(sessions) != 2*appendsPerProcess {
		t.Errorf("%d records, want %d", len(sessions), 2*appendsPerProcess)
	}
}

func TestTooLargeHistoryKeepsItsFirstMebibyte(t *testing.T) {
	tempXDG(t)
	// Compact records past the limit: re-indenting what is kept must not make a file that is
	// again too large, or every start would move it aside anew.
	var records []string
	for i, size := 0, 0; size < maxFileSize+100_000; i++ {
		b, _ := json.Marshal(session(monday.Add(time.Duration(i) * time.Hour)))
		records = append(records, string(b))
		size += len(b) + 1
	}
	writeFile(t, HistoryPath(), []byte(historyWith(records...)))
	kept, notices := LoadHistory()
	if len(notices) != 1 || !strings.Contains(notices[0].Text, "it is larger than 1 MiB") {
		t.Fatalf("notices %v", notices)
	}
	again, notices := LoadHistory()
	if len(notices) != 0 {
		t.Fatalf("second load: %v", notices)
	}
	archives, _ := filepath.Glob(HistoryPath() + ".archive-*")
	if len(archives) != 1 {
		t.Fatalf("archives %v", archives)
	}
	archived, _ := decodeHistory(readFile(t, archives[0]))
	// The older half went to the archive; history.json holds the rest, as the first load said.
	if len(again) != len(kept) || len(archived.sessions)+len(again) < len(records)*9/10 {
		t.Errorf("of %d records, %d archived, %d kept, %d returned at first", len(records), len(archived.sessions), len(again), len(kept))
	}
	if fi, err := os.Stat(HistoryPath()); err != nil || fi.Size() > archiveAt {
		t.Errorf("history.json: %v %v", fi.Size(), err)
	}
}
