"""Visible checks for 04_shallow_network. Expected values are literals, never solutions."""

import numpy as np

from course_utils.checks.core import exercise
from course_utils.checks.standins import stand_ins

TOPIC = "shallow_network"

# A small network (n_x = 2, n_h = 3, n_y = 1) and three examples, used by several checks.
X3 = np.array([[1.0, -1.5, 0.5], [2.0, 0.5, -1.0]])
Y3 = np.array([[1, 0, 1]])
PARAMETERS = {"W1": np.array([[0.3, -0.2], [0.1, 0.4], [-0.5, 0.25]]),
              "b1": np.array([[0.1], [-0.2], [0.05]]),
              "W2": np.array([[0.6, -0.8, 0.7]]),
              "b2": np.array([[-0.1]])}
CACHE = {"Z1": np.array([[0.0, -0.45, 0.45], [0.7, -0.15, -0.55], [0.05, 0.925, -0.45]]),
         "A1": np.array([[0.0, -0.4218990052500079, 0.4218990052500079],
                         [0.6043677771171634, -0.14888503362331798, -0.5005202111902353],
                         [0.04995837495787997, 0.7282542059818115, -0.4218990052500079]]),
         "Z2": np.array([[-0.5485233592232147, 0.2757465679359177, 0.25822626842718743]]),
         "A2": np.array([[0.366207068744093, 0.5685031314166316, 0.5642002194144131]])}
PARAMETERS_CALL = "parameters  # W1 (3, 2), b1 (3, 1), W2 (1, 3), b2 (1, 1)"


def _copy(arrays):
    return {name: value.copy() for name, value in arrays.items()}


def _as_ints(values):
    """A tuple of Python ints, or None when the values are not all whole numbers."""
    try:
        return tuple(int(n) for n in values if float(n) == int(n))
    except (TypeError, ValueError):
        return None


def check_layer_sizes(layer_sizes):
    with exercise("layer_sizes") as ex:
        for x_shape, y_shape, expected in [((5, 3), (2, 3), (5, 4, 2)),
                                           ((2, 400), (1, 400), (2, 4, 1))]:
            call = f"layer_sizes(X, Y)  # X.shape == {x_shape}, Y.shape == {y_shape}"
            sizes = ex.call(layer_sizes, np.zeros(x_shape), np.zeros(y_shape), label=call)
            ex.expect_true(isinstance(sizes, tuple | list) and len(sizes) == 3, call,
                           f"expected a tuple (n_x, n_h, n_y), got {sizes!r}")
            ex.expect_true(_as_ints(sizes) == expected, call,
                           f"expected {expected}, got {tuple(sizes)}")


