#!/usr/bin/env bash
# A local trial of the scaled-out site, everything on loopback:
#
#   reader -> Varnish 127.0.0.1:6081 -> HAProxy 127.0.0.1:8000 -> nodes a, b, c (8081-8083)
#                                                                 -> PostgreSQL 127.0.0.1:55432
#
#   deploy/trial.sh start          start whatever is not running (first run: initdb, demo content)
#   deploy/trial.sh status         what runs, each node's /healthz, HAProxy's view of the nodes
#   deploy/trial.sh drain a|b|c    HAProxy sends that node no new requests (running ones finish)
#   deploy/trial.sh ready a|b|c    and back
#   deploy/trial.sh stop           stop all of it; the data stays for the next start
#   deploy/trial.sh stop --clean   stop and remove deploy/.trial (also: deploy/trial.sh clean)
#
# Needs (Debian): apt-get install postgresql haproxy varnish varnish-modules curl python3, and a
# JDK 21+ (JAVA_HOME or /usr/lib/jvm/*); Maven only when target/pressroom.jar is not built yet.
# Everything it writes is under deploy/.trial/: run/ (pid files, HAProxy's admin socket),
# logs/, postgres/, node-a/ node-b/ node-c/ (each node's data folder: search index, outbox).
# Run as root, PostgreSQL runs as the system user postgres (or pressroom-trial, created when
# there is no postgres user); the other programs run as the user who runs this script.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
TRIAL="$ROOT/deploy/.trial"
RUN="$TRIAL/run"
LOGS="$TRIAL/logs"
PGDATA="$TRIAL/postgres"
PG_PORT=55432
LB_PORT=8000
STATS_PORT=8404
CACHE_PORT=6081
PURGE_PORT=6082 # Varnish's purge listener: the nodes only
NODES=(a b c)
SITE="http://127.0.0.1:$CACHE_PORT"
JAR="$ROOT/target/pressroom.jar"
JAVA_OPTS="${PRESSROOM_TRIAL_JAVA_OPTS:--Xmx512m}"

say() { echo "trial: $*"; }
die() { echo "trial: $*" >&2; exit 1; }
node_port() { case "$1" in a) echo 8081 ;; b) echo 8082 ;; c) echo 8083 ;; esac; }

# --- tools -------------------------------------------------------------------------------------

need() { # need TOOL PACKAGE
  command -v "$1" >/dev/null 2>&1 || die "'$1' is missing (apt-get install $2)"
}

# Debian keeps PostgreSQL's server programs out of the PATH, in /usr/lib/postgresql/<version>/bin.
pg_tool() {
  local found
  if found="$(command -v "$1" 2>/dev/null)"; then
    echo "$found"
    return 0
  fi
  found="$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1)"
  [ -n "$found" ] || die "'$1' is missing (apt-get install postgresql)"
  echo "$found"
}

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

