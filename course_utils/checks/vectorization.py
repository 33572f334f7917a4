"""Visible checks for 02_vectorization. Expected values are literals, never solutions."""

import numpy as np

from course_utils.checks.core import exercise


def check_L1(L1):
    with exercise("L1") as ex:
        call = "L1(np.array([.9, .2, .1, .4, .9]), np.array([1, 0, 0, 1, 1]))"
        result = ex.call(L1, np.array([.9, .2, .1, .4, .9]), np.array([1, 0, 0, 1, 1]),
                         label=call)
        ex.expect_scalar(result, 1.1, call)
        call = "L1(np.array([[0.8, 0.3, 0.6, 0.1]]), np.array([[1, 0, 0, 0]]))"
        result = ex.call(L1, np.array([[0.8, 0.3, 0.6, 0.1]]), np.array([[1, 0, 0, 0]]),
                         label=call)
        ex.expect_scalar(result, 1.2, call)
        ex.expect_no_loops(L1, "L1")


def check_L2(L2):
    with exercise("L2") as ex:
        call = "L2(np.array([.9, .2, .1, .4, .9]), np.array([1, 0, 0, 1, 1]))"
        result = ex.call(L2, np.array([.9, .2, .1, .4, .9]), np.array([1, 0, 0, 1, 1]),
                         label=call)
        ex.expect_scalar(result, 0.43, call)
        call = "L2(np.array([[0.8, 0.3, 0.6, 0.1]]), np.array([[1, 0, 0, 0]]))"
        result = ex.call(L2, np.array([[0.8, 0.3, 0.6, 0.1]]), np.array([[1, 0, 0, 0]]),
                         label=call)
        ex.expect_scalar(result, 0.5, call)
        ex.expect_no_loops(L2, "L2")


def check_gradient_no_loop(gradient_no_loop):
    with exercise("gradient_no_loop") as ex:
        w, b = np.array([[1.0], [2.0]]), 2.0
        X, Y = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), np.array([[1, 0, 1]])
        call = "gradient_no_loop(w, b, X, Y)  # w (2, 1), b = 2.0, X (2, 3), Y (1, 3)"
        result = ex.call(gradient_no_loop, w, b, X, Y, label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                       "expected a tuple (dw, db)")
        dw, db = result
        ex.expect_array(dw, [[0.9984560146379561], [2.395072388486207]], f"{call} -> dw")
        ex.expect_scalar(db, 0.001455578136784208, f"{call} -> db")
        w = np.array([[0.5], [-1.0], [0.25]])
        X, Y = np.array([[1.0, -2.0], [0.5, 0.0], [3.0, 1.0]]), np.array([[0, 1]])
        call = "gradient_no_loop(w, -0.5, X, Y)  # w (3, 1), X (3, 2), Y (1, 2)"
        result = ex.call(gradient_no_loop, w, -0.5, X, Y, label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                       "expected a tuple (dw, db)")
        dw, db = result
        ex.expect_array(dw, [[1.0583881116175902], [0.14054412522144952],
                             [0.4546148207413515]], f"{call} -> dw")
        ex.expect_scalar(db, -0.10756168014444656, f"{call} -> db")
        ex.expect_no_loops(gradient_no_loop, "gradient_no_loop")
