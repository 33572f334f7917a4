"""Every hostile or broken submission gets a correct, explained score, and nothing is lost."""

import csv
import re

import nbformat
import pytest
from traitlets.config import Config

from autograder.batch import grade_folder
from autograder.course import REPO_ROOT
from autograder.grading import Grader
from tests.adversarial.cases import (
    ASSIGNMENT,
    CELL_TIMEOUT,
    MAX_PROCESSES,
    Case,
    all_cases,
    perfect,
    write_case,
)

CASES = all_cases()


def settings(**budget) -> Config:
    config = Config()
    config.Execute.timeout = CELL_TIMEOUT
    config.GuardedExecute.interrupt_grace = 3
    config.GuardedExecute.max_processes = MAX_PROCESSES
    for key, value in budget.items():
        setattr(config.GuardedExecute, key, value)
    return config


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("adversarial")
    for case in CASES:
        write_case(case, root / "submissions")
    results = grade_folder(root / "submissions", root / "workspace", settings=settings())
    return root, {r.student: r for r in results}


def test_every_submission_appears_exactly_once_with_a_status_and_reason(batch):
    root, _ = batch
    with open(root / "workspace" / "exports" / "grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["student"] for r in rows) == sorted(c.student for c in CASES)
    for row in rows:
        assert row["status"] in {"graded", "flagged", "error"}
        if row["status"] != "graded":
            assert row["reason"], row


@pytest.mark.parametrize("case", CASES, ids=[c.student for c in CASES])
def test_case_outcome(batch, case):
    _, results = batch
    result = results[case.student]
    assert (result.status, result.score, result.max_score) == (
        case.status, case.score, case.max_score), result.reason
    cells = {c.grade_id: c for c in result.cells}
    for grade_id, (score, fragment) in case.cells.items():
        assert cells[grade_id].score == score, (grade_id, cells[grade_id].message)
        assert fragment in cells[grade_id].message, (grade_id, cells[grade_id].message)
    for fragment in case.reason:
        assert fragment in result.reason, result.reason
    if result.feedback:
        html = result.feedback.read_text()
        for leak in ("autograder.hidden", "autograder/hidden", "autograder.guard",
                     "BEGIN HIDDEN TESTS", "Traceback (most recent call last)"):
            assert leak not in html


def test_huge_output_is_truncated_in_the_stored_notebook_and_feedback(batch):
    root, results = batch
    autograded = root / "workspace" / "autograded" / "huge_output" / ASSIGNMENT
    assert (autograded / f"{ASSIGNMENT}.ipynb").stat().st_size < 1_000_000
    assert results["huge_output"].feedback.stat().st_size < 2_000_000


def test_student_code_cannot_write_outside_its_own_folder(batch):
    root, _ = batch
    folder = root / "workspace" / "autograded" / "writes_outside_its_folder" / ASSIGNMENT
    notebook = nbformat.read(folder / f"{ASSIGNMENT}.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))
    assert ("write attempts: [('course source', 'refused'), ('gradebook', 'refused'), "
            "('other student', 'refused'), ('own folder', 'written')]") in printed
    # what a kernel writes stays in its worker's scratch folder, discarded after grading
    assert not (folder / "mine.txt").exists()
    assert not (REPO_ROOT / "solutions" / "probe.txt").exists()
    assert not (root / "workspace" / "autograded" / "probe.txt").exists()


def test_a_fork_bomb_stops_at_the_process_limit(batch):
    root, _ = batch
    folder = root / "workspace" / "autograded" / "fork_bomb" / ASSIGNMENT
    notebook = nbformat.read(folder / f"{ASSIGNMENT}.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))
    refused = re.search(r"fork refused after (\d+) children: BlockingIOError", printed)
    assert refused, printed[-500:]
    assert int(refused.group(1)) < MAX_PROCESSES


def test_students_are_told_what_was_restored_in_their_feedback(batch):
    _, results = batch
    html = results["deleted_test_cell"].feedback.read_text()
    assert "Notes from the grader" in html
    assert "was missing and was restored" in html


def test_grading_again_gives_the_same_grades_without_regrading(batch, monkeypatch):
    root, results = batch
    calls = []
    monkeypatch.setattr(Grader, "_grade", lambda self, s: calls.append(s.student))
    again = grade_folder(root / "submissions", root / "workspace", settings=settings(),
                         workers=1)
    assert calls == []
    assert [(r.student, r.score, r.status, r.reason) for r in again] == [
        (r.student, r.score, r.status, r.reason) for r in results.values()]


def test_an_interrupted_run_resumes_with_what_is_not_done(batch, monkeypatch):
    root, _ = batch
    (root / "workspace" / "results" / "renamed_file" / f"{ASSIGNMENT}.json").unlink()
    calls = []
    original = Grader._grade
    monkeypatch.setattr(Grader, "_grade",
                        lambda self, s: calls.append(s.student) or original(self, s))
    grade_folder(root / "submissions", root / "workspace", settings=settings(), workers=1)
    assert calls == ["renamed_file"]


def test_a_crash_of_the_grader_on_one_submission_does_not_stop_the_batch(tmp_path, monkeypatch):
    for name in ("ada", "bob"):
        (tmp_path / "submissions" / name).mkdir(parents=True)
        nbformat.write(perfect(), tmp_path / "submissions" / name / f"{ASSIGNMENT}.ipynb")
    original = Grader._grade

    def crash_on_ada(self, submission):
        if submission.student == "ada":
            raise RuntimeError("disk full")
        return original(self, submission)

    monkeypatch.setattr(Grader, "_grade", crash_on_ada)
    results = grade_folder(tmp_path / "submissions", tmp_path / "workspace", settings=settings(),
                           workers=1)
    assert [(r.student, r.status) for r in results] == [("ada", "error"), ("bob", "graded")]
    assert results[0].reason == ("the grader failed on this submission: "
                                 "RuntimeError: disk full")
    assert results[1].score == 21


def test_the_whole_notebook_has_a_time_budget(tmp_path):
    slow = "import time\ntime.sleep(4)\n"
    notebook = perfect()
    for grade_id in ("basic_sigmoid", "sigmoid", "sigmoid_derivative"):
        cell = next(c for c in notebook.cells
                    if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
        cell.source = slow + cell.source
    write_case(Case("slow", {f"{ASSIGNMENT}.ipynb": notebook}, "graded", 0),
               tmp_path / "submissions")
    results = grade_folder(tmp_path / "submissions", tmp_path / "workspace",
                           settings=settings(notebook_timeout=10))
    cells = {c.grade_id: c for c in results[0].cells}
    assert cells["basic_sigmoid-visible"].score == 1
    assert "not run: the notebook used up its time budget of 10 s" in cells[
        "stable_softmax-hidden"].message
