"""Visible checks for 03_logistic_regression. Expected values are literals, never solutions."""

import numpy as np

from course_utils.checks.core import exercise
from course_utils.checks.standins import stand_ins

TOPIC = "logistic_regression"

W, B = np.array([[1.0], [2.0]]), 2.0
X, Y = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), np.array([[1, 0, 1]])
W2 = np.array([[0.5], [-1.0], [0.25]])
X2 = np.array([[1.0, -2.0, 0.5, 0.0], [0.5, 0.0, -1.5, 2.0], [3.0, 1.0, -1.0, 0.5]])
Y2 = np.array([[0, 1, 1, 0]])
X_TRAIN = np.array([[0.0, 1.4, 1.2, -0.5, -0.3, -0.5, 0.6, -0.1],
                    [0.7, -1.8, 1.6, -0.1, 0.7, -0.1, -0.4, 0.5],
                    [0.8, -0.2, -0.2, 0.7, -0.9, -1.5, 0.4, -0.7],
                    [-1.9, -0.8, -0.5, -1.2, -1.5, 0.0, 0.9, -0.2]])
Y_TRAIN = np.array([[0, 1, 1, 0, 1, 1, 1, 1]])
X_TEST = np.array([[-0.7, 0.4, 0.7, -0.3], [0.5, 1.0, -0.2, -0.8],
                   [0.3, 0.2, 1.1, -1.3], [-0.7, -0.8, -1.7, 0.1]])
Y_TEST = np.array([[0, 1, 0, 1]])


def expect_pair(ex, result, call, what):
    ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                   f"expected a tuple {what}, got {type(result).__name__}")


def expect_costs(ex, costs, expected, call):
    """costs -- a list of numbers (floats, NumPy scalars or 0-d arrays), one per 100 iterations."""
    ex.expect_true(isinstance(costs, list | tuple | np.ndarray), call,
                   f"expected the costs as a list, got {type(costs).__name__}")
    ex.expect_true(len(costs) == len(expected), call,
                   f"expected {len(expected)} costs (one every 100 iterations, from iteration "
                   f"0), got {len(costs)}")
    for i, (cost, value) in enumerate(zip(costs, expected, strict=True)):
        ex.expect_scalar(cost, value, f"{call}[{i}]")


def check_sigmoid(sigmoid):
    with exercise("sigmoid") as ex:
        call = "sigmoid(np.array([0, 2.0]))"
        ex.expect_array(ex.call(sigmoid, np.array([0, 2.0]), label=call),
                        [0.5, 0.8807970779778823], call)
        call = "sigmoid(np.array([[-1.0, 0.5], [3.0, -2.5]]))"
        ex.expect_array(ex.call(sigmoid, np.array([[-1.0, 0.5], [3.0, -2.5]]), label=call),
                        [[0.2689414213699951, 0.6224593312018546],
                         [0.9525741268224334, 0.07585818002124355]], call)


def check_initialize_with_zeros(initialize_with_zeros):
    with exercise("initialize_with_zeros") as ex:
        call = "initialize_with_zeros(2)"
        result = ex.call(initialize_with_zeros, 2, label=call)
        expect_pair(ex, result, call, "(w, b)")
        ex.expect_array(result[0], np.zeros((2, 1)), f"{call} -> w")
        ex.expect_scalar(result[1], 0.0, f"{call} -> b")


def check_flatten_images(flatten_images):
    with exercise("flatten_images") as ex:
        images = np.arange(24).reshape(2, 2, 2, 3)
        call = "flatten_images(np.arange(24).reshape(2, 2, 2, 3))  # 2 images of 2x2x3"
        ex.expect_array(ex.call(flatten_images, images, label=call),
                        [[0, 12], [1, 13], [2, 14], [3, 15], [4, 16], [5, 17], [6, 18],
                         [7, 19], [8, 20], [9, 21], [10, 22], [11, 23]], call)


