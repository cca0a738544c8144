//go:build !windows && !darwin

package data

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
)

// AutostartPath is where the login entry lives: the user's XDG autostart folder.
func AutostartPath() string {
	return filepath.Join(xdg.ConfigHome, "autostart", AutostartID+".desktop")
}

func writeAutostart(exe string) error {
	entry := "[Desktop Entry]\n" +
		"Type=Application\n" +
		"Name=Backroll\n" +
		"Comment=Foam-rolling coach: reminders while it runs\n" +
		"Exec=" + desktopExecArg(exe) + " " + AutostartFlag + "\n" +
		"Icon=" + AutostartID + "\n" +
		"Terminal=false\n" +
		"X-GNOME-Autostart-enabled=true\n"
	return writeAtomic(AutostartPath(), []byte(entry))
}

func removeAutostart() error {
	err := os.Remove(AutostartPath())
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// desktopExecArg quotes a program path for a desktop entry's Exec key: inside double quotes, ",
// `, $ and \ take a backslash, and the string escapes of the file double every backslash again;
// % is written %%.
func desktopExecArg(s string) string {
	if !strings.ContainsAny(s, " \t\n\"'\\><~|&;$*?#()`%=") {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '`', '$':
			b.WriteString(`\\`)
			b.WriteRune(r)
		case '\\':
			b.WriteString(`\\\\`)
		case '%':
			b.WriteString("%%")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
