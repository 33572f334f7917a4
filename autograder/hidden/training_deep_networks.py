"""Hidden tests for 08_training_deep_networks: new inputs and sizes, compared with the reference.

Random functions are graded by their properties (the checks of
`course_utils.checks.training_deep_networks`), never by one seed's numbers; a function that
calls a helper of the notebook (`compute_cost`, `forward_propagation_n`) is graded with the
reference's helper bound in its place.
"""

import numpy as np

from autograder.reference import training_deep_networks as reference
from course_utils.checks.core import exercise
from course_utils.checks.training_deep_networks import (
    expect_dropout_masks,
    expect_he_parameters,
    expect_mini_batches,
    expect_small_difference,
    same_mini_batches,
)

SEED = 20261206
GRADIENT_NAMES = ("dW1", "db1", "dW2", "db2", "dW3", "db3")


def _network(rng, sizes, scale=1.0):
    """Random parameters W1, b1, ... of a network with layer sizes [n_x, n_1, ..., n_L]."""
    parameters = {}
    for layer in range(1, len(sizes)):
        parameters[f"W{layer}"] = rng.normal(scale=scale, size=(sizes[layer], sizes[layer - 1]))
        parameters[f"b{layer}"] = rng.normal(scale=0.5, size=(sizes[layer], 1))
    return parameters


def _data(rng, n_x, m):
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(int)
    return X, Y


def _copy(arrays):
    return {name: np.array(value, copy=True) for name, value in arrays.items()}


def _like(rng, parameters, positive=False):
    """Random arrays named dW1, db1, ... of the parameters' shapes (positive ones for s)."""
    arrays = {f"d{name}": rng.normal(size=value.shape) for name, value in parameters.items()}
    return {key: value ** 2 for key, value in arrays.items()} if positive else arrays


def _gradients(grads):
    """The six gradients dW1 ... db3 of a backward pass's dict (other keys are optional)."""
    return {name: grads[name] for name in GRADIENT_NAMES}


def _expect_gradients(ex, grads, expected, call):
    ex.expect_true(isinstance(grads, dict), call, f"expected a dict of gradients, got "
                                                  f"{type(grads).__name__}")
    ex.expect_dict(grads, _gradients(expected), call)


# ---------------------------------------------------------------- initialization


def grade_initialize_parameters_he(initialize_parameters_he):
    with exercise("initialize_parameters_he (hidden tests)") as ex:
        for layers_dims in ([5, 4, 3], [2, 1], [1000, 50, 400, 20], [12, 3000, 4]):
            call = f"initialize_parameters_he({layers_dims})"
            parameters = ex.call(initialize_parameters_he, layers_dims, label=call)
            stds = [float(np.sqrt(2 / n)) for n in layers_dims[:-1]]
            expect_he_parameters(ex, parameters, layers_dims, stds, call)


# ---------------------------------------------------------------- regularization


def grade_compute_cost_with_regularization(compute_cost_with_regularization):
    rng = np.random.default_rng(SEED)
    with exercise("compute_cost_with_regularization (hidden tests)") as ex:
        for sizes, m, lambd in [([3, 5, 4, 1], 7, 0.1), ([2, 1, 6, 1], 1, 2.0),
                                ([4, 20, 3, 1], 30, 0.7)]:
            parameters = _network(rng, sizes)
            A3 = rng.uniform(0.05, 0.95, size=(1, m))
            Y = (rng.random((1, m)) < 0.5).astype(int)
            call = f"[layers {sizes}, m={m}] compute_cost_with_regularization(A3, Y, " \
                   f"parameters, {lambd})"
            cost = ex.call(compute_cost_with_regularization, A3, Y, _copy(parameters), lambd,
                           label=call, helpers={"compute_cost": reference.compute_cost})
            ex.expect_scalar(cost, reference.compute_cost_with_regularization(
                A3, Y, parameters, lambd), call)


def grade_backward_propagation_with_regularization(backward_propagation_with_regularization):
    rng = np.random.default_rng(SEED)
    with exercise("backward_propagation_with_regularization (hidden tests)") as ex:
        for sizes, m, lambd in [([3, 5, 4, 1], 7, 0.1), ([2, 6, 1, 1], 3, 2.0),
                                ([4, 8, 3, 1], 1, 0.7)]:
            parameters = _network(rng, sizes)
            X, Y = _data(rng, sizes[0], m)
            _, cache = reference.forward_propagation(X, parameters)
            call = (f"[layers {sizes}, m={m}] backward_propagation_with_regularization("
                    f"X, Y, cache, {lambd})")
            grads = ex.call(backward_propagation_with_regularization, X, Y, cache, lambd,
                            label=call)
            _expect_gradients(ex, grads, reference.backward_propagation_with_regularization(
                X, Y, cache, lambd), call)