def check_propagate(propagate):
    with exercise("propagate") as ex:
        bound = stand_ins(TOPIC, "propagate", propagate)
        call = "propagate(w, b, X, Y)  # w (2, 1), b = 2.0, X (2, 3), Y (1, 3)"
        result = ex.call(propagate, W, B, X, Y, helpers=bound, label=call)
        expect_pair(ex, result, call, "(grads, cost)")
        grads, cost = result
        ex.expect_dict(grads, {"dw": np.array([[0.9984560146379561], [2.395072388486207]]),
                               "db": 0.001455578136784208}, call)
        ex.expect_scalar(cost, 5.801545319394553, f"{call} -> cost")
        call = "propagate(w, -0.5, X, Y)  # w (3, 1), X (3, 4), Y (1, 4)"
        result = ex.call(propagate, W2, -0.5, X2, Y2, helpers=bound, label=call)
        expect_pair(ex, result, call, "(grads, cost)")
        grads, cost = result
        ex.expect_dict(grads, {"dw": np.array([[0.49557637813754574], [0.21367461812798305],
                                               [0.30518014633905205]]),
                               "db": -0.09974143416296699}, call)
        ex.expect_scalar(cost, 0.6825174135543445, f"{call} -> cost")


def check_optimize(optimize):
    with exercise("optimize") as ex:
        bound = stand_ins(TOPIC, "optimize", optimize)
        call = "optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009)"
        result = ex.call(optimize, W, B, X, Y, helpers=bound, label=call,
                         kwargs={"num_iterations": 100, "learning_rate": 0.009})
        ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                       "expected a tuple (params, grads, costs)")
        params, grads, costs = result
        ex.expect_dict(params, {"w": np.array([[0.19033590888604332], [0.12259159246561413]]),
                                "b": 1.9253598300845747}, call)
        ex.expect_dict(grads, {"dw": np.array([[0.6775204222153582], [1.416254952638088]]),
                               "db": 0.21919450454067657}, call)
        expect_costs(ex, costs, [5.801545319394553], f"{call} -> costs")
        call = "optimize(w, -0.5, X, Y, num_iterations=250, learning_rate=0.1)  # X (3, 4)"
        result = ex.call(optimize, W2, -0.5, X2, Y2, helpers=bound, label=call,
                         kwargs={"num_iterations": 250, "learning_rate": 0.1})
        ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                       "expected a tuple (params, grads, costs)")
        params, grads, costs = result
        ex.expect_dict(params, {"w": np.array([[-1.6839669145545222], [-2.2406558436099235],
                                               [-0.6011706211090875]]),
                                "b": 0.37198842419442607}, call)
        expect_costs(ex, costs, [0.6825174135543445, 0.061960864372076846,
                                 0.03092845981907601], f"{call} -> costs")


def check_predict(predict):
    with exercise("predict") as ex:
        bound = stand_ins(TOPIC, "predict", predict)
        w, X_ = np.array([[0.1124579], [0.23106775]]), np.array([[1.0, -1.1, -3.2],
                                                                [1.2, 2.0, 0.1]])
        call = "predict(w, -0.3, X)  # w (2, 1), X (2, 3)"
        ex.expect_array(ex.call(predict, w, -0.3, X_, helpers=bound, label=call), [[1, 1, 0]],
                        call)
        call = "predict(np.zeros((2, 1)), 0.0, X)  # every probability is exactly 0.5"
        ex.expect_array(ex.call(predict, np.zeros((2, 1)), 0.0, X_, helpers=bound,
                                label=call), [[0, 0, 0]], call)


def check_model(model):
    with exercise("model") as ex:
        bound = stand_ins(TOPIC, "model", model)
        call = ("model(X_train, Y_train, X_test, Y_test, num_iterations=300, "
                "learning_rate=0.1)  # X_train (4, 8), X_test (4, 4)")
        d = ex.call(model, X_TRAIN, Y_TRAIN, X_TEST, Y_TEST, helpers=bound, label=call,
                    kwargs={"num_iterations": 300, "learning_rate": 0.1})
        ex.expect_dict(d, {"w": np.array([[1.4782399253815321], [0.0339562358010555],
                                          [-2.5642057648855707], [1.0464470701678985]]),
                           "b": 1.6026406622772769,
                           "Y_prediction_train": np.array([[0, 1, 1, 0, 1, 1, 1, 1]]),
                           "Y_prediction_test": np.array([[0, 1, 0, 1]]),
                           "learning_rate": 0.1, "num_iterations": 300}, call)
        ex.expect_true("costs" in d, call, f"the result has no key 'costs' (keys: {sorted(d)})")
        expect_costs(ex, d["costs"], [0.6931471805599453, 0.17293140615105593,
                                      0.09693080956248819], f"{call}['costs']")
