#!/usr/bin/env bash
# Import throughput: generates a corpus of RSS files and times `pressroom import` into a fresh
# embedded (SQLite) database. Prints items/s and the machine.
#
#   bench/import.sh [files] [items-per-file]      (default 300 x 1000 = 300,000 items, 1.2 GB)
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
WORK="$(mktemp -d /tmp/pressroom-import.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1
echo "== generating $FILES files x $ITEMS items"
java bench/GenerateFeeds.java "$WORK/feeds" "$FILES" "$ITEMS"
du -sh "$WORK/feeds" | awk '{print "corpus size: " $1}'
# The generator's writes go to disk now, not during the import.
sync
echo "== importing into a fresh SQLite database"
java ${BENCH_JAVA_OPTS:-} -jar target/pressroom.jar import "$WORK/feeds" --section "Syndicated News" \
  --source-name "Bench Wire" --data "$WORK/data" 2> "$WORK/progress.log"
du -sh "$WORK/data" | awk '{print "database size: " $1}'
