#!/usr/bin/env bash
# Installs the Debian packages privy-edge builds against, if they are missing.
set -euo pipefail
missing=()
# chromium (and curl) run the status page's browser test (make browser-test).
for package in liblmdb-dev zlib1g-dev chromium curl; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
