"""03_logistic_regression: the gradient is right, wrong backprops are caught, the cat data
loads in the classic layout with its splits kept apart, and the wrong flatten scrambles."""

import contextlib
import csv
import hashlib
import inspect
import io
import textwrap

import h5py
import numpy as np
import pytest

from autograder.answers.logistic_regression import MISTAKES, VARIANTS
from autograder.hidden import logistic_regression as hidden
from autograder.reference import logistic_regression as reference
from course_utils.checks.core import CheckFailure
from course_utils.datasets import DEFAULT_ROOT, DatasetError, load_catvnoncat
from course_utils.gradcheck import gradcheck

CATS = DEFAULT_ROOT / "catvnoncat"


def answer(name):
    return next(a for a in MISTAKES + VARIANTS if a.name == name).compile()


@pytest.fixture
def data():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(5, 8))
    Y = rng.integers(0, 2, (1, 8))
    return rng.normal(scale=0.5, size=(5, 1)), -0.3, X, Y


def cost_of(X, Y):
    return lambda p: reference.propagate(p["w"], p["b"], X, Y)[1]


@pytest.mark.parametrize("propagate", [reference.propagate,
                                       answer("mean, matmul and a 0-d db"),
                                       answer("dot-product cost squeezed, float db")])
def test_propagate_gradients_pass_a_gradient_check(data, propagate):
    w, b, X, Y = data
    grads, _ = propagate(w, b, X, Y)
    errors = gradcheck(cost_of(X, Y), {"w": w, "b": np.array(b)},
                       {"w": grads["dw"], "b": np.array(grads["db"])})
    assert max(errors.values()) < 1e-7


@pytest.mark.parametrize("name", ["sum instead of mean", "db as a (1, 1) array"])
def test_wrong_backprops_fail_the_gradient_check(data, name):
    w, b, X, Y = data
    grads, _ = answer(name)(w, b, X, Y)
    with pytest.raises(CheckFailure, match="gradient check: the gradient of"):
        gradcheck(cost_of(X, Y), {"w": w, "b": np.array(b)},
                  {"w": grads["dw"], "b": np.array(grads["db"])})


@pytest.mark.parametrize("b", [0.25, np.float64(0.25), np.array(0.25)])
def test_propagate_and_model_accept_every_kind_of_bias(data, b):
    w, _, X, Y = data
    grads, cost = reference.propagate(w, b, X, Y)
    assert np.ndim(grads["db"]) == 0 and np.ndim(cost) == 0
    params, _, _ = reference.optimize(w, b, X, Y, 5, 0.1)
    assert np.ndim(params["b"]) == 0
    d = reference.model(X, Y, X, Y, num_iterations=5, learning_rate=0.1)
    assert d["Y_prediction_train"].shape == (1, 8)


def test_catvnoncat_has_the_classic_layout():
    train_x, train_y, test_x, test_y, classes = load_catvnoncat()
    assert train_x.shape == (209, 64, 64, 3) and train_x.dtype == np.uint8
    assert test_x.shape == (50, 64, 64, 3) and test_x.dtype == np.uint8
    assert train_y.shape == (1, 209) and test_y.shape == (1, 50)
    assert list(classes) == [b"non-cat", b"cat"]
    assert int(train_y.sum()) == 72 and int(test_y.sum()) == 33
    for split in ("train", "test"):
        with h5py.File(CATS / f"{split}_catvnoncat.h5") as h5:
            assert sorted(h5) == ["list_classes", f"{split}_set_x", f"{split}_set_y"]


def test_no_cat_and_no_photo_is_in_both_splits():
    with open(CATS / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 259
    split = {name: [r for r in rows if r["file"] == f"{name}_catvnoncat.h5"]
             for name in ("train", "test")}
    groups = [{r["cat_group"] for r in split[s] if r["label"] == "cat"} for s in split]
    photos = [{r["source"] for r in split[s]} for s in split]
    assert not groups[0] & groups[1]
    assert not photos[0] & photos[1]
    assert all(r["licence"] and r["credit"] for r in rows)
    noncat_photos = [r["source"] for r in rows if r["label"] == "non-cat"]
    assert len(noncat_photos) == len(set(noncat_photos)) == 154


def test_manifest_labels_match_the_h5_files():
    with open(CATS / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    train_x, train_y, test_x, test_y, _ = load_catvnoncat()
    labels = {"train_catvnoncat.h5": train_y[0], "test_catvnoncat.h5": test_y[0]}
    for row in rows:
        assert labels[row["file"]][int(row["index"])] == (row["label"] == "cat")


def test_shipped_source_photos_match_their_manifest():
    with open(CATS / "sources" / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 178
    for row in rows:
        data = (CATS / row["shipped_as"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["shipped_sha256"], row["shipped_as"]
    assert "images/cats/skimage_chelsea__1.jpg" not in {r["file"] for r in rows}


def test_the_loader_prefers_the_classic_files(tmp_path, monkeypatch, capsys):
    root = tmp_path / "datasets"
    classic = root / "catvnoncat" / "classic"
    classic.mkdir(parents=True)
    (root / "SHA256SUMS").write_text("")
    monkeypatch.setenv("DLCOURSE_DATASETS", str(root))
    for split, m in (("train", 4), ("test", 2)):
        with h5py.File(classic / f"{split}_catvnoncat.h5", "w") as h5:
            h5[f"{split}_set_x"] = np.zeros((m, 64, 64, 3), np.uint8)
            h5[f"{split}_set_y"] = np.ones(m, np.int64)
            h5["list_classes"] = np.array([b"non-cat", b"cat"])
        if split == "train":
            with pytest.raises(DatasetError, match="but not the other classic file"):
                load_catvnoncat()
    train_x, train_y, test_x, test_y, classes = load_catvnoncat()
    assert "classic course's files" in capsys.readouterr().out
    assert train_x.shape == (4, 64, 64, 3) and train_y.shape == (1, 4)
    assert test_y.shape == (1, 2)


def test_the_wrong_flatten_mixes_images_together():
    images = np.arange(3 * 2 * 2 * 3).reshape(3, 2, 2, 3)
    right = reference.flatten_images(images)
    wrong = answer("reshape(-1, m)")(images)
    assert right.shape == wrong.shape == (12, 3)
    np.testing.assert_array_equal(right[:, 1], images[1].ravel())
    assert not np.array_equal(wrong[:, 1], images[1].ravel())


def test_model_beside_a_wrong_optimize_keeps_its_hidden_points():
    """model is graded alone: its optimize, predict and initialize_with_zeros are the
    reference's while the hidden tests run, so a wrong optimize costs optimize's points only."""
    wrong = next(m for m in MISTAKES if m.name == "gradient ascent")
    namespace = {"np": np}
    exec(wrong.source + textwrap.dedent(inspect.getsource(reference.model)),  # noqa: S102
         namespace)
    with contextlib.redirect_stdout(io.StringIO()):
        hidden.grade_model(namespace["model"])
    with pytest.raises(CheckFailure), contextlib.redirect_stdout(io.StringIO()):
        hidden.grade_optimize(namespace["optimize"])
