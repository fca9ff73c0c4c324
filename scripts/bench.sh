#!/usr/bin/env bash
# `make bench`: one run, one machine, one load generator.
#  1. the JSON-echo ceiling: `privy-edge echo-server` (Hummingbird decoding the order with
#     Foundation's JSONDecoder and encoding it back, storing nothing);
#  2. privy-edge `POST /v1/orders/placed`, durable, doing all its real work;
#  both driven by `privy-edge bench` with the same settings; prints the ratio and p99s.
#  3. `privy-edge import orders` of a generated 1M-line file: orders/s.
#  4. if PostgreSQL is installed: pgbench running `INSERT … ON CONFLICT DO UPDATE` with the same
#     number of clients, synchronous_commit on (durable), as the peer baseline.
# Reports and a latency plot go to out/bench/. Settings come from the environment:
#   BENCH_CONNECTIONS (64), BENCH_DURATION (20s), BENCH_WARMUP (3s), BENCH_NEW_SHARE (0.5),
#   BENCH_IMPORT_LINES (1000000), BENCH_SOAK (unset; a duration such as 10m also runs a soak of
#   the orders route and reports its peak RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${PRIVY_EDGE_BINARY:-.build/release/privy-edge}
connections=${BENCH_CONNECTIONS:-64}
duration=${BENCH_DURATION:-20s}
warmup=${BENCH_WARMUP:-3s}
new_share=${BENCH_NEW_SHARE:-0.5}
import_lines=${BENCH_IMPORT_LINES:-1000000}
out=out/bench
mkdir -p "$out"
scratch=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# Waits until something answers HTTP on 127.0.0.1:$1.
wait_for_port() {
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    return 1
}

# The figure `jq`-less: a number from a flat key path in a bench report.
figure() {
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); v=r
for k in sys.argv[2].split("."): v=v[k]
print(v)' "$1" "$2"
}

load() { # NAME URL OUT [extra bench flags]
    local name=$1 url=$2 report=$3
    shift 3
    "$binary" bench --url "$url" --token "${TOKEN:-none}" --workload orders \
        --concurrency "$connections" --duration "$duration" --warmup "$warmup" \
        --new-share "$new_share" --label "$name" --out "$report" "$@"
}

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== settings: $connections connections, $duration after $warmup warm-up, new-order share $new_share"

echo "== 1. JSON-echo ceiling (decode-and-reply, same HTTP stack)"
"$binary" echo-server --port 18181 & pids+=($!)
wait_for_port 18181
load "JSON echo ceiling" http://127.0.0.1:18181 "$out/echo.json"
kill "${pids[-1]}"

echo "== 2. privy-edge POST /v1/orders/placed, durable"
data="$scratch/data"
TOKEN=$("$binary" tokens create --data-dir "$data" --scopes orders_write | tail -1)
export TOKEN
"$binary" serve --data-dir "$data" --port 18182 --durability durable --log-level error --admin-port off & pids+=($!)
server=${pids[-1]}
wait_for_port 18182
load "privy-edge orders, durable" http://127.0.0.1:18182 "$out/orders.json"
peak_rss_kib=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
kill "$server"

"$binary" bench plot "$out/echo.json" "$out/orders.json" --out "$out/latency.svg"

echo "== 3. import of $import_lines generated order lines"
awk -v n="$import_lines" 'BEGIN {
    for (i = 1; i <= n; i++)
        printf "{\"order_id\":%d,\"total\":\"%d.%02d\",\"currency\":\"USD\",\"order_date\":\"2026-06-%02dT10:00:00Z\",\"email\":\"buyer-%d@example.com\",\"financial_status\":\"paid\",\"line_items\":[{\"sku\":\"SKU-%d\",\"quantity\":1,\"price\":\"19.99\"}]}\n", i, i % 500, i % 100, 1 + i % 28, i % 50000, i % 97
}' > "$scratch/orders.ndjson"
import_start=$(date +%s.%N)
"$binary" import orders "$scratch/orders.ndjson" --data-dir "$scratch/import" > "$scratch/import.log"
import_seconds=$(echo "$(date +%s.%N) - $import_start" | bc -l)
import_rate=$(echo "$import_lines / $import_seconds" | bc -l)

pg_rate=""
if command -v pgbench >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "== 4. peer: PostgreSQL INSERT … ON CONFLICT DO UPDATE (pgbench, $connections clients, synchronous_commit on)"
    pg_rate=$(scripts/bench-postgres.sh "$connections" "${duration%s}" "$new_share" | tail -1)
fi

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%MZ))"
echo_rps=$(figure "$out/echo.json" throughput_rps)
orders_rps=$(figure "$out/orders.json" throughput_rps)
printf "%-44s %10.0f req/s   p99 %6.2f ms\n" "JSON echo ceiling" "$echo_rps" "$(figure "$out/echo.json" latency_ms.p99)"
printf "%-44s %10.0f req/s   p99 %6.2f ms   peak RSS %d MiB\n" "privy-edge POST /v1/orders/placed (durable)" "$orders_rps" "$(figure "$out/orders.json" latency_ms.p99)" "$((peak_rss_kib / 1024))"
printf "%-44s %10.2f×   (target ≥ 1.00×, p99 ≤ 10 ms at 64 connections)\n" "orders / echo ceiling" "$(echo "$orders_rps / $echo_rps" | bc -l)"
printf "%-44s %10.0f orders/s (target ≥ 100,000)\n" "import, $import_lines lines" "$import_rate"
if [ -n "$pg_rate" ]; then
    printf "%-44s %10.0f upserts/s   privy-edge / PostgreSQL %.2f×\n" "PostgreSQL upsert (pgbench)" "$pg_rate" "$(echo "$orders_rps / $pg_rate" | bc -l)"
fi
echo "reports: $out/echo.json $out/orders.json; plot: $out/latency.svg"

if [ -n "${BENCH_SOAK:-}" ]; then
    echo "== soak: orders route for $BENCH_SOAK, RSS sampled every 10 s"
    TOKEN=$("$binary" tokens create --data-dir "$scratch/soak" --scopes orders_write | tail -1)
    "$binary" serve --data-dir "$scratch/soak" --port 18183 --durability durable --log-level error --admin-port off & pids+=($!)
    soak=${pids[-1]}
    wait_for_port 18183
    # Anonymous memory (heap, stacks) is what a leak grows; file-backed pages are the LMDB map,
    # which grows with the data and which the kernel can drop at will.
    ( while kill -0 "$soak" 2>/dev/null; do awk '/RssAnon/ {print $2}' "/proc/$soak/status"; sleep 10; done ) > "$scratch/rss" &
    "$binary" bench --url http://127.0.0.1:18183 --token "$TOKEN" --workload orders --concurrency "$connections" \
        --duration "$BENCH_SOAK" --new-share "$new_share" --label soak --out "$out/soak.json"
    echo "anonymous RSS (MiB) first/last/peak sample: $(awk 'NR==1 {f=$1} {l=$1; if ($1>m) m=$1} END {printf "%d / %d / %d", f/1024, l/1024, m/1024}' "$scratch/rss")"
fi
