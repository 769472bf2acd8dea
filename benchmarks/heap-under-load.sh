#!/usr/bin/env bash
# Heap under load: wrk for MINUTES against the sample's /actuator/health with ALB headers, HEADERS
# distinct ones round-robin (more than aws.auth.alb.verified-cache-size, 10,000: the cache stays
# full and keeps evicting), printing the sample's live heap (what a full collection leaves, read
# from the collection's own log line, not afterwards while the load allocates) before the load and
# every minute of it. Issue 10's "memory bounded": the figures must not grow.
#
#   benchmarks/heap-under-load.sh [MINUTES] [HEADERS]     (defaults: 10 50000)
#
# Needs the sample-app and benchmarks jars (./mvnw -q -DskipTests install), wrk and the JDK's jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
HEADERS=${2:-50000}
GC_LOG=$(mktemp)
SAMPLE_JAVA_OPTS="-Xlog:gc:file=$GC_LOG::filecount=0"
# shellcheck source=benchmarks/sample-with-fakes.sh
. benchmarks/sample-with-fakes.sh

curl -sf "$FAKES/credential/alb?count=$HEADERS" | sed 's/^x-amzn-oidc-data: //' > "$WORK/alb-headers.txt"
cat > "$WORK/rotate.lua" << 'LUA'
local headers = {}
for line in io.lines(os.getenv("HEADERS_FILE")) do headers[#headers + 1] = line end
local next = math.random(#headers)
request = function()
  next = next % #headers + 1
  return wrk.format("GET", "/actuator/health", { ["x-amzn-oidc-data"] = headers[next] })
end
LUA

used_mib() { # the sample's live heap: what a full collection left, from its own GC log line
  jcmd "$SAMPLE" GC.run > /dev/null
  grep 'Pause Full' "$GC_LOG" | tail -1 | sed -nE 's/.*->([0-9]+)M\(.*/\1/p'
}
echo "$(grep -c "" "$WORK/alb-headers.txt") distinct ALB headers"
echo "before the load: $(used_mib) MiB used"
HEADERS_FILE=$WORK/alb-headers.txt wrk -t2 -c32 -d"${MINUTES}m" --latency -s "$WORK/rotate.lua" "$APP" > "$WORK/wrk.out" &
WRK=$!
trap 'kill $WRK $SAMPLE $FAKES_PID 2> /dev/null; rm -rf "$WORK" "$GC_LOG"' EXIT
for minute in $(seq 1 "$MINUTES"); do
  sleep 60
  echo "minute $minute: $(used_mib) MiB used"
done
wait $WRK
grep -E "Requests/sec|Non-2xx|requests in|99%" "$WORK/wrk.out"
