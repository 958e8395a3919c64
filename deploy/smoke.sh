#!/usr/bin/env bash
# Smoke test of the local run: start it from scratch, do one request → approval → credentials round as the demo
# users would, then stop everything. (A background job ignores SIGINT, so the smoke test sends SIGTERM, which
# run.sh handles exactly like Ctrl-C.)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LOG="$ROOT/deploy/.run/smoke.log"
mkdir -p "$ROOT/deploy/.run"

"$ROOT/deploy/run.sh" --reset >"$LOG" 2>&1 &
RUN_PID=$!
cleanup() { kill -TERM "$RUN_PID" 2>/dev/null || true; wait "$RUN_PID" 2>/dev/null || true; }
trap cleanup EXIT

start=$SECONDS
until grep -q "Accessloop is running" "$LOG"; do
  kill -0 "$RUN_PID" 2>/dev/null || { cat "$LOG"; echo "smoke: the local run exited before it was ready"; exit 1; }
  (( SECONDS - start > 1500 )) && { cat "$LOG"; echo "smoke: not ready after 25 minutes"; exit 1; }
  sleep 5
done
echo "smoke: local run ready after $((SECONDS - start))s"

token() { # user password
  curl -fsS http://localhost:8180/realms/accessloop/protocol/openid-connect/token \
    -d grant_type=password -d client_id=accessloop-cli -d scope=openid -d "username=$1" -d "password=$2" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
field() { # json name → first string or number value of that field
  sed -E "s/.*\"$2\":\"?([^\",}]*)\"?.*/\1/" <<<"$1"
}

ALICE=$(token alice alice-demo)
BOB=$(token bob bob-demo)

# 1. an automatically approved request gives a grant with working credentials
REQUEST=$(curl -fsS -X POST http://localhost:8081/api/v1/requests -H "Authorization: Bearer $ALICE" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: smoke-$RANDOM" \
  -d '{"entitlement":"reports-read","reason":"Smoke test of the local run","durationSeconds":3600}')
GRANT=$(field "$REQUEST" grantId)
[[ "$GRANT" == grt_* ]] || { echo "smoke: no grant in $REQUEST"; exit 1; }
CREDS=$(curl -fsS -X POST "http://localhost:8081/api/v1/grants/$GRANT/credentials" -H "Authorization: Bearer $ALICE")
[[ "$(field "$CREDS" AccessKeyId)" == ASIA* ]] || { echo "smoke: no temporary credentials in the answer"; exit 1; }
echo "smoke: request → grant $GRANT → credentials issued"

# 2. a request needing approval is approved by another person
PENDING=$(curl -fsS -X POST http://localhost:8081/api/v1/requests -H "Authorization: Bearer $ALICE" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: smoke-$RANDOM" \
  -d '{"entitlement":"prod-db-admin","reason":"Smoke test: fix INC-1234","durationSeconds":1800,"ticket":"INC-1234"}')
[[ "$(field "$PENDING" status)" == PENDING ]] || { echo "smoke: expected a pending request, got $PENDING"; exit 1; }
APPROVED=$(curl -fsS -X POST "http://localhost:8081/api/v1/requests/$(field "$PENDING" id)/approve" \
  -H "Authorization: Bearer $BOB" -H 'Content-Type: application/json' -d '{"comment":"ok"}')
[[ "$(field "$APPROVED" status)" == APPROVED ]] || { echo "smoke: approval failed: $APPROVED"; exit 1; }
echo "smoke: approval by another person → $(field "$APPROVED" grantId)"

# 3. the portal answers and sends people to the identity provider
code=$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/access)
[[ "$code" == 302 ]] || { echo "smoke: portal answered $code instead of redirecting to sign-in"; exit 1; }

cleanup
trap - EXIT
grep -q "stopped. Data kept" "$LOG" || { tail -20 "$LOG"; echo "smoke: the local run did not stop cleanly"; exit 1; }
if pgrep -f 'quarkus-run.jar|LocalInfrastructure|keycloak' >/dev/null; then
  echo "smoke: processes of the local run are still alive after it stopped"; exit 1
fi
echo "smoke: passed"
