"""Hidden tests for 03_logistic_regression: new inputs and shapes, compared with the reference.

Each function is graded on its own: the notebook's functions it calls (`sigmoid` in
propagate and predict, `propagate` in optimize; `initialize_with_zeros`, `optimize` and
`predict` in model) are the reference's while it runs. Optional arguments go by keyword.
"""

import contextlib
import io

import numpy as np

from autograder.reference import logistic_regression as reference
from course_utils.checks.core import exercise
from course_utils.checks.logistic_regression import expect_costs, expect_pair

SEED = 20261125
BIASES = [0.3, np.float64(-0.8), np.array(0.4)]  # a float, a NumPy scalar, a 0-d array


# The notebook's functions each graded function may call.
HELPERS = {"propagate": ("sigmoid",), "predict": ("sigmoid",),
           "optimize": ("propagate", "sigmoid"),
           "model": ("initialize_with_zeros", "optimize", "predict", "propagate", "sigmoid")}


def helpers(function: str) -> dict:
    """The reference's versions of the functions `function` may call."""
    return {name: getattr(reference, name) for name in HELPERS.get(function, ())}


def _data(rng, n_x, m):
    X = rng.normal(size=(n_x, m))
    Y = (rng.random((1, m)) < 0.5).astype(np.int64)
    return X, Y


def _bias_label(b):
    return f"b = {float(b)} ({type(b).__name__})"


def grade_sigmoid(sigmoid):
    rng = np.random.default_rng(SEED)
    with exercise("sigmoid (hidden tests)") as ex:
        for label, z in [("a random (3, 5) array", rng.normal(scale=3, size=(3, 5))),
                         ("np.array([-20.0, 0.0, 20.0])", np.array([-20.0, 0.0, 20.0]))]:
            call = f"sigmoid({label})"
            ex.expect_array(ex.call(sigmoid, z, label=call), reference.sigmoid(z), call)
        call = "sigmoid(1.5)"
        ex.expect_scalar(ex.call(sigmoid, 1.5, label=call), reference.sigmoid(1.5), call)


def grade_initialize_with_zeros(initialize_with_zeros):
    with exercise("initialize_with_zeros (hidden tests)") as ex:
        for dim in [1, 7, 12288]:
            call = f"initialize_with_zeros({dim})"
            result = ex.call(initialize_with_zeros, dim, label=call)
            expect_pair(ex, result, call, "(w, b)")
            ex.expect_array(result[0], np.zeros((dim, 1)), f"{call} -> w")
            ex.expect_scalar(result[1], 0.0, f"{call} -> b")


def grade_flatten_images(flatten_images):
    rng = np.random.default_rng(SEED)
    with exercise("flatten_images (hidden tests)") as ex:
        for shape in [(5, 4, 4, 3), (1, 3, 3, 3), (3, 64, 64, 3)]:
            images = rng.integers(0, 256, shape, dtype=np.uint8)
            call = f"flatten_images(images)  # images.shape == {shape}"
            ex.expect_array(ex.call(flatten_images, images, label=call),
                            reference.flatten_images(images), call)


def grade_propagate(propagate):
    rng = np.random.default_rng(SEED)
    with exercise("propagate (hidden tests)") as ex:
        for (n_x, m), b in zip([(5, 9), (3, 1), (12, 40)], BIASES, strict=True):
            X, Y = _data(rng, n_x, m)
            w = rng.normal(scale=0.5, size=(n_x, 1))
            call = f"propagate(w, b, X, Y)  # {_bias_label(b)}, X ({n_x}, {m})"
            result = ex.call(propagate, w, b, X, Y, label=call, helpers=helpers("propagate"))
            expect_pair(ex, result, call, "(grads, cost)")
            grads, cost = reference.propagate(w, b, X, Y)
            ex.expect_dict(result[0], grads, call)
            ex.expect_scalar(result[1], cost, f"{call} -> cost")


def grade_optimize(optimize):
    rng = np.random.default_rng(SEED)
    with exercise("optimize (hidden tests)") as ex:
        # Past iteration 100 once, so that two costs are recorded, and no further: while it
        # is graded, each of optimize's calls to propagate is a call into the grader.
        for (n_x, m, iterations, rate), b in zip([(4, 10, 101, 0.05), (6, 3, 60, 0.5),
                                                   (3, 20, 30, 0.2)], BIASES, strict=True):
            X, Y = _data(rng, n_x, m)
            w = rng.normal(scale=0.5, size=(n_x, 1))
            call = (f"optimize(w, b, X, Y, num_iterations={iterations}, "
                    f"learning_rate={rate})  # {_bias_label(b)}, X ({n_x}, {m})")
            result = ex.call(optimize, w, b, X, Y, label=call, helpers=helpers("optimize"),
                             kwargs={"num_iterations": iterations, "learning_rate": rate})
            ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                           "expected a tuple (params, grads, costs)")
            params, grads, costs = reference.optimize(w, b, X, Y, iterations, rate)
            ex.expect_dict(result[0], params, call)
            ex.expect_dict(result[1], grads, call)
            expect_costs(ex, result[2], costs, f"{call} -> costs")


def grade_predict(predict):
    rng = np.random.default_rng(SEED)
    with exercise("predict (hidden tests)") as ex:
        for (n_x, m), b in zip([(6, 11), (2, 1), (30, 25)], BIASES, strict=True):
            X = rng.normal(size=(n_x, m))
            w = rng.normal(size=(n_x, 1))
            call = f"predict(w, b, X)  # {_bias_label(b)}, X ({n_x}, {m})"
            ex.expect_array(ex.call(predict, w, b, X, label=call, helpers=helpers("predict")),
                            reference.predict(w, b, X).astype(np.int64), call)


def grade_model(model):
    rng = np.random.default_rng(SEED)
    with exercise("model (hidden tests)") as ex:
        for n_x, m_train, m_test, iterations, rate in [(5, 12, 6, 201, 0.2),
                                                       (8, 30, 10, 150, 0.05)]:
            X_train, Y_train = _data(rng, n_x, m_train)
            X_test, Y_test = _data(rng, n_x, m_test)
            call = (f"model(X_train, Y_train, X_test, Y_test, num_iterations={iterations}, "
                    f"learning_rate={rate})  # X_train ({n_x}, {m_train}), "
                    f"X_test ({n_x}, {m_test})")
            with contextlib.redirect_stdout(io.StringIO()):  # both print their accuracies
                d = ex.call(model, X_train, Y_train, X_test, Y_test, label=call,
                            kwargs={"num_iterations": iterations, "learning_rate": rate},
                            helpers=helpers("model"))
                expected = reference.model(X_train, Y_train, X_test, Y_test, iterations, rate)
            costs = expected.pop("costs")
            for key in ("Y_prediction_train", "Y_prediction_test"):
                expected[key] = expected[key].astype(np.int64)
            ex.expect_dict(d, expected, call)
            ex.expect_true("costs" in d, call,
                           f"the result has no key 'costs' (keys: {sorted(d)})")
            expect_costs(ex, d["costs"], costs, f"{call}['costs']")
