"""`dlcourse build`: generate the student release `notebooks/` from `solutions/`.

The build writes only `notebooks/`, and never replaces or removes a file there that
someone changed: a file is replaced only when its bytes are the ones the last build
wrote (`build/release.json`) or the ones committed to git. Anything else (a student
who worked in `notebooks/`, a scratch file, JupyterLab's checkpoints) is kept, and a
build that would have to replace it refuses and names it.
"""

import filecmp
import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path

from autograder.course import (
    RELEASE,
    REPO_ROOT,
    assignments,
    nbgrader_api,
    nbgrader_config,
    require_success,
)

MANIFEST = REPO_ROOT / "build" / "release.json"  # sha256 of every file the last build wrote


class ChangedRelease(Exception):
    """Files in `notebooks/` that a build would replace or remove but that it did not make."""

    def __init__(self, files: list[str]):
        self.files = files
        listing = "\n".join(f"  {name}" for name in files)
        super().__init__(
            f"notebooks/ has changes that no build made; kept them and changed nothing:\n"
            f"{listing}\nIf that is your work, copy it to your own folder (student/, see the "
            f"README) and restore the file (git checkout -- FILE); to throw the changes "
            f"away, run `dlcourse build --discard-changes`.")


def generate_release(release: Path, assignment_ids: list[str] | None = None) -> None:
    """Run nbgrader's generate_assignment for every assignment into `release`."""
    with tempfile.TemporaryDirectory(prefix="dlcourse-build-") as workspace:
        api = nbgrader_api(nbgrader_config(Path(workspace), release))
        for assignment in assignment_ids or assignments():
            require_success(api.generate_assignment(assignment), f"release {assignment}")


def build(discard_changes: bool = False) -> None:
    """Regenerate `notebooks/`: build aside, check that nothing changed by hand would be
    lost, then write the files that differ. Raises `ChangedRelease` (writing nothing)
    when a file to replace or remove was not made by a build, unless `discard_changes`."""
    with tempfile.TemporaryDirectory(prefix="dlcourse-release-") as fresh:
        generate_release(Path(fresh))
        made = _files(Path(fresh))
        blobs = _git_blobs()
        known = _built_digests(blobs)
        stale = sorted(name for name in known if name not in made and (RELEASE / name).is_file())
        replaced = [name for name in sorted(made) if (RELEASE / name).is_file()
                    and _digest(RELEASE / name) != made[name]]
        changed = [name for name in replaced + stale if not _pristine(name, known, blobs)]
        if changed and not discard_changes:
            raise ChangedRelease([f"notebooks/{name}" for name in changed])
        for name in stale:
            (RELEASE / name).unlink()
        for name, digest in made.items():
            target = RELEASE / name
            if target.is_file() and _digest(target) == digest:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.dlcourse-build")
            temporary.write_bytes((Path(fresh) / name).read_bytes())
            os.replace(temporary, target)
    MANIFEST.parent.mkdir(parents=True, exist_ok=True)
    MANIFEST.write_text(json.dumps(made, indent=1, sort_keys=True))


def release_differences() -> list[str]:
    """Files where `notebooks/` differs from a fresh build; empty when in sync."""
    with tempfile.TemporaryDirectory(prefix="dlcourse-release-") as fresh:
        generate_release(Path(fresh))
        return _tree_differences(Path(fresh), RELEASE)


def _files(root: Path) -> dict[str, str]:
    """sha256 of every file under `root` (not JupyterLab's checkpoints), by relative path."""
    return {str(p.relative_to(root)): _digest(p) for p in sorted(root.rglob("*"))
            if p.is_file() and ".ipynb_checkpoints" not in p.parts}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _built_digests(blobs: dict[str, str]) -> dict[str, str]:
    """What the last build wrote: its manifest, else (a fresh clone) what git tracks."""
    if MANIFEST.is_file():
        return json.loads(MANIFEST.read_text())
    return {name: "" for name in blobs}


def _pristine(name: str, known: dict[str, str], blobs: dict[str, str]) -> bool:
    """Whether `notebooks/name` holds the bytes the last build wrote or git committed."""
    data = (RELEASE / name).read_bytes()
    if known.get(name) == hashlib.sha256(data).hexdigest():
        return True
    blob = blobs.get(name)
    return blob is not None and blob == hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _git_blobs() -> dict[str, str]:
    """git's object id of every tracked file of `notebooks/` (empty outside a clone)."""
    try:
        listing = subprocess.run(["git", "ls-files", "-s", "--", "."], cwd=RELEASE,
                                 capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    blobs = {}
    for line in listing.splitlines():
        meta, _, name = line.partition("\t")
        blobs[name] = meta.split()[1]
    return blobs


def _tree_differences(expected: Path, actual: Path) -> list[str]:
    wanted, present = set(_files(expected)), set(_files(actual))
    problems = [f"missing from notebooks/: {name}" for name in sorted(wanted - present)]
    problems += [f"not made by the build: notebooks/{name}" for name in sorted(present - wanted)]
    problems += [f"differs from a fresh build: notebooks/{name}"
                 for name in sorted(wanted & present)
                 if not filecmp.cmp(expected / name, actual / name, shallow=False)]
    return problems