pick_jdk() { # as .ci/run: JAVA_HOME if it is 21+, else the first 21+ in /usr/lib/jvm
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

check_tools() {
  need curl curl
  need haproxy haproxy
  need varnishd varnish
  need varnishncsa varnish
  need psql postgresql-client
  INITDB="$(pg_tool initdb)"
  PG_CTL="$(pg_tool pg_ctl)"
  compgen -G "/usr/lib/*/varnish/vmods/libvmod_xkey.so" >/dev/null \
    || compgen -G "/usr/local/lib/varnish/vmods/libvmod_xkey.so" >/dev/null \
    || die "Varnish's xkey module is missing (apt-get install varnish-modules)"
  JAVA_HOME="$(pick_jdk)" || die "no JDK 21 or newer (set JAVA_HOME; apt-get install openjdk-21-jdk-headless)"
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}

# --- processes -----------------------------------------------------------------------------------

# The pid in run/NAME.pid, if that process is still alive and is the program we started
# (a pid is reused after a reboot; never signal someone else's process).
running_pid() { # running_pid NAME COMMAND-SUBSTRING
  local file="$RUN/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(head -1 "$file" 2>/dev/null | tr -dc 0-9)"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "$2" || return 1
  echo "$pid"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() { # require_free_port PORT WHAT
  port_free "$1" || die "port $1 (for $2) is in use by another program; stop it, or 'deploy/trial.sh stop' if it is ours"
}

stop_pid() { # stop_pid NAME COMMAND-SUBSTRING [PID, if already sent TERM]
  local pid="${3:-}" i
  if [ -n "$pid" ] || pid="$(running_pid "$1" "$2")"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$1 (pid $pid) did not stop in 15 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    say "stopped $1 (pid $pid)"
  fi
  rm -f "$RUN/$1.pid"
}

wait_for() { # wait_for URL SECONDS NAME [PIDFILE-NAME COMMAND-SUBSTRING]
  local i
  for i in $(seq 1 $(($2 * 5))); do
    curl -fs -o /dev/null --max-time 2 "$1" && return 0
    if [ -n "${4:-}" ] && ! running_pid "$4" "$5" >/dev/null; then
      return 1
    fi
    sleep 0.2
  done
  return 1
}

# --- PostgreSQL ------------------------------------------------------------------------------------

PG_OS_USER=""
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL will not run as root.
  if id postgres >/dev/null 2>&1; then PG_OS_USER=postgres; else PG_OS_USER=pressroom-trial; fi
fi

as_pg() {
  if [ -n "$PG_OS_USER" ]; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    "$@"
  fi
}

pg_password() { cat "$TRIAL/postgres-password"; }

start_postgres() {
  if [ -n "$PG_OS_USER" ] && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    say "creating the system user $PG_OS_USER to run PostgreSQL (PostgreSQL will not run as root)"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    say "initdb: a new PostgreSQL cluster in $PGDATA"
    rm -rf "$PGDATA"
    mkdir -p "$PGDATA"
    head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$TRIAL/postgres-password"
    chmod 600 "$TRIAL/postgres-password"
    if [ -n "$PG_OS_USER" ]; then
      chown "$PG_OS_USER" "$PGDATA" "$TRIAL/postgres-password"
      as_pg test -w "$PGDATA" \
        || die "the user $PG_OS_USER cannot reach $PGDATA (a folder above it is closed to others); put the checkout where other users may enter, e.g. /srv or /opt"
    fi
    as_pg "$INITDB" -D "$PGDATA" -U pressroom --pwfile="$TRIAL/postgres-password" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --no-locale \
      > "$LOGS/initdb.log" 2>&1 || { cat "$LOGS/initdb.log" >&2; die "initdb failed (log above)"; }
    cat >> "$PGDATA/postgresql.conf" <<CONF

# deploy/trial.sh: loopback only, TCP only (no socket folder to share between users)
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 100
shared_buffers = 64MB
CONF
  fi
  if as_pg "$PG_CTL" -D "$PGDATA" status >/dev/null 2>&1; then
    say "PostgreSQL is already running on 127.0.0.1:$PG_PORT"
  else
    require_free_port "$PG_PORT" PostgreSQL
    touch "$LOGS/postgres.log"
    [ -z "$PG_OS_USER" ] || chown "$PG_OS_USER" "$LOGS/postgres.log"
    as_pg "$PG_CTL" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null \
      || { tail -20 "$LOGS/postgres.log" >&2; die "PostgreSQL did not start (logs/postgres.log above)"; }
    say "PostgreSQL on 127.0.0.1:$PG_PORT"
  fi
  local exists
  exists="$(PGPASSWORD="$(pg_password)" psql -h 127.0.0.1 -p "$PG_PORT" -U pressroom -d postgres \
    -tAc "SELECT 1 FROM pg_database WHERE datname = 'pressroom'")"
  if [ "$exists" != 1 ]; then
    PGPASSWORD="$(pg_password)" psql -q -h 127.0.0.1 -p "$PG_PORT" -U pressroom -d postgres \
      -c "CREATE DATABASE pressroom"
    say "created the database pressroom"
  fi
}

stop_postgres() {
  [ -f "$PGDATA/PG_VERSION" ] || return 0
  if as_pg "$PG_CTL" -D "$PGDATA" status >/dev/null 2>&1; then
    as_pg "$PG_CTL" -D "$PGDATA" -m fast -w stop >/dev/null
    say "stopped PostgreSQL"
  fi
}

# --- the nodes -----------------------------------------------------------------------------------

build_jar() {
  [ -f "$JAR" ] && return 0
  need mvn maven
  say "building target/pressroom.jar (mvn -q package -DskipTests; a few minutes the first time)"
  mvn -q package -DskipTests || die "the build failed"
}

start_node() { # start_node NAME DEMO
  local name="$1" port
  port="$(node_port "$1")"
  if running_pid "node-$name" pressroom.jar >/dev/null; then
    say "node $name is already running on 127.0.0.1:$port"
    return 0
  fi
  require_free_port "$port" "node $name"
  mkdir -p "$TRIAL/node-$name"
  # Each node its own data folder (search index, outbox, class-data archive); all one database.
  # Told to stop, a node first answers /healthz 503 for 3 s (PRESSROOM_DRAIN_SECONDS), long
  # enough for HAProxy's checks (two failures, 1.5 s) to move readers away before it closes.
  PRESSROOM_PORT="$port" \
  PRESSROOM_HOST=127.0.0.1 \
  PRESSROOM_DATA="$TRIAL/node-$name" \
  PRESSROOM_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/pressroom" \
  PRESSROOM_DB_USER=pressroom \
  PRESSROOM_DB_PASSWORD="$(pg_password)" \
  PRESSROOM_BASE_URL="$SITE" \
  PRESSROOM_DEMO="$2" \
  PRESSROOM_TRUSTED_PROXIES=127.0.0.1 \
  PRESSROOM_PURGE_URL="http://127.0.0.1:$PURGE_PORT/" \
  PRESSROOM_DRAIN_SECONDS=3 \
    setsid java $JAVA_OPTS -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$TRIAL/node-$name/pressroom.jsa" \
      -jar "$JAR" serve >> "$LOGS/node-$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/node-$name.pid"
  if ! wait_for "http://127.0.0.1:$port/healthz" 180 "node $name" "node-$name" pressroom.jar; then
    tail -30 "$LOGS/node-$name.log" >&2
    die "node $name did not answer /healthz on 127.0.0.1:$port (logs/node-$name.log above)"
  fi
  say "node $name on 127.0.0.1:$port (pid $(cat "$RUN/node-$name.pid"), PRESSROOM_DEMO=$2)"
}

# --- HAProxy and Varnish ---------------------------------------------------------------------------

start_haproxy() {
  if running_pid haproxy haproxy >/dev/null; then
    say "HAProxy is already running on 127.0.0.1:$LB_PORT"
    return 0
  fi
  require_free_port "$LB_PORT" HAProxy
  require_free_port "$STATS_PORT" "HAProxy's status page"
  export PRESSROOM_LB_RUN="$RUN" PRESSROOM_LB_LOG=stdout
  haproxy -q -c -f "$ROOT/deploy/haproxy/pressroom.cfg" || die "deploy/haproxy/pressroom.cfg is not valid"
  # In the foreground of a session of its own, so that its request log goes to logs/haproxy.log.
  setsid haproxy -db -f "$ROOT/deploy/haproxy/pressroom.cfg" >> "$LOGS/haproxy.log" 2>&1 < /dev/null &
  echo $! > "$RUN/haproxy.pid"
  wait_for "http://127.0.0.1:$STATS_PORT/" 20 HAProxy haproxy haproxy \
    || { tail -20 "$LOGS/haproxy.log" >&2; die "HAProxy did not start (logs/haproxy.log above)"; }
  say "HAProxy on 127.0.0.1:$LB_PORT (pid $(cat "$RUN/haproxy.pid"))"
}

start_varnish() {
  if running_pid varnish varnishd >/dev/null; then
    say "Varnish is already running on 127.0.0.1:$CACHE_PORT"
  else
    require_free_port "$CACHE_PORT" Varnish
    local jail=()
    # Run as root, varnishd compiles the VCL as the user varnish and serves as vcache (Debian's
    # package creates both); when they cannot read this checkout (say, under a closed /root), it
    # runs without that separation (-j none), which on loopback for a trial is acceptable.
    if [ "$(id -u)" = 0 ] && ! runuser -u varnish -- test -r "$ROOT/deploy/varnish/pressroom.vcl" 2>/dev/null; then
      jail=(-j none)
    fi
    # pipe_timeout: the live comment stream is piped (see the VCL) and may be silent for long.
    varnishd "${jail[@]}" -a "127.0.0.1:$CACHE_PORT" -a "purge=127.0.0.1:$PURGE_PORT" -f "$ROOT/deploy/varnish/pressroom.vcl" \
      -n "$TRIAL/varnish" -s malloc,256m -p pipe_timeout=3600 -P "$RUN/varnish.pid" > "$LOGS/varnishd.log" 2>&1 \
      || { cat "$LOGS/varnishd.log" >&2; die "Varnish did not start (logs/varnishd.log above)"; }
    wait_for "$SITE/healthz" 20 Varnish varnish varnishd \
      || die "Varnish does not answer on 127.0.0.1:$CACHE_PORT"
    say "Varnish on 127.0.0.1:$CACHE_PORT (pid $(cat "$RUN/varnish.pid"))"
  fi
  if ! running_pid varnishncsa varnishncsa >/dev/null; then
    # One line a request: client, request, status, bytes, hit/miss/pass, microseconds.
    varnishncsa -n "$TRIAL/varnish" -D -a -w "$LOGS/varnish.log" -P "$RUN/varnishncsa.pid" \
      -F '%h %t "%r" %s %b %{Varnish:handling}x %D' || say "varnishncsa did not start (no Varnish request log)"
  fi
}

# --- HAProxy's admin socket --------------------------------------------------------------------------

lb_cmd() { # lb_cmd "COMMAND" -> HAProxy's answer
  local sock="$RUN/admin.sock"
  [ -S "$sock" ] || die "HAProxy is not running (no $sock); deploy/trial.sh start"
  if command -v socat >/dev/null 2>&1; then
    echo "$1" | socat stdio "unix-connect:$sock"
  elif command -v python3 >/dev/null 2>&1; then
    python3 - "$sock" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
s.sendall((sys.argv[2] + "\n").encode())
out = b""
while chunk := s.recv(65536):
    out += chunk
sys.stdout.write(out.decode())
PY
  else
    die "talking to HAProxy's admin socket needs socat or python3 (apt-get install socat)"
  fi
}

lb_table() { # the nodes as HAProxy sees them
  lb_cmd "show stat" | awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $1 == "pressroom" && $2 != "BACKEND" {
      printf "  %-2s %-8s check: %-12s now: %-4s requests: %-6s weight: %s\n",
        $2, $(col["status"]), $(col["check_status"]), $(col["scur"]), $(col["stot"]), $(col["weight"])
    }'
}

# --- commands --------------------------------------------------------------------------------------

start() {
  check_tools
  mkdir -p "$RUN" "$LOGS"
  chmod 700 "$RUN"
  build_jar
  start_postgres
  # Node a first and alone: it creates the schema and, the database being empty, the demo content.
  start_node a true
  start_node b false
  start_node c false
  start_haproxy
  start_varnish
  cat <<EOF

The site:            $SITE/
HAProxy's status:    http://127.0.0.1:$STATS_PORT/   (admin socket: $RUN/admin.sock)
The nodes:           http://127.0.0.1:8081/ 8082/ 8083/  (/healthz on each)
PostgreSQL:          PGPASSWORD=\$(cat $TRIAL/postgres-password) psql -h 127.0.0.1 -p $PG_PORT -U pressroom pressroom
Logs:                $LOGS/  (node-a.log … haproxy.log, varnish.log, postgres.log)
Drain a node:        deploy/trial.sh drain a   (back: deploy/trial.sh ready a)
Stop:                deploy/trial.sh stop      (with --clean, also remove deploy/.trial)
EOF
}

stop() {
  if [ -d "$RUN" ]; then
    stop_pid varnishncsa varnishncsa
    stop_pid varnish varnishd
    stop_pid haproxy haproxy
    local n pid
    local -A told=()
    # All three at once: each spends its drain time (above) before it closes.
    for n in c b a; do
      if pid="$(running_pid "node-$n" pressroom.jar)"; then
        kill -TERM "$pid" 2>/dev/null || true
        told[$n]="$pid"
      fi
    done
    for n in c b a; do stop_pid "node-$n" pressroom.jar "${told[$n]:-}"; done
    rm -f "$RUN/admin.sock"
  fi
  if [ -d "$PGDATA" ]; then
    PG_CTL="$(pg_tool pg_ctl)"
    stop_postgres
  fi
  if [ "${1:-}" = --clean ]; then
    rm -rf "$TRIAL"
    say "removed deploy/.trial"
  fi
}

status() {
  local n port pid
  if [ -d "$PGDATA" ] && as_pg "$(pg_tool pg_ctl)" -D "$PGDATA" status >/dev/null 2>&1; then
    say "PostgreSQL: running on 127.0.0.1:$PG_PORT"
  else
    say "PostgreSQL: stopped"
  fi
  for n in "${NODES[@]}"; do
    port="$(node_port "$n")"
    if pid="$(running_pid "node-$n" pressroom.jar)"; then
      say "node $n: pid $pid, /healthz $(curl -s --max-time 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")"
    else
      say "node $n: stopped"
    fi
  done
  if pid="$(running_pid haproxy haproxy)"; then
    say "HAProxy: pid $pid, the nodes as it sees them:"
    lb_table
  else
    say "HAProxy: stopped"
  fi
  if pid="$(running_pid varnish varnishd)"; then
    say "Varnish: pid $pid, $SITE/"
  else
    say "Varnish: stopped"
  fi
}

set_state() { # set_state NODE drain|ready
  case "${1:-}" in a|b|c) ;; *) die "which node? deploy/trial.sh $2 a|b|c" ;; esac
  local answer
  answer="$(lb_cmd "set server pressroom/$1 state $2")"
  [ -z "$(echo "$answer" | tr -d '[:space:]')" ] || die "HAProxy said: $answer"
  say "node $1: $2"
  lb_table
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  clean) stop --clean ;;
  status) status ;;
  drain) set_state "${2:-}" drain ;;
  ready) set_state "${2:-}" ready ;;
  *)
    echo "usage: deploy/trial.sh start | stop [--clean] | clean | status | drain a|b|c | ready a|b|c" >&2
    exit 2
    ;;
esac
