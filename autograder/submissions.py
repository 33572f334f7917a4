"""Find the submissions in a folder: one subfolder or one notebook per student."""

import json
from dataclasses import dataclass
from pathlib import Path

from autograder.course import assignments


@dataclass
class Submission:
    student: str
    assignment: str | None
    path: Path
    problem: str | None = None  # why it cannot be graded, if it cannot


def find_submissions(folder: Path, assignment: str | None = None) -> list[Submission]:
    """Every notebook under `folder`, attributed to a student and an assignment.

    `folder/<student>/<anything>.ipynb` or `folder/<student>.ipynb`. The
    assignment is `assignment` if given, else the notebook's file name when it
    is an assignment id, else the `dlcourse.assignment` entry of its metadata.
    """
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            notebooks = sorted(p for p in entry.rglob("*.ipynb")
                               if ".ipynb_checkpoints" not in p.parts)
            found += [_submission(entry.name, p, assignment) for p in notebooks]
        elif entry.suffix == ".ipynb":
            found.append(_submission(entry.stem, entry, assignment))
    return found


def _submission(student: str, path: Path, assignment: str | None) -> Submission:
    known = assignments()
    if assignment is None and path.stem in known:
        assignment = path.stem
    if assignment is None:
        assignment = _assignment_from_metadata(path)
    if assignment is None:
        return Submission(student, None, path,
                          "cannot tell which assignment this notebook is "
                          "(name it after the assignment or pass --assignment)")
    if assignment not in known:
        return Submission(student, assignment, path, f"unknown assignment {assignment!r}")
    return Submission(student, assignment, path)


def _assignment_from_metadata(path: Path) -> str | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["metadata"]["dlcourse"]["assignment"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
