#!/usr/bin/env bash
# The soak (issue 11, item 4): starts the local run from scratch (deploy/run.sh --reset), puts it under steady mixed
# load (requests, approvals, credentials, Config changes, HR events, portal pages), samples every service's heap
# after a full GC all along, stops everything, and exits non-zero when any request failed or a service's heap after
# GC rose, after the warm-up, beyond the threshold (a least-squares line over the judged part; the output says what
# was judged). Errors and latency percentiles are reported per kind of work.
#   bench/soak.sh --short                       30 s warm-up + 90 s judged (CI; about 4 minutes with start and stop)
#   bench/soak.sh --soak-seconds N [--warm-up W] N seconds judged after W seconds of warm-up (default max(20, N/3))
set -euo pipefail
# the whole script is one function, so that bash has read all of it before it runs (an edit mid-run cannot break it)
main() {
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SECONDS_OF_LOAD=600
WARM_UP=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --short) SECONDS_OF_LOAD=90; WARM_UP=(--warm-up 30) ;;
    --soak-seconds) SECONDS_OF_LOAD="$2"; shift ;;
    --warm-up) WARM_UP=(--warm-up "$2"); shift ;;
    *) echo "unknown option $1 (known: --short, --soak-seconds N, --warm-up W)" >&2; exit 2 ;;
  esac
  shift
done
for port in 4566 5432 5672 8080 8081 8082 8083 8180; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "soak: port $port is in use: another local run (deploy/run.sh, smoke.sh or bench/run.sh) is up; stop it first" >&2
    exit 1
  fi
done
OUT="$ROOT/bench/results/soak"
mkdir -p "$OUT"
LOG="$OUT/local-run.log"

# deploy/run.sh builds what is out of date (the bench jar included) before it starts anything
: >"$LOG"
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
  "$OUT/soak.json" "$OUT/soak-notes.json" --seconds "$SECONDS_OF_LOAD" "${WARM_UP[@]}" 2>&1 \
  | grep --line-buffered -v '^SLF4J' || status=1
grep -q '"soak.Soak.servicesWithGrowingHeap" : ".*; passed"' "$OUT/soak-notes.json" 2>/dev/null || status=1

stop
trap - EXIT
grep -q "stopped. Data kept" "$LOG" || { tail -5 "$LOG"; echo "soak: the local run did not stop cleanly" >&2; status=1; }
[[ $status -eq 0 ]] && echo "soak: passed, and the local run stopped cleanly" || echo "soak: FAILED (see above and $OUT)"
exit $status
}
main "$@"
