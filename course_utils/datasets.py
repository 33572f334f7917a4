"""Load the course's data files from `datasets/`, verified against `datasets/SHA256SUMS`.

Nothing is downloaded: every file ships with the course. Set the environment
variable DLCOURSE_DATASETS to use a copy of `datasets/` somewhere else.
"""

import hashlib
import os
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[1] / "datasets"


class DatasetError(RuntimeError):
    """A data file is missing, unknown or not the file the course shipped."""


def datasets_root() -> Path:
    return Path(os.environ.get("DLCOURSE_DATASETS", DEFAULT_ROOT))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksums(root: Path) -> dict[str, str]:
    """`SHA256SUMS` as {relative path: sha256} (the format `sha256sum -c` reads)."""
    sums = root / "SHA256SUMS"
    if not sums.is_file():
        raise DatasetError(f"{sums} is missing: the course's data folder is incomplete")
    entries = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            entries[name.lstrip("*")] = digest
    return entries


def dataset_path(name: str, root: Path | None = None) -> Path:
    """The verified path of `datasets/<name>`, e.g. `dataset_path("mnist/mnist.npz")`."""
    root = root or datasets_root()
    expected = checksums(root).get(name)
    if expected is None:
        raise DatasetError(f"{name} is not a dataset of this course (not in {root}/SHA256SUMS)")
    path = root / name
    if not path.is_file():
        raise DatasetError(f"{path} is missing. It ships with the course: restore it with "
                           f"`git checkout -- datasets/{name}` or re-create it with the "
                           "script in datasets/build/")
    actual = sha256(path)
    if actual != expected:
        raise DatasetError(f"{path} is corrupt or was changed: its sha256 is {actual}, "
                           f"expected {expected}. Restore it with "
                           f"`git checkout -- datasets/{name}`")
    return path
