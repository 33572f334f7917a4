"""Every hostile or broken submission gets a correct, explained score, and nothing is lost."""

import csv
import hashlib
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

from autograder.batch import grade_folder
from autograder.batch.exports import FORMULA_STARTS
from autograder.batch.report import write_reports
from autograder.course import REPO_ROOT, SOLUTIONS, notebook_path
from autograder.submission.grading import Grader
from tests.adversarial.cases import (
    ASSIGNMENT,
    CELL_TIMEOUT,
    CLASSMATE_SECRET,
    FORMULA,
    MAX_PROCESSES,
    STORED_OUTPUT,
    WRONG,
    Case,
    all_cases,
    injection_cases,
    perfect,
    write_case,
)
from tests.adversarial.pages import active_content

CASES = all_cases()


def settings(**budget) -> Config:
    config = Config()
    config.Execute.timeout = CELL_TIMEOUT
    config.GuardedExecute.interrupt_grace = 3
    config.GuardedExecute.max_processes = MAX_PROCESSES
    for key, value in budget.items():
        setattr(config.GuardedExecute, key, value)
    return config


SNAPSHOTS: dict[str, dict] = {}  # what must not change, before and after the batch


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("adversarial")
    for case in CASES:
        write_case(case, root / "submissions")
    SNAPSHOTS["before"] = untouchable(root / "submissions")
    results = grade_folder(root / "submissions", root / "workspace", settings=settings())
    SNAPSHOTS["after"] = untouchable(root / "submissions")
    write_reports(root / "workspace")
    return root, {r.student: r for r in results}


def untouchable(submissions: Path) -> dict:
    """Digests of what no submission may change: the submissions folder (links and pipes
    as they are, never followed or read), the checkout and the Python environment."""
    tree = {}
    for directory, dirnames, filenames in os.walk(submissions):
        for name in dirnames + filenames:
            path = Path(directory, name)
            status = path.lstat()
            if stat.S_ISREG(status.st_mode):
                tree[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                tree[str(path)] = (stat.S_IFMT(status.st_mode),
                                   os.readlink(path) if path.is_symlink() else None)
    checkout = subprocess.run(["git", "-C", str(REPO_ROOT), "status", "--porcelain"],
                              capture_output=True, text=True).stdout
    diff = subprocess.run(["git", "-C", str(REPO_ROOT), "diff", "--binary"],
                          capture_output=True).stdout
    environment = sorted((str(path), path.stat().st_size, path.stat().st_mtime_ns)
                         for path in Path(sys.prefix).rglob("*")
                         if path.is_file() and "__pycache__" not in path.parts)
    return {"submissions": tree, "checkout": checkout,
            "diff": hashlib.sha256(diff).hexdigest(),
            "environment": hashlib.sha256(repr(environment).encode()).hexdigest()}


def test_every_submission_appears_exactly_once_with_a_status_and_reason(batch):
    root, _ = batch
    with open(root / "workspace" / "exports" / "grades.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(unquoted(r["student"]) for r in rows) == sorted(c.student for c in CASES)
    for row in rows:
        assert row["status"] in {"graded", "flagged", "error"}
        if row["status"] != "graded":
            assert row["reason"], row


def unquoted(cell: str) -> str:
    """A CSV cell without the quote that keeps a spreadsheet from running it."""
    return cell[1:] if cell[:1] == "'" and cell[1:].startswith(FORMULA_STARTS) else cell


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


# -- intake and outputs: tricks on top of the same wrong answers, secrets, active content

TRICKS = [c.student for c in injection_cases()] + [
    "assignment_is_a_number", "metadata_of_the_wrong_type", "renamed_answer_cell",
    "renamed_test_cell", "stored_outputs"]


def test_a_trick_scores_what_the_same_wrong_answers_score(batch):
    _, results = batch
    assert results["wrong_answers"].score == WRONG
    assert {name: results[name].score for name in TRICKS} == dict.fromkeys(TRICKS, WRONG)


def test_nothing_a_submission_does_changes_the_submissions_the_checkout_or_the_venv(batch):
    assert SNAPSHOTS["after"] == SNAPSHOTS["before"]


def produced_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "workspace" / "exports").rglob("*")
                  if p.suffix in {".html", ".csv"})


