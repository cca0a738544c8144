#!/usr/bin/env bash
# make bench: Backroll against bench/floor, the cheapest Fyne + oto program doing the same job, on
# this machine, under a private Xvfb and a private PulseAudio null sink. The two run alternately,
# BENCH_RUNS times each; each figure is the median of the runs. Prints a table (with the targets
# beside the ratios), then one `name value` line per figure. A figure that could not be measured is
# `n/a`, and the table says why. Nothing here asserts a target.
#
# Knobs: BENCH_RUNS (3), BENCH_SECONDS (20, each CPU window), BENCH_WARMUP (3, seconds after the
# window maps before measuring), BENCH_RSS_AT (30, seconds after exec to read the peak RSS),
# BENCH_TAGS (migrated_fynedo,release,no_emoji: the tags `make package` builds with).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# shellcheck source=bench/lib.sh
. bench/lib.sh

RUNS=${BENCH_RUNS:-3}
SECS=${BENCH_SECONDS:-20}
WARM=${BENCH_WARMUP:-3}
RSS_AT=${BENCH_RSS_AT:-30}
TAGS=${BENCH_TAGS:-migrated_fynedo,release,no_emoji}
GO=${GO:-go}
PREFS_SOUND='{"version":1,"safety_acknowledged":true,"muted":false}'
PREFS_MUTED='{"version":1,"safety_acknowledged":true,"muted":true}'

declare -A VALS=() WHY=()
add() { VALS[$1]="${VALS[$1]:-}${VALS[$1]:+ }$2"; }
na() { [ -n "${WHY[$1]:-}" ] || WHY[$1]=$2; }

# --- Build both the same way: stripped, same tags, -trimpath. -------------------------------------
BIN="$BENCH_TMP/bin"
mkdir -p "$BIN"
BACKROLL_OK=1
log "building backroll and bench/floor (-trimpath -tags $TAGS -ldflags '-s -w')"
if ! $GO build -trimpath -tags "$TAGS" -ldflags "-s -w" -o "$BIN/backroll" . 2>"$BENCH_TMP/build.log"; then
  BACKROLL_OK=0
  why="backroll does not build: $(grep -v '^#' "$BENCH_TMP/build.log" | head -n1)"
  for k in startup cpu_breathing cpu_breathing_muted cpu_paused rss binary; do na "backroll.$k" "$why"; done
  log "$why"
fi
if ! $GO build -trimpath -tags "$TAGS" -ldflags "-s -w" -o "$BIN/floor" ./bench/floor 2>"$BENCH_TMP/build-floor.log"; then
  log "bench/floor does not build:"
  cat "$BENCH_TMP/build-floor.log" >&2
  exit 1
fi
[ "$BACKROLL_OK" = 0 ] || add backroll.binary "$(stat -c %s "$BIN/backroll")"
add floor.binary "$(stat -c %s "$BIN/floor")"

# --- The synthesiser, alone on the machine. ---------------------------------------------------------
log "go test -run '^\$' -bench BenchmarkSynthRead -benchmem ./sound"
if $GO test -run '^$' -bench BenchmarkSynthRead -benchmem -count=1 ./sound >"$BENCH_TMP/synth.log" 2>&1; then
  line=$(grep -m1 '^BenchmarkSynthRead' "$BENCH_TMP/synth.log")
  if [ -z "$line" ]; then
    na synth.realtime "./sound has no BenchmarkSynthRead yet"
    na synth.allocs "./sound has no BenchmarkSynthRead yet"
  else
    # shellcheck disable=SC2086
    set -- $line
    prev=""
    for f in "$@"; do
      case $f in
        x-realtime) add synth.realtime "$prev" ;;
        allocs/op) add synth.allocs "$prev" ;;
      esac
      prev=$f
    done
    [ -n "${VALS[synth.realtime]:-}" ] || na synth.realtime "BenchmarkSynthRead reports no x-realtime metric: $line"
    [ -n "${VALS[synth.allocs]:-}" ] || na synth.allocs "BenchmarkSynthRead reports no allocs/op: $line"
  fi
else
  why="go test ./sound failed: $(grep -v '^\(FAIL\|ok\|exit status\)' "$BENCH_TMP/synth.log" | tail -n1)"
  na synth.realtime "$why"
  na synth.allocs "$why"
fi

