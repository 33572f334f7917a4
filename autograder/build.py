"""`dlcourse build`: generate the student release `notebooks/` from `solutions/`."""

import filecmp
import shutil
import tempfile
from pathlib import Path

from autograder.course import (
    RELEASE,
    assignments,
    nbgrader_api,
    nbgrader_config,
    require_success,
)


def generate_release(release: Path, assignment_ids: list[str] | None = None) -> None:
    """Run nbgrader's generate_assignment for every assignment into `release`."""
    with tempfile.TemporaryDirectory(prefix="dlcourse-build-") as workspace:
        api = nbgrader_api(nbgrader_config(Path(workspace), release))
        for assignment in assignment_ids or assignments():
            require_success(api.generate_assignment(assignment), f"release {assignment}")


def build() -> None:
    """Regenerate `notebooks/`: build aside, then swap each assignment's folder in."""
    with tempfile.TemporaryDirectory(prefix="dlcourse-release-", dir=RELEASE.parent) as fresh:
        generate_release(Path(fresh))
        RELEASE.mkdir(exist_ok=True)
        for assignment in assignments():
            shutil.rmtree(RELEASE / assignment, ignore_errors=True)
            (Path(fresh) / assignment).rename(RELEASE / assignment)


def release_differences() -> list[str]:
    """Files where `notebooks/` differs from a fresh build; empty when in sync."""
    with tempfile.TemporaryDirectory(prefix="dlcourse-release-") as fresh:
        generate_release(Path(fresh))
        return _tree_differences(Path(fresh), RELEASE)


def _tree_differences(expected: Path, actual: Path) -> list[str]:
    def files(root: Path) -> set[str]:
        return {str(p.relative_to(root)) for p in root.rglob("*")
                if p.is_file() and ".ipynb_checkpoints" not in p.parts}

    wanted, present = files(expected), files(actual)
    problems = [f"missing from notebooks/: {name}" for name in sorted(wanted - present)]
    problems += [f"not made by the build: notebooks/{name}" for name in sorted(present - wanted)]
    problems += [f"differs from a fresh build: notebooks/{name}"
                 for name in sorted(wanted & present)
                 if not filecmp.cmp(expected / name, actual / name, shallow=False)]
    return problems
