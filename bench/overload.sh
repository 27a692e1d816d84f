#!/usr/bin/env bash
# Overload: measures what the site serves on this machine, then offers three times that and shows
# what happens: requests a second, the share of fast 503s, p99 of the 200s and of the 503s, the
# server's memory (RSS) during the load, whether it still answers /healthz, and how long after the
# load stops a normal request is served fast again. Two pages: an anonymous reader's article page
# (a cache hit, answered in front of the request limit) and a signed-in reader's (rendered for
# them each time: the database and a template, the work the limit guards).
#
#   bench/overload.sh [seconds] [anonymous|signed-in|both] [think-ms]   (default 20 s, both, 10 ms)
#
# Offered load: each wrk connection waits a think time between requests, so N connections offer
# about N / think time requests a second while answers are quick; 3x capacity = 3 * capacity *
# think time connections (1 s for the rendered page; 10 ms for the cache hit, as a second would
# take some 100,000 connections; at most 10,000 in any case). A third argument, e.g. 100, sets the
# cache hit's think time: ten times the connections, a flood of them. The split of latency by status comes from an observer beside wrk: a new visitor
# (one curl) every 50 ms. The server's limits are its defaults unless
# PRESSROOM_MAX_ACTIVE_REQUESTS / _QUEUED_REQUESTS / _QUEUE_WAIT_MS are set in the environment.
#
# Needs wrk and curl (apt-get install wrk curl), a JDK 21+ and a built jar
# (mvn -q -DskipTests package). Only loopback is used; every run stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
java -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' || { echo "bench: needs a JDK 21+ as java on the PATH" >&2; exit 1; }
for tool in wrk curl java; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (apt-get install wrk curl)" >&2; exit 1; }
done
[ -f target/pressroom.jar ] || { echo "bench: build first: mvn -q -DskipTests package" >&2; exit 1; }

DURATION="${1:-20}"
PAGES="${2:-both}"
ANON_THINK_MS="${3:-10}"
CAPACITY_CONNECTIONS=64
PORT=18095
MANAGEMENT=18096
B="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/pressroom-overload.XXXXXX)"
PID=""; SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
# wrk and the server each keep one descriptor per connection.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
wrk --version 2>&1 | head -1 || true

echo "== starting Pressroom (demo content, SQLite) on port $PORT"
echo "a long bench password" | java -jar target/pressroom.jar users add --data "$WORK/data" --user-id benchreader \
  --email reader@bench.example --password-stdin > /dev/null
PRESSROOM_MANAGEMENT_PORT=$MANAGEMENT java ${BENCH_JAVA_OPTS:-} -jar target/pressroom.jar serve --port "$PORT" --host 127.0.0.1 --data "$WORK/data" \
  > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs "$B/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$B/healthz" >/dev/null || { cat "$WORK/server.log"; exit 1; }
grep -o 'Requests: .*' "$WORK/server.log" || true

# The largest article page of the demo, as bench/article-page.sh picks it.
ARTICLE=""; best_size=0
for path in $(for s in $(curl -fs "$B/" | grep -o 'href="/sections/[^"]*"' | cut -d'"' -f2 | sort -u); do curl -fs "$B$s"; done \
    | grep -o 'href="/articles/[^"]*"' | cut -d'"' -f2 | sort -u); do
  size=$(curl -fs "$B$path" | wc -c)
  if [ "$size" -gt "$best_size" ]; then ARTICLE="$path"; best_size="$size"; fi
done
echo "article: $ARTICLE ($best_size bytes)"

