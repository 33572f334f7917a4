"""07_deep_network: gradient checks of the reference and of the catalogued backward passes,
grading that charges a mistake to its own function only, and randomness graded by its
properties."""

import ast
import contextlib
import inspect
import io

import numpy as np
import pytest

from autograder.answers import deep_network as answers
from autograder.hidden import deep_network as hidden
from autograder.reference import deep_network as reference
from course_utils.checks import deep_network as visible
from course_utils.checks.core import CheckFailure, exercise


def _answer(kind, function, name):
    return next(a for a in getattr(answers, kind)
                if a.function == function and a.name == name).compile()


def _verdict(check, function):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            check(function)
    except CheckFailure as failure:
        return str(failure)
    return None


def _layer_gradient_failure(backward, activation, seed=0):
    """The gradient check of the hidden tests on one layer; None when it passes."""
    rng = np.random.default_rng(seed)
    A_prev, W, b = hidden._layer(rng, 4, 3, 5)
    G = rng.normal(size=(3, 5))
    if activation is None:
        result = backward(G, (A_prev, W, b))
    else:
        _, cache = reference.linear_activation_forward(A_prev, W, b, activation)
        result = backward(G, cache, activation)
    try:
        with exercise("gradients", quiet=True) as ex:
            hidden._check_layer_gradients(ex, "check", A_prev, W, b, G, activation, result)
    except CheckFailure as failure:
        return str(failure)
    return None


# ---------------------------------------------------------------- gradient checks


@pytest.mark.parametrize("activation", [None, "relu", "sigmoid"])
def test_reference_layer_backward_passes_the_gradient_check(activation):
    backward = reference.linear_backward if activation is None else \
        reference.linear_activation_backward
    assert _layer_gradient_failure(backward, activation) is None


@pytest.mark.parametrize(("function", "name", "activation", "wrong"), [
    ("linear_backward", "missing 1/m", None, "the gradient of W is wrong"),
    ("linear_backward", "dA_prev divided by m", None, "the gradient of A_prev is wrong"),
    ("linear_backward", "db without keepdims", None,
     "the gradient of b has shape (3,), but b has shape (3, 1)"),
    ("linear_activation_backward", "the activation's derivative forgotten", "relu",
     "the gradient of W is wrong"),
    ("linear_activation_backward", "activations swapped", "sigmoid",
     "the gradient of W is wrong"),
    ("linear_activation_backward", "ReLU's derivative from the output's sign", "relu",
     "is wrong"),
])
def test_wrong_layer_backward_fails_the_gradient_check(function, name, activation, wrong):
    message = _layer_gradient_failure(_answer("MISTAKES", function, name), activation)
    assert message is not None and wrong in message, message


@pytest.mark.parametrize("layer_dims", [[4, 5, 3, 1], [3, 1], [6, 4, 4, 4, 2, 1]])
def test_reference_L_model_backward_passes_the_gradient_check_by_far(layer_dims):
    from course_utils.gradcheck import gradcheck
    parameters, X, Y = hidden._network(np.random.default_rng(1), layer_dims, 5)
    AL, caches = reference.L_model_forward(X, parameters)
    grads = reference.L_model_backward(AL, Y, caches)
    errors = gradcheck(lambda p: reference.compute_cost(reference.L_model_forward(X, p)[0], Y),
                       parameters, {name: grads["d" + name] for name in parameters})
    assert max(errors.values()) < 1e-8


def test_network_inputs_stay_away_from_relus_kink():
    rng = np.random.default_rng(0)
    for _ in range(20):
        parameters, X, _ = hidden._network(rng, [3, 4, 4, 1], 6)
        _, caches = reference.L_model_forward(X, parameters)
        assert all(np.min(np.abs(Z)) > 0.01 for _, Z in caches)


def test_the_variant_dZ_equal_AL_minus_Y_passes_the_gradient_check_too():
    variant = _answer("VARIANTS", "L_model_backward",
                      "dZ of the output layer as AL - Y, layers in one loop")
    assert _verdict(hidden.grade_L_model_backward, variant) is None


