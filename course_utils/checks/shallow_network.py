"""Visible checks for 04_shallow_network. Expected values are literals, never solutions."""

import numpy as np

from course_utils.checks.core import exercise

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


def check_initialize_parameters(initialize_parameters):
    with exercise("initialize_parameters") as ex:
        call = "np.random.seed(2); initialize_parameters(2, 4, 1)"
        np.random.seed(2)
        parameters = ex.call(initialize_parameters, 2, 4, 1, label=call)
        ex.expect_dict(parameters, {
            "W1": [[-0.004167578474054706, -0.0005626682722632948],
                   [-0.02136196095668454, 0.016402708084049887],
                   [-0.017934355851948632, -0.00841747365656204],
                   [0.005028814171580428, -0.012452880866072316]],
            "b1": np.zeros((4, 1)),
            "W2": [[-0.010579522188623389, -0.009090076149268494, 0.005514540445464244,
                    0.022922080128149575]],
            "b2": np.zeros((1, 1)),
        }, call)


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
    with exercise("nn_model") as ex:
        X = np.array([[1.0, -1.0, 0.5, -0.5, 2.0, -2.0], [1.0, 1.0, -1.0, -1.0, 0.0, 0.5]])
        Y = np.array([[1, 0, 1, 0, 1, 0]])
        call = "np.random.seed(5); nn_model(X, Y, 3, 200)"
        np.random.seed(5)
        parameters = ex.call(nn_model, X, Y, 3, 200, label=call)
        ex.expect_dict(parameters, {
            "W1": [[-1.7021559999049425, 0.004869867644272342],
                   [2.420136221118715, -0.003251118023499815],
                   [1.1942094906695295, -0.003372237468205464]],
            "b1": [[0.004742510811349436], [-0.0038620470867108863], [-0.001578097861706461]],
            "W2": [[-2.2221578468776353, 3.706604087574605, 1.4186820441167416]],
            "b2": [[-0.0008341924670899007]],
        }, call, rtol=1e-6, atol=1e-8)


def check_predict(predict):
    with exercise("predict") as ex:
        parameters = {"W1": np.array([[1.0, -2.0], [0.5, 0.5], [-1.0, 1.5]]),
                      "b1": np.array([[0.0], [0.1], [-0.1]]),
                      "W2": np.array([[1.5, -1.0, 2.0]]),
                      "b2": np.array([[0.2]])}
        X = np.array([[1.0, -1.0, 0.3, 2.0, -0.4], [0.5, 1.0, -0.2, -1.0, 0.9]])
        call = "predict(parameters, X)  # A2 = [[0.238, 0.640, 0.438, 0.303, 0.564]]"
        ex.expect_array(ex.call(predict, parameters, X, label=call), np.array([[0, 1, 0, 0, 1]]),
                        call)
