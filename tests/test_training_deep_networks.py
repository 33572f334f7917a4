"""08_training_deep_networks: one copy of the solution, backward passes against numerical
gradients, the property checks' fairness over many draws, and Adam against torch.optim.Adam."""

import ast
import contextlib
import inspect
import io
import warnings

import nbformat
import numpy as np
import pytest

from autograder.answers import training_deep_networks as answers
from autograder.course import SOLUTIONS, notebook_path
from autograder.course.examples import SOLUTION_REGION
from autograder.hidden import training_deep_networks as hidden
from autograder.reference import training_deep_networks as reference
from course_utils.checks import training_deep_networks as checks
from course_utils.checks.core import CheckFailure
from course_utils.gradcheck import gradcheck

ASSIGNMENT = "08_training_deep_networks"
NAMES = ("W1", "b1", "W2", "b2", "W3", "b3")


def _network(seed, sizes=(3, 5, 4, 1), m=6):
    rng = np.random.default_rng(seed)
    parameters = hidden._network(rng, list(sizes))
    X, Y = hidden._data(rng, sizes[0], m)
    return parameters, X, Y


def _verdict(check, function):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            check(function)
    except CheckFailure as failure:
        return str(failure)
    return None


# ---------------------------------------------------------------- one copy of the solution


def _notebook_functions():
    """{name: source} of every function the solution notebook's code cells define."""
    notebook = nbformat.read(notebook_path(SOLUTIONS, ASSIGNMENT), as_version=4)
    functions = {}
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        source = "\n".join(line for line in cell.source.splitlines()
                           if line.strip() not in SOLUTION_REGION)
        for node in ast.parse(source).body:
            if isinstance(node, ast.FunctionDef):
                functions[node.name] = ast.get_source_segment(source, node)
    return functions


def test_every_reference_function_is_the_solution_notebooks_code():
    in_notebook = _notebook_functions()
    defined = [name for name, value in vars(reference).items()
               if inspect.isfunction(value) and value.__module__ == reference.__name__]
    assert len(defined) >= 20
    for name in defined:
        assert name in in_notebook, f"{name} is in the reference but not in the notebook"
        assert inspect.getsource(getattr(reference, name)).rstrip() == in_notebook[name], name


# ---------------------------------------------------------------- backward passes


def _cost_of(forward, X, Y, extra=lambda parameters: 0.0):
    return lambda parameters: reference.compute_cost(forward(X, parameters)[0], Y) + extra(
        parameters)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backward_passes_match_numerical_gradients(seed):
    parameters, X, Y = _network(seed)
    _, cache = reference.forward_propagation(X, parameters)
    grads = reference.backward_propagation(X, Y, cache)
    errors = gradcheck(_cost_of(reference.forward_propagation, X, Y), parameters,
                       {name: grads["d" + name] for name in NAMES})
    assert max(errors.values()) < 1e-7

    lambd, m = 0.7, X.shape[1]
    grads = reference.backward_propagation_with_regularization(X, Y, cache, lambd)
    errors = gradcheck(lambda p: reference.compute_cost_with_regularization(
        reference.forward_propagation(X, p)[0], Y, p, lambd), parameters,
        {name: grads["d" + name] for name in NAMES})
    assert max(errors.values()) < 1e-7
    assert reference.compute_cost_with_regularization(cache[9], Y, parameters, lambd) == (
        pytest.approx(reference.compute_cost(cache[9], Y) + lambd / (2 * m) * sum(
            np.sum(parameters[w] ** 2) for w in ("W1", "W2", "W3"))))


@pytest.mark.parametrize("keep_prob", [0.5, 0.8])
def test_dropout_backward_matches_numerical_gradients_of_the_masked_network(keep_prob):
    parameters, X, Y = _network(3, m=8)
    rng = np.random.default_rng(4)
    masks = [rng.random((n, X.shape[1])) < keep_prob for n in (5, 4)]

    def cost(p):
        return reference.compute_cost(hidden._dropout_chain(X, p, masks, keep_prob)[-1], Y)

    Z1, A1, Z2, A2, Z3, A3 = hidden._dropout_chain(X, parameters, masks, keep_prob)
    cache = (Z1, masks[0], A1, parameters["W1"], parameters["b1"], Z2, masks[1], A2,
             parameters["W2"], parameters["b2"], Z3, A3, parameters["W3"], parameters["b3"])
    grads = reference.backward_propagation_with_dropout(X, Y, cache, keep_prob)
    errors = gradcheck(cost, parameters, {name: grads["d" + name] for name in NAMES})
    assert max(errors.values()) < 1e-7


def test_forward_with_dropout_keeps_the_network_when_keep_prob_is_one():
    parameters, X, _ = _network(5)
    with_dropout, cache = reference.forward_propagation_with_dropout(X, parameters, 1.0)
    plain, _ = reference.forward_propagation(X, parameters)
    assert np.array_equal(with_dropout, plain)
    assert cache[1].all() and cache[6].all()


