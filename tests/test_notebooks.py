"""Notebooks are code: the solutions run top to bottom with full marks, the untouched
release runs to the end and fails every visible check."""

import nbformat
from nbclient import NotebookClient
from nbgrader.validator import Validator

from autograder.course import RELEASE, SOLUTIONS, nbgrader_config, notebook_path


def test_solution_runs_and_passes_every_check(assignment):
    results = Validator(config=nbgrader_config()).validate(
        str(notebook_path(SOLUTIONS, assignment)))
    assert results == {}, results


def test_untouched_release_runs_to_the_end_and_fails_every_visible_check(assignment):
    path = notebook_path(RELEASE, assignment)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=120, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    visible = [c for c in notebook.cells
               if c.metadata.get("nbgrader", {}).get("grade_id", "").endswith("-visible")]
    assert visible
    for cell in visible:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert errors, f"{cell.metadata.nbgrader.grade_id} passed on the untouched release"
        assert "not implemented yet" in errors[0].evalue
