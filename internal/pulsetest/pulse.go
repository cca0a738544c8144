// Package pulsetest gives tests a PulseAudio server of their own, with a null sink whose monitor
// they can record: the real sound path, with no sound card. It is used only by tests.
package pulsetest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// Rate is the sink's and the recording's sample rate; both are 16-bit stereo.
const Rate = 48000

// Server is a running PulseAudio with one null sink, "backroll", as its default.
type Server struct {
	// Env points a child process's ALSA default device at this server (HOME holds an .asoundrc
	// for the pulse plugin) and PulseAudio's clients at its socket.
	Env []string
	dir string
}

// ciSet reports whether CI asked for every tool to be present.
func ciSet() bool {
	ci := os.Getenv("CI")
	return ci != "" && ci != "false" && ci != "0"
}

// NeedTools skips when a tool is missing, except under CI, where that is a failure.
func NeedTools(t testing.TB, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			if ciSet() {
				t.Fatalf("%s is needed and CI is set: %v (make test installs it)", name, err)
			}
			t.Skipf("skipping: %s not found (make test installs it; with CI set this fails)", name)
		}
	}
}

// Start starts a server for this test and stops it when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	NeedTools(t, "pulseaudio", "parec", "pactl")
	dir := t.TempDir()
	run := filepath.Join(dir, "run")
	if err := os.Mkdir(run, 0o700); err != nil {
		t.Fatal(err)
	}
	socket := filepath.Join(dir, "native")
	// ALSA reads ~/.asoundrc after its global configuration; this one sends the default device
	// to PulseAudio (the pulse plugin comes with libasound2-plugins).
	asoundrc := "pcm.!default { type pulse }\nctl.!default { type pulse }\n"
	if err := os.WriteFile(filepath.Join(dir, ".asoundrc"), []byte(asoundrc), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &Server{dir: dir, Env: []string{"HOME=" + dir, "XDG_RUNTIME_DIR=" + run, "PULSE_RUNTIME_PATH=" + run,
		"PULSE_SERVER=unix:" + socket}}
	var log bytes.Buffer
	server := s.Command("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
		"--use-pid-file=no", "--log-target=stderr",
		"-L", "module-native-protocol-unix socket="+socket+" auth-anonymous=1",
		"-L", "module-null-sink sink_name=backroll rate=48000 format=s16le channels=2")
	server.Stderr = &log
	done := Run(t, server)
	t.Cleanup(func() { Stop(server, done) })
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if s.Command("pactl", "info").Run() == nil {
			return s
		}
	}
	t.Fatalf("PulseAudio did not start:\n%s", log.String())
	return nil
}

// Command is a command run against this server.
func (s *Server) Command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), s.Env...)
	return cmd
}

// Recorder records what the sink plays into a raw file of 16-bit stereo at Rate.
type Recorder struct {
	Path  string
	Start time.Time // when recording began: the file's first sample, give or take parec's latency
	cmd   *exec.Cmd
	done  <-chan error
	file  *os.File
}

// Record starts recording the sink's monitor.
func (s *Server) Record(t testing.TB) *Recorder {
	t.Helper()
	f, err := os.Create(filepath.Join(s.dir, "recording.raw"))
	if err != nil {
		t.Fatal(err)
	}
	r := &Recorder{Path: f.Name(), file: f, cmd: s.Command("parec", "--raw", "--device=backroll.monitor",
		"--format=s16le", "--rate=48000", "--channels=2", "--latency-msec=50")}
	r.cmd.Stdout = f
	r.done = Run(t, r.cmd)
	r.Start = time.Now()
	t.Cleanup(func() { r.Stop() })
	return r
}

// Stop ends the recording and returns its samples as written (stereo, interleaved).
func (r *Recorder) Stop() []byte {
	if r.cmd.ProcessState == nil {
		Stop(r.cmd, r.done)
	}
	r.file.Close()
	b, _ := os.ReadFile(r.Path)
	return b[:len(b)/4*4]
}

// Run starts cmd and returns a channel that receives its end.
func Run(t testing.TB, cmd *exec.Cmd) <-chan error {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", cmd.Path, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	return done
}

// Stop ends a process we started: politely, then not.
func Stop(cmd *exec.Cmd, done <-chan error) {
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		cmd.Process.Kill()
		<-done
	}
}
