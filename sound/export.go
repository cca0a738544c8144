package sound

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"backroll/routine"
)

// ExportOptions say what track Export writes. A zero Pattern, Roller or Style means the default.
type ExportOptions struct {
	Pattern routine.Pattern
	Roller  routine.Roller
	Style   routine.ToneStyle
	Volume  int  // 0–100
	Seconds int  // breath only, this long (1–7200); or
	Routine bool // the whole routine with its cues, rung out at the end
	// Voice, with Routine, speaks the coach's lines in VoiceMode (names when unset); its
	// phrases are made first, so every line is there on time.
	Voice      *Voice
	VoiceMode  routine.VoiceMode
	VoiceRate  int // words a minute; 0 is the default
	VoiceLevel int // 0–100; 0 is the default
}

// MaxExportSeconds caps a breath-only track at two hours.
const MaxExportSeconds = 7200

// DefaultExportOptions is the default track, at full volume since a phone has its own volume
// control; set Seconds or Routine before use.
func DefaultExportOptions() ExportOptions {
	return ExportOptions{Pattern: routine.DefaultPattern, Roller: routine.DefaultRoller, Style: routine.DefaultToneStyle, Volume: 100}
}

// Validate reports the first thing wrong with the options, in plain words.
func (o ExportOptions) Validate() error {
	o = o.withDefaults()
	switch {
	case o.Routine && o.Seconds != 0:
		return errors.New("choose either a number of seconds or the whole routine, not both")
	case !o.Routine && (o.Seconds < 1 || o.Seconds > MaxExportSeconds):
		if o.Seconds == 0 {
			return errors.New("choose a number of seconds or the whole routine")
		}
		return fmt.Errorf("seconds %d is outside the allowed 1–%d", o.Seconds, MaxExportSeconds)
	case o.Voice != nil && !o.Routine:
		return errors.New("the voice needs the whole routine (--routine)")
	case o.Voice != nil && o.Voice.Speaker() == nil:
		return errNoSpeaker
	case o.Volume < 0 || o.Volume > 100:
		return fmt.Errorf("volume %d is outside the allowed 0–100", o.Volume)
	}
	if _, err := routine.ParseRoller(string(o.Roller)); err != nil {
		return err
	}
	if _, err := routine.ParseToneStyle(string(o.Style)); err != nil {
		return err
	}
	return o.Pattern.Validate()
}

func (o ExportOptions) withDefaults() ExportOptions {
	if o.Pattern == (routine.Pattern{}) {
		o.Pattern = routine.DefaultPattern
	}
	if o.Roller == "" {
		o.Roller = routine.DefaultRoller
	}
	if o.Style == "" {
		o.Style = routine.DefaultToneStyle
	}
	if o.VoiceMode == "" || o.VoiceMode == routine.VoiceOff {
		o.VoiceMode = routine.DefaultVoiceMode
	}
	if o.VoiceRate == 0 {
		o.VoiceRate = routine.DefaultVoiceRate
	}
	if o.VoiceLevel == 0 {
		o.VoiceLevel = DefaultVoiceVolume
	}
	return o
}

// exportBlock is how far the routine's clock moves between looks at the session: a tenth of a
// second, the grain of every session event, so each cue starts on its own sample.
const exportBlock = SampleRate / 10

// Export writes the track as a WAV file to w, streaming it.
func Export(w io.Writer, opts ExportOptions) error { return export(w, opts, nil) }

// export is Export, telling onSay (if set) every phrase scheduled, for tests to check the timing.
func export(w io.Writer, opts ExportOptions, onSay func([]Utterance)) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	opts = opts.withDefaults()
	plan := routine.NewPlan(opts.Pattern, opts.Roller)
	s := NewSynth()
	s.SetStyle(opts.Style)
	s.SetVolume(opts.Volume)
	s.SetPace(routine.NewPace(plan.Pattern))
	frames := samplesIn(ExportLength(opts))
	if !opts.Routine {
		return writeTrack(w, s, frames, nil)
	}
	if opts.Voice != nil {
		s.SetVoiceVolume(opts.VoiceLevel)
		opts.Voice.SetRate(opts.VoiceRate)
		opts.Voice.Prepare(routine.Phrases(plan, opts.VoiceMode))
		opts.Voice.Wait()
	}
	return writeTrack(w, s, frames, sessionCues(s, plan, opts, onSay))
}

