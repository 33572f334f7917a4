"""Hidden tests for 07_deep_network: new inputs and sizes, compared with the reference.

Each function is graded on its own: its inputs and caches come from the reference's forward
pass, the helpers it calls are bound to the reference's while it runs, and every backward
function is also checked against numerical gradients of the reference's forward pass.
"""

import contextlib
import io

import numpy as np

from autograder.reference import deep_network as reference
from course_utils.checks.core import CheckFailure, call_with_helpers, exercise
from course_utils.gradcheck import gradcheck

SEED = 20261206
ACTIVATIONS = {"sigmoid": reference.sigmoid, "relu": reference.relu}
BACKWARD_ACTIVATIONS = {"sigmoid_backward": reference.sigmoid_backward,
                        "relu_backward": reference.relu_backward}


def _keys(value):
    """The sorted keys of a dict, else the value itself: what a failure shows."""
    return sorted(value) if isinstance(value, dict) else repr(value)


def _copy(value):
    """A deep copy of arrays in dicts, lists and tuples."""
    if isinstance(value, dict):
        return {name: _copy(item) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_copy(item) for item in value)
    return np.array(value, copy=True) if isinstance(value, np.ndarray) else value


def _network(rng, layer_dims, m):
    """Random parameters (weights scaled by 1/sqrt(n_prev)), X (n_x, m) and Y (1, m).

    Pre-activations stay at least 0.01 away from ReLU's kink, so numerical gradients are exact.
    """
    while True:
        parameters = {}
        for l in range(1, len(layer_dims)):
            parameters[f"W{l}"] = rng.normal(size=(layer_dims[l], layer_dims[l - 1])) \
                / np.sqrt(layer_dims[l - 1])
            parameters[f"b{l}"] = rng.normal(scale=0.3, size=(layer_dims[l], 1))
        X = rng.normal(size=(layer_dims[0], m))
        Y = (rng.random((1, m)) < 0.5).astype(int)
        _, caches = reference.L_model_forward(X, parameters)
        if all(np.min(np.abs(z)) > 0.01 for _, z in caches):
            return parameters, X, Y


def _layer(rng, n_prev, n, m):
    """A_prev (n_prev, m), W (n, n_prev), b (n, 1) with |Z| > 0.01 everywhere."""
    parameters, A_prev, _ = _network(rng, [n_prev, n], m)
    return A_prev, parameters["W1"], parameters["b1"]


def _gradient_check(ex, call, cost_of, point, analytic):
    """Numerical gradients of cost_of(point) against the analytic ones, as a check."""
    try:
        gradcheck(cost_of, point, analytic)
    except CheckFailure as failure:
        ex.fail(call, str(failure).removeprefix("gradient check: "))
    ex.count += 1


def grade_initialize_parameters_deep(initialize_parameters_deep):
    with exercise("initialize_parameters_deep (hidden tests)") as ex:
        for seed, layer_dims in [(3, [1000, 80, 40, 1]), (5, [600, 700]), (2, [4, 1])]:
            call = f"np.random.seed({seed}); initialize_parameters_deep({layer_dims})"
            np.random.seed(seed)
            parameters = ex.call(initialize_parameters_deep, list(layer_dims), label=call)
            expected = {f"{kind}{l}" for l in range(1, len(layer_dims)) for kind in "Wb"}
            ex.expect_true(isinstance(parameters, dict) and set(parameters) == expected, call,
                           f"expected a dict with keys {sorted(expected)}, got "
                           f"{_keys(parameters)}")
            for l in range(1, len(layer_dims)):
                n, n_prev = layer_dims[l], layer_dims[l - 1]
                weights, bias = parameters[f"W{l}"], parameters[f"b{l}"]
                where = f"{call}['W{l}']"
                ex.expect_true(isinstance(weights, np.ndarray) and weights.shape == (n, n_prev),
                               where, f"expected shape {(n, n_prev)}, got "
                               f"{getattr(weights, 'shape', type(weights).__name__)}")
                ex.expect_array(bias, np.zeros((n, 1)), f"{call}['b{l}']")
                if weights.size < 1000:
                    continue
                expected_std = np.sqrt(2 / n_prev)
                std = float(np.std(weights))
                ex.expect_true(abs(std / expected_std - 1) < 0.1, where,
                               f"expected He initialisation, standard deviation sqrt(2 / "
                               f"{n_prev}) = {expected_std:.4f}, got {std:.4f}")
                ex.expect_true(abs(float(np.mean(weights))) < 0.1 * expected_std, where,
                               f"expected weights of mean 0, got mean "
                               f"{float(np.mean(weights)):.4f}")


