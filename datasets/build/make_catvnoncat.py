"""Make datasets/catvnoncat/: an openly licensed cat vs non-cat set in the classic layout.

Output (deterministic from SEED; run twice, get the same bytes):

- `catvnoncat/train_catvnoncat.h5`, `catvnoncat/test_catvnoncat.h5`: the classic layout,
  `train_set_x` (209, 64, 64, 3) uint8, `train_set_y` (209,) int64, `list_classes`
  `[b'non-cat', b'cat']` (and `test_set_*` with 50 images): 72 + 33 cats, 137 + 17 non-cats.
- `catvnoncat/manifest.csv`: one row per image of the two files (file, index, label, the
  source photo, what was done to it, and the source photo's licence and credit).
- `catvnoncat/sources/`: the source photos used, shrunk to at most 160 px a side (Lanczos,
  JPEG quality 90), with `sources/manifest.csv`: the pack's manifest rows for them, plus the
  name, size and sha256 of the copy shipped here (SHA256SUMS covers that manifest).

Source: the pack `catvnoncat-sources/` (384 photos from Debian 12 packages, each with its own
licence; see its README). The photo `images/cats/skimage_chelsea__1.jpg` (CC0-1.0) is held out
of both splits and copied, unchanged, to `solutions/03_logistic_regression/my_image.jpg` for
the notebook's "try your own image".

How the splits are made:
- Cats are split by `cat_group` (one group per individual cat): 7 of the 23 groups go to test,
  the rest to train, so no cat appears in both. Each cat photo gives several 64x64 images:
  the first is the photo's centre square; the others are random square crops (75-100 % of the
  shorter side), a horizontal flip half of the time and mild colour changes (brightness,
  contrast and saturation each times 0.85-1.15). Augmented copies stay in their photo's split.
- Non-cats: 154 photos drawn at random from the pack's 359, each used once (its centre
  square), 137 for train and 17 for test.

Usage, from the repository root, with the project's venv (needs only NumPy, Pillow, h5py):
    python datasets/build/make_catvnoncat.py --pack ../shared/datasets/catvnoncat-sources
        selects and shrinks the source photos into datasets/catvnoncat/sources/, then builds
    python datasets/build/make_catvnoncat.py
        rebuilds the h5 files and manifest.csv from the committed sources only
Then update the lines of datasets/SHA256SUMS it prints.
    python datasets/build/make_catvnoncat.py --credits
        prints the CREDITS table of datasets/README.md
"""

import argparse
import csv
import hashlib
import shutil
from pathlib import Path

import h5py
import numpy as np
from PIL import Image, ImageEnhance, ImageOps

SEED = 2026
SIZE = 64
SOURCE_SIDE = 160
HELD_OUT = "images/cats/skimage_chelsea__1.jpg"
N_NONCATS = {"train": 137, "test": 17}
N_CATS = {"train": 72, "test": 33}
N_TEST_GROUPS = 7

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "datasets" / "catvnoncat"
SOURCES = OUT / "sources"
MY_IMAGE = REPO / "solutions" / "03_logistic_regression" / "my_image.jpg"


