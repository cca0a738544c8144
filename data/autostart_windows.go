package data

import (
	"errors"
	"syscall"

	"golang.org/x/sys/windows/registry"
)

const runKey = `Software\Microsoft\Windows\CurrentVersion\Run`

// AutostartPath names the registry value that starts Backroll at login.
func AutostartPath() string { return `HKCU\` + runKey + `\Backroll` }

func writeAutostart(exe string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	return k.SetStringValue("Backroll", `"`+exe+`" `+AutostartFlag)
}

func removeAutostart() error {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return nil // no Run key: nothing to remove
	}
	defer k.Close()
	if err := k.DeleteValue("Backroll"); err != nil && !errors.Is(err, syscall.ERROR_FILE_NOT_FOUND) {
		return err
	}
	return nil
}
