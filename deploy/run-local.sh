#!/usr/bin/env bash
#
# deploy/run-local.sh: runs all of gandan on this machine with one command.
#
#   a real Kafka broker (KRaft, one node)       127.0.0.1:9092 (controller 9093)
#   a MongoDB-protocol store (mongo-java-server
#     persisting to H2, vn.gandan.deploy.local.LocalMongo)   127.0.0.1:27017
#   a real SMTP server (GreenMail standalone)   127.0.0.1:3025, its API and mail reader 127.0.0.1:8025
#   intake-service 8081, routing-service 8082, notification-service 8083, reporting-service 8084
#
# Runs in the foreground; Ctrl-C stops everything (services, then the mail server, the store, then
# Kafka). Data stays in the data directory across runs (mail does not: GreenMail keeps it in memory).
# See --help.

set -euo pipefail

usage() {
  cat <<'EOF'
Usage: deploy/run-local.sh [--no-build] [--help]

Builds gandan (./mvnw package, tests skipped), starts a local Kafka broker, a local
MongoDB-protocol store, a local SMTP server and the four services, waits until they are ready and
prints how to use them. Runs in the foreground: Ctrl-C (or SIGTERM) stops everything; data is kept
for the next run.

Options:
  --no-build   skip the Maven build and use what is in deploy/target
  --help       show this text

Environment:
  GANDAN_DATA_DIR          data and logs (default .gandan, relative to the repository root);
                           kept across runs, delete it for a fresh start
  KAFKA_BOOTSTRAP_SERVERS  use this Kafka instead of starting one (e.g. host:9092)
  MONGODB_URI              use this MongoDB instead of starting the local store
  SPRING_MAIL_HOST         use this SMTP server (with SPRING_MAIL_PORT, default 25) instead of
                           starting the local one; notification-service sends its e-mail there
  GANDAN_ONLY_INFRA=1      start only Kafka, the store and the mail server (no services), e.g. to
                           run a service from the IDE with --spring.profiles.active=local
  GANDAN_START_TIMEOUT     seconds to wait for the services to be ready (default 150)
  GANDAN_STORE_BACKEND     the local store's backend: h2 (default; kept in the data directory) or
                           memory (lost at exit; the benchmark compares the two)
  GANDAN_STORE_JAVA_OPTS   JVM options of the local store (default "-Xmx384m -XX:+UseSerialGC")
  GANDAN_JAVA_OPTS         extra JVM options for the four services (default
                           "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" for a fast start; set it to
                           "" for the JVM's defaults, e.g. before measuring throughput)
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
                           send the services' spans over OTLP/HTTP to this collector, e.g.
                           http://127.0.0.1:4318/v1/traces (Jaeger, Tempo, an OpenTelemetry
                           Collector); unset, no span leaves the services (trace ids still go
                           into their log lines and Kafka headers)
  MANAGEMENT_TRACING_SAMPLING_PROBABILITY
                           share of traces kept, 0.0 to 1.0 (default 1.0: every petition)
  GANDAN_PROVINCE          the province tag on every metric (default all)

Metrics: http://127.0.0.1:808{1,2,3,4}/actuator/prometheus, tagged service and province.

Logs: <data dir>/logs/{kafka,store,mail,<service>}.log (the previous run's as *.log.1).
EOF
}

# --- where we are --------------------------------------------------------------------------------

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
repo_root=$(cd -- "$script_dir/.." && pwd -P)
cd "$repo_root"

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run-local: unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

data_dir=${GANDAN_DATA_DIR:-.gandan}
[[ $data_dir == /* ]] || data_dir="$repo_root/$data_dir"
log_dir="$data_dir/logs"
only_infra=${GANDAN_ONLY_INFRA:-0}
[[ $only_infra == 1 || $only_infra == true ]] && only_infra=1 || only_infra=0
start_timeout=${GANDAN_START_TIMEOUT:-150}
# C1 only and the serial collector: the four services start in about 22 s instead of 35 s on two
# cores, at some cost in peak throughput. GANDAN_JAVA_OPTS="" gives the JVM's defaults.
read -r -a service_java_opts <<<"${GANDAN_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

deploy_dir="$repo_root/deploy"
lib_dir="$deploy_dir/target/lib"
classes_dir="$deploy_dir/target/classes"
services_dir="$deploy_dir/target/services"
mail_jar="$deploy_dir/target/mail/greenmail-standalone.jar"
log4j2_config="$deploy_dir/local/log4j2.xml"

kafka_port=9092
kafka_controller_port=9093
store_port=27017
mail_port=3025
mail_api_port=8025
services=(intake-service routing-service notification-service reporting-service)
service_ports=(8081 8082 8083 8084)

start_kafka=1
[[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]] && start_kafka=0
kafka_bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$kafka_port}
start_store=1
[[ -n ${MONGODB_URI:-} ]] && start_store=0
mongodb_uri=${MONGODB_URI:-mongodb://127.0.0.1:$store_port}
start_mail=1
[[ -n ${SPRING_MAIL_HOST:-} ]] && start_mail=0
mail_host=${SPRING_MAIL_HOST:-127.0.0.1}
((start_mail)) && mail_smtp_port=$mail_port || mail_smtp_port=${SPRING_MAIL_PORT:-25}

# --- output --------------------------------------------------------------------------------------

now_us() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME/[.,]/}
    echo "$t"
  else
    echo $((SECONDS * 1000000))
  fi
}
t0=$(now_us)

# elapsed "since" -> e.g. "3.4 s"
elapsed() {
  local us=$(($(now_us) - $1))
  printf '%d.%d s' $((us / 1000000)) $((us % 1000000 / 100000))
}

if [[ -t 1 ]]; then
  c_dim=$'\e[2m' c_ok=$'\e[32m' c_err=$'\e[31m' c_bold=$'\e[1m' c_off=$'\e[0m'
else
  c_dim='' c_ok='' c_err='' c_bold='' c_off=''
fi

say() { # component message
  local us=$(($(now_us) - t0))
  printf '%s[%4d.%d s]%s %-21s %s\n' "$c_dim" $((us / 1000000)) $((us % 1000000 / 100000)) "$c_off" "$1" "$2"
}
fail_msg() { printf '%srun-local: %s%s\n' "$c_err" "$*" "$c_off" >&2; }
rel() { echo "${1#"$repo_root"/}"; } # a path as shown to the user

# --- processes we started ------------------------------------------------------------------------

proc_names=()
proc_pids=()
proc_logs=()

alive() { # pid; a zombie counts as dead
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $stat != Z* ]]
}

show_log_tail() { # name log
  printf '%s--- last 40 lines of %s (%s) ---%s\n' "$c_bold" "$1" "$(rel "$2")" "$c_off" >&2
  tail -n 40 "$2" >&2 || true
  printf '%s--- end of %s ---%s\n' "$c_bold" "$(rel "$2")" "$c_off" >&2
}

died() { # index; reports a process that exited on its own, then exits non-zero
  local name=${proc_names[$1]} pid=${proc_pids[$1]} log=${proc_logs[$1]} rc=0
  wait "$pid" 2>/dev/null || rc=$?
  fail_msg "$name (pid $pid) exited with code $rc"
  show_log_tail "$name" "$log"
  exit 1
}

force_stop=0

stop_procs() { # timeout-seconds index...; SIGTERM to all, waits for them, then SIGKILL
  local timeout=$1 i pid deadline
  shift
  for i in "$@"; do pid=${proc_pids[$i]}; alive "$pid" && kill -TERM "$pid" 2>/dev/null; done
  deadline=$(($(now_us) + timeout * 1000000))
  for i in "$@"; do
    pid=${proc_pids[$i]}
    while alive "$pid" && ((force_stop == 0 && $(now_us) < deadline)); do sleep 0.2; done
    if alive "$pid"; then
      ((force_stop)) || fail_msg "${proc_names[$i]} (pid $pid) did not stop within $timeout s: killing it"
      kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
  done
}

cleanup() {
  local rc=$? i service_procs=() stop_started
  # Best effort from here on: a failing command (e.g. a sleep cut short by a second Ctrl-C) must not
  # end the clean-up half-way.
  set +e
  trap - EXIT
  trap 'force_stop=1; echo; say "stop" "second interrupt: killing what is left"' INT TERM
  ((${#proc_pids[@]})) || exit "$rc"
  stop_started=$(now_us)
  echo
  say "stop" "stopping (Ctrl-C again to kill at once)"
  # Reverse order of start: the services first (together), then the mail server, the store, Kafka.
  for ((i = ${#proc_pids[@]} - 1; i >= 0; i--)); do
    case ${proc_names[$i]} in kafka | store | mail) ;; *) service_procs+=("$i") ;; esac
  done
  if ((${#service_procs[@]})); then
    stop_procs 30 "${service_procs[@]}"
    say "stop" "services stopped"
  fi
  for ((i = ${#proc_pids[@]} - 1; i >= 0; i--)); do
    case ${proc_names[$i]} in
      mail) stop_procs 10 "$i"; say "stop" "mail server stopped" ;;
      store) stop_procs 20 "$i"; say "stop" "store stopped" ;;
      kafka) stop_procs 60 "$i"; say "stop" "kafka stopped" ;;
    esac
  done
  rm -f "$data_dir"/run/*.pid 2>/dev/null || true
  say "stop" "all stopped in $(elapsed "$stop_started"); data kept in $(rel "$data_dir")"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

launch() { # name log command...; starts a process in the background and records it
  local name=$1 log=$2
  shift 2
  "$@" >>"$log" 2>&1 </dev/null &
  local pid=$!
  proc_names+=("$name")
  proc_pids+=("$pid")
  proc_logs+=("$log")
  mkdir -p "$data_dir/run"
  echo "$pid" >"$data_dir/run/$name.pid"
}

index_of() { # name -> index in proc_*
  local i
  for i in "${!proc_names[@]}"; do [[ ${proc_names[$i]} == "$1" ]] && { echo "$i"; return; }; done
  return 1
}

# --- checks --------------------------------------------------------------------------------------

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() {
  local taken=0 port what owner i
  local -a ports=() whats=()
  if ((start_kafka)); then
    ports+=("$kafka_port" "$kafka_controller_port"); whats+=("Kafka" "the Kafka controller")
  fi
  if ((start_store)); then ports+=("$store_port"); whats+=("the MongoDB-protocol store"); fi
  if ((start_mail)); then
    ports+=("$mail_port" "$mail_api_port"); whats+=("the SMTP server" "the mail server's API")
  fi
  if ((!only_infra)); then
    for i in "${!services[@]}"; do ports+=("${service_ports[$i]}"); whats+=("${services[$i]}"); done
  fi
  for i in "${!ports[@]}"; do
    port=${ports[$i]} what=${whats[$i]}
    if port_taken "$port"; then
      owner=""
      if command -v ss >/dev/null 2>&1; then
        owner=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(([^)]*))' | head -n 1 || true)
      fi
      fail_msg "port $port (for $what) is already in use${owner:+ by $owner}"
      taken=1
    fi
  done
  if ((taken)); then
    fail_msg "stop what holds these ports (an earlier run still going?) and try again"
    exit 1
  fi
}

need_file() { # path hint
  if ! compgen -G "$1" >/dev/null; then
    fail_msg "missing $(rel "$1") ($2)"
    exit 1
  fi
}

rotate_log() { # log
  [[ -f $1 ]] && mv -f "$1" "$1.1"
  : >"$1"
}

# --- build ---------------------------------------------------------------------------------------

command -v java >/dev/null || { fail_msg "java not found: install a JDK 17+"; exit 1; }
command -v curl >/dev/null || { fail_msg "curl not found"; exit 1; }

printf '%sgandan local run%s  data: %s\n' "$c_bold" "$c_off" "$(rel "$data_dir")"
check_ports

if ((build)); then
  say "build" "./mvnw -q -DskipTests package ..."
  build_started=$(now_us)
  ./mvnw -q -DskipTests -Dspotless.check.skip=true package
  say "build" "done in $(elapsed "$build_started")"
fi

hint="build with deploy/run-local.sh (without --no-build) or ./mvnw -DskipTests package"
need_file "$lib_dir/kafka_2.13-*.jar" "$hint"
need_file "$classes_dir/vn/gandan/deploy/local/LocalMongo.class" "$hint"
((start_mail)) && need_file "$mail_jar" "$hint"
if ((!only_infra)); then
  for name in "${services[@]}"; do need_file "$services_dir/$name.jar" "$hint"; done
fi

mkdir -p "$log_dir"

# --- Kafka ---------------------------------------------------------------------------------------

# Every JVM here exits on its first OutOfMemoryError: one that went on would be half-broken (the H2 store closed
# itself so, and answered every command with an error), where a process that is gone is reported below.
exit_on_oom=-XX:+ExitOnOutOfMemoryError
# Kafka and the store log through log4j2 to standard output, which goes to their log files.
infra_opts=("$exit_on_oom" -Djava.awt.headless=true "-Dlog4j2.configurationFile=$log4j2_config")
kafka_tool=(java "${infra_opts[@]}" -cp "$lib_dir/*" kafka.tools.StorageTool)

if ((start_kafka)); then
  kafka_dir="$data_dir/kafka"
  kafka_log="$log_dir/kafka.log"
  mkdir -p "$kafka_dir"
  rotate_log "$kafka_log"
  # The template, plus where the data goes; regenerated each run so that edits to the template apply.
  {
    cat "$deploy_dir/local/kafka-server.properties"
    echo
    echo "# Added by run-local.sh"
    echo "log.dirs=$kafka_dir/data"
  } >"$kafka_dir/server.properties"
  if [[ ! -s $kafka_dir/cluster.id ]]; then
    "${kafka_tool[@]}" random-uuid 2>>"$kafka_log" | tail -n 1 >"$kafka_dir/cluster.id.tmp"
    grep -Eq '^[A-Za-z0-9_-]{22}$' "$kafka_dir/cluster.id.tmp" || {
      fail_msg "could not generate a Kafka cluster id"; show_log_tail kafka "$kafka_log"; exit 1
    }
    mv "$kafka_dir/cluster.id.tmp" "$kafka_dir/cluster.id"
  fi
  if [[ ! -f $kafka_dir/data/meta.properties ]]; then
    say "kafka" "formatting storage (first run) ..."
    "${kafka_tool[@]}" format --ignore-formatted \
      -t "$(cat "$kafka_dir/cluster.id")" -c "$kafka_dir/server.properties" >>"$kafka_log" 2>&1 || {
      fail_msg "formatting the Kafka storage failed"; show_log_tail kafka "$kafka_log"; exit 1
    }
  fi
  say "kafka" "starting on $kafka_bootstrap  (log: $(rel "$kafka_log"))"
  kafka_started=$(now_us)
  launch kafka "$kafka_log" java -Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    "${infra_opts[@]}" -cp "$lib_dir/*" kafka.Kafka "$kafka_dir/server.properties"
else
  say "kafka" "using $kafka_bootstrap (KAFKA_BOOTSTRAP_SERVERS)"
fi

# --- the store -----------------------------------------------------------------------------------

if ((start_store)); then
  store_log="$log_dir/store.log"
  rotate_log "$store_log"
  say "store" "starting on $mongodb_uri  (log: $(rel "$store_log"))"
  store_started=$(now_us)
  # GANDAN_STORE_BACKEND / GANDAN_STORE_JAVA_OPTS: added for bench/ (memory vs H2, a bigger heap for memory).
  read -r -a store_java_opts <<<"${GANDAN_STORE_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}"
  case ${GANDAN_STORE_BACKEND:-h2} in
    h2) store_target="$data_dir/store/gandan.mv" ;;
    memory) store_target=memory ;;
    *) fail_msg "GANDAN_STORE_BACKEND must be h2 or memory, not ${GANDAN_STORE_BACKEND}"; exit 2 ;;
  esac
  launch store "$store_log" java "${store_java_opts[@]}" "${infra_opts[@]}" \
    -cp "$classes_dir:$lib_dir/*" vn.gandan.deploy.local.LocalMongo "$store_target" "$store_port"
else
  say "store" "using $mongodb_uri (MONGODB_URI)"
fi

# --- the mail server ----------------------------------------------------------------------------

# GreenMail standalone: SMTP without authentication (every recipient gets a mailbox on first mail),
# and its HTTP API, which lists a mailbox's messages. Both on loopback only. Mail lives in memory.
if ((start_mail)); then
  mail_log="$log_dir/mail.log"
  rotate_log "$mail_log"
  say "mail" "starting SMTP on $mail_host:$mail_port, API on :$mail_api_port  (log: $(rel "$mail_log"))"
  mail_started=$(now_us)
  launch mail "$mail_log" java -Xmx128m -XX:+UseSerialGC "$exit_on_oom" -Djava.awt.headless=true \
    -Dgreenmail.smtp.hostname=127.0.0.1 "-Dgreenmail.smtp.port=$mail_port" \
    -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$mail_api_port" \
    -Dgreenmail.auth.disabled -jar "$mail_jar"
else
  say "mail" "using $mail_host:$mail_smtp_port (SPRING_MAIL_HOST)"
fi

# Waits until a line matching the pattern appears in the log of a process we started.
await_log_line() { # name pattern timeout-seconds started
  local name=$1 pattern=$2 timeout=$3 started=$4 i
  i=$(index_of "$name")
  while ! grep -q -- "$pattern" "${proc_logs[$i]}"; do
    alive "${proc_pids[$i]}" || died "$i"
    if (($(now_us) - started > timeout * 1000000)); then
      fail_msg "$name not ready within $timeout s"
      show_log_tail "$name" "${proc_logs[$i]}"
      exit 1
    fi
    sleep 0.2
  done
  say "$name" "${c_ok}ready${c_off} in $(elapsed "$started")"
}

((start_store)) && await_log_line store "LocalMongo listening on" 60 "$store_started"
((start_kafka)) && await_log_line kafka "Kafka Server started" 90 "$kafka_started"
# GreenMail logs this once its SMTP server is up (it starts the API last).
((start_mail)) && await_log_line mail "Starting GreenMail API server at" 30 "$mail_started"

# --- the services --------------------------------------------------------------------------------

# Prints the state of a service: "up", or why not yet (a status code, "down", "no answer").
# /actuator/health/readiness needs management.endpoint.health.probes.enabled=true outside
# Kubernetes; if it answers 404 the overall /actuator/health is used instead (with a warning).
probe() { # port
  local base="http://127.0.0.1:$1/actuator/health" out code body
  out=$(curl -s --max-time 2 -w $'\n%{http_code}' "$base/readiness" 2>/dev/null) || true
  code=${out##*$'\n'} body=${out%$'\n'*}
  if [[ $code == 404 ]]; then
    out=$(curl -s --max-time 2 -w $'\n%{http_code}' "$base" 2>/dev/null) || true
    code=${out##*$'\n'} body=${out%$'\n'*}
    [[ $code == 200 && $body == *'"status":"UP"'* ]] && { echo "up-no-readiness"; return; }
  fi
  if [[ $code == 200 && $body == *'"status":"UP"'* ]]; then
    echo "up"
  elif [[ -z $code || $code == 000 ]]; then
    echo "no answer"
  else
    echo "HTTP $code"
  fi
}

# Where a developer reads the mail notification-service sent (the local server only).
mail_banner() { # label-width
  if ((start_mail)); then
    printf '  %-*s %s\n' "$1" "SMTP (GreenMail)" \
      "$mail_host:$mail_port   read mail: http://127.0.0.1:$mail_api_port/api/user/<address>/messages/"
    printf '  %-*s %s\n' "$1" "" "(GreenMail's API, with its Swagger page: http://127.0.0.1:$mail_api_port/)"
  else
    printf '  %-*s %s\n' "$1" "SMTP" "$mail_host:$mail_smtp_port (SPRING_MAIL_HOST)"
  fi
}

print_banner() {
  local k=$kafka_bootstrap
  cat <<EOF2

${c_bold}gandan is running.${c_off}  Ctrl-C stops everything; data stays in $(rel "$data_dir").

  intake-service        http://127.0.0.1:8081   (portals: /api/v1/petitions)
  routing-service       http://127.0.0.1:8082   (cases: /api/v1/cases/{id})
  notification-service  http://127.0.0.1:8083   (notifications)
  reporting-service     http://127.0.0.1:8084   (reports: /api/v1/reports/summary)
  Kafka                 $k
  MongoDB-protocol      $mongodb_uri
$(mail_banner 21)

Demo credentials
  portal API key        header X-Api-Key: demo-portal-key   (portal of Nghệ An, province 40)
  HTTP Basic users      operator/operator
                        analyst/analyst       (jurisdiction Nghệ An)
                        responder/responder   (People's Committee of Xã Hợp Minh, 17605)
                        supervisor/supervisor (People's Committee of Nghệ An: hears escalations)
                        operator-hn/operator-hn (an operator of Hà Nội: sees none of Nghệ An)
                        admin/admin           (national; issues portal keys: /api/v1/admin/portal-keys)

Metrics  http://127.0.0.1:{8081,8082,8083,8084}/actuator/prometheus
Traces   ${OTEL_EXPORTER_OTLP_TRACES_ENDPOINT:-not exported (set OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); trace ids are in the logs}

Logs  $(rel "$log_dir")/{kafka,store,mail,intake-service,routing-service,notification-service,reporting-service}.log
      e.g. tail -f $(rel "$log_dir")/*.log

Try it
  # 1. a portal submits a petition (the answer carries its id)
  curl -s -X POST http://127.0.0.1:8081/api/v1/petitions -H 'X-Api-Key: demo-portal-key' -H 'Content-Type: application/json' -d '{"kind":"recommendation","category":"infrastructure.drainage","title":"Cống thoát nước bị tắc","description":"Cống thoát nước trước nhà văn hoá xóm 3 bị tắc, nước tràn ra đường mỗi khi mưa.","location":{"communeCode":"17605"},"channel":"portal","receivedAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","citizen":{"name":"Nguyễn Văn An","phone":"0912 345 678"},"portalReference":"NA-DEMO-$(date +%s)"}'

  # 2. its case at routing, its notifications, the summary report
  ID=paste-the-id-here
  curl -s -u operator:operator http://127.0.0.1:8082/api/v1/cases/\$ID
  curl -s -u operator:operator "http://127.0.0.1:8083/api/v1/notifications?petitionId=\$ID"
  curl -s -u analyst:analyst http://127.0.0.1:8084/api/v1/reports/summary

  # 3. the commune's responder accepts and answers it; the operator's queues
  curl -s -u responder:responder -X POST http://127.0.0.1:8082/api/v1/cases/\$ID/acknowledge
  curl -s -u responder:responder -X POST http://127.0.0.1:8082/api/v1/cases/\$ID/resolve -H 'Content-Type: application/json' -d '{"response":"Đã nạo vét cống, nước không còn tràn."}'
  curl -s -u operator:operator http://127.0.0.1:8082/api/v1/queues

  # 4. the events on the intake topic: key and headers (Debian: apt-get install kafkacat)
  kcat -b $k -t gandan.intake.petitions.v1 -C -f '%k %h\n'

EOF2
}

if ((only_infra && !start_kafka && !start_store && !start_mail)); then
  say "all" "nothing to start (GANDAN_ONLY_INFRA with KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI and SPRING_MAIL_HOST given)"
  exit 0
elif ((only_infra)); then
  cat <<EOF2

${c_bold}Kafka, the store and the mail server are running${c_off} (GANDAN_ONLY_INFRA: no services).  Ctrl-C stops them.
  Kafka             $kafka_bootstrap
  MongoDB-protocol  $mongodb_uri
$(mail_banner 17)
  Run a service with: --spring.profiles.active=local --spring.kafka.bootstrap-servers=$kafka_bootstrap --spring.mongodb.uri=$mongodb_uri
  (notification-service also --spring.mail.host=$mail_host --spring.mail.port=$mail_smtp_port)
  Logs: $(rel "$log_dir")

EOF2
else
  for i in "${!services[@]}"; do
    name=${services[$i]}
    log="$log_dir/$name.log"
    rotate_log "$log"
    # Only notification-service sends mail; env execs java, so the recorded pid stays the service's.
    service_env=(env)
    [[ $name == notification-service ]] &&
      service_env+=("SPRING_MAIL_HOST=$mail_host" "SPRING_MAIL_PORT=$mail_smtp_port")
    launch "$name" "$log" "${service_env[@]}" java -Xmx384m "$exit_on_oom" "${service_java_opts[@]}" -jar "$services_dir/$name.jar" \
      --spring.profiles.active=local \
      "--spring.kafka.bootstrap-servers=$kafka_bootstrap" \
      "--spring.mongodb.uri=$mongodb_uri"
    say "$name" "starting (port ${service_ports[$i]}, log: $(rel "$log"))"
  done
  services_started=$(now_us)

  # Waits until every service is ready, reporting each as it gets there.
  ready=()
  for i in "${!services[@]}"; do ready+=(0); done
  pending=${#services[@]}
  while ((pending > 0)); do
    for i in "${!services[@]}"; do
      ((ready[i])) && continue
      name=${services[$i]}
      p=$(index_of "$name")
      alive "${proc_pids[$p]}" || died "$p"
      state=$(probe "${service_ports[$i]}")
      last_state[i]=$state
      case $state in
        up | up-no-readiness)
          ready[i]=1
          pending=$((pending - 1))
          say "$name" "${c_ok}ready${c_off} in $(elapsed "$services_started")  http://127.0.0.1:${service_ports[$i]}"
          [[ $state == up-no-readiness ]] &&
            say "$name" "warning: /actuator/health/readiness answers 404 (set management.endpoint.health.probes.enabled=true); used /actuator/health"
          ;;
      esac
    done
    ((pending == 0)) && break
    if (($(now_us) - services_started > start_timeout * 1000000)); then
      for i in "${!services[@]}"; do
        ((ready[i])) && continue
        fail_msg "${services[$i]} not ready within $start_timeout s (readiness: ${last_state[i]:-no answer})"
        [[ ${last_state[i]:-} == "HTTP 401" || ${last_state[i]:-} == "HTTP 403" ]] &&
          fail_msg "  /actuator/health/** must be reachable without authentication"
        p=$(index_of "${services[$i]}")
        show_log_tail "${services[$i]}" "${proc_logs[$p]}"
      done
      exit 1
    fi
    sleep 1
  done
  say "all" "${c_ok}ready${c_off} in $(elapsed "$t0")"
  print_banner
fi

# --- foreground: until Ctrl-C, or until something dies --------------------------------------------

while :; do
  for i in "${!proc_pids[@]}"; do
    alive "${proc_pids[$i]}" || died "$i"
  done
  sleep 1
done