def _dropout_chain(X, parameters, masks, keep_prob):
    """The cache a dropout forward pass with these masks must give."""
    W1, b1, W2, b2, W3, b3 = (parameters[n] for n in ("W1", "b1", "W2", "b2", "W3", "b3"))
    D1, D2 = masks
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0) * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = np.maximum(Z2, 0) * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = 1 / (1 + np.exp(-Z3))
    return Z1, A1, Z2, A2, Z3, A3


def grade_forward_propagation_with_dropout(forward_propagation_with_dropout):
    rng = np.random.default_rng(SEED)
    with exercise("forward_propagation_with_dropout (hidden tests)") as ex:
        for sizes, m, keep_prob in [([3, 50, 30, 1], 200, 0.8), ([2, 40, 60, 1], 150, 0.6),
                                    ([2, 3, 2, 1], 5, None)]:
            parameters = _network(rng, sizes, scale=0.5)
            X, _ = _data(rng, sizes[0], m)
            if keep_prob is None:
                call = f"[layers {sizes}, m={m}] forward_propagation_with_dropout(X, parameters)"
                kwargs, keep_prob = {}, 0.5
            else:
                call = (f"[layers {sizes}, m={m}] forward_propagation_with_dropout(X, "
                        f"parameters, keep_prob={keep_prob})")
                kwargs = {"keep_prob": keep_prob}
            result = ex.call(forward_propagation_with_dropout, X, _copy(parameters),
                             kwargs=kwargs, label=call)
            ex.expect_true(isinstance(result, tuple | list) and len(result) == 2, call,
                           "expected two results, `return A3, cache`")
            A3, cache = result
            masks = expect_dropout_masks(ex, cache, [(sizes[1], m), (sizes[2], m)], keep_prob,
                                         call)
            Z1, A1, Z2, A2, Z3, A3_expected = _dropout_chain(X, parameters, masks, keep_prob)
            for position, name, expected in [(0, "Z1", Z1), (2, "A1", A1), (5, "Z2", Z2),
                                             (7, "A2", A2), (10, "Z3", Z3),
                                             (11, "A3", A3_expected)]:
                ex.expect_array(cache[position], expected,
                                f"{call}: {name} (cache[{position}]) computed with the masks "
                                "of the cache")
            ex.expect_array(A3, A3_expected, f"{call}: A3")


def grade_backward_propagation_with_dropout(backward_propagation_with_dropout):
    rng = np.random.default_rng(SEED)
    with exercise("backward_propagation_with_dropout (hidden tests)") as ex:
        for sizes, m, keep_prob in [([3, 5, 4, 1], 7, 0.8), ([2, 6, 3, 1], 3, 0.5),
                                    ([4, 8, 3, 1], 1, 0.9)]:
            parameters = _network(rng, sizes)
            X, Y = _data(rng, sizes[0], m)
            masks = [rng.random((n, m)) < keep_prob for n in sizes[1:3]]
            Z1, A1, Z2, A2, Z3, A3 = _dropout_chain(X, parameters, masks, keep_prob)
            cache = (Z1, masks[0], A1, parameters["W1"], parameters["b1"], Z2, masks[1], A2,
                     parameters["W2"], parameters["b2"], Z3, A3, parameters["W3"],
                     parameters["b3"])
            call = (f"[layers {sizes}, m={m}] backward_propagation_with_dropout(X, Y, cache, "
                    f"{keep_prob})")
            grads = ex.call(backward_propagation_with_dropout, X, Y, cache, keep_prob,
                            label=call)
            _expect_gradients(ex, grads, reference.backward_propagation_with_dropout(
                X, Y, cache, keep_prob), call)


# ---------------------------------------------------------------- gradient checking


