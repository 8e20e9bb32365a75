"""Kernel speed, side by side with ipykernel, through jupyter_client in one run.

Measures for each kernel:
- cold start: from `KernelManager.start_kernel()` to the first `kernel_info_reply` (median of STARTS runs);
- a trivial cell's round trip: from sending `execute_request` to having both its reply and its idle status
  (p50 of CELLS runs, after a few warm-up cells);
- completion inside a call at the end of a 40-line cell: from `complete_request` to its reply (p50 of CELLS runs).
Prints both kernels' numbers and the ratios (targets: start <= 1/10, p50 <= 1/5 of ipykernel's).
`--swift-kernel NAME` measures another kernelspec of ours (an older build, say) in place of `swift-experiments`.
Usage: `JUPYTER_PATH=.venv/share/jupyter .venv/bin/python bench/kernel_bench.py [--starts N] [--cells N]`.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import time

from jupyter_client.manager import KernelManager

REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
os.environ.setdefault("JUPYTER_PATH", str(REPOSITORY / ".venv" / "share" / "jupyter"))
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

TRIVIAL_CELL = "1 + 1"

# What each kernel defines before completing, and a 40-line cell whose last line is inside a call of it.
COMPLETION_SETUP = {
    "swift": "let model = try MultiVAE(items: 10, hidden: 4, latent: 2)",
    "python": "class MultiVAE:\n    def fit(self, data, epochs=1, batch_size=500): pass\nmodel = MultiVAE()",
}
COMPLETION_BODY = {
    "swift": "\n".join(
        [f"let value{index} = [{index}, {index + 1}, {index + 2}].map {{ $0 * 2 }}.reduce(0, +)" for index in range(20)]
        + [f"var total{index} = value{index} + value{(index + 1) % 20}" for index in range(19)]
        + ["try model.fit(split.train, ep"]),
    "python": "\n".join(
        [f"value{index} = sum(x * 2 for x in [{index}, {index + 1}, {index + 2}])" for index in range(20)]
        + [f"total{index} = value{index} + value{(index + 1) % 20}" for index in range(19)]
        + ["model.fit(train, ep"]),
}


def cold_start(kernel_name: str) -> float:
    manager = KernelManager(kernel_name=kernel_name)
    begin = time.perf_counter()
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        while True:
            msg_id = client.kernel_info()
            try:
                reply = client.get_shell_msg(timeout=0.5)
            except Exception:
                continue
            if reply["parent_header"].get("msg_id") == msg_id or reply["msg_type"] == "kernel_info_reply":
                return time.perf_counter() - begin
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def cell_round_trips(kernel_name: str, code: str, cells: int) -> list[float]:
    manager = KernelManager(kernel_name=kernel_name)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    timings = []
    try:
        for index in range(cells + 5):
            begin = time.perf_counter()
            msg_id = client.execute(code)
            replied = idle = False
            while not replied:
                reply = client.get_shell_msg(timeout=30)
                replied = reply["parent_header"].get("msg_id") == msg_id
            while not idle:
                message = client.get_iopub_msg(timeout=30)
                idle = (message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "status"
                        and message["content"]["execution_state"] == "idle")
            if index >= 5:
                timings.append(time.perf_counter() - begin)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return timings


def completion_round_trips(kernel_name: str, language: str, requests: int) -> list[float]:
    manager = KernelManager(kernel_name=kernel_name)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    code = COMPLETION_BODY[language]
    assert code.count("\n") == 39
    timings = []
    try:
        client.execute_interactive(COMPLETION_SETUP[language], timeout=60, output_hook=lambda message: None)
        for index in range(requests + 5):
            begin = time.perf_counter()
            msg_id = client.complete(code, len(code))
            while True:
                reply = client.get_shell_msg(timeout=30)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            if index >= 5:
                timings.append(time.perf_counter() - begin)
            if index == 0 and "epochs" not in "".join(reply["content"]["matches"]):
                raise SystemExit(f"{kernel_name} did not offer 'epochs': {reply['content']['matches'][:10]}")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--swift-kernel", default="swift-experiments")
    arguments = parser.parse_args()
    results = {}
    for name, language in ((arguments.swift_kernel, "swift"), ("python3", "python")):
        starts = [cold_start(name) for _ in range(arguments.starts)]
        trips = cell_round_trips(name, TRIVIAL_CELL, arguments.cells)
        completions = completion_round_trips(name, language, arguments.cells)
        results[language] = (statistics.median(starts), statistics.median(trips), statistics.median(completions))
        start, trip, completion = results[language]
        print(f"{name:>18}: cold start {start * 1000:8.1f} ms   trivial cell p50 {trip * 1000:7.2f} ms"
              f"   completion in a 40-line cell p50 {completion * 1000:7.2f} ms")
    swift, python = results["swift"], results["python"]
    print(f"{'ratio swift/ipykernel':>18}: cold start {swift[0] / python[0]:8.3f}      trivial cell p50 {swift[1] / python[1]:7.3f}"
          f"      completion p50 {swift[2] / python[2]:7.3f}")
    print("targets: cold start <= 0.100, trivial cell p50 <= 0.200")


if __name__ == "__main__":
    main()
