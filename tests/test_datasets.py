"""Dataset loading: verified files load, missing, unknown and corrupt ones say so."""

import hashlib

import pytest

from course_utils.datasets import DatasetError, checksums, dataset_path


@pytest.fixture
def root(tmp_path):
    (tmp_path / "toy").mkdir()
    data = b"0123456789"
    (tmp_path / "toy" / "data.bin").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    (tmp_path / "SHA256SUMS").write_text(f"# comment\n{digest}  toy/data.bin\n"
                                         f"{digest}  toy/absent.bin\n")
    return tmp_path


def test_a_verified_file_loads(root):
    assert dataset_path("toy/data.bin", root).read_bytes() == b"0123456789"


def test_environment_variable_moves_the_root(root, monkeypatch):
    monkeypatch.setenv("DLCOURSE_DATASETS", str(root))
    assert dataset_path("toy/data.bin") == root / "toy" / "data.bin"


def test_missing_unknown_and_corrupt_files_are_explained(root):
    with pytest.raises(DatasetError, match=r"absent\.bin is missing\. It ships with the course"):
        dataset_path("toy/absent.bin", root)
    with pytest.raises(DatasetError, match="is not a dataset of this course"):
        dataset_path("toy/other.bin", root)
    (root / "toy" / "data.bin").write_bytes(b"tampered")
    with pytest.raises(DatasetError, match="is corrupt or was changed: its sha256 is"):
        dataset_path("toy/data.bin", root)


def test_the_shipped_checksums_match_the_shipped_files():
    from course_utils.datasets import DEFAULT_ROOT

    for name in checksums(DEFAULT_ROOT):
        assert dataset_path(name, DEFAULT_ROOT).is_file()
