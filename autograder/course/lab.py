"""`dlcourse lab`: JupyterLab for a student or for the instructor, over nbgrader's exchange.

A student's lab opens their own folder (`student/`, or `$DLCOURSE_STUDENT_DIR`) with
nbgrader's Assignment List and Validate button only; each assignment arrives there by
nbgrader's fetch and no course command writes there afterwards. The instructor's lab
opens the clone with the formgrader and Create Assignment, the gradebook prepared.
Both use the course's exchange (`exchange/`, or `$DLCOURSE_EXCHANGE`).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry

from autograder.course import (
    COURSE_ID,
    REPO_ROOT,
    assignments,
    exchange_root,
    nbgrader_api,
    nbgrader_config,
    require_success,
    student_root,
)

CONFIG_DIRS = Path(__file__).resolve().parents[1] / "jupyter"  # student/, instructor/, common/


def released_assignments() -> set[str]:
    """Assignments present in the exchange's outbound folder of this course."""
    outbound = exchange_root() / COURSE_ID / "outbound"
    return {p.name for p in outbound.iterdir()} if outbound.is_dir() else set()


def release_missing() -> list[str]:
    """Release into the exchange every assignment of `notebooks/` not released yet
    (nbgrader's release_assignment); a released assignment is never replaced."""
    missing = [a for a in assignments() if a not in released_assignments()]
    if missing:
        api = nbgrader_api(nbgrader_config())
        for assignment in missing:
            require_success(api.release_assignment(assignment), f"release {assignment}")
    return missing


def prepare_gradebook() -> list[str]:
    """Record in the course's gradebook every assignment it lacks (cells and points), so
    that the formgrader lists them at once. The release is generated aside: `notebooks/`
    is not touched."""
    config = nbgrader_config()  # the course root's own gradebook
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        missing = []
        for assignment in assignments():
            try:
                gradebook.find_assignment(assignment)
            except MissingEntry:
                missing.append(assignment)
    if missing:
        with tempfile.TemporaryDirectory(prefix="dlcourse-gradebook-") as aside:
            config.CourseDirectory.release_directory = aside
            api = nbgrader_api(config)
            for assignment in missing:
                require_success(api.generate_assignment(assignment), f"prepare {assignment}")
    return missing


def lab_environment(role: str) -> dict[str, str]:
    """The process environment of a lab: its role's Jupyter config first, this
    interpreter's scripts (nbgrader runs `alembic`) on PATH."""
    env = dict(os.environ)
    inherited = [p for p in env.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    paths = [str(CONFIG_DIRS / role), str(CONFIG_DIRS / "common")] + inherited
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    scripts = os.path.dirname(sys.executable)
    env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH"))
                                        if p)
    return env


def lab_command(role: str, port: int | None = None, token: str | None = None,
                open_browser: bool = True) -> list[str]:
    """The `jupyter lab` command line of a role; `--allow-root` only for root."""
    folder = student_root() if role == "student" else REPO_ROOT
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}"]
    if port is not None:
        command += ["--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0"]
    if token is not None:
        command.append(f"--IdentityProvider.token={token}")
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def prepare(role: str) -> list[str]:
    """Create the exchange and the student's folder; what the role needs before the lab
    opens. Returns lines that say what was done."""
    said = []
    exchange = exchange_root()
    if not exchange.exists():
        exchange.mkdir(parents=True)
        said.append(f"Created the exchange {exchange}.")
    if role == "student":
        folder = student_root()
        if not folder.exists():
            folder.mkdir(parents=True)
            said.append(f"Created your folder {folder}: your work lives there.")
        released = release_missing()
        if released:
            said.append("Released to the exchange: " + ", ".join(released) + ".")
        said.append("Fetch an assignment from Nbgrader > Assignment List; it opens in "
                    f"{folder}.")
    else:
        prepared = prepare_gradebook()
        if prepared:
            said.append("Recorded in the gradebook: " + ", ".join(prepared) + ".")
        said.append("Formgrader: Nbgrader > Formgrader. Release with "
                    "`nbgrader release_assignment ID` from autograder/.")
    return said


def run_lab(role: str, port: int | None = None, open_browser: bool = True) -> int:
    """Prepare, then run JupyterLab until it is stopped (Ctrl-C)."""
    for line in prepare(role):
        print(line, flush=True)
    lab = subprocess.Popen(lab_command(role, port, open_browser=open_browser),
                           env=lab_environment(role), cwd=REPO_ROOT)
    try:
        return lab.wait()
    except KeyboardInterrupt:
        return lab.wait()