def select_sources(pack: Path) -> None:
    """Copy the chosen photos from the pack, shrunk to SOURCE_SIDE, with their manifest rows."""
    with open(pack / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields = ["shipped_as", "shipped_size", "shipped_sha256", *rows[0].keys()]
    rng = np.random.default_rng(SEED)
    cats = [r for r in rows if r["label"] == "cat" and r["file"] != HELD_OUT]
    noncats = [r for r in rows if r["label"] == "noncat"]
    chosen = sorted(rng.choice(len(noncats), sum(N_NONCATS.values()), replace=False))
    selected = cats + [noncats[i] for i in chosen]
    shutil.rmtree(SOURCES, ignore_errors=True)
    for row in selected:
        name = row["file"].replace("images/", "", 1)
        target = SOURCES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(pack / row["file"]) as image:
            image = image.convert("RGB")
            image.thumbnail((SOURCE_SIDE, SOURCE_SIDE), Image.Resampling.LANCZOS)
            image.save(target, quality=90)
        row["shipped_as"] = f"sources/{name}"
        row["shipped_size"] = f"{image.width}x{image.height}"
        row["shipped_sha256"] = hashlib.sha256(target.read_bytes()).hexdigest()
    with open(SOURCES / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(selected)
    MY_IMAGE.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pack / HELD_OUT, MY_IMAGE)


def centre_square(image: Image.Image) -> Image.Image:
    side = min(image.size)
    left, top = (image.width - side) // 2, (image.height - side) // 2
    return image.crop((left, top, left + side, top + side))


def augmented(image: Image.Image, rng) -> tuple[Image.Image, str]:
    """A random square crop, maybe flipped, with mild colour changes; and how it was made."""
    side = int(round(min(image.size) * rng.uniform(0.75, 1.0)))
    left = int(rng.integers(0, image.width - side + 1))
    top = int(rng.integers(0, image.height - side + 1))
    out = image.crop((left, top, left + side, top + side))
    flip = bool(rng.random() < 0.5)
    if flip:
        out = ImageOps.mirror(out)
    factors = rng.uniform(0.85, 1.15, 3)
    out = ImageEnhance.Brightness(out).enhance(factors[0])
    out = ImageEnhance.Contrast(out).enhance(factors[1])
    out = ImageEnhance.Color(out).enhance(factors[2])
    how = (f"crop box ({left}, {top}, {left + side}, {top + side}); "
           f"{'flipped; ' if flip else ''}brightness x{factors[0]:.3f}, "
           f"contrast x{factors[1]:.3f}, saturation x{factors[2]:.3f}")
    return out, how


def small(image: Image.Image) -> np.ndarray:
    return np.asarray(image.resize((SIZE, SIZE), Image.Resampling.LANCZOS), dtype=np.uint8)


def build() -> dict[str, str]:
    with open(SOURCES / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rng = np.random.default_rng(SEED)
    cats = [r for r in rows if r["label"] == "cat"]
    noncats = [r for r in rows if r["label"] == "noncat"]
    groups = sorted({r["cat_group"] for r in cats})
    test_groups = set(rng.choice(groups, N_TEST_GROUPS, replace=False).tolist())
    order = rng.permutation(len(noncats))
    noncat_split = {"test": [noncats[i] for i in order[:N_NONCATS["test"]]],
                    "train": [noncats[i] for i in order[N_NONCATS["test"]:]]}
    examples = {"train": [], "test": []}  # (pixels, label, row, how)
    for split in ("train", "test"):
        photos = [r for r in cats if (r["cat_group"] in test_groups) == (split == "test")]
        counts = [N_CATS[split] // len(photos) + (i < N_CATS[split] % len(photos))
                  for i in range(len(photos))]
        for row, count in zip(photos, counts, strict=True):
            with Image.open(SOURCES.parent / row["shipped_as"]) as image:
                image = image.convert("RGB")
                examples[split].append((small(centre_square(image)), 1, row, "centre square"))
                for _ in range(count - 1):
                    out, how = augmented(image, rng)
                    examples[split].append((small(out), 1, row, how))
        for row in noncat_split[split]:
            with Image.open(SOURCES.parent / row["shipped_as"]) as image:
                image = image.convert("RGB")
                examples[split].append((small(centre_square(image)), 0, row, "centre square"))
    licence_rows = []
    for split in ("train", "test"):
        shuffled = [examples[split][i] for i in rng.permutation(len(examples[split]))]
        x = np.stack([e[0] for e in shuffled])
        y = np.array([e[1] for e in shuffled], dtype=np.int64)
        path = OUT / f"{split}_catvnoncat.h5"
        with h5py.File(path, "w", track_order=False) as h5:
            h5.create_dataset(f"{split}_set_x", data=x, track_times=False)
            h5.create_dataset(f"{split}_set_y", data=y, track_times=False)
            h5.create_dataset("list_classes", data=np.array([b"non-cat", b"cat"]),
                              track_times=False)
        for index, (_, label, row, how) in enumerate(shuffled):
            licence_rows.append({
                "file": path.name, "index": index, "label": "cat" if label else "non-cat",
                "source": row["shipped_as"], "cat_group": row["cat_group"],
                "made_by": f"{how}; resized to 64x64", "licence": row["licence"],
                "credit": row["credit"], "source_url": row["source_url"],
                "licence_scope": row["licence_scope"], "package": row["package"],
                "package_version": row["package_version"],
                "original_path": row["original_path"], "licence_source": row["licence_source"],
            })
    with open(OUT / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(licence_rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(licence_rows)
    shipped = ["train_catvnoncat.h5", "test_catvnoncat.h5", "manifest.csv",
               "sources/manifest.csv"]
    return {f"catvnoncat/{name}": hashlib.sha256((OUT / name).read_bytes()).hexdigest()
            for name in shipped}


LICENCE_URLS = {
    "CC-BY-2.0": "https://creativecommons.org/licenses/by/2.0/",
    "CC-BY-3.0": "https://creativecommons.org/licenses/by/3.0/",
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-3.0": "https://creativecommons.org/licenses/by-sa/3.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
}


def credits_markdown() -> str:
    """The CREDITS table for datasets/README.md: every photo whose licence asks for credit."""
    with open(SOURCES / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["licence"] in LICENCE_URLS]
    lines = ["| photo (in `catvnoncat/sources/`) | author, as the source credits them | licence "
             "| source |", "|---|---|---|---|"]
    for row in sorted(rows, key=lambda r: r["shipped_as"]):
        source = row["source_url"] or f"{row['package']} {row['package_version']}"
        credit = row["credit"].replace("|", "/")
        lines.append(f"| `{row['shipped_as'].removeprefix('sources/')}` | {credit} | "
                     f"[{row['licence']}]({LICENCE_URLS[row['licence']]}) | {source} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", type=Path, help="the catvnoncat-sources folder to select from")
    parser.add_argument("--credits", action="store_true",
                        help="print the CREDITS table for datasets/README.md and stop")
    args = parser.parse_args()
    if args.credits:
        print(credits_markdown())
        return
    if args.pack is not None:
        select_sources(args.pack)
    for name, digest in build().items():
        print(f"{digest}  {name}")


if __name__ == "__main__":
    main()
