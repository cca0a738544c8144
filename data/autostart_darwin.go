package data

import (
	"encoding/xml"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// AutostartPath is the LaunchAgent that starts Backroll at login.
func AutostartPath() string {
	home, _ := os.UserHomeDir()
	return filepath.Join(home, "Library", "LaunchAgents", AutostartID+".plist")
}

func writeAutostart(exe string) error {
	var esc strings.Builder
	_ = xml.EscapeText(&esc, []byte(exe))
	plist := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>` + AutostartID + `</string>
  <key>ProgramArguments</key>
  <array><string>` + esc.String() + `</string><string>` + AutostartFlag + `</string></array>
  <key>RunAtLoad</key><true/>
</dict>
</plist>
`
	return writeAtomic(AutostartPath(), []byte(plist))
}

func removeAutostart() error {
	err := os.Remove(AutostartPath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
