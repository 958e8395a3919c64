#!/usr/bin/env bash
# Runs the benchmarks in short mode (a few minutes on 2 cores) and writes bench/RESULTS.md.
#   bench/run.sh            short mode
#   bench/run.sh --full     longer warm-up and measurement for steadier figures
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
JMH_ARGS=(-f 1 -wi 2 -w 1s -i 3 -r 2s)
[[ "${1:-}" == "--full" ]] && JMH_ARGS=(-f 2 -wi 5 -w 2s -i 5 -r 5s)

./mvnw -q -B -ntp -pl bench -am install -DskipTests
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
java -cp "$CP" org.openjdk.jmh.Main "${JMH_ARGS[@]}" -rf json -rff "$OUT/jmh.json" 'io.accessloop.bench.*'
java -cp "$CP" io.accessloop.bench.report.ResultsReport "$OUT/jmh.json" "$ROOT/bench/RESULTS.md" "bench/run.sh $*"
echo "wrote bench/RESULTS.md"
