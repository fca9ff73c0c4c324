#!/usr/bin/env bash
# Group-commit write throughput through HTTP: POST /v1/contacts (each a new contact) and
# POST /v1/orders/placed (half new orders, half updates), each with 1 and with 64 concurrent
# connections, against a release build on a fresh data directory.
# Usage: scripts/bench-writes.sh [DURATION_SECONDS] [DURABILITY]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
durability=${2:-durable}
binary=${PRIVY_EDGE_BINARY:-.build/release/privy-edge}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
data=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
TOKEN=$("$binary" tokens create --data-dir "$data" --scopes contacts_write,orders_write | tail -1)
export TOKEN
"$binary" serve --data-dir "$data" --port 18090 --durability "$durability" --log-level error --admin-port off &
server=$!
sleep 1
for script in create-contacts place-orders; do
    for connections in 1 64; do
        threads=$(( connections < 2 ? 1 : 2 ))
        echo "== $script, $durability, $connections connection(s), ${duration}s"
        wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "Benchmarks/wrk/$script.lua" http://127.0.0.1:18090 \
            | grep -E "Requests/sec|Latency|50%|99%|non-2xx"
    done
done
