"""`dlcourse grade`: autograde a folder of submissions and export grades and feedback.

The client (this module) finds the submissions, prepares the gradebook, hands
each submission to a worker (`autograder.batch.dispatch`: this process, a local
process pool or a Dask cluster) and alone writes what comes back: the
gradebook, the nbgrader workspace (`submitted/`, `autograded/`, `feedback/`)
and `workspace/exports/`: `grades.csv`, `exercises.csv`, `lms.csv` and
`feedback/<student>/<assignment>.html`.

Every submission found gets exactly one row in `grades.csv` with a status:
`graded`, `flagged` (graded, but an instructor should look: the reason says
why) or `error` (could not be graded: the reason says why). One submission's
failure never stops the batch. Each result is also kept in
`workspace/results/`; a later run reuses it while neither the submission nor
the assignment changed, so an interrupted run resumes where it stopped.
"""

import contextlib
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

from nbgrader.api import Gradebook
from tqdm.auto import tqdm
from traitlets.config import Config

from autograder.batch import dispatch
from autograder.batch.exports import number, write_exports
from autograder.batch.gradebook import record
from autograder.batch.results import Job, Outcome, Result
from autograder.batch.submissions import Submission, find_submissions
from autograder.batch.workers import WorkerSettings
from autograder.course import COURSE_ROOT, notebook_path
from autograder.submission.grading import Grader, sources_digest
from autograder.submission.sandbox import SandboxUnavailable, unavailable_reason

UNSANDBOXED = "graded WITHOUT the sandbox (--no-sandbox): its code could read and change " \
              "what the grader can."


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def grade_folder(folder: Path, workspace: Path = COURSE_ROOT, assignment: str | None = None,
                 settings: Config | None = None, force: bool = False,
                 workers: int | None = None, scheduler: str | None = None,
                 db_url: str | None = None, timings: list | None = None,
                 sandbox: bool | None = None) -> list[Result]:
    """Grade every submission in `folder` and write the gradebook and exports.

    Kernels run in the sandbox of `autograder.submission.sandbox`; where it cannot be made this
    raises `SandboxUnavailable`, unless `sandbox` is False (default: False only when the
    environment says `DLCOURSE_NO_SANDBOX=1`): then every row says that the submission
    was graded without it.

    workers   -- local worker processes (default: one per core; 1 grades in this process)
    scheduler -- address of a Dask scheduler: grade on that cluster instead
    db_url    -- the gradebook's SQLAlchemy URL (default: SQLite in the workspace)
    timings   -- if given, receives each fresh outcome's seconds by phase
    """
    settings = Config(settings or {})
    if sandbox is None:
        sandbox = os.environ.get("DLCOURSE_NO_SANDBOX") != "1"
    if not sandbox:
        settings.GuardedExecute.sandbox = False
    elif settings.GuardedExecute.get("sandbox", True) and (reason := unavailable_reason()):
        raise SandboxUnavailable(reason)
    client = Client(workspace.resolve(), settings, db_url)
    submissions = find_submissions(folder, assignment)
    results: list[Result | None] = [None] * len(submissions)
    jobs, places, keys = [], [], {}
    for place, submission in enumerate(submissions):
        if submission.problem:
            results[place] = Result(submission.student, submission.assignment, 0, 0, "error",
                                    submission.problem)
            continue
        client.prepare(submission.assignment)
        keys[place] = client.key(submission)  # before grading: nothing graded can change it
        stored = None if force else client.reuse(submission, keys[place])
        if stored is not None:
            results[place] = stored
        else:
            jobs.append(client.job(submission))
            places.append(place)
    outcomes = client.run(jobs, workers or default_workers(), scheduler)
    for index, outcome in progress(outcomes, len(jobs)):
        place = places[index]
        results[place] = client.keep(submissions[place], outcome, keys[place])
        if timings is not None:
            timings.append(outcome.seconds)
    client.finish()
    if not settings.GuardedExecute.get("sandbox", True):
        for result in results:
            result.reason = " ".join(filter(None, [UNSANDBOXED, result.reason]))
    write_exports(results, client.exports)
    return results


def progress(outcomes, total: int):
    """A progress bar on a terminal (submissions done, rate, time left), none otherwise.

    A terminal that reports no size (a pseudo-terminal whose size was never set, as
    under `script`, `ssh -T` or some CI runners) is taken as 80 by 24: tqdm would hide
    its bar there, as if the bar were below the last of zero rows."""
    size = {}
    with contextlib.suppress(OSError, ValueError):
        columns, lines = os.get_terminal_size(sys.stderr.fileno())
        size = {"ncols": columns or 80, "nrows": lines or 24}
    return tqdm(outcomes, total=total, desc="grading", unit="nb", **size,
                disable=None if total else True, smoothing=0.1)


