#!/usr/bin/env bash
# Content at scale: generates an archive of N articles (two years, six partner desks, hundreds of
# authors, a few hundred tags, shared stories, kill notices, a licence that expires), imports it
# into a fresh SQLite data folder and into a fresh PostgreSQL database started here, adds readers,
# bookmarks and a few threads of thousands of comments, restarts the site on each and times every
# kind of page, uncached and cached. Prints the machine, each phase's time and a table per database.
#
#   bench/size.sh [articles]            (default 1,000,000; try 20000 first)
#
# Environment: SAMPLES (requests per page kind and mode, default 200), KIND_SECONDS (time budget
# per page kind and mode, default 30), REQUEST_SECONDS (one request's limit, default 60),
# INDEX_WAIT (seconds to wait for the search index to catch up after the restart, 1800), DATABASES ("sqlite postgresql"), READERS (20000),
# THREADS (3), COMMENTS (3000 per thread), WARMUP (uncounted requests per page kind, 10), KEEP=1 keeps
# the temp folder, BENCH_JAVA_OPTS.
#
# Needs a JDK 21+, curl, python3, a built jar (mvn -q -DskipTests package) and, for PostgreSQL,
# its server binaries (initdb, pg_ctl, createdb, vacuumdb; PG_BIN names their folder). Only
# loopback is used; the servers and PostgreSQL are stopped on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
java -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' || { echo "bench: needs a JDK 21+ as java on the PATH" >&2; exit 1; }
ARTICLES="${1:-1000000}"
SAMPLES="${SAMPLES:-200}"
KIND_SECONDS="${KIND_SECONDS:-30}"
DATABASES="${DATABASES:-sqlite postgresql}"
READERS="${READERS:-20000}"
THREADS="${THREADS:-3}"
COMMENTS="${COMMENTS:-3000}"
BENCH_USER=benchreader
BENCH_EDITOR=benchdesk
BENCH_PASSWORD="seven quiet harbour lanterns"
JAR=target/pressroom.jar
for tool in curl python3 java; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "bench: build first: mvn -q -DskipTests package" >&2; exit 1; }
case "$ARTICLES" in ''|*[!0-9]*) echo "bench: articles must be a number, not '$ARTICLES'" >&2; exit 2;; esac
if [[ " $DATABASES " == *" postgresql "* ]]; then
  PG_BIN="${PG_BIN:-$( [ -x /usr/lib/postgresql/15/bin/initdb ] && echo /usr/lib/postgresql/15/bin || dirname "$(command -v initdb || echo /nonexistent/initdb)")}"
  for tool in initdb pg_ctl createdb vacuumdb; do
    [ -x "$PG_BIN/$tool" ] || { echo "bench: PostgreSQL's $tool is not in $PG_BIN (set PG_BIN, or DATABASES=sqlite)" >&2; exit 1; }
  done
fi

WORK="$(mktemp -d /tmp/pressroom-size.XXXXXX)"
SERVER_PID=""
PG_DATA=""
PG_AS=()
stop_pid() { # TERM, then KILL after 30 s: a server busy with a slow query may not stop at once
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  if [ -n "$SERVER_PID" ]; then stop_pid "$SERVER_PID"; fi
  if [ -n "$PG_DATA" ]; then "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "bench: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PHASES="$WORK/phases.txt"; : > "$PHASES"
phase() { # label start-ms: records how long a phase took
  local took=$(( $(now_ms) - $2 ))
  printf '%-44s %8.1f s\n' "$1" "$(echo "$took" | awk '{print $1/1000}')" | tee -a "$PHASES"
}
pr() { java ${BENCH_JAVA_OPTS:-} -jar "$JAR" "$@"; }

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine may be shared: compare runs made at the same load)"
[ -n "${PG_BIN:-}" ] && "$PG_BIN/postgres" --version 2>/dev/null || true
echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $ARTICLES articles, $READERS readers, $THREADS x $COMMENTS comments, $SAMPLES samples or ${KIND_SECONDS}s per page kind"

