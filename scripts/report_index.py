#!/usr/bin/env python3
"""Write the index of the executed reports: REPORTS/index.html, a static page linking each REPORTS/NAME.html with
its notebook's title (its first `# ` heading), its one-line summary (the notebook's `swift_experiments.summary`
metadata) and the date it ran (`swift_experiments.executed`, written by execute_notebooks.py). The folder is a
static site a teacher can host as it is.

Usage: `python scripts/report_index.py reports`.
"""
from __future__ import annotations

import argparse
import html
import pathlib

import nbformat

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Swift Experiments: tutorial reports</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }}
li {{ margin-bottom: 1rem; }}
.date {{ color: #666; font-size: 0.9em; }}
</style>
</head>
<body>
<h1>Swift Experiments: tutorial reports</h1>
<p>Each notebook executed by the Swift Experiments kernel, with its outputs.</p>
<ul>
{entries}
</ul>
</body>
</html>
"""


def title(notebook) -> str:
    """The notebook's first Markdown heading of level 1."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise SystemExit("report_index: a notebook has no '# ' title")


def entry(path: pathlib.Path) -> str:
    """One list item for the executed notebook at `path` (its report is the .html beside it)."""
    notebook = nbformat.read(path, as_version=4)
    metadata = notebook.metadata.get("swift_experiments", {})
    if "summary" not in metadata:
        raise SystemExit(f"report_index: {path.name} has no swift_experiments.summary metadata")
    ran = metadata.get("executed", "")
    return (f'<li><a href="{html.escape(path.stem)}.html">{html.escape(title(notebook))}</a><br>'
            f'{html.escape(metadata["summary"])}<br><span class="date">ran {html.escape(ran)}</span></li>')


def write_index(folder: pathlib.Path) -> pathlib.Path:
    """Writes folder/index.html for the executed notebooks (*.ipynb with an .html report) in `folder`."""
    paths = sorted(path for path in folder.glob("*.ipynb") if path.with_suffix(".html").exists())
    index = folder / "index.html"
    index.write_text(PAGE.format(entries="\n".join(entry(path) for path in paths)), encoding="utf-8")
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="reports")
    print(f"report_index: {write_index(pathlib.Path(parser.parse_args().folder))}")


if __name__ == "__main__":
    main()
