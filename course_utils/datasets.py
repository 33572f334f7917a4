"""Load the course's data files from `datasets/`, verified against `datasets/SHA256SUMS`.

Nothing is downloaded: every file ships with the course. Set the environment
variable DLCOURSE_DATASETS to use a copy of `datasets/` somewhere else.
"""

import hashlib
import os
from pathlib import Path

import numpy as np

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


# --- Planar two-class data (04_shallow_network) -------------------------------------------
# Generated, not shipped: each generator is seeded and pure NumPy. X is (2, m), one example per
# column; Y is (1, m) of 0/1 labels (int64). Examples come shuffled.


def _shuffled(X, Y, rng):
    order = rng.permutation(X.shape[1])
    return X[:, order], Y[:, order]


def make_flower(m=400, k=4, noise=0.2, seed=1):
    """The planar "flower": two classes drawn along the petals of a rose curve, with noise.

    Points (r sin t, r cos t) follow the rose r = 4 sin(k t), which has 2k petals for an even
    k; class 0 takes the angles t in [0, pi), class 1 those in [pi, 2 pi), so the petals of
    the two classes alternate around the origin. Gaussian noise of standard deviation `noise`
    is added to both the angle and the radius.
    Returns X (2, m) and Y (1, m).
    """
    rng = np.random.default_rng(seed)
    half = m // 2
    labels = (np.arange(m) >= half).astype(np.int64)
    along = np.concatenate([np.linspace(0, 1, half, endpoint=False),
                            np.linspace(0, 1, m - half, endpoint=False)])
    t = (labels + along) * np.pi + rng.normal(0.0, noise, m)
    r = 4 * np.sin(k * t) + rng.normal(0.0, noise, m)
    X = np.vstack([r * np.sin(t), r * np.cos(t)])
    return _shuffled(X, labels.reshape(1, m), rng)


def make_noisy_circles(m=400, factor=0.5, noise=0.1, seed=1):
    """Two concentric circles, radius 1 (class 0) and `factor` (class 1), with Gaussian noise.

    Returns X (2, m) and Y (1, m).
    """
    rng = np.random.default_rng(seed)
    labels = np.arange(m) * 2 // m
    t = rng.uniform(0.0, 2 * np.pi, m)
    radius = np.where(labels == 0, 1.0, factor)
    X = radius * np.vstack([np.cos(t), np.sin(t)]) + rng.normal(0.0, noise, (2, m))
    return _shuffled(X, labels.reshape(1, m).astype(np.int64), rng)


def make_moons(m=400, noise=0.2, seed=1):
    """Two interleaving half circles: class 0 on the upper one, class 1 on the lower, shifted.

    Returns X (2, m) and Y (1, m).
    """
    rng = np.random.default_rng(seed)
    labels = np.arange(m) * 2 // m
    t = rng.uniform(0.0, np.pi, m)
    upper = np.vstack([np.cos(t), np.sin(t)])
    lower = np.vstack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(labels == 0, upper, lower) + rng.normal(0.0, noise, (2, m))
    return _shuffled(X, labels.reshape(1, m).astype(np.int64), rng)


def make_blobs(m=400, centers=6, spread=0.8, seed=1):
    """Gaussian blobs around `centers` random centres in [-6, 6]^2; blob k has label k % 2.

    Returns X (2, m) and Y (1, m).
    """
    rng = np.random.default_rng(seed)
    means = rng.uniform(-6.0, 6.0, (2, centers))
    blob = np.arange(m) % centers
    X = means[:, blob] + rng.normal(0.0, spread, (2, m))
    return _shuffled(X, (blob % 2).reshape(1, m).astype(np.int64), rng)


def make_gaussian_quantiles(m=400, variance=0.5, seed=1):
    """Points of one isotropic Gaussian, labelled by distance from its centre.

    The closer half of the points (inside the median radius) is class 0, the rest class 1.
    Returns X (2, m) and Y (1, m).
    """
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, np.sqrt(variance), (2, m))
    distance = np.sum(X ** 2, axis=0)
    Y = (distance > np.median(distance)).astype(np.int64).reshape(1, m)
    return X, Y