def grade_linear_forward(linear_forward):
    rng = np.random.default_rng(SEED)
    with exercise("linear_forward (hidden tests)") as ex:
        for n_prev, n, m in [(5, 4, 7), (1, 3, 1), (20, 1, 9)]:
            A_prev, W, b = _layer(rng, n_prev, n, m)
            call = f"linear_forward(A_prev, W, b)  # A_prev ({n_prev}, {m}), W ({n}, {n_prev})"
            result = ex.call(linear_forward, A_prev, W, b, label=call)
            ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                           "expected two results, `return Z, cache`")
            Z, cache = reference.linear_forward(A_prev, W, b)
            ex.expect_array(result[0], Z, f"Z of {call}")
            ex.expect_true(isinstance(result[1], tuple | list) and len(result[1]) == 3, call,
                           "expected the cache `(A, W, b)`")
            for name, value, wanted in zip("AWb", result[1], cache, strict=True):
                ex.expect_array(value, wanted, f"{call}, item {name} of the cache")


def _forward_helpers():
    return {"linear_forward": reference.linear_forward, **ACTIVATIONS}


def grade_linear_activation_forward(linear_activation_forward):
    rng = np.random.default_rng(SEED)
    with exercise("linear_activation_forward (hidden tests)") as ex:
        for (n_prev, n, m), activation in [((4, 3, 6), "relu"), ((4, 3, 6), "sigmoid"),
                                           ((2, 5, 1), "relu"), ((7, 1, 3), "sigmoid")]:
            A_prev, W, b = _layer(rng, n_prev, n, m)
            call = (f'linear_activation_forward(A_prev, W, b, "{activation}")  '
                    f"# A_prev ({n_prev}, {m}), W ({n}, {n_prev})")
            result = ex.call(linear_activation_forward, A_prev, W, b, activation, label=call,
                             helpers=_forward_helpers())
            ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                           "expected two results, `return A, cache`")
            A, (linear_cache, Z) = reference.linear_activation_forward(A_prev, W, b, activation)
            ex.expect_array(result[0], A, f"A of {call}")
            cache = result[1]
            ex.expect_true(isinstance(cache, tuple | list) and len(cache) == 2
                           and isinstance(cache[0], tuple | list) and len(cache[0]) == 3, call,
                           "expected the cache `((A_prev, W, b), Z)`")
            for name, value, wanted in zip("AWb", cache[0], linear_cache, strict=True):
                ex.expect_array(value, wanted, f"{call}, item {name} of the linear cache")
            ex.expect_array(cache[1], Z, f"activation_cache (Z) of {call}")


def grade_L_model_forward(L_model_forward):
    rng = np.random.default_rng(SEED)
    helpers = {"linear_activation_forward": reference.linear_activation_forward,
               **_forward_helpers()}
    with exercise("L_model_forward (hidden tests)") as ex:
        for layer_dims, m in [([4, 5, 3, 1], 6), ([3, 1], 4), ([6, 4, 4, 4, 2, 1], 2)]:
            parameters, X, _ = _network(rng, layer_dims, m)
            call = f"L_model_forward(X, parameters)  # layer_dims {layer_dims}, m = {m}"
            result = ex.call(L_model_forward, X, _copy(parameters), label=call, helpers=helpers)
            ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                           "expected two results, `return AL, caches`")
            AL, caches = reference.L_model_forward(X, parameters)
            ex.expect_array(result[0], AL, f"AL of {call}")
            got = result[1]
            ex.expect_true(isinstance(got, list | tuple) and len(got) == len(caches), call,
                           f"expected a list of {len(caches)} caches, one per layer, got "
                           f"{len(got) if isinstance(got, list | tuple) else got!r}")
            for l, ((linear_cache, Z), cache) in enumerate(zip(caches, got, strict=True)):
                where = f"caches[{l}] (layer {l + 1}) of {call}"
                ok = (isinstance(cache, tuple | list) and len(cache) == 2
                      and isinstance(cache[0], tuple | list) and len(cache[0]) == 3)
                ex.expect_true(ok, where, "expected `((A_prev, W, b), Z)`")
                for name, value, wanted in zip("AWb", cache[0], linear_cache, strict=True):
                    ex.expect_array(value, wanted, f"{where}, item {name} of the linear cache")
                ex.expect_array(cache[1], Z, f"activation_cache (Z) of {where}")


def grade_compute_cost(compute_cost):
    rng = np.random.default_rng(SEED)
    with exercise("compute_cost (hidden tests)") as ex:
        for m in [10, 1, 300]:
            AL = rng.uniform(0.01, 0.99, size=(1, m))
            Y = (rng.random((1, m)) < 0.5).astype(int)
            call = f"compute_cost(AL, Y)  # m = {m}"
            ex.expect_scalar(ex.call(compute_cost, AL, Y, label=call),
                             reference.compute_cost(AL, Y), call)


