package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"
)

// archiveAt is the size past which the oldest records move to an archive file, so history.json
// never grows into a file that loading would call damaged for its size. At about 300 bytes a
// record that is some 2,500 sessions: decades at three a week.
const archiveAt = maxFileSize * 3 / 4

// LoadHistory returns every session it can read, in the order they were recorded, with a notice
// when the file was damaged (it is then moved aside and rewritten with what could be read) or
// could not be read.
func LoadHistory() ([]Session, []Notice) {
	return loadHistory(HistoryPath(), time.Now())
}

// AppendSession adds one session record under the history lock: read, append, write. Call it when
// a session finishes or is stopped, so a closed app never loses it; SetFeeling adds the finish
// page's answer later. The notices are those of repairing a damaged file on the way; the error,
// in words, means the session was not saved.
func AppendSession(s Session) ([]Notice, error) {
	return appendSession(HistoryPath(), s, time.Now())
}

// SetFeeling records how the session that started at start felt, under the history lock. The
// error wraps ErrNoSession when no record has that start.
func SetFeeling(start time.Time, f Feeling) ([]Notice, error) {
	return setFeeling(HistoryPath(), start, f, time.Now())
}

// ErrNoSession is returned by SetFeeling for a start time no record has.
var ErrNoSession = errors.New("no session with that start time")

