"""The task every grading worker runs: one submission in, its outcome out.

A worker is a process of the local pool, the grading process itself
(`--workers 1`) or a Dask worker anywhere. Each process grades in a scratch
workspace of its own, with its own SQLite gradebook and `NbGraderAPI`, made
once per process: copied from the client's prepared template when this machine
can see it, else prepared here. One submission at a time per process: nbgrader
changes the working directory while it converts.
"""

import os
import shutil
import socket
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config

from autograder.batch.results import Job, Outcome
from autograder.submission.grading import Grader


@dataclass
class WorkerSettings:
    """What every worker of one grading run shares."""

    template: Path | None = None  # a prepared workspace to copy, if this machine sees it
    scratch_root: Path | None = None  # where scratch workspaces go (default: a temp folder)
    config: Config = field(default_factory=Config)  # nbgrader settings on top of the course's


_graders: dict[tuple, Grader] = {}
_lock = threading.Lock()


def grade_job(job: Job, settings: WorkerSettings) -> Outcome:
    """Grade one submission in this process's scratch workspace."""
    with _lock:
        return _grader(settings).grade(job)


def _grader(settings: WorkerSettings) -> Grader:
    key = (settings.template, settings.scratch_root, repr(settings.config))
    if key not in _graders or not _graders[key].workspace.is_dir():
        _graders[key] = Grader(_scratch_workspace(settings), settings.config)
    return _graders[key]


def _scratch_workspace(settings: WorkerSettings) -> Path:
    name = f"{socket.gethostname()}-{os.getpid()}-"
    if settings.scratch_root is not None:
        settings.scratch_root.mkdir(parents=True, exist_ok=True)
    workspace = Path(tempfile.mkdtemp(prefix=name, dir=settings.scratch_root))
    if settings.template is not None and settings.template.is_dir():
        shutil.copytree(settings.template, workspace, dirs_exist_ok=True)
    return workspace