def _layer_costs(A_prev, W, b, G, activation):
    """Costs whose gradients linear(_activation)_backward returns, for an upstream gradient G.

    J = sum(G * out) / m has dJ/dW = dW and dJ/db = db; dA_prev is the gradient of m * J
    (the classic course's convention: dA_prev is not divided by m).
    """
    m = A_prev.shape[1]

    def output(point):
        Z, _ = reference.linear_forward(point["A_prev"], point["W"], point["b"])
        return Z if activation is None else ACTIVATIONS[activation](Z)[0]

    return (lambda point: float(np.sum(G * output({"A_prev": A_prev, **point})) / m),
            lambda point: float(np.sum(G * output({"W": W, "b": b, **point}))))


def _check_layer_gradients(ex, call, A_prev, W, b, G, activation, result):
    mean_cost, sum_cost = _layer_costs(A_prev, W, b, G, activation)
    dA_prev, dW, db = result
    _gradient_check(ex, f"gradient check of {call}", mean_cost, {"W": W, "b": b},
                    {"W": dW, "b": db})
    _gradient_check(ex, f"gradient check of {call}", sum_cost, {"A_prev": A_prev},
                    {"A_prev": dA_prev})


def grade_linear_backward(linear_backward):
    rng = np.random.default_rng(SEED)
    with exercise("linear_backward (hidden tests)") as ex:
        for n_prev, n, m in [(5, 4, 7), (3, 2, 1), (1, 6, 4)]:
            A_prev, W, b = _layer(rng, n_prev, n, m)
            dZ = rng.normal(size=(n, m))
            call = (f"linear_backward(dZ, (A_prev, W, b))  # dZ ({n}, {m}), "
                    f"A_prev ({n_prev}, {m}), W ({n}, {n_prev})")
            result = ex.call(linear_backward, dZ, (A_prev, W, b), label=call)
            ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                           "expected three results, `return dA_prev, dW, db`")
            for name, value, wanted in zip(("dA_prev", "dW", "db"), result,
                                           reference.linear_backward(dZ, (A_prev, W, b)),
                                           strict=True):
                ex.expect_array(value, wanted, f"{name} of {call}")
            _check_layer_gradients(ex, call, A_prev, W, b, dZ, None, result)


def grade_linear_activation_backward(linear_activation_backward):
    rng = np.random.default_rng(SEED)
    helpers = {"linear_backward": reference.linear_backward, **BACKWARD_ACTIVATIONS}
    with exercise("linear_activation_backward (hidden tests)") as ex:
        for (n_prev, n, m), activation in [((4, 3, 6), "relu"), ((4, 3, 6), "sigmoid"),
                                           ((2, 5, 1), "relu"), ((6, 1, 3), "sigmoid")]:
            A_prev, W, b = _layer(rng, n_prev, n, m)
            dA = rng.normal(size=(n, m))
            _, cache = reference.linear_activation_forward(A_prev, W, b, activation)
            call = (f'linear_activation_backward(dA, cache, "{activation}")  # dA ({n}, {m}), '
                    f"A_prev ({n_prev}, {m}), W ({n}, {n_prev})")
            result = ex.call(linear_activation_backward, dA, _copy(cache), activation,
                             label=call, helpers=helpers)
            ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                           "expected three results, `return dA_prev, dW, db`")
            expected = reference.linear_activation_backward(dA, cache, activation)
            for name, value, wanted in zip(("dA_prev", "dW", "db"), result, expected,
                                           strict=True):
                ex.expect_array(value, wanted, f"{name} of {call}")
            _check_layer_gradients(ex, call, A_prev, W, b, dA, activation, result)


def grade_L_model_backward(L_model_backward):
    rng = np.random.default_rng(SEED)
    helpers = {"linear_activation_backward": reference.linear_activation_backward,
               "linear_backward": reference.linear_backward, **BACKWARD_ACTIVATIONS}
    with exercise("L_model_backward (hidden tests)") as ex:
        for layer_dims, m in [([4, 5, 3, 1], 6), ([3, 1], 4), ([5, 4, 4, 3, 1], 3)]:
            parameters, X, Y = _network(rng, layer_dims, m)
            AL, caches = reference.L_model_forward(X, parameters)
            call = f"L_model_backward(AL, Y, caches)  # layer_dims {layer_dims}, m = {m}"
            grads = ex.call(L_model_backward, AL, Y, _copy(caches), label=call, helpers=helpers)
            ex.expect_dict(grads, reference.L_model_backward(AL, Y, caches), call)

            def cost(point, parameters=parameters, X=X, Y=Y):
                return reference.compute_cost(reference.L_model_forward(X, point)[0], Y)

            def input_cost(point, parameters=parameters, Y=Y, m=m):
                # dA0 is the gradient of m * J: the classic course's dA is not divided by m
                return m * reference.compute_cost(
                    reference.L_model_forward(point["X"], parameters)[0], Y)

            _gradient_check(ex, f"gradient check of {call}", cost, parameters,
                            {name: grads["d" + name] for name in parameters})
            _gradient_check(ex, f"gradient check of {call}", input_cost, {"X": X},
                            {"X": grads["dA0"]})


