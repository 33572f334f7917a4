"""`dlcourse grade`: autograde a folder of submissions and export grades and feedback.

The nbgrader workspace (gradebook, submitted/, autograded/, feedback/) lives in
`workspace`; what an instructor reads is exported to `workspace/exports/`:
`grades.csv`, `exercises.csv` and `feedback/<student>/<assignment>.html`.
"""

import csv
import shutil
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from autograder.course import (
    COURSE_ROOT,
    nbgrader_api,
    nbgrader_config,
    notebook_path,
    require_success,
)
from autograder.feedback import error_summary
from autograder.submissions import Submission, find_submissions

# nbgrader 0.9 trips over its own SQLAlchemy session while autograding; harmless.
warnings.filterwarnings("ignore", message=".*not in session.*")

GRADES_COLUMNS = ["student", "assignment", "score", "max_score", "status", "reason"]
EXERCISE_COLUMNS = ["student", "assignment", "exercise", "part", "score", "max_score", "message"]


@dataclass
class CellResult:
    grade_id: str
    score: float
    max_score: float
    message: str = ""

    @property
    def exercise(self) -> str:
        return self.grade_id.rsplit("-", 1)[0]

    @property
    def part(self) -> str:
        return self.grade_id.rsplit("-", 1)[-1]


@dataclass
class Result:
    student: str
    assignment: str | None
    score: float
    max_score: float
    status: str  # graded | error
    reason: str = ""
    cells: list[CellResult] = field(default_factory=list)
    feedback: Path | None = None


class Grader:
    """One nbgrader workspace and its gradebook, grading one submission at a time."""

    def __init__(self, workspace: Path = COURSE_ROOT):
        self.workspace = workspace.resolve()
        self.workspace.mkdir(parents=True, exist_ok=True)
        self.exports = self.workspace / "exports"
        self.config = nbgrader_config(self.workspace, release=self.workspace / "release")
        self.api = nbgrader_api(self.config)
        self.prepared: set[str] = set()

    def prepare(self, assignment: str) -> None:
        """Record the assignment's source cells and points in the gradebook, once."""
        if assignment not in self.prepared:
            require_success(self.api.generate_assignment(assignment), f"prepare {assignment}")
            self.prepared.add(assignment)

    def grade(self, submission: Submission) -> Result:
        if submission.problem:
            return Result(submission.student, submission.assignment, 0, 0, "error",
                          submission.problem)
        student, assignment = submission.student, submission.assignment
        self.prepare(assignment)
        max_score = self._max_score(assignment)
        try:
            nbformat.read(submission.path, as_version=4)
        except Exception as error:  # noqa: BLE001 - any unreadable file is reported
            return Result(student, assignment, 0, max_score, "error",
                          f"not a readable notebook: {error}")
        target = notebook_path(self.workspace / "submitted" / student, assignment)
        shutil.rmtree(target.parent, ignore_errors=True)
        target.parent.mkdir(parents=True)
        shutil.copyfile(submission.path, target)
        graded = self.api.autograde(assignment, student)
        if not graded["success"]:
            return Result(student, assignment, 0, max_score, "error",
                          "nbgrader could not grade it: " + _last_error_line(graded))
        cells = self._cell_results(student, assignment)
        return Result(student, assignment, sum(c.score for c in cells), max_score, "graded",
                      cells=cells, feedback=self._feedback(student, assignment))

    def _max_score(self, assignment: str) -> float:
        with Gradebook(self.config.CourseDirectory.db_url) as gradebook:
            return gradebook.find_assignment(assignment).max_score

    def _cell_results(self, student: str, assignment: str) -> list[CellResult]:
        autograded = nbformat.read(
            notebook_path(self.workspace / "autograded" / student, assignment), as_version=4)
        messages = {cell.metadata["nbgrader"]["grade_id"]: _failure_message(cell)
                    for cell in autograded.cells if "nbgrader" in cell.metadata
                    and cell.metadata["nbgrader"].get("grade")}
        with Gradebook(self.config.CourseDirectory.db_url) as gradebook:
            try:
                notebook = gradebook.find_submission_notebook(assignment, assignment, student)
            except MissingEntry:
                return []
            order = list(messages)
            grades = sorted(notebook.grades,
                            key=lambda g: order.index(g.name) if g.name in order else len(order))
            return [CellResult(g.name, g.score, g.max_score, messages.get(g.name, ""))
                    for g in grades]

    def _feedback(self, student: str, assignment: str) -> Path | None:
        require_success(self.api.generate_feedback(assignment, student), "write feedback")
        html = self.workspace / "feedback" / student / assignment / f"{assignment}.html"
        if not html.exists():
            return None
        exported = self.exports / "feedback" / student / f"{assignment}.html"
        exported.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(html, exported)
        return exported


def _failure_message(cell) -> str:
    errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
    return error_summary(errors[0]) if errors else ""


def _last_error_line(result: dict) -> str:
    text = (result.get("error") or result.get("log") or "unknown error").strip()
    return text.splitlines()[-1]


def grade_folder(folder: Path, workspace: Path = COURSE_ROOT,
                 assignment: str | None = None) -> list[Result]:
    """Grade every submission in `folder` and write the exports."""
    grader = Grader(workspace)
    results = [grader.grade(s) for s in find_submissions(folder, assignment)]
    write_exports(results, grader.exports)
    return results


def write_exports(results: list[Result], exports: Path) -> None:
    exports.mkdir(parents=True, exist_ok=True)
    with open(exports / "grades.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(GRADES_COLUMNS)
        for r in results:
            writer.writerow([r.student, r.assignment or "", _number(r.score),
                             _number(r.max_score), r.status, r.reason])
    with open(exports / "exercises.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EXERCISE_COLUMNS)
        for r in results:
            for c in r.cells:
                writer.writerow([r.student, r.assignment, c.exercise, c.part,
                                 _number(c.score), _number(c.max_score), c.message])


def _number(value: float) -> str:
    return f"{value:g}"


def grade_table(results: list[Result]) -> str:
    """The results as a plain-text table, one row per submission."""
    rows = [("student", "assignment", "score", "status")]
    rows += [(r.student, r.assignment or "?", f"{_number(r.score)}/{_number(r.max_score)}",
              r.status + (f" ({r.reason})" if r.reason else "")) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  " + row[3] for row in rows)
