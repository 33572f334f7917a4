"""Where the course lives, which assignments it has, and nbgrader set up for it."""

import os
import sys
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config, PyFileConfigLoader

REPO_ROOT = Path(__file__).resolve().parents[2]
COURSE_ROOT = REPO_ROOT / "autograder"
SOLUTIONS = REPO_ROOT / "solutions"
RELEASE = REPO_ROOT / "notebooks"
COURSE_ID = "dlcourse"


def exchange_root() -> Path:
    """nbgrader's exchange: `$DLCOURSE_EXCHANGE`, else `exchange/` in the clone (git-ignored).

    On a shared JupyterHub, set it (or `c.Exchange.root`) to a folder every user can reach."""
    return Path(os.environ.get("DLCOURSE_EXCHANGE") or REPO_ROOT / "exchange").resolve()


def student_root() -> Path:
    """Where a student's own copies live: `$DLCOURSE_STUDENT_DIR`, else `student/` (git-ignored).

    No course command writes there; nbgrader's fetch creates each assignment's folder once."""
    return Path(os.environ.get("DLCOURSE_STUDENT_DIR") or REPO_ROOT / "student").resolve()

# nbgrader runs the `alembic` command of its own environment to open a
# gradebook: make this interpreter's scripts findable even when the
# virtual environment is not activated (as under `make`).
_scripts = os.path.dirname(sys.executable)
if _scripts not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _scripts + os.pathsep + os.environ.get("PATH", "")


def assignments() -> list[str]:
    """Assignment ids, in course order: folders of `solutions/` holding a notebook of their name."""
    return sorted(p.name for p in SOLUTIONS.iterdir() if (p / f"{p.name}.ipynb").is_file())


def topic(assignment: str) -> str:
    """`numpy_basics` for `01_numpy_basics`: the name of the assignment's modules."""
    return assignment.split("_", 1)[1]


def notebook_path(folder: Path, assignment: str) -> Path:
    return folder / assignment / f"{assignment}.ipynb"


def nbgrader_config(workspace: Path | None = None, release: Path | None = None) -> Config:
    """The course's `nbgrader_config.py`, with the course root moved to `workspace`.

    Sources always come from `solutions/`; the release goes to `release`
    (default: `notebooks/`); the gradebook is SQLite inside the workspace.
    """
    config = PyFileConfigLoader("nbgrader_config.py", path=str(COURSE_ROOT)).load_config()
    if workspace is not None:
        config.CourseDirectory.root = str(workspace)
        config.CourseDirectory.db_url = f"sqlite:///{workspace / 'gradebook.db'}"
    config.CourseDirectory.source_directory = str(SOLUTIONS)
    config.CourseDirectory.release_directory = str(release or RELEASE)
    return config


def nbgrader_api(config: Config) -> NbGraderAPI:
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def require_success(result: dict, action: str) -> None:
    """Raise with nbgrader's own log when one of its operations failed."""
    if not result["success"]:
        raise RuntimeError(f"nbgrader could not {action}:\n{result.get('error') or result['log']}")
