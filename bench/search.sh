#!/usr/bin/env bash
# Search speed: builds an index of N generated articles with the site's own ArticleIndex and
# times typical queries (one at a time, the hot path of /search): prints p50/p90/p99.
#
#   bench/search.sh [articles] [queries] [index-folder]   (default 1,000,000 articles, 2,000 queries;
#                                                         a folder keeps the index for the next run)
set -euo pipefail
cd "$(dirname "$0")/.."
java -version 2>&1 | head -1 | grep -Eq '"(2[1-9]|[3-9][0-9])' || { echo "bench: needs a JDK 21+ as java on the PATH" >&2; exit 1; }
[ -f target/pressroom.jar ] || { echo "bench: build first: mvn -q -DskipTests package" >&2; exit 1; }
echo "== machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1
# BENCH_JFR=/tmp/s.jfr records a flight recording (a profile) of the run.
java -Xmx4g ${BENCH_JFR:+-XX:StartFlightRecording=filename=$BENCH_JFR -XX:FlightRecorderOptions:stackdepth=256} --add-modules jdk.incubator.vector -cp target/pressroom.jar bench/SearchBench.java "${1:-1000000}" "${2:-2000}" ${3:+"$3"} 2>&1 | grep -v "WARNING"