class Client:
    """The grading run's own workspace, gradebook and stored results."""

    def __init__(self, workspace: Path, settings: Config | None, db_url: str | None):
        self.workspace = workspace
        self.exports = workspace / "exports"
        self.settings = Config(settings or {})
        central = Config(self.settings)
        if db_url:
            central.CourseDirectory.db_url = db_url
        self.gradebook = Grader(workspace, central)
        self.db_url = self.gradebook.config.CourseDirectory.db_url
        self.template = Grader(workspace / "workers" / "template", self.settings)
        self.prepared: set[str] = set()
        self.digests: dict[str, str] = {}
        self._connection: Gradebook | None = None

    def prepare(self, assignment: str) -> None:
        if assignment not in self.prepared:
            self.gradebook.prepare(assignment)
            self.template.prepare(assignment)
            sandboxed = self.settings.GuardedExecute.get("sandbox", True)
            self.digests[assignment] = f"{sources_digest(assignment)} sandbox={sandboxed}"
            self.prepared.add(assignment)

    def job(self, submission: Submission) -> Job:
        """The bytes read once at intake: the file is never read again."""
        return Job(submission.student, submission.assignment, submission.path.name,
                   submission.content, submission.review, submission.notices)

    def run(self, jobs: list[Job], workers: int, scheduler: str | None):
        worker_config = Config(self.settings)
        if scheduler:
            settings = WorkerSettings(self.template.workspace, None, worker_config)
            return dispatch.run_dask(jobs, settings, scheduler)
        settings = WorkerSettings(self.template.workspace, self.workspace / "workers" / "scratch",
                                  worker_config)
        if workers == 1 or len(jobs) < 2:
            return dispatch.run_inline(jobs, settings)
        return dispatch.run_pool(jobs, settings, min(workers, len(jobs)))

    def keep(self, submission: Submission, outcome: Outcome, key: str) -> Result:
        """Write what a worker sent back: files, gradebook, stored result."""
        started = time.perf_counter()
        result = outcome.result
        student, assignment = result.student, result.assignment
        for folder, text in (("submitted", outcome.submitted),
                             ("autograded", outcome.autograded)):
            if folder == "submitted" and self._collected(submission):
                continue  # nbgrader's collected copy stays the student's own
            target = notebook_path(self.workspace / folder / student, assignment)
            shutil.rmtree(target.parent, ignore_errors=True)
            if text is not None:
                target.parent.mkdir(parents=True)
                target.write_text(text, encoding="utf-8")
        if outcome.feedback_html is not None:
            result.feedback = self.exports / "feedback" / student / f"{assignment}.html"
            nbgrader_page = notebook_path(self.workspace / "feedback" / student, assignment)
            nbgrader_page = nbgrader_page.with_suffix(".html")
            for path in (result.feedback, nbgrader_page):
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(outcome.feedback_html, encoding="utf-8")
            for name, content in submission.nbgrader_files.items():  # release_feedback's
                (nbgrader_page.parent / name).write_bytes(content)
        if result.max_score:  # graded or judged by nbgrader, not lost with a worker
            record(self.connection, result, submission.timestamp)
            self._store(submission, result, key)
        outcome.seconds["client"] = time.perf_counter() - started
        return result

    def _collected(self, submission: Submission) -> bool:
        """Whether the submission is read from this workspace's own `submitted/` (what
        `nbgrader collect` fills): then it is never rewritten."""
        return submission.path.resolve().is_relative_to((self.workspace / "submitted").resolve())

    @property
    def connection(self) -> Gradebook:
        if self._connection is None:
            self._connection = Gradebook(self.db_url)
        return self._connection

    def finish(self) -> None:
        """Close the gradebook; remove the workers' scratch workspaces (the template stays
        for the next run)."""
        if self._connection is not None:
            self._connection.close()
        shutil.rmtree(self.workspace / "workers" / "scratch", ignore_errors=True)

    # -- stored results, so that a rerun only grades what changed ---------------------------

    def key(self, submission: Submission) -> str:
        """What a stored result is valid for: the bytes read at intake, the assignment and
        its sources (the course version), and what intake told the student."""
        digest = hashlib.sha256(submission.digest.encode())
        digest.update(submission.assignment.encode())
        digest.update(self.digests[submission.assignment].encode())
        digest.update(repr(sorted(submission.review + submission.notices)).encode())
        return digest.hexdigest()

    def _result_file(self, submission: Submission) -> Path:
        return self.workspace / "results" / submission.student / f"{submission.assignment}.json"

    def reuse(self, submission: Submission, key: str) -> Result | None:
        """The stored result of an unchanged submission, recorded into this run's gradebook
        unless it is there already; None when the submission must be graded."""
        path = self._result_file(submission)
        try:
            data = json.loads(path.read_text())
            if data.get("key") != key:
                return None
            result = Result.from_json(data["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # none stored, or unreadable: grade again
        if result.feedback is not None and not result.feedback.exists():
            return None
        if data.get("gradebook") != self._gradebook_id():
            record(self.connection, result, submission.timestamp)
            self._store(submission, result, key)
        return result

    def _gradebook_id(self) -> str:
        """Which gradebook a stored result went into (a digest: URLs can hold passwords)."""
        return hashlib.sha256(self.db_url.encode()).hexdigest()[:16]

    def _store(self, submission: Submission, result: Result, key: str) -> None:
        path = self._result_file(submission)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        data = {"key": key, "gradebook": self._gradebook_id(),
                "result": result.to_json()}
        temporary.write_text(json.dumps(data, indent=1))
        temporary.replace(path)


def stored_results(workspace: Path) -> list[Result]:
    """Every result kept in a workspace, the latest per student and assignment (a file that
    cannot be read is skipped: the next `dlcourse grade` grades that submission again)."""
    results = []
    for path in sorted((workspace / "results").glob("*/*.json")):
        try:
            results.append(Result.from_json(json.loads(path.read_text())["result"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return results


def grade_table(results: list[Result]) -> str:
    """The results as a plain-text table, one row per submission."""
    rows = [("student", "assignment", "score", "status")]
    rows += [(_printable(r.student), r.assignment or "?",
              f"{number(r.score)}/{number(r.max_score)}",
              r.status + (f" ({_printable(r.reason)})" if r.reason else "")) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
        + "  " + row[3] for row in rows)


def _printable(text: str) -> str:
    """`text` with control characters (a terminal's escape sequences) shown, not sent."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