def grade_gradient_check_n(gradient_check_n):
    rng = np.random.default_rng(SEED)
    helpers = {"forward_propagation_n": reference.forward_propagation_n}
    with exercise("gradient_check_n (hidden tests)") as ex:
        for sizes, m, epsilon in [([2, 3, 2, 1], 5, None), ([3, 2, 3, 1], 4, 1e-4),
                                  ([1, 4, 2, 1], 6, None)]:
            parameters = _network(rng, sizes)
            X, Y = _data(rng, sizes[0], m)
            right = reference.backward_propagation(X, Y, reference.forward_propagation(
                X, parameters)[1])
            wrong = dict(right, dW3=right["dW3"] + 0.1, db2=-right["db2"])
            kwargs = {} if epsilon is None else {"epsilon": epsilon}
            shown = "" if epsilon is None else f", epsilon={epsilon}"
            for gradients, kind in [(right, "the right gradients"),
                                    (wrong, "dW3 + 0.1 and db2 negated")]:
                call = (f"[layers {sizes}, m={m}] gradient_check_n(parameters, gradients, X, Y"
                        f"{shown})  # {kind}")
                difference = ex.call(gradient_check_n, _copy(parameters), _copy(gradients),
                                     X, Y, kwargs=kwargs, helpers=helpers, label=call)
                if gradients is right:
                    expect_small_difference(ex, difference, call)
                else:
                    ex.expect_scalar(difference, reference.gradient_check_n(
                        parameters, gradients, X, Y, **kwargs), call, rtol=1e-5)


# ---------------------------------------------------------------- optimization


def grade_random_mini_batches(random_mini_batches):
    with exercise("random_mini_batches (hidden tests)") as ex:
        for n_x, m, size, seed in [(2, 300, 64, 1), (4, 100, 32, 7), (3, 128, 64, 2),
                                   (1, 10, 16, 0)]:
            X = np.vstack([np.arange(m, dtype=float),
                           np.sin(np.arange(m * (n_x - 1))).reshape(n_x - 1, m)])
            Y = (np.arange(m).reshape(1, m) % 5 < 2).astype(int)
            kwargs = {"mini_batch_size": size, "seed": seed}
            call = (f"random_mini_batches(X, Y, mini_batch_size={size}, seed={seed})  "
                    f"# X ({n_x}, {m})")
            batches = ex.call(random_mini_batches, X, Y, kwargs=kwargs, label=call)
            expect_mini_batches(ex, batches, X, Y, size, call)
            again = ex.call(random_mini_batches, X, Y, kwargs=kwargs, label=call)
            ex.expect_true(same_mini_batches(batches, again), call,
                           "two calls with the same seed gave different mini-batches: shuffle "
                           "with the seed given, np.random.seed(seed)")
            call = call.replace(f"seed={seed}", f"seed={seed + 1}")
            other = ex.call(random_mini_batches, X, Y, label=call,
                            kwargs={"mini_batch_size": size, "seed": seed + 1})
            expect_mini_batches(ex, other, X, Y, size, call)
            ex.expect_true(not np.array_equal(batches[0][0], other[0][0]), call,
                           f"seed={seed} and seed={seed + 1} gave the same mini-batches: "
                           "shuffle with the seed given, np.random.seed(seed)")


def grade_update_parameters_with_momentum(update_parameters_with_momentum):
    rng = np.random.default_rng(SEED)
    with exercise("update_parameters_with_momentum (hidden tests)") as ex:
        for sizes, beta, learning_rate in [([3, 5, 4, 1], 0.9, 0.01), ([2, 1], 0.5, 0.3),
                                           ([4, 6, 1], 0.99, 1.0)]:
            parameters = _network(rng, sizes)
            grads, v = _like(rng, parameters), _like(rng, parameters)
            call = (f"[layers {sizes}] update_parameters_with_momentum(parameters, grads, v, "
                    f"{beta}, {learning_rate})")
            result = ex.call(update_parameters_with_momentum, _copy(parameters), _copy(grads),
                             _copy(v), beta, learning_rate, label=call, pure=False)
            ex.expect_true(isinstance(result, tuple | list) and len(result) == 2, call,
                           "expected two results, `return parameters, v`")
            expected = reference.update_parameters_with_momentum(parameters, grads, v, beta,
                                                                 learning_rate)
            ex.expect_dict(result[1], expected[1], f"v of {call}")
            ex.expect_dict(result[0], expected[0], f"parameters of {call}")


