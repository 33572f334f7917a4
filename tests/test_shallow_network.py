"""04_shallow_network: the planar data generators, the decision-boundary plot, and the
gradient check that grades backward_propagation."""

import ast
import contextlib
import inspect
import io
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

from autograder.answers import shallow_network as answers
from autograder.hidden import shallow_network as hidden
from autograder.hidden.shallow_network import grade_backward_propagation
from autograder.reference import shallow_network as reference
from course_utils.checks import shallow_network as visible
from course_utils.checks.core import CheckFailure
from course_utils.datasets import PLANAR_DATASETS, make_flower, split_train_test
from course_utils.gradcheck import gradcheck
from course_utils.plots import decision_boundary

# ---------------------------------------------------------------- data generators


@pytest.mark.parametrize("name", sorted(PLANAR_DATASETS))
def test_generators_give_columns_binary_labels_and_both_classes(name):
    X, Y = PLANAR_DATASETS[name](m=101, seed=4)
    assert X.shape == (2, 101) and X.dtype == np.float64
    assert Y.shape == (1, 101) and Y.dtype == np.int64
    assert set(np.unique(Y)) == {0, 1}
    assert 0.3 < Y.mean() < 0.7
    assert np.isfinite(X).all()


@pytest.mark.parametrize("name", sorted(PLANAR_DATASETS))
def test_generators_are_seeded(name):
    make = PLANAR_DATASETS[name]
    X1, Y1 = make(m=60, seed=3)
    X2, Y2 = make(m=60, seed=3)
    X3, _ = make(m=60, seed=4)
    assert np.array_equal(X1, X2) and np.array_equal(Y1, Y2)
    assert not np.array_equal(X1, X3)


def test_flower_points_lie_near_the_rose_curve_and_classes_are_balanced():
    X, Y = make_flower(m=400, noise=0.0, seed=0)
    radius, angle = np.hypot(X[0], X[1]), np.arctan2(X[0], X[1])
    # r = |4 sin(4 t)| with t measured from the x2 axis (x = r sin t, y = r cos t)
    assert np.allclose(radius, np.abs(4 * np.sin(4 * angle)), atol=1e-9)
    assert Y.sum() == 200
    assert radius.max() <= 4 + 1e-9


def test_flower_is_not_linearly_separable_but_a_small_network_learns_it():
    X, Y = make_flower(m=500, seed=1)
    X_train, Y_train, X_test, Y_test = split_train_test(X, Y, test_fraction=0.2, seed=0)
    np.random.seed(3)
    parameters = reference.nn_model(X_train, Y_train, 4, num_iterations=10000)
    assert np.mean(reference.predict(parameters, X_train) == Y_train) >= 0.90
    assert np.mean(reference.predict(parameters, X_test) == Y_test) >= 0.85
    # the best a line through the data does, by least squares, is far worse
    features = np.vstack([X_train, np.ones((1, X_train.shape[1]))])
    w, *_ = np.linalg.lstsq(features.T, 2.0 * Y_train[0] - 1, rcond=None)
    assert np.mean((features.T @ w > 0) == Y_train[0]) < 0.75


def test_split_train_test_partitions_the_columns():
    X = np.arange(20, dtype=float).reshape(2, 10)
    Y = (np.arange(10) % 2).reshape(1, 10)
    X_train, Y_train, X_test, Y_test = split_train_test(X, Y, test_fraction=0.3, seed=1)
    assert X_train.shape == (2, 7) and X_test.shape == (2, 3)
    assert Y_train.shape == (1, 7) and Y_test.shape == (1, 3)
    assert sorted(np.concatenate([X_train[0], X_test[0]])) == list(X[0])
    for X_part, Y_part in [(X_train, Y_train), (X_test, Y_test)]:
        assert np.array_equal(Y_part[0], (X_part[0] % 2).astype(int))  # columns stay paired


def test_decision_boundary_colours_the_plane_by_the_prediction():
    X, Y = PLANAR_DATASETS["blobs"](m=50, seed=0)
    calls = []

    def left_half(points):
        calls.append(points.shape)
        return (points[0] < 0).astype(int).reshape(1, -1)

    fig, ax = plt.subplots()
    assert decision_boundary(left_half, X, Y, ax=ax, title="t", resolution=30) is ax
    assert calls == [(2, 900)]
    assert ax.get_title() == "t"
    plt.close(fig)


# ---------------------------------------------------------------- gradient check


def _problem(seed=0, n_x=3, n_h=4, m=6):
    rng = np.random.default_rng(seed)
    parameters = {"W1": rng.normal(size=(n_h, n_x)), "b1": rng.normal(size=(n_h, 1)),
                  "W2": rng.normal(size=(1, n_h)), "b2": rng.normal(size=(1, 1))}
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(int)
    return parameters, X, Y


