#!/usr/bin/env bash
# Engine benchmarks: Swift (this package, release) then PyTorch (bench/engine/reference.py), same workloads.
# Usage: bench/engine/run.sh [path/to/python-with-torch]   (default /tmp/torchenv/bin/python)
set -euo pipefail
cd "$(dirname "$0")"
python=${1:-/tmp/torchenv/bin/python}
swift build -c release --product EngineBenchmark -Xswiftc -target-cpu -Xswiftc "${TARGET_CPU:-native}" >/dev/null
for threads in 1 2; do
    echo "swift, ${threads} thread(s):"
    ./.build/release/EngineBenchmark --threads "$threads"
done
"$python" reference.py
