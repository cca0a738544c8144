package ui

// Windows' session and power notifications, as WinUser.h and WtsApi32.h number them. They are
// here, without build tags, so that their reading is tested on Linux too.
const (
	wmPowerBroadcast      = 0x0218 // wParam: a PBT_ code
	wmWTSSessionChange    = 0x02B1 // wParam: a WTS_ code
	pbtAPMSuspend         = 0x0004
	pbtAPMResumeSuspend   = 0x0007 // resumed, and the user is there
	pbtAPMResumeAutomatic = 0x0012 // resumed, whether or not the user is
	wtsSessionLock        = 0x0007
	wtsSessionUnlock      = 0x0008
)

// windowsSystemEvent reads a window message as an event. A resume usually arrives twice (automatic,
// then on the user's input); both say wokeUp, which only looks at the reminders again.
func windowsSystemEvent(msg uint32, wParam uintptr) (systemEvent, bool) {
	switch {
	case msg == wmWTSSessionChange && wParam == wtsSessionLock:
		return screenLocked, true
	case msg == wmWTSSessionChange && wParam == wtsSessionUnlock:
		return screenUnlocked, true
	case msg == wmPowerBroadcast && wParam == pbtAPMSuspend:
		return goingToSleep, true
	case msg == wmPowerBroadcast && (wParam == pbtAPMResumeAutomatic || wParam == pbtAPMResumeSuspend):
		return wokeUp, true
	}
	return 0, false
}