def _gradcheck(backward, forward=reference.forward_propagation, cost=reference.compute_cost):
    parameters, X, Y = _problem()
    grads = backward(parameters, forward(X, parameters)[1], X, Y)
    return gradcheck(lambda p: cost(forward(X, p)[0], Y), parameters,
                     {name: grads["d" + name] for name in parameters})


def _answer(kind, function, name):
    return next(a for a in getattr(answers, kind)
                if a.function == function and a.name == name).compile()


def test_reference_backprop_passes_the_gradient_check_by_a_wide_margin():
    errors = _gradcheck(reference.backward_propagation)
    assert set(errors) == {"W1", "b1", "W2", "b2"}
    assert max(errors.values()) < 1e-8


@pytest.mark.parametrize("name", ["1 - np.tanh(Z1)**2", "1 - A1**2 with np.power and np.multiply",
                                  "gradients summed example by example"])
def test_correct_backprops_written_differently_pass_the_gradient_check(name):
    assert max(_gradcheck(_answer("VARIANTS", "backward_propagation", name)).values()) < 1e-7


@pytest.mark.parametrize(("name", "wrong"), [
    ("missing 1/m", "the gradient of W1 is wrong"),
    ("sigmoid derivative for tanh", "the gradient of W1 is wrong"),
    ("derivative of tanh forgotten", "the gradient of W1 is wrong"),
    ("error sign flipped", "the gradient of W1 is wrong: relative error 1.00e+00"),
    ("db without keepdims", "the gradient of b1 has shape (4,), but b1 has shape (4, 1)"),
])
def test_wrong_backprops_fail_the_gradient_check(name, wrong):
    with pytest.raises(CheckFailure, match=re.escape(wrong)):
        _gradcheck(_answer("MISTAKES", "backward_propagation", name))


def _hidden_verdict(*functions):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            grade_backward_propagation(*functions)
    except CheckFailure as failure:
        return str(failure)
    return None


def test_hidden_test_gradient_checks_against_the_reference_forward_pass_only():
    """backward_propagation is graded alone: no student forward pass or cost takes part."""
    assert _hidden_verdict(reference.backward_propagation) is None
    assert list(inspect.signature(grade_backward_propagation).parameters) == [
        "backward_propagation"]
    wrong = _answer("MISTAKES", "backward_propagation", "sigmoid derivative for tanh")
    message = _hidden_verdict(wrong)
    assert "the gradient of W1 is wrong" in message or "['dW1']: wrong values" in message


def test_initialization_is_graded_by_properties_whatever_the_seed():
    """The reference passes under any seed, and so do the classic template's seed inside
    the function, another draw order and default_rng (see VARIANTS)."""
    for seed in range(5):
        np.random.seed(seed)
        with contextlib.redirect_stdout(io.StringIO()):
            visible.check_initialize_parameters(reference.initialize_parameters)
            hidden.grade_initialize_parameters(reference.initialize_parameters)


def test_a_missing_1_over_m_fails_the_hidden_test_even_where_m_is_1():
    # m = 1 makes 1/m invisible; the other cases and the gradient check still catch it
    missing = _answer("MISTAKES", "backward_propagation", "missing 1/m")
    assert "wrong values" in _hidden_verdict(missing)


# ---------------------------------------------------------------- training


def test_nn_model_costs_fall_and_the_reference_is_vectorized():
    X, Y = PLANAR_DATASETS["moons"](m=80, seed=0)
    np.random.seed(0)
    short = reference.nn_model(X, Y, 5, num_iterations=10)
    np.random.seed(0)
    longer = reference.nn_model(X, Y, 5, num_iterations=500)
    cost_short = reference.compute_cost(reference.forward_propagation(X, short)[0], Y)
    cost_longer = reference.compute_cost(reference.forward_propagation(X, longer)[0], Y)
    assert cost_longer < cost_short < np.log(2) + 1e-3
    for function in (reference.forward_propagation, reference.backward_propagation,
                     reference.compute_cost, reference.predict):
        tree = ast.parse(inspect.getsource(function))
        assert not any(isinstance(node, ast.For | ast.While) for node in ast.walk(tree))


def test_update_parameters_leaves_its_arguments_unchanged():
    parameters, X, Y = _problem()
    kept = {name: value.copy() for name, value in parameters.items()}
    grads = reference.backward_propagation(parameters, reference.forward_propagation(
        X, parameters)[1], X, Y)
    updated = reference.update_parameters(parameters, grads, 0.1)
    assert all(np.array_equal(parameters[name], kept[name]) for name in kept)
    assert all(not np.array_equal(updated[name], kept[name]) for name in kept)
