#!/usr/bin/env bash
# Runs every benchmark and writes bench/RESULTS.md: JMH microbenchmarks and scaling curves, AssumeRole load on a
# private aws-sandbox, then one local run (deploy/run.sh --reset) for every end-to-end driver and the soak;
# everything it starts is stopped at the end. RESULTS.md says how long each phase took.
#   bench/run.sh                       short mode (under 10 minutes on an idle 2-core machine once built; the
#                                      build runs only when a source or pom changed, as in deploy/run.sh)
#   bench/run.sh --full                longer measurements (more JMH forks and iterations, more rounds per driver)
#   bench/run.sh --soak-seconds N      judged length of the soak (default 60 short after 20 s warm-up, 300 full
#                                      after 60 s)
#   bench/run.sh --reuse-micro         no build, no JMH, no AssumeRole load: keep those figures of the last run in
#                                      bench/results and redo only the local-run part (drivers and soak)
set -euo pipefail
# the whole script is one function, so that bash has read all of it before it runs (an edit mid-run cannot break it)
main() {
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
COMMAND="bench/run.sh${*:+ $*}"
REUSE_MICRO=false
[[ " $* " == *" --reuse-micro "* ]] && REUSE_MICRO=true
if $REUSE_MICRO; then
  [[ -f "$OUT/jmh.json" && -f "$OUT/assume-role.json" ]] || { echo "--reuse-micro needs a previous run's results" >&2; exit 2; }
  rm -f "$OUT"/e2e*.json "$OUT"/soak*.json "$OUT"/*.txt
else
  rm -f "$OUT"/*.json "$OUT"/*.txt
fi
MODE=short
SOAK_SECONDS=60
SOAK_WARM_UP=20
JMH_ARGS=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
LOAD_SECONDS=6
E2E_ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --full) MODE=full; SOAK_SECONDS=300; SOAK_WARM_UP=60; JMH_ARGS=(-f 2 -wi 5 -w 2s -i 5 -r 5s); LOAD_SECONDS=30; E2E_ARGS=(--full) ;;
    --soak-seconds) SOAK_SECONDS="$2"; shift ;;
    --reuse-micro) ;;
    *) echo "unknown option $1 (known: --full, --soak-seconds N)" >&2; exit 2 ;;
  esac
  shift
done
START=$SECONDS
PHASE_START=$SECONDS
PHASES=()
say() { printf '\033[1m[bench]\033[0m %s (%ds)\n' "$*" "$((SECONDS - START))"; }
# where the time goes: each phase's seconds, in run.txt and so in RESULTS.md
phase_done() { PHASES+=("$1 $((SECONDS - PHASE_START)) s"); PHASE_START=$SECONDS; }

for port in 4566 5432 5672 8080 8081 8082 8083 8180; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: another local run (deploy/run.sh or smoke.sh) is up; stop it first" >&2; exit 1
  fi
done

# One build of the whole reactor, as deploy/run.sh would do it, but without compiling tests (the benchmarks need
# none, and a test of another module that does not compile right now must not stop the numbers). deploy/run.sh
# rebuilds only when sources are newer than its stamp; the stamp is renewed just before it starts, so that the
# local run uses exactly this build (in a shared checkout, sources edited meanwhile would otherwise rebuild it).
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
SANDBOX=
STACK=
stop_all() {
  [[ -n "$SANDBOX" ]] && { kill "$SANDBOX" 2>/dev/null || true; wait "$SANDBOX" 2>/dev/null || true; SANDBOX=; }
  if [[ -n "$STACK" ]]; then
    kill -TERM "$STACK" 2>/dev/null || true
    wait "$STACK" 2>/dev/null || true
    STACK=
  fi
}
trap stop_all EXIT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
BUILT=false
if ! $REUSE_MICRO; then
# the same rule as deploy/run.sh: rebuild only when a source or pom changed since the last build
STAMP=deploy/.run/built.stamp
if [[ ! -f "$STAMP" || ! -f bench/target/bench-0.1.0-SNAPSHOT.jar ]] \
   || [[ -n "$(find . -path ./deploy/.run -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$STAMP" -print -quit)" ]]; then
  say "building (first time: several minutes)"
  ./mvnw -q -B -ntp install -Dmaven.test.skip=true >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; exit 1; }
  BUILT=true
else
  say "build is up to date (no source or pom newer than $STAMP)"
fi
mkdir -p deploy/.run && touch "$STAMP"
phase_done build

say "microbenchmarks and scaling curves (JMH)"
java -cp "$CP" org.openjdk.jmh.Main "${JMH_ARGS[@]}" -rf json -rff "$OUT/jmh.json" \
  'io.accessloop.bench.(policy|cloudtrail|scaling).*' >"$OUT/jmh.log" 2>&1 || { tail -30 "$OUT/jmh.log"; exit 1; }
phase_done "JMH (${#JMH_ARGS[@]} options: ${JMH_ARGS[*]})"

say "load: AssumeRole on a private aws-sandbox"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 14566)
java -Xmx1g -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -jar aws-sandbox/target/quarkus-app/quarkus-run.jar \
  >"$OUT/aws-sandbox.log" 2>&1 &
SANDBOX=$!
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; do sleep 0.5; done
java -cp "$CP" io.accessloop.bench.load.AssumeRoleLoad "http://127.0.0.1:$PORT" "$LOAD_SECONDS" 16 "$OUT/assume-role.json"
kill "$SANDBOX"; wait "$SANDBOX" 2>/dev/null || true; SANDBOX=
phase_done "AssumeRole load (sandbox start included)"
fi

# a fresh local run (deploy/run.sh --reset), its output in $1
start_local_run() {
  mkdir -p deploy/.run && touch deploy/.run/built.stamp
  : >"$1"
  deploy/run.sh --reset >"$1" 2>&1 &
  STACK=$!
  until grep -q "Accessloop is running" "$1"; do
    kill -0 "$STACK" 2>/dev/null || { tail -20 "$1"; echo "the local run exited before it was ready" >&2; exit 1; }
    (( SECONDS - START > 3600 )) && { echo "the local run is not ready" >&2; exit 1; }
    sleep 2
  done
}
say "starting the local run (deploy/run.sh --reset)"
start_local_run "$OUT/local-run.log"
say "local run ready"
phase_done "local run start (deploy/run.sh --reset)"

# the expiry storm runs last: a storm the broker cannot finish within its wait leaves commands queued, which would
# load every later measurement
# end_to_end NAME SELECTION…: runs the end-to-end drivers SELECTION picks; results in $OUT/NAME.json, notes, log
end_to_end() {
  local name="$1"; shift
  java -cp "$CP" io.accessloop.bench.e2e.EndToEnd "$OUT/$name.json" "$OUT/$name-notes.json" "${E2E_ARGS[@]}" "$@" \
    2>&1 | grep --line-buffered -v '^SLF4J' | tee "$OUT/$name.log"
}
driver_times() { grep -E '^   [A-Za-z]+ took' "$1" | sed -E 's/^   ([A-Za-z]+) took ([0-9]+) s/\1 \2 s/' | paste -sd, - | sed 's/,/, /g'; }
say "end-to-end drivers"
end_to_end e2e --except ExpiryStorm,DriftIngestion
phase_done "end-to-end drivers ($(driver_times "$OUT/e2e.log"))"

say "soak ($SOAK_WARM_UP s warm-up + $SOAK_SECONDS s judged, mixed load)"
SOAK_STATUS=0
java -cp "$CP" io.accessloop.bench.soak.Soak "$OUT/soak.json" "$OUT/soak-notes.json" --seconds "$SOAK_SECONDS" \
  --warm-up "$SOAK_WARM_UP" 2>&1 | grep --line-buffered -v '^SLF4J' | tee "$OUT/soak.log" || true
grep -q '^soak: passed' "$OUT/soak.log" || SOAK_STATUS=1
phase_done "soak ($SOAK_WARM_UP s warm-up + $SOAK_SECONDS s judged, heap probes included)"

say "expiry storm"
end_to_end e2e-storm --only ExpiryStorm
phase_done "expiry storm ($(driver_times "$OUT/e2e-storm.log"))"

# sustained ingestion on a second, fresh local run: after the storm drift still works through one access event per
# expired grant (100,000), which would load the ingestion and its processing; and the ingestion leaves drift a backlog
# (reported, not waited out) that would load anything after it
say "restarting the local run for drift ingestion (deploy/run.sh --reset)"
stop_all
grep -q "stopped. Data kept" "$OUT/local-run.log" || echo "warning: the local run did not report a clean stop" >&2
start_local_run "$OUT/local-run-ingest.log"
phase_done "local run restart for drift ingestion"
say "drift ingestion (single-event pushes, Firehose deliveries, processing)"
end_to_end e2e-ingest --only DriftIngestion
phase_done "drift ingestion ($(driver_times "$OUT/e2e-ingest.log"))"

say "stopping the local run"
stop_all
phase_done "stopping"
grep -q "stopped. Data kept" "$OUT/local-run-ingest.log" || echo "warning: the local run did not report a clean stop" >&2

cat >"$OUT/run.txt" <<TXT
Mode: $MODE (soak $SOAK_WARM_UP s warm-up + $SOAK_SECONDS s judged); this invocation took $((SECONDS - START)) s$($REUSE_MICRO && echo " (--reuse-micro: JMH and AssumeRole figures are those of the previous full invocation; no build)" || { $BUILT && echo ", build included" || echo ", no build needed"; })
Where the time went: $(printf '%s; ' "${PHASES[@]}" | sed 's/; $//')
Load average (1/5/15 min) before the measurements: $LOAD_BEFORE; at the end: $(cut -d' ' -f1-3 /proc/loadavg) — figures on a shared, busy machine are noisy
TXT
java -cp "$CP" io.accessloop.bench.report.ResultsReport "$ROOT/bench/RESULTS.md" "$COMMAND" \
  "$OUT/run.txt" "$OUT/jmh.json" "$OUT/assume-role.json" "$OUT/e2e.json" "$OUT/e2e-notes.json" \
  "$OUT/e2e-storm.json" "$OUT/e2e-storm-notes.json" "$OUT/e2e-ingest.json" "$OUT/e2e-ingest-notes.json" \
  "$OUT/soak.json" "$OUT/soak-notes.json"
say "wrote bench/RESULTS.md"
exit $SOAK_STATUS
}
main "$@"