echo "== generating $ARTICLES articles"
t=$(now_ms)
java bench/GenerateArchive.java "$WORK/corpus" "$ARTICLES"
du -sh "$WORK/corpus" | awk '{print "corpus size: " $1}'
sync
phase "generate" "$t"

PORT=$(free_port)
SERVER_LOG=""
start_server() { # log-file: starts the site on the data; sets SERVER_PID and START_MS
  SERVER_LOG="$1"; shift
  local t0; t0=$(now_ms)
  env "$@" java ${BENCH_JAVA_OPTS:-} -jar "$JAR" serve --port "$PORT" --host 127.0.0.1 > "$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "bench: the server stopped while starting; its log:" >&2; tail -30 "$SERVER_LOG" >&2; SERVER_PID=""; exit 1
    fi
    if [ $(( $(now_ms) - t0 )) -gt 900000 ]; then echo "bench: no /healthz after 15 minutes" >&2; exit 1; fi
    sleep 0.05
  done
  START_MS=$(( $(now_ms) - t0 ))
}
wait_index_ready() { # polls the search API until the index says it is ready (built or caught up)
  local state=""
  for _ in $(seq 1 $(( ${INDEX_WAIT:-1800} * 2 ))); do
    state=$(curl -fs "http://127.0.0.1:$PORT/api/v1/search?q=harbour" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin).get("index", {}).get("state", ""))' 2>/dev/null || true)
    # Ready, and this start's catch-up or build has logged its end (it starts a moment after /healthz).
    [ "$state" = ready ] && grep -q "Search index caught up\|Search index built" "$SERVER_LOG" && return 0
    sleep 0.5
  done
  echo "bench: the search index was still '$state' after ${INDEX_WAIT:-1800} s"
}
stop_server() {
  stop_pid "$SERVER_PID"
  SERVER_PID=""
}

start_postgres() { # sets PG_DATA, PG_PORT; a throwaway cluster in the temp folder, trust on loopback only
  PG_PORT=$(free_port)
  PG_DATA="$WORK/pg"
  mkdir -p "$PG_DATA"
  if [ "$(id -u)" = 0 ]; then   # initdb refuses root: the cluster belongs to an unprivileged user
    local owner; owner=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
    chmod 711 "$WORK"; chown "$owner" "$PG_DATA"; PG_AS=(runuser -u "$owner" --)
  fi
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U pressroom --auth=trust -E UTF8 --no-locale > "$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; exit 1; }
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DATA -c shared_buffers=2GB -c max_wal_size=4GB" start > /dev/null \
    || { cat "$PG_DATA/server.log" >&2; exit 1; }
  "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U pressroom pressroom
  echo "PostgreSQL on 127.0.0.1:$PG_PORT (shared_buffers=2GB, max_wal_size=4GB, fsync on)"
}