def expect_initialization(ex, parameters, sizes, call, scale=0.01):
    """Shapes, float dtypes, zero biases, weights not all equal, of standard deviation `scale`.

    Whatever the seed, the draw order or the generator: the standard deviation of the
    weights drawn must be within a tolerance that 1 (randn unscaled) and uniform `rand`
    scaled by 0.01 (std 0.0029, and a mean of 0.005) both fail. The spread is measured on
    200 weights or more.
    """
    n_x, n_h, n_y = sizes
    shapes = {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    ex.expect_dict(parameters, {name: np.zeros(shape) for name, shape in shapes.items()
                                if name[0] == "b"}, call)
    weights = []
    for name in ("W1", "W2"):
        ex.expect_true(name in parameters, call,
                       f"the result has no key {name!r} (keys: {sorted(parameters)})")
        W = parameters[name]
        ex.expect_true(isinstance(W, np.ndarray) and W.shape == shapes[name]
                       and W.dtype.kind == "f", f"{call}[{name!r}]",
                       f"expected a float array of shape {shapes[name]}, got "
                       + (f"shape {W.shape}, dtype {W.dtype}" if isinstance(W, np.ndarray)
                          else type(W).__name__))
        weights.append(W.ravel())
    W = np.concatenate(weights)
    ex.expect_true(W.size < 2 or np.unique(W).size == W.size, call,
                   "the weights must be random and all different (equal weights make every "
                   "hidden unit learn the same thing)")
    if W.size < 200:  # too few weights to measure their spread
        return
    rms = float(np.sqrt(np.mean(W ** 2)))
    low, high = 0.6 * scale, 1.5 * scale
    ex.expect_true(low <= rms <= high and abs(float(np.mean(W))) < 0.3 * scale, call,
                   f"the weights should be drawn from a normal distribution of mean 0 and "
                   f"standard deviation {scale} (np.random.randn(...) * {scale}); these have "
                   f"a mean of {np.mean(W):.3g} and a root mean square of {rms:.3g}")


def check_initialize_parameters(initialize_parameters):
    """By properties, whatever the seed, the draw order or the generator you use: shapes,
    zero biases, and weights all different with a standard deviation of about 0.01."""
    with exercise("initialize_parameters") as ex:
        for sizes in [(2, 4, 1), (40, 30, 2)]:
            call = f"initialize_parameters{sizes}"
            expect_initialization(ex, ex.call(initialize_parameters, *sizes, label=call),
                                  sizes, call)


def check_forward_propagation(forward_propagation):
    with exercise("forward_propagation") as ex:
        call = f"forward_propagation(X, {PARAMETERS_CALL})"
        result = ex.call(forward_propagation, X3, _copy(PARAMETERS), label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                       "expected two results, `return A2, cache`")
        A2, cache = result
        ex.expect_array(A2, CACHE["A2"], "A2 of forward_propagation(X, parameters)")
        ex.expect_dict(cache, CACHE, "cache of forward_propagation(X, parameters)")


def check_compute_cost(compute_cost):
    with exercise("compute_cost") as ex:
        call = "compute_cost(np.array([[0.8, 0.3, 0.6]]), np.array([[1, 0, 1]]))"
        cost = ex.call(compute_cost, np.array([[0.8, 0.3, 0.6]]), np.array([[1, 0, 1]]),
                       label=call)
        ex.expect_scalar(cost, 0.3635480396729776, call)
        call = "compute_cost(A2, Y)  # A2 from the forward_propagation check"
        ex.expect_scalar(ex.call(compute_cost, CACHE["A2"], Y3, label=call),
                         0.8057991536737253, call)


def check_backward_propagation(backward_propagation):
    with exercise("backward_propagation") as ex:
        call = "backward_propagation(parameters, cache, X, Y)"
        grads = ex.call(backward_propagation, _copy(PARAMETERS), _copy(CACHE), X3, Y3,
                        label=call)
        ex.expect_dict(grads, {
            "dW1": [[-0.3027744636685814, -0.13514055412987677],
                    [0.3731884971444111, 0.05333687724364181],
                    [-0.28275747159598497, -0.18029588718213127]],
            "db1": [[-0.10494212274627908], [0.04613738989646302], [-0.16880358294758113]],
            "dW2": [[-0.14123813318114073, -0.08318634487875809, 0.18873834185996227]],
            "db2": [[-0.16702986014162077]],
        }, call)


def check_update_parameters(update_parameters):
    with exercise("update_parameters") as ex:
        grads = {"dW1": np.array([[0.01, -0.02], [0.03, 0.0], [-0.04, 0.05]]),
                 "db1": np.array([[0.1], [-0.1], [0.2]]),
                 "dW2": np.array([[0.5, -0.25, 0.125]]),
                 "db2": np.array([[-0.3]])}
        call = "update_parameters(parameters, grads)"
        updated = ex.call(update_parameters, _copy(PARAMETERS), grads, label=call)
        ex.expect_dict(updated, {
            "W1": [[0.288, -0.176], [0.064, 0.4], [-0.452, 0.19]],
            "b1": [[-0.02], [-0.08], [-0.19]],
            "W2": [[0.0, -0.5, 0.55]],
            "b2": [[0.26]],
        }, call)


def check_nn_model(nn_model):
    """By properties, whatever the seed: with nothing to learn (learning_rate=0) the initial
    parameters come back; after 20 steps on separable data the weights have grown far beyond
    their initial 0.01. Optional arguments go by keyword; while it runs, the functions it
    calls are stand-ins (see `standins`), so a mistake in one of them is charged there."""
    with exercise("nn_model") as ex:
        bound = stand_ins(TOPIC, "nn_model", nn_model)
        X = np.array([[1.0, -1.0, 0.5, -0.5, 2.0, -2.0], [1.0, 1.0, -1.0, -1.0, 0.0, 0.5]])
        Y = np.array([[1, 0, 1, 0, 1, 0]])
        call = "nn_model(X, Y, 3, num_iterations=3, learning_rate=0.0)"
        expect_initialization(ex, ex.call(nn_model, X, Y, 3, helpers=bound, label=call,
                                          kwargs={"num_iterations": 3, "learning_rate": 0.0}),
                              (2, 3, 1), call)
        call = "nn_model(X, Y, 3, num_iterations=20)"
        parameters = ex.call(nn_model, X, Y, 3, kwargs={"num_iterations": 20}, helpers=bound,
                             label=call)
        ex.expect_true(isinstance(parameters, dict) and {"W1", "W2"} <= set(parameters), call,
                       "expected a dict with keys W1, b1, W2, b2")
        grown = float(np.sqrt(np.mean(np.asarray(parameters["W2"], dtype=float) ** 2)))
        ex.expect_true(grown > 0.5, call,
                       f"after 20 steps the weights W2 should have grown far beyond their "
                       f"initial scale 0.01 (to about 1 or more); their root mean square is "
                       f"{grown:.3g}: are the parameters updated with each step's gradients?")


def check_predict(predict):
    with exercise("predict") as ex:
        bound = stand_ins(TOPIC, "predict", predict)
        parameters = {"W1": np.array([[1.0, -2.0], [0.5, 0.5], [-1.0, 1.5]]),
                      "b1": np.array([[0.0], [0.1], [-0.1]]),
                      "W2": np.array([[1.5, -1.0, 2.0]]),
                      "b2": np.array([[0.2]])}
        X = np.array([[1.0, -1.0, 0.3, 2.0, -0.4], [0.5, 1.0, -0.2, -1.0, 0.9]])
        call = "predict(parameters, X)  # A2 = [[0.238, 0.640, 0.438, 0.303, 0.564]]"
        ex.expect_array(ex.call(predict, parameters, X, helpers=bound, label=call),
                        np.array([[0, 1, 0, 0, 1]]), call)
