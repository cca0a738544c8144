package sound

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"backroll/routine"
)

// Speaker is a text-to-speech engine run as a separate program: espeak-ng, macOS say, Windows
// SAPI through PowerShell, or piper. It turns one phrase into WAV bytes.
type Speaker struct {
	Name    string // "espeak-ng", "say", "sapi" or "piper"
	Version string // the engine's own version line, part of the cache key
	Voice   string // the engine's voice name or model path, "" for its default
	path    string // the program
}

// NoSpeakerReason is the one line shown when no engine is found.
const NoSpeakerReason = "No speech engine found, so the coach uses tones only. Install espeak-ng (Linux), or use macOS say or Windows speech."

// errNoSpeaker is NoSpeakerReason as an error; it is shown to people as it is.
var errNoSpeaker = errors.New(NoSpeakerReason) //lint:ignore ST1005 a sentence for people, shown whole

// FindSpeaker looks for a speech engine on this system, once, at start-up and off the UI thread.
// A piper binary is used when a voice model is given; otherwise the platform's engine. It returns
// nil and the reason, in words, when there is none.
func FindSpeaker(piperModel string) (*Speaker, string) {
	if piperModel != "" {
		if path, err := exec.LookPath("piper"); err == nil {
			if _, err := os.Stat(piperModel); err == nil {
				return &Speaker{Name: "piper", Version: "piper " + filepath.Base(piperModel), Voice: piperModel, path: path}, ""
			}
		}
	}
	if path, err := exec.LookPath("espeak-ng"); err == nil {
		if v, err := versionOf(path, "--version"); err == nil {
			return &Speaker{Name: "espeak-ng", Version: v, path: path}, ""
		}
	}
	switch runtime.GOOS {
	case "darwin":
		if path, err := exec.LookPath("say"); err == nil {
			return &Speaker{Name: "say", Version: "say " + runtime.GOOS, path: path}, ""
		}
	case "windows":
		if path, err := exec.LookPath("powershell"); err == nil {
			return &Speaker{Name: "sapi", Version: "System.Speech", path: path}, ""
		}
	}
	return nil, NoSpeakerReason
}

// espeakVoices are espeak-ng's voices for the languages Backroll speaks besides English.
var espeakVoices = map[string]string{"de": "de", "es": "es", "fr": "fr-fr", "pt": "pt"}

// ForLanguage returns the speaker set to speak the language with code (en, de, es, fr, pt) where
// the engine has a voice for it: espeak-ng has all five. macOS say, Windows SAPI and a piper
// model keep the voice they have, the system's default or the model's own language. A speaker
// with a voice already chosen, and nil, are returned as they are.
func (s *Speaker) ForLanguage(code string) *Speaker {
	if s == nil || s.Name != "espeak-ng" || s.Voice != "" {
		return s
	}
	v, ok := espeakVoices[code]
	if !ok {
		return s
	}
	c := *s
	c.Voice = v
	return &c
}

// versionOf runs the program with arg and returns the first line it prints.
func versionOf(path, arg string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, arg).Output()
	if err != nil {
		return "", err
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return line, nil
}

// Synthesize speaks text at rate words a minute and returns the WAV the engine wrote. It gives up
// when ctx ends.
func (s *Speaker) Synthesize(ctx context.Context, text string, rate int) (pcm, error) {
	rate = min(max(rate, routine.MinVoiceRate), routine.MaxVoiceRate)
	cmd, outFile, err := s.command(ctx, text, rate)
	if err != nil {
		return pcm{}, err
	}
	if outFile != "" {
		defer os.Remove(outFile)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return pcm{}, fmt.Errorf("%s took too long", s.Name)
		}
		return pcm{}, fmt.Errorf("%s failed: %v %s", s.Name, err, strings.TrimSpace(stderr.String()))
	}
	if outFile == "" {
		return readWAV(&stdout)
	}
	f, err := os.Open(outFile)
	if err != nil {
		return pcm{}, err
	}
	defer f.Close()
	return readWAV(f)
}

// command builds the engine's command line. The text never reaches a shell: it follows "--", or
// goes through standard input or the environment.
func (s *Speaker) command(ctx context.Context, text string, rate int) (cmd *exec.Cmd, outFile string, err error) {
	temp := func(ext string) (string, error) {
		f, err := os.CreateTemp("", "backroll-voice-*"+ext)
		if err != nil {
			return "", err
		}
		f.Close()
		return f.Name(), nil
	}
	switch s.Name {
	case "espeak-ng":
		// -z: no trailing pause, the scheduler does its own spacing.
		args := []string{"-z", "-s", fmt.Sprint(rate), "--stdout"}
		if s.Voice != "" {
			args = append(args, "-v", s.Voice)
		}
		return exec.CommandContext(ctx, s.path, append(args, "--", text)...), "", nil
	case "say":
		if outFile, err = temp(".wav"); err != nil {
			return nil, "", err
		}
		args := []string{"-r", fmt.Sprint(rate), "-o", outFile, "--data-format=LEI16@22050"}
		if s.Voice != "" {
			args = append(args, "-v", s.Voice)
		}
		return exec.CommandContext(ctx, s.path, append(args, "--", text)...), outFile, nil
	case "sapi":
		if outFile, err = temp(".wav"); err != nil {
			return nil, "", err
		}
		cmd = exec.CommandContext(ctx, s.path, "-NoProfile", "-NonInteractive", "-Command", sapiScript)
		cmd.Env = append(os.Environ(), "BACKROLL_TEXT="+text, "BACKROLL_OUT="+outFile,
			fmt.Sprintf("BACKROLL_RATE=%d", sapiRate(rate)))
		return cmd, outFile, nil
	case "piper":
		if outFile, err = temp(".wav"); err != nil {
			return nil, "", err
		}
		// piper's length scale stretches its natural pace (about 150 words a minute).
		scale := fmt.Sprintf("%.2f", float64(routine.DefaultVoiceRate)/float64(rate))
		cmd = exec.CommandContext(ctx, s.path, "--model", s.Voice, "--output_file", outFile, "--length_scale", scale)
		cmd.Stdin = strings.NewReader(text)
		return cmd, outFile, nil
	}
	return nil, "", errors.New("unknown speech engine " + s.Name)
}

// sapiScript speaks $env:BACKROLL_TEXT into $env:BACKROLL_OUT with Windows' own voice.
const sapiScript = `Add-Type -AssemblyName System.Speech
$s = New-Object System.Speech.Synthesis.SpeechSynthesizer
$s.Rate = [int]$env:BACKROLL_RATE
$s.SetOutputToWaveFile($env:BACKROLL_OUT)
$s.Speak($env:BACKROLL_TEXT)
$s.Dispose()`

// sapiRate maps words a minute to SAPI's −10…10, where 0 is about 150 and each step about 10%.
func sapiRate(wpm int) int {
	return min(max(int((float64(wpm)/routine.DefaultVoiceRate-1)*10), -10), 10)
}