# ---------------------------------------------------------------- each function on its own


def _with_broken(function_source, helper, broken):
    """A correct answer compiled beside a broken helper of the student's notebook."""
    answer = next(a for a in answers.VARIANTS if a.function == function_source)
    namespace = {"np": np, **{name: getattr(reference, name) for name in answers._HELPERS},
                 helper: broken}
    exec(compile(answer.source, "<student>", "exec"), namespace)
    return namespace[function_source]


@pytest.mark.parametrize(("function", "helper", "broken"), [
    ("L_model_forward", "linear_activation_forward",
     lambda A_prev, W, b, activation: (W @ A_prev, ((A_prev, W, b), W @ A_prev))),
    ("predict", "L_model_forward", lambda X, parameters: (np.zeros((1, X.shape[1])), [])),
    ("L_layer_model", "update_parameters", lambda params, grads, learning_rate: params),
])
def test_a_broken_helper_costs_its_own_points_only(function, helper, broken):
    student = _with_broken(function, helper, broken)
    hidden_check = getattr(hidden, f"grade_{function}")
    visible_check = getattr(visible, f"check_{function}")
    assert _verdict(hidden_check, student) is None  # graded with the reference's helper
    assert _verdict(visible_check, student) is not None  # at home, the student's own helper
    # the helper is the student's again after grading
    assert student.__globals__[helper] is broken


def test_L_layer_model_does_not_depend_on_the_global_seed():
    for seed in (0, 1, 12345):
        np.random.seed(seed)
        assert _verdict(hidden.grade_L_layer_model, reference.L_layer_model) is None


def test_initialisation_check_passes_any_correct_random_stream():
    def he_from(seed):
        def initialize_parameters_deep(layer_dims):
            rng = np.random.default_rng(seed)
            return {key: value for l in range(1, len(layer_dims)) for key, value in (
                (f"W{l}", rng.normal(0, np.sqrt(2 / layer_dims[l - 1]),
                                     (layer_dims[l], layer_dims[l - 1]))),
                (f"b{l}", np.zeros((layer_dims[l], 1))))}
        return initialize_parameters_deep

    for seed in range(40):
        assert _verdict(hidden.grade_initialize_parameters_deep, he_from(seed)) is None
        assert _verdict(visible.check_initialize_parameters_deep, he_from(seed)) is None


# ---------------------------------------------------------------- training and the reference


def test_training_lowers_the_cost_and_records_one_cost_per_100_iterations():
    X, Y = np.random.default_rng(0).normal(size=(2, 60)), None
    Y = (X[0:1] * X[1:2] > 0).astype(int)
    np.random.seed(0)
    _, costs = reference.L_layer_model(X, Y, [2, 8, 8, 1], learning_rate=0.1,
                                       num_iterations=1001)
    assert len(costs) == 11
    assert costs[-1] < 0.5 * costs[0]


def test_predict_prints_the_accuracy_as_the_classic_course_does():
    parameters = {"W1": np.array([[1.0, -1.0]]), "b1": np.zeros((1, 1))}
    X = np.array([[2.0, -2.0, 1.0, 0.0], [0.0, 0.0, 3.0, 1.0]])
    with contextlib.redirect_stdout(io.StringIO()) as out:
        p = reference.predict(X, np.array([[1, 0, 1, 0]]), parameters)
    assert p.tolist() == [[1, 0, 0, 0]]
    assert out.getvalue() == "Accuracy: 0.75\n"


@pytest.mark.parametrize("function", [
    reference.linear_forward, reference.compute_cost, reference.linear_backward,
    reference.linear_activation_forward, reference.linear_activation_backward,
    reference.sigmoid, reference.relu, reference.sigmoid_backward, reference.relu_backward])
def test_reference_layers_are_vectorized(function):
    tree = ast.parse(inspect.getsource(function))
    assert not any(isinstance(node, ast.For | ast.While) for node in ast.walk(tree))
