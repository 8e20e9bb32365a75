"""Every notebook in notebooks/ executes through the kernel, exports to HTML, and gives the same
outputs when run twice (the reproducibility promise: seeded draws, deterministic PNG bytes)."""
from __future__ import annotations

import base64
import io
import pathlib
import re
import sys

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "scripts"))

from execute_notebooks import execute, export  # noqa: E402

NOTEBOOKS = sorted((REPOSITORY / "notebooks").glob("*.ipynb"))
# Outputs that legitimately differ between runs: wall-clock times and rates.
VOLATILE = re.compile(
    r"\[[0-9:]+(<|&lt;)[^\]]*\]"  # a progress bar's [elapsed<remaining, rate]
    r"|\d+(\.\d+)?\s*(ms|µs|s|it/s|steps/s)\b|elapsed[^\n]*|ETA[^\n]*"
)


def stable_outputs(notebook) -> list:
    """The outputs of each code cell with timings masked, for comparing two runs. Consecutive stream
    outputs are joined first: how a stream is chunked depends on timing, its text does not."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                if outputs and outputs[-1][:2] == ("stream", output.name):
                    outputs[-1] = ("stream", output.name, outputs[-1][2] + output.text)
                else:
                    outputs.append(("stream", output.name, output.text))
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                outputs.append((output.output_type, {
                    mime: value if mime.startswith("image/") else VOLATILE.sub("<t>", str(value))
                    for mime, value in data.items()
                }))
            elif output.output_type == "error":
                outputs.append(("error", output.ename, output.evalue))
        cells.append([
            ("stream", entry[1], VOLATILE.sub("<t>", entry[2])) if entry[0] == "stream" else entry
            for entry in outputs
        ])
    return cells


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no .ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_exports_and_repeats(path, tmp_path):
    first = execute(path)
    export(first, path.stem, tmp_path)
    html = (tmp_path / f"{path.stem}.html").read_text(encoding="utf-8")
    pngs = [
        output["data"]["image/png"]
        for cell in first.cells if cell.cell_type == "code"
        for output in cell.get("outputs", []) if "image/png" in output.get("data", {})
    ]
    for png in pngs:
        assert base64.b64decode(png).startswith(b"\x89PNG\r\n\x1a\n")
        assert png[:64] in html, "the HTML report embeds each image"
    if pngs:
        from PIL import Image
        image = Image.open(io.BytesIO(base64.b64decode(pngs[0])))
        assert image.width > 0 and image.height > 0
    second = execute(path)
    assert stable_outputs(first) == stable_outputs(second), f"{path.name} gave different outputs on a second run"


def notebook_text(notebook) -> str:
    """What a notebook's program prints: each code cell's standard output and the text of its results and
    displays (not the live progress bars, which a program does not show), in order. Magics and cells that fail on
    purpose are not part of the program."""
    text = []
    for cell in notebook.cells:
        if cell.cell_type != "code" or cell.source.lstrip().startswith("%"):
            continue
        if "raises-exception" in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.name == "stdout":
                text.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                data = output.get("data", {})
                if "<progress" in data.get("text/html", ""):
                    continue
                text.append(data.get("text/plain", "") + "\n")
    return "".join(text)


def program_name(stem: str) -> str:
    """The executable target of a notebook's program (NotebookExport.moduleName): `01-kernel-tour` → `KernelTour01`."""
    words = [word for word in re.split(r"[^0-9A-Za-z]+", stem) if word]
    letters = "".join(word[0].upper() + word[1:] for word in words if not word[0].isdigit())
    numbers = "".join(word for word in words if word[0].isdigit())
    return letters + numbers


@pytest.mark.parametrize("stem", ["01-kernel-tour", "02-autorec-masking"])
def test_the_notebooks_program_prints_what_the_kernel_showed(stem):
    """`make generate` writes each notebook as a Swift program (Examples/), built with the package; run, it prints
    the same numbers the kernel showed for the same cells."""
    import subprocess
    path = REPOSITORY / "notebooks" / f"{stem}.ipynb"
    program = REPOSITORY / ".build" / "release" / program_name(stem)
    assert program.exists(), f"{program} is not built (make build)"
    expected = notebook_text(execute(path))
    run = subprocess.run([str(program)], cwd=REPOSITORY, capture_output=True, text=True, timeout=600, check=True)
    assert VOLATILE.sub("<t>", run.stdout) == VOLATILE.sub("<t>", expected)
