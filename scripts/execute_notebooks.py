#!/usr/bin/env python3
"""Execute every notebook in notebooks/ through the Swift Experiments kernel and export reports.

For each notebooks/NAME.ipynb this writes reports/NAME.ipynb (executed, outputs kept) and
reports/NAME.html (a static nbconvert report with embedded images). Cells run with the repository
root as working directory; notebooks read data from the user's data cache (`make data`). Exits non-zero, naming the
notebook and cell, when a cell fails that is not tagged `raises-exception`.
"""
from __future__ import annotations

import argparse
import datetime
import pathlib
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

KERNEL_NAME = "swift-experiments"
REPOSITORY = pathlib.Path(__file__).resolve().parent.parent


def execute(path: pathlib.Path, timeout: int = 1800) -> nbformat.NotebookNode:
    """Returns the notebook at `path` executed by the kernel (raises CellExecutionError on failure)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL_NAME,
        timeout=timeout,
        resources={"metadata": {"path": str(REPOSITORY)}},
    )
    client.execute()
    return notebook


def export(notebook: nbformat.NotebookNode, name: str, output: pathlib.Path) -> None:
    """Writes the executed notebook (with the time it ran, for the reports' index) and its HTML report into `output`."""
    output.mkdir(parents=True, exist_ok=True)
    executed = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    notebook.metadata.setdefault("swift_experiments", {})["executed"] = executed
    nbformat.write(notebook, output / f"{name}.ipynb")
    html, _ = HTMLExporter().from_notebook_node(notebook)
    (output / f"{name}.html").write_text(html, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="reports", help="folder for executed notebooks and HTML")
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: notebooks/*.ipynb)")
    arguments = parser.parse_args()
    paths = [pathlib.Path(p) for p in arguments.notebooks] or sorted((REPOSITORY / "notebooks").glob("*.ipynb"))
    failures = 0
    for path in paths:
        try:
            notebook = execute(path)
        except CellExecutionError as error:
            failures += 1
            print(f"execute_notebooks: {path.name} failed:\n{error}", file=sys.stderr)
            continue
        export(notebook, path.stem, pathlib.Path(arguments.output))
        print(f"execute_notebooks: {path.name} -> {arguments.output}/{path.stem}.ipynb, .html")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
