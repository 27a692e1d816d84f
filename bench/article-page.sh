#!/usr/bin/env bash
# Article page throughput: Pressroom's cached article page against nginx serving the very same
# bytes as a static file, in one run, on this machine. Prints both and the ratio; with Varnish
# installed (apt-get install varnish varnish-modules) also the page through Varnish and the VCL in
# deploy/varnish, as a shared cache in front would serve it. Then a signed-in reader's article page
# (made for that reader, never shared) against nginx serving the bytes that reader got.
#
#   bench/article-page.sh [duration-seconds] [connections]
#
# Environment: WARMUP (seconds of uncounted load before the timed runs, default 10), BENCH_JAVA_OPTS.
#
# Needs wrk and nginx (Debian: apt-get install wrk nginx), a JDK 21+ and a built jar
# (mvn -q -DskipTests package). Only loopback is used; every run stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
java -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' || { echo "bench: needs a JDK 21+ as java on the PATH" >&2; exit 1; }

DURATION="${1:-20}"
CONNECTIONS="${2:-64}"
WARMUP="${WARMUP:-10}"
THREADS=2

for tool in wrk nginx curl java python3; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' is missing (apt-get install wrk nginx curl python3)" >&2; exit 1; }
done
# Free ports, not fixed ones: on a shared machine another server may hold any fixed port.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PR_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
VARNISH_PORT="$(free_port)"
[ -f target/pressroom.jar ] || { echo "bench: build first: mvn -q -DskipTests package" >&2; exit 1; }

