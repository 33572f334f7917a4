"""Hidden tests for 02_vectorization: new inputs and shapes, compared with the reference."""

import numpy as np

from autograder.reference import vectorization as reference
from course_utils.checks.core import exercise

SEED = 20261124


def _loss_cases(name, func, expected_func):
    rng = np.random.default_rng(SEED)
    cases = [
        ("a random (7,) yhat and 0/1 y", rng.random(7), rng.integers(0, 2, 7)),
        ("a random (1, 10) yhat and 0/1 y", rng.random((1, 10)), rng.integers(0, 2, (1, 10))),
        ("a random (3, 4) yhat and y", rng.normal(size=(3, 4)), rng.normal(size=(3, 4))),
        ("yhat == y", np.full(5, 0.5), np.full(5, 0.5)),
    ]
    with exercise(f"{name} (hidden tests)") as ex:
        for label, yhat, y in cases:
            call = f"{name}({label})"
            ex.expect_scalar(ex.call(func, yhat, y, label=call), expected_func(yhat, y), call)
        ex.expect_no_loops(func, name)


def grade_L1(L1):
    _loss_cases("L1", L1, reference.L1)


def grade_L2(L2):
    _loss_cases("L2", L2, reference.L2)


def grade_gradient_no_loop(gradient_no_loop):
    rng = np.random.default_rng(SEED)
    cases = []
    for n_x, m, b in [(5, 7, 0.3), (4, 1, np.float64(-1.2)), (12, 30, np.array(0.7))]:
        cases.append((f"w ({n_x}, 1), b = {float(b)} ({type(b).__name__}), "
                      f"X ({n_x}, {m}), Y (1, {m})",
                      rng.normal(size=(n_x, 1)), b, rng.normal(size=(n_x, m)),
                      rng.integers(0, 2, (1, m))))
    with exercise("gradient_no_loop (hidden tests)") as ex:
        for label, w, b, X, Y in cases:
            call = f"gradient_no_loop({label})"
            result = ex.call(gradient_no_loop, w, b, X, Y, label=call)
            ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                           "expected a tuple (dw, db)")
            dw, db = reference.gradient_no_loop(w, b, X, Y)
            ex.expect_array(result[0], dw, f"{call} -> dw")
            ex.expect_scalar(result[1], db, f"{call} -> db")
        ex.expect_no_loops(gradient_no_loop, "gradient_no_loop")
