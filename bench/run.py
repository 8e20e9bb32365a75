#!/usr/bin/env python3
"""Model benchmarks, Swift against PyTorch, back to back in one run (`make bench`).

Builds bench/models (the ML library symlinked from Sources/, one executable, release) and times one
training epoch of each workload through the model's own `fit`; runs the same workloads in PyTorch
(bench/reference.py) at 1 and 2 threads; each side is taken at its best thread count. Every
(workload, side, threads) runs in its own process, so the peak memory (ru_maxrss) is the workload's.
Prints per-workload wall and CPU seconds, the Swift/PyTorch ratio against the target of issue 3,
peak memory, the machine's load, and the GFLOP/s of the dominant matmuls against plain sgemm.
Timings are reported, never asserted.

The host's speed drifts by a third over seconds to minutes (a shared VM), so the two sides run in
alternation for several rounds (which side goes first alternates too) and each (workload, side,
threads) keeps its fastest round; the ratio line also gives the range of the per-round ratios.

Usage: python bench/run.py [--torch-python PATH] [--data DIR] [--threads 1,2] [--repetitions R] [--rounds N]
                           [workload ...]
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from fetch_data import data_directory  # noqa: E402  (where `make data` puts the data)
PACKAGE = os.path.join(ROOT, "bench", "models")
SCRATCH = os.path.join(ROOT, ".build-bench")
WORKLOADS = {  # name: (description, target ratio Swift/PyTorch from issue 3)
    "multivae": ("Multi-VAE epoch, ML-100K (750 x 1415, 600-200-600, batch 100)", 1 / 6),
    "autorec": ("I-AutoRec epoch, ML-100K (1682 x 943, hidden 500, batch 256)", 1 / 6),
    "mlpvae": ("MLP VAE epoch, 4500 x 784 (784-400-20, batch 64)", 1 / 4),
    "vqvae": ("conv VQ-VAE epoch, 4500 x 28x28 (K=64, batch 64)", 0.7),
}


def parse(output):
    """`key=value` lines into dicts keyed by their first key's value."""
    results = {}
    for line in output.splitlines():
        fields = dict(part.split("=", 1) for part in line.split() if "=" in part)
        if "workload" in fields:
            results[fields["workload"]] = fields
        elif "gemm" in fields:
            results["gemm " + fields["gemm"]] = fields
        elif "core" in fields:
            results["core"] = fields["core"]
    return results


def run(command, environment=None):
    completed = subprocess.run(command, capture_output=True, text=True, env=environment)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")
    return parse(completed.stdout)