def secrets() -> dict[str, str]:
    """Text that must appear in no feedback, CSV or report: the hidden tests, the reference
    (lines a correct answer cannot contain), /etc/shadow and the classmate's answer."""
    solution = nbformat.read(notebook_path(SOLUTIONS, ASSIGNMENT), as_version=4)
    visible = {line.strip() for cell in solution.cells for line in cell.source.splitlines()
               if "HIDDEN TESTS" not in cell.source}
    found = {}
    for module in ("hidden", "reference"):
        source = (REPO_ROOT / "autograder" / module / "numpy_basics.py").read_text()
        for line in source.splitlines():
            if len(line.strip()) >= 30 and line.strip() not in visible:
                found[f"{module}: {line.strip()}"] = line.strip()
    try:
        shadow = Path("/etc/shadow").read_text().splitlines()[0]
        found["/etc/shadow"] = shadow
    except (OSError, IndexError):
        pass
    return found


def test_no_secret_reaches_any_feedback_csv_or_report(batch):
    root, results = batch
    hidden = secrets()
    assert any(k.startswith("hidden") for k in hidden) and any(
        k.startswith("reference") for k in hidden)
    files = produced_files(root)
    assert {p.name for p in files} >= {"grades.csv", "exercises.csv", "lms.csv",
                                       "index.html", f"{ASSIGNMENT}.html", f"{ASSIGNMENT}.csv"}
    own = results["classmate"].feedback
    for path in files:
        text = path.read_text(encoding="utf-8")
        leaks = [name for name, secret in hidden.items() if secret in text]
        assert leaks == [], path
        if path != own:
            assert CLASSMATE_SECRET not in text, path
    assert CLASSMATE_SECRET in own.read_text()


def test_no_page_carries_active_content_from_a_student(batch):
    root, results = batch
    furniture = active_content(results["wrong_answers"].feedback)
    assert furniture.scripts, "the feedback template's own scripts (MathJax) are gone"
    allowed = [tuple(script) for script in furniture.scripts]
    pages = [p for p in produced_files(root) if p.suffix == ".html"]
    assert len(pages) > len(TRICKS)
    for page in pages:
        found = active_content(page)
        assert found.active == [], page
        assert all(tuple(script) in allowed for script in found.scripts), page


def test_what_the_student_wrote_stays_visible_as_text(batch):
    _, results = batch
    markdown = " ".join(active_content(results["script_in_markdown"].feedback).text)
    assert '<script>alert("md")</script>' in markdown
    assert '<iframe src="https://example.com"></iframe>' in markdown
    displayed = " ".join(active_content(results["script_in_display"].feedback).text)
    assert '<script>alert("html")</script>' in displayed
    assert '<script>alert("stdout")</script>' in displayed


def read_rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_no_csv_cell_can_run_as_a_formula(batch):
    root, _ = batch
    for path in produced_files(root):
        if path.suffix == ".csv":
            for row in read_rows(path)[1:]:
                for cell in row:
                    assert not cell.startswith(FORMULA_STARTS), (path.name, cell)
    grades = read_rows(root / "workspace" / "exports" / "grades.csv")
    assert ["'" + FORMULA, ASSIGNMENT, "18", "21", "graded", ""] in grades
    exercises = read_rows(root / "workspace" / "exports" / "exercises.csv")
    messages = [row[-1] for row in exercises if row[0] == "formula_exception_name"
                and row[2] == "softmax"]
    assert messages and all(FORMULA in m for m in messages)


def test_outputs_saved_in_the_submission_are_neither_kept_nor_shown(batch):
    root, results = batch
    autograded = root / "workspace" / "autograded" / "stored_outputs" / ASSIGNMENT
    assert STORED_OUTPUT not in (autograded / f"{ASSIGNMENT}.ipynb").read_text()
    feedback = results["stored_outputs"].feedback
    plain = results["renamed_file"].feedback  # correct answers, no stored outputs
    assert feedback.stat().st_size < plain.stat().st_size + 100_000
    assert STORED_OUTPUT not in feedback.read_text()
