#!/usr/bin/env bash
# `make bench`: one run, one machine, one load generator (`privy-edge bench`, closed loop).
#  1. the JSON-echo ceiling: `privy-echo` (PRIVY_ECHO_BINARY; Hummingbird decoding the order with
#     Foundation's JSONDecoder and encoding it back, storing nothing); it runs again after the
#     workloads, and the ratio of the two shows how much the machine drifted during the run;
#  2. privy-edge `POST /v1/orders/placed`, durable, doing all its real work, in three workloads,
#     each on a new data directory:
#       updates     95 % updates of the run's orders, 20,000 returning buyers
#       half-new    half new orders, half updates, 10,000 buyers
#       new-buyers  every request a new order from a new buyer (a pool of 10 million)
#     and for each: req/s and p99 against the echo's, the server's CPU per request, its writer
#     thread's (`privy-writer`) CPU per operation, its time in LMDB's commit call per operation
#     and the part of that spent off the CPU waiting for the device (the sync wait), and bytes
#     that reached the block device per request (device counters in /proc/diskstats, framed by
#     `sync`);
#  3. `privy-edge import orders` of a generated 1M-line file: orders/s, against Debian's
#     `mdb_load` of the same lines as raw values under sorted 12-digit keys;
#  4. if PostgreSQL is installed: pgbench running `INSERT … ON CONFLICT DO UPDATE` with the same
#     number of clients, synchronous_commit on (durable), as the peer baseline.
# Prints the load average first: quote figures from a quiet machine only (load average < 1).
# Reports and a latency plot go to out/bench/. Settings come from the environment:
#   BENCH_CONNECTIONS (64), BENCH_DURATION (20s), BENCH_WARMUP (3s), BENCH_IMPORT_LINES (1000000),
#   BENCH_WORKLOADS ("updates half-new new-buyers"), BENCH_SOAK (unset; a duration such as 10m
#   also runs a soak of the orders route and reports its anonymous RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
duration=${BENCH_DURATION:-20s}
warmup=${BENCH_WARMUP:-3s}
import_lines=${BENCH_IMPORT_LINES:-1000000}
workloads=${BENCH_WORKLOADS:-updates half-new new-buyers}

# The bench flags of a named workload.
workload_flags() {
    case $1 in
        updates) echo "--new-share 0.05 --customers 20000" ;;
        half-new) echo "--new-share 0.5 --customers 10000" ;;
        new-buyers) echo "--new-share 1 --customers 10000000" ;;
        *) echo "unknown workload $1 (updates, half-new, new-buyers)" >&2; return 1 ;;
    esac
}

load() { # NAME URL OUT PID [extra bench flags]
    local name=$1 url=$2 report=$3 pid=$4
    shift 4
    "$binary" bench --url "$url" --token "${TOKEN:-none}" --workload orders \
        --concurrency "$connections" --duration "$duration" --warmup "$warmup" \
        --label "$name" --out "$report" --server-pid "$pid" "$@"
}

print_machine
echo "== settings: $connections connections, $duration after $warmup warm-up; workloads: $workloads"

# run_echo LABEL REPORT: the JSON-echo ceiling under the same load as the orders route.
run_echo() {
    "${PRIVY_ECHO_BINARY:-.build/release/privy-echo}" --port 18181 & pids+=($!)
    wait_for_port 18181
    load "$1" http://127.0.0.1:18181 "$2" "${pids[-1]}" $(workload_flags half-new)
    kill "${pids[-1]}"
}

echo "== 1. JSON-echo ceiling (decode-and-reply, same HTTP stack)"
run_echo "JSON echo ceiling" "$out/echo.json"

step=2
reports=("$out/echo.json")
for workload in $workloads; do
    echo "== $step. privy-edge POST /v1/orders/placed, durable: $workload"
    data="$scratch/$workload"
    start_server "$data" 18182 18192
    device=$(block_device "$data")
    before=$(scrape_writer 18192)
    load "privy-edge orders, $workload" http://127.0.0.1:18182 "$out/orders-$workload.json" "$server" \
        ${device:+--disk-device "$device"} $(workload_flags "$workload")
    after=$(scrape_writer 18192)
    echo "$before $after" > "$out/orders-$workload.sync"
    awk '/VmHWM/ {print $2}' "/proc/$server/status" > "$out/orders-$workload.rss"
    stop_server
    reports+=("$out/orders-$workload.json")
    step=$((step + 1))
done
echo "== the JSON-echo ceiling again: how much the machine drifted while the workloads ran"
run_echo "JSON echo ceiling, at the end" "$out/echo-end.json"
"$binary" bench plot "${reports[@]}" --out "$out/latency.svg"