def test_gradient_check_n_separates_right_from_wrong_gradients():
    parameters, X, Y = _network(6, sizes=(2, 3, 2, 1), m=4)
    right = reference.backward_propagation(X, Y, reference.forward_propagation(X, parameters)[1])
    assert reference.gradient_check_n(parameters, right, X, Y) < 1e-7
    wrong = dict(right, db1=4 * right["db1"])
    assert reference.gradient_check_n(parameters, wrong, X, Y) > 1e-2
    assert reference.gradient_check_n(parameters, right, X, Y, epsilon=1e-4) < 1e-7


def test_sigmoid_is_the_usual_formula_and_never_overflows():
    x = np.linspace(-30, 30, 121)
    assert np.allclose(reference.sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-13, atol=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert reference.sigmoid(np.array([-1000.0, 1000.0])).tolist() == [0.0, 1.0]


# ---------------------------------------------------------------- the property checks are fair


@pytest.mark.parametrize("function", ["initialize_parameters_he",
                                      "forward_propagation_with_dropout", "random_mini_batches"])
def test_random_functions_pass_their_checks_whatever_the_draw(function):
    """The statistical tolerances hold for 30 different streams of random numbers."""
    visible = getattr(checks, f"check_{function}")
    grade = getattr(hidden, f"grade_{function}")
    for seed in range(30):
        np.random.seed(1000 + seed)
        assert _verdict(visible, getattr(reference, function)) is None, seed
        assert _verdict(grade, getattr(reference, function)) is None, seed


@pytest.mark.parametrize("name", ["Xavier's scale sqrt(1 / n)", "scaled by the layer's own size",
                                  "uniform instead of normal", "normal instead of uniform random "
                                  "numbers", "keep_prob ignored"])
def test_wrong_scales_and_keep_probabilities_fail_whatever_the_draw(name):
    answer = next(a for a in answers.MISTAKES if a.name == name)
    for seed in range(15):
        np.random.seed(2000 + seed)
        assert _verdict(getattr(checks, f"check_{answer.function}"), answer.compile())
        assert _verdict(getattr(hidden, f"grade_{answer.function}"), answer.compile())


def test_random_mini_batches_shuffles_as_the_classic_course_does():
    X = np.arange(20.0).reshape(2, 10)
    Y = (np.arange(10) % 2).reshape(1, 10)
    batches = reference.random_mini_batches(X, Y, mini_batch_size=4, seed=3)
    np.random.seed(3)
    order = np.random.permutation(10)
    assert [b[0].shape for b in batches] == [(2, 4), (2, 4), (2, 2)]
    assert np.array_equal(np.hstack([b[0] for b in batches]), X[:, order])
    assert np.array_equal(np.hstack([b[1] for b in batches]), Y[:, order])


# ---------------------------------------------------------------- optimizers


def _optimizer_problem(seed=7):
    rng = np.random.default_rng(seed)
    parameters = hidden._network(rng, [3, 4, 2])
    steps = [{f"d{name}": rng.normal(size=value.shape) for name, value in parameters.items()}
             for _ in range(6)]
    return parameters, steps


def test_adams_first_step_moves_every_parameter_by_the_learning_rate():
    parameters, steps = _optimizer_problem()
    v, s = reference.initialize_adam(parameters)
    updated, *_ = reference.update_parameters_with_adam(parameters, steps[0], v, s, 1,
                                                        learning_rate=0.01)
    for name in parameters:
        moved = parameters[name] - updated[name]
        assert np.allclose(moved, 0.01 * np.sign(steps[0]["d" + name]), rtol=1e-5)


def test_momentum_and_rmsprop_leave_their_arguments_unchanged():
    parameters, steps = _optimizer_problem()
    kept = {name: value.copy() for name, value in parameters.items()}
    v = reference.initialize_velocity(parameters)
    reference.update_parameters_with_momentum(parameters, steps[0], v, 0.9, 0.1)
    reference.update_parameters_with_rmsprop(parameters, steps[0], v, 0.9, 0.1)
    assert all(np.array_equal(parameters[n], kept[n]) for n in kept)
    assert all(not v[key].any() for key in v)


def test_adam_takes_the_same_steps_as_torch_optim_adam():
    torch = pytest.importorskip("torch")
    parameters, steps = _optimizer_problem()
    options = {"learning_rate": 0.05, "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6}
    tensors = {name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
               for name, value in parameters.items()}
    optimizer = torch.optim.Adam(tensors.values(), lr=options["learning_rate"],
                                 betas=(options["beta1"], options["beta2"]),
                                 eps=options["epsilon"])
    v, s = reference.initialize_adam(parameters)
    for t, grads in enumerate(steps, start=1):
        parameters, v, s, _, _ = reference.update_parameters_with_adam(parameters, grads, v, s, t,
                                                                       **options)
        for name, tensor in tensors.items():
            tensor.grad = torch.tensor(grads["d" + name], dtype=torch.float64)
        optimizer.step()
        for name, tensor in tensors.items():
            np.testing.assert_allclose(parameters[name], tensor.detach().numpy(), rtol=1e-12,
                                       atol=1e-14, err_msg=f"step {t}, {name}")


def test_schedule_lr_decay_is_a_staircase():
    rates = [reference.schedule_lr_decay(0.1, epoch, 1, time_interval=10) for epoch in range(30)]
    assert rates[:10] == [0.1] * 10
    assert rates[10:20] == [0.05] * 10
    assert rates[20] == pytest.approx(0.1 / 3)
