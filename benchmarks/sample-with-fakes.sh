# Sourced by end-to-end.sh and heap-under-load.sh (from the repository root): starts EndToEndFakes
# and the sample-app jar trusting them, with $SAMPLE_ARGS (and the JVM options $SAMPLE_JAVA_OPTS); sets APP, IDP, FAKES, BENCH_JAR, WORK
# (a temporary folder, removed on exit), SAMPLE (the sample's pid) and FAKES_PID. Ports 18080
# (service), 19000 (local IdP) and 19001 (the fakes).
APP=http://localhost:18080
IDP=http://localhost:19000
FAKES=http://localhost:19001
SAMPLE_JAR=$(ls sample-app/target/sample-app-*.jar | grep -v original | head -1)
BENCH_JAR=benchmarks/target/benchmarks.jar
command -v wrk > /dev/null || { apt-get install -y wrk > /dev/null || { echo "wrk is needed" >&2; exit 1; }; }

WORK=$(mktemp -d)
LOG=$WORK/sample.log
java -cp "$BENCH_JAR" io.github.awsauth.benchmarks.EndToEndFakes 19001 "$WORK" \
  aws-auth-autoconfigure/src/test/resources/iid/metaphor-ap-southeast-2-2026 > "$WORK/fakes.out" 2> "$WORK/fakes.err" &
FAKES_PID=$!
trap 'kill $FAKES_PID 2> /dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do grep -q "^# ready" "$WORK/fakes.out" 2> /dev/null && break; sleep 1; done
grep -q "^# ready" "$WORK/fakes.out" || { echo "the fakes did not start:" >&2; cat "$WORK/fakes.err" >&2; exit 1; }
mapfile -t FAKE_ARGS < <(grep -v '^#' "$WORK/fakes.out")
# shellcheck disable=SC2086
java ${SAMPLE_JAVA_OPTS:-} -jar "$SAMPLE_JAR" --server.port=18080 --sample.local-idp.port=19000 \
  "${FAKE_ARGS[@]}" ${SAMPLE_ARGS:-} > "$LOG" 2>&1 &
SAMPLE=$!
trap 'kill $SAMPLE $FAKES_PID 2> /dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do grep -q "Sample ready" "$LOG" && break; sleep 1; done
grep -q "Sample ready" "$LOG" || { echo "the sample did not start:" >&2; tail -20 "$LOG" >&2; exit 1; }

