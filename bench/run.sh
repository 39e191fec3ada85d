#!/usr/bin/env bash
#
# bench/run.sh: the whole-system benchmark in one command (bench/README.md).
#
# Builds the jars, then for each store backend asked for (memory, h2) starts the whole system exactly as
# deploy/run-local.sh does (a real Kafka broker, the MongoDB-protocol store, the mail server, the four services) in
# a fresh data directory, waits until every service is ready, and runs bench/target/gandan-bench.jar against it: a
# fixed arrival rate, then maximum throughput, every petition followed to routed, notified and counted in
# reporting; the store commands and Kafka records of each service counted; the raw ceilings of the same store and
# broker; the bulk import. Then it stops the system and writes one Markdown report with every backend's section.

set -euo pipefail

usage() {
  cat <<'EOT'
Usage: bench/run.sh [--short] [--backend memory|h2|both] [--no-build] [--out FILE] [--help]

  --short      a quick run for CI (one backend, h2 unless --backend says otherwise; about 4 minutes):
               asserts no timings, but fails (exit 3) if an accepted petition was never routed; report in
               bench/target/pipeline-<date>-short.md unless --out says otherwise
  --backend B  the store's backend: memory, h2 (the local default) or both [both; h2 with --short]
  --no-build   use the jars already in deploy/target and bench/target
  --out FILE   where to write the report (default docs/benchmarks/pipeline-<date>.md)

Environment (defaults in brackets; --short ones after the semicolon):
  BENCH_RATE            fixed-rate phase, petitions per second [100; 20]
  BENCH_WORKERS         max-throughput phase, closed-loop workers [16; 8]
  BENCH_DURATION        measured seconds per phase [60; 15]
  BENCH_WARMUP          warm-up seconds per phase, not counted [20; 5]
  BENCH_PRIME           seconds of flat-out load (8 workers) before the first phase, not counted, so that the
                        fresh JVMs compile their hot code first [150; 15]
  BENCH_SETTLE          after a phase, the longest wait for its petitions to get through; before one, for
                        every consumer group to catch up [120; 30]
  BENCH_CONNECTIONS     fixed rate: most requests in flight [64]
  BENCH_SAMPLE_EVERY    follow every n-th petition to reporting's timeline [20; 10]
  BENCH_STORE_CEILING   seconds per raw store measurement (insert/replace × 1/4 threads) [5; 2]
  BENCH_KAFKA_RECORDS   records for ProducerPerformance [300000; 50000]
  BENCH_BACKFILL        petitions of the bulk import [1000000; 1000]
  BENCH_BACKFILL_TIME   stop sending the bulk import after this long [15m; 60s]; the report then gives the
                        measured rate and what the full count would take, marked as extrapolated
  BENCH_BACKFILL_DRAIN  then the longest wait for them to be routed and reported [10m; 120s]
  BENCH_BACKFILL_WORKERS concurrent batch callers [2]
  BENCH_JFR             1: record the four services and the store with JFR (profile settings) and add their
                        hottest frames to the report [0]
  BENCH_MEMORY_STORE_OPTS  JVM options of the store on the memory backend [-Xmx12g]; it holds every
                        document in its heap (about 2.3 KB each)
  BENCH_SERVICE_JAVA_OPTS  JVM options of the four services [none: the JVM's defaults, C2 and G1]
  BENCH_DRIVER_JAVA_OPTS   JVM options of the driver [-Xms1g -Xmx1g -XX:+UseParallelGC]
  BENCH_DATA_DIR        the system's data and logs, emptied first [bench/target/run-data]
  MVN                   the Maven command for the build [./mvnw]
EOT
}

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
repo_root=$(cd -- "$script_dir/.." && pwd -P)
cd "$repo_root"

short=0 build=1 out="" backend=""
while (($#)); do
  case "$1" in
    --short) short=1 ;;
    --no-build) build=0 ;;
    --backend) [[ $# -ge 2 ]] || { echo "bench: --backend needs memory, h2 or both" >&2; exit 2; }; backend=$2; shift ;;
    --out) [[ $# -ge 2 ]] || { echo "bench: --out needs a file" >&2; exit 2; }; out=$2; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case ${backend:-default} in
  memory) backends=(memory) ;;
  h2) backends=(h2) ;;
  both) backends=(memory h2) ;;
  default) if ((short)); then backends=(h2); else backends=(memory h2); fi ;;
  *) echo "bench: --backend must be memory, h2 or both" >&2; exit 2 ;;
esac

if ((short)); then
  rate=${BENCH_RATE:-20} workers=${BENCH_WORKERS:-8} duration=${BENCH_DURATION:-15} warmup=${BENCH_WARMUP:-5}
  prime=${BENCH_PRIME:-15} settle=${BENCH_SETTLE:-30} sample=${BENCH_SAMPLE_EVERY:-10}
  store_ceiling=${BENCH_STORE_CEILING:-2} kafka_records=${BENCH_KAFKA_RECORDS:-50000}
  backfill=${BENCH_BACKFILL:-1000} backfill_time=${BENCH_BACKFILL_TIME:-60s} backfill_drain=${BENCH_BACKFILL_DRAIN:-120s}
