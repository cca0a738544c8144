package data

import (
	"errors"
	"syscall"
)

// NoticeKind says what a Notice is about, so the UI can choose how loudly to show it.
type NoticeKind int

const (
	// Adjusted: a value was out of range or unknown and was replaced; the file is otherwise fine.
	Adjusted NoticeKind = iota
	// Damaged: the file was damaged; it was moved aside and Backroll goes on with what it could read.
	Damaged
	// Unreadable: the file could not be read; Backroll uses defaults and leaves the file alone.
	Unreadable
)

// Notice is something the user should be told once, in words. It is not an error: Backroll carries on.
// Text says it in English (for logs and the terminal); What and the facts after it let a window
// say it in the user's language.
type Notice struct {
	Kind NoticeKind
	What NoticeWhat
	Path string // the file concerned
	Text string // one or two full sentences

	Reason   string // the system's short reason, in English ("permission denied"), when there is one
	Kept     string // where a damaged file was set aside
	Partly   bool   // only some settings were damaged; the rest were kept
	Sessions int    // sessions read from a damaged history
	Dropped  int    // history records that could not be read
}

// NoticeWhat says what happened, for a window to word.
type NoticeWhat int

// What a notice is about.
const (
	SettingsAdjusted       NoticeWhat = iota // a value was out of range or unknown and was replaced
	SettingsUnreadable                       // the settings file could not be read; defaults this run
	SettingsDamaged                          // damaged, set aside as Kept (Partly: some kept)
	SettingsDamagedInPlace                   // damaged and could not be set aside (Reason)
	HistoryUnreadable                        // the history could not be read; nothing shown
	HistoryDamaged                           // damaged, set aside as Kept; Sessions read, Dropped lost
	HistoryDamagedInPlace                    // damaged and could not be set aside (Reason)
)

// SaveWhat says what could not be saved.
type SaveWhat int

// What a failed save lost.
const (
	SettingsNotSaved SaveWhat = iota // kept for this run only
	SessionNotSaved
	FeelingNotSaved
)

// SaveFailure is what a failed save's error says, for a window to word: what was not saved,
// the folder, and the system's reason in English.
type SaveFailure struct {
	What   SaveWhat
	Dir    string
	Reason string
}

// SaveFailed reports what err, returned by a save, failed to save.
func SaveFailed(err error) (SaveFailure, bool) {
	var u *userError
	if errors.As(err, &u) {
		return u.failure, true
	}
	return SaveFailure{}, false
}

// String returns the text for the user.
func (n Notice) String() string { return n.Text }

// userError is an error whose message is written for the user and which still unwraps to its cause,
// so callers can test it with errors.Is.
type userError struct {
	msg     string
	cause   error
	failure SaveFailure
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.cause }

// reason gives the short system reason of err ("permission denied", "not a directory"): the paths
// in *PathError texts repeat what the message already says.
func reason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	return err.Error()
}
