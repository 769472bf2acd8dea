#!/usr/bin/env bash
# End to end: wrk against the sample-app jar, each mechanism's genuine credential on the public
# /actuator/health (every mechanism verifies the credential a request carries, whatever the path)
# against the same request without one, alternating, several rounds; prints each round and the
# medians of throughput ratio, p99 latency and the service's CPU time per request (user and system,
# from /proc, so wrk's share of the two cores is left out). Issue 10's measurement.
#
#   benchmarks/end-to-end.sh [ROUNDS] [SECONDS] [MECHANISMS]
#       defaults: 3 rounds of 10 s per scenario, all of
#       "jwt alb iam instance-identity mtls api-key sigv4"
#   SAMPLE_ARGS="--aws.auth.jwt.verified-cache-size=0" benchmarks/end-to-end.sh   (a lever off)
#   SAMPLE_ARGS="--aws.auth.crypto.provider=jdk" benchmarks/end-to-end.sh          (without ACCP)
#   WARMUP=1 benchmarks/end-to-end.sh   passes of every scenario before the rounds (default 2),
#       repeated until WARMUP_SECONDS of traffic have passed (default 150: fewer mechanisms, more passes)
#   PADDED=1 benchmarks/end-to-end.sh   also runs each scenario's request with, instead of its
#       credential, one header of the same size that no mechanism reads: what carrying the bytes
#       costs, the floor of what verifying them can cost
#   FLOOR=1 benchmarks/end-to-end.sh    also runs, for each scenario, the API key (whose verification
#       is one map look-up) padded to that credential's size: an authenticated request with the same
#       bytes, the ceiling any verifier of the mechanism could reach on this machine
#
# alb, iam, instance-identity and mtls need AWS: EndToEndFakes serves the ALB key endpoint and STS
# (checking the signatures it is sent) on loopback and mints their credentials; the identity
# document is a genuine AWS-signed one from the test fixtures.
#
# Needs the sample-app and benchmarks jars (./mvnw -q -DskipTests install) and wrk (installed with
# apt-get when missing). Uses ports 18080 (service), 19000 (local IdP) and 19001 (the fakes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SECONDS_EACH=${2:-10}
MECHANISMS=${3:-jwt alb iam instance-identity mtls api-key sigv4}
WARMUP=${WARMUP:-2}
WARMUP_SECONDS=${WARMUP_SECONDS:-150}
# shellcheck source=benchmarks/sample-with-fakes.sh
. benchmarks/sample-with-fakes.sh
URL=$APP/actuator/health

TOKEN=$(curl -s -u demo-cli:demo-secret -d grant_type=password -d username=alice -d password=alice-password \
  -d scope="orders.read orders.write" $IDP/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
API_KEY=sample-report-key


TICKS_PER_SECOND=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SAMPLE/stat"; } # the service's user + system time

run() { # name header... -> "requests/s p99-ms cpu-us-per-request"
  local name=$1; shift
  local args=()
  for header in "$@"; do [ -n "$header" ] && args+=(-H "$header"); done
  local out before after
  before=$(cpu_ticks)
  out=$(wrk -t2 -c32 -d"${SECONDS_EACH}s" --latency "${args[@]}" "$URL")
  after=$(cpu_ticks)
  local non2xx
  non2xx=$(echo "$out" | sed -nE 's/.*Non-2xx or 3xx responses: ([0-9]+).*/\1/p')
  [ -z "$non2xx" ] || { echo "$name: $non2xx answers were not 2xx: the credential was refused" >&2; exit 1; }
  local rps p99
  rps=$(echo "$out" | sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p')
  p99=$(echo "$out" | awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v = v * 1000 } print v }')
  local requests cpu
  requests=$(echo "$out" | sed -nE 's/^ *([0-9]+) requests in .*/\1/p')
  cpu=$(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$requests" 'BEGIN { printf "%.1f", t * 1000000 / hz / n }')
  echo "$rps $p99 $cpu"
}

# the header lines of a scenario's credential, minted fresh where it expires (SigV4, IAM)
credential() {
  case $1 in
    jwt) CREDENTIAL=("Authorization: Bearer $TOKEN") ;;
    api-key) CREDENTIAL=("X-Api-Key: $API_KEY") ;;
    sigv4) mapfile -t CREDENTIAL < <(java -cp "$BENCH_JAR" io.github.awsauth.benchmarks.SigV4Headers "$URL" \
      AKIDSAMPLEPARTNER sample-partner-secret execute-api eu-west-1) ;;
    *) CREDENTIAL=("$(curl -sf "$FAKES/credential/$1")") ;;
  esac
}

