#!/usr/bin/env bash
# The status page in a real headless browser (Debian's chromium): starts the given privy-edge
# binary with a few contacts and an upstream that never answers, loads the page on the admin
# port, checks the figures it renders against what the server says, and keeps the rendered DOM
# and a screenshot in out/ (CI's artifacts).
#
#   scripts/browser-test.sh .build/release/privy-edge
set -euo pipefail
binary=$(realpath "${1:?usage: scripts/browser-test.sh PATH-TO-privy-edge}")
cd "$(dirname "$0")/.."
chromium=$(command -v chromium) || { echo "chromium is missing: scripts/install-deps.sh installs it" >&2; exit 1; }
mkdir -p out
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server"; fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "browser test: $*" >&2
    echo "--- server log" >&2 && cat "$work/server.log" >&2
    exit 1
}

token=$("$binary" tokens create --data-dir "$work/data" --scopes contacts_read,contacts_write | tail -n 1)
"$binary" serve --data-dir "$work/data" --port 0 --admin-port 0 \
    --upstream http://127.0.0.1:9/v1 --upstream-token privy_unreachable >"$work/server.log" 2>&1 &
server=$!

# The port a listener logged, once it has: `<prefix> http://127.0.0.1:<port>`.
logged_port() {
    { grep -oE "$1 http://127\.0\.0\.1:[0-9]+" "$work/server.log" || true; } | head -n 1 | sed 's/.*://'
}
for _ in $(seq 300); do
    api=$(logged_port "listening on") admin=$(logged_port "admin on")
    [ -n "$api" ] && [ -n "$admin" ] && break
    kill -0 "$server" 2>/dev/null || fail "the server exited"
    sleep 0.1
done
[ -n "$api" ] && [ -n "$admin" ] || fail "the server did not say where it listens"

for body in \
    '{"email":"ann@example.com","email_consent":"subscribed"}' \
    '{"email":"bob@example.com","email_consent":"subscribed"}' \
    '{"email":"cat@example.com","email_consent":"subscribed"}' \
    '{"email":"dan@example.com","email_consent":"unsubscribed"}' \
    '{"phone_number":"+15555550101","sms_consent":"single_opt_in"}' \
    '{"email":"eve@example.com","phone_number":"+15555550102","sms_consent":"subscribed","send_welcome_sms":false}'; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$api/v1/contacts" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")
    [ "$status" = 201 ] || fail "POST /v1/contacts answered $status for $body"
done
# Nothing is delivered to the silent upstream, so the backlog the page shows stays this one.
backlog=$(curl -s "http://127.0.0.1:$admin/status.json" | grep -oE '"backlog":[0-9]+' | cut -d: -f2)
[ -n "$backlog" ] && [ "$backlog" -gt 0 ] || fail "status.json shows no backlog"

url="http://127.0.0.1:$admin/"
flags=(--headless --disable-gpu --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$work/chromium"
       --virtual-time-budget=4000)
[ "$(id -u)" -ne 0 ] || flags+=(--no-sandbox)   # chromium refuses to run as root with its sandbox
"$chromium" "${flags[@]}" --dump-dom "$url" >out/status-page.html 2>"$work/chromium.log" ||
    { cat "$work/chromium.log" >&2; fail "chromium could not load $url"; }
"$chromium" "${flags[@]}" --window-size=1100,800 --screenshot="$PWD/out/status-page.png" "$url" 2>>"$work/chromium.log" ||
    { cat "$work/chromium.log" >&2; fail "chromium could not take a screenshot"; }

# Each figure as the page renders it: the element with that id holds exactly this text.
expect() {
    grep -qE "id=\"$1\"[^>]*>$2<" out/status-page.html || fail "the page does not show $2 in #$1 (see out/status-page.html)"
}
expect health-badge "Working normally"
expect contacts-total 6
expect email-subscribed 3
expect email-unsubscribed 1
expect email-never_subscribed 2
expect sms-single_opt_in 1
expect sms-subscribed 1
expect sms-never_subscribed 4
expect sync-backlog "$backlog"
expect dead-letters 0
expect write-rate "[0-9.,]+"
expect writes-since-start "[0-9,]+"
[ -s out/status-page.png ] || fail "no screenshot"

kill -TERM "$server"
wait "$server" || fail "the server did not stop cleanly"
server=""
echo "browser test: the status page shows every figure; screenshot in out/status-page.png"
