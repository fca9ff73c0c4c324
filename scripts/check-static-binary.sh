#!/usr/bin/env bash
# Checks that a privy-edge binary links only glibc, libstdc++ and libgcc dynamically: the
# Swift runtime, Foundation, ICU and LMDB must all be inside it.
set -euo pipefail
binary=${1:?usage: check-static-binary.sh BINARY}
libraries=$(ldd "$binary" | awk '{print $1}')
allowed='^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|/lib/ld-linux-aarch64\.so\.1|ld-linux-.*|lib(c|m|dl|pthread|rt|util|resolv|stdc\+\+|gcc_s)\.so\.[0-9.]+)$'
unexpected=$(echo "$libraries" | grep -Ev "$allowed" || true)
if [ -n "$unexpected" ]; then
    echo "check-static-binary: $binary links libraries that should be static:" >&2
    echo "$unexpected" >&2
    exit 1
fi
if echo "$libraries" | grep -Eqi 'icu|Foundation|swift|lmdb'; then
    echo "check-static-binary: Swift runtime, Foundation, ICU or LMDB is linked dynamically" >&2
    exit 1
fi
echo "check-static-binary: $binary ($(du -h "$binary" | cut -f1)) links only: $(echo $libraries | tr '\n' ' ')"
