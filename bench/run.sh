#!/usr/bin/env bash
# Runs the benchmarks in short mode (under 10 minutes on 2 cores) and writes bench/RESULTS.md.
#   bench/run.sh            short mode
#   bench/run.sh --full     longer warm-up and measurement for steadier figures
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
JMH_ARGS=(-f 1 -wi 2 -w 1s -i 3 -r 2s)
LOAD_SECONDS=10
if [[ "${1:-}" == "--full" ]]; then JMH_ARGS=(-f 2 -wi 5 -w 2s -i 5 -r 5s); LOAD_SECONDS=30; fi

./mvnw -q -B -ntp -pl bench,aws-sandbox -am install -DskipTests
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"

echo "== microbenchmarks (JMH)"
java -cp "$CP" org.openjdk.jmh.Main "${JMH_ARGS[@]}" -rf json -rff "$OUT/jmh.json" 'io.accessloop.bench.(policy|cloudtrail).*'

echo "== load: AssumeRole on the aws-sandbox"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 14566)
java -Xmx1g -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -jar aws-sandbox/target/quarkus-app/quarkus-run.jar \
  >"$OUT/aws-sandbox.log" 2>&1 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; do sleep 0.5; done
java -cp "$CP" io.accessloop.bench.load.AssumeRoleLoad "http://127.0.0.1:$PORT" "$LOAD_SECONDS" 16 "$OUT/assume-role.json"

java -cp "$CP" io.accessloop.bench.report.ResultsReport "$ROOT/bench/RESULTS.md" "bench/run.sh${*:+ $*}" \
  "$OUT/jmh.json" "$OUT/assume-role.json"
echo "wrote bench/RESULTS.md"
