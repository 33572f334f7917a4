"""Run a small notebook under the grader's `GuardedExecute`, for tests of the sandbox and of
trusted test cells."""

import copy

import nbformat
import pytest

from autograder.course import nbgrader_config
from autograder.submission.execute import GuardedExecute
from autograder.submission.sandbox import unavailable_reason
from autograder.submission.trusted import TrustedCells

SANDBOX_MISSING = unavailable_reason()
needs_sandbox = pytest.mark.skipif(SANDBOX_MISSING is not None,
                                   reason=f"no sandbox here: {SANDBOX_MISSING}")


def answer(grade_id: str, source: str):
    return nbformat.v4.new_code_cell(source, metadata={"nbgrader": {
        "grade": False, "solution": True, "grade_id": grade_id, "locked": False,
        "schema_version": 3, "task": False}})


def grade_cell(grade_id: str, source: str = "# the course's test cell"):
    return nbformat.v4.new_code_cell(source, metadata={"nbgrader": {
        "grade": True, "solution": False, "grade_id": grade_id, "locked": True, "points": 1,
        "schema_version": 3, "task": False}})


class WithTests(GuardedExecute):
    """GuardedExecute whose trusted test cells are given, not read from `solutions/`."""

    tests: dict[str, str] = {}

    def _prepare(self, nb, km, resources) -> None:
        super()._prepare(nb, km, resources)
        self.trusted = TrustedCells(None, self.tests, self.nb)


def run(cells, folder, tests: dict[str, str] | None = None, sandbox: bool = True, **settings):
    """Run a notebook of `cells` (sources or cells); the outputs of each cell."""
    config = nbgrader_config()
    config.GuardedExecute.run_ungraded_tail = True
    config.GuardedExecute.sandbox = sandbox and SANDBOX_MISSING is None
    for key, value in settings.items():
        setattr(config.GuardedExecute, key, value)
    cells = [nbformat.v4.new_code_cell(c) if isinstance(c, str) else c for c in cells]
    notebook = nbformat.v4.new_notebook(cells=cells)
    executor = WithTests(config=config)
    executor.tests = tests or {}
    executed, _ = executor.preprocess(copy.deepcopy(notebook), {"metadata": {"path": str(folder)}})
    return [cell.outputs for cell in executed.cells]


def text(outputs) -> str:
    return "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
