#!/usr/bin/env bash
# The soak (issue 11, item 4): starts the local run from scratch (deploy/run.sh --reset), puts it under steady mixed
# load (requests, approvals, credentials, Config changes, HR events, portal pages), reports heap after GC per
# service at start/middle/end with its slope, errors and latency percentiles, stops everything, and exits non-zero
# when any request failed or a service's heap after GC grew beyond the threshold.
#   bench/soak.sh --short              about 75 s of load (CI)
#   bench/soak.sh --soak-seconds N     N seconds of load (after a warm-up of max(10, N/5) s)
set -euo pipefail
# the whole script is one function, so that bash has read all of it before it runs (an edit mid-run cannot break it)
main() {
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_OF_LOAD=600
while [[ $# -gt 0 ]]; do
  case "$1" in
    --short) SECONDS_OF_LOAD=75 ;;
    --soak-seconds) SECONDS_OF_LOAD="$2"; shift ;;
    *) echo "unknown option $1 (known: --short, --soak-seconds N)" >&2; exit 2 ;;
  esac
  shift
done
OUT="$ROOT/bench/results/soak"
mkdir -p "$OUT"
LOG="$OUT/local-run.log"

# deploy/run.sh builds what is out of date (the bench jar included) before it starts anything
deploy/run.sh --reset >"$LOG" 2>&1 &
STACK=$!
stop() { kill -TERM "$STACK" 2>/dev/null || true; wait "$STACK" 2>/dev/null || true; }
trap stop EXIT
start=$SECONDS
until grep -q "Accessloop is running" "$LOG"; do
  kill -0 "$STACK" 2>/dev/null || { tail -20 "$LOG"; echo "soak: the local run exited before it was ready" >&2; exit 1; }
  (( SECONDS - start > 1500 )) && { tail -20 "$LOG"; echo "soak: the local run is not ready after 25 minutes" >&2; exit 1; }
  sleep 2
done
echo "soak: local run ready after $((SECONDS - start))s"

status=0
java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.accessloop.bench.soak.Soak \
  "$OUT/soak.json" "$OUT/soak-notes.json" --seconds "$SECONDS_OF_LOAD" 2>&1 | grep -v '^SLF4J' || status=1
grep -q '"soak.Soak.worstHeapGrowth" : ".*; passed"' "$OUT/soak-notes.json" 2>/dev/null || status=1

stop
trap - EXIT
grep -q "stopped. Data kept" "$LOG" || { tail -5 "$LOG"; echo "soak: the local run did not stop cleanly" >&2; status=1; }
[[ $status -eq 0 ]] && echo "soak: passed" || echo "soak: FAILED (see above and $OUT)"
exit $status
}
main "$@"
