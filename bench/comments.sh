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
java -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' || { echo "bench: needs a JDK 21+ as java on the PATH" >&2; exit 1; }
DURATION="${1:-15}"
CONNECTIONS="${2:-32}"
# A free port, not a fixed one: on a shared machine another server may hold any fixed port.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="${PORT:-$(free_port)}"
[ -f target/pressroom.jar ] || { echo "bench: build first: mvn -q -DskipTests package" >&2; exit 1; }
WORK="$(mktemp -d /tmp/pressroom-comments.XXXXXX)"
PID=""
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1

export PRESSROOM_DATA="$WORK/data" PRESSROOM_COMMENT_RATE_LIMITS=false
echo "== creating $CONNECTIONS readers and a moderator"
for i in $(seq 1 "$CONNECTIONS"); do
  echo "a long bench password $i" | java -jar target/pressroom.jar users add --user-id "bench$i" --email "bench$i@bench.example" --password-stdin >/dev/null 2>&1
done
echo "a long moderator password" | java -jar target/pressroom.jar users add --user-id benchdesk --email desk@bench.example --role moderator --password-stdin >/dev/null 2>&1
java ${BENCH_JAVA_OPTS:-} -jar target/pressroom.jar serve --port "$PORT" --host 127.0.0.1 > "$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
{ kill -0 "$PID" 2>/dev/null && curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null; } \
  || { echo "bench: the server did not start (or another holds port $PORT); its log:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; }

SLUG=$(curl -fs "http://127.0.0.1:$PORT/sections/syndicated-news" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2 | cut -d/ -f3)
WARM=$(curl -fs "http://127.0.0.1:$PORT/sections/world" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2 | cut -d/ -f3)
SMALL=$(curl -fs "http://127.0.0.1:$PORT/sections/culture" | grep -o 'href="/articles/[^"]*"' | head -1 | cut -d'"' -f2 | cut -d/ -f3)

signin() { # jar user password → prints "cookie<TAB>token"
  local jar="$1" token cookie
  token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/api/v1/csrf-token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  curl -fs -o /dev/null -c "$jar" -b "$jar" -H "X-CSRF-Token: $token" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$2\",\"password\":\"$3\"}" "http://127.0.0.1:$PORT/api/v1/session"
  token=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/api/v1/csrf-token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  cookie=$(awk '$6 ~ /^pressroom-/ {printf "%s=%s; ", $6, $7}' "$jar")
  printf '%s\t%s\n' "$cookie" "$token"
}
IFS=$'\t' read -r MOD_COOKIE MOD_TOKEN < <(signin "$WORK/jarmod" benchdesk "a long moderator password")

: > "$WORK/credentials"
for i in $(seq 1 "$CONNECTIONS"); do
  jar="$WORK/jar$i"
  signin "$jar" "bench$i" "a long bench password $i" >> "$WORK/credentials"
done

# A new reader's first three comments wait for a moderator: post them and approve them, so the
# timed run below publishes at once, as for established readers.
echo "== warming up: 3 comments per reader, approved by the moderator"
while IFS=$'\t' read -r cookie token; do
  for n in 1 2 3; do
    curl -fs -o /dev/null -H "Cookie: $cookie" --data-urlencode "body=Warm-up $n $RANDOM" --data-urlencode "_csrf=$token" \
      "http://127.0.0.1:$PORT/articles/$WARM/comments"
  done
done < "$WORK/credentials"
for _ in 1 2; do
  for id in $(curl -fs -H "Cookie: $MOD_COOKIE" "http://127.0.0.1:$PORT/api/v1/moderation/queue" | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
    curl -fs -o /dev/null -H "Cookie: $MOD_COOKIE" -H "X-CSRF-Token: $MOD_TOKEN" -X POST "http://127.0.0.1:$PORT/api/v1/moderation/comments/$id/approve"
  done
done
# Ten comments on a small thread, to compare with the big one.
n=0
while IFS=$'\t' read -r cookie token && [ $n -lt 10 ]; do
  curl -fs -o /dev/null -H "Cookie: $cookie" --data-urlencode "body=Small thread comment $n" --data-urlencode "_csrf=$token" \
    "http://127.0.0.1:$PORT/articles/$SMALL/comments"
  n=$((n + 1))
done < "$WORK/credentials"

echo "== posting comments to /articles/$SLUG: $CONNECTIONS connections, ${DURATION}s"
CREDENTIALS="$WORK/credentials" TARGET_PATH="/articles/$SLUG/comments" \
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/comments.lua "http://127.0.0.1:$PORT" | tee "$WORK/post.txt"
RATE=2000
PACE=$(( 1000 * CONNECTIONS / RATE - 3 ))  # minus about what a post takes
echo "== the same, paced: $CONNECTIONS posters offering about $RATE posts/s (each waits ${PACE} ms before a post)"
CREDENTIALS="$WORK/credentials" TARGET_PATH="/articles/$SLUG/comments" PACE_MS="$PACE" \
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/comments.lua "http://127.0.0.1:$PORT" > "$WORK/paced.txt"
echo "== first page of comments, rendered for a signed-in moderator on every request: big vs small thread"
# Rendered, not filled in from the readers' stencil: ?comment= (the one-off notice a reader sees
# after posting) makes the page the reader's own, as muting someone or commenting on it does.
# The page's comment count: its heading's data-count (the text says "N comments").
count() { echo "Comments ($(curl -fs "http://127.0.0.1:$PORT/articles/$1" | grep -o 'id="comments-heading" data-count="[0-9]*"' | head -1 | tr -dc 0-9))"; }
BIG=$(count "$SLUG")
LITTLE=$(count "$SMALL")
wrk -t1 -c4 -d8s --latency -H "Cookie: $MOD_COOKIE" "http://127.0.0.1:$PORT/articles/$SLUG?comment=rendered" > "$WORK/big.txt"
wrk -t1 -c4 -d8s --latency -H "Cookie: $MOD_COOKIE" "http://127.0.0.1:$PORT/articles/$SMALL?comment=rendered" > "$WORK/small.txt"
echo "== result"
echo "big thread ($BIG): $(awk '$1 == "50%" {print "median " $2} $1 == "99%" {print ", p99 " $2}' "$WORK/big.txt" | tr -d '\n')"
echo "small thread ($LITTLE): $(awk '$1 == "50%" {print "median " $2} $1 == "99%" {print ", p99 " $2}' "$WORK/small.txt" | tr -d '\n')"
summary() { # wrk output → "N posts/s, median X, p99 Y"
  echo "$(awk '/Requests\/sec/ {print $2}' "$1") posts/s, median $(awk '$1 == "50%" {print $2}' "$1"), p99 $(awk '$1 == "99%" {print $2}' "$1")"
}
echo "as fast as possible: $(summary "$WORK/post.txt")"
echo "paced at about $RATE/s: $(summary "$WORK/paced.txt")"
for f in post paced; do
  echo "non-2xx/3xx answers ($f): $(awk '/Non-2xx/ {print $5}' "$WORK/$f.txt" | grep . || echo 0)"
done
