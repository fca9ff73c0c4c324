#!/usr/bin/env bash
# The peer baseline for `make bench`: PostgreSQL upserting orders with
# `INSERT … ON CONFLICT DO UPDATE` (synchronous_commit on: durable like privy-edge's default),
# driven by pgbench with CLIENTS connections for SECONDS. A throw-away cluster in a temp
# directory, run as the postgres user, on a Unix socket only. The last line printed is the
# upserts per second.
# Usage: scripts/bench-postgres.sh [CLIENTS] [SECONDS] [NEW_SHARE]
set -euo pipefail
clients=${1:-64}
seconds=${2:-20}
new_share=${3:-0.5}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cluster=$(mktemp -d)
chown postgres "$cluster"
as_postgres() { runuser -u postgres -- "$@"; }
cleanup() {
    as_postgres "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$cluster"
}
trap cleanup EXIT
as_postgres "$bin/initdb" -D "$cluster/data" -A trust >/dev/null
as_postgres "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w \
    -o "-c listen_addresses='' -k $cluster -c max_connections=$((clients + 10)) -c synchronous_commit=on -c fsync=on" start >/dev/null
as_postgres psql -h "$cluster" -d postgres -q -c "
    CREATE TABLE orders (order_id bigint PRIMARY KEY, total numeric(12,2) NOT NULL, currency text NOT NULL,
        order_date timestamptz NOT NULL, email text, financial_status text, line_items jsonb,
        created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX orders_email ON orders (email);"
# NEW_SHARE of the upserts place a new order (a random id in a space too big to repeat); the
# rest update one of 100,000 orders placed before the run.
as_postgres psql -h "$cluster" -d postgres -q -c "
    INSERT INTO orders (order_id, total, currency, order_date, email, financial_status)
    SELECT i, 10, 'USD', '2026-06-22T10:00:00Z', 'buyer-' || (i % 50000) || '@example.com', 'paid'
    FROM generate_series(1, 100000) AS i;"
cat > "$cluster/upsert.sql" <<SQL
\\set id case when random(1, 1000000) <= $new_share * 1000000 then random(1000000000, 1000000000000000) else random(1, 100000) end
INSERT INTO orders (order_id, total, currency, order_date, email, financial_status, line_items)
VALUES (:id, random() * 500, 'USD', '2026-06-22T10:00:00Z', 'buyer-' || (:id % 50000) || '@example.com', 'paid',
        '[{"sku":"SKU-1","quantity":1,"price":"19.99"}]')
ON CONFLICT (order_id) DO UPDATE SET total = EXCLUDED.total, email = EXCLUDED.email, updated_at = now();
SQL
chmod a+r "$cluster/upsert.sql"
as_postgres pgbench -h "$cluster" -n -c "$clients" -j 2 -T "$seconds" -f "$cluster/upsert.sql" postgres > "$cluster/pgbench.out"
grep -E "^tps|latency average" "$cluster/pgbench.out" >&2
awk '/^tps/ {print int($3)}' "$cluster/pgbench.out"
