#!/usr/bin/env bash
#
# bench/run.sh: the intake submission benchmark in one command (bench/README.md).
#
# Builds the jars, starts the whole system exactly as deploy/run-local.sh does (a real Kafka broker, the
# embedded MongoDB-protocol store on its H2 file backend, the four services) in a fresh data directory,
# waits until every service is ready, drives POST /api/v1/petitions with bench/target/gandan-bench.jar at a
# fixed rate and then at maximum throughput, writes the Markdown report and stops the system.

set -euo pipefail

usage() {
  cat <<'EOT'
Usage: bench/run.sh [--short] [--no-build] [--out FILE] [--help]

  --short      a quick run (20 s priming, 10 s warm-up + 15 s per phase, about 2 minutes in all), report in
               bench/target/ unless --out says otherwise; for CI: asserts no timings
  --no-build   use the jars already in deploy/target and bench/target
  --out FILE   where to write the report (default docs/benchmarks/intake-submit-<date>.md, or
               bench/target/intake-submit-<date>-short.md with --short)

Environment (defaults in brackets):
  BENCH_RATE            fixed-rate phase, petitions per second [50: about three fifths of what 2 cores
                        take flat out; at 100/s they fall behind and the report says so]
  BENCH_WORKERS         max-throughput phase, closed-loop workers [16]
  BENCH_DURATION        measured seconds per phase [60; 15 with --short]
  BENCH_WARMUP          warm-up seconds per phase, not counted [20; 10 with --short]
  BENCH_PRIME           seconds of flat-out load (8 workers) before the first phase, not counted, so
                        that the fresh JVMs compile their hot code first [150; 20 with --short];
                        with 60 the C2 compilers were still busy during the first phase
  BENCH_CONNECTIONS     fixed rate: most requests in flight [64]
  BENCH_PORTAL_LIMIT    the demo portal's rate limit for this run, requests/s [1000000]; the local
                        profile's 1000/s would otherwise cap the max-throughput phase on a fast machine
  BENCH_SERVICE_JAVA_OPTS  JVM options of the four services [none: the JVM's defaults, C2 and G1;
                        run-local.sh's own default trades peak speed for a fast start]
  BENCH_DRIVER_JAVA_OPTS   JVM options of the driver [-Xms512m -Xmx512m -XX:+UseSerialGC]
  BENCH_DATA_DIR        the system's data and logs, emptied first [bench/target/run-data]
  MVN                   the Maven command for the build [./mvnw]
EOT
}

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
repo_root=$(cd -- "$script_dir/.." && pwd -P)
cd "$repo_root"

short=0 build=1 out=""
while (($#)); do
  case "$1" in
    --short) short=1 ;;
    --no-build) build=0 ;;
    --out) [[ $# -ge 2 ]] || { echo "bench: --out needs a file" >&2; exit 2; }; out=$2; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

rate=${BENCH_RATE:-50}
workers=${BENCH_WORKERS:-16}
connections=${BENCH_CONNECTIONS:-64}
portal_limit=${BENCH_PORTAL_LIMIT:-1000000}
if ((short)); then
  duration=${BENCH_DURATION:-15} warmup=${BENCH_WARMUP:-10} prime=${BENCH_PRIME:-20}
else
  duration=${BENCH_DURATION:-60} warmup=${BENCH_WARMUP:-20} prime=${BENCH_PRIME:-150}
fi
today=$(date +%F)
if [[ -z $out ]]; then
  if ((short)); then out="bench/target/intake-submit-$today-short.md"; else out="docs/benchmarks/intake-submit-$today.md"; fi
fi
data_dir=${BENCH_DATA_DIR:-bench/target/run-data}
[[ $data_dir == /* ]] || data_dir="$repo_root/$data_dir"
service_java_opts=${BENCH_SERVICE_JAVA_OPTS-}
read -r -a driver_java_opts <<<"${BENCH_DRIVER_JAVA_OPTS:--Xms512m -Xmx512m -XX:+UseSerialGC}"
start_timeout=${GANDAN_START_TIMEOUT:-240}
service_ports=(8081 8082 8083 8084)

say() { printf '[bench %s] %s\n' "$(date +%T)" "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

for port in 8081 8082 8083 8084 9092 9093 27017; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is taken: is the local system (deploy/run-local.sh) already running? Stop it first."
  fi
done

if ((build)); then
  say "building: ${MVN:-./mvnw} -q -DskipTests package -pl deploy,bench -am"
  # shellcheck disable=SC2086 # MVN may carry options, e.g. MVN="mvn -o"
  ${MVN:-./mvnw} -q -DskipTests -Dspotless.check.skip=true package -pl deploy,bench -am
fi
[[ -f bench/target/gandan-bench.jar ]] || fail "bench/target/gandan-bench.jar is missing: run without --no-build"

# --- the system, as deploy/run-local.sh runs it -----------------------------------------------------------

rm -rf "$data_dir"
mkdir -p "$data_dir"
local_log="$data_dir/run-local.out"
local_pid=""

stop_system() {
  [[ -n $local_pid ]] || return 0
  if kill -0 "$local_pid" 2>/dev/null; then
    say "stopping the system (SIGTERM to run-local.sh, pid $local_pid)"
    kill -TERM "$local_pid" 2>/dev/null || true
    for _ in $(seq 1 180); do
      kill -0 "$local_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$local_pid" 2>/dev/null; then
      say "run-local.sh did not stop within 90 s: killing it"
      kill -KILL "$local_pid" 2>/dev/null || true
    fi
  fi
  wait "$local_pid" 2>/dev/null || true
  local_pid=""
  say "system stopped; its logs are in ${data_dir#"$repo_root"/}/logs"
}
trap stop_system EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

java_opts="$service_java_opts -Dgandan.limits.portal-requests=$portal_limit"
say "starting the system: deploy/run-local.sh --no-build (data ${data_dir#"$repo_root"/}, service JVM options: ${java_opts# })"
GANDAN_DATA_DIR="$data_dir" GANDAN_JAVA_OPTS="$java_opts" GANDAN_START_TIMEOUT="$start_timeout" \
  deploy/run-local.sh --no-build >"$local_log" 2>&1 &
local_pid=$!

started=$SECONDS
for port in "${service_ports[@]}"; do
  until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    if ! kill -0 "$local_pid" 2>/dev/null; then
      tail -n 40 "$local_log" >&2
      local_pid=""
      fail "deploy/run-local.sh stopped before the services were ready (above; logs in $data_dir/logs)"
    fi
    ((SECONDS - started < start_timeout)) || { tail -n 40 "$local_log" >&2; fail "not ready within $start_timeout s"; }
    sleep 1
  done
done
say "all four services ready in $((SECONDS - started)) s"

watch=()
for name in kafka store intake-service routing-service notification-service reporting-service; do
  pid_file="$data_dir/run/$name.pid"
  [[ -f $pid_file ]] && watch+=(--watch "$name=$(<"$pid_file")")
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- 2>/dev/null || commit="$commit (with uncommitted changes)"
command="bash bench/run.sh"
((short)) && command+=" --short"
phases=(--phase "fixed-rate:$rate:${duration}s:${warmup}s" --phase "max-throughput:$workers:${duration}s:${warmup}s")

say "driving POST /api/v1/petitions: ${prime} s priming, then fixed rate $rate/s, then $workers workers; ${warmup} s warm-up + ${duration} s each"
java "${driver_java_opts[@]}" -jar bench/target/gandan-bench.jar \
  --url http://127.0.0.1:8081 --api-key demo-portal-key --province 40 \
  --prime "${prime}s" "${phases[@]}" --connections "$connections" --out "$out" "${watch[@]}" \
  --note "Command: \`$command\` at commit $commit" \
  --note "System: \`deploy/run-local.sh\` in a fresh data directory: Kafka (KRaft, one node), the MongoDB-protocol store (mongo-java-server on its H2 file backend, \`LocalMongo\`), the four services (profile \`local\`, \`-Xmx384m\`); all on this machine, as is the driver" \
  --note "Service JVM options: \`${java_opts# }\` (the demo portal's limit of 1000 requests/s raised for the run)" \
  --note "Before the phases: ${prime} s of flat-out load (8 workers), not counted, so that most of the services' JIT compilation is done before measuring" \
  --note "Driver: \`java ${driver_java_opts[*]}\`, java.net.http.HttpClient over HTTP/1.1, keep-alive; fixed rate with up to $connections connections"

stop_system
store_size=$(du -sh "$data_dir/store" 2>/dev/null | cut -f1 || true)
[[ -n $store_size ]] && printf -- '- Store after the run: %s on disk (H2 files under the data directory)\n' "$store_size" >>"$out"
say "report: $out"
