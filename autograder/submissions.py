"""Find the submissions in a folder: one subfolder or one notebook per student.

nbgrader's own layout is one of them: `nbgrader collect` leaves
`submitted/<student>/<assignment>/<assignment>.ipynb` beside a `timestamp.txt`,
which is read as the submission's time, not taken for an extra file.

Every student found yields at least one `Submission`, even when nothing in it
can be graded, so that every student appears in the grades with a reason.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from nbgrader.utils import parse_utc

from autograder.course import assignments


@dataclass
class Submission:
    student: str
    assignment: str | None
    path: Path
    problem: str | None = None  # why it cannot be graded at all
    review: list[str] = field(default_factory=list)  # why an instructor should look at it
    notices: list[str] = field(default_factory=list)  # what the student is told
    timestamp: datetime | None = None  # when it was submitted, from nbgrader's timestamp.txt
    nbgrader_files: list[Path] = field(default_factory=list)  # timestamp.txt and the secret


TIMESTAMP = "timestamp.txt"  # written by nbgrader's submit and collect, one per assignment
NBGRADER_FILES = {TIMESTAMP, "submission_secret.txt"}  # nbgrader's own, beside the notebooks


def find_submissions(folder: Path, assignment: str | None = None) -> list[Submission]:
    """Every student under `folder`, with their notebook for each assignment.

    `folder/<student>/<anything>.ipynb` or `folder/<student>.ipynb`. The
    assignment is `assignment` if given, else the notebook's file name when it
    is an assignment id, else the `dlcourse.assignment` entry of its metadata.
    """
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            found += _student_folder(entry, assignment)
        elif entry.suffix == ".ipynb":
            found.append(_submission(entry.stem, entry, assignment))
        else:
            found.append(Submission(entry.stem, assignment, entry,
                                    f"{entry.name} is not a notebook (.ipynb)"))
    return found


def _student_folder(folder: Path, assignment: str | None) -> list[Submission]:
    files = sorted(p for p in folder.rglob("*") if p.is_file()
                   and ".ipynb_checkpoints" not in p.parts and not p.name.startswith(".")
                   and not (p.name in NBGRADER_FILES and p.parent != folder))
    notebooks = [p for p in files if p.suffix == ".ipynb"]
    if not notebooks:
        listing = ", ".join(p.name for p in files) or "the folder is empty"
        return [Submission(folder.name, assignment, folder,
                           f"no notebook (.ipynb) in the submission ({listing})")]
    by_assignment: dict[str | None, list[Submission]] = {}
    for path in notebooks:
        named = assignment or (path.parent.name if path.parent != folder
                               and path.parent.name in assignments() else None)
        submission = _submission(folder.name, path, named)
        if path.parent != folder:
            submission.timestamp = _timestamp(path.parent / TIMESTAMP)
            submission.nbgrader_files = [path.parent / name for name in sorted(NBGRADER_FILES)
                                         if (path.parent / name).is_file()]
        by_assignment.setdefault(submission.assignment, []).append(submission)
    extra = [str(p.relative_to(folder)) for p in files if p.suffix != ".ipynb"]
    chosen = []
    for candidates in by_assignment.values():
        submission = _preferred(candidates)
        if len(candidates) > 1:
            others = ", ".join(c.path.name for c in candidates if c is not submission)
            submission.review.append(f"several notebooks for this assignment; graded "
                                     f"{submission.path.name}, not {others}")
        if extra:
            submission.notices.append("Files other than notebooks were not graded: "
                                      + ", ".join(extra) + ".")
        chosen.append(submission)
    return chosen


def _preferred(candidates: list[Submission]) -> Submission:
    named = [c for c in candidates if c.assignment and c.path.stem == c.assignment]
    return (named or candidates)[0]


def _submission(student: str, path: Path, assignment: str | None) -> Submission:
    known = assignments()
    if assignment is None and path.stem in known:
        assignment = path.stem
    if assignment is None:
        assignment = _assignment_from_metadata(path)
    if assignment is None:
        return Submission(student, None, path,
                          f"cannot tell which assignment {path.name} is "
                          "(name it after the assignment or pass --assignment)")
    if assignment not in known:
        return Submission(student, assignment, path, f"unknown assignment {assignment!r}")
    submission = Submission(student, assignment, path)
    if path.stem != assignment:
        submission.notices.append(f"Your notebook was named {path.name}; it was graded as "
                                  f"{assignment}.ipynb.")
    return submission


def _timestamp(path: Path) -> datetime | None:
    """The time in nbgrader's `timestamp.txt`, None when absent or unreadable."""
    try:
        return parse_utc(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError, OverflowError):
        return None


def _assignment_from_metadata(path: Path) -> str | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["metadata"]["dlcourse"]["assignment"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