# --- Sound coming back after a rest: the real oto path, through a PulseAudio of the test's own. ----
# After a pause long enough for the device to be suspended: resume_stall_ms, from Start to the clock
# (and the circle) moving on; resume_after_rest_ms, from Start to the sound joining the clock (the
# device wakes meanwhile, the clock running on its stopwatch).
log "go test -count=$RUNS -run TestOtoResumesAfterRest ./sound"
RESUME_WHY=""
if $GO test -count="$RUNS" -run '^TestOtoResumesAfterRest$' -v ./sound >"$BENCH_TMP/resume.log" 2>&1; then
  for v in $(awk '$1 == "resume_after_rest_ms" { print $2 }' "$BENCH_TMP/resume.log"); do add resume.ms "$v"; done
  for v in $(awk '$1 == "resume_stall_ms" { print $2 }' "$BENCH_TMP/resume.log"); do add resume.stall "$v"; done
  [ -n "${VALS[resume.ms]:-}" ] || RESUME_WHY="TestOtoResumesAfterRest printed no resume_after_rest_ms (skipped?)"
else
  RESUME_WHY="TestOtoResumesAfterRest failed: $(grep -m1 -- '--- FAIL\|\.go:[0-9]*:' "$BENCH_TMP/resume.log")"
fi

start_xvfb || exit 1
start_pulse || exit 1
start_map_watch

# --- One launch of each kind. -------------------------------------------------------------------------

# START says how Backroll is launched: "--start" (straight into a running session) until that is
# refused, then plain (the window as it is, for startup and memory only).
START=--start
START_WHY=""

# launch_backroll PREFS: launches Backroll, falling back to a plain launch if --start is refused.
launch_backroll() {
  if [ "$START" = --start ]; then
    launch "$1" "$BIN/backroll" --start
    wait_mapped 30 && return 0
    if kill -0 "$APP_PID" 2>/dev/null; then stop_app; return 1; fi
    START=plain
    START_WHY="\`backroll --start\` is not accepted yet: $APP_WHY"
    log "$START_WHY; measuring a plain launch for startup and memory only"
  fi
  launch "$1" "$BIN/backroll"
  wait_mapped 30
}

# breathing WHO KEY: after the warm-up, is the window animating (and, for sound runs, is its audio
# stream playing)? Records the reason under KEY and returns 1 if not.
breathing() {
  local who=$1 key=$2 changes stream
  sleep_until "$(calc "$APP_T0 + $APP_STARTUP + $WARM")"
  if [ "$who" = backroll ] && [ "$START" != --start ]; then
    na "$who.$key" "$START_WHY"
    return 1
  fi
  changes=$(window_changes "$APP_WID" 3 0.35)
  if [ "$changes" != yes ]; then
    na "$who.$key" "its window did not change over 0.7 s, ${WARM} s after mapping (capture: $changes): it is not breathing"
    return 1
  fi
  if [ "$key" = cpu_breathing ]; then
    stream=$(stream_state "$APP_PID")
    if [ "$stream" != playing ]; then
      na "$who.$key" "it breathes but PulseAudio shows no playing stream from it (stream: $stream)"
      return 1
    fi
  fi
  return 0
}

# run_sound WHO: startup, CPU breathing with sound, peak RSS; for Backroll then paused CPU.
run_sound() {
  local who=$1 cpu hwm changes stream ok=1
  log "$who: breathing with sound"
  if [ "$who" = backroll ]; then
    launch_backroll "$PREFS_SOUND" || { na backroll.startup "$APP_WHY"; na backroll.rss "$APP_WHY"; stop_app; return; }
  else
    launch "" "$BIN/floor"
    wait_mapped 30 || { na floor.startup "$APP_WHY"; stop_app; return; }
  fi
  add "$who.startup" "$APP_STARTUP"
  log "$who: mapped after ${APP_STARTUP} s"
  if breathing "$who" cpu_breathing; then
    if cpu_percent "$APP_PID" "$SECS" >"$BENCH_TMP/cpu"; then
      cpu=$(<"$BENCH_TMP/cpu")
      add "$who.cpu_breathing" "$cpu"
      add "$who.render" "$RENDER_PERCENT"
    else
      ok=0
      na "$who.cpu_breathing" "it exited while measured"
    fi
    log "$who: ${cpu:-?} % of a core breathing with sound"
  else
    ok=0
  fi
  sleep_until "$(calc "$APP_T0 + $RSS_AT")"
  if hwm=$(proc_status "$APP_PID" VmHWM); then add "$who.rss" "$(calc "$hwm / 1024")"; else na "$who.rss" "it exited before ${RSS_AT} s"; fi
  if [ "$who" = backroll ]; then
    if [ "$ok" = 1 ]; then
      xdotool key --window "$APP_WID" space
      sleep 1.5
      changes=$(window_changes "$APP_WID" 2 1)
      stream=$(stream_state "$APP_PID")
      if [ "$changes" = no ]; then
        if cpu=$(cpu_percent "$APP_PID" "$SECS"); then add backroll.cpu_paused "$cpu"; else na backroll.cpu_paused "it exited while measured"; fi
        add backroll.paused_stream "$stream"
        log "backroll: ${cpu:-?} % paused (audio stream: $stream)"
        # The device rests 3 s after a pause (sound.restAfter), so the window above holds 1.5 s
        # of oto feeding it silence; the next one is the pause as it stays.
        if cpu=$(cpu_percent "$APP_PID" "$SECS"); then add backroll.cpu_rested "$cpu"; else na backroll.cpu_rested "it exited while measured"; fi
        log "backroll: ${cpu:-?} % paused, $((SECS + 1)) s on"
      else
        na backroll.cpu_paused "after Space its window still changed (capture: $changes): it did not pause"
        na backroll.cpu_rested "after Space its window still changed (capture: $changes): it did not pause"
      fi
    else
      na backroll.cpu_paused "${WHY[backroll.cpu_breathing]:-it was not breathing}"
      na backroll.cpu_rested "${WHY[backroll.cpu_breathing]:-it was not breathing}"
    fi
  fi
  stop_app
}

