package ui

// screensaver keeps the screen awake while a session runs, through each platform's own call.
// Where none is available it does nothing and says nothing: the session goes on regardless.
var screensaver = newScreenInhibitor()

// inhibitScreensaver asks the system to keep the screen on (true) or lets it sleep again (false).
// It returns at once; the call to the system happens off Fyne's thread.
func inhibitScreensaver(on bool) {
	if on {
		go screensaver.inhibit()
	} else {
		go screensaver.release()
	}
}
