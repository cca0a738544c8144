#!/usr/bin/env bash
# The voice's first phrase, cold (espeak-ng speaks, the result is resampled and cached) and cached
# (read back by a new Voice): medians of five, as `name value` lines for make bench.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
out=$($GO test -run '^$' -bench BenchmarkVoicePhrase -benchtime 5x -count 3 ./sound 2>&1) || {
  echo "note: voice figures n/a: $(tail -n1 <<<"$out")"
  exit 0
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
figure() { grep "^BenchmarkVoicePhrase/$1" <<<"$out" | awk '{for (i=2;i<=NF;i++) if ($i=="ms/phrase") print $(i-1)}' | median; }
cold=$(figure cold)
cached=$(figure cached)
if [ -z "$cold" ]; then
  echo "note: voice figures n/a: $(grep -m1 -i 'skip\|no speech' <<<"$out" || echo 'no espeak-ng')"
  exit 0
fi
echo "voice_first_phrase_ms $cold"
echo "voice_cached_ms $cached"
