#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) of the reader pages that
# matter most: the home page, a section page and an article page with its picture, each on a
# simulated phone (Lighthouse's default: Moto G Power, slow 4G) and on a desktop. Runs the demo
# site on loopback and Debian's Chromium; prints one table and exits 1 if any score is under 95.
#
#   bench/lighthouse.sh [minimum-score]
#
# Needs Node 20 with npm, Debian's chromium, a JDK 21+ and a built jar (mvn -q -DskipTests package).
# Lighthouse 12.2.3 is installed once into bench/out/lighthouse (no browser download).
set -euo pipefail
cd "$(dirname "$0")/.."
MIN="${1:-95}"
PORT=18090
java -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' || { echo "lighthouse: needs a JDK 21+ as java on the PATH" >&2; exit 1; }
for tool in node npm curl chromium; do
  command -v "$tool" >/dev/null || { echo "lighthouse: '$tool' is missing (apt-get install nodejs npm chromium)" >&2; exit 1; }
done
[ -f target/pressroom.jar ] || { echo "lighthouse: build first: mvn -q -DskipTests package" >&2; exit 1; }
LH=bench/out/lighthouse/node_modules/.bin/lighthouse
if [ ! -x "$LH" ]; then
  echo "== installing lighthouse@12.2.3 into bench/out/lighthouse"
  mkdir -p bench/out/lighthouse
  PUPPETEER_SKIP_DOWNLOAD=1 npm i -E --silent --no-audit --no-fund --prefix bench/out/lighthouse lighthouse@12.2.3 >/dev/null
fi

WORK="$(mktemp -d /tmp/pressroom-lighthouse.XXXXXX)"
PR_PID=""
cleanup() { [ -n "$PR_PID" ] && kill "$PR_PID" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1
chromium --version 2>/dev/null | head -1
echo "node $(node --version), lighthouse $("$LH" --version)"

java --enable-native-access=ALL-UNNAMED -jar target/pressroom.jar serve --port "$PORT" --host 127.0.0.1 \
  --data "$WORK/data" > "$WORK/pressroom.log" 2>&1 &
PR_PID=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$WORK/pressroom.log"; exit 1; }
# The demo's pictures are drawn at first start; wait until the front page shows them.
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/" | grep -q '/pictures/' && break; sleep 0.2; done

section=$(curl -fs "http://127.0.0.1:$PORT/" | grep -o 'href="/sections/[^"]*"' | head -1 | cut -d'"' -f2)
article=""
for path in $(curl -fs "http://127.0.0.1:$PORT/" | grep -o 'href="/articles/[^"]*"' | cut -d'"' -f2); do
  if curl -fs "http://127.0.0.1:$PORT$path" | grep -q 'class="lead-image"'; then article="$path"; break; fi
done
[ -n "$article" ] || { echo "lighthouse: no article with a picture on the front page" >&2; exit 1; }

export CHROME_PATH="$(command -v chromium)"
status=0
printf '\n%-10s %-8s %-46s %6s %6s %6s %6s\n' page device path perf a11y best seo
for kind in home section article; do
  case $kind in home) path=/ ;; section) path=$section ;; article) path=$article ;; esac
  for device in mobile desktop; do
    preset=(); [ "$device" = desktop ] && preset=(--preset=desktop)
    out="$WORK/$kind-$device.json"
    "$LH" "http://127.0.0.1:$PORT$path" "${preset[@]}" --quiet --output=json --output-path="$out" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1
    read -r perf a11y best seo < <(node -e '
      const r = require(process.argv[1]).categories;
      console.log(["performance","accessibility","best-practices","seo"].map(k => Math.round(r[k].score * 100)).join(" "));
    ' "$out")
    printf '%-10s %-8s %-46s %6s %6s %6s %6s\n' "$kind" "$device" "${path:0:46}" "$perf" "$a11y" "$best" "$seo"
    for s in $perf $a11y $best $seo; do [ "$s" -ge "$MIN" ] || status=1; done
    if [ "$perf" -lt "$MIN" ] || [ "$a11y" -lt "$MIN" ] || [ "$best" -lt "$MIN" ] || [ "$seo" -lt "$MIN" ]; then
      node -e '
        const r = require(process.argv[1]);
        for (const [id, a] of Object.entries(r.audits))
          if (a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
            console.log("    " + id + ": " + (a.displayValue || a.title));
      ' "$out"
    fi
  done
done
mkdir -p bench/out && cp "$WORK"/*.json bench/out/ 2>/dev/null || true
echo
[ $status -eq 0 ] && echo "every score >= $MIN" || echo "some score < $MIN (reports in bench/out/*.json)"
exit $status