RESULTS="$WORK/results.txt"; : > "$RESULTS"
run_database() { # sqlite | postgresql
  local db="$1" data="$WORK/$1-data" envs=() jdbc user="" password=""
  mkdir -p "$data"
  if [ "$db" = postgresql ]; then
    start_postgres
    jdbc="jdbc:postgresql://127.0.0.1:$PG_PORT/pressroom"; user=pressroom; password=bench
    envs=(PRESSROOM_DB_URL="$jdbc" PRESSROOM_DB_USER="$user" PRESSROOM_DB_PASSWORD="$password")
  else
    jdbc="jdbc:sqlite:$data/pressroom.db"
  fi
  envs+=(PRESSROOM_DATA="$data" PRESSROOM_DEMO=false)
  local t

  echo "== [$db] sources: one per partner desk, each with its section, priority, search policy and licence"
  t=$(now_ms)
  while IFS=$'\t' read -r key name section priority policy expire; do
    id=$(env "${envs[@]}" java -jar "$JAR" sources add --name "$name" --url "$WORK/corpus/feeds/$key" --section "$section" \
      --priority "$priority" --policy "$policy" --expire-after-days "$expire" --interval 1h 2>> "$WORK/$db-cli.log")
    env "${envs[@]}" java -jar "$JAR" sources disable "$id" >> "$WORK/$db-cli.log" 2>&1   # imported, never polled
    echo "  $name -> $section (priority $priority, $policy$( [ "$expire" != 0 ] && echo ", expires after $expire days"))"
  done < "$WORK/corpus/sources.tsv"
  phase "[$db] sources" "$t"

  echo "== [$db] import"
  t=$(now_ms)
  : > "$WORK/$db-import.txt"
  while IFS=$'\t' read -r key name section _; do
    env "${envs[@]}" java ${BENCH_JAVA_OPTS:-} -jar "$JAR" import "$WORK/corpus/feeds/$key" --section "$section" \
      --source-name "$name" 2>> "$WORK/$db-progress.log" | tee -a "$WORK/$db-import.txt" | grep -v '^  '
  done < "$WORK/corpus/sources.tsv"
  phase "[$db] import" "$t"
  local items secs
  items=$(sed -n 's/.*: \([0-9]*\) new, \([0-9]*\) updated, \([0-9]*\) withdrawn, \([0-9]*\) unchanged.*/\1 \2 \3 \4/p' "$WORK/$db-import.txt" | awk '{n += $1 + $2 + $3 + $4} END {print n + 0}')
  secs=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' "$WORK/$db-import.txt" | awk '{s += $1} END {print s + 0}')
  IMPORT_RATE=$(awk -v n="$items" -v s="$secs" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}')
  IMPORT_WALL_RATE=$(awk -v n="$items" -v ms="$(( $(now_ms) - t ))" 'BEGIN {printf "%.0f", n / (ms / 1000)}')
  echo "import: $items items in $secs s of import time: $IMPORT_RATE items/s ($IMPORT_WALL_RATE items/s counting six JVM starts)"

  echo "== [$db] kill notices (ninjs, pubstatus canceled) from each desk's later feed"
  t=$(now_ms)
  while IFS=$'\t' read -r key name section _; do
    env "${envs[@]}" java -jar "$JAR" import "$WORK/corpus/kills/$key" --section "$section" --source-name "$name" \
      2>> "$WORK/$db-progress.log" | grep -v '^  ' || true
  done < "$WORK/corpus/sources.tsv"
  phase "[$db] kill notices" "$t"

  if [ "$db" = postgresql ]; then
    t=$(now_ms)
    "${PG_AS[@]}" "$PG_BIN/vacuumdb" -h 127.0.0.1 -p "$PG_PORT" -U pressroom --analyze-only -q pressroom
    phase "[$db] vacuumdb --analyze-only (after a bulk load)" "$t"
  fi

  echo "== [$db] search index"
  t=$(now_ms)
  env "${envs[@]}" java ${BENCH_JAVA_OPTS:-} -jar "$JAR" reindex > "$WORK/$db-reindex.log" 2>&1 || { tail -20 "$WORK/$db-reindex.log" >&2; exit 1; }
  tail -1 "$WORK/$db-reindex.log" | tr '\r' '\n' | tail -1
  phase "[$db] reindex" "$t"

  echo "== [$db] readers, bookmarks and comment threads (SQL, site stopped)"
  t=$(now_ms)
  echo "$BENCH_PASSWORD" | env "${envs[@]}" java -jar "$JAR" users add --user-id "$BENCH_USER" --email bench@readers.example \
    --password-stdin > /dev/null 2>> "$WORK/$db-cli.log"
  # An editor for the newsroom's pages (the dashboard, the article desk, the audit log).
  echo "$BENCH_PASSWORD" | env "${envs[@]}" java -jar "$JAR" users add --user-id "$BENCH_EDITOR" --email desk@readers.example \
    --role editor --password-stdin > /dev/null 2>> "$WORK/$db-cli.log"
  java --enable-native-access=ALL-UNNAMED -cp "$JAR" bench/SeedReaders.java "$jdbc" "$user" "$password" "$BENCH_USER" "$READERS" "$THREADS" "$COMMENTS" \
    "$WORK/$db-targets.txt" 2> >(grep -v SLF4J >&2)
  grep -E '^(statuses|grouped_stories|authors_total|author_counts|tags_total)=' "$WORK/$db-targets.txt" | sed 's/^/  /'
  phase "[$db] seed readers and comments" "$t"

  # First start: licence maintenance (every 2 s here) expires what the partner's licence no
  # longer allows and the search index follows; the timed start below finds nothing to do.
  echo "== [$db] first start: licence expiry and catch-up"
  t=$(now_ms)
  start_server "$WORK/$db-first.log" "${envs[@]}" PRESSROOM_INGEST_CHECK_SECONDS=1
  echo "first start: $START_MS ms to /healthz"
  for _ in $(seq 1 600); do grep -q "Expired [0-9]* articles" "$SERVER_LOG" && break; sleep 0.5; done
  grep -o "Expired [0-9]* articles.*" "$SERVER_LOG" | head -1 || echo "bench: no licence expiry logged within 300 s"
  wait_index_ready
  sleep 5
  stop_server
  phase "[$db] first start and licence expiry" "$t"

  echo "== [$db] restart, timed"
  start_server "$WORK/$db-serve.log" "${envs[@]}"
  echo "start: $START_MS ms from process start to the first successful /healthz"
  FIRST_START_MS=$START_MS
  # A restart catches the search index up in the background; time the pages once it has.
  t=$(now_ms)
  wait_index_ready
  grep -o "Search index caught up.*\|Search index built.*" "$SERVER_LOG" | tail -1 || true
  phase "[$db] search index catch-up after the restart" "$t"
  t=$(now_ms)
  java bench/SizeProbe.java "http://127.0.0.1:$PORT" "$WORK/$db-targets.txt" "$BENCH_USER" "$BENCH_PASSWORD" \
    "$SAMPLES" "$KIND_SECONDS" "$WORK/$db-table.txt" "$BENCH_EDITOR"
  phase "[$db] page timings" "$t"
  stop_server

  # Start time again, three times each: as run (java -jar), and with a class-data archive
  # (README, "Faster starts"), which the first of its starts writes on exit.
  t=$(now_ms)
  STARTS_PLAIN=""
  for _ in 1 2 3; do
    start_server "$WORK/$db-restart.log" "${envs[@]}"; STARTS_PLAIN="$STARTS_PLAIN $START_MS"; stop_server
  done
  local jsa="$WORK/$db-classes.jsa"
  BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$jsa" \
    start_server "$WORK/$db-restart.log" "${envs[@]}"
  sleep 2; stop_server
  STARTS_CDS=""
  for _ in 1 2 3; do
    BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$jsa" \
      start_server "$WORK/$db-restart.log" "${envs[@]}"
    STARTS_CDS="$STARTS_CDS $START_MS"; stop_server
  done
  echo "starts to /healthz, ms: as run:$STARTS_PLAIN; with a class-data archive:$STARTS_CDS"
  phase "[$db] restarts" "$t"
  {
    echo "== $db: $ARTICLES articles; import $IMPORT_RATE items/s ($IMPORT_WALL_RATE with JVM starts); start $FIRST_START_MS ms (again:$STARTS_PLAIN; with a class-data archive:$STARTS_CDS); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '   %s\n' "$(grep '^statuses=' "$WORK/$db-targets.txt" | cut -d= -f2), grouped stories $(grep '^grouped_stories=' "$WORK/$db-targets.txt" | cut -d= -f2)"
    printf '%-34s %-32s %-32s %s\n' "page kind" "uncached p50/p99/max ms, n" "cached p50/p99/max ms, n" "note"
    cat "$WORK/$db-table.txt"
  } >> "$RESULTS"
  du -sh "$data" | awk -v db="$db" '{print db " data folder: " $1}'
  if [ "$db" = postgresql ]; then
    du -sh "$PG_DATA" | awk '{print "PostgreSQL cluster: " $1}'
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop > /dev/null
    PG_DATA=""
  fi
}

for db in $DATABASES; do
  case "$db" in sqlite|postgresql) run_database "$db";; *) echo "bench: unknown database '$db'" >&2; exit 2;; esac
done

echo "== phases (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$PHASES"
echo "== results (uncached: a signed-in reader's request, which the site always renders; cached: the same URL again, anonymous)"
cat "$RESULTS"
