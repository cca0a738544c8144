package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// maxFileSize bounds what Backroll reads. Its files are a few kilobytes; anything over a mebibyte
// is not something it wrote, and reading it whole would only cost memory.
const maxFileSize = 1 << 20

// Why a file is damaged, as the end of a sentence: "The file is damaged: it is cut short."
var (
	errTooLarge  = errors.New("it is larger than 1 MiB")
	errEmpty     = errors.New("it is empty")
	errTruncated = errors.New("it is cut short")
	errNotJSON   = errors.New("it is not valid JSON")
	errNotObject = errors.New("it does not hold a JSON object")
)

// errNotRegular is a path that is a folder, a pipe or a device: not a file to read or replace.
var errNotRegular = errors.New("it is not a regular file")

// wrongTypes lists fields whose values have the wrong JSON type, by their path in the file.
type wrongTypes []string

func (w wrongTypes) Error() string {
	if len(w) == 1 {
		return fmt.Sprintf("%s has the wrong type", w[0])
	}
	return fmt.Sprintf("%s have the wrong type", joinList(w))
}

// readLimited reads a file of at most maxFileSize bytes. A larger file returns its first bytes and
// errTooLarge. It never opens what is not a regular file: opening a pipe would block the app.
func readLimited(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if errors.Is(err, syscall.ENOTDIR) {
		// A parent is a file, so there is no file here; writing will say what is wrong.
		return nil, &fs.PathError{Op: "read", Path: path, Err: fs.ErrNotExist}
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: errNotRegular}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxFileSize {
		return b[:maxFileSize], errTooLarge
	}
	return b, nil
}

// replaceable returns why path must not be written over, or nil. A file Backroll cannot read may
// hold what the user saved; replacing it unread would lose that.
func replaceable(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil // nothing there to lose
	}
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return errNotRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}

// moveAside renames a damaged file to NAME.damaged-YYYYMMDD-HHMMSS (local time), adding -2, -3…
// when that name is taken, so no earlier damaged file is ever replaced. The file is never deleted.
func moveAside(path string, now time.Time) (string, error) {
	base := path + ".damaged-" + now.Format("20060102-150405")
	for i := 1; i <= 1000; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		if _, err := os.Lstat(name); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if err := os.Rename(path, name); err != nil {
			return "", err
		}
		return name, syncDir(filepath.Dir(path))
	}
	return "", fmt.Errorf("too many damaged copies beside %s", path)
}

// jsonSyntax turns a decoder error into why the file is damaged: a file that simply stops is a
// write cut short (the kind of damage a non-atomic writer or a full disk leaves); anything else is
// not JSON.
func jsonSyntax(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errTruncated
	}
	return errNotJSON
}

// blank reports whether b holds nothing but white space.
func blank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// joinList joins words as people list them: "a, b and c".
func joinList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	out := words[0]
	for _, w := range words[1 : len(words)-1] {
		out += ", " + w
	}
	return out + " and " + words[len(words)-1]
}

// fileExists reports whether something is at path; when unsure it says yes, so nothing is replaced.
func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return !errors.Is(err, fs.ErrNotExist)
}
