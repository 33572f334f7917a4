"""Hidden tests for 04_shallow_network: new inputs and sizes, compared with the reference, and a
gradient check of backward_propagation against the student's own forward pass and cost."""

import numpy as np

from autograder.reference import shallow_network as reference
from course_utils.checks.core import CheckFailure, exercise
from course_utils.gradcheck import gradcheck

SEED = 20261123
NAMES = ("W1", "b1", "W2", "b2")


def _network(rng, n_x, n_h, m, scale=1.0):
    """Random parameters (weights of standard deviation `scale`), X (n_x, m), Y (1, m)."""
    parameters = {"W1": rng.normal(scale=scale, size=(n_h, n_x)),
                  "b1": rng.normal(scale=0.5, size=(n_h, 1)),
                  "W2": rng.normal(scale=scale, size=(1, n_h)),
                  "b2": rng.normal(scale=0.5, size=(1, 1))}
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(int)
    return parameters, X, Y


def _copy(arrays):
    return {name: np.array(value, copy=True) for name, value in arrays.items()}


def grade_layer_sizes(layer_sizes):
    with exercise("layer_sizes (hidden tests)") as ex:
        for x_shape, y_shape in [((7, 11), (3, 11)), ((12288, 209), (1, 209)), ((1, 1), (1, 1))]:
            call = f"layer_sizes(X, Y)  # X.shape == {x_shape}, Y.shape == {y_shape}"
            X, Y = np.zeros(x_shape), np.zeros(y_shape)
            expected = tuple(reference.layer_sizes(X, Y))
            sizes = ex.call(layer_sizes, X, Y, label=call)
            ok = isinstance(sizes, tuple | list) and len(sizes) == 3 and all(
                np.ndim(n) == 0 and n == e for n, e in zip(sizes, expected, strict=True))
            ex.expect_true(ok, call, f"expected {expected}, got {sizes!r}")


def grade_initialize_parameters(initialize_parameters):
    with exercise("initialize_parameters (hidden tests)") as ex:
        for seed, sizes in [(1, (3, 5, 1)), (7, (12, 1, 2)), (4, (2, 50, 1))]:
            call = f"np.random.seed({seed}); initialize_parameters{sizes}"
            np.random.seed(seed)
            expected = reference.initialize_parameters(*sizes)
            np.random.seed(seed)
            ex.expect_dict(ex.call(initialize_parameters, *sizes, label=call), expected, call)


def grade_forward_propagation(forward_propagation):
    rng = np.random.default_rng(SEED)
    with exercise("forward_propagation (hidden tests)") as ex:
        for n_x, n_h, m in [(3, 5, 7), (2, 1, 4), (4, 50, 1)]:
            parameters, X, _ = _network(rng, n_x, n_h, m)
            sizes = f"[n_x={n_x}, n_h={n_h}, m={m}]"
            call = f"{sizes} forward_propagation(X, parameters)"
            result = ex.call(forward_propagation, X, _copy(parameters), label=call)
            ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                           "expected two results, `return A2, cache`")
            A2, cache = reference.forward_propagation(X, parameters)
            ex.expect_array(result[0], A2, f"{sizes} A2 of forward_propagation(X, parameters)")
            ex.expect_dict(result[1], cache,
                           f"{sizes} cache of forward_propagation(X, parameters)")


def grade_compute_cost(compute_cost):
    rng = np.random.default_rng(SEED)
    with exercise("compute_cost (hidden tests)") as ex:
        for m in [10, 1, 250]:
            A2 = rng.uniform(0.01, 0.99, size=(1, m))
            Y = (rng.random((1, m)) < 0.5).astype(int)
            call = f"compute_cost(A2, Y)  # m={m}"
            ex.expect_scalar(ex.call(compute_cost, A2, Y, label=call),
                             reference.compute_cost(A2, Y), call)