# run_quiet WHO MODE: MODE muted (breathing, no sound) or idle (the floor's still window).
run_quiet() {
  local who=$1 mode=$2 key cpu
  key=cpu_breathing_muted
  [ "$mode" = idle ] && key=cpu_idle
  if [ "$who" = backroll ] && [ "$START" != --start ]; then
    na "backroll.$key" "$START_WHY"
    return
  fi
  log "$who: $mode"
  if [ "$who" = backroll ]; then
    launch_backroll "$PREFS_MUTED" || { na "backroll.$key" "$APP_WHY"; stop_app; return; }
  else
    launch "" "$BIN/floor" "--$( [ "$mode" = idle ] && echo idle || echo mute)"
    wait_mapped 30 || { na "floor.$key" "$APP_WHY"; stop_app; return; }
  fi
  if [ "$mode" = idle ]; then
    sleep_until "$(calc "$APP_T0 + $APP_STARTUP + $WARM")"
  elif ! breathing "$who" "$key"; then
    stop_app
    return
  fi
  if cpu=$(cpu_percent "$APP_PID" "$SECS"); then add "$who.$key" "$cpu"; else na "$who.$key" "it exited while measured"; fi
  log "$who: ${cpu:-?} % of a core, $mode"
  stop_app
}

run_backroll() {
  [ "$BACKROLL_OK" = 1 ] || return 0
  run_sound backroll
  run_quiet backroll muted
}

run_floor() {
  run_sound floor
  run_quiet floor muted
  run_quiet floor idle
}

for ((i = 1; i <= RUNS; i++)); do
  log "round $i of $RUNS"
  if ((i % 2)); then run_backroll; run_floor; else run_floor; run_backroll; fi
done

# --- Report. ----------------------------------------------------------------------------------------

# median KEY prints the median of KEY's values, or nothing.
median() {
  [ -n "${VALS[$1]:-}" ] || return 0
  tr ' ' '\n' <<<"${VALS[$1]}" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}


# runs DIGITS KEY prints KEY's values, each rounded, in brackets ("" when there are none).
runs() {
  [ -n "${VALS[$2]:-}" ] || return 0
  tr ' ' '\n' <<<"${VALS[$2]}" | awk -v d="$1" '{ sep = (NR > 1) ? " " : "["; f = "%s%." d "f"; printf f, sep, $1 } END { printf "]" }'
}

ROWS=()
LINES=()
NOTES=()
# figure LABEL DIGITS BACKROLL_KEY FLOOR_KEY RATIO_NAME TARGET BACKROLL_NAME FLOOR_NAME
figure() {
  local label=$1 digits=$2 bk=$3 fk=$4 rname=$5 target=$6 bname=$7 fname=$8 b f r
  b=$(median "$bk")
  f=$(median "$fk")
  r=""
  if [ -n "$b" ] && [ -n "$f" ]; then
    if [ "$(calc "$f > 0")" = 1 ]; then r=$(calc "$b / $f"); else NOTES+=("$rname n/a: the floor's figure is 0"); fi
  fi
  ROWS+=("$(printf '%-24s %-32s %-32s %-6s %s' "$label" \
    "$(round "$digits" "$b") $(runs "$digits" "$bk")" "$(round "$digits" "$f") $(runs "$digits" "$fk")" "$(round 2 "$r")" "$target")")
  LINES+=("$bname $(round "$digits" "$b")")
  [ "$fname" = - ] || LINES+=("$fname $(round "$digits" "$f")") # "-": the floor's figure is printed already
  LINES+=("$rname $(round 2 "$r")")
  [ -n "$b" ] || NOTES+=("$bname n/a: ${WHY[$bk]:-no measurement}")
  [ -n "$f" ] || [ "$fname" = - ] || NOTES+=("$fname n/a: ${WHY[$fk]:-no measurement}")
}

