# Shared by scripts/bench.sh and scripts/bench-scale.sh (sourced): the binary, a scratch
# directory removed on exit, servers started and stopped, figures read from reports.
binary=${PRIVY_EDGE_BINARY:-.build/release/privy-edge}
scratch=$(mktemp -d)
pids=()
server=""
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
# The load generator's connections (BENCH_CONNECTIONS, 64) and where reports go.
connections=${BENCH_CONNECTIONS:-64}
out=out/bench
mkdir -p "$out"
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

print_machine() {
    echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $load_at_start"
    if awk '{exit !($1 >= 1)}' /proc/loadavg; then
        echo "   warning: load average ≥ 1: something else runs; these figures will understate the product" >&2
    fi
}

# Waits until something answers on 127.0.0.1:$1.
wait_for_port() {
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "nothing listens on port $1" >&2
    return 1
}

# A figure from a bench report by a dotted key path.
figure() {
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); v=r
for k in sys.argv[2].split("."): v=v[k]
print(v)' "$1" "$2"
}

# start_server DATA_DIR PORT ADMIN_PORT: a durable server with an orders_write token in $TOKEN
# and its pid in $server.
start_server() {
    TOKEN=$("$binary" tokens create --data-dir "$1" --scopes orders_write | tail -1)
    export TOKEN
    "$binary" serve --data-dir "$1" --port "$2" --durability durable --log-level error \
        --admin-host 127.0.0.1 --admin-port "$3" & pids+=($!)
    server=${pids[-1]}
    wait_for_port "$2"
}

stop_server() {
    kill "$server"
    wait "$server" 2>/dev/null || true
}

# The block device (as /proc/diskstats names it) holding directory $1, or nothing.
block_device() {
    local source
    source=$(df --output=source "$(dirname "$1")" | tail -1)
    case $source in
        /dev/*) basename "$(readlink -f "$source")" ;;
    esac
}

# "writes commit_seconds wait_seconds" from the admin listener on port $1: writes answered, time
# in LMDB's commit call, and the part of it the writer thread waited off the CPU for the device.
scrape_writer() {
    curl -s "http://127.0.0.1:$1/metrics" | awk '
        $1 == "privy_edge_writes_total" {w = $2}
        $1 == "privy_edge_write_sync_duration_seconds_sum" {s = $2}
        $1 == "privy_edge_write_sync_wait_seconds_sum" {x = $2}
        END {printf "%s %s %s", w + 0, s + 0, x + 0}'
}

# Microseconds of a scraped time per write between two scrapes: W0 T0 W1 T1.
microseconds_per_write() {
    echo "$1 $2 $3 $4" | awk '{ if ($3 > $1) printf "%.1f", ($4 - $2) * 1e6 / ($3 - $1); else print "?" }'
}

# Seconds a command takes (its output discarded).
seconds_of() {
    local start
    start=$(date +%s.%N)
    "$@" > /dev/null
    echo "$(date +%s.%N) - $start" | bc -l
}

# generate_orders COUNT BUYERS [FIRST_ID [PER_BUYER]]: NDJSON order lines from FIRST_ID on; order i
# comes from buyer i % BUYERS, or with PER_BUYER from buyer i / PER_BUYER (BUYERS ignored).
generate_orders() {
    awk -v n="$1" -v buyers="$2" -v first="${3:-1}" -v per="${4:-0}" 'BEGIN {
        for (i = first; i < first + n; i++)
            printf "{\"order_id\":%d,\"total\":\"%d.%02d\",\"currency\":\"USD\",\"order_date\":\"2026-06-%02dT10:00:00Z\",\"email\":\"buyer-%d@example.com\",\"financial_status\":\"paid\",\"line_items\":[{\"sku\":\"SKU-%d\",\"quantity\":1,\"price\":\"19.99\"}]}\n", i, i % 500, i % 100, 1 + i % 28, (per > 0 ? int(i / per) : i % buyers), i % 97
    }'
}

# mdb_load's dump format of NDJSON lines on stdin as values under sorted 12-digit keys, with a
# map large enough for them.
mdb_load_dump() {
    printf 'VERSION=3\nformat=print\ntype=btree\nmapsize=%d\nHEADER=END\n' $((4 * 1024 * 1024 * 1024 * 4))
    awk '{ gsub(/\\/, "\\\\"); printf " %012d\n %s\n", NR, $0 }' "$1"
    echo DATA=END
}