def grade_update_parameters(update_parameters):
    rng = np.random.default_rng(SEED)
    with exercise("update_parameters (hidden tests)") as ex:
        for layer_dims, learning_rate in [([3, 4, 2, 1], 0.5), ([2, 1], 0.01),
                                          ([5, 3, 3, 3, 1], 1.2)]:
            parameters, _, _ = _network(rng, layer_dims, 1)
            grads = {f"d{name}": rng.normal(size=value.shape)
                     for name, value in parameters.items()}
            grads.update({f"dA{l}": rng.normal(size=(layer_dims[l], 1))
                          for l in range(len(layer_dims) - 1)})
            call = f"update_parameters(parameters, grads, {learning_rate})  # {layer_dims}"
            updated = ex.call(update_parameters, _copy(parameters), _copy(grads), learning_rate,
                              label=call)
            expected = reference.update_parameters(parameters, grads, learning_rate)
            ex.expect_dict(updated, expected, call)
            ex.expect_true(len(updated) == len(expected), call,
                           f"expected only the parameters {sorted(expected)}, got keys "
                           f"{sorted(updated)}")


def _model_helpers(start):
    """Everything L_layer_model calls: the reference's, and a fixed initialisation."""
    return {"initialize_parameters_deep": lambda layers_dims: _copy(start),
            "L_model_forward": reference.L_model_forward,
            "compute_cost": reference.compute_cost,
            "L_model_backward": reference.L_model_backward,
            "update_parameters": reference.update_parameters,
            "linear_activation_forward": reference.linear_activation_forward,
            "linear_activation_backward": reference.linear_activation_backward,
            "linear_forward": reference.linear_forward,
            "linear_backward": reference.linear_backward,
            **ACTIVATIONS, **BACKWARD_ACTIVATIONS}


def grade_L_layer_model(L_layer_model):
    rng = np.random.default_rng(SEED)
    with exercise("L_layer_model (hidden tests)") as ex:
        # Past iteration 100, so that two costs are recorded, and no further: while it is
        # graded, each of L_layer_model's calls to its helpers is a call into the grader.
        for layer_dims, m, kwargs in [([2, 4, 3, 1], 40, {"learning_rate": 0.3,
                                                          "num_iterations": 101}),
                                      ([3, 1], 25, {"num_iterations": 101}),
                                      ([2, 5, 1], 30, {"learning_rate": 0.05,
                                                       "num_iterations": 120})]:
            start, X, _ = _network(rng, layer_dims, m)
            Y = (X[0:1] * X[-1:] > 0).astype(int)
            arguments = ", ".join(f"{name}={value}" for name, value in kwargs.items())
            call = (f"L_layer_model(X, Y, {layer_dims}, {arguments})  # X {X.shape}, with "
                    "initialize_parameters_deep giving fixed parameters")
            helpers = _model_helpers(start)
            result = ex.call(L_layer_model, X, Y, list(layer_dims), label=call, kwargs=kwargs,
                             helpers=helpers)
            ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                           "expected two results, `return parameters, costs`")
            parameters, costs = call_with_helpers(reference.L_layer_model,
                                                  (X, Y, list(layer_dims)), kwargs, helpers)
            ex.expect_dict(result[0], parameters, f"parameters of {call}", rtol=1e-6,
                           atol=1e-8)
            got = result[1]
            ex.expect_true(isinstance(got, list | tuple | np.ndarray)
                           and np.size(got) == len(costs), f"costs of {call}",
                           f"expected {len(costs)} costs, one every 100 iterations from "
                           f"iteration 0, got {np.size(got)}")
            ex.expect_array(np.ravel(np.asarray(got, dtype=float)), np.array(costs),
                            f"costs of {call}", rtol=1e-6, atol=1e-8)


def grade_predict(predict):
    rng = np.random.default_rng(SEED)
    helpers = {"L_model_forward": reference.L_model_forward,
               "linear_activation_forward": reference.linear_activation_forward,
               "linear_forward": reference.linear_forward, **ACTIVATIONS}
    with exercise("predict (hidden tests)") as ex:
        for layer_dims, m in [([2, 4, 1], 50), ([5, 6, 3, 1], 9), ([3, 1], 1)]:
            parameters, X, y = _network(rng, layer_dims, m)
            call = f"predict(X, y, parameters)  # layer_dims {layer_dims}, m = {m}"
            result = ex.call(predict, X, y, _copy(parameters), label=call, helpers=helpers)
            with contextlib.redirect_stdout(io.StringIO()):
                expected = reference.predict(X, y, parameters)
            ex.expect_array(result, expected, call)