// sessionCues walks a session of plan on a fake clock, a tenth of a second at a time, and turns
// its events into cues; it returns the step to call before each block.
func sessionCues(s *Synth, plan routine.Plan, opts ExportOptions, onSay func([]Utterance)) func(at int64) {
	clock := &routine.FakeClock{}
	session := routine.NewSession(plan, clock)
	session.Start()
	return func(at int64) {
		clock.Set(timeAt(at))
		for _, ev := range session.Advance() {
			if opts.Voice != nil {
				until := session.StepEnd()
				if ev.Kind == routine.Finished {
					until = ev.At + timeAt(roundUp(ringOut(), exportBlock)) // the track's end
				}
				lines := ScriptEvent(plan, ev, opts.VoiceMode, session.Pace(), until, opts.Voice.Clip)
				s.Say(lines)
				if onSay != nil && len(lines) > 0 {
					onSay(lines)
				}
			}
			switch ev.Kind {
			case routine.StepStarted:
				s.Cue(NextMove)
			case routine.SidesSwitched:
				s.Cue(SwitchSides)
			case routine.CheckInDue:
				s.Cue(CheckIn)
			case routine.PatternChanged:
				s.SetPace(session.Pace())
			case routine.Finished:
				s.Cue(Finished)
				s.SetStyle(routine.Silent) // the end lands on a quiet turn; let the cue ring out alone
			}
		}
	}
}

// writeTrack writes the header and frames frames of s, calling step (if any) before each block.
// The last 30 ms fade out, so a track cut mid-breath does not end on a click.
func writeTrack(w io.Writer, s *Synth, frames int64, step func(at int64)) error {
	if err := writeWAVHeader(w, frames); err != nil {
		return err
	}
	buf := make([]byte, exportBlock*bytesPerFrame)
	fadeFrom := frames - fadeSamples
	for at := int64(0); at < frames; {
		if step != nil {
			step(at)
		}
		n := min(int64(exportBlock), frames-at)
		if at < fadeFrom && at+n > fadeFrom {
			n = fadeFrom - at // the fade-out starts on its own sample
		}
		if at == fadeFrom {
			s.Pause()
		}
		s.Read(buf[:n*bytesPerFrame])
		if _, err := w.Write(buf[:n*bytesPerFrame]); err != nil {
			return err
		}
		at += n
	}
	return nil
}

func roundUp(n, to int64) int64 { return (n + to - 1) / to * to }

// ExportFile writes the track to path. It refuses to replace an existing file unless force is
// set, and writes a temporary file in the same folder first, so a failure leaves nothing behind.
func ExportFile(path string, force bool, opts ExportOptions) (err error) {
	if err := opts.Validate(); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil && !force {
		return fmt.Errorf("%s already exists; use --force to replace it", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buffered := bufio.NewWriterSize(tmp, 1<<16)
	if err := Export(buffered, opts); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := buffered.Flush(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return publish(tmp.Name(), path, force)
}

// publish puts the finished file in place. Without force it links rather than renames, so a file
// that appeared meanwhile is still not replaced.
func publish(tmp, path string, force bool) error {
	if !force {
		err := os.Link(tmp, path)
		if err == nil {
			os.Remove(tmp)
			return nil
		}
		if errors.Is(err, fs.ErrExist) {
			os.Remove(tmp)
			return fmt.Errorf("%s already exists; use --force to replace it", path)
		}
		// The file system may not do hard links; fall back to a rename.
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// ExportLength is how long the track for opts lasts: the seconds asked for, or the routine's
// planned time and the end cue's ring-out.
func ExportLength(opts ExportOptions) time.Duration {
	opts = opts.withDefaults()
	if !opts.Routine {
		return time.Duration(opts.Seconds) * time.Second
	}
	plan := routine.NewPlan(opts.Pattern, opts.Roller)
	return plan.Total() + timeAt(roundUp(ringOut(), exportBlock))
}
