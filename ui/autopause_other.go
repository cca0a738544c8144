//go:build !linux

package ui

// watchSystem is not written yet outside Linux: Windows' session and power notifications
// (WTSRegisterSessionNotification, WM_POWERBROADCAST) need a window procedure that GLFW owns.
// Sessions do not pause by themselves there.
func watchSystem(func(systemEvent)) (stop func()) { return func() {} }
