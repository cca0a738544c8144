# shellcheck shell=bash
# shellcheck disable=SC2034 # APP_*, RENDER_PERCENT: globals for the scripts that source this
# Shared by bench/run.sh and bench/soak.sh; source it. It gives a private X server (Xvfb), a private
# PulseAudio with a null sink that ALSA's default device is routed to, a watcher that timestamps
# every window mapped, and helpers to launch a program in fresh XDG folders and read /proc.
# Everything it starts is killed, and its temporary folder removed, when the script exits.

BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/backroll-bench.XXXXXX")
BENCH_PIDS=()
CLK_TCK=$(getconf CLK_TCK)

bench_cleanup() {
  local i
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do
    kill "${BENCH_PIDS[i]}" 2>/dev/null || true
  done
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do
    wait "${BENCH_PIDS[i]}" 2>/dev/null || true
  done
  rm -rf "$BENCH_TMP"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

# now prints the wall clock in seconds, with microseconds.
now() { printf '%s\n' "$EPOCHREALTIME"; }

# calc prints the value of an arithmetic awk expression with up to 6 decimals (awk's own number
# printing keeps 6 significant digits, too few for a wall-clock time); a comparison prints 1 or 0.
calc() { awk "BEGIN { s = sprintf(\"%.6f\", ($1)); sub(/0+\$/, \"\", s); sub(/\\.\$/, \"\", s); print s }"; }

# round DIGITS VALUE prints VALUE with DIGITS decimals, or n/a when VALUE is empty.
round() {
  if [ -n "$2" ]; then awk -v d="$1" -v v="$2" 'BEGIN { f = "%." d "f"; printf f, v }'; else printf 'n/a'; fi
}

# snooze SECONDS sleeps in the background, so that a signal ends the script at once.
snooze() {
  sleep "$1" &
  wait "$!"
}

# start_xvfb picks a free display number, starts Xvfb on it and exports DISPLAY.
start_xvfb() {
  local n i pid
  for n in $(seq 90 190); do
    if [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; then continue; fi
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$BENCH_TMP/xvfb.log" 2>&1 &
    pid=$!
    for i in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      if xdpyinfo -display ":$n" >/dev/null 2>&1; then
        sleep 0.2
        if kill -0 "$pid" 2>/dev/null; then
          BENCH_PIDS+=("$pid")
          export DISPLAY=":$n"
          log "Xvfb :$n (1280x800x24), pid $pid"
          return 0
        fi
        break
      fi
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  log "could not start Xvfb: $(tail -n1 "$BENCH_TMP/xvfb.log" 2>/dev/null)"
  return 1
}

# start_pulse starts PulseAudio with a null sink on a private socket and routes ALSA's default
# device to it (libasound2-plugins), so oto's ALSA output reaches it.
start_pulse() {
  local i pid
  mkdir -m 0700 "$BENCH_TMP/run" "$BENCH_TMP/pulse-home"
  export XDG_RUNTIME_DIR="$BENCH_TMP/run"
  HOME="$BENCH_TMP/pulse-home" pulseaudio -n --daemonize=no --exit-idle-time=-1 --use-pid-file=no \
    -L "module-native-protocol-unix socket=$BENCH_TMP/native auth-anonymous=1" \
    -L "module-null-sink" >"$BENCH_TMP/pulse.log" 2>&1 &
  pid=$!
  BENCH_PIDS+=("$pid")
  export PULSE_SERVER="unix:$BENCH_TMP/native"
  printf 'pcm.!default { type pulse }\nctl.!default { type pulse }\n' >"$BENCH_TMP/asoundrc"
  if [ -f /usr/share/alsa/alsa.conf ]; then
    export ALSA_CONFIG_PATH="/usr/share/alsa/alsa.conf:$BENCH_TMP/asoundrc"
  else
    export ALSA_CONFIG_PATH="$BENCH_TMP/asoundrc"
  fi
  for i in $(seq 100); do
    if pactl info >/dev/null 2>&1; then
      log "PulseAudio with a null sink at $PULSE_SERVER, pid $pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  log "could not start PulseAudio: $(grep -v '^W:' "$BENCH_TMP/pulse.log" | tail -n1)"
  return 1
}

# start_map_watch timestamps every top-level window mapped on $DISPLAY (xev on the root window's
# substructure): one line "seconds window-id" in $BENCH_TMP/maps. Event driven, unlike
# `xdotool search --sync`, which polls twice a second.
start_map_watch() {
  mkfifo "$BENCH_TMP/xev.fifo"
  : >"$BENCH_TMP/maps"
  stdbuf -oL xev -root -event substructure >"$BENCH_TMP/xev.fifo" 2>/dev/null &
  BENCH_PIDS+=("$!")
  (
    while IFS= read -r line; do
      case $line in
        MapNotify*)
          ts=$EPOCHREALTIME
          IFS= read -r line
          [[ $line =~ window\ (0x[0-9a-fA-F]+),\ override\ NO ]] && printf '%s %s\n' "$ts" "${BASH_REMATCH[1]}"
          ;;
      esac
    done <"$BENCH_TMP/xev.fifo" >>"$BENCH_TMP/maps"
  ) &
  BENCH_PIDS+=("$!")
  sleep 0.3
}

# launch PREFS BINARY ARGS... starts a program with fresh XDG folders (PREFS, if not empty, becomes
# backroll/preferences.json). Sets APP_PID, APP_T0 (just before exec) and APP_DIR.
APP_N=0
launch() {
  local prefs=$1
  shift
  APP_N=$((APP_N + 1))
  APP_DIR="$BENCH_TMP/app$APP_N"
  mkdir -p "$APP_DIR/config/backroll" "$APP_DIR/data" "$APP_DIR/cache" "$APP_DIR/home"
  [ -z "$prefs" ] || printf '%s\n' "$prefs" >"$APP_DIR/config/backroll/preferences.json"
  APP_T0=$EPOCHREALTIME
  XDG_CONFIG_HOME="$APP_DIR/config" XDG_DATA_HOME="$APP_DIR/data" XDG_CACHE_HOME="$APP_DIR/cache" \
    HOME="$APP_DIR/home" "$@" >"$APP_DIR/out.log" 2>&1 &
  APP_PID=$!
  BENCH_PIDS+=("$APP_PID")
}

# wait_mapped TIMEOUT waits for a window of APP_PID to be mapped. Sets APP_WID and APP_STARTUP
# (seconds from exec to the map), or APP_WHY and returns 1. Times are compared in microseconds.
MAPS_SEEN=0
wait_mapped() {
  local t0=${APP_T0/./} deadline lines l ts wid pid status last
  deadline=$((t0 + $1 * 1000000))
  APP_WID="" APP_STARTUP="" APP_WHY=""
  while :; do
    mapfile -t -s "$MAPS_SEEN" lines <"$BENCH_TMP/maps"
    MAPS_SEEN=$((MAPS_SEEN + ${#lines[@]}))
    for l in "${lines[@]}"; do
      ts=${l%% *} wid=${l#* }
      ((${ts/./} >= t0)) || continue
      pid=$(xprop -id "$wid" _NET_WM_PID 2>/dev/null | sed -n 's/.* = //p')
      if [ "$pid" = "$APP_PID" ]; then
        APP_WID=$wid
        APP_STARTUP=$(calc "(${ts/./} - $t0) / 1e6")
        return 0
      fi
    done
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      wait "$APP_PID" 2>/dev/null
      status=$?
      last=$(grep -v 'Fyne error\|Cause:\|At: ' "$APP_DIR/out.log" | tail -n1)
      APP_WHY="it exited with status $status before mapping a window${last:+ ($last)}"
      return 1
    fi
    if ((${EPOCHREALTIME/./} > deadline)); then
      APP_WHY="no window of it was mapped within $1 s"
      return 1
    fi
    sleep 0.1
  done
}

# sleep_until T sleeps until wall-clock time T (seconds).
sleep_until() {
  local d
  d=$(calc "$1 - $(now)")
  [ "$(calc "$d > 0")" = 1 ] && snooze "$d"
  return 0
}

# window_hash WID prints a hash of the window's pixels (empty when it cannot be captured).
window_hash() {
  local h
  h=$(import -window "$1" -silent -depth 8 rgb:- 2>/dev/null | md5sum | cut -d' ' -f1)
  [ "$h" = d41d8cd98f00b204e9800998ecf8427e ] && h=""
  printf '%s\n' "$h"
}

# window_changes WID N GAP prints "yes" if the window's pixels change across N captures GAP
# seconds apart, "no" if they do not, "unknown" if it cannot be captured.
window_changes() {
  local first h i
  first=$(window_hash "$1")
  [ -n "$first" ] || { echo unknown; return; }
  for ((i = 1; i < $2; i++)); do
    sleep "$3"
    h=$(window_hash "$1")
    [ -n "$h" ] || { echo unknown; return; }
    [ "$h" = "$first" ] || { echo yes; return; }
  done
  echo no
}

# stream_state PID prints the state of PID's PulseAudio stream: playing, corked or none.
stream_state() {
  pactl list sink-inputs 2>/dev/null | awk -v pid="$1" '
    /^Sink Input #/ { corked = "" }
    /^[[:space:]]*Corked:/ { corked = $2 }
    $0 ~ "application.process.id = \"" pid "\"" { found = 1; state = (corked == "yes") ? "corked" : "playing" }
    END { print found ? state : "none" }'
}

# ticks PID prints the CPU time (utime + stime, in clock ticks) PID has used.
ticks() {
  local s
  s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  s=${s##*) }
  # shellcheck disable=SC2086
  set -- $s
  echo $((${12} + ${13}))
}

# render_ticks PID prints the CPU time of PID's Mesa llvmpipe threads: software OpenGL rasterising.
render_ticks() {
  local t s sum=0
  for t in /proc/"$1"/task/*; do
    [[ $(cat "$t/comm" 2>/dev/null) == llvmpipe* ]] || continue
    s=$(cat "$t/stat" 2>/dev/null) || continue
    s=${s##*) }
    # shellcheck disable=SC2086
    set -- $s
    sum=$((sum + ${12} + ${13}))
  done
  echo "$sum"
}

# cpu_percent PID SECONDS prints PID's CPU use over the next SECONDS as a percentage of one core.
# It leaves the part spent in llvmpipe threads (the same unit) in RENDER_PERCENT.
cpu_percent() {
  local c1 c2 r1 r2 t1 t2
  t1=$(now)
  c1=$(ticks "$1") || return 1
  r1=$(render_ticks "$1")
  snooze "$2"
  c2=$(ticks "$1") || return 1
  r2=$(render_ticks "$1")
  t2=$(now)
  RENDER_PERCENT=$(calc "100 * ($r2 - $r1) / $CLK_TCK / ($t2 - $t1)")
  calc "100 * ($c2 - $c1) / $CLK_TCK / ($t2 - $t1)"
}

# proc_status PID FIELD prints a field of /proc/PID/status without its unit (VmHWM in kB, Threads).
proc_status() {
  awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null | grep .
}

# stop_app ends APP_PID: SIGTERM, then SIGKILL after 5 s.
stop_app() {
  local i
  kill "$APP_PID" 2>/dev/null || true
  for i in $(seq 50); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
}
