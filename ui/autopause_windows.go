package ui

import (
	"runtime"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"golang.org/x/sys/windows"
)

var (
	user32                        = windows.NewLazySystemDLL("user32.dll")
	procRegisterClassExW          = user32.NewProc("RegisterClassExW")
	procUnregisterClassW          = user32.NewProc("UnregisterClassW")
	procCreateWindowExW           = user32.NewProc("CreateWindowExW")
	procDestroyWindow             = user32.NewProc("DestroyWindow")
	procDefWindowProcW            = user32.NewProc("DefWindowProcW")
	procGetMessageW               = user32.NewProc("GetMessageW")
	procDispatchMessageW          = user32.NewProc("DispatchMessageW")
	procPostMessageW              = user32.NewProc("PostMessageW")
	procPostQuitMessage           = user32.NewProc("PostQuitMessage")
	wtsapi32                      = windows.NewLazySystemDLL("wtsapi32.dll")
	procWTSRegisterSessionNotif   = wtsapi32.NewProc("WTSRegisterSessionNotification")
	procWTSUnRegisterSessionNotif = wtsapi32.NewProc("WTSUnRegisterSessionNotification")
)

const (
	wmDestroy            = 0x0002
	wmClose              = 0x0010
	notifyForThisSession = 0
)

// winClass is WNDCLASSEXW.
type winClass struct {
	size, style                     uint32
	wndProc                         uintptr
	clsExtra, wndExtra              int32
	instance, icon, cursor, bkBrush windows.Handle
	menuName, className             *uint16
	iconSm                          windows.Handle
}

// winMsg is MSG.
type winMsg struct {
	hwnd           uintptr
	message        uint32
	wParam, lParam uintptr
	time           uint32
	pt             struct{ x, y int32 }
	private        uint32
}

// watchSystem follows the screen lock and suspend through a window of its own: GLFW owns the
// main window's procedure, and a message-only window gets no WM_POWERBROADCAST, so this is a
// hidden top-level window with its own message loop on a locked thread (a window's messages go to
// the thread that made it). Without it, sessions simply do not pause by themselves. stop closes
// the window and waits, briefly, for its loop to end.
func watchSystem(on func(systemEvent)) (stop func()) {
	made := make(chan uintptr)
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		hwnd, unregister := systemWindow(on)
		made <- hwnd
		if hwnd == 0 {
			return
		}
		defer unregister()
		var m winMsg
		for {
			// GetMessage returns 0 on WM_QUIT and -1 on an error.
			if r, _, _ := procGetMessageW.Call(uintptr(unsafe.Pointer(&m)), 0, 0, 0); int32(r) <= 0 {
				return
			}
			procDispatchMessageW.Call(uintptr(unsafe.Pointer(&m)))
		}
	}()
	hwnd := <-made
	if hwnd == 0 {
		return func() {}
	}
	return func() {
		procPostMessageW.Call(hwnd, wmClose, 0, 0)
		select {
		case <-done:
		case <-time.After(2 * time.Second): // quitting does not wait on a stuck loop
		}
	}
}

// systemWindow registers the window class and makes the hidden window; 0 when it cannot.
// unregister removes the class once the window is gone.
func systemWindow(on func(systemEvent)) (hwnd uintptr, unregister func()) {
	var instance windows.Handle
	if err := windows.GetModuleHandleEx(0, nil, &instance); err != nil {
		fyne.LogError("watching the screen lock and suspend", err)
		return 0, nil
	}
	className, _ := windows.UTF16PtrFromString("BackrollSystemEvents")
	class := winClass{wndProc: windows.NewCallback(func(hwnd, message, wParam, lParam uintptr) uintptr {
		return systemWindowProc(hwnd, uint32(message), wParam, lParam, on)
	}), instance: instance, className: className}
	class.size = uint32(unsafe.Sizeof(class))
	if r, _, err := procRegisterClassExW.Call(uintptr(unsafe.Pointer(&class))); r == 0 {
		fyne.LogError("watching the screen lock and suspend: RegisterClassEx", err)
		return 0, nil
	}
	unregister = func() { procUnregisterClassW.Call(uintptr(unsafe.Pointer(className)), uintptr(instance)) }
	// No WS_VISIBLE and no parent: never shown, yet top-level, so broadcasts reach it.
	hwnd, _, err := procCreateWindowExW.Call(0, uintptr(unsafe.Pointer(className)), uintptr(unsafe.Pointer(className)),
		0, 0, 0, 0, 0, 0, 0, uintptr(instance), 0)
	if hwnd == 0 {
		fyne.LogError("watching the screen lock and suspend: CreateWindowEx", err)
		unregister()
		return 0, nil
	}
	// Without it only the power events arrive: a session still pauses when the machine sleeps.
	if r, _, err := procWTSRegisterSessionNotif.Call(hwnd, notifyForThisSession); r == 0 {
		fyne.LogError("watching the screen lock: WTSRegisterSessionNotification", err)
	}
	return hwnd, unregister
}

// systemWindowProc hands the events on (on goes through fyne.Do, so it does not block) and
// takes the window down when stop closes it.
func systemWindowProc(hwnd uintptr, message uint32, wParam, lParam uintptr, on func(systemEvent)) uintptr {
	if e, ok := windowsSystemEvent(message, wParam); ok {
		on(e)
	}
	switch message {
	case wmPowerBroadcast:
		return 1 // TRUE: a suspend is never refused
	case wmClose:
		procWTSUnRegisterSessionNotif.Call(hwnd)
		procDestroyWindow.Call(hwnd)
		return 0
	case wmDestroy:
		procPostQuitMessage.Call(0)
		return 0
	}
	r, _, _ := procDefWindowProcW.Call(hwnd, uintptr(message), wParam, lParam)
	return r
}
