"""`dlcourse grade`: autograde a folder of submissions and export grades and feedback.

The nbgrader workspace (gradebook, submitted/, autograded/, feedback/) lives in
`workspace`; what an instructor reads is exported to `workspace/exports/`:
`grades.csv`, `exercises.csv` and `feedback/<student>/<assignment>.html`.

Every submission found gets exactly one row in `grades.csv` with a status:
`graded`, `flagged` (graded, but an instructor should look: the reason says
why) or `error` (could not be graded: the reason says why). One submission's
failure never stops the batch. Each result is also kept in
`workspace/results/`; a later run reuses it while neither the submission nor
the assignment changed, so an interrupted run resumes where it stopped.
"""

import csv
import hashlib
import json
import shutil
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from tqdm.auto import tqdm
from traitlets.config import Config

from autograder.course import (
    COURSE_ROOT,
    REPO_ROOT,
    SOLUTIONS,
    nbgrader_api,
    nbgrader_config,
    notebook_path,
    require_success,
    topic,
)
from autograder.feedback import error_summary
from autograder.guard import GUARD_MARKER
from autograder.intake import check_against_release
from autograder.submissions import Submission, find_submissions
from autograder.tamper import scan_notebook

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
    status: str  # graded | flagged | error
    reason: str = ""
    cells: list[CellResult] = field(default_factory=list)
    feedback: Path | None = None

    def to_json(self) -> dict:
        return {**asdict(self), "feedback": str(self.feedback) if self.feedback else None}

    @classmethod
    def from_json(cls, data: dict) -> "Result":
        cells = [CellResult(**c) for c in data.pop("cells")]
        feedback = data.pop("feedback")
        return cls(**data, cells=cells, feedback=Path(feedback) if feedback else None)


class Grader:
    """One nbgrader workspace and its gradebook, grading one submission at a time."""

    def __init__(self, workspace: Path = COURSE_ROOT, settings: Config | None = None):
        self.workspace = workspace.resolve()
        self.workspace.mkdir(parents=True, exist_ok=True)
        self.exports = self.workspace / "exports"
        self.config = nbgrader_config(self.workspace, release=self.workspace / "release")
        if settings is not None:
            self.config.merge(settings)
        self.api = nbgrader_api(self.config)
        self.prepared: set[str] = set()

    def grade(self, submission: Submission, force: bool = False) -> Result:
        """Grade one submission, or reuse its stored result; never raises."""
        if submission.problem:
            return Result(submission.student, submission.assignment, 0, 0, "error",
                          submission.problem)
        try:
            key = self._result_key(submission)
            stored = self._stored_result(submission, key)
            if stored is not None and not force:
                return stored
            result = self._grade(submission)
            self._store_result(submission, key, result)
            return result
        except Exception as error:  # noqa: BLE001 - one submission never stops the batch
            return Result(submission.student, submission.assignment, 0, 0, "error",
                          f"the grader failed on this submission: "
                          f"{type(error).__name__}: {error}")

    def _grade(self, submission: Submission) -> Result:
        student, assignment = submission.student, submission.assignment
        self.prepare(assignment)
        max_score = self._max_score(assignment)
        try:
            notebook = nbformat.read(submission.path, as_version=4)
            nbformat.validate(notebook)
        except Exception as error:  # noqa: BLE001 - whatever the file is, say so
            return Result(student, assignment, 0, max_score, "error",
                          f"{submission.path.name} is not a valid notebook: {_first_line(error)}")
        release = nbformat.read(notebook_path(self.workspace / "release", assignment),
                                as_version=4)
        intake = check_against_release(notebook, release)
        release_sources = {c.source.strip() for c in release.cells}
        findings = scan_notebook(intake.notebook, release_sources)
        notices = submission.notices + intake.notices
        review = submission.review + intake.review + [
            f"suspicious code: {finding}" for finding in findings]
        self._write_submitted(student, assignment, intake.notebook, notices)
        graded = self.api.autograde(assignment, student)
        if not graded["success"]:
            return Result(student, assignment, 0, max_score, "error",
                          "nbgrader could not grade it: " + _last_error_line(graded))
        cells = self._cell_results(student, assignment)
        status = "flagged" if review else "graded"
        summary = ["needs manual review: " + "; ".join(review)] if review else []
        reason = " ".join(summary + notices)
        return Result(student, assignment, sum(c.score for c in cells), max_score, status,
                      reason, cells, self._feedback(student, assignment))

    def prepare(self, assignment: str) -> None:
        """Record the assignment's source cells and points in the gradebook, once."""
        if assignment not in self.prepared:
            require_success(self.api.generate_assignment(assignment), f"prepare {assignment}")
            self.prepared.add(assignment)

    def _write_submitted(self, student, assignment, notebook, notices) -> None:
        """The notebook nbgrader grades: the grader's set-up cell first, notices after it."""
        setup = nbformat.v4.new_code_cell(
            f"{GUARD_MARKER}\nimport autograder.guard\n"
            f"autograder.guard.install({assignment!r})")
        cells = [setup]
        if notices:
            cells.append(nbformat.v4.new_markdown_cell(
                "**Notes from the grader**\n\n" + "\n".join(f"- {n}" for n in notices)))
        notebook.cells = cells + notebook.cells
        target = notebook_path(self.workspace / "submitted" / student, assignment)
        shutil.rmtree(target.parent, ignore_errors=True)
        target.parent.mkdir(parents=True)
        nbformat.write(notebook, target)

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

    # -- stored results, so that a rerun only grades what changed ---------------------------

    def _result_key(self, submission: Submission) -> str:
        digest = hashlib.sha256(submission.path.read_bytes())
        for source in _assignment_sources(submission.assignment):
            digest.update(source.read_bytes())
        digest.update(repr(sorted(submission.review + submission.notices)).encode())
        return digest.hexdigest()

    def _result_file(self, submission: Submission) -> Path:
        return self.workspace / "results" / submission.student / f"{submission.assignment}.json"

    def _stored_result(self, submission: Submission, key: str) -> Result | None:
        path = self._result_file(submission)
        if not path.is_file():
            return None
        data = json.loads(path.read_text())
        if data.get("key") != key:
            return None
        result = Result.from_json(data["result"])
        return result if result.feedback is None or result.feedback.exists() else None

    def _store_result(self, submission: Submission, key: str, result: Result) -> None:
        path = self._result_file(submission)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"key": key, "result": result.to_json()}, indent=1))
        temporary.replace(path)


def _assignment_sources(assignment: str) -> list[Path]:
    """The files whose change makes stored results of an assignment stale."""
    name = topic(assignment)
    return [notebook_path(SOLUTIONS, assignment),
            REPO_ROOT / "autograder" / "hidden" / f"{name}.py",
            REPO_ROOT / "course_utils" / "checks" / f"{name}.py",
            *sorted((REPO_ROOT / "autograder").glob("*.py")),
            REPO_ROOT / "course_utils" / "checks" / "core.py"]


def _failure_message(cell) -> str:
    errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
    return error_summary(errors[0]) if errors else ""


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]


def _last_error_line(result: dict) -> str:
    text = (result.get("error") or result.get("log") or "unknown error").strip()
    return text.splitlines()[-1]


def grade_folder(folder: Path, workspace: Path = COURSE_ROOT, assignment: str | None = None,
                 settings: Config | None = None, force: bool = False) -> list[Result]:
    """Grade every submission in `folder` and write the exports."""
    grader = Grader(workspace, settings)
    submissions = find_submissions(folder, assignment)
    results = [grader.grade(s, force) for s in tqdm(submissions, desc="grading", unit="nb",
                                                      disable=None)]
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