token() { curl -fs -c "$WORK/jar" -b "$WORK/jar" "$B/api/v1/csrf-token" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
T=$(token)
curl -fs -o /dev/null -c "$WORK/jar" -b "$WORK/jar" -H "X-CSRF-Token: $T" -H 'Content-Type: application/json' \
  -d '{"login":"benchreader","password":"a long bench password"}' "$B/api/v1/session"
SIGNED_IN="Cookie: $(awk '$6 ~ /^pressroom-/ {printf "%s=%s; ", $6, $7}' "$WORK/jar")"
curl -fs -H "$SIGNED_IN" "$B$ARTICLE" > "$WORK/signed-in.html" || true
grep -q benchreader "$WORK/signed-in.html" || { echo "bench: signing in did not work: $SIGNED_IN" >&2; grep -i "sign" "$WORK/signed-in.html" | head -3 >&2; tail -5 "$WORK/server.log" >&2; exit 1; }

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
p() { # percentile of the numbers on stdin (seconds) → ms
  sort -n | awk -v q="$1" '{v[NR]=$1} END {if (NR == 0) {print "-"; exit} i=int(NR*q/100+0.999); if (i<1) i=1; printf "%.1f", v[i]*1000}'
}

echo "== warming up the JVM (10 s each page)"
wrk -t2 -c"$CAPACITY_CONNECTIONS" -d10s "$B$ARTICLE" > /dev/null
wrk -t2 -c"$CAPACITY_CONNECTIONS" -d10s -H "$SIGNED_IN" "$B$ARTICLE" > /dev/null

# name, think time (ms), header ("" for none): capacity, then three times it.
trial() {
  local name="$1" think="$2" header="$3" args=() cap conns rss_before rss_max stop first
  [ -n "$header" ] && args=(-H "$header")
  echo
  echo "######## $name"
  echo "== capacity: $CAPACITY_CONNECTIONS connections, no pauses, ${DURATION}s"
  wrk -t2 -c"$CAPACITY_CONNECTIONS" -d"${DURATION}s" --latency "${args[@]}" "$B$ARTICLE" | tee "$WORK/cap.txt" | grep -E 'Requests/sec|Non-2xx|Socket|99%'
  cap=$(awk '/Requests\/sec/ {printf "%d", $2}' "$WORK/cap.txt")
  conns=$(( 3 * cap * think / 1000 ))
  [ "$conns" -lt 3 ] && conns=3
  [ "$conns" -gt 10000 ] && conns=10000
  echo "capacity: $cap req/s; offering 3x: $conns connections, $think ms between requests (about $((conns * 1000 / think)) req/s while answers are quick)"
  sleep 2
  rss_before=$(rss_kb)
  ( while kill -0 "$PID" 2>/dev/null; do rss_kb >> "$WORK/rss"; sleep 0.25; done ) & SAMPLER=$!
  : > "$WORK/rss"
  # The observer: a new visitor every 50 ms (one curl each), each answer's status and time.
  : > "$WORK/observed"
  ( sleep 2; end=$(( $(date +%s) + DURATION - 4 ))
    while [ "$(date +%s)" -lt "$end" ]; do
      curl -s -o /dev/null -m 10 "${args[@]}" -w '%{http_code} %{time_total}\n' "$B$ARTICLE" >> "$WORK/observed"
      sleep 0.05
    done ) &
  local obs=$!
  THINK_MS="$think" wrk -t2 -c"$conns" -d"${DURATION}s" --latency -s bench/overload.lua "${args[@]}" "$B$ARTICLE" > "$WORK/over.txt"
  stop=$(date +%s%N)
  # After the load: how long until a request is answered 200, and 200 within 100 ms.
  first=""; first_any=""
  for _ in $(seq 1 500); do
    answer=$(curl -s -o /dev/null -m 10 "${args[@]}" -w '%{http_code} %{time_total}' "$B$ARTICLE")
    if [ -z "$first_any" ] && [ "${answer%% *}" = 200 ]; then first_any=$(( ($(date +%s%N) - stop) / 1000000 )); fi
    if echo "$answer" | awk '$1 == 200 && $2 < 0.1 {ok=1} END {exit !ok}'; then
      first=$(( ($(date +%s%N) - stop) / 1000000 )); break
    fi
    sleep 0.01
  done
  wait "$obs" || true
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
  rss_max=$(sort -n "$WORK/rss" | tail -1)
  echo "== 3x: $conns connections, ${DURATION}s"
  grep -E 'Latency|Req/Sec|requests in|Non-2xx|Socket|Requests/sec|  50%|  99%' "$WORK/over.txt"  # 200s and 503s together
  local total non2xx
  total=$(awk '/requests in/ {print $1}' "$WORK/over.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/over.txt"); non2xx=${non2xx:-0}
  echo "== result: $name"
  echo "capacity:            $cap req/s (p99 $(awk '$1 == "99%" {print $2}' "$WORK/cap.txt") at $CAPACITY_CONNECTIONS connections)"
  echo "at 3x:               $(awk '/Requests\/sec/ {printf "%d", $2}' "$WORK/over.txt") answers/s, of which 503: $(awk -v n="$non2xx" -v t="$total" 'BEGIN {printf "%.1f%%", t ? 100*n/t : 0}') (wrk: $non2xx non-2xx of $total)"
  echo "observer:            $(awk '$1 == 200' "$WORK/observed" | wc -l) x 200: p50 $(awk '$1 == 200 {print $2}' "$WORK/observed" | p 50) ms, p99 $(awk '$1 == 200 {print $2}' "$WORK/observed" | p 99) ms;" \
       "$(awk '$1 == 503' "$WORK/observed" | wc -l) x 503: p50 $(awk '$1 == 503 {print $2}' "$WORK/observed" | p 50) ms, p99 $(awk '$1 == 503 {print $2}' "$WORK/observed" | p 99) ms;" \
       "other: $(awk '$1 != 200 && $1 != 503' "$WORK/observed" | wc -l)"
  echo "server RSS:          before $((rss_before / 1024)) MiB, highest during the load $((rss_max / 1024)) MiB, after $(( $(rss_kb) / 1024 )) MiB"
  echo "after the load:      first 200 ${first_any:-never} ms, first 200 under 100 ms ${first:-never} ms after wrk stopped; /healthz $(curl -s -o /dev/null -w '%{http_code}' "$B/healthz"); server $(kill -0 "$PID" 2>/dev/null && echo alive || echo DEAD)"
  sleep 2
}

[ "$PAGES" = signed-in ] || trial "anonymous article page (cache hit)" "$ANON_THINK_MS" ""
[ "$PAGES" = anonymous ] || trial "signed-in article page (rendered each time)" 1000 "$SIGNED_IN"

echo
echo "== the server's own count (/metrics on the management port)"
curl -fs "http://127.0.0.1:$MANAGEMENT/metrics" | grep -E '^http_requests_(shed_total|queued)' || true
echo "OutOfMemoryError lines in its log: $(grep -c 'OutOfMemoryError' "$WORK/server.log" || true)"
