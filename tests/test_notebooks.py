"""Notebooks are code: the solutions run top to bottom with full marks, the untouched
release runs to the end and fails every visible check."""

import nbformat
import pytest
from nbclient import NotebookClient
from nbgrader.validator import Validator

from autograder.course import RELEASE, SOLUTIONS, nbgrader_config, notebook_path


def test_solution_runs_and_passes_every_check(assignment):
    results = Validator(config=nbgrader_config()).validate(
        str(notebook_path(SOLUTIONS, assignment)))
    assert results == {}, results


def run(path, **environment):
    notebook = nbformat.read(path, as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment.items():
            patch.setenv(name, value)
        NotebookClient(notebook, timeout=120, allow_errors=True, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def test_solution_runs_without_any_error_in_grading_mode(assignment):
    """Under NBGRADER_EXECUTION=autograde, training shrinks: every cell must still work."""
    notebook = run(notebook_path(SOLUTIONS, assignment), NBGRADER_EXECUTION="autograde")
    errors = [(c.source[:60], o.ename, o.evalue) for c in notebook.cells
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []


def test_untouched_release_runs_to_the_end_and_fails_every_visible_check(assignment):
    notebook = run(notebook_path(RELEASE, assignment))
    visible = [c for c in notebook.cells
               if c.metadata.get("nbgrader", {}).get("grade_id", "").endswith("-visible")]
    assert visible
    for cell in visible:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert errors, f"{cell.metadata.nbgrader.grade_id} passed on the untouched release"
        assert "not implemented yet" in errors[0].evalue
