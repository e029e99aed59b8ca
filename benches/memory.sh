#!/usr/bin/env bash
# Memory benchmark for `history` and `export`: they stream the log, so their peak
# memory must stay flat as the log grows. Builds the release binary, writes logs of
# SMALL and LARGE check-ins (default 10,000 and 100,000), runs every reading command
# on each, and fails if any command's peak resident memory on the large log is more
# than LIMIT_KB (default 32 MiB) or more than 2 MiB above its peak on the small log.
# Then the same for the large log merged with a copy of itself (every line twice).
#
#   bash benches/memory.sh                 # 10,000 vs 100,000 check-ins
#   SMALL=1000 LARGE=20000 bash benches/memory.sh
#
# Needs GNU time (/usr/bin/time -v). Not part of `cargo test`: it takes a minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."

SMALL=${SMALL:-10000}
LARGE=${LARGE:-100000}
LIMIT_KB=${LIMIT_KB:-32768}
GROWTH_KB=${GROWTH_KB:-2048}

if ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "benches/memory.sh: GNU time is missing; install it (apt-get install time) and run again" >&2
  exit 2
fi

cargo build --release --quiet
bin=target/release/sidecheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One real check-in, with alerts, follow-ups and every answer kind, as the template.
cat >"$work/answers.json" <<'JSON'
{"breathing": true, "seizure": false, "suicidal_thoughts": false,
 "upset_stomach": "mild", "drowsiness": 2, "dizziness": "none", "insomnia": 1,
 "weakness": 0, "confusion": 0, "depression": 1, "pump": false, "dose_change": true,
 "stopped": false, "missed_days": 2, "tremors": "moderate", "withdrawal_insomnia": 0, "irritability": 1,
 "cravings": 0, "angry_outbursts": "never", "hallucinations": false,
 "fever_stiffness": false, "euphoria": "never", "more_than_prescribed": false,
 "tolerance": false, "alcohol_sedatives": true, "notes": "a bit tired"}
JSON
"$bin" check --answers "$work/answers.json" --data-dir "$work/template" 2>/dev/null
# The template with its id and times marked, once; copies then only join strings.
template=$(head -n 1 "$work/template/checkins.jsonl" | sed -E \
  -e 's/"id":"[^"]*"/"id":"~ID~"/' \
  -e 's/"started_at":"[^"]*"/"started_at":"~AT~"/' \
  -e 's/"ended_at":"[^"]*"/"ended_at":"~AT~"/')

# N copies with unique ids, one check-in an hour.
make_log() {
  local n=$1 dir=$2
  mkdir -p "$dir"
  chmod 700 "$dir"
  awk -v n="$n" -v line="$template" 'BEGIN {
    parts = split(line, p, "~")
    for (i = 0; i < n; i++) {
      t = 1735689600 + i * 3600
      at = strftime("%Y-%m-%dT%H:%M:%S.000+00:00", t, 1)
      id = sprintf("%s-%012x", strftime("%Y%m%d-%H%M%S", t, 1), i)
      out = ""
      for (k = 1; k <= parts; k++) {
        if (p[k] == "ID") out = out id
        else if (p[k] == "AT") out = out at
        else out = out p[k]
      }
      print out
    }
  }' >"$dir/checkins.jsonl"
  chmod 600 "$dir/checkins.jsonl"
}

make_log "$SMALL" "$work/small"
make_log "$LARGE" "$work/large"
# Every generated line must be a check-in the program reads, or the figures mean nothing.
for pair in "$SMALL small" "$LARGE large"; do
  set -- $pair
  if ! "$bin" --data-dir "$work/$2" history 2>&1 | head -n 1 | grep -q " $1 check-ins"; then
    echo "benches/memory.sh: the generated $2 log does not read as $1 check-ins" >&2
    exit 1
  fi
done

commands=(
  "history"
  "history --json"
  "export --format json"
  "export --format csv"
  "export --format html"
  "export --format fhir"
)

peak_kb() {
  local dir=$1; shift
  /usr/bin/time -v "$bin" --data-dir "$dir" "$@" 2>"$work/time.txt" >/dev/null
  awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt"
}

seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt"
}

printf '%-30s %14s %14s %12s\n' "command" "${SMALL} (KB)" "${LARGE} (KB)" "time (large)"
failed=0
for c in "${commands[@]}"; do
  # shellcheck disable=SC2086
  small=$(peak_kb "$work/small" $c)
  # shellcheck disable=SC2086
  large=$(peak_kb "$work/large" $c)
  printf '%-30s %14s %14s %12s\n' "$c" "$small" "$large" "$(seconds)"
  if [ "$large" -gt "$LIMIT_KB" ]; then
    echo "  FAIL: $c peaked at $large KB on $LARGE check-ins (limit $LIMIT_KB KB)"
    failed=1
  fi
  if [ "$large" -gt $((small + GROWTH_KB)) ]; then
    echo "  FAIL: $c grew from $small KB to $large KB as the log grew"
    failed=1
  fi
done
# A log merged with a copy of itself (every check-in twice): the repeats are
# counted once, at a few bytes each, so the figures stay within the same limits.
cat "$work/large/checkins.jsonl" >>"$work/large/checkins.jsonl.twice"
cat "$work/large/checkins.jsonl" >>"$work/large/checkins.jsonl.twice"
mkdir -p "$work/merged" && chmod 700 "$work/merged"
mv "$work/large/checkins.jsonl.twice" "$work/merged/checkins.jsonl"
chmod 600 "$work/merged/checkins.jsonl"
"$bin" --data-dir "$work/merged" history >"$work/merged.out" 2>"$work/merged.err"
if ! grep -q "check-ins: $LARGE check-ins (" "$work/merged.out" ||
  ! grep -q "^sidecheck: warning: $LARGE check-ins appear more than once" "$work/merged.err"; then
  echo "benches/memory.sh: the merged log does not read as $LARGE check-ins with one warning" >&2
  exit 1
fi
for c in "history" "export --format fhir"; do
  # shellcheck disable=SC2086
  small=$(peak_kb "$work/small" $c)
  # shellcheck disable=SC2086
  merged=$(peak_kb "$work/merged" $c)
  printf '%-30s %14s %14s %12s\n' "$c, twice" "$small" "$merged" "$(seconds)"
  if [ "$merged" -gt "$LIMIT_KB" ] || [ "$merged" -gt $((small + GROWTH_KB)) ]; then
    echo "  FAIL: $c peaked at $merged KB on $LARGE check-ins each saved twice"
    failed=1
  fi
done
if [ "$failed" != 0 ]; then
  echo "memory benchmark: FAILED"
  exit 1
fi
echo "memory benchmark: flat (every command under $LIMIT_KB KB, growth under $GROWTH_KB KB)"