else
  rate=${BENCH_RATE:-100} workers=${BENCH_WORKERS:-16} duration=${BENCH_DURATION:-60} warmup=${BENCH_WARMUP:-20}
  prime=${BENCH_PRIME:-150} settle=${BENCH_SETTLE:-120} sample=${BENCH_SAMPLE_EVERY:-20}
  store_ceiling=${BENCH_STORE_CEILING:-5} kafka_records=${BENCH_KAFKA_RECORDS:-300000}
  backfill=${BENCH_BACKFILL:-1000000} backfill_time=${BENCH_BACKFILL_TIME:-15m} backfill_drain=${BENCH_BACKFILL_DRAIN:-10m}
fi
backfill_workers=${BENCH_BACKFILL_WORKERS:-2}
connections=${BENCH_CONNECTIONS:-64}
jfr=${BENCH_JFR:-0}
today=$(date +%F)
if [[ -z $out ]]; then
  if ((short)); then out="bench/target/pipeline-$today-short.md"; else out="docs/benchmarks/pipeline-$today.md"; fi
fi
data_dir=${BENCH_DATA_DIR:-bench/target/run-data}
[[ $data_dir == /* ]] || data_dir="$repo_root/$data_dir"
service_java_opts=${BENCH_SERVICE_JAVA_OPTS-}
memory_store_opts=${BENCH_MEMORY_STORE_OPTS:--Xmx12g}
read -r -a driver_java_opts <<<"${BENCH_DRIVER_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
start_timeout=${GANDAN_START_TIMEOUT:-420}
service_ports=(8081 8082 8083 8084)

say() { printf '[bench %s] %s\n' "$(date +%T)" "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

for port in 8081 8082 8083 8084 9092 9093 27017 3025 8025; do
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
}
trap stop_system EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Each JFR recording's execution samples three ways, by share of samples: the top of the stack; the innermost frame
# of our own code (vn.gandan, or mongo-java-server in the store), which names what our code spends the CPU on,
# library calls included; and the thread, which names the pool (HTTP, Kafka listener, outbox relay).
jfr_section() { # dir
  local file name samples own
  for file in "$1"/*.jfr; do
    [[ -f $file ]] || continue
    name=$(basename "$file" .jfr)
    own='vn\.gandan\.'
    [[ $name == store ]] && own='de\.bwaldvogel\.|vn\.gandan\.localstore\.'
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$file" >"$file.txt" || continue
    samples=$(grep -c 'jdk.ExecutionSample' "$file.txt" || true)
    ((samples > 0)) || continue
    printf '\n**%s**, %s execution samples. Top of stack:\n\n' "$name" "$samples"
    awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print }' "$file.txt" |
      jfr_shares "$samples" 12
    printf '\nInnermost own frame (`%s`):\n\n' "${own//\\/}"
    awk -v own="$own" '
      /stackTrace = \[/ { inside = 1; found = 0; next }
      inside && /^[ \t]*\]/ { if (!found) print "(none of ours)"; inside = 0; next }
      inside && !found && $0 ~ own { sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print; found = 1 }' "$file.txt" |
      jfr_shares "$samples" 15
    printf '\nBy thread (digits dropped, so a pool is one line):\n\n'
    awk -F'"' '/sampledThread = / { name = $2; gsub(/[0-9]+/, "N", name); print name }' "$file.txt" |
      jfr_shares "$samples" 8
    rm -f "$file.txt"
  done
}

jfr_shares() { # total lines: stdin lines → the most frequent, as "- n% `line`"
  sort | uniq -c | sort -rn | head -n "$2" |
    awk -v total="$1" '{ n = $1; $1 = ""; printf "- %.1f%% `%s`\n", 100 * n / total, substr($0, 2) }' || true
}

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- 2>/dev/null || commit="$commit (with uncommitted changes)"
command="bash bench/run.sh"
((short)) && command+=" --short"
[[ -n $backend ]] && command+=" --backend $backend"
sections=()
status=0
run_started=$SECONDS

for store in "${backends[@]}"; do
  rm -rf "$data_dir"
  mkdir -p "$data_dir"
  local_log="$data_dir/run-local.out"
  # Limits that would otherwise be what is measured, raised for the run: the demo portal's 1000 requests/s, the
  # e-mail channel's 20 messages/s (its rate limiter) and 20 messages a day per office (daily-cap; beyond it the
  # responder's mail waits for the next morning).
  java_opts="$service_java_opts -Dgandan.limits.portal-requests=1000000"
  java_opts+=" -Dgandan.notification.channels.email.resilience.rate-limiter.permits-per-period=100000"
  java_opts+=" -Dgandan.notification.daily-cap=100000000"
  store_opts="-Xmx384m -XX:+UseSerialGC"
  [[ $store == memory ]] && store_opts=$memory_store_opts
  if ((jfr)); then
    mkdir -p "$data_dir/jfr"
    java_opts+=" -XX:StartFlightRecording=settings=profile,filename=$data_dir/jfr/"
    store_opts+=" -XX:StartFlightRecording=settings=profile,filename=$data_dir/jfr/store.jfr"
  fi
  say "[$store] starting the system: deploy/run-local.sh --no-build (store backend $store, options ${store_opts})"
  GANDAN_DATA_DIR="$data_dir" GANDAN_JAVA_OPTS="$java_opts" GANDAN_START_TIMEOUT="$start_timeout" \
    GANDAN_STORE_BACKEND="$store" GANDAN_STORE_JAVA_OPTS="$store_opts" \
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
  say "[$store] all four services ready in $((SECONDS - started)) s"

  watch=()
  for name in kafka store intake-service routing-service notification-service reporting-service; do
    pid_file="$data_dir/run/$name.pid"
    [[ -f $pid_file ]] && watch+=(--watch "$name=$(<"$pid_file")")
  done
  section="$repo_root/bench/target/pipeline-$store.md"
  others=$(top -bn1 | sed -n '8,12p' | awk '{printf "%s %s%%; ", $12, $9}')
  say "[$store] driving: ${prime} s priming, fixed rate $rate/s, $workers workers (${warmup} s + ${duration} s each), ceilings, back-fill of $backfill"
  rc=0
  java "${driver_java_opts[@]}" -jar bench/target/gandan-bench.jar \
    --url http://127.0.0.1:8081 --api-key demo-portal-key --province 40 \
    --kafka 127.0.0.1:9092 --mongo mongodb://127.0.0.1:27017 --backend "$store" \
    --prime "${prime}s" --phase "fixed-rate:$rate:${duration}s:${warmup}s" \
    --phase "max-throughput:$workers:${duration}s:${warmup}s" --connections "$connections" \
    --settle "${settle}s" --sample-every "$sample" --store-ceiling "${store_ceiling}s" \
    --kafka-records "$kafka_records" --libs bench/target/lib \
    --backfill "$backfill" --backfill-time "$backfill_time" --backfill-drain "$backfill_drain" \
    --backfill-workers "$backfill_workers" --mail-api http://127.0.0.1:8025 --out "$section" "${watch[@]}" \
    --note "System: \`deploy/run-local.sh\` in a fresh data directory, \`GANDAN_STORE_BACKEND=$store\` (store JVM \`$store_opts\`); Kafka (KRaft, one node), the four services (profile \`local\`, \`-Xmx384m\`), GreenMail; all on this machine, as is the driver" \
    --note "Service JVM options: \`${java_opts# }\` (limits raised so that they are not what is measured: the demo portal's 1000 requests/s, the e-mail channel's 20/s and the 20 a day per office)" \
    --note "Before the phases: ${prime} s of flat-out load (8 workers), not counted (JIT compilation); driver \`java ${driver_java_opts[*]}\`, java.net.http.HttpClient over HTTP/1.1" \
    --note "Busiest processes when the driver started: ${others}" || rc=$?
  ((rc == 0)) || { say "[$store] the driver exited with $rc"; status=$rc; }
  stop_system
  if [[ -f $section ]]; then
    if [[ $store == h2 ]]; then
      store_size=$(du -sh "$data_dir/store" 2>/dev/null | cut -f1 || true)
      [[ -n $store_size ]] && printf -- '- Store after the run: %s on disk (H2 files)\n\n' "$store_size" >>"$section"
    fi
    if ((jfr)); then
      for entry in "${watch[@]}"; do
        [[ $entry == --watch ]] && continue
        for f in "$data_dir"/jfr/hotspot-pid-"${entry#*=}"-*.jfr; do
          if [[ -f $f ]]; then mv "$f" "$data_dir/jfr/${entry%%=*}.jfr"; fi
        done
      done
      { printf '### JFR: hottest frames\n'; jfr_section "$data_dir/jfr"; echo; } >>"$section"
      rm -rf "$repo_root/bench/target/jfr-$store" # else cp puts this run's beside the last one's, one level down
      cp -r "$data_dir/jfr" "$repo_root/bench/target/jfr-$store"
    fi
    sections+=("$section")
  fi
  mkdir -p "$repo_root/bench/target/logs-$store"
  cp "$data_dir"/logs/*.log "$repo_root/bench/target/logs-$store/" 2>/dev/null || true
done

mkdir -p "$(dirname "$out")"
{
  printf '# The whole pipeline, %s\n\n' "$today"
  printf 'Command: `%s` at commit %s; %d min in all. Machine: %s cores, %s, %s, %s.\n\n' "$command" "$commit" \
    $(((SECONDS - run_started) / 60)) "$(nproc)" "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" "$(uname -sr)"
  printf 'Petitions: %s\n\n' "the driver's realistic mix (bench/README.md, \"The petitions\")."
  for section in "${sections[@]}"; do cat "$section"; done
} >"$out"
say "report: $out"
exit "$status"
