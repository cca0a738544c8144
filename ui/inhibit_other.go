//go:build !linux && !windows

package ui

import (
	"os"
	"os/exec"
	"strconv"
	"sync"
)

// screenInhibitor runs macOS's caffeinate for as long as a session runs (-d keeps the display on,
// -w ends it with Backroll); elsewhere caffeinate is missing and nothing happens.
type screenInhibitor struct {
	mu  sync.Mutex
	cmd *exec.Cmd
}

func newScreenInhibitor() *screenInhibitor { return &screenInhibitor{} }

func (s *screenInhibitor) inhibit() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		return
	}
	cmd := exec.Command("caffeinate", "-d", "-w", strconv.Itoa(os.Getpid()))
	if cmd.Start() == nil {
		s.cmd = cmd
	}
}

func (s *screenInhibitor) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
		s.cmd = nil
	}
}
