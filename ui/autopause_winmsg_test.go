package ui

import "testing"

// The numbers are written out here, as WinUser.h and WtsApi32.h have them, so that a wrong
// constant fails too.
func TestWindowsMessagesToSystemEvents(t *testing.T) {
	type read struct {
		e  systemEvent
		ok bool
	}
	cases := []struct {
		name   string
		msg    uint32
		wParam uintptr
		want   read
	}{
		{"lock", 0x02B1, 0x7, read{screenLocked, true}},
		{"unlock", 0x02B1, 0x8, read{screenUnlocked, true}},
		{"suspend", 0x0218, 0x4, read{goingToSleep, true}},
		{"resume by the user", 0x0218, 0x7, read{wokeUp, true}},
		{"resume automatic", 0x0218, 0x12, read{wokeUp, true}},
		// Neither a console connect, a logon nor a power-status or battery change says anything.
		{"console connect", 0x02B1, 0x1, read{}},
		{"session logon", 0x02B1, 0x5, read{}},
		{"power status change", 0x0218, 0xA, read{}},
		{"power setting change", 0x0218, 0x8013, read{}},
		// A lock code in another message is no lock.
		{"WM_CLOSE", 0x0010, 0x7, read{}},
	}
	for _, c := range cases {
		e, ok := windowsSystemEvent(c.msg, c.wParam)
		if got := (read{e, ok}); got != c.want {
			t.Errorf("%s (message %#x, wParam %#x): got %v, %v; want %v, %v", c.name, c.msg, c.wParam, e, ok, c.want.e, c.want.ok)
		}
	}
}
