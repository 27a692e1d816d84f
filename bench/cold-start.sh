#!/usr/bin/env bash
# Cold start and memory with a large archive: generates N articles (bench/GenerateFeeds.java),
# imports them into a fresh SQLite data folder and builds the search index, then starts the site
# on it STARTS times and times each from process start to the first 200 from an article page
# (polled with curl every ~10 ms), reporting the median: as run (java -jar, default heap), with a
# class-data archive (README, "Faster starts") and, on JDK 25+, with an AOT cache. Last, it loads
# the site with wrk on a mix of pages (home, section pages, articles, authors, tags, search) and
# samples the server's resident memory (VmRSS) every second: the maximum is the figure.
#
#   bench/cold-start.sh [articles]          (default 200,000: about 0.8 GB of feeds)
#
# Environment: STARTS (timed starts per variant, default 3), LOAD_SECONDS (memory run, default
# 20), CONNECTIONS (wrk connections for it, default 16), BENCH_JAVA_OPTS (added to every start;
# by default none, so the JVM picks its default heap: a quarter of the machine's memory).
#
# Needs a JDK 21+, wrk, curl, python3 and a built jar (mvn -q -DskipTests package). Only loopback
# is used; the server is stopped on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
java -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' || { echo "bench: needs a JDK 21+ as java on the PATH" >&2; exit 1; }
ARTICLES="${1:-200000}"
STARTS="${STARTS:-3}"
LOAD_SECONDS="${LOAD_SECONDS:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
JAR=target/pressroom.jar
case "$ARTICLES" in ''|*[!0-9]*|0) echo "bench: articles must be a positive number, not '$ARTICLES'" >&2; exit 2;; esac
for tool in wrk curl python3 java; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (apt-get install wrk curl python3)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "bench: build first: mvn -q -DskipTests package" >&2; exit 1; }

WORK="$(mktemp -d /tmp/pressroom-cold.XXXXXX)"
SERVER_PID=""
stop_pid() { # TERM, then KILL after 30 s
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 300); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() {
  if [ -n "$SERVER_PID" ]; then stop_pid "$SERVER_PID"; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "bench: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { date +%s%3N; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
B="http://127.0.0.1:$PORT"
export PRESSROOM_DATA="$WORK/data" PRESSROOM_DEMO=false
JAVA_MAJOR=$(java -version 2>&1 | head -1 | sed -E 's/.*"([0-9]+).*/\1/')

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM flags: ${BENCH_JAVA_OPTS:-none} (default heap: max $(java ${BENCH_JAVA_OPTS:-} -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {printf "%.0f MB", $4/1048576}'), $(java ${BENCH_JAVA_OPTS:-} -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$4 == "true" && ($2 == "UseG1GC" || $2 == "UseSerialGC" || $2 == "UseParallelGC" || $2 == "UseZGC") {print $2}'))"

FILES=$(( (ARTICLES + 999) / 1000 ))
ITEMS=$(( ARTICLES < 1000 ? ARTICLES : 1000 ))
echo "== generating $FILES files x $ITEMS items ($(( FILES * ITEMS )) articles)"
java bench/GenerateFeeds.java "$WORK/feeds" "$FILES" "$ITEMS"
sync
echo "== importing into a fresh SQLite database and building the search index"
t=$(now_ms)
java -jar "$JAR" import "$WORK/feeds" --section "Syndicated News" --source-name "Bench Wire" 2> "$WORK/import.log"
java -jar "$JAR" reindex > "$WORK/reindex.log" 2>&1 || { tail -20 "$WORK/reindex.log" >&2; exit 1; }
rm -rf "$WORK/feeds"
du -sh "$WORK/data" | awk '{print "data folder: " $1}'
echo "import and reindex: $(( ($(now_ms) - t) / 1000 )) s"

start_server() { # extra JVM flags...: starts the site; sets SERVER_PID and T0
  T0=$(now_ms)
  java ${BENCH_JAVA_OPTS:-} "$@" -jar "$JAR" serve --port "$PORT" --host 127.0.0.1 > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
}
wait_for() { # path: polls every ~10 ms until a 200; prints ms since T0
  until curl -fs -o /dev/null --max-time 5 "$B$1"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "bench: the server stopped while starting; its log:" >&2; tail -30 "$WORK/server.log" >&2; SERVER_PID=""; exit 1
    fi
    if [ $(( $(now_ms) - T0 )) -gt 600000 ]; then echo "bench: no 200 from $1 after 10 minutes" >&2; exit 1; fi
    sleep 0.01
  done
  echo $(( $(now_ms) - T0 ))
}
stop_server() { stop_pid "$SERVER_PID"; SERVER_PID=""; }
result() { echo "$1" | tee -a "$WORK/result.txt"; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2))}'; }

echo "== first start (not timed): the pages for the timed starts and the load"
start_server
wait_for /healthz > /dev/null
# Search catches up in the background on a first start; wait for it, so later starts find it done.
for _ in $(seq 1 1200); do
  curl -fs "$B/api/v1/search?q=harbour" | grep -q '"state":"ready"' && break
  sleep 0.5
