// Package dbustest gives tests a D-Bus bus of their own: a dbus-daemon started by the test and
// stopped when it ends, so nothing reaches the desktop's session or system bus. It is used only by
// tests.
package dbustest

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"backroll/internal/pulsetest"
)

// config is a session bus that lets anyone own any name and send anything: a test's bus.
const config = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%DIR%</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// Bus is a running dbus-daemon.
type Bus struct {
	Address string
}

// Start starts a bus for this test and stops it when the test ends. It fails under CI when
// dbus-daemon is missing and skips otherwise.
func Start(t testing.TB) *Bus {
	t.Helper()
	pulsetest.NeedTools(t, "dbus-daemon")
	dir, err := os.MkdirTemp("", "backroll-dbus-") // short: a socket path has a length limit
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(strings.ReplaceAll(config, "%DIR%", dir)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dbus-daemon", "--config-file="+conf, "--print-address", "--nofork", "--nopidfile")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	// Its stderr is left out: as a user it cannot raise its fd limit and says so, harmlessly.
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		addr <- strings.TrimSpace(line)
	}()
	select {
	case a := <-addr:
		if a == "" {
			t.Fatal("dbus-daemon printed no address")
		}
		return &Bus{Address: a}
	case <-time.After(10 * time.Second):
		t.Fatal("dbus-daemon did not start")
	}
	return nil
}

// Connect opens a private connection to the bus, authenticated and registered (Hello), closed
// when the test ends.
func (b *Bus) Connect(t testing.TB) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(b.Address)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}