func loadHistory(path string, now time.Time) ([]Session, []Notice) {
	// Writes replace the file whole, so reading needs no lock; only a repair does.
	b, err := readLimited(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil && !errors.Is(err, errTooLarge) {
		return nil, []Notice{unreadableHistory(path, err)}
	}
	doc, damage := decodeHistory(b)
	if err != nil {
		damage = err // too large; the records in its first mebibyte are still kept
	}
	if damage == nil {
		return doc.sessions, nil
	}
	var repaired historyDoc
	var notices []Notice
	lockErr := withLock(path, func() error {
		var err error
		repaired, notices, err = readHistory(path, now)
		return err
	})
	if len(notices) > 0 {
		return repaired.sessions, notices // set aside; a failed rewrite shows again at the next append
	}
	if lockErr != nil {
		return doc.sessions, []Notice{{Kind: Damaged, What: HistoryDamagedInPlace, Path: path, Reason: reason(lockErr),
			Sessions: len(doc.sessions), Dropped: doc.dropped, Text: fmt.Sprintf(
				"Your session history %s is damaged (%s) and could not be set aside (%s). %s Backroll leaves the file as it is.",
				path, damage, reason(lockErr), recovered(len(doc.sessions), doc.dropped))}}
	}
	return repaired.sessions, notices
}

// readHistory reads the history for a change; the lock is held. A damaged file is moved aside and
// replaced by what could be read; a file that cannot be read is an error, so it is never written
// over.
func readHistory(path string, now time.Time) (historyDoc, []Notice, error) {
	b, err := readLimited(path)
	if errors.Is(err, fs.ErrNotExist) {
		return historyDoc{}, nil, nil
	}
	if err != nil && !errors.Is(err, errTooLarge) {
		return historyDoc{}, nil, err
	}
	doc, damage := decodeHistory(b)
	if err != nil {
		damage = err // too large; the records in its first mebibyte are still kept
	}
	if damage == nil {
		return doc, nil, nil
	}
	aside, err := moveAside(path, now)
	if err != nil {
		return doc, nil, err
	}
	notice := Notice{Kind: Damaged, What: HistoryDamaged, Path: path, Kept: aside, Sessions: len(doc.sessions), Dropped: doc.dropped, Text: fmt.Sprintf(
		"Your session history was damaged (%s). %s The damaged file is kept as %s.",
		damage, recovered(len(doc.sessions), doc.dropped), aside)}
	// Re-indenting a file that was near the size limit can push it over: archive as on append.
	err = archiveOldest(path, &doc, now)
	if err == nil {
		err = writeAtomic(path, encodeHistory(doc))
	}
	return doc, []Notice{notice}, err
}

// recovered says how much of a damaged history was kept.
func recovered(kept, dropped int) string {
	s := fmt.Sprintf("%s kept", plural(kept, "session was", "sessions were"))
	if kept == 0 {
		s = "No sessions could be read, so the history starts again"
	}
	if dropped > 0 {
		s += fmt.Sprintf("; %s could not be read", plural(dropped, "record", "records"))
	}
	return s + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func unreadableHistory(path string, err error) Notice {
	return Notice{Kind: Unreadable, What: HistoryUnreadable, Path: path, Reason: reason(err), Text: fmt.Sprintf(
		"Backroll can't read your session history %s (%s), so it shows no past sessions and leaves that file as it is.",
		path, reason(err))}
}

// sessionNotSaved is the error a failed history write shows the user.
func sessionNotSaved(path string, err error) error {
	return &userError{
		msg:     fmt.Sprintf("This session can't be saved in %s: %s", filepath.Dir(path), reason(err)),
		cause:   err,
		failure: SaveFailure{What: SessionNotSaved, Dir: filepath.Dir(path), Reason: reason(err)},
	}
}

// updateHistory runs change on the history under the lock and writes the result.
func updateHistory(path string, now time.Time, change func(*historyDoc) error) ([]Notice, error) {
	var notices []Notice
	err := withLock(path, func() error {
		doc, n, err := readHistory(path, now)
		notices = n
		if err != nil {
			return err
		}
		if err := change(&doc); err != nil {
			return err
		}
		if err := archiveOldest(path, &doc, now); err != nil {
			return err
		}
		return writeAtomic(path, encodeHistory(doc))
	})
	return notices, err
}

func appendSession(path string, s Session, now time.Time) ([]Notice, error) {
	s.Start = s.Start.Truncate(time.Second) // RFC 3339 to the second; also drops the monotonic reading
	if s.Start.IsZero() {
		return nil, errors.New("a session record needs its start time")
	}
	record, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("a session record cannot be written: %w", err) // a year past 9999
	}
	notices, err := updateHistory(path, now, func(doc *historyDoc) error {
		doc.records = append(doc.records, record)
		doc.sessions = append(doc.sessions, s)
		return nil
	})
	if err != nil {
		return notices, sessionNotSaved(path, err)
	}
	return notices, nil
}

func setFeeling(path string, start time.Time, f Feeling, now time.Time) ([]Notice, error) {
	start = start.Truncate(time.Second)
	notices, err := updateHistory(path, now, func(doc *historyDoc) error {
		for i := len(doc.sessions) - 1; i >= 0; i-- {
			if !doc.sessions[i].Start.Equal(start) {
				continue
			}
			// Change only "feeling", so fields a newer version wrote stay as they are.
			ms, err := objectMembers(doc.records[i])
			if err != nil {
				return err
			}
			doc.records[i] = appendCompactObject(nil, setMember(ms, "feeling", rawValue(f)))
			doc.sessions[i].Feeling = f
			return nil
		}
		return fmt.Errorf("%w (%s)", ErrNoSession, start.Format(time.RFC3339))
	})
	if errors.Is(err, ErrNoSession) {
		return notices, err
	}
	if err != nil {
		return notices, &userError{
			msg:     fmt.Sprintf("How this session felt can't be saved in %s: %s", filepath.Dir(path), reason(err)),
			cause:   err,
			failure: SaveFailure{What: FeelingNotSaved, Dir: filepath.Dir(path), Reason: reason(err)},
		}
	}
	return notices, nil
}

// archiveOldest moves the older half of the records to history.json.archive-YYYYMMDD-HHMMSS (the
// same format) once the file would pass archiveAt. The archive is written first: a crash between
// the two writes leaves records in both files, never in neither.
func archiveOldest(path string, doc *historyDoc, now time.Time) error {
	if len(encodeHistory(*doc)) <= archiveAt || len(doc.records) < 2 {
		return nil
	}
	half := len(doc.records) / 2
	old := historyDoc{version: doc.version, records: doc.records[:half], sessions: doc.sessions[:half]}
	name := path + ".archive-" + now.Format("20060102-150405")
	for i := 2; fileExists(name); i++ {
		if i > 1000 {
			return fmt.Errorf("too many archives beside %s", path)
		}
		name = fmt.Sprintf("%s.archive-%s-%d", path, now.Format("20060102-150405"), i)
	}
	if err := writeAtomic(name, encodeHistory(old)); err != nil {
		return err
	}
	doc.records = doc.records[half:]
	doc.sessions = doc.sessions[half:]
	return nil
}
