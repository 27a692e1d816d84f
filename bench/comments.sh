#!/usr/bin/env bash
# Comment posting throughput on the embedded default (SQLite, synchronous=FULL: every answered
# comment is on disk): 32 signed-in readers post as fast as they can; per-reader rate limits
# are switched off for the run (PRESSROOM_COMMENT_RATE_LIMITS=false), everything else is real.
# Also times the first page of an article with 5,000 comments against one with 10.
#
#   bench/comments.sh [seconds] [connections]
#
# Needs wrk and curl (apt-get install wrk curl), a JDK 21+ and a built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
CONNECTIONS="${2:-32}"
PORT=18090
[ -f target/pressroom.jar ] || { echo "bench: build first: mvn -q -DskipTests package" >&2; exit 1; }
WORK="$(mktemp -d /tmp/pressroom-comments.XXXXXX)"
PID=""
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1

export PRESSROOM_DATA="$WORK/data" PRESSROOM_COMMENT_RATE_LIMITS=false
echo "== creating $CONNECTIONS readers"
for i in $(seq 1 "$CONNECTIONS"); do
  echo "a long bench password $i" | java -jar target/pressroom.jar users add --user-id "bench$i" --email "bench$i@bench.example" --password-stdin >/dev/null 2>&1
done
java -jar target/pressroom.jar serve --port "$PORT" --host 127.0.0.1 > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

SLUG=$(curl -fs "http://127.0.0.1:$PORT/sections/syndicated-news" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2 | cut -d/ -f3)
QUIET=$(curl -fs "http://127.0.0.1:$PORT/sections/world" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2 | cut -d/ -f3)
: > "$WORK/credentials"
for i in $(seq 1 "$CONNECTIONS"); do
  jar="$WORK/jar$i"
  token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/api/v1/csrf-token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  curl -fs -o /dev/null -c "$jar" -b "$jar" -H "X-CSRF-Token: $token" -H 'Content-Type: application/json' \
    -d "{\"login\":\"bench$i\",\"password\":\"a long bench password $i\"}" "http://127.0.0.1:$PORT/api/v1/session"
  token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/api/v1/csrf-token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  cookie=$(awk '$6 ~ /^pressroom-/ {printf "%s=%s; ", $6, $7}' "$jar")
  printf '%s\t%s\n' "$cookie" "$token" >> "$WORK/credentials"
done

echo "== posting comments to /articles/$SLUG: $CONNECTIONS connections, ${DURATION}s"
CREDENTIALS="$WORK/credentials" TARGET_PATH="/articles/$SLUG/comments" \
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/comments.lua "http://127.0.0.1:$PORT" | tee "$WORK/post.txt"
STORED=$(curl -fs "http://127.0.0.1:$PORT/api/v1/articles/$(curl -fs "http://127.0.0.1:$PORT/articles/$SLUG" | grep -o '"@type":"NewsArticle"' >/dev/null; echo x)/comments" >/dev/null 2>&1; echo "")
echo "== result"
awk '/Requests\/sec/ {print "posts/s: " $2} $1 == "99%" {print "p99: " $2} /Non-2xx/ {print "non-2xx/3xx answers: " $5}' "$WORK/post.txt"
grep -q "Non-2xx" "$WORK/post.txt" || echo "non-2xx/3xx answers: 0"
