"""Find the submissions in a folder and read each one, once, into memory.

One subfolder or one notebook per student. Every student found yields at
least one `Submission`, even when nothing in it can be graded, so that every
student appears in the grades with a reason.

Reading is the only time the grader looks at the submissions folder: each
notebook is read once, as bytes, and everything after (the assignment's name,
the result key, the notebook the kernel runs) works from those bytes. Nothing
is followed: a symbolic link (a student folder or a notebook), a device, a
FIFO or a socket is refused with a reason, and a notebook larger than
`MAX_NOTEBOOK_BYTES` is not read. Directories are walked with `os.fwalk` and
files opened relative to their directory with `O_NOFOLLOW`, so that no path
can be swapped for a link to somewhere else between looking and reading.

nbgrader's own layout is one of them: `nbgrader collect` leaves
`submitted/<student>/<assignment>/<assignment>.ipynb` beside a `timestamp.txt`,
which is read as the submission's time, not taken for an extra file.
"""

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from nbgrader.utils import parse_utc

from autograder.course import assignments

MAX_NOTEBOOK_BYTES = 25 * 2**20
NBGRADER_FILE_BYTES = 4096
MAX_NAME_CHARS = 80  # of a name quoted from a submission in a reason


@dataclass
class Submission:
    student: str
    assignment: str | None
    path: Path  # where it was found (for messages; never read again)
    problem: str | None = None  # why it cannot be graded at all
    review: list[str] = field(default_factory=list)  # why an instructor should look at it
    notices: list[str] = field(default_factory=list)  # what the student is told
    content: bytes = b""  # the notebook as read, once
    timestamp: datetime | None = None  # when it was submitted, from nbgrader's timestamp.txt
    nbgrader_files: dict[str, bytes] = field(default_factory=dict)  # timestamp.txt, secret

    @property
    def digest(self) -> str:
        """sha256 of the bytes read: what was graded, whatever happens to the file later."""
        return hashlib.sha256(self.content).hexdigest()


TIMESTAMP = "timestamp.txt"  # written by nbgrader's submit and collect, one per assignment
NBGRADER_FILES = {TIMESTAMP, "submission_secret.txt"}  # nbgrader's own, beside the notebooks


class Refused(Exception):
    """A file the grader will not read; the message says why, to the instructor."""


def find_submissions(folder: Path, assignment: str | None = None,
                     max_bytes: int = MAX_NOTEBOOK_BYTES) -> list[Submission]:
    """Every student under `folder`, with their notebook for each assignment.

    `folder/<student>/<anything>.ipynb` or `folder/<student>.ipynb`. The
    assignment is `assignment` if given, else the notebook's file name when it
    is an assignment id, else the `dlcourse.assignment` entry of its metadata.
    """
    found = []
    root = folder.resolve()
    with os.scandir(root) as entries:
        listing = sorted(entries, key=lambda e: e.name)
    for entry in listing:
        if entry.name.startswith("."):
            continue
        name = Path(entry.name)
        try:
            entry.name.encode("utf-8")
            kind = _kind(entry.stat(follow_symlinks=False).st_mode)
        except (UnicodeEncodeError, OSError) as error:
            found.append(_unreadable_entry(root, entry.name, assignment, error))
            continue
        if kind == "folder":
            found += _student_folder(root / entry.name, assignment, max_bytes)
        elif kind != "file":
            found.append(Submission(_student_name(name), assignment, root / entry.name,
                                    f"{_short(entry.name)} is {kind}; a submission must be a "
                                    "plain notebook file or a plain folder"))
        elif name.suffix == ".ipynb":
            found.append(_read_submission(name.stem, root, entry.name, assignment, max_bytes))
        else:
            found.append(Submission(name.stem, assignment, root / entry.name,
                                    f"{_short(entry.name)} is not a notebook (.ipynb)"))
    return found


def _unreadable_entry(root: Path, name: str, assignment: str | None,
                      error: Exception) -> Submission:
    shown = _shown(name)
    why = ("its name is not valid UTF-8" if isinstance(error, UnicodeEncodeError)
           else f"it cannot be read ({error.strerror})")
    return Submission(_student_name(Path(shown)), assignment, root / shown,
                      f"{_short(shown)} was not graded: {why}")


