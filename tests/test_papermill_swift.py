"""papermill with Swift notebooks (python/papermill-swift): every JSON type as a Swift literal, and parameters that
reach the kernel with the types the notebook's `parameters` cell declared."""
from __future__ import annotations

import pathlib
import subprocess
import sys

import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillException
from papermill.translators import papermill_translators

REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
KERNEL_NAME = "swift-experiments"


def translator():
    return papermill_translators.find_translator(KERNEL_NAME, "swift")


@pytest.mark.parametrize("value, literal", [
    (200, "200"),
    (-3, "-3"),
    (0.001, "0.001"),
    (3.0, "3.0"),
    (1e20, "1e+20"),
    (-2.5e-7, "-2.5e-07"),
    (float("inf"), "Double.infinity"),
    (float("-inf"), "-Double.infinity"),
    (float("nan"), "Double.nan"),
    (True, "true"),
    (False, "false"),
    (None, "nil"),
    ("plain", '"plain"'),
    ('quote " backslash \\ interpolation \\(x)', '"quote \\" backslash \\\\ interpolation \\\\(x)"'),
    ("line\nnext\ttab\r\0", '"line\\nnext\\ttab\\r\\0"'),
    ("bell\x07 delete\x7f é ∑ 😀", '"bell\\u{7} delete\\u{7f} é ∑ 😀"'),
    ([], "[]"),
    ([1, 2.5, "a", None], '[1, 2.5, "a", nil]'),
    ({}, "[:]"),
    ({"beta": [0.2, 1.0], "n": {"k": True}}, '["beta": [0.2, 1.0], "n": ["k": true]]'),
])
def test_every_type_becomes_a_swift_literal(value, literal):
    assert translator().translate(value) == literal


def test_the_injected_cell_declares_each_parameter():
    code = translator().codify({"epochs": 200, "seed": 3, "class": "a"})
    assert code == '// Parameters\nlet epochs = 200\nlet seed = 3\nlet `class` = "a"\n'


def test_values_swift_cannot_hold_are_refused():
    with pytest.raises(PapermillException, match="does not fit Swift's Int"):
        translator().translate(2**70)
    with pytest.raises(PapermillException, match="not a Swift identifier"):
        translator().assign("two words", "1")


def test_the_parameters_cell_is_inspected():
    cell = nbformat.v4.new_code_cell('let epochs = 30       // passes over the training users\nlet rate: Float = 1e-3\n'
                                     'let decay = 0.5\nlet name = "a"\nlet shown = true\nlet sizes = [1, 2]\n')
    parameters = translator().inspect(cell)
    assert [(p.name, p.inferred_type_name, p.default, p.help) for p in parameters] == [
        ("epochs", "Int", "30", "passes over the training users"), ("rate", "Float", "1e-3", ""),
        ("decay", "Double", "0.5", ""), ("name", "String", '"a"', ""), ("shown", "Bool", "true", ""),
        ("sizes", "None", "[1, 2]", "")]


def parameterized_notebook(path: pathlib.Path) -> None:
    notebook = nbformat.v4.new_notebook(metadata={
        "kernelspec": {"name": KERNEL_NAME, "display_name": "Swift Experiments", "language": "swift"},
        "language_info": {"name": "swift"},
    })
    parameters = nbformat.v4.new_code_cell(
        'let epochs = 30\nlet rate: Float = 0.001\nlet limit: Int? = nil\nlet name = "default"\n'
        'let weights: [Double] = [1, 2]\nlet options: [String: Int] = [:]')
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell(
        'print(epochs, type(of: rate), rate, limit.map { $0 * 2 } ?? -1, name.count, name, weights, options["k"] ?? 0)')]
    nbformat.write(notebook, path)


def printed(notebook) -> str:
    return "".join(output.get("text", "") for output in notebook.cells[-1].outputs if output.output_type == "stream")


def test_parameters_reach_the_kernel_with_their_declared_types(tmp_path):
    source, output = tmp_path / "in.ipynb", tmp_path / "out.ipynb"
    parameterized_notebook(source)
    name = 'quote " and \\(interpolation)\nsecond line ∑'
    result = papermill.execute_notebook(str(source), str(output), kernel_name=KERNEL_NAME, progress_bar=False, parameters={
        "epochs": 200, "rate": 0.01, "limit": 21, "name": name, "weights": [3, 4.5], "options": {"k": 7}})
    injected = result.cells[1]
    assert "injected-parameters" in injected.metadata.tags
    assert printed(result) == f"200 Float 0.01 42 {len(name)} {name} [3.0, 4.5] 7\n"


def test_the_papermill_command_finds_the_translator(tmp_path):
    """The CLI in a fresh process: papermill imports the package through its engine entry point."""
    source, output = tmp_path / "in.ipynb", tmp_path / "out.ipynb"
    parameterized_notebook(source)
    papermill_command = pathlib.Path(sys.executable).parent / "papermill"
    subprocess.run([str(papermill_command), str(source), str(output), "-p", "epochs", "5", "-p", "limit", "4",
                    "--no-progress-bar"], check=True, capture_output=True, timeout=300)
    assert printed(nbformat.read(output, as_version=4)) == "5 Float 0.001 8 7 default [1.0, 2.0] 0\n"


# Each tutorial's `parameters` cell, given a short run's values (a quick check, a sweep's cell).
SHORT_RUNS = {
    "02-autorec-masking": {"epochs": 2, "seed": 3},
    "03-multivae-kl-annealing": {"epochs": 2, "seed": 3},
    "04-recvae-likelihoods": {"multiVAEEpochs": 2, "recVAEEpochs": 1, "seed": 3},
    "05-vqvae-reconstruction": {"epochs": 1, "trainingImages": 300, "seed": 3},
    "06-vae-mnist": {"epochs": 1, "seed": 3},
}


def test_every_tutorial_with_training_has_a_parameters_cell():
    for path in sorted((REPOSITORY / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        tagged = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
        trains = any(".fit(" in cell.source for cell in notebook.cells if cell.cell_type == "code")
        assert (path.stem in SHORT_RUNS) == trains == bool(tagged), path.name
        if tagged:
            assert "let seed: UInt64 = " in tagged[0].source, f"{path.name} names its seed `seed`"


@pytest.mark.parametrize("stem", sorted(SHORT_RUNS))
def test_a_tutorial_runs_short_with_papermill_parameters_and_repeats(stem, tmp_path):
    """Each tutorial takes its short parameters (`-p epochs 2 -p seed 3`) and gives the same outputs twice."""
    from test_notebooks import stable_outputs

    runs = []
    for index in range(2):
        output = tmp_path / f"{stem}-{index}.ipynb"
        runs.append(papermill.execute_notebook(str(REPOSITORY / "notebooks" / f"{stem}.ipynb"), str(output),
                                               parameters=SHORT_RUNS[stem], progress_bar=False))
    injected = [cell for cell in runs[0].cells if "injected-parameters" in cell.metadata.get("tags", [])]
    assert len(injected) == 1 and all(f"let {name} = " in injected[0].source for name in SHORT_RUNS[stem])
    assert stable_outputs(runs[0]) == stable_outputs(runs[1])
    if stem == "03-multivae-kl-annealing":
        text = "".join(output.get("text", "") for cell in runs[0].cells if cell.cell_type == "code"
                       for output in cell.outputs if output.output_type == "stream")
        assert "8 steps per epoch, 16 steps in all" in text
