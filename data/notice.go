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
type Notice struct {
	Kind NoticeKind
	Path string // the file concerned
	Text string // one or two full sentences
}

// String returns the text for the user.
func (n Notice) String() string { return n.Text }

// userError is an error whose message is written for the user and which still unwraps to its cause,
// so callers can test it with errors.Is.
type userError struct {
	msg   string
	cause error
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