def _shown(name: str) -> str:
    """A file name as text that can be written anywhere: bytes that are not UTF-8 as `\\xff`."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a regular file"


def _student_name(name: Path) -> str:
    return name.stem if name.suffix == ".ipynb" else name.name


def _student_folder(folder: Path, assignment: str | None, max_bytes: int) -> list[Submission]:
    """The notebooks of one student folder, walked without following any link."""
    notebooks, others, refused = [], [], []
    nbgrader_files: dict[Path, dict[str, bytes]] = {}  # by folder, nbgrader's own files
    for directory, dirnames, filenames, dir_fd in os.fwalk(folder, follow_symlinks=False):
        relative = Path(directory).relative_to(folder)
        kinds = {d: _kind(os.stat(d, dir_fd=dir_fd, follow_symlinks=False).st_mode)
                 for d in dirnames if not d.startswith(".")}
        dirnames[:] = [d for d, kind in kinds.items() if kind == "folder"]
        others += [_shown(f"{relative / d} ({kind})") for d, kind in kinds.items()
                   if kind != "folder"]
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            kind = _kind(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
            if name in NBGRADER_FILES and relative != Path(".") and kind == "file":
                content = _read(name, dir_fd, NBGRADER_FILE_BYTES)
                if not isinstance(content, Refused):
                    nbgrader_files.setdefault(relative, {})[name] = content
                continue
            shown = _shown(str(relative / name))
            if name.endswith(".ipynb") and shown != str(relative / name):
                refused.append(f"{_short(shown)} has a name that is not valid UTF-8")
            elif name.endswith(".ipynb") and kind != "file":
                refused.append(f"{_short(shown)} is {kind}")
            elif name.endswith(".ipynb"):
                notebooks.append((relative / name, _read(name, dir_fd, max_bytes)))
            else:
                others.append(shown)
    if refused:  # a student who links to someone else's work gets no grade from it
        return [Submission(folder.name, assignment, folder,
                           "; ".join(refused) + "; a submission must be plain notebook files")]
    if not notebooks:
        listing = ", ".join(Path(p).name for p in others) or "the folder is empty"
        return [Submission(folder.name, assignment, folder,
                           f"no notebook (.ipynb) in the submission ({_short(listing)})")]
    by_assignment: dict[str | None, list[Submission]] = {}
    for relative, content in notebooks:
        inside = relative.parent.name if relative.parent != Path(".") else None
        named = assignment or (inside if inside in assignments() else None)
        submission = _submission(folder.name, folder / relative, content, named)
        if inside is not None:
            kept = nbgrader_files.get(relative.parent, {})
            submission.timestamp = _timestamp(kept.get(TIMESTAMP))
            submission.nbgrader_files = kept
        by_assignment.setdefault(submission.assignment, []).append(submission)
    chosen = []
    for candidates in by_assignment.values():
        submission = _preferred(candidates)
        if len(candidates) > 1:
            others_named = ", ".join(c.path.name for c in candidates if c is not submission)
            submission.review.append(f"several notebooks for this assignment; graded "
                                     f"{submission.path.name}, not {others_named}")
        if others:
            submission.notices.append("Files other than notebooks were not graded: "
                                      + ", ".join(others) + ".")
        chosen.append(submission)
    return chosen


def _read_submission(student: str, root: Path, name: str, assignment: str | None,
                     max_bytes: int) -> Submission:
    directory = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        content = _read(name, directory, max_bytes)
    finally:
        os.close(directory)
    return _submission(student, root / name, content, assignment)


def _read(name: str, dir_fd: int, max_bytes: int) -> bytes | Refused:
    """The bytes of a regular file, opened without following a link; a `Refused` if not."""
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY,
                         dir_fd=dir_fd)
    except OSError as error:
        return Refused(f"{_short(name)} cannot be opened ({error.strerror})")
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            return Refused(f"{_short(name)} is {_kind(status.st_mode)}; "
                           "a submission must be a plain notebook file")
        if status.st_size > max_bytes:
            return Refused(f"{_short(name)} is too large to grade ({_megabytes(status.st_size)}; "
                           f"the limit is {_megabytes(max_bytes)})")
        with os.fdopen(os.dup(handle), "rb") as stream:
            content = stream.read(max_bytes + 1)
        if len(content) > max_bytes:
            return Refused(f"{_short(name)} grew beyond {_megabytes(max_bytes)} while read")
        return content
    except OSError as error:
        return Refused(f"{_short(name)} cannot be read ({error.strerror})")
    finally:
        os.close(handle)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def _preferred(candidates: list[Submission]) -> Submission:
    named = [c for c in candidates if c.assignment and c.path.stem == c.assignment]
    return (named or candidates)[0]


def _submission(student: str, path: Path, content: bytes | Refused,
                assignment: str | None) -> Submission:
    if isinstance(content, Refused):
        return Submission(student, assignment, path, str(content))
    known = assignments()
    if assignment is None and path.stem in known:
        assignment = path.stem
    if assignment is None:
        assignment = assignment_from_metadata(content)
    if assignment is None:
        return Submission(student, None, path,
                          f"cannot tell which assignment {_short(path.name)} is "
                          "(name it after the assignment or pass --assignment)")
    if assignment not in known:
        return Submission(student, None, path,
                          f"unknown assignment {_short(assignment)!r} in {_short(path.name)}")
    submission = Submission(student, assignment, path, content=content)
    if path.stem != assignment:
        submission.notices.append(f"Your notebook was named {path.name}; it was graded as "
                                  f"{assignment}.ipynb.")
    return submission


def _timestamp(content: bytes | None) -> datetime | None:
    """The time in nbgrader's `timestamp.txt`, None when absent or unreadable."""
    try:
        return parse_utc(content.decode("utf-8").strip()) if content else None
    except (UnicodeDecodeError, ValueError, OverflowError):
        return None


def assignment_from_metadata(content: bytes) -> str | None:
    """The `dlcourse.assignment` entry of a notebook's metadata, if it is a name."""
    try:
        name = json.loads(content)["metadata"]["dlcourse"]["assignment"]
    except (ValueError, RecursionError, KeyError, TypeError, IndexError):
        return None
    return name if isinstance(name, str) else None


def _short(text: str) -> str:
    """A name from a submission, shortened to quote in a reason."""
    return text if len(text) <= MAX_NAME_CHARS else text[:MAX_NAME_CHARS] + "…"
