//go:build linux

package main

import (
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// wmClose asks a window to close as a window manager's close button does: a WM_DELETE_WINDOW
// client message. Xvfb has no window manager and xdotool's windowclose destroys the window
// instead, which no user can do, so this speaks the X11 protocol itself: two InternAtoms, one
// SendEvent, and a GetInputFocus round trip to learn the server took the event.
func wmClose(t *testing.T, d *display, window uint32) {
	t.Helper()
	conn, err := net.DialTimeout("unix", "/tmp/.X11-unix/X"+strings.TrimPrefix(d.name, ":"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	x := &x11{conn: conn}
	if err := x.setup(); err != nil {
		t.Fatal(err)
	}
	protocols, err := x.atom("WM_PROTOCOLS")
	if err != nil {
		t.Fatal(err)
	}
	deleteWindow, err := x.atom("WM_DELETE_WINDOW")
	if err != nil {
		t.Fatal(err)
	}
	// SendEvent: not propagated, no event mask (so it goes to the window's own client), and a
	// 32-byte ClientMessage of format 32 whose first datum is WM_DELETE_WINDOW, at CurrentTime.
	req := make([]byte, 44)
	req[0] = 25
	binary.LittleEndian.PutUint16(req[2:], 11)
	binary.LittleEndian.PutUint32(req[4:], window)
	ev := req[12:]
	ev[0], ev[1] = 33, 32
	binary.LittleEndian.PutUint32(ev[4:], window)
	binary.LittleEndian.PutUint32(ev[8:], protocols)
	binary.LittleEndian.PutUint32(ev[12:], deleteWindow)
	if _, err := conn.Write(req); err != nil {
		t.Fatal(err)
	}
	if _, err := x.roundTrip([]byte{43, 0, 1, 0}); err != nil { // GetInputFocus
		t.Fatalf("sending WM_DELETE_WINDOW: %v", err)
	}
}

// x11 is a connection to an X server that has said hello; it reads only replies and errors, as
// it selects no events.
type x11 struct{ conn net.Conn }

func (x *x11) setup() error {
	// Little-endian, protocol 11.0, no authorization: Xvfb started without -auth asks for none.
	if _, err := x.conn.Write([]byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}); err != nil {
		return err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(x.conn, head); err != nil {
		return err
	}
	rest := make([]byte, 4*int(binary.LittleEndian.Uint16(head[6:])))
	if _, err := io.ReadFull(x.conn, rest); err != nil {
		return err
	}
	if head[0] != 1 {
		return fmt.Errorf("the X server refused the connection: %q", rest[:min(int(head[1]), len(rest))])
	}
	return nil
}

// atom interns name.
func (x *x11) atom(name string) (uint32, error) {
	n := len(name)
	req := make([]byte, 8+(n+3)/4*4)
	req[0] = 16
	binary.LittleEndian.PutUint16(req[2:], uint16(len(req)/4))
	binary.LittleEndian.PutUint16(req[4:], uint16(n))
	copy(req[8:], name)
	reply, err := x.roundTrip(req)
	if err != nil {
		return 0, fmt.Errorf("InternAtom %s: %v", name, err)
	}
	return binary.LittleEndian.Uint32(reply[8:]), nil
}

// roundTrip sends a request that has a reply and returns the reply's first 32 bytes; an error
// the server sends first, for this request or one before it, is returned instead.
func (x *x11) roundTrip(req []byte) ([]byte, error) {
	if _, err := x.conn.Write(req); err != nil {
		return nil, err
	}
	reply := make([]byte, 32)
	if _, err := io.ReadFull(x.conn, reply); err != nil {
		return nil, err
	}
	if reply[0] == 0 {
		return nil, fmt.Errorf("X error %d (request %d)", reply[1], reply[10])
	}
	extra := make([]byte, 4*int(binary.LittleEndian.Uint32(reply[4:])))
	if _, err := io.ReadFull(x.conn, extra); err != nil {
		return nil, err
	}
	return reply, nil
}
