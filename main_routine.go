package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"backroll/data"
	"backroll/routine"
)

// routineFlags are plan's --preset and --skip. Their values are checked after parsing, so a bad
// one gets its own words rather than the flag package's.
type routineFlags struct {
	preset string
	skip   skipList
}

// skipList collects --skip, given once per move or comma-separated.
type skipList []string

func (s *skipList) String() string { return strings.Join(*s, ",") }
func (s *skipList) Set(v string) error {
	*s = append(*s, strings.Split(v, ",")...)
	return nil
}

func addRoutineFlags(fs *flag.FlagSet) *routineFlags {
	f := &routineFlags{}
	fs.StringVar(&f.preset, "preset", "", "the routine: full (10–12 min), short (about 6 min) or mine (as adjusted in the window)")
	fs.Var(&f.skip, "skip", "leave a move out of this plan: "+strings.Join(routine.MoveIDs(), ", ")+" (repeat, or separate with commas)")
	return f
}

// apply puts the flags over the adjustment from the preferences.
func (f *routineFlags) apply(a *routine.Adjustment) error {
	if f.preset != "" {
		p, err := routine.ParseRoutinePreset(f.preset)
		if err != nil {
			return fmt.Errorf("--preset: %w", err)
		}
		a.Preset = p
	}
	for _, s := range f.skip {
		id, err := routine.ParseMoveID(s)
		if err != nil {
			return fmt.Errorf("--skip: %w", err)
		}
		a.Today = a.Today.With(id)
	}
	return nil
}

// runHistory prints the last 12 weeks and the check-in answers per move.
func runHistory(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("history", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the weeks and check-ins as one JSON object")
	asCSV := fs.Bool("csv", false, "print the weeks as CSV, one line a week")
	if status, done := parseFlags(fs, args, stdout, stderr); done {
		return status
	}
	if *asJSON && *asCSV {
		fmt.Fprintln(stderr, "backroll history: choose --json or --csv, not both")
		return 2
	}
	sessions, notices := data.LoadHistory()
	for _, n := range notices {
		fmt.Fprintln(stderr, "backroll:", n.Text)
	}
	h := data.Recent(sessions, time.Now(), data.ChartWeeks)
	switch {
	case *asJSON:
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(h.JSON()); err != nil {
			fmt.Fprintln(stderr, "backroll history:", err)
			return 1
		}
	case *asCSV:
		fmt.Fprint(stdout, h.CSV())
	default:
		fmt.Fprint(stdout, h.Text())
	}
	return 0
}
