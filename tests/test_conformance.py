"""jupyter_kernel_test's conformance suite with every attribute set, so none of its tests skips.

Check with `.venv/bin/pytest -rs tests/test_conformance.py`: the summary must list no skipped test.
"""
from __future__ import annotations

import unittest

import jupyter_kernel_test

from conftest import stop_channels

KERNEL_NAME = "swift-experiments"


class SwiftExperimentsKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "swift"
    file_extension = ".swift"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'print("to standard error", to: &standardError)'

    completion_samples = [{"text": "prin", "matches": {"print"}}]

    complete_code_samples = ["1 + 1", "let answer = 42", 'print("done")', "for i in 0..<3 {\n    print(i)\n}"]
    incomplete_code_samples = ["func twice(_ x: Int) -> Int {", "let values = [1, 2,", "if true {"]
    invalid_code_samples = ["}", "let = 3"]

    code_page_something = "print?"

    code_generate_error = "let broken = undefinedName + 1"

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"ab" + "c"', "result": '"abc"'},
        {"code": "[1, 2, 3].map { $0 * 2 }", "result": "[2, 4, 6]"},
    ]

    code_display_data = [{"code": 'display("shown")', "mime": "text/plain"}]

    code_history_pattern = "6 ? 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "print"

    code_clear_output = "clearOutput(wait: true)"


class SwiftExperimentsIopubWelcomeTests(jupyter_kernel_test.IopubWelcomeTests):
    kernel_name = KERNEL_NAME
    support_iopub_welcome = True

    @classmethod
    def tearDownClass(cls) -> None:
        # The welcome arrives within milliseconds of `start_channels`: see `stop_channels` for the race.
        stop_channels(cls.kc)
        cls.km.shutdown_kernel()


if __name__ == "__main__":
    unittest.main()
