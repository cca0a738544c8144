package data

// AutostartID names the login item on every platform: the application ID, as in FyneApp.toml.
const AutostartID = "io.github.backroll_app.backroll"

// AutostartFlag is the flag a login start passes, so the app can tell it was not opened by hand.
const AutostartFlag = "--at-login"

// SetAutostart makes the desktop start exe when the user logs in (on), or stops that and removes
// what it wrote (off). Off when nothing was written is not an error.
//
// Linux and other free desktops: an XDG autostart entry, $XDG_CONFIG_HOME/autostart/<id>.desktop.
// Windows: a value under HKCU\Software\Microsoft\Windows\CurrentVersion\Run.
// macOS: a LaunchAgent, ~/Library/LaunchAgents/<id>.plist.
func SetAutostart(on bool, exe string) error {
	if on {
		return writeAutostart(exe)
	}
	return removeAutostart()
}
