#!/usr/bin/env bash
# Property-based API testing: schemathesis generates requests from openapi.yaml and runs them
# against a live `privy-edge serve` on a fresh data directory (loopback only), failing on any
# 5xx, any response that breaks its schema, and any status code the spec does not list.
# Usage: scripts/schemathesis.sh [BINARY]   (default .build/release/privy-edge)
# Env: SCHEMATHESIS_MAX_EXAMPLES (default 40 an operation), SCHEMATHESIS_SEED (default 1),
#      SCHEMATHESIS_MAX_TIME (default 180 s; fuzzing and stateful testing repeat until it is spent),
#      PRIVY_EDGE_TOOLS (where the schemathesis virtualenv is kept; default ~/.cache/privy-edge).
set -euo pipefail
cd "$(dirname "$0")/.."
spec=$PWD/openapi.yaml
binary=$(realpath "${1:-.build/release/privy-edge}")
version=4.32.5
tools=${PRIVY_EDGE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/privy-edge}/schemathesis-$version
if [ ! -x "$tools/bin/st" ]; then
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        echo "installing: python3 python3-venv"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3 python3-venv
    fi
    echo "installing schemathesis $version into $tools"
    rm -rf "$tools"
    python3 -m venv "$tools"
    timeout 600 "$tools/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

work=$(mktemp -d)
server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
data="$work/data"
token=$("$binary" tokens create --data-dir "$data" --scopes contacts_read,contacts_write,orders_write,admin | tail -1)
"$binary" integrations create --data-dir "$data" --name schemathesis >/dev/null
"$binary" serve --data-dir "$data" --port 0 --admin-port off --log-level notice >"$work/server.log" 2>&1 &
server=$!
port=""
for _ in $(seq 100); do
    port=$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$work/server.log" | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.2
done
[ -n "$port" ] || { echo "the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

status=0
# From the temporary directory, where schemathesis keeps its cache.
cd "$work"
timeout $(( ${SCHEMATHESIS_MAX_TIME:-180} + 60 )) "$tools/bin/st" run "$spec" \
    --url "http://127.0.0.1:$port" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,unsupported_method,allow_header_conformance \
    --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-40}" \
    --seed "${SCHEMATHESIS_SEED:-1}" \
    --max-time "${SCHEMATHESIS_MAX_TIME:-180}" \
    --request-timeout 10 \
    --workers 1 \
    --no-color \
    || status=$?
kill -0 "$server" 2>/dev/null || { echo "the server died during the run" >&2; cat "$work/server.log" >&2; exit 1; }
if grep -q "unexpected error" "$work/server.log"; then
    echo "the server logged unexpected errors:" >&2
    grep "unexpected error" "$work/server.log" >&2
    status=1
fi
exit "$status"