PLANAR_DATASETS = {
    "flower": make_flower,
    "noisy_circles": make_noisy_circles,
    "moons": make_moons,
    "blobs": make_blobs,
    "gaussian_quantiles": make_gaussian_quantiles,
}


def split_train_test(X, Y, test_fraction=0.2, seed=0):
    """Shuffle the columns of X (n_x, m) and Y (n_y, m) together and hold out a test set.

    Returns X_train, Y_train, X_test, Y_test; the test set has round(test_fraction * m)
    examples.
    """
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    n_test = int(round(test_fraction * m))
    test, train = order[:n_test], order[n_test:]
    return X[:, train], Y[:, train], X[:, test], Y[:, test]


# --- Text (06_lstm) --------------------------------------------------------------------------
# First names (1990 US Census) with a fixed train/validation split, and Hamlet; see
# datasets/README.md. Made once by datasets/build/make_text.py.


def load_names() -> tuple[list[str], list[str]]:
    """First names as `(train, valid)`: two lists of lowercase names (letters a-z only).

    4,647 training and 516 validation names, the split fixed once in the data files.
    """
    return tuple(dataset_path(f"text/names_{part}.txt").read_text(encoding="ascii").split()
                 for part in ("train", "valid"))


def load_text(name: str = "hamlet") -> str:
    """A text of the course as one string; the only one is `"hamlet"` (175,176 characters)."""
    return dataset_path(f"text/{name}.txt").read_text(encoding="utf-8")


def load_mnist() -> dict[str, np.ndarray]:
    """5,000 MNIST digits (CC BY-SA 3.0, Yann LeCun and Corinna Cortes), split once.

    Returns {"train_x": (3500, 28, 28), "train_y": (3500,), "val_x": (500, 28, 28),
    "val_y": (500,), "test_x": (1000, 28, 28), "test_y": (1000,)}: uint8 pixels 0-255,
    int64 labels 0-9, every split stratified (equal counts per digit).
    """
    with np.load(dataset_path("mnist/mnist.npz")) as data:
        return {name: data[name] for name in
                ("train_x", "train_y", "val_x", "val_y", "test_x", "test_y")}


# --- Cat vs non-cat (03_logistic_regression) -------------------------------------------------
# 64x64 photos in the classic course's layout, made by datasets/build/make_catvnoncat.py from
# openly licensed photos (licence and credit per image in datasets/catvnoncat/manifest.csv).

CLASSIC_CATVNONCAT = ("train_catvnoncat.h5", "test_catvnoncat.h5")


def load_catvnoncat(verbose: bool = True):
    """The cat vs non-cat images as the classic 5-tuple.

    Returns train_set_x_orig (209, 64, 64, 3) uint8, train_set_y (1, 209) int64,
    test_set_x_orig (50, 64, 64, 3) uint8, test_set_y (1, 50) int64 (1 = cat, 0 = non-cat)
    and classes, array([b'non-cat', b'cat']).

    If `datasets/catvnoncat/classic/` holds the classic course's own `train_catvnoncat.h5`
    and `test_catvnoncat.h5`, those are loaded instead (unverified: they do not ship with the
    course), and a line says so.
    """
    import h5py

    classic = datasets_root() / "catvnoncat" / "classic"
    present = [name for name in CLASSIC_CATVNONCAT if (classic / name).is_file()]
    if len(present) == 1:
        raise DatasetError(f"{classic} holds {present[0]} but not the other classic file: "
                           "add both files, or remove it to use the course's own images")
    if present:
        paths = [classic / name for name in CLASSIC_CATVNONCAT]
        if verbose:
            print(f"Using the classic course's files in {classic} instead of the course's "
                  "own images.")
    else:
        paths = [dataset_path(f"catvnoncat/{name}") for name in CLASSIC_CATVNONCAT]
    arrays = []
    for split, path in zip(("train", "test"), paths, strict=True):
        with h5py.File(path, "r") as data:
            arrays.append(np.array(data[f"{split}_set_x"][:]))
            arrays.append(np.array(data[f"{split}_set_y"][:]).reshape(1, -1))
            classes = np.array(data["list_classes"][:])
    return (*arrays, classes)
