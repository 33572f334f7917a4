"""Gradient checking: right gradients pass, wrong ones are caught and named."""

import numpy as np
import pytest

from course_utils.checks.core import CheckFailure
from course_utils.gradcheck import gradcheck, numerical_gradient, relative_error


def quadratic_cost(params):
    W, b = params["W"], params["b"]
    return float(np.sum((W @ np.array([1.0, -2.0, 0.5]) + b) ** 2))


def quadratic_grads(params):
    x = np.array([1.0, -2.0, 0.5])
    residual = params["W"] @ x + params["b"]
    return {"W": 2 * np.outer(residual, x), "b": 2 * residual}


PARAMS = {"W": np.array([[0.3, -0.1, 0.2], [0.5, 0.4, -0.6]]), "b": np.array([0.1, -0.2])}


def test_correct_gradients_pass_well_below_threshold():
    errors = gradcheck(quadratic_cost, PARAMS, quadratic_grads(PARAMS))
    assert set(errors) == {"W", "b"}
    assert max(errors.values()) < 1e-9


def test_a_wrong_gradient_is_named():
    grads = quadratic_grads(PARAMS)
    grads["b"] = grads["b"] / 2  # a missing factor of 2
    with pytest.raises(CheckFailure, match=r"the gradient of b is wrong: relative error 3\.3"):
        gradcheck(quadratic_cost, PARAMS, grads)


def test_shape_and_missing_gradient_are_reported():
    grads = quadratic_grads(PARAMS)
    with pytest.raises(CheckFailure, match=r"gradient of W has shape \(3, 2\), but W has shape"):
        gradcheck(quadratic_cost, PARAMS, {**grads, "W": grads["W"].T})
    with pytest.raises(CheckFailure, match="no gradient for b"):
        gradcheck(quadratic_cost, PARAMS, {"W": grads["W"]})


def test_float32_inputs_are_checked_in_float64():
    params32 = {k: v.astype(np.float32) for k, v in PARAMS.items()}
    at_same_point = {k: v.astype(np.float64) for k, v in params32.items()}
    errors = gradcheck(quadratic_cost, params32, quadratic_grads(at_same_point))
    assert max(errors.values()) < 1e-9


def test_numerical_gradient_restores_parameters_and_relative_error_edge_cases():
    params = {k: v.copy() for k, v in PARAMS.items()}
    numerical_gradient(quadratic_cost, params, "W")
    assert np.array_equal(params["W"], PARAMS["W"])
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(np.ones(3), -np.ones(3)) == 1.0
