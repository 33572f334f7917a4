"""Hidden tests for 04_shallow_network: new inputs and sizes, compared with the reference, and a
gradient check of backward_propagation against the reference's forward pass and cost.

Each function is graded on its own: the notebook's functions it calls are the reference's
while it runs (`helpers`). Randomness is graded by its properties, never by one seed's
stream: initialize_parameters by shapes, zero biases and the weights' scale; nn_model by
its cost falling and the accuracy it reaches. Optional arguments go by keyword.
"""

import numpy as np

from autograder.reference import shallow_network as reference
from course_utils.checks.core import CheckFailure, exercise
from course_utils.checks.shallow_network import expect_initialization
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


# The notebook's functions each graded function may call.
HELPERS = {"forward_propagation": ("sigmoid",),
           "nn_model": ("layer_sizes", "initialize_parameters", "forward_propagation",
                        "compute_cost", "backward_propagation", "update_parameters", "sigmoid"),
           "predict": ("forward_propagation", "sigmoid")}


def helpers(function: str) -> dict:
    """The reference's versions of the functions `function` may call."""
    return {name: getattr(reference, name) for name in HELPERS.get(function, ())}


def _copy(arrays):
    return {name: np.array(value, copy=True) for name, value in arrays.items()}


def grade_layer_sizes(layer_sizes):
    with exercise("layer_sizes (hidden tests)") as ex:
        # The cat images' 12,288 features, for a few examples: the sizes come from the shapes,
        # and 209 examples would be 20 MB sent into the kernel and back.
        for x_shape, y_shape in [((7, 11), (3, 11)), ((12288, 6), (1, 6)), ((1, 1), (1, 1))]:
            call = f"layer_sizes(X, Y)  # X.shape == {x_shape}, Y.shape == {y_shape}"
            X, Y = np.zeros(x_shape), np.zeros(y_shape)
            expected = tuple(reference.layer_sizes(X, Y))
            sizes = ex.call(layer_sizes, X, Y, label=call)
            ok = isinstance(sizes, tuple | list) and len(sizes) == 3 and all(
                np.ndim(n) == 0 and n == e for n, e in zip(sizes, expected, strict=True))
            ex.expect_true(ok, call, f"expected {expected}, got {sizes!r}")


def grade_initialize_parameters(initialize_parameters):
    """Any seed, draw order or generator: the properties the exercise asks for."""
    with exercise("initialize_parameters (hidden tests)") as ex:
        for sizes in [(30, 20, 1), (12, 40, 2), (2, 50, 1)]:
            call = f"initialize_parameters{sizes}"
            for seed in (1, 7):
                np.random.seed(seed)
                expect_initialization(ex, ex.call(initialize_parameters, *sizes, label=call),
                                      sizes, f"np.random.seed({seed}); {call}")


def grade_forward_propagation(forward_propagation):
    rng = np.random.default_rng(SEED)
    with exercise("forward_propagation (hidden tests)") as ex:
        for n_x, n_h, m in [(3, 5, 7), (2, 1, 4), (4, 50, 1)]:
            parameters, X, _ = _network(rng, n_x, n_h, m)
            sizes = f"[n_x={n_x}, n_h={n_h}, m={m}]"
            call = f"{sizes} forward_propagation(X, parameters)"
            result = ex.call(forward_propagation, X, _copy(parameters), label=call,
                             helpers=helpers("forward_propagation"))
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


def _gradient_check(ex, backward_propagation, rng):
    """backward_propagation against numerical gradients of the reference's forward + cost."""
    parameters, X, Y = _network(rng, 3, 4, 6)
    call = ("gradient check of backward_propagation against numerical gradients of "
            "forward_propagation + compute_cost (n_x=3, n_h=4, m=6)")
    _, cache = reference.forward_propagation(X, parameters)
    grads = ex.call(backward_propagation, _copy(parameters), _copy(cache), X, Y, label=call)
    ex.expect_true(isinstance(grads, dict) and all(f"d{n}" in grads for n in NAMES), call,
                   "expected a dict with keys dW1, db1, dW2, db2")

    def cost(params):
        return reference.compute_cost(reference.forward_propagation(X, params)[0], Y)

    try:
        gradcheck(cost, parameters, {name: grads[f"d{name}"] for name in NAMES})
    except CheckFailure as failure:
        ex.fail(call, str(failure).removeprefix("gradient check: "))
    except (TypeError, ValueError) as error:
        ex.fail(call, f"the gradients are not arrays of numbers ({error})")
    ex.count += 1


