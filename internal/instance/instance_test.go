package instance

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func claim(t *testing.T, dir string, req Request) (*Primary, bool) {
	t.Helper()
	p, handed, err := Claim(dir, "/home/someone/.config/backroll", req)
	if err != nil {
		t.Fatal(err)
	}
	if p != nil {
		t.Cleanup(func() { p.Close() })
	}
	return p, handed
}

func wakeOf(t *testing.T, p *Primary) bool {
	t.Helper()
	select {
	case start := <-p.Wakes():
		return start
	case <-time.After(5 * time.Second):
		t.Fatal("the first instance was not woken")
	}
	return false
}

func TestSecondClaimWakesTheFirst(t *testing.T) {
	dir := t.TempDir()
	first, handed := claim(t, dir, Raise)
	if first == nil || handed {
		t.Fatalf("the first claim: primary %v, handed over %v", first, handed)
	}
	if p, handed := claim(t, dir, Raise); p != nil || !handed {
		t.Fatalf("a second claim: primary %v, handed over %v; want it handed over", p, handed)
	}
	if wakeOf(t, first) {
		t.Error("a plain second launch asked to start")
	}
	if _, handed := claim(t, dir, Start); !handed {
		t.Fatal("a second --start launch was not handed over")
	}
	if !wakeOf(t, first) {
		t.Error("a second --start launch did not ask to start")
	}
	first.Close()
	if p, handed := claim(t, dir, Raise); p == nil || handed {
		t.Fatalf("after the first closed: primary %v, handed over %v; want a new primary", p, handed)
	}
}

func TestOtherPreferencesFolderIsAnotherInstance(t *testing.T) {
	dir := t.TempDir()
	claim(t, dir, Raise)
	p, handed, err := Claim(dir, "/elsewhere/backroll", Raise)
	if err != nil || p == nil || handed {
		t.Fatalf("another preferences folder: primary %v, handed over %v, err %v; want its own primary", p, handed, err)
	}
	p.Close()
}

func TestStaleSocketAndAddressDoNotBlock(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "backroll-"+hexHash("/home/someone/.config/backroll"))
	// What a crash leaves: a socket file no one listens on, an address pointing at it, the lock file.
	for _, f := range []string{base + ".sock", base + ".lock"} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(base+".addr", []byte("unix "+base+".sock deadbeef\n"), 0o600)
	start := time.Now()
	if p, handed := claim(t, dir, Raise); p == nil || handed {
		t.Fatalf("with stale files: primary %v, handed over %v", p, handed)
	}
	if d := time.Since(start); d > dialFor {
		t.Errorf("claiming past stale files took %v", d)
	}
}

// TestCrashedHolderDoesNotBlock kills a real process holding the claim; the next claim is at once
// the primary.
func TestCrashedHolderDoesNotBlock(t *testing.T) {
	if os.Getenv("INSTANCE_HOLDER") != "" {
		p, _, err := Claim(os.Getenv("INSTANCE_HOLDER"), "/home/someone/.config/backroll", Raise)
		if err != nil || p == nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("holding\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashedHolderDoesNotBlock$")
	cmd.Env = append(os.Environ(), "INSTANCE_HOLDER="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, _ := out.Read(buf)
	if !strings.Contains(string(buf[:n]), "holding") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the holder did not claim: %q", buf[:n])
	}
	// While it lives, a claim is handed to it.
	if p, handed := claim(t, dir, Raise); p != nil || !handed {
		t.Fatalf("with a live holder: primary %v, handed over %v", p, handed)
	}
	cmd.Process.Kill() // SIGKILL: no cleanup, its socket and address files stay
	cmd.Wait()
	start := time.Now()
	if p, handed := claim(t, dir, Raise); p == nil || handed {
		t.Fatalf("after the holder crashed: primary %v, handed over %v", p, handed)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("claiming after a crash took %v", d)
	}
}

func TestWrongTokenIsRefused(t *testing.T) {
	dir := t.TempDir()
	first, _ := claim(t, dir, Raise)
	addr := first.addrFile
	b, _ := os.ReadFile(addr)
	f := strings.Fields(string(b))
	os.WriteFile(addr, []byte(f[0]+" "+f[1]+" not-the-token\n"), 0o600)
	if err := send(addr, Start); err == nil {
		t.Fatal("a request with the wrong token was accepted")
	}
	select {
	case <-first.Wakes():
		t.Fatal("a request with the wrong token woke the window")
	default:
	}
}

func hexHash(s string) string { return fmt.Sprintf("%08x", hashOf(s)) }