def grade_update_parameters_with_rmsprop(update_parameters_with_rmsprop):
    rng = np.random.default_rng(SEED)
    with exercise("update_parameters_with_rmsprop (hidden tests)") as ex:
        for sizes, beta2, learning_rate, epsilon in [([3, 5, 4, 1], 0.999, 0.01, None),
                                                     ([2, 1], 0.9, 0.3, 0.1),
                                                     ([4, 6, 1], 0.99, 0.001, None)]:
            parameters = _network(rng, sizes)
            grads, s = _like(rng, parameters), _like(rng, parameters, positive=True)
            kwargs = {} if epsilon is None else {"epsilon": epsilon}
            call = (f"[layers {sizes}] update_parameters_with_rmsprop(parameters, grads, s, "
                    f"{beta2}, {learning_rate}{'' if epsilon is None else f', epsilon={epsilon}'})")
            result = ex.call(update_parameters_with_rmsprop, _copy(parameters), _copy(grads),
                             _copy(s), beta2, learning_rate, kwargs=kwargs, label=call,
                             pure=False)
            ex.expect_true(isinstance(result, tuple | list) and len(result) == 2, call,
                           "expected two results, `return parameters, s`")
            expected = reference.update_parameters_with_rmsprop(parameters, grads, s, beta2,
                                                                learning_rate, **kwargs)
            ex.expect_dict(result[1], expected[1], f"s of {call}")
            ex.expect_dict(result[0], expected[0], f"parameters of {call}")


def grade_initialize_adam(initialize_adam):
    rng = np.random.default_rng(SEED)
    with exercise("initialize_adam (hidden tests)") as ex:
        for sizes in ([3, 5, 4, 1], [7, 2]):
            parameters = _network(rng, sizes)
            call = f"[layers {sizes}] initialize_adam(parameters)"
            result = ex.call(initialize_adam, _copy(parameters), label=call)
            ex.expect_true(isinstance(result, tuple | list) and len(result) == 2, call,
                           "expected two results, `return v, s`")
            expected = reference.initialize_adam(parameters)
            for name, average, zeros in zip("vs", result, expected, strict=True):
                ex.expect_dict(average, zeros, f"{name} of {call}")
                ex.expect_true(sorted(average) == sorted(zeros), f"{name} of {call}",
                               f"expected the keys {sorted(zeros)}, got {sorted(average)}")


def grade_update_parameters_with_adam(update_parameters_with_adam):
    rng = np.random.default_rng(SEED)
    names = ("parameters", "v", "s", "v_corrected", "s_corrected")
    with exercise("update_parameters_with_adam (hidden tests)") as ex:
        for sizes, t, options in [([3, 5, 4, 1], 1, {}),
                                  ([2, 1], 7, {"learning_rate": 0.1, "beta1": 0.8}),
                                  ([4, 6, 1], 100, {"beta2": 0.99, "epsilon": 0.01}),
                                  ([2, 3, 1], 3, {"learning_rate": 0.001, "beta1": 0.5,
                                                  "beta2": 0.9, "epsilon": 1e-6})]:
            parameters = _network(rng, sizes)
            grads, v = _like(rng, parameters), _like(rng, parameters)
            s = _like(rng, parameters, positive=True)
            shown = "".join(f", {key}={value}" for key, value in options.items())
            call = (f"[layers {sizes}] update_parameters_with_adam(parameters, grads, v, s, "
                    f"{t}{shown})")
            result = ex.call(update_parameters_with_adam, _copy(parameters), _copy(grads),
                             _copy(v), _copy(s), t, kwargs=options, label=call, pure=False)
            ex.expect_true(isinstance(result, tuple | list) and len(result) == 5, call,
                           "expected five results, "
                           "`return parameters, v, s, v_corrected, s_corrected`")
            expected = reference.update_parameters_with_adam(parameters, grads, v, s, t,
                                                             **options)
            for position in (1, 2, 3, 4, 0):
                ex.expect_dict(result[position], expected[position],
                               f"{names[position]} of {call}")


def grade_schedule_lr_decay(schedule_lr_decay):
    with exercise("schedule_lr_decay (hidden tests)") as ex:
        for args, interval in [((0.01, 5999, 0.5), None), ((0.3, 6000, 0.5), None),
                               ((1.0, 49, 1.0), 50), ((1.0, 50, 1.0), 50),
                               ((0.02, 1234, 3.0), 100)]:
            kwargs = {} if interval is None else {"time_interval": interval}
            shown = "" if interval is None else f", time_interval={interval}"
            call = f"schedule_lr_decay({', '.join(map(str, args))}{shown})"
            ex.expect_scalar(ex.call(schedule_lr_decay, *args, kwargs=kwargs, label=call),
                             reference.schedule_lr_decay(*args, **kwargs), call)
