//go:build !windows && !darwin

package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAutostartEntryWrittenAndRemoved(t *testing.T) {
	configHome, _ := tempXDG(t)
	exe := "/opt/Back roll/backroll"
	if err := SetAutostart(true, exe); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(configHome, "autostart", "io.github.backroll_app.backroll.desktop")
	if AutostartPath() != path {
		t.Fatalf("AutostartPath() = %s, want %s", AutostartPath(), path)
	}
	entry := string(readFile(t, path))
	for _, want := range []string{"[Desktop Entry]\n", "Type=Application\n", `Exec="/opt/Back roll/backroll" --at-login` + "\n", "Name=Backroll\n"} {
		if !strings.Contains(entry, want) {
			t.Errorf("entry lacks %q:\n%s", want, entry)
		}
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("entry mode: %v, %v", info, err)
	}
	// Writing again replaces; turning off removes the file and leaves the folder as it was.
	if err := SetAutostart(true, "/usr/bin/backroll"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readFile(t, path)), "Exec=/usr/bin/backroll --at-login\n") {
		t.Errorf("entry not replaced:\n%s", readFile(t, path))
	}
	if err := SetAutostart(false, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("entry still there after turning off: %v", err)
	}
	if err := SetAutostart(false, ""); err != nil {
		t.Fatalf("turning off twice: %v", err)
	}
	other, err := os.ReadDir(filepath.Join(configHome, "autostart"))
	if err != nil || len(other) != 0 {
		t.Fatalf("autostart folder after removal: %v, %v", other, err)
	}
}

func TestDesktopExecQuoting(t *testing.T) {
	for in, want := range map[string]string{
		"/usr/bin/backroll":   "/usr/bin/backroll",
		"/home/a b/backroll":  `"/home/a b/backroll"`,
		`/x/$HOME"/back%roll`: `"/x/\\$HOME\\"/back%%roll"`,
		`/x/back\slash`:       `"/x/back\\\\slash"`,
	} {
		if got := desktopExecArg(in); got != want {
			t.Errorf("desktopExecArg(%q) = %s, want %s", in, got, want)
		}
	}
}
