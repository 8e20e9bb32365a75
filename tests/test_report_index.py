"""reports/index.html: every report linked with its notebook's title, one-line summary and run date."""
from __future__ import annotations

import pathlib
import sys

import nbformat
import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY / "scripts"))

from report_index import title, write_index  # noqa: E402


def test_every_notebook_has_a_title_and_a_one_line_summary():
    for path in sorted((REPOSITORY / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        assert title(notebook), path.name
        summary = notebook.metadata.get("swift_experiments", {}).get("summary", "")
        assert summary and "\n" not in summary and len(summary) <= 120, path.name


def test_the_index_links_each_report_with_its_title_summary_and_date(tmp_path):
    for name, heading, summary in [("01-a", "A & B", "First <one>."), ("02-b", "Second", "Second one.")]:
        notebook = nbformat.v4.new_notebook(metadata={"swift_experiments": {"summary": summary, "executed": "2026-12-08 00:10 UTC"}})
        notebook.cells = [nbformat.v4.new_markdown_cell(f"# {heading}\n\nText."), nbformat.v4.new_code_cell("1")]
        nbformat.write(notebook, tmp_path / f"{name}.ipynb")
        (tmp_path / f"{name}.html").write_text("<html></html>")
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "03-no-report.ipynb")   # executed, but no report: not listed
    page = write_index(tmp_path).read_text()
    assert page.count("<li>") == 2
    assert '<a href="01-a.html">A &amp; B</a><br>First &lt;one&gt;.<br><span class="date">ran 2026-12-08 00:10 UTC</span>' in page
    assert page.index("01-a.html") < page.index("02-b.html")


def test_a_notebook_without_a_summary_is_refused(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Title")]
    nbformat.write(notebook, tmp_path / "x.ipynb")
    (tmp_path / "x.html").write_text("")
    with pytest.raises(SystemExit, match="no swift_experiments.summary"):
        write_index(tmp_path)
