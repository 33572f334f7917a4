"""Grade one submission in a workspace of one's own: what every grading worker does.

A `Grader` owns an nbgrader workspace (its gradebook, submitted/, autograded/,
feedback/) and one `NbGraderAPI`. It takes a `Job` (the notebook's bytes and
what intake found), runs nbgrader's autograde on it, writes the feedback page
and returns an `Outcome`: the result with a score and a message per graded
cell, the notebooks, the feedback HTML and where the time went. It then
forgets the submission's files; the client that sent the job keeps them
(`autograder.batch`). It never raises: whatever goes wrong becomes a result
with status `error` and a reason.
"""

import hashlib
import shutil
import time
import warnings
from functools import cached_property
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from traitlets.config import Config

from autograder.batch.results import CellResult, Job, Outcome, Result
from autograder.course import (
    REPO_ROOT,
    SOLUTIONS,
    nbgrader_api,
    nbgrader_config,
    notebook_path,
    require_success,
    topic,
)
from autograder.submission import execute, nbgrader_speedups
from autograder.submission.feedback import FeedbackWriter, error_summary
from autograder.submission.intake import check_against_release
from autograder.submission.tamper import scan_notebook

# nbgrader 0.9 trips over its own SQLAlchemy session while autograding; harmless.
warnings.filterwarnings("ignore", message=".*not in session.*")


class Grader:
    """One nbgrader workspace and its gradebook, grading one submission at a time."""

    def __init__(self, workspace: Path, settings: Config | None = None):
        nbgrader_speedups.install()
        self.workspace = workspace.resolve()
        self.workspace.mkdir(parents=True, exist_ok=True)
        self.config = nbgrader_config(self.workspace, release=self.workspace / "release")
        if settings is not None:
            self.config.merge(settings)
        self.api = nbgrader_api(self.config)

    @cached_property
    def feedback(self) -> FeedbackWriter:
        return FeedbackWriter(self.api.coursedir, self.config)

    def grade(self, job: Job) -> Outcome:
        """Grade one submission; never raises."""
        started = time.perf_counter()
        try:
            outcome = self._grade(job)
        except Exception as error:  # noqa: BLE001 - one submission never stops the batch
            outcome = Outcome(Result(job.student, job.assignment, 0, 0, "error",
                                     f"the grader failed on this submission: "
                                     f"{type(error).__name__}: {error}"))
        finally:
            self._forget(job.student)
        outcome.seconds["total"] = time.perf_counter() - started
        return outcome

    def _grade(self, job: Job) -> Outcome:
        student, assignment = job.student, job.assignment
        seconds: dict[str, float] = {}
        clock = time.perf_counter()
        self.prepare(assignment)
        max_score = self.max_score(assignment)
        try:
            notebook = nbformat.reads(job.content.decode("utf-8"), as_version=4)
            nbformat.validate(notebook)
        except Exception as error:  # noqa: BLE001 - whatever the file is, say so
            return Outcome(Result(student, assignment, 0, max_score, "error",
                                  f"{job.filename} is not a valid notebook: "
                                  f"{_first_line(error)}"))
        release = nbformat.read(notebook_path(self.workspace / "release", assignment),
                                as_version=4)
        intake = check_against_release(notebook, release)
        findings = scan_notebook(intake.notebook, {c.source.strip() for c in release.cells})
        notices = job.notices + intake.notices
        review = job.review + intake.review + [f"suspicious code: {f}" for f in findings]
        submitted = self._write_submitted(student, assignment, intake.notebook, notices)
        seconds["intake"] = _lap(clock)

        clock = time.perf_counter()
        graded = self.api.autograde(assignment, student)
        seconds["autograde"] = _lap(clock)
        seconds.update(execute.last_timings())
        if not graded["success"]:
            return Outcome(Result(student, assignment, 0, max_score, "error",
                                  "nbgrader could not grade it: " + _last_error_line(graded)),
                           seconds=seconds)
        clock = time.perf_counter()
        autograded_path = notebook_path(self.workspace / "autograded" / student, assignment)
        autograded = autograded_path.read_text(encoding="utf-8")
        cells = self._cell_results(student, assignment, nbformat.reads(autograded, 4))
        seconds["collect"] = _lap(clock)
        clock = time.perf_counter()
        html = self.feedback.html(autograded_path, assignment, student)
        seconds["feedback"] = _lap(clock)
        summary = ["needs manual review: " + "; ".join(review)] if review else []
        result = Result(student, assignment, sum(c.score for c in cells), max_score,
                        "flagged" if review else "graded", " ".join(summary + notices), cells)
        return Outcome(result, submitted, autograded, html, seconds)

    def prepare(self, assignment: str) -> None:
        """Record the assignment's cells and points in the gradebook, unless already done
        from the same sources and into the same gradebook."""
        stamp = self.workspace / "prepared" / f"{assignment}.stamp"
        db_url = self.config.CourseDirectory.db_url.replace(str(self.workspace), "<workspace>")
        expected = f"{sources_digest(assignment)} {db_url}"
        release = notebook_path(self.workspace / "release", assignment)
        if release.is_file() and stamp.is_file() and stamp.read_text() == expected:
            return
        require_success(self.api.generate_assignment(assignment, force=True),
                        f"prepare {assignment}")
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(expected)

    def max_score(self, assignment: str) -> float:
        with Gradebook(self.config.CourseDirectory.db_url) as gradebook:
            return gradebook.find_assignment(assignment).max_score

    def _write_submitted(self, student, assignment, notebook, notices) -> str:
        """The notebook nbgrader grades: the grader's notices first, if any."""
        cells = []
        if notices:
            cells.append(nbformat.v4.new_markdown_cell(
                "**Notes from the grader**\n\n" + "\n".join(f"- {n}" for n in notices)))
        notebook.cells = cells + notebook.cells
        target = notebook_path(self.workspace / "submitted" / student, assignment)
        shutil.rmtree(target.parent, ignore_errors=True)
        target.parent.mkdir(parents=True)
        text = nbformat.writes(notebook)
        target.write_text(text, encoding="utf-8")
        return text

    def _cell_results(self, student: str, assignment: str, autograded) -> list[CellResult]:
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

    def _forget(self, student: str) -> None:
        """Remove the student's files from this workspace: the client keeps its own copy."""
        for folder in ("submitted", "autograded", "feedback"):
            shutil.rmtree(self.workspace / folder / student, ignore_errors=True)


def sources_digest(assignment: str) -> str:
    """A digest of the files whose change makes grades of an assignment stale."""
    digest = hashlib.sha256()
    for source in _assignment_sources(assignment):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _assignment_sources(assignment: str) -> list[Path]:
    name = topic(assignment)
    return [notebook_path(SOLUTIONS, assignment),
            REPO_ROOT / "autograder" / "hidden" / f"{name}.py",
            REPO_ROOT / "course_utils" / "checks" / f"{name}.py",
            *sorted(p for folder in ("submission", "dlcourse_kernel")
                    for p in (REPO_ROOT / "autograder" / folder).glob("*.py")),
            REPO_ROOT / "course_utils" / "checks" / "core.py"]


def _lap(started: float) -> float:
    return time.perf_counter() - started


def _failure_message(cell) -> str:
    errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
    return error_summary(errors[0]) if errors else ""


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]


def _last_error_line(result: dict) -> str:
    text = (result.get("error") or result.get("log") or "unknown error").strip()
    return text.splitlines()[-1]