figure "startup (s)" 3 backroll.startup floor.startup startup_ratio "<= 1.3" backroll_startup_s floor_startup_s
figure "cpu breathing (%)" 1 backroll.cpu_breathing floor.cpu_breathing cpu_breathing_ratio "<= 1.3" \
  backroll_cpu_breathing_pct floor_cpu_breathing_pct
figure "cpu breathing muted (%)" 1 backroll.cpu_breathing_muted floor.cpu_breathing_muted cpu_breathing_muted_ratio "<= 1.3" \
  backroll_cpu_breathing_muted_pct floor_cpu_breathing_muted_pct
figure "cpu paused/idle (%)" 2 backroll.cpu_paused floor.cpu_idle cpu_paused_ratio "<= 1.1" backroll_cpu_paused_pct floor_cpu_idle_pct
figure "cpu paused, rested (%)" 2 backroll.cpu_rested floor.cpu_idle cpu_rested_ratio "<= 1.1" backroll_cpu_rested_pct -
figure "peak rss at ${RSS_AT}s (MiB)" 1 backroll.rss floor.rss rss_ratio "<= 1.25" backroll_rss_peak_mib floor_rss_peak_mib
figure "binary (bytes)" 0 backroll.binary floor.binary binary_ratio "<= 1.5" backroll_binary_bytes floor_binary_bytes

synth_rt=$(median synth.realtime)
synth_al=$(median synth.allocs)
[ -n "$synth_rt" ] || NOTES+=("synth_realtime n/a: ${WHY[synth.realtime]:-no measurement}")
[ -n "$synth_al" ] || NOTES+=("synth_allocs_per_read n/a: ${WHY[synth.allocs]:-no measurement}")
[ -z "$START_WHY" ] || NOTES+=("backroll startup and rss come from a plain launch: $START_WHY")
if [ -n "${VALS[backroll.render]:-}" ] || [ -n "${VALS[floor.render]:-}" ]; then
  NOTES+=("of the breathing CPU, Mesa llvmpipe threads (software OpenGL) took: backroll $(round 1 "$(median backroll.render)") %, floor $(round 1 "$(median floor.render)") % of a core")
fi
[ -z "${VALS[backroll.paused_stream]:-}" ] || NOTES+=("backroll's audio stream while paused: ${VALS[backroll.paused_stream]} (none or corked = it stopped pulling audio)")

echo
echo "Backroll vs bench/floor: $RUNS runs each, alternating; ${SECS} s CPU windows; median [runs]; $(nproc) CPUs; $(uname -r)"
printf '%-24s %-32s %-32s %-6s %s\n' figure backroll floor ratio target
printf '%s\n' "${ROWS[@]}"
printf '%-24s %-65s %-6s %s\n' "synth (x real time)" "$(round 0 "$synth_rt")" "" ">= 1000"
printf '%-24s %-65s %-6s %s\n' "synth (allocs/Read)" "$(round 0 "$synth_al")" "" "0"
RESUME_MS=$(median resume.ms)
RESUME_STALL=$(median resume.stall)
printf '%-24s %-65s %-6s %s\n' "resume after rest (ms)" "sound back after $(round 0 "$RESUME_MS") $(runs 0 resume.ms); clock still for $(round 0 "$RESUME_STALL") $(runs 0 resume.stall)" "" "stall <= 150"
[ -z "$RESUME_WHY" ] || echo "note: resume_after_rest_ms n/a: $RESUME_WHY"
for n in "${NOTES[@]}"; do echo "note: $n"; done
echo
printf '%s\n' "${LINES[@]}"
echo "synth_realtime $(round 0 "$synth_rt")"
echo "synth_allocs_per_read $(round 0 "$synth_al")"
echo "resume_after_rest_ms $(round 0 "$RESUME_MS")"
echo "resume_stall_ms $(round 0 "$RESUME_STALL")"