WORK="$(mktemp -d /tmp/pressroom-bench.XXXXXX)"
PR_PID=""; NGINX_STARTED=""; VARNISH_PID=""
cleanup() {
  [ -n "$PR_PID" ] && kill "$PR_PID" 2>/dev/null || true
  [ -n "$VARNISH_PID" ] && kill "$VARNISH_PID" 2>/dev/null || true
  [ -n "$NGINX_STARTED" ] && nginx -p "$WORK/nginx" -c nginx.conf -s stop 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1
wrk --version 2>&1 | head -1 || true
nginx -v 2>&1

echo "== starting Pressroom (demo content, SQLite) on port $PR_PORT"
echo "a long bench password" | java -jar target/pressroom.jar users add --data "$WORK/data" --user-id benchdesk \
  --email desk@bench.example --role moderator --password-stdin > /dev/null
# A plain reader, for the signed-in page.
echo "seven quiet harbour lanterns" | java -jar target/pressroom.jar users add --data "$WORK/data" --user-id benchreader \
  --email reader@bench.example --role reader --password-stdin > /dev/null
# Rate limits off only so the set-up below can post its comments quickly.
PRESSROOM_COMMENT_RATE_LIMITS=false java ${BENCH_JAVA_OPTS:-} -jar target/pressroom.jar serve --port "$PR_PORT" --host 127.0.0.1 \
  --data "$WORK/data" > "$WORK/pressroom.log" 2>&1 &
PR_PID=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PR_PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
{ kill -0 "$PR_PID" 2>/dev/null && curl -fs "http://127.0.0.1:$PR_PORT/healthz" >/dev/null; } || { cat "$WORK/pressroom.log"; exit 1; }

# The largest article page of the demo: the long wire story the site is built around.
best=""; best_size=0
sections=$(curl -fs "http://127.0.0.1:$PR_PORT/" | grep -o 'href="/sections/[^"]*"' | cut -d'"' -f2 | sort -u)
for path in $(for s in $sections; do curl -fs "http://127.0.0.1:$PR_PORT$s"; done | grep -o 'href="/articles/[^"]*"' | cut -d'"' -f2 | sort -u); do
  size=$(curl -fs "http://127.0.0.1:$PR_PORT$path" | wc -c)
  if [ "$size" -gt "$best_size" ]; then best="$path"; best_size="$size"; fi
done

# Comments present, as on a real site: 40 published comments on the article (a moderator posts
# them and approves the ones a new account's first comments wait for).
B="http://127.0.0.1:$PR_PORT"
token() { curl -fs -c "$WORK/jar" -b "$WORK/jar" "$B/api/v1/csrf-token" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
T=$(token)
curl -fs -o /dev/null -c "$WORK/jar" -b "$WORK/jar" -H "X-CSRF-Token: $T" -H 'Content-Type: application/json' \
  -d '{"login":"benchdesk","password":"a long bench password"}' "$B/api/v1/session"
T=$(token)
for i in $(seq 1 40); do
  curl -fs -o /dev/null -b "$WORK/jar" --data-urlencode "_csrf=$T" \
    --data-urlencode "body=Bench comment $i: the harbour story raises a fair question about shift patterns, number $i." "$B$best/comments"
done
for id in $(curl -fs -b "$WORK/jar" "$B/api/v1/moderation/queue" | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
  curl -fs -o /dev/null -b "$WORK/jar" -H "X-CSRF-Token: $T" -X POST "$B/api/v1/moderation/comments/$id/approve" || true
done
rm -f "$WORK/jar"
sleep 1 # the page cache drops the page within 250 ms
best_size=$(curl -fs "$B$best" | wc -c)
echo "article: $best ($best_size bytes, Comments ($(curl -fs "$B$best" | grep -o 'id="comments-heading" data-count="[0-9]*"' | head -1 | tr -dc 0-9)))"

# A returning reader holding a CSRF cookie (from the sign-in page) gets the same shared page as
# a first visit; both servers are asked with that cookie.
TOKEN="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-43)"
COOKIE="Cookie: pressroom-csrf=$TOKEN"
mkdir -p "$WORK/nginx/html/articles" "$WORK/nginx/logs"
curl -fs -H "$COOKIE" "http://127.0.0.1:$PR_PORT$best" > "$WORK/nginx/html$best"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  default_type text/html;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/html;
    etag on;
  }
}
CONF
mkdir -p "$WORK/nginx/tmp"
chmod -R a+rX "$WORK"   # nginx's workers run as an unprivileged user
nginx -p "$WORK/nginx" -c nginx.conf
NGINX_STARTED=1
cmp <(curl -fs "http://127.0.0.1:$NGINX_PORT$best") <(curl -fs -H "$COOKIE" "http://127.0.0.1:$PR_PORT$best") \
  && echo "same bytes from both servers"

echo "== warming up the JVM ($WARMUP s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "$COOKIE" "http://127.0.0.1:$PR_PORT$best" > /dev/null

run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${@:3}" "$1" | tee "$WORK/$2.txt"
}
echo "== nginx, static file: $THREADS threads, $CONNECTIONS connections, ${DURATION}s"
run "http://127.0.0.1:$NGINX_PORT$best" nginx -H "$COOKIE"
echo "== Pressroom, article page: $THREADS threads, $CONNECTIONS connections, ${DURATION}s"
run "http://127.0.0.1:$PR_PORT$best" pressroom -H "$COOKIE"
echo "== Pressroom, article page, first visits (no cookie)"
run "http://127.0.0.1:$PR_PORT$best" first
if [ -x /usr/sbin/varnishd ]; then
  sed -e "s/.port = \"8000\";/.port = \"$PR_PORT\";/" -e 's#.url = "/lb-health";#.url = "/healthz";#' deploy/varnish/pressroom.vcl > "$WORK/pressroom.vcl"
  /usr/sbin/varnishd -F -j none -a "127.0.0.1:$VARNISH_PORT" -f "$WORK/pressroom.vcl" -n "$WORK/varnish" \
    -s malloc,256m > "$WORK/varnish.log" 2>&1 &
  VARNISH_PID=$!
  for _ in $(seq 1 50); do
    curl -fs "http://127.0.0.1:$VARNISH_PORT$best" -o /dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fs -o /dev/null "http://127.0.0.1:$VARNISH_PORT$best"
  echo "== Varnish 7 in front (deploy/varnish/pressroom.vcl), cache hits: X-Cache $(curl -fsI "http://127.0.0.1:$VARNISH_PORT$best" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache" {print $2}')"
  run "http://127.0.0.1:$VARNISH_PORT$best" varnish -H "$COOKIE"
