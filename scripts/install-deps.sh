#!/usr/bin/env bash
# Installs the Debian packages privy-edge needs, if they are missing.
# Usage: scripts/install-deps.sh [run|test|bench]
#   run  (default): what building and running needs: liblmdb-dev, zlib1g-dev (make run, make build).
#   test: that, and what the tests drive: chromium (the status page's browser test), curl (its
#         fetches and the TLS tests' second client) and openssl (the TLS tests' certificates).
#         schemathesis is installed by scripts/schemathesis.sh on first use (make hardening).
#   bench: that, and what make bench reads with: curl (the writer's metrics) and lmdb-utils
#         (mdb_load, the import's baseline).
set -euo pipefail
packages=(liblmdb-dev zlib1g-dev)
case "${1:-run}" in
    run) ;;
    test) packages+=(chromium curl openssl) ;;
    bench) packages+=(curl lmdb-utils) ;;
    *) echo "usage: $0 [run|test|bench]" >&2; exit 2 ;;
esac
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