def grade_backward_propagation(backward_propagation):
    """Compare with the reference on fixed inputs, then check the gradients numerically
    against the reference's forward_propagation and compute_cost."""
    rng = np.random.default_rng(SEED)
    with exercise("backward_propagation (hidden tests)") as ex:
        for n_x, n_h, m in [(3, 5, 7), (2, 1, 4), (4, 6, 1)]:
            parameters, X, Y = _network(rng, n_x, n_h, m)
            _, cache = reference.forward_propagation(X, parameters)
            call = f"[n_x={n_x}, n_h={n_h}, m={m}] backward_propagation(parameters, cache, X, Y)"
            grads = ex.call(backward_propagation, _copy(parameters), _copy(cache), X, Y,
                            label=call)
            ex.expect_dict(grads, reference.backward_propagation(parameters, cache, X, Y), call)
        _gradient_check(ex, backward_propagation, rng)


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
                        f"update_parameters(parameters, grads, learning_rate={learning_rate})")
                args = (_copy(parameters), _copy(grads))
                expected = reference.update_parameters(parameters, grads, learning_rate)
            kwargs = {} if learning_rate is None else {"learning_rate": learning_rate}
            ex.expect_dict(ex.call(update_parameters, *args, kwargs=kwargs, label=call),
                           expected, call)


def expect_training(ex, parameters, X, Y, n_h, call, accuracy):
    """A trained network: the right shapes, a cost below the untrained one, and `accuracy`
    reached on the training data (whatever the seed the weights started from)."""
    n_x, n_y = X.shape[0], Y.shape[0]
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    ex.expect_true(isinstance(parameters, dict) and set(shapes) <= set(parameters), call,
                   f"expected a dict with keys {sorted(shapes)}, got "
                   + (f"keys {sorted(parameters)}" if isinstance(parameters, dict)
                      else type(parameters).__name__))
    for name, shape in shapes.items():
        value = parameters[name]
        ex.expect_true(isinstance(value, np.ndarray) and value.shape == shape,
                       f"{call}[{name!r}]", f"expected shape {shape}, got "
                       + (f"{value.shape}" if isinstance(value, np.ndarray)
                          else type(value).__name__))
    A2, _ = reference.forward_propagation(X, parameters)
    cost = reference.compute_cost(A2, Y) if np.all((A2 > 0) & (A2 < 1)) else np.inf
    ex.expect_true(cost < np.log(2) - 0.05, call,
                   f"the cost after training is {cost:.4f}, not below the untrained "
                   f"network's {np.log(2):.4f}: the parameters are not being learned")
    reached = float(np.mean((A2 > 0.5) == Y))
    ex.expect_true(reached >= accuracy, call,
                   f"the trained network classifies {reached:.0%} of the training examples "
                   f"right; a correct nn_model reaches at least {accuracy:.0%} on them")


def grade_nn_model(nn_model):
    """Trained from any starting weights: the cost falls and the accuracy is reached.

    The notebook's functions nn_model calls are the reference's while it runs; the
    learning rate and the number of iterations go by keyword.
    """
    rng = np.random.default_rng(SEED)
    with exercise("nn_model (hidden tests)") as ex:
        # Iterations enough for the reference from any of 200 seeds (the worst reaches 87.5 %
        # on the first problem), and no more: while it is graded, each of nn_model's calls to
        # its helpers is a call into the grader. One problem needs the hidden layer (the sign
        # of a product); the other is separable, learnt in a few dozen steps at the default
        # learning rate.
        for n_x, n_h, m, iterations, learning_rate, accuracy, seed, separable in [
                (2, 5, 40, 180, 3.0, 0.85, 1, False), (3, 4, 30, 60, None, 0.95, 3, True)]:
            X = rng.normal(size=(n_x, m))
            Y = (X[0:1] + 0.5 * X[-1:] > 0 if separable else X[0:1] * X[-1:] > 0).astype(int)
            kwargs = {"num_iterations": iterations}
            if learning_rate is not None:
                kwargs["learning_rate"] = learning_rate
            settings = ", ".join(f"{k}={v}" for k, v in kwargs.items())
            call = f"nn_model(X, Y, {n_h}, {settings})  # X ({n_x}, {m})"
            np.random.seed(seed)
            parameters = ex.call(nn_model, X, Y, n_h, kwargs=kwargs, label=call,
                                 helpers=helpers("nn_model"))
            expect_training(ex, parameters, X, Y, n_h, f"np.random.seed({seed}); {call}",
                            accuracy)
        X = rng.normal(size=(3, 10))
        Y = (X[0:1] > 0).astype(int)
        for kwargs in [{"num_iterations": 3, "learning_rate": 0.0}, {"num_iterations": 0}]:
            settings = ", ".join(f"{k}={v}" for k, v in kwargs.items())
            call = f"nn_model(X, Y, 6, {settings})  # nothing to learn: the initial parameters"
            expect_initialization(ex, ex.call(nn_model, X, Y, 6, kwargs=kwargs, label=call,
                                              helpers=helpers("nn_model")), (3, 6, 1), call)


def grade_predict(predict):
    rng = np.random.default_rng(SEED)
    with exercise("predict (hidden tests)") as ex:
        for n_x, n_h, m in [(2, 4, 50), (5, 20, 9), (3, 1, 1)]:
            parameters, X, _ = _network(rng, n_x, n_h, m, scale=2.0)
            call = f"predict(parameters, X)  # n_x={n_x}, n_h={n_h}, m={m}"
            ex.expect_array(ex.call(predict, _copy(parameters), X, label=call,
                                    helpers=helpers("predict")),
                            reference.predict(parameters, X), call)