def _gradient_check(ex, backward_propagation, forward_propagation, compute_cost, rng):
    """backward_propagation against numerical gradients of forward_propagation + compute_cost."""
    parameters, X, Y = _network(rng, 3, 4, 6)
    call = "gradient check of backward_propagation against numerical gradients of " \
           "your forward_propagation + compute_cost (n_x=3, n_h=4, m=6)"
    result = ex.call(forward_propagation, X, _copy(parameters), label=call)
    ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                   "forward_propagation must return two results, `A2, cache`")
    grads = ex.call(backward_propagation, _copy(parameters), result[1], X, Y, label=call)
    ex.expect_true(isinstance(grads, dict) and all(f"d{n}" in grads for n in NAMES), call,
                   "expected a dict with keys dW1, db1, dW2, db2")

    def cost(params):
        # a cost returned as a (1, 1) array is compute_cost's own mistake, graded there
        return float(np.asarray(compute_cost(forward_propagation(X, params)[0], Y)).squeeze())

    try:
        gradcheck(cost, parameters, {name: grads[f"d{name}"] for name in NAMES})
    except CheckFailure as failure:
        ex.fail(call, str(failure).removeprefix("gradient check: ") + ". The gradients must be "
                "those of the cost your forward_propagation and compute_cost compute: if "
                "backward_propagation follows the equations, check those two functions")
    except Exception as error:  # noqa: BLE001 - the student's forward pass or cost crashed
        ex.fail(call, f"raised {type(error).__name__}: {error}")
    ex.count += 1


def grade_backward_propagation(backward_propagation, forward_propagation=None,
                               compute_cost=None):
    """Compare with the reference on fixed inputs, then check the gradients numerically.

    The notebook passes the student's own forward_propagation and compute_cost; without
    them the numerical gradients come from the reference's.
    """
    rng = np.random.default_rng(SEED)
    with exercise("backward_propagation (hidden tests)") as ex:
        for n_x, n_h, m in [(3, 5, 7), (2, 1, 4), (4, 6, 1)]:
            parameters, X, Y = _network(rng, n_x, n_h, m)
            _, cache = reference.forward_propagation(X, parameters)
            call = f"[n_x={n_x}, n_h={n_h}, m={m}] backward_propagation(parameters, cache, X, Y)"
            grads = ex.call(backward_propagation, _copy(parameters), _copy(cache), X, Y,
                            label=call)
            ex.expect_dict(grads, reference.backward_propagation(parameters, cache, X, Y), call)
        _gradient_check(ex, backward_propagation,
                        forward_propagation or reference.forward_propagation,
                        compute_cost or reference.compute_cost, rng)


def grade_update_parameters(update_parameters):
    rng = np.random.default_rng(SEED)
    with exercise("update_parameters (hidden tests)") as ex:
        for n_x, n_h, learning_rate in [(3, 5, 0.5), (2, 1, 0.01), (4, 6, None)]:
            parameters, _, _ = _network(rng, n_x, n_h, 1)
            grads = {f"d{name}": rng.normal(size=value.shape)
                     for name, value in parameters.items()}
            if learning_rate is None:
                call = f"[n_x={n_x}, n_h={n_h}] update_parameters(parameters, grads)"
                args = (_copy(parameters), _copy(grads))
                expected = reference.update_parameters(parameters, grads)
            else:
                call = (f"[n_x={n_x}, n_h={n_h}] "
                        f"update_parameters(parameters, grads, {learning_rate})")
                args = (_copy(parameters), _copy(grads), learning_rate)
                expected = reference.update_parameters(parameters, grads, learning_rate)
            ex.expect_dict(ex.call(update_parameters, *args, label=call), expected, call)


def grade_nn_model(nn_model):
    rng = np.random.default_rng(SEED)
    with exercise("nn_model (hidden tests)") as ex:
        for n_x, n_h, m, iterations, learning_rate in [(2, 5, 40, 300, 0.5), (3, 2, 25, 150, 1.2),
                                                       (2, 4, 30, 100, None)]:
            X = rng.normal(size=(n_x, m))
            Y = (X[0:1] * X[-1:] > 0).astype(int)
            args = (X, Y, n_h, iterations) + (() if learning_rate is None else (learning_rate,))
            call = (f"[X ({n_x}, {m})] np.random.seed(1); "
                    f"nn_model(X, Y, {', '.join(map(str, args[2:]))})")
            np.random.seed(1)
            expected = reference.nn_model(*args)
            np.random.seed(1)
            ex.expect_dict(ex.call(nn_model, *args, label=call), expected, call,
                           rtol=1e-6, atol=1e-8)


def grade_predict(predict):
    rng = np.random.default_rng(SEED)
    with exercise("predict (hidden tests)") as ex:
        for n_x, n_h, m in [(2, 4, 50), (5, 20, 9), (3, 1, 1)]:
            parameters, X, _ = _network(rng, n_x, n_h, m, scale=2.0)
            call = f"predict(parameters, X)  # n_x={n_x}, n_h={n_h}, m={m}"
            ex.expect_array(ex.call(predict, _copy(parameters), X, label=call),
                            reference.predict(parameters, X), call)
