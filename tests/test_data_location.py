"""A notebook copied out of the repository finds the datasets: the library looks in the user's data cache, where
`make data` puts them, whatever the kernel's working directory."""
from __future__ import annotations

import nbformat
from nbclient import NotebookClient

KERNEL_NAME = "swift-experiments"


def test_a_notebook_in_another_folder_loads_the_datasets(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        'let ratings = try MovieLens.load(.ml100k)\n'
        'let digits = try MNIST.loadDigits5k()\n'
        'print(ratings.count, digits.count)')]
    NotebookClient(notebook, kernel_name=KERNEL_NAME, timeout=300,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    printed = "".join(output.get("text", "") for output in notebook.cells[0].outputs)
    assert printed == "100000 5000\n"
    assert not (tmp_path / ".cache").exists()