echo "== $step. import of $import_lines generated order lines, and mdb_load of the same lines"
generate_orders "$import_lines" 50000 > "$scratch/orders.ndjson"
import_seconds=$(seconds_of "$binary" import orders "$scratch/orders.ndjson" --data-dir "$scratch/import")
import_rate=$(echo "$import_lines / $import_seconds" | bc -l)
mdb_rate=""
if command -v mdb_load >/dev/null; then
    mdb_load_dump "$scratch/orders.ndjson" > "$scratch/orders.dump"
    mkdir -p "$scratch/mdb_load"
    mdb_seconds=$(seconds_of mdb_load -f "$scratch/orders.dump" "$scratch/mdb_load")
    mdb_rate=$(echo "$import_lines / $mdb_seconds" | bc -l)
fi
step=$((step + 1))

pg_rate=""
if command -v pgbench >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "== $step. peer: PostgreSQL INSERT … ON CONFLICT DO UPDATE (pgbench, $connections clients, synchronous_commit on)"
    pg_rate=$(scripts/bench-postgres.sh "$connections" "${duration%s}" 0.5 | tail -1)
fi

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%MZ), load average at start $load_at_start)"
echo_rps=$(figure "$out/echo.json" throughput_rps)
echo_p99=$(figure "$out/echo.json" latency_ms.p99)
printf "%-34s %9s %9s %7s %9s %9s %9s %9s %10s\n" "" "req/s" "p99 ms" "× echo" "CPU µs" "writer µs" "commit µs" "wait µs" "disk B"
printf "%-34s %9.0f %9.2f %7s %9.1f %9s %9s %9s %10s\n" "JSON echo ceiling" "$echo_rps" "$echo_p99" "1.00" \
    "$(figure "$out/echo.json" server.cpu_us_per_request)" "" "" "" ""
half_new_rps=""
for workload in $workloads; do
    report="$out/orders-$workload.json"
    rps=$(figure "$report" throughput_rps)
    [ "$workload" = half-new ] && half_new_rps=$rps
    read -r w0 commit0 wait0 w1 commit1 wait1 < "$out/orders-$workload.sync"
    printf "%-34s %9.0f %9.2f %7.2f %9.1f %9.1f %9.1f %9.1f %10s\n" "orders, $workload" "$rps" "$(figure "$report" latency_ms.p99)" \
        "$(echo "$rps / $echo_rps" | bc -l)" "$(figure "$report" server.cpu_us_per_request)" \
        "$(figure "$report" server.writer_cpu_us_per_request)" \
        "$(microseconds_per_write "$w0" "$commit0" "$w1" "$commit1")" "$(microseconds_per_write "$w0" "$wait0" "$w1" "$wait1")" \
        "$(figure "$report" server.disk_bytes_per_request 2>/dev/null | xargs printf '%.0f' 2>/dev/null || echo '?')"
done
printf "%-34s %9.0f %9.2f %7.2f %9.1f   (the machine's drift during the run: quote figures only when this is near 1.00)\n" \
    "JSON echo ceiling, again at the end" "$(figure "$out/echo-end.json" throughput_rps)" "$(figure "$out/echo-end.json" latency_ms.p99)" \
    "$(echo "$(figure "$out/echo-end.json" throughput_rps) / $echo_rps" | bc -l)" "$(figure "$out/echo-end.json" server.cpu_us_per_request)"
echo "  (CPU: the server process per request; writer: its privy-writer thread per operation; commit: time in"
echo "   LMDB's commit call per operation, which writes and syncs the pages; wait: the part of it the writer"
echo "   spent off the CPU, waiting for the device; disk: bytes the block device took)"
printf "%-34s %9.0f orders/s" "import, $import_lines lines" "$import_rate"
[ -n "$mdb_rate" ] && printf "   mdb_load %.0f records/s   import / mdb_load %.2f×" "$mdb_rate" "$(echo "$import_rate / $mdb_rate" | bc -l)"
echo
if [ -n "$pg_rate" ] && [ -n "$half_new_rps" ]; then
    printf "%-34s %9.0f upserts/s   privy-edge half-new / PostgreSQL %.2f×\n" "PostgreSQL upsert (pgbench)" "$pg_rate" "$(echo "$half_new_rps / $pg_rate" | bc -l)"
fi
echo "reports: $out/*.json; plot: $out/latency.svg"

if [ -n "${BENCH_SOAK:-}" ]; then
    echo "== soak: orders route for $BENCH_SOAK, RSS sampled every 10 s"
    start_server "$scratch/soak" 18183 18193
    # Anonymous memory (heap, stacks) is what a leak grows; file-backed pages are the LMDB map,
    # which grows with the data and which the kernel can drop at will.
    ( while kill -0 "$server" 2>/dev/null; do awk '/RssAnon/ {print $2}' "/proc/$server/status"; sleep 10; done ) > "$scratch/rss" &
    "$binary" bench --url http://127.0.0.1:18183 --token "$TOKEN" --workload orders --concurrency "$connections" \
        --duration "$BENCH_SOAK" $(workload_flags half-new) --label soak --out "$out/soak.json"
    echo "anonymous RSS (MiB) first/last/peak sample: $(awk 'NR==1 {f=$1} {l=$1; if ($1>m) m=$1} END {printf "%d / %d / %d", f/1024, l/1024, m/1024}' "$scratch/rss")"
fi
