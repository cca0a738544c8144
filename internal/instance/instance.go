// Package instance keeps Backroll to one window per preferences folder: the first process holds a
// lock and listens on a local socket; a later one asks it to come to the front (and, with --start,
// to start) and exits.
//
// The lock is an OS file lock (flock, LockFileEx), which the OS lets go of when its process ends,
// however it ends, so a crash never leaves a lock that blocks the next start. The socket is a Unix
// socket in the runtime folder ($XDG_RUNTIME_DIR) on Linux and macOS, and a loopback TCP port on
// Windows; its address and a random token are written, readable by the user only, next to the lock.
package instance

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// Request is what a later process asks of the first.
type Request string

const (
	Raise Request = "raise" // come to the front
	Start Request = "start" // come to the front and start a session
)

// dialFor is how long a later process keeps trying to reach the first one, which may hold the lock
// but not be listening yet.
const dialFor = 3 * time.Second

// Primary is the first process's claim: it holds the lock and hands each request to Wakes.
type Primary struct {
	lock     *flock.Flock
	ln       net.Listener
	token    string
	addrFile string
	wakes    chan bool
	once     sync.Once
}

// Claim tries to become the one instance for key (the preferences folder) in dir (the runtime
// folder). If another live process holds the claim, Claim sends it req and returns (nil, true,
// nil): the caller should exit. If it becomes the instance, it returns the Primary. On any other
// trouble (a folder it cannot write, a first process that does not answer) it returns the error
// and the caller goes on without single-instance: a window that opens beats one that does not.
func Claim(dir, key string, req Request) (p *Primary, handedOver bool, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, err
	}
	base := filepath.Join(dir, fmt.Sprintf("backroll-%08x", hashOf(key)))
	lock := flock.New(base + ".lock")
	deadline := time.Now().Add(dialFor)
	for {
		locked, err := lock.TryLock()
		if err != nil {
			return nil, false, err
		}
		if locked {
			p, err := listen(lock, base)
			if err != nil {
				lock.Unlock()
				return nil, false, err
			}
			return p, false, nil
		}
		sendErr := send(base+".addr", req)
		if sendErr == nil {
			return nil, true, nil
		}
		if time.Now().After(deadline) {
			return nil, false, fmt.Errorf("another Backroll holds %s but does not answer: %w", base+".lock", sendErr)
		}
		time.Sleep(50 * time.Millisecond) // the first process is still starting, or just ended
	}
}

func hashOf(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// listen opens the socket, removing whatever a crashed process left, and writes its address.
func listen(lock *flock.Flock, base string) (*Primary, error) {
	var ln net.Listener
	var err error
	if runtime.GOOS == "windows" {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	} else {
		sock := base + ".sock"
		os.Remove(sock) // stale from a crash: the lock says no one is using it
		ln, err = net.Listen("unix", sock)
	}
	if err != nil {
		return nil, err
	}
	b := make([]byte, 16)
	rand.Read(b)
	p := &Primary{lock: lock, ln: ln, token: hex.EncodeToString(b), addrFile: base + ".addr", wakes: make(chan bool, 4)}
	line := ln.Addr().Network() + " " + ln.Addr().String() + " " + p.token + "\n"
	tmp := p.addrFile + ".tmp"
	if err := os.WriteFile(tmp, []byte(line), 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	if err := os.Rename(tmp, p.addrFile); err != nil {
		ln.Close()
		return nil, err
	}
	go p.serve()
	return p, nil
}

// Wakes delivers each later process's request: true when it asks to start a session as well.
// It is closed by Close.
func (p *Primary) Wakes() <-chan bool { return p.wakes }

func (p *Primary) serve() {
	defer close(p.wakes)
	for {
		conn, err := p.ln.Accept()
		if err != nil {
			return // closed
		}
		p.handle(conn)
	}
}

func (p *Primary) handle(conn net.Conn) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return
	}
	token, req, _ := strings.Cut(strings.TrimSpace(line), " ")
	if token != p.token || (Request(req) != Raise && Request(req) != Start) {
		fmt.Fprintln(conn, "no")
		return
	}
	select {
	case p.wakes <- Request(req) == Start:
	default: // the window has not taken the last few yet; it comes to the front anyway
	}
	fmt.Fprintln(conn, "ok")
}

// Close stops listening and lets go of the lock; the next process becomes the instance.
func (p *Primary) Close() error {
	var err error
	p.once.Do(func() {
		err = p.ln.Close()
		os.Remove(p.addrFile)
		if err2 := p.lock.Unlock(); err == nil {
			err = err2
		}
	})
	return err
}

// send hands req to the process whose address is in addrFile and waits for its answer.
func send(addrFile string, req Request) error {
	b, err := os.ReadFile(addrFile)
	if err != nil {
		return err
	}
	f := strings.Fields(string(b))
	if len(f) != 3 {
		return fmt.Errorf("%s is malformed", addrFile)
	}
	conn, err := net.DialTimeout(f[0], f[1], time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := fmt.Fprintf(conn, "%s %s\n", f[2], req); err != nil {
		return err
	}
	answer, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return err
	}
	if strings.TrimSpace(answer) != "ok" {
		return errors.New("the running Backroll refused the request")
	}
	return nil
}