fi

# A signed-in reader (role reader, signed in through the JSON API as above): the page is made for
# that reader on every request (filled in from the stencil every reader in their place shares). nginx serves the bytes the reader got, under /signed-in/.
token_for() { curl -fs -c "$WORK/reader-jar" -b "$WORK/reader-jar" "$B/api/v1/csrf-token" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }
T=$(token_for)
curl -fs -o /dev/null -c "$WORK/reader-jar" -b "$WORK/reader-jar" -H "X-CSRF-Token: $T" -H 'Content-Type: application/json' \
  -d '{"login":"benchreader","password":"seven quiet harbour lanterns"}' "$B/api/v1/session"
READER_COOKIE="Cookie: $(awk '$6 ~ /^pressroom-/ {printf "%s=%s; ", $6, $7}' "$WORK/reader-jar" | sed 's/; $//')"
grep -q 'pressroom-session' <<< "$READER_COOKIE" || { echo "bench: the reader's sign-in gave no session cookie" >&2; exit 1; }
mkdir -p "$WORK/nginx/html/signed-in/articles"
curl -fs -H "$READER_COOKIE" "$B$best" > "$WORK/nginx/html/signed-in$best"
chmod -R a+rX "$WORK/nginx/html"
signed_size=$(wc -c < "$WORK/nginx/html/signed-in$best")
grep -q 'benchreader' "$WORK/nginx/html/signed-in$best" && signed_as="names the reader" || signed_as="does not name the reader"
echo "signed-in article: $best ($signed_size bytes for benchreader, role reader; the page $signed_as)"
cmp -s <(curl -fs "http://127.0.0.1:$NGINX_PORT/signed-in$best") <(curl -fs -H "$READER_COOKIE" "$B$best") \
  && echo "same bytes from both servers (signed in)" \
  || echo "signed-in page differs from one request to the next (per-request tokens); nginx serves one copy of $signed_size bytes"
echo "== warming up the signed-in page ($WARMUP s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "$READER_COOKIE" "$B$best" > /dev/null
echo "== nginx, static file of the signed-in page: $THREADS threads, $CONNECTIONS connections, ${DURATION}s"
run "http://127.0.0.1:$NGINX_PORT/signed-in$best" nginx-signed -H "$READER_COOKIE"
echo "== Pressroom, article page, signed-in reader: $THREADS threads, $CONNECTIONS connections, ${DURATION}s"
run "$B$best" signed -H "$READER_COOKIE"

rps() { awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
p99() { awk '$1 == "99%" {print $2}' "$WORK/$1.txt"; }
echo "== result"
echo "nginx:     $(rps nginx) req/s, p99 $(p99 nginx)"
echo "pressroom: $(rps pressroom) req/s, p99 $(p99 pressroom)"
echo "pressroom, first visits: $(rps first) req/s, p99 $(p99 first)"
[ -f "$WORK/varnish.txt" ] && echo "varnish in front: $(rps varnish) req/s, p99 $(p99 varnish)"
awk -v p="$(rps pressroom)" -v n="$(rps nginx)" 'BEGIN { printf "ratio pressroom/nginx: %.2f (goal >= 0.80)\n", p / n }'
awk -v p="$(rps first)" -v n="$(rps nginx)" 'BEGIN { printf "ratio first visits/nginx: %.2f (goal >= 0.80)\n", p / n }'
echo "nginx, signed-in page bytes: $(rps nginx-signed) req/s, p99 $(p99 nginx-signed)"
echo "signed-in: $(rps signed) req/s, p99 $(p99 signed)"
awk -v p="$(rps signed)" -v n="$(rps nginx-signed)" 'BEGIN { printf "ratio signed-in/nginx: %.2f (goal >= 0.50)\n", p / n }'
for f in pressroom first signed; do
  echo "non-2xx/3xx answers ($f): $(awk '/Non-2xx/ {print $5}' "$WORK/$f.txt" | grep . || echo 0)"
done
