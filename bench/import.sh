#!/usr/bin/env bash
# Import throughput: generates a corpus of RSS files and times `pressroom import` into a fresh
# embedded (SQLite) database. Prints items/s and the machine. With PG=1 the import goes into a
# fresh PostgreSQL database instead, in a throwaway cluster started here (as bench/size.sh does:
# trust on loopback only, stopped and removed on exit), through --db-url.
#
#   bench/import.sh [files] [items-per-file]      (default 300 x 1000 = 300,000 items, 1.2 GB)
#   PG=1 bench/import.sh [files] [items-per-file] (PG_BIN names the folder of initdb, pg_ctl, createdb;
#                                                 PG_JDBC_PARAMS adds driver settings to the URL, e.g.
#                                                 reWriteBatchedInserts=true)
#
# Large enough that the rate is the import's own: for the first ten seconds or so the JIT
# compiler takes one of the two cores (100 x 1000 measures mostly that).
#
# Needs a JDK 21+ and a built jar (mvn -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
java -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' || { echo "bench: needs a JDK 21+ as java on the PATH" >&2; exit 1; }
FILES="${1:-300}"
ITEMS="${2:-1000}"
[ -f target/pressroom.jar ] || { echo "bench: build first: mvn -q -DskipTests package" >&2; exit 1; }
if [ "${PG:-0}" = 1 ]; then
  PG_BIN="${PG_BIN:-$( [ -x /usr/lib/postgresql/15/bin/initdb ] && echo /usr/lib/postgresql/15/bin || dirname "$(command -v initdb || echo /nonexistent/initdb)")}"
  for tool in initdb pg_ctl createdb; do
    [ -x "$PG_BIN/$tool" ] || { echo "bench: PostgreSQL's $tool is not in $PG_BIN (set PG_BIN)" >&2; exit 1; }
  done
fi
WORK="$(mktemp -d /tmp/pressroom-import.XXXXXX)"
PG_DATA=""
PG_AS=()
cleanup() {
  if [ -n "$PG_DATA" ]; then "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1
echo "== generating $FILES files x $ITEMS items"
java bench/GenerateFeeds.java "$WORK/feeds" "$FILES" "$ITEMS"
du -sh "$WORK/feeds" | awk '{print "corpus size: " $1}'
# The generator's writes go to disk now, not during the import.
sync
if [ "${PG:-0}" = 1 ]; then
  # A throwaway cluster in the temp folder (initdb refuses root: then it belongs to postgres or nobody).
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  PG_DATA="$WORK/pg"
  mkdir -p "$PG_DATA"
  if [ "$(id -u)" = 0 ]; then
    owner=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
    chmod 711 "$WORK"; chown "$owner" "$PG_DATA"; PG_AS=(runuser -u "$owner" --)
  fi
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U pressroom --auth=trust -E UTF8 --no-locale > "$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; exit 1; }
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DATA -c shared_buffers=2GB -c max_wal_size=4GB" start > /dev/null \
    || { cat "$PG_DATA/server.log" >&2; exit 1; }
  "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U pressroom pressroom
  "$PG_BIN/postgres" --version 2>/dev/null || true
  # Whether the built import can use PostgreSQL's COPY: pressroom's own classes would name pgjdbc's CopyManager.
  echo "COPY in pressroom import: $(python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print("yes" if any(b"org/postgresql/copy/CopyManager" in z.read(n) for n in z.namelist() if n.startswith("pressroom/") and n.endswith(".class")) else "no (JDBC batches of INSERTs)")' target/pressroom.jar)"
  echo "== importing into a fresh PostgreSQL database (127.0.0.1:$PG_PORT, shared_buffers=2GB, max_wal_size=4GB, fsync on; driver settings: ${PG_JDBC_PARAMS:-none})"
  PRESSROOM_DB_USER=pressroom PRESSROOM_DB_PASSWORD=bench java ${BENCH_JAVA_OPTS:-} -jar target/pressroom.jar import "$WORK/feeds" \
    --section "Syndicated News" --source-name "Bench Wire" --data "$WORK/data" \
    --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/pressroom${PG_JDBC_PARAMS:+?$PG_JDBC_PARAMS}" 2> "$WORK/progress.log"
  du -sh "$PG_DATA" | awk '{print "database size: " $1 " (the whole cluster)"}'
else
  echo "== importing into a fresh SQLite database"
  java ${BENCH_JAVA_OPTS:-} -jar target/pressroom.jar import "$WORK/feeds" --section "Syndicated News" \
    --source-name "Bench Wire" --data "$WORK/data" 2> "$WORK/progress.log"
  du -sh "$WORK/data" | awk '{print "database size: " $1}'
fi
