#!/usr/bin/env bash
# List and filter latency at scale: loads CONTACTS contacts (default 1,000,000) through the API
# (email consent cycling subscribed/unsubscribed/never_subscribed/suppressed), then measures
# GET /v1/contacts pages and filters with wrk.
# Usage: scripts/bench-list.sh [CONTACTS]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-1000000}
binary=${PRIVY_EDGE_BINARY:-.build/release/privy-edge}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
data=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
TOKEN=$("$binary" tokens create --data-dir "$data" --scopes contacts_read,contacts_write | tail -1)
export TOKEN
"$binary" serve --data-dir "$data" --port 18091 --durability relaxed --log-level error --admin-port off &
server=$!
sleep 1
count() {
    curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18091/v1/contacts?per_page=1" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["pagination"]["total_count"])'
}
start=$(date +%s)
while [ "$(count)" -lt "$target" ]; do
    wrk -t2 -c64 -d20s -s Benchmarks/wrk/create-contacts.lua http://127.0.0.1:18091 >/dev/null
done
echo "loaded $(count) contacts in $(( $(date +%s) - start ))s; data file $(du -h "$data/data.mdb" | cut -f1)"
total=$(count)
last_page=$(( (total + 99) / 100 ))
for query in "per_page=25" "page=$(( last_page / 2 ))&per_page=100" "email_consent=subscribed&per_page=100" \
             "email_consent=subscribed&page=$(( last_page / 8 ))&per_page=100" "sms_consent=never_subscribed&email_consent=suppressed&per_page=100" \
             "email=bench-1-0-77@example.com"; do
    echo "== GET /v1/contacts?$query"
    wrk -t1 -c1 -d5s --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18091/v1/contacts?$query" \
        | grep -E "Requests/sec|50%|99%"
done