# one header, which no mechanism reads, the size of the credential's header lines less $1 bytes (default 0)
padding() {
  local size=$((-${1:-0})) header
  for header in "${CREDENTIAL[@]}"; do size=$((size + ${#header} + 2)); done
  PADDING="X-Padding: $(head -c $((size - 13 > 1 ? size - 13 : 1)) /dev/zero | tr '\0' a)"
}

# the API key in a request padded to the size of the credential's header lines
floor_headers() {
  local api_key="X-Api-Key: $API_KEY"
  padding $((${#api_key} + 2))
  FLOOR_HEADERS=("$api_key" "$PADDING")
}

# Until the JIT has settled: with -XX:+PrintCompilation, the second pass of every scenario still
# made hundreds of methods not entrant (none 372, sigv4 90), the third a few (4-19). Counted in
# seconds too: two passes of one mechanism (40 s) left the first rounds paying for the compiler
# (the credential-free request at 650 us of CPU instead of 220). The padded and floor scenarios
# are warmed too: unwarmed, the first round of the padded API key cost 30-70 us more than the next.
per_mechanism=1
[ -z "${PADDED:-}" ] || per_mechanism=$((per_mechanism + 1))
[ -z "${FLOOR:-}" ] || per_mechanism=$((per_mechanism + 1))
scenarios=$(($(wc -w <<< "$MECHANISMS") * per_mechanism + 1))
pass_seconds=$((SECONDS_EACH * scenarios))
passes=$(((WARMUP_SECONDS + pass_seconds - 1) / pass_seconds))
[ "$passes" -ge "$WARMUP" ] || passes=$WARMUP
echo "warm-up: $passes passes, $((passes * pass_seconds)) s"
for _ in $(seq 1 "$passes"); do
  run none "" > /dev/null
  for mechanism in $MECHANISMS; do
    credential "$mechanism"
    run "$mechanism" "${CREDENTIAL[@]}" > /dev/null
    if [ -n "${PADDED:-}" ]; then padding; run padded "$PADDING" > /dev/null; fi
    if [ -n "${FLOOR:-}" ]; then floor_headers; run floor "${FLOOR_HEADERS[@]}" > /dev/null; fi
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
declare -A RATIOS P99S BASE_P99S CPUS BASE_CPUS PADDED_RATIOS PADDED_CPUS FLOOR_RATIOS FLOOR_CPUS
for round in $(seq 1 "$ROUNDS"); do
  for mechanism in $MECHANISMS; do
    base=$(run none "")
    credential "$mechanism"
    with=$(run "$mechanism" "${CREDENTIAL[@]}")
    read -r with_rps with_p99 with_cpu <<< "$with"
    read -r base_rps base_p99 base_cpu <<< "$base"
    ratio=$(ratio "$with_rps" "$base_rps")
    echo "round $round $mechanism: $with_rps req/s (p99 $with_p99 ms, $with_cpu us CPU each)" \
      "vs none $base_rps req/s (p99 $base_p99 ms, $base_cpu us CPU each): $ratio"
    RATIOS[$mechanism]="${RATIOS[$mechanism]:-} $ratio"
    P99S[$mechanism]="${P99S[$mechanism]:-} $with_p99"
    BASE_P99S[$mechanism]="${BASE_P99S[$mechanism]:-} $base_p99"
    CPUS[$mechanism]="${CPUS[$mechanism]:-} $with_cpu"
    BASE_CPUS[$mechanism]="${BASE_CPUS[$mechanism]:-} $base_cpu"
    if [ -n "${PADDED:-}" ]; then
      padding
      read -r padded_rps _ padded_cpu <<< "$(run padded "$PADDING")"
      padded_ratio=$(ratio "$padded_rps" "$base_rps")
      echo "round $round $mechanism, same bytes without a credential: $padded_rps req/s ($padded_cpu us CPU each):" \
        "$padded_ratio"
      PADDED_RATIOS[$mechanism]="${PADDED_RATIOS[$mechanism]:-} $padded_ratio"
      PADDED_CPUS[$mechanism]="${PADDED_CPUS[$mechanism]:-} $padded_cpu"
    fi
    if [ -n "${FLOOR:-}" ]; then
      floor_headers
      read -r floor_rps _ floor_cpu <<< "$(run floor "${FLOOR_HEADERS[@]}")"
      floor_ratio=$(ratio "$floor_rps" "$base_rps")
      echo "round $round $mechanism, the API key with the same bytes: $floor_rps req/s ($floor_cpu us CPU each):" \
        "$floor_ratio"
      FLOOR_RATIOS[$mechanism]="${FLOOR_RATIOS[$mechanism]:-} $floor_ratio"
      FLOOR_CPUS[$mechanism]="${FLOOR_CPUS[$mechanism]:-} $floor_cpu"
    fi
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "mechanism          median-ratio  median-p99-ms  median-p99-ms-without  median-cpu-us  median-cpu-us-without${PADDED:+  padded-ratio  padded-cpu-us}${FLOOR:+  floor-ratio  floor-cpu-us}"
for mechanism in $MECHANISMS; do
  extra=""
  [ -z "${PADDED:-}" ] || extra=$(printf "  %-13s %-13s" "$(echo ${PADDED_RATIOS[$mechanism]} | median)" \
    "$(echo ${PADDED_CPUS[$mechanism]} | median)")
  [ -z "${FLOOR:-}" ] || extra="$extra$(printf "  %-12s %s" "$(echo ${FLOOR_RATIOS[$mechanism]} | median)" \
    "$(echo ${FLOOR_CPUS[$mechanism]} | median)")"
  printf "%-18s %-13s %-14s %-22s %-14s %-21s%s\n" "$mechanism" "$(echo ${RATIOS[$mechanism]} | median)" \
    "$(echo ${P99S[$mechanism]} | median)" "$(echo ${BASE_P99S[$mechanism]} | median)" \
    "$(echo ${CPUS[$mechanism]} | median)" "$(echo ${BASE_CPUS[$mechanism]} | median)" "$extra"
done
