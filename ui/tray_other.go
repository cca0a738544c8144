//go:build !linux

package ui

// trayHostPresent: Windows and macOS always have a notification area or menu bar.
func trayHostPresent() bool { return true }
