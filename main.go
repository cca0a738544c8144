// Backroll coaches a 10–12 minute foam-rolling routine for an aching lower back: an illustrated
// move card beside a large breathing circle, with a tone that paces the breath.
//
// main.go is wiring only: it reads the command line, loads preferences, and hands over to the
// window or to a subcommand.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"github.com/adrg/xdg"

	"backroll/data"
	"backroll/internal/instance"
	"backroll/routine"
	"backroll/sound"
	"backroll/ui"
	"backroll/ui/i18n"
)

//go:embed Icon.png
var icon []byte

const usage = `Backroll: a gentle foam-rolling coach for an aching lower back.

Usage:
  backroll [--start]        open the window (--start: straight into a session)
  backroll plan [flags]     print the routine as your settings shape it
                            (--preset full|short|mine, --skip MOVE)
  backroll history [--json | --csv]
                            the last 12 weeks of sessions and check-ins
  backroll export-audio --out FILE.wav [--seconds N | --routine [--voice]] [flags]
                            write the pacing track to a WAV file
  backroll help             show this help

Run "backroll COMMAND --help" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run returns the exit status: 0 fine, 1 a failure while working, 2 a bad command line.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && !isHelp(args[0]) {
		return openWindow(args, stdout, stderr)
	}
	switch args[0] {
	case "plan":
		return runPlan(args[1:], stdout, stderr)
	case "export-audio":
		return runExportAudio(args[1:], stdout, stderr)
	case "history":
		return runHistory(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "backroll: unknown command %q; run \"backroll help\" to see the commands\n", args[0])
		return 2
	}
}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

// openWindow loads what the user saved, starts the sound, and runs the window until it closes.
// Whatever goes wrong on the way is told in words, in the window, and the app carries on.
func openWindow(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	start := fs.Bool("start", false, "open straight into a running session (once the safety page has been read)")
	atLogin := fs.Bool(strings.TrimPrefix(data.AutostartFlag, "--"), false, "started by the desktop at login: wait in the tray, if there is one")
	if status, done := parseFlags(fs, args, stdout, stderr); done {
		return status
	}
	if os.Getenv("GOGC") == "" {
		// The window's live heap is small and steady (~13 MB: fonts, translations, phrases), and
		// at Go's default the heap grows to twice that between collections. Half that headroom
		// keeps ~5 MB less resident for a collection every few seconds while breathing (~3 ms each).
		debug.SetGCPercent(50)
	}
	req := instance.Raise
	if *start {
		req = instance.Start
	}
	primary, handedOver, err := instance.Claim(runtimeDir(), filepath.Dir(data.PreferencesPath()), req)
	var wake <-chan bool
	switch {
	case handedOver:
		fmt.Fprintln(stdout, "Backroll is already open: its window comes to the front.")
		return 0
	case err != nil:
		fmt.Fprintln(stderr, "backroll: opening a window all the same:", err)
	default:
		defer primary.Close()
		wake = primary.Wakes()
	}
	relay := &ui.Relay{}
	prefs, notices := data.OpenStore(data.SaverOptions{OnError: relay.NotifyError})
	history, historyNotices := data.LoadHistory()
	for _, n := range append(notices, historyNotices...) {
		relay.NotifyNotice(n)
	}
	engine := sound.NewEngine()
	engine.OnNotice(relay.Notify)
	defer engine.Close()
	err = ui.Run(ui.Options{
		Prefs: prefs, History: history, Sound: engine, Notices: relay, StartNow: *start,
		Icon: fyne.NewStaticResource("Icon.png", icon), Voice: findVoice, AtLogin: *atLogin, Wake: wake,
	})
	if err != nil {
		fmt.Fprintln(stderr, "backroll:", err)
		return 1
	}
	return 0
}

// runtimeDir is where the one-instance lock and socket live: $XDG_RUNTIME_DIR (on Windows,
// %LOCALAPPDATA%), or a folder of the user's own under the temporary folder when there is none.
func runtimeDir() string {
	if fi, err := os.Stat(xdg.RuntimeDir); err == nil && fi.IsDir() {
		return xdg.RuntimeDir
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("backroll-%d", os.Getuid()))
}

// findVoice looks for a speech engine and returns the coach's voice, caching its phrases in the
// user's cache folder.
func findVoice(piperModel string) (*sound.Voice, string) {
	sp, why := sound.FindSpeaker(piperModel)
	return sound.NewVoice(sp.ForLanguage(i18n.Current()), data.VoiceCacheDir()), why
}

// patternFlags are the breath and roller flags shared by the subcommands. Only flags the user set
// override the preferences.
type patternFlags struct {
	fs      *flag.FlagSet
	pattern routine.Pattern
	roller  string
}

func addPatternFlags(fs *flag.FlagSet, p routine.Pattern, r routine.Roller) *patternFlags {
	f := &patternFlags{fs: fs, pattern: p, roller: string(r)}
	fs.Float64Var(&f.pattern.Inhale, "inhale", p.Inhale, "seconds to breathe in, "+routine.InhaleLimit.String())
	fs.Float64Var(&f.pattern.Exhale, "exhale", p.Exhale, "seconds to breathe out, "+routine.ExhaleLimit.String())
	fs.Float64Var(&f.pattern.HoldIn, "hold-in", p.HoldIn, "seconds to hold after breathing in, "+routine.HoldLimit.String())
	fs.Float64Var(&f.pattern.HoldOut, "hold-out", p.HoldOut, "seconds to hold after breathing out, "+routine.HoldLimit.String())
	fs.StringVar(&f.roller, "roller", string(r), "roller mode: soft, medium or firm")
	return f
}

// values checks the flags and names the first bad one.
func (f *patternFlags) values() (routine.Pattern, routine.Roller, error) {
	r, err := routine.ParseRoller(f.roller)
	if err != nil {
		return routine.Pattern{}, "", fmt.Errorf("--roller: %w", err)
	}
	if err := f.pattern.Validate(); err != nil {
		return routine.Pattern{}, "", err
	}
	return f.pattern, r, nil
}

// parseFlags parses args; it prints the help on --help and one line for a bad flag.
// done means the caller should return status at once.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (status int, done bool) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	command := strings.TrimSpace("backroll " + fs.Name()) // the window's flags have no subcommand
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(stdout)
		fmt.Fprintf(stdout, "Usage: %s [flags]\n", command)
		fs.PrintDefaults()
		return 0, true
	case err != nil:
		fmt.Fprintf(stderr, "%s: %s; run \"%s --help\" to see the flags\n", command, flagProblem(err), command)
		return 2, true
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", command, fs.Arg(0))
		return 2, true
	}
	return 0, false
}

// flagProblem rewords the flag package's errors for people: "unknown flag --x" rather than
// "flag provided but not defined: -x".
func flagProblem(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag --" + name
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		value, name, _ := strings.Cut(rest, " for flag -")
		name, _, _ = strings.Cut(name, ":")
		return fmt.Sprintf("--%s needs a number, not %s", name, value)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "--" + name + " needs a value"
	}
	return msg
}

// loadPreferences reads the saved preferences for a subcommand, telling on standard error what was
// wrong with them; the subcommand goes on with what could be read.
func loadPreferences(stderr io.Writer) data.Preferences {
	prefs, notices := data.LoadPreferences()
	for _, n := range notices {
		fmt.Fprintln(stderr, "backroll:", n.Text)
	}
	return prefs
}

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the plan as one JSON object")
	prefs := loadPreferences(stderr)
	prefs.Routine = prefs.RoutineOn(time.Now())
	pf := addPatternFlags(fs, prefs.Pattern, prefs.Roller)
	rf := addRoutineFlags(fs)
	if status, done := parseFlags(fs, args, stdout, stderr); done {
		return status
	}
	pattern, roller, err := pf.values()
	if err == nil {
		err = rf.apply(&prefs.Routine)
	}
	if err != nil {
		fmt.Fprintf(stderr, "backroll plan: %v\n", err)
		return 2
	}
	plan := routine.NewAdjustedPlan(pattern, roller, prefs.Routine)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(plan.JSON()); err != nil {
			fmt.Fprintln(stderr, "backroll plan:", err)
			return 1
		}
		return 0
	}
	i18n.Use(string(prefs.Language)) // the text follows the language; --json stays English
	fmt.Fprint(stdout, i18n.PlanText(plan))
	return 0
}

func runExportAudio(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export-audio", flag.ContinueOnError)
	prefs := loadPreferences(stderr)
	out := fs.String("out", "", "the WAV file to write (required)")
	seconds := fs.Int("seconds", 0, fmt.Sprintf("breath only, this many seconds (1–%d)", sound.MaxExportSeconds))
	whole := fs.Bool("routine", false, "the whole routine with its cues for each move and side")
	style := fs.String("style", string(prefs.ToneStyle), "tone style: soft-tones, chimes, low-hum or off")
	volume := fs.Int("volume", 100, "volume, 0–100 (a phone has its own volume control)")
	force := fs.Bool("force", false, "replace the file if it exists")
	voice := fs.Bool("voice", false, "with --routine: the coach speaks, as set in your preferences (names only when off)")
	pf := addPatternFlags(fs, prefs.Pattern, prefs.Roller)
	if status, done := parseFlags(fs, args, stdout, stderr); done {
		return status
	}
	bad := func(err error) int {
		fmt.Fprintf(stderr, "backroll export-audio: %v\n", err)
		return 2
	}
	if *out == "" {
		return bad(errors.New("--out FILE.wav is required"))
	}
	pattern, roller, err := pf.values()
	if err != nil {
		return bad(err)
	}
	tone, err := routine.ParseToneStyle(*style)
	if err != nil {
		return bad(fmt.Errorf("--style: %w", err))
	}
	opts := sound.ExportOptions{Pattern: pattern, Roller: roller, Style: tone, Volume: *volume, Seconds: *seconds, Routine: *whole}
	if *voice {
		if !*whole {
			return bad(errors.New("--voice needs --routine"))
		}
		v, why := findVoice(prefs.PiperModel)
		if v.Speaker() == nil {
			fmt.Fprintf(stderr, "backroll export-audio: %s\n", why)
			return 1
		}
		defer v.Close()
		opts.Voice, opts.VoiceMode, opts.VoiceRate, opts.VoiceLevel = v, prefs.Voice, prefs.VoiceRate, prefs.VoiceVolume
	}
	if err := opts.Validate(); err != nil {
		return bad(err)
	}
	if err := sound.ExportFile(*out, *force, opts); err != nil {
		fmt.Fprintf(stderr, "backroll export-audio: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Wrote %s: %s of pacing, breathing %s.\n", *out, routine.MinSec(sound.ExportLength(opts)), roller.Shape(pattern))
	return 0
}
