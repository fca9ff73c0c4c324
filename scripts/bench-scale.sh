#!/usr/bin/env bash
# `make bench-scale`: how new-buyer upserts hold up as the data grows. One data directory is
# filled by `privy-edge import orders` (five orders per buyer, so 2M orders bring 400k buyers) to
# each size in BENCH_SCALE_SIZES (default 0 1000000 2000000 5000000 10000000 stored orders); at
# each size a durable server takes BENCH_DURATION (10s, after BENCH_WARMUP 2s) of new orders
# from new buyers (`privy-edge bench --new-share 1`, BENCH_CONNECTIONS 64). Prints per size:
# req/s and p99 (and both as a ratio to the empty store's), bytes on disk per request, the data
# file's size and the server's peak RSS; draws the curve in out/bench/scale.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-2s}
sizes=${BENCH_SCALE_SIZES:-0 1000000 2000000 5000000 10000000}
data="$scratch/scale"
device=$(block_device "$scratch")
table="$out/scale.tsv"
printf "stored_orders\treq_s\tp99_ms\tdisk_bytes_per_request\tdata_file_mib\tpeak_rss_mib\n" > "$table"

print_machine
stored=0
for size in $sizes; do
    if [ "$size" -gt "$stored" ]; then
        echo "== importing $((size - stored)) orders (to $size stored)"
        generate_orders $((size - stored)) 0 $((stored + 1)) 5 | "$binary" import orders - --data-dir "$data" > /dev/null
        stored=$size
    fi
    echo "== $stored orders stored: new orders from new buyers for $duration"
    start_server "$data" 18184 18194
    "$binary" bench --url http://127.0.0.1:18184 --token "$TOKEN" --workload orders --concurrency "$connections" \
        --duration "$duration" --warmup "$warmup" --new-share 1 --customers 10000000 \
        --label "$stored stored" --out "$out/scale-$stored.json" --server-pid "$server" ${device:+--disk-device "$device"} | tail -4
    rss_kib=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
    stop_server
    report="$out/scale-$stored.json"
    printf "%d\t%.0f\t%.2f\t%s\t%d\t%d\n" "$stored" "$(figure "$report" throughput_rps)" "$(figure "$report" latency_ms.p99)" \
        "$(figure "$report" server.disk_bytes_per_request 2>/dev/null || echo '')" \
        $(($(stat -c %s "$data/data.mdb") / 1048576)) $((rss_kib / 1024)) >> "$table"
done

echo
echo "== results ($(date -u +%Y-%m-%dT%H:%MZ), load average at start $load_at_start)"
python3 - "$table" "$out/scale.svg" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
base = rows[0]
print(f"{'stored orders':>14} {'req/s':>9} {'× empty':>8} {'p99 ms':>8} {'× empty':>8} {'disk B/req':>11} {'data MiB':>9} {'RSS MiB':>8}")
for r in rows:
    print(f"{int(r['stored_orders']):>14,} {float(r['req_s']):>9.0f} {float(r['req_s']) / float(base['req_s']):>8.2f} "
          f"{float(r['p99_ms']):>8.2f} {float(r['p99_ms']) / float(base['p99_ms']):>8.2f} {r['disk_bytes_per_request'] or '?':>11} "
          f"{r['data_file_mib']:>9} {r['peak_rss_mib']:>8}")
# The curve: req/s (left axis) and p99 (right axis) against stored orders.
width, height, left, right, top, bottom = 640, 360, 70, 70, 30, 50
xs = [int(r["stored_orders"]) for r in rows]
rps = [float(r["req_s"]) for r in rows]
p99 = [float(r["p99_ms"]) for r in rows]
def scale(values, lo, hi):
    top_value = max(values) * 1.15 or 1
    return [hi - (v / top_value) * (hi - lo) for v in values], top_value
span = max(xs) or 1
px = [left + (x / span) * (width - left - right) for x in xs]
ry, rmax = scale(rps, top, height - bottom)
ly, lmax = scale(p99, top, height - bottom)
def line(ys, colour):
    return f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in zip(px, ys))}"/>' + \
        "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in zip(px, ys))
labels = "".join(f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle">{v / 1e6:g}M</text>' for x, v in zip(px, xs))
svg = f'''<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="{width / 2}" y="18" text-anchor="middle" font-size="14">New orders from new buyers as the store grows (durable)</text>
<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="black"/>
<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="black"/>
<line x1="{width - right}" y1="{top}" x2="{width - right}" y2="{height - bottom}" stroke="black"/>
{labels}
<text x="{width / 2}" y="{height - 12}" text-anchor="middle">orders stored</text>
<text x="{left - 8}" y="{top + 4}" text-anchor="end" fill="#1f77b4">{rmax:,.0f}</text>
<text x="{left - 8}" y="{height - bottom}" text-anchor="end" fill="#1f77b4">0</text>
<text x="16" y="{height / 2}" fill="#1f77b4" transform="rotate(-90 16 {height / 2})" text-anchor="middle">req/s</text>
<text x="{width - right + 8}" y="{top + 4}" fill="#d62728">{lmax:.1f} ms</text>
<text x="{width - right + 8}" y="{height - bottom}" fill="#d62728">0</text>
<text x="{width - 16}" y="{height / 2}" fill="#d62728" transform="rotate(90 {width - 16} {height / 2})" text-anchor="middle">p99 latency</text>
{line(ry, "#1f77b4")}
{line(ly, "#d62728")}
</svg>
'''
open(sys.argv[2], "w").write(svg)
print(f"curve: {sys.argv[2]}; table: {sys.argv[1]}")
PY
