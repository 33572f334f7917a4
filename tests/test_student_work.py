"""Student work survives every README command, and nbgrader's exchange works end to end.

In a copy of the course: the student's lab releases the assignments to the local
exchange, the student fetches 01 and fills it in, then every command of the README runs
(`dlcourse lab` for both roles, build, build --check, demo, check, nbgrader's submit,
collect, `dlcourse grade` on what was collected, generate_feedback, release_feedback,
fetch_feedback, report, `make clean`). The filled notebook must come out byte for byte
the same, and so must a notebook edited in `notebooks/` the old way, which the build
and the demo must refuse to replace, naming it.
"""

from pathlib import Path

import nbformat
import pytest

from autograder.course.examples import solution_answers
from tests.course_copy import BIN, lab_server, make_copy, run

ASSIGNMENT = "01_numpy_basics"
NOTEBOOK = f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb"


def open_and_close_lab(copy: Path, *options: str) -> str:
    """`dlcourse lab [options]` until its server answers, then Ctrl-C; what it printed."""
    with lab_server(copy, *options) as (_, log):
        pass
    return log.read_text()


def fill_in(path: Path) -> None:
    """Write the solution's answers into the student's notebook, as a student would."""
    notebook = nbformat.read(path, as_version=4)
    answers = solution_answers(ASSIGNMENT)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in answers:
            cell.source = answers[grade_id]
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return make_copy(tmp_path_factory.mktemp("course") / "dlcourse")


def test_student_work_survives_every_readme_command(copy):
    said = open_and_close_lab(copy)
    assert "Released to the exchange: 01_numpy_basics" in said
    student = copy / "student"
    run(copy, "nbgrader", "fetch_assignment", ASSIGNMENT, cwd=student, role="student")
    work = student / NOTEBOOK
    fill_in(work)
    legacy = copy / "notebooks" / NOTEBOOK
    released = legacy.read_bytes()
    fill_in(legacy)  # the old README's advice: work in notebooks/
    work_bytes, legacy_bytes = work.read_bytes(), legacy.read_bytes()

    refused = run(copy, "dlcourse", "build", check=False)
    assert refused.returncode == 1 and f"notebooks/{NOTEBOOK}" in refused.stdout
    assert run(copy, "dlcourse", "build", "--check", check=False).returncode == 1
    refused = run(copy, "dlcourse", "demo", check=False)
    assert refused.returncode == 1 and f"notebooks/{NOTEBOOK}" in refused.stdout
    assert legacy.read_bytes() == legacy_bytes

    checked = run(copy, "dlcourse", "check", f"student/{NOTEBOOK}")
    assert "hidden tests:" in checked.stdout
    open_and_close_lab(copy)
    open_and_close_lab(copy, "--instructor")

    # nbgrader's exchange: submit, collect, grade, feedback back to the student
    run(copy, "nbgrader", "submit", ASSIGNMENT, cwd=student, role="student")
    run(copy, "nbgrader", "collect", ASSIGNMENT, cwd=copy / "autograder")
    graded = run(copy, "dlcourse", "grade", "autograder/submitted", "--workers", "1")
    assert "21/21" in graded.stdout, graded.stdout
    run(copy, "nbgrader", "generate_feedback", ASSIGNMENT, cwd=copy / "autograder")
    run(copy, "nbgrader", "release_feedback", ASSIGNMENT, cwd=copy / "autograder")
    run(copy, "nbgrader", "fetch_feedback", ASSIGNMENT, cwd=student, role="student")
    pages = list((student / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html"))
    assert len(pages) == 1 and "21" in pages[0].read_text()
    run(copy, "dlcourse", "report")
    run(copy, "make", f"VENV={BIN.parent}", "clean")

    assert work.read_bytes() == work_bytes
    assert legacy.read_bytes() == legacy_bytes
    legacy.write_bytes(released)  # what the refusal advised: keep the work elsewhere
    run(copy, "dlcourse", "build")
    assert work.read_bytes() == work_bytes
    assert (copy / "exchange" / "dlcourse" / "outbound" / ASSIGNMENT).is_dir()
