"""Plain Swift in cells against plain Python under ipykernel: the same loops, in one run, through jupyter_client.

Each workload is a setup cell and a timed cell; the timed cell runs under `%%time` in both kernels and the
"Wall time" each kernel prints is the measure (the kernels' messaging is left out). Both kernels run in turn,
`--rounds` times, and the fastest round of each side counts; the ratio is Swift / CPython (below 1: the cell
is faster). Workloads (issue 17's list): a counting loop, a nested loop with a branch over an array of Double,
counting 200,000 string keys in a dictionary, recursive fib(24), an element-wise pass over a 100,000-element
array 20 times, and 100,000 calls of a library function (our RandomGenerator, Python's `random`).
Usage: `JUPYTER_PATH=.venv/share/jupyter .venv/bin/python bench/cell_bench.py [--rounds N] [--only fib]`.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import re

from jupyter_client.manager import KernelManager

REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
os.environ.setdefault("JUPYTER_PATH", str(REPOSITORY / ".venv" / "share" / "jupyter"))
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

# name: (Swift setup, Swift timed, Python setup, Python timed)
WORKLOADS = {
    "counting loop, 2M iterations": (
        "",
        "var total = 0\nfor i in 0..<2_000_000 { total += i }\ntotal",
        "",
        "total = 0\nfor i in range(2_000_000):\n    total += i\ntotal",
    ),
    "nested loop with a branch, 1000 × 1000 Doubles": (
        "let values = (0..<1000).map { Double(($0 * 7919) % 1000) / 1000 }",
        "var above = 0\nfor i in 0..<1000 {\n    for j in 0..<1000 {\n        if values[i] > values[j] { above += 1 }\n    }\n}\nabove",
        "values = [((i * 7919) % 1000) / 1000 for i in range(1000)]",
        "above = 0\nfor i in range(1000):\n    for j in range(1000):\n        if values[i] > values[j]:\n            above += 1\nabove",
    ),
    "counting 200,000 string keys": (
        "let keys = (0..<200_000).map { \"user\\($0 % 5000)\" }",
        "var counts: [String: Int] = [:]\nfor key in keys { counts[key, default: 0] += 1 }\ncounts.count",
        "keys = [f\"user{i % 5000}\" for i in range(200_000)]",
        "counts = {}\nfor key in keys:\n    counts[key] = counts.get(key, 0) + 1\nlen(counts)",
    ),
    "recursive fib(24)": (
        "func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }",
        "fib(24)",
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)",
        "fib(24)",
    ),
    "element-wise pass over 100,000 Doubles, 20 times": (
        "var v = (0..<100_000).map { Double($0) / 100_000 }\nlet r = 0.01",
        "for _ in 0..<20 {\n    for i in 0..<v.count { v[i] = v[i] * 0.99 + r }\n}\nv[99_999]",
        "v = [i / 100_000 for i in range(100_000)]\nr = 0.01",
        "for _ in range(20):\n    for i in range(len(v)):\n        v[i] = v[i] * 0.99 + r\nv[99_999]",
    ),
    "100,000 library calls": (
        "var generator = RandomGenerator(seed: 1)",
        "var sum: Float = 0\nfor _ in 0..<100_000 { sum += generator.nextUnitFloat() }\nsum > 0",
        "import random\nrandom.seed(1)",
        "total = 0.0\nfor _ in range(100_000):\n    total += random.random()\ntotal > 0",
    ),
}

WALL_TIME = re.compile(r"Wall time:\s*([0-9.]+)\s*(ns|µs|us|ms|s)\b")
UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}


class Kernel:
    """One kernel, started once; runs cells and reads what they print."""

    def __init__(self, name: str):
        self.manager = KernelManager(kernel_name=name)
        self.manager.start_kernel()
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)

    def run(self, code: str) -> str:
        printed: list[str] = []
        errors: list[str] = []

        def collect(message):
            kind, content = message["msg_type"], message["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")

        reply = self.client.execute_interactive(code, timeout=1800, output_hook=collect)
        if reply["content"]["status"] != "ok" or errors:
            raise SystemExit(f"{self.manager.kernel_name} failed on:\n{code}\n{errors}")
        return "".join(printed)

    def timed(self, code: str) -> float:
        printed = self.run("%%time\n" + code)
        match = WALL_TIME.search(printed)
        if not match:
            raise SystemExit(f"{self.manager.kernel_name} printed no wall time: {printed!r}")
        return float(match.group(1)) * UNITS[match.group(2)]

    def close(self) -> None:
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--swift-kernel", default="swift-experiments")
    parser.add_argument("--only", default="", help="run only the workloads whose name contains this text")
    arguments = parser.parse_args()
    swift, python = Kernel(arguments.swift_kernel), Kernel("python3")
    try:
        print(f"{'workload':<50} {'Swift cell':>11} {'CPython':>11} {'ratio':>7}")
        for name, (swift_setup, swift_code, python_setup, python_code) in WORKLOADS.items():
            if arguments.only not in name:
                continue
            best_swift = best_python = float("inf")
            for _ in range(arguments.rounds):
                if swift_setup:
                    swift.run(swift_setup)
                best_swift = min(best_swift, swift.timed(swift_code))
                if python_setup:
                    python.run(python_setup)
                best_python = min(best_python, python.timed(python_code))
            print(f"{name:<50} {best_swift * 1000:9.1f} ms {best_python * 1000:9.1f} ms {best_swift / best_python:7.3f}")
    finally:
        swift.close()
        python.close()


if __name__ == "__main__":
    main()
