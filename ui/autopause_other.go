//go:build !linux && !windows

package ui

// watchSystem is not written for macOS yet (NSWorkspace's sleep and wake notifications, the
// screen lock's distributed notifications): sessions do not pause by themselves there.
func watchSystem(func(systemEvent)) (stop func()) { return func() {} }