def keep_fastest(results, key, row, walls):
    """Keeps `row` in `results[key]` if it is the fastest run of `key` so far; appends its wall time to `walls`."""
    walls.append(float(row["wall"]))
    if key not in results or float(row["wall"]) < float(results[key]["wall"]):
        results[key] = row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workloads", nargs="*", help=f"any of {', '.join(WORKLOADS)} (default: all)")
    parser.add_argument("--torch-python", default="/tmp/torchenv/bin/python",
                        help="a Python with torch (the PyTorch side is skipped, and says so, without one)")
    parser.add_argument("--data", default=str(data_directory()), help="the data folder (default: where `make data` puts it)")
    parser.add_argument("--threads", default="1,2", help="thread counts to try on both sides")
    parser.add_argument("--repetitions", type=int, default=3, help="timed epochs after a warm-up (best is kept)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternating Swift/PyTorch rounds per workload (each side's fastest round is kept)")
    parser.add_argument("--target-cpu", default="native",
                        help="the CPU the Swift side is compiled for, as the Makefile's TARGET_CPU (default native)")
    arguments = parser.parse_args()
    chosen = arguments.workloads or list(WORKLOADS)
    unknown = [name for name in chosen if name not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload(s) {unknown}; choose from {list(WORKLOADS)}")
    thread_counts = [int(count) for count in arguments.threads.split(",")]

    print("building bench/models (release) ...", flush=True)
    subprocess.run(["swift", "build", "-c", "release", "--package-path", PACKAGE, "--scratch-path", SCRATCH,
                    "-Xswiftc", "-target-cpu", "-Xswiftc", arguments.target_cpu],
                   check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(SCRATCH, "release", "ModelBenchmark")
    environment = dict(os.environ, SWIFT_EXPERIMENTS_DATA=arguments.data)

    torch_python = arguments.torch_python
    has_torch = bool(torch_python) and os.path.exists(torch_python) and subprocess.run(
        [torch_python, "-c", "import torch"], capture_output=True).returncode == 0
    if not has_torch:
        print(f"PyTorch side skipped: no torch at {torch_python!r} (pass --torch-python PATH)")
    reference = [torch_python, os.path.join(ROOT, "bench", "reference.py"), "--data", arguments.data]

    print(f"load average before: {' '.join(f'{value:.2f}' for value in os.getloadavg())}  "
          f"({os.cpu_count()} cores; CPU seconds are the steadier figure on a busy machine)")
    swift, torch = {}, {}
    round_ratios = {name: [] for name in chosen}  # per round: best Swift wall / best PyTorch wall
    for name in chosen:
        for round_index in range(max(1, arguments.rounds)):
            this_round = {"swift": [], "torch": []}
            for threads in thread_counts:
                common = ["--threads", str(threads), "--repetitions", str(arguments.repetitions), name]
                sides = [("swift", swift, [binary] + common, environment)]
                if has_torch:
                    sides.append(("torch", torch, reference + common, None))
                if round_index % 2 == 1:
                    sides.reverse()  # neither side always runs first
                for side, results, command, side_environment in sides:
                    keep_fastest(results, (name, threads), run(command, side_environment)[name], this_round[side])
            if has_torch:
                round_ratios[name].append(min(this_round["swift"]) / min(this_round["torch"]))

    def fastest(results, name):
        candidates = [(float(results[(name, t)]["wall"]), t) for t in thread_counts if (name, t) in results]
        return min(candidates)[1] if candidates else None

    print()
    print(f"{'workload':<10} {'side':<8} {'threads':>7} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}")
    for name in chosen:
        for side, results in (("swift", swift), ("pytorch", torch)):
            for threads in thread_counts:
                if (name, threads) in results:
                    row = results[(name, threads)]
                    print(f"{name:<10} {side:<8} {threads:>7} {float(row['wall']):>8.4f} {float(row['cpu']):>8.4f} "
                          f"{float(row['peak_mb']):>8.1f}")

    print()
    print("best thread count each side; ratio = Swift / PyTorch (lower is better)")
    for name in chosen:
        description, target = WORKLOADS[name]
        best_swift = swift[(name, fastest(swift, name))]
        line = f"{description}\n    swift {float(best_swift['wall']):.4f} s ({fastest(swift, name)} thr)"
        if has_torch:
            best_torch = torch[(name, fastest(torch, name))]
            ratio = float(best_swift["wall"]) / float(best_torch["wall"])
            cpu_ratio = float(best_swift["cpu"]) / float(best_torch["cpu"])
            verdict = "meets" if ratio <= target else "misses"
            spread = round_ratios[name]
            line += (f", pytorch {float(best_torch['wall']):.4f} s ({fastest(torch, name)} thr): "
                     f"ratio {ratio:.3f} wall (rounds {min(spread):.3f}-{max(spread):.3f}), {cpu_ratio:.3f} CPU; "
                     f"target <= {target:.3f} ({verdict}); "
                     f"peak {float(best_swift['peak_mb']):.0f} MB vs {float(best_torch['peak_mb']):.0f} MB")
        print(line)

    print()
    print("dominant matmuls, 1 thread: GFLOP/s through Tensor.matmul, raw cblas_sgemm" + (", torch" if has_torch else ""))
    gemm_swift = run([binary, "--threads", "1", "gemm"], environment)
    gemm_torch = run(reference + ["--threads", "1", "gemm"]) if has_torch else {}
    pinned = os.environ.get("OPENBLAS_CORETYPE")
    print(f"  OpenBLAS kernels: {gemm_swift.pop('core', '?')} "
          + (f"(OPENBLAS_CORETYPE={pinned} in the environment pins them; unset it to let OpenBLAS choose)"
             if pinned else "(chosen by OpenBLAS and Autograd for this CPU)"))
    for key, row in gemm_swift.items():
        torch_value = f"  torch {gemm_torch[key]['torch_gflops']:>6}" if key in gemm_torch else ""
        print(f"  {key[5:]:<14} Tensor.matmul {row['tensor_gflops']:>6}  sgemm {row['sgemm_gflops']:>6}{torch_value}")
    print(f"load average after: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
