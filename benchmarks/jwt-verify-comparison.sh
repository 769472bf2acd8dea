#!/usr/bin/env bash
# AWS's own aws-jwt-verify (Node) against the starter's bearer path on one token stream: TOKENS
# Cognito-shaped access tokens (RS256), each used USES times round-robin, as clients reuse their
# tokens; ROUNDS rounds each after as many to warm up, every round with a new verifier and decoder;
# prints both medians and the ratio aws-jwt-verify / starter (above 1: the starter is faster).
# Issue 10's measurement; USES=1 compares tokens never seen.
#
#   benchmarks/jwt-verify-comparison.sh [TOKENS] [USES] [ROUNDS]     (defaults: 1000 100 5)
#   PROVIDER=jdk benchmarks/jwt-verify-comparison.sh                 (the starter without ACCP)
#
# Needs the benchmarks jar (./mvnw -q -DskipTests install), Node.js and npm (aws-jwt-verify is
# installed from the npm registry into benchmarks/jwt-verify-node on the first run).
set -euo pipefail
cd "$(dirname "$0")/.."
TOKENS=${1:-1000}
USES=${2:-100}
ROUNDS=${3:-5}
BENCH_JAR=benchmarks/target/benchmarks.jar
NODE_DIR=benchmarks/jwt-verify-node
[ -d "$NODE_DIR/node_modules/aws-jwt-verify" ] || (cd "$NODE_DIR" && npm ci --no-audit --no-fund > /dev/null)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

java -cp "$BENCH_JAR" io.github.awsauth.benchmarks.JwtTokenStream generate "$WORK" "$TOKENS"
echo "aws-jwt-verify:"
node "$NODE_DIR/verify.mjs" "$WORK" "$USES" "$ROUNDS" | tee "$WORK/node.out"
echo "starter:"
java -cp "$BENCH_JAR" io.github.awsauth.benchmarks.JwtTokenStream verify "$WORK" "$USES" "$ROUNDS" "${PROVIDER:-auto}" \
  2> /dev/null | tee "$WORK/java.out"
node_ms=$(sed -nE 's/^median: ([0-9.]+) ms.*/\1/p' "$WORK/node.out")
java_ms=$(sed -nE 's/^median: ([0-9.]+) ms.*/\1/p' "$WORK/java.out")
echo
awk -v n="$node_ms" -v j="$java_ms" 'BEGIN { printf "aws-jwt-verify / starter: %.2f (%.1f ms / %.1f ms)\n", n / j, n, j }'
