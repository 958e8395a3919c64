#!/usr/bin/env bash
# The local run: the whole of Accessloop on this machine against the aws-sandbox account.
# Needs only a JDK 17 and access to Maven Central. Ctrl-C stops everything it started.
#   deploy/run.sh            start (keeps data from the last run)
#   deploy/run.sh --reset    start from empty databases
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="$ROOT/deploy/.run"
LOGS="$RUN/logs"
KEYCLOAK_VERSION=26.7.3
PIDS=()

say()  { printf '\033[1m[accessloop]\033[0m %s\n' "$*"; }
fail() { printf '\033[31m[accessloop] %s\033[0m\n' "$*" >&2; exit 1; }

stop_all() {
  trap - INT TERM EXIT
  [[ ${#PIDS[@]} -eq 0 ]] && return
  say "stopping ${#PIDS[@]} processes…"
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  say "stopped. Data kept in $RUN/data (deploy/run.sh --reset starts clean)."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

wait_http() { # name url seconds
  local name=$1 url=$2 limit=$3 start=$SECONDS
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    (( SECONDS - start > limit )) && fail "$name not ready after ${limit}s, see $LOGS"
    sleep 1
  done
  say "$name ready ($((SECONDS - start))s)"
}

[[ "${1:-}" == "--reset" ]] && { say "reset: removing $RUN/data"; rm -rf "$RUN/data"; }
mkdir -p "$LOGS" "$RUN/data"
cd "$ROOT"

# Rebuild only when a source or pom changed since the last successful build, so later starts take seconds.
STAMP="$RUN/built.stamp"
if [[ ! -f "$STAMP" ]] || [[ -n "$(find . -path ./deploy/.run -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$STAMP" -print -quit)" ]]; then
  say "1/6 building (first time: several minutes of downloads)…"
  ./mvnw -q -B -ntp install -DskipTests >"$LOGS/build.log" 2>&1 || fail "build failed, see $LOGS/build.log"
  touch "$STAMP"
else
  say "1/6 build is up to date"
fi

say "2/6 PostgreSQL and the AMQP broker…"
java -cp "deploy/tooling/target/deploy-tooling-0.1.0-SNAPSHOT.jar:deploy/tooling/target/lib/*" \
  io.accessloop.deploy.LocalInfrastructure --data "$RUN/data" >"$LOGS/infrastructure.log" 2>&1 &
PIDS+=($!)
start=$SECONDS
until grep -q '^READY' "$LOGS/infrastructure.log"; do
  kill -0 "${PIDS[-1]}" 2>/dev/null || fail "infrastructure exited, see $LOGS/infrastructure.log"
  (( SECONDS - start > 120 )) && fail "infrastructure not ready, see $LOGS/infrastructure.log"
  sleep 1
done
say "$(grep '^READY' "$LOGS/infrastructure.log")"

say "3/6 Keycloak $KEYCLOAK_VERSION with the demo realm…"
KC="$RUN/keycloak-$KEYCLOAK_VERSION"
if [[ ! -x "$KC/bin/kc.sh" ]]; then
  ./mvnw -q -B -ntp dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
    -DoutputDirectory="$RUN" >"$LOGS/keycloak-download.log" 2>&1 || fail "Keycloak download failed, see $LOGS/keycloak-download.log"
  tar -xzf "$RUN/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$RUN"
  mv "$RUN/keycloak-$KEYCLOAK_VERSION" "$KC" 2>/dev/null || true
  rm -f "$RUN/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
fi
# Keycloak imports a realm only into an empty database: when the demo realm file changed (or on --reset), start its
# database afresh so new clients, people and settings are there. It holds demo logins only.
REALM_SUM=$(sha256sum deploy/keycloak/accessloop-realm.json | cut -d' ' -f1)
if [[ "${1:-}" == "--reset" || "$(cat "$KC/data/realm.sha256" 2>/dev/null)" != "$REALM_SUM" ]]; then
  rm -rf "$KC/data/h2"
fi
mkdir -p "$KC/data/import"
cp deploy/keycloak/accessloop-realm.json "$KC/data/import/"
echo "$REALM_SUM" >"$KC/data/realm.sha256"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
  "$KC/bin/kc.sh" start-dev --http-port=8180 --import-realm --health-enabled=true >"$LOGS/keycloak.log" 2>&1 &
PIDS+=($!)

say "4/6 aws-sandbox with the demo account…"
java -Xmx512m -Dquarkus.http.port=4566 -jar aws-sandbox/target/quarkus-app/quarkus-run.jar >"$LOGS/aws-sandbox.log" 2>&1 &
PIDS+=($!)
wait_http aws-sandbox http://localhost:4566/q/health/ready 90
curl -fsS -X POST http://localhost:4566/_sandbox/seed/demo -H 'Content-Type: application/json' -d '{}' >/dev/null \
  || fail "seeding the demo scenario failed, see $LOGS/aws-sandbox.log"
wait_http keycloak http://localhost:9000/health/ready 240

say "5/6 services…"
# drift and lifecycle use the sandbox's bootstrap key; the broker uses the demo account's own accessloop-broker
# user, which is what the entitlement roles trust
export ACCESSLOOP_AWS_ENDPOINT_OVERRIDE=http://localhost:4566 ACCESSLOOP_AWS_ACCESS_KEY_ID=test ACCESSLOOP_AWS_SECRET_ACCESS_KEY=test
export QUARKUS_STS_ENDPOINT_OVERRIDE=http://localhost:4566 QUARKUS_STS_AWS_CREDENTIALS_TYPE=static
export QUARKUS_STS_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID=AKIAACCESSLOOPBROKER
export QUARKUS_STS_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY=accessloop-demo-broker-secret-key-0000000
INGEST_KEY=local-demo-ingest-key
HR_SECRET=local-demo-hr-webhook-secret
# the portal's OIDC client secret is the demo realm's; its CSRF signing key is made once per data directory
export PORTAL_OIDC_CLIENT_SECRET=local-demo-portal-secret-change-me-0123456789
[[ -f "$RUN/data/csrf.key" ]] || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$RUN/data/csrf.key"
export PORTAL_CSRF_SIGNATURE_KEY="$(cat "$RUN/data/csrf.key")"
# JVM options of the four services. Default: a heap of at least 256 MiB (left to itself G1 shrinks a quiet service's
# heap to about 75 MiB and collects its young generation every few seconds under load) and room for the classes
# Quarkus loads while it warms up (so that loading them triggers no collections). ACCESSLOOP_SERVICE_JVM_OPTIONS
# replaces the default; set it empty for the JVM's own choices.
SERVICE_JVM_OPTIONS=${ACCESSLOOP_SERVICE_JVM_OPTIONS--Xms256m -XX:MetaspaceSize=128m}
start_service() { # name port [java -D options…]
  local name=$1 port=$2; shift 2
  local jar="$name/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || fail "$jar is missing, see $LOGS/build.log"
  # shellcheck disable=SC2086 # the options are words
  java -Xmx384m $SERVICE_JVM_OPTIONS "$@" -jar "$jar" >"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
}
start_service broker-service 8081 \
  -Daccessloop.aws.access-key-id=AKIAACCESSLOOPBROKER \
  -Daccessloop.aws.secret-access-key=accessloop-demo-broker-secret-key-0000000 \
  -Daccessloop.broker.catalog-dir="$ROOT/deploy/catalog" \
  -Daccessloop.broker.console.federation-endpoint=http://localhost:4566/federation
start_service drift-service 8082 \
  -Daccessloop.drift.ingest.api-keys="$INGEST_KEY" \
  -Daccessloop.drift.ownership.accessloop-actors='arn:aws:iam::*:user/accessloop-broker,arn:aws:iam::*:role/accessloop-*,arn:aws:sts::*:assumed-role/accessloop-*' \
  -Daccessloop.drift.ownership.managed-principals='arn:aws:iam::*:role/accessloop/*'
start_service lifecycle-service 8083 -Daccessloop.lifecycle.hr.sources.demo.secret="$HR_SECRET"
start_service portal 8080
for svc in broker-service:8081 drift-service:8082 lifecycle-service:8083 portal:8080; do
  wait_http "${svc%%:*}" "http://localhost:${svc##*:}/q/health/ready" 180
done
# the sandbox pushes every IAM configuration change to drift, as EventBridge would
curl -fsS -X POST http://localhost:4566/_sandbox/config/targets -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://localhost:8082/ingest/aws/events\",\"headerName\":\"x-accessloop-api-key\",\"headerValue\":\"$INGEST_KEY\"}" >/dev/null

say "6/6 Accessloop is running."
cat <<TXT

  Portal          http://localhost:8080
  broker-service  http://localhost:8081/q/openapi     drift-service  http://localhost:8082/q/openapi
  lifecycle       http://localhost:8083/q/openapi     aws-sandbox    http://localhost:4566 (key test / secret test)
  Keycloak        http://localhost:8180 (admin / admin)   Logs: $LOGS

  Logins (user / password):
    alice / alice-demo   employee (payments)
    bob   / bob-demo     employee + approver (payments, db-owners)
    carol / carol-demo   security engineer
    dave  / dave-demo    auditor
    erin  / erin-demo    employee + admin
    frank / frank-demo   admin
  HR webhook: POST http://localhost:8083/hr/events, source "demo", secret "$HR_SECRET"

  A three-step tour:
    1. As alice, open Request access, ask for an entitlement with a reason; as bob, approve it in Approvals.
    2. As alice, open My access: take console sign-in or the credential_process set-up, then hand the grant back.
    3. As carol, open Drift: the demo account's admin wildcard policy, unused role permissions and stale users.

  Ctrl-C stops everything.
TXT
wait -n "${PIDS[@]}" || true
say "a process exited unexpectedly; see $LOGS"