done
links() { grep -o 'href="/\(articles\|authors\|tags\|sections\)/[^"?#]*"' | cut -d'"' -f2; }
{
  echo /
  curl -fs "$B/" | links
  curl -fs "$B/sections/syndicated-news" | links
  for p in 2 3 50; do echo "/sections/syndicated-news?page=$p"; curl -fs "$B/sections/syndicated-news?page=$p" | links; done
  for q in harbour "council+budget" "%22river+valley%22"; do echo "/search?q=$q"; done
} | awk '!seen[$0]++' > "$WORK/paths.txt"
SLUG_PATH=$(grep -m1 '^/articles/' "$WORK/paths.txt" || true)
[ -n "$SLUG_PATH" ] || { echo "bench: found no article link on the section page" >&2; exit 1; }
# Keep only pages that answer 200.
while read -r p; do curl -fs -o /dev/null "$B$p" && echo "$p"; done < "$WORK/paths.txt" > "$WORK/mix.txt"
stop_server
echo "timed page: $SLUG_PATH"
echo "page mix: $(wc -l < "$WORK/mix.txt") pages ($(grep -c '^/articles/' "$WORK/mix.txt") articles, $(grep -c '^/authors/' "$WORK/mix.txt") authors, $(grep -c '^/tags/' "$WORK/mix.txt") tags, $(grep -c '^/sections/' "$WORK/mix.txt") section pages, $(grep -c '^/search' "$WORK/mix.txt") searches, the home page)"

timed_starts() { # label, extra JVM flags...
  local label="$1" all="" ms; shift
  for _ in $(seq 1 "$STARTS"); do
    start_server "$@"
    ms=$(wait_for "$SLUG_PATH")
    all="$all $ms"
    stop_server
  done
  result "start to first article page, $label (ms):$all; median $(echo "$all" | median) ms"
}
echo "== $STARTS starts, each timed from process start to the first 200 from $SLUG_PATH"
timed_starts "as run"

# Class-data archive: the first start with the flags writes it when the JVM exits.
JSA="$WORK/pressroom.jsa"
start_server -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$JSA"
wait_for "$SLUG_PATH" > /dev/null
while read -r p; do curl -fs -o /dev/null "$B$p" || true; done < "$WORK/mix.txt"
stop_server
if [ -s "$JSA" ]; then
  timed_starts "class-data archive" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$JSA"
else
  result "start to first article page, class-data archive: not measured (no archive was written)"
fi

# AOT cache (JDK 25+, JEP 514): a training run with -XX:AOTCacheOutput writes it on exit.
if [ "$JAVA_MAJOR" -ge 25 ]; then
  AOT="$WORK/pressroom.aot"
  start_server -XX:AOTCacheOutput="$AOT"
  wait_for "$SLUG_PATH" > /dev/null
  while read -r p; do curl -fs -o /dev/null "$B$p" || true; done < "$WORK/mix.txt"
  stop_server
  if [ -s "$AOT" ]; then
    timed_starts "AOT cache" -XX:AOTCache="$AOT"
  else
    result "start to first article page, AOT cache: not measured (no cache was written; see $WORK/server.log)"
  fi
else
  result "start to first article page, AOT cache: not measured (needs JDK 25+)"
fi

echo "== resident memory under page load: wrk, $CONNECTIONS connections, ${LOAD_SECONDS}s over the page mix; VmRSS every second"
start_server
wait_for /healthz > /dev/null
rss_mb() { awk '/^VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0; }
echo "resident memory after start (idle): $(rss_mb) MB"
cat > "$WORK/mix.lua" <<'LUA'
local paths = {}
local i = 0
function init(args)
  for line in io.lines(os.getenv("MIX")) do paths[#paths + 1] = line end
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
: > "$WORK/rss.txt"
( while kill -0 "$SERVER_PID" 2>/dev/null; do rss_mb >> "$WORK/rss.txt"; sleep 1; done ) &
SAMPLER=$!
MIX="$WORK/mix.txt" wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --latency -s "$WORK/mix.lua" "$B" | tee "$WORK/load.txt"
sleep 1
kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
echo "== result"
cat "$WORK/result.txt"
echo "page mix under load: $(awk '/Requests\/sec/ {print $2}' "$WORK/load.txt") req/s, p99 $(awk '$1 == "99%" {print $2}' "$WORK/load.txt"), non-2xx/3xx $(awk '/Non-2xx/ {print $5}' "$WORK/load.txt" | grep . || echo 0)"
echo "resident memory under page load: max $(sort -n "$WORK/rss.txt" | tail -1) MB, last $(tail -1 "$WORK/rss.txt") MB ($(wc -l < "$WORK/rss.txt") samples, JVM flags: ${BENCH_JAVA_OPTS:-none, default heap})"
stop_server
