#!/usr/bin/env python3
"""Plots benchmark: our Cairo + libpng figures against matplotlib's Agg backend, in one run.

Workloads (the same data formulas on both sides; see Sources/Plots/PlotsBenchmark.swift):
  loss_plot   an 800x500 two-series loss plot of 2,000 points each, title, axis labels, grid, legend
  image_grid  32 grey 28x28 images in a 4x8 grid, nearest-neighbour upscaling, no axes
Each timing builds the figure, renders it and encodes the PNG in memory (what a notebook cell does).

Both sides are compared at the same output pixels: our 2x render (the default, 1600x1000 for the loss
plot) against matplotlib at dpi=200, and our 1x against matplotlib at dpi=100. We also print our
default 2x against matplotlib's default dpi=100, which is what a user of each sees by default.

Targets (issue 4): loss plot <= 1/10 of matplotlib's time, image grid <= 1/30.

matplotlib is installed in a throwaway venv (default /tmp/mplenv, from PyPI) if it is missing:
    python3 bench/plots_bench.py
    python3 bench/plots_bench.py --swift-command ".build/release/swift-experiments bench-plots" --repetitions 20
The Swift command must print the JSON line from `PlotsBenchmark.run(repetitions:).json`; it gets
`--repetitions N` appended.
"""
import argparse
import io
import json
import os
import shlex
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_RATIOS = {"loss_plot": 1 / 10, "image_grid": 1 / 30}


def ensure_matplotlib(venv):
    """Re-runs this script inside a venv that has matplotlib and numpy, creating it if needed."""
    try:
        import matplotlib  # noqa: F401
        import numpy  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "matplotlib", "numpy"], check=True)
    os.execv(python, [python] + sys.argv)


def loss_series(floor, phase, count=2000):
    import numpy as np
    t = np.arange(count, dtype=np.float64)
    return t, floor + 2 * np.exp(-t / 400) + 0.05 * np.sin(t * 0.37 + phase) + 0.03 * np.sin(t * 2.1 + phase * 3)


def digit(index):
    import numpy as np
    radius = 5 + index % 7
    centre_x, centre_y = 13.5 + index % 3 - 1, 13.5 + index % 5 - 2
    y, x = np.mgrid[0:28, 0:28].astype(np.float64)
    distance = np.abs(np.sqrt((x - centre_x) ** 2 + (y - centre_y) ** 2) - radius)
    return np.clip(1 - distance / 2, 0, 1).astype(np.float32)


def matplotlib_loss_plot(dpi, data):
    import matplotlib.pyplot as plt
    (t, train), (_, validation) = data
    figure = plt.figure(figsize=(8, 5), dpi=dpi)
    axes = figure.add_subplot()
    axes.plot(t, train, label="train")
    axes.plot(t, validation, label="validation")
    axes.set_title("Training loss")
    axes.set_xlabel("step")
    axes.set_ylabel("loss")
    axes.grid(True)
    axes.legend()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getbuffer().nbytes


def matplotlib_image_grid(dpi, images):
    import matplotlib.pyplot as plt
    # Same logical size as ours: 8 columns of 56-point cells, 4 rows (492x258 points).
    figure, axes = plt.subplots(4, 8, figsize=(4.92, 2.58), dpi=dpi)
    for image, axis in zip(images, axes.flat):
        axis.imshow(image, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        axis.axis("off")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getbuffer().nbytes


def time_it(function, repetitions):
    """Median wall seconds, best wall seconds, median thread CPU seconds, PNG bytes."""
    size = function()  # warm-up: imports, font cache
    wall, cpu = [], []
    for _ in range(repetitions):
        start, cpu_start = time.perf_counter(), time.thread_time()
        function()
        cpu.append(time.thread_time() - cpu_start)
        wall.append(time.perf_counter() - start)
    return statistics.median(wall), min(wall), statistics.median(cpu), size


def run_swift(command, repetitions):
    arguments = shlex.split(command) + ["--repetitions", str(repetitions)]
    result = subprocess.run(arguments, cwd=REPO, check=True, capture_output=True, text=True)
    for line in reversed(result.stdout.strip().splitlines()):
        if line.startswith("{") and "plots_benchmark" in line:
            parsed = json.loads(line)
            return {(entry["workload"], entry["scale"]): entry for entry in parsed["plots_benchmark"]}
    raise SystemExit(f"no plots_benchmark JSON in the output of {arguments}:\n{result.stdout}\n{result.stderr}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--swift-command", default=".build/release/swift-experiments bench-plots",
                        help="command printing PlotsBenchmark's JSON (run from the repository root)")
    parser.add_argument("--repetitions", type=int, default=20)
    parser.add_argument("--venv", default="/tmp/mplenv")
    arguments = parser.parse_args()
    ensure_matplotlib(arguments.venv)
    import matplotlib
    matplotlib.use("Agg")

    loss_data = (loss_series(0.2, 0.0), loss_series(0.35, 1.3))
    images = [digit(index) for index in range(32)]
    reference = {}
    for dpi in (100, 200):
        reference[("loss_plot", dpi)] = time_it(lambda: matplotlib_loss_plot(dpi, loss_data), arguments.repetitions)
        reference[("image_grid", dpi)] = time_it(lambda: matplotlib_image_grid(dpi, images), arguments.repetitions)
    ours = run_swift(arguments.swift_command, arguments.repetitions)

    load = os.getloadavg()[0]
    print(f"plots benchmark, median of {arguments.repetitions}; wall ms (best) and CPU ms; "
          f"load average {load:.1f} on {os.cpu_count()} cores")
    print(f"{'workload':<11} {'comparison':<27} {'Swift wall':>15} {'mpl wall':>17} {'ratio':>6} "
          f"{'Swift CPU':>9} {'mpl CPU':>8} {'ratio':>6}  target")
    failures = 0
    for workload in ("loss_plot", "image_grid"):
        for scale, dpi, label in ((2.0, 200, "same pixels, 2x vs dpi 200"), (1.0, 100, "same pixels, 1x vs dpi 100"),
                                  (2.0, 100, "defaults, 2x vs dpi 100")):
            swift = ours[(workload, scale)]
            median, best, cpu, _ = reference[(workload, dpi)]
            ratio = swift["median_s"] / median
            cpu_ratio = swift["median_cpu_s"] / cpu
            target = TARGET_RATIOS[workload]
            verdict = "ok" if ratio <= target else "MISSED"
            failures += ratio > target
            print(f"{workload:<11} {label:<27} {swift['median_s'] * 1e3:6.1f} ({swift['best_s'] * 1e3:5.1f}) "
                  f"{median * 1e3:7.1f} ({best * 1e3:6.1f}) {ratio:6.3f} "
                  f"{swift['median_cpu_s'] * 1e3:9.1f} {cpu * 1e3:8.1f} {cpu_ratio:6.3f}  <= {target:.3f} {verdict}")
    for workload in ("loss_plot", "image_grid"):
        swift = ours[(workload, 2.0)]
        print(f"{workload}: our PNG {swift['width_px']}x{swift['height_px']} px, {swift['png_bytes']} bytes; "
              f"matplotlib dpi 200 {reference[(workload, 200)][3]} bytes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
