#!/usr/bin/env bash
# Benchmarks/ (ordo-one/benchmark) in one run: prints every benchmark's throughput, wall clock
# and mallocs, then checks the malloc counts against the committed Benchmarks/Thresholds/.
# Fails when a benchmark allocates more than its tolerance (Measurement.mallocTolerance) above
# its threshold; fewer mallocs pass with a note to record them. `update` records the
# thresholds from a fresh run instead (malloc counts only: wall clock is too noisy to gate on).
set -euo pipefail
cd "$(dirname "$0")/../Benchmarks"
benchmark() { "${SWIFT:-swift}" package --allow-writing-to-package-directory benchmark "$@" --no-progress; }
case "${1:-check}" in
update)
    benchmark thresholds update --metric mallocCountTotal
    ;;
check)
    benchmark baseline update current
    benchmark baseline read current
    log=$(mktemp)
    trap 'rm -f "$log"' EXIT
    benchmark thresholds check current 2>&1 | tee "$log" && exit 0
    if grep -q "WORSE than the defined thresholds" "$log" || ! grep -q "BETTER than the defined thresholds" "$log"; then
        exit 1
    fi
    echo "Fewer mallocs than Benchmarks/Thresholds/: record them with 'make benchmark-thresholds' and commit."
    ;;
*)
    echo "usage: $0 [check|update]" >&2
    exit 2
    ;;
esac
