#!/usr/bin/env bash
# make soak: (1) 100 whole routines on a fast fake clock in one process (bench/soak_test.go), with
# goroutines and live heap at the start and end; (2) the real window, breathing with sound, for
# BACKROLL_SOAK_MINUTES (15) under a private Xvfb and PulseAudio null sink, with its RSS and thread
# count at the start and the end. Prints `name value` lines; `n/a` with a note when something could
# not be measured. Part (1) fails if goroutines or the live heap grow.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# shellcheck source=bench/lib.sh
. bench/lib.sh

MINUTES=${BACKROLL_SOAK_MINUTES:-15}
WARM=${BENCH_WARMUP:-3}
TAGS=${BENCH_TAGS:-migrated_fynedo,release,no_emoji}
GO=${GO:-go}
status=0

log "in-process soak: 100 routines on a fake clock"
if ! BACKROLL_SOAK=1 $GO test -count=1 -v -run '^TestSoakRoutines$' ./bench >"$BENCH_TMP/soak-test.log" 2>&1; then
  status=1
  grep -E '^\s+soak_test.go|^(--- )?FAIL|\.go:[0-9]+:' "$BENCH_TMP/soak-test.log" | sed 's/^/note: /'
fi
grep -E '^soak_[a-z_]+ ' "$BENCH_TMP/soak-test.log"

seconds=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')
log "the real window for $MINUTES min"
if ! $GO build -trimpath -tags "$TAGS" -ldflags "-s -w" -o "$BENCH_TMP/backroll" . 2>"$BENCH_TMP/build.log"; then
  echo "note: the window soak did not run: backroll does not build: $(grep -v '^#' "$BENCH_TMP/build.log" | head -n1)"
  for n in rss_start_mib rss_end_mib rss_peak_mib threads_start threads_end cpu_pct; do echo "soak_window_$n n/a"; done
  exit 1
fi
start_xvfb || exit 1
start_pulse || exit 1
start_map_watch

launch '{"version":1,"safety_acknowledged":true,"muted":false}' "$BENCH_TMP/backroll" --start
if ! wait_mapped 30; then
  echo "note: \`backroll --start\` did not open a window ($APP_WHY); soaking a plain \`backroll\` window"
  launch "" "$BENCH_TMP/backroll"
  wait_mapped 30 || {
    echo "note: the window soak did not run: $APP_WHY"
    exit 1
  }
fi
snooze "$WARM"
state=$(window_changes "$APP_WID" 3 0.35)
echo "note: window animating at the start: $state; audio stream: $(stream_state "$APP_PID")"

# sample prints "RSS-in-MiB threads" for the app.
sample() {
  local rss threads
  rss=$(proc_status "$APP_PID" VmRSS) || return 1
  threads=$(proc_status "$APP_PID" Threads) || return 1
  echo "$(round 1 "$(calc "$rss / 1024")") $threads"
}
if ! read -r rss0 threads0 < <(sample); then
  echo "note: backroll exited before the soak began"
  exit 1
fi
t0=$EPOCHREALTIME
c0=$(ticks "$APP_PID")
log "start: RSS $rss0 MiB, $threads0 threads"
end=$((${t0/./} + seconds * 1000000))
alive=1
while ((${EPOCHREALTIME/./} < end)); do
  left=$(((end - ${EPOCHREALTIME/./} + 999999) / 1000000)) # whole seconds, rounded up
  snooze $((left < 60 ? left : 60))
  if ! read -r rss threads < <(sample); then alive=0; break; fi
  log "RSS $rss MiB, $threads threads"
done

echo "soak_window_minutes $MINUTES"
echo "soak_window_rss_start_mib $rss0"
echo "soak_window_threads_start $threads0"
if [ "$alive" = 1 ]; then
  c1=$(ticks "$APP_PID")
  hwm=$(proc_status "$APP_PID" VmHWM)
  echo "soak_window_rss_end_mib $rss"
  echo "soak_window_rss_peak_mib $(round 1 "$(calc "$hwm / 1024")")"
  echo "soak_window_threads_end $threads"
  echo "soak_window_cpu_pct $(round 1 "$(calc "100 * ($c1 - $c0) / $CLK_TCK / ($EPOCHREALTIME - $t0)")")"
  echo "note: window animating at the end: $(window_changes "$APP_WID" 3 0.35); audio stream: $(stream_state "$APP_PID")"
else
  wait "$APP_PID" 2>/dev/null
  echo "note: backroll exited during the soak (status $?): $(tail -n1 "$APP_DIR/out.log")"
  for n in rss_end_mib rss_peak_mib threads_end cpu_pct; do echo "soak_window_$n n/a"; done
  status=1
fi
stop_app
exit "$status"
