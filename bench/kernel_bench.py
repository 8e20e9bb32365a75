"""Kernel speed, side by side with ipykernel, through jupyter_client in one run.

Measures for each kernel:
- cold start: from `KernelManager.start_kernel()` to the first `kernel_info_reply` (median of STARTS runs);
- a trivial cell's round trip: from sending `execute_request` to having both its reply and its idle status
  (p50 of CELLS runs, after a few warm-up cells).
Prints both kernels' numbers and the ratios (targets: start <= 1/10, p50 <= 1/5 of ipykernel's).
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

KERNELS = {"swift-experiments": "1 + 1", "python3": "1 + 1"}


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--cells", type=int, default=200)
    arguments = parser.parse_args()
    results = {}
    for name, code in KERNELS.items():
        starts = [cold_start(name) for _ in range(arguments.starts)]
        trips = cell_round_trips(name, code, arguments.cells)
        results[name] = (statistics.median(starts), statistics.median(trips))
        print(f"{name:>18}: cold start {results[name][0] * 1000:8.1f} ms   trivial cell p50 {results[name][1] * 1000:7.2f} ms")
    swift, python = results["swift-experiments"], results["python3"]
    print(f"{'ratio swift/ipykernel':>18}: cold start {swift[0] / python[0]:8.3f}      trivial cell p50 {swift[1] / python[1]:7.3f}")
    print("targets: cold start <= 0.100, trivial cell p50 <= 0.200")


if __name__ == "__main__":
    main()
