"""02_vectorization: the reference gradient is right, the loop check reads notebook-style
sources, and the no-loop gradient agrees with the loop versions the notebook shows."""

import numpy as np
import pytest

from autograder.answers.vectorization import MISTAKES, VARIANTS
from autograder.reference import vectorization as reference
from course_utils.checks.core import CheckFailure, exercise
from course_utils.gradcheck import gradcheck


def logistic_cost(params, X, Y):
    A = 1 / (1 + np.exp(-(params["w"].T @ X + params["b"])))
    return float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(6, 9))
    Y = rng.integers(0, 2, (1, 9))
    w = rng.normal(size=(6, 1))
    return w, 0.4, X, Y


def test_reference_gradient_passes_a_gradient_check(data):
    w, b, X, Y = data
    dw, db = reference.gradient_no_loop(w, b, X, Y)
    errors = gradcheck(lambda p: logistic_cost(p, X, Y), {"w": w, "b": np.array(b)},
                       {"w": dw, "b": np.array(db)})
    assert max(errors.values()) < 1e-7


@pytest.mark.parametrize("name", ["forgot to divide by m", "Y - A: the gradient of the wrong sign",
                                  "forgot the bias"])
def test_wrong_gradients_fail_the_gradient_check(data, name):
    w, b, X, Y = data
    wrong = next(m for m in MISTAKES if m.name == name).compile()
    dw, db = wrong(w, b, X, Y)
    with pytest.raises(CheckFailure, match="gradient check: the gradient of"):
        gradcheck(lambda p: logistic_cost(p, X, Y), {"w": w, "b": np.array(b)},
                  {"w": dw, "b": np.array(db)})


def test_loop_versions_agree_with_the_vectorized_gradient(data):
    w, b, X, Y = data
    one_loop = next(m for m in MISTAKES if m.name == "one loop left over the examples").compile()
    dw, db = one_loop(w, b, X, Y)
    expected_dw, expected_db = reference.gradient_no_loop(w, b, X, Y)
    np.testing.assert_allclose(dw, expected_dw)
    assert db == pytest.approx(expected_db)


def test_loop_check_reads_the_source_of_compiled_answers():
    looping = next(m for m in MISTAKES if m.name == "a Python loop").compile()
    with pytest.raises(CheckFailure, match=r"must be vectorized.*\(For\)"):
        with exercise("L1", quiet=True) as ex:
            ex.expect_no_loops(looping, "L1")
    for variant in VARIANTS:
        with exercise(variant.function, quiet=True) as ex:
            ex.expect_no_loops(variant.compile(), variant.function)


def test_losses_return_one_number_for_rows_and_vectors():
    yhat, y = np.array([[0.2, 0.9]]), np.array([[0, 1]])
    assert np.ndim(reference.L1(yhat, y)) == 0
    assert np.ndim(reference.L2(yhat, y)) == 0
    assert reference.L2(yhat, y) == pytest.approx(0.05)
