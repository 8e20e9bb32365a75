"""The `install` and `--version` commands of the built binary."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess

from conftest import REPOSITORY

BINARY = REPOSITORY / ".build" / "release" / "swift-experiments"


def test_install_with_prefix_writes_kernel_json_and_logos(tmp_path: pathlib.Path):
    result = subprocess.run([str(BINARY), "install", "--prefix", str(tmp_path), "--name", "swift-x",
                             "--display-name", "Swift X"], capture_output=True, text=True, check=True)
    directory = tmp_path / "share" / "jupyter" / "kernels" / "swift-x"
    assert str(directory) in result.stdout
    spec = json.loads((directory / "kernel.json").read_text())
    assert spec["argv"][1:] == ["kernel", "--connection-file", "{connection_file}"]
    assert os.path.isabs(spec["argv"][0]) and os.access(spec["argv"][0], os.X_OK)
    assert spec["language"] == "swift"
    assert spec["interrupt_mode"] == "message"
    assert spec["display_name"] == "Swift X"
    for logo in ("logo-32x32.png", "logo-64x64.png"):
        assert (directory / logo).read_bytes() == (REPOSITORY / "kernelspec" / logo).read_bytes()


def test_install_defaults_and_sys_prefix(tmp_path: pathlib.Path):
    environment = dict(os.environ, VIRTUAL_ENV=str(tmp_path))
    subprocess.run([str(BINARY), "install", "--sys-prefix"], env=environment, check=True, capture_output=True)
    spec = json.loads((tmp_path / "share/jupyter/kernels/swift-experiments/kernel.json").read_text())
    assert spec["display_name"] == "Swift Experiments"


def test_install_user_honours_jupyter_data_dir(tmp_path: pathlib.Path):
    environment = dict(os.environ, JUPYTER_DATA_DIR=str(tmp_path))
    subprocess.run([str(BINARY), "install", "--user"], env=environment, check=True, capture_output=True)
    assert (tmp_path / "kernels/swift-experiments/kernel.json").exists()


def test_conflicting_locations_are_refused(tmp_path: pathlib.Path):
    result = subprocess.run([str(BINARY), "install", "--user", "--prefix", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode != 0
    assert "at most one" in result.stderr


def test_version():
    result = subprocess.run([str(BINARY), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0.1.0"
