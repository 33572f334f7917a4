"""Hidden tests for 01_numpy_basics: new inputs and shapes, compared with the reference."""

import numpy as np

from autograder.reference import numpy_basics as reference
from course_utils.checks.core import exercise

SEED = 20261123


def _array_cases(name, func, expected_func, inputs, **tolerance):
    with exercise(f"{name} (hidden tests)") as ex:
        for label, x in inputs:
            call = f"{name}({label})"
            ex.expect_array(ex.call(func, x, label=call), expected_func(x), call, **tolerance)


def grade_basic_sigmoid(basic_sigmoid):
    with exercise("basic_sigmoid (hidden tests)") as ex:
        for x in [2.5, -4.0, 0.1, 12.0]:
            call = f"basic_sigmoid({x})"
            ex.expect_scalar(ex.call(basic_sigmoid, x, label=call), reference.basic_sigmoid(x),
                             call)


def grade_sigmoid(sigmoid):
    rng = np.random.default_rng(SEED)
    _array_cases("sigmoid", sigmoid, reference.sigmoid, [
        ("a random (4, 5) array", rng.normal(scale=3, size=(4, 5))),
        ("a random (2, 3, 2) array", rng.normal(size=(2, 3, 2))),
        ("np.array([-30.0, 30.0])", np.array([-30.0, 30.0])),
    ])


def grade_sigmoid_derivative(sigmoid_derivative):
    rng = np.random.default_rng(SEED)
    _array_cases("sigmoid_derivative", sigmoid_derivative, reference.sigmoid_derivative, [
        ("a random (3, 4) array", rng.normal(scale=2, size=(3, 4))),
        ("np.array([-5.0, 0.0, 5.0])", np.array([-5.0, 0.0, 5.0])),
    ])


def grade_image2vector(image2vector):
    rng = np.random.default_rng(SEED)
    _array_cases("image2vector", image2vector, reference.image2vector, [
        ("a random (4, 5, 3) image", rng.random((4, 5, 3))),
        ("a random (2, 2, 1) image", rng.random((2, 2, 1))),
        ("a random (64, 64, 3) image", rng.random((64, 64, 3))),
    ])


def grade_normalize_rows(normalize_rows):
    rng = np.random.default_rng(SEED)
    _array_cases("normalize_rows", normalize_rows, reference.normalize_rows, [
        ("a random (5, 4) array", rng.normal(size=(5, 4))),
        ("a random (3, 3) array", rng.normal(size=(3, 3))),
        ("np.array([[1.0, 0.0, 0.0, 0.0]])", np.array([[1.0, 0.0, 0.0, 0.0]])),
    ])


def grade_softmax(softmax):
    rng = np.random.default_rng(SEED)
    _array_cases("softmax", softmax, reference.softmax, [
        ("a random (4, 6) array", rng.normal(scale=2, size=(4, 6))),
        ("a random (3, 3) array", rng.normal(size=(3, 3))),
        ("np.array([[0.0, 0.0]])", np.array([[0.0, 0.0]])),
    ])


def grade_stable_softmax(stable_softmax):
    rng = np.random.default_rng(SEED)
    _array_cases("stable_softmax", stable_softmax, reference.stable_softmax, [
        ("a random (4, 6) array", rng.normal(scale=2, size=(4, 6))),
        ("np.array([[-1000.0, -1001.0], [1000.0, 999.0]])",
         np.array([[-1000.0, -1001.0], [1000.0, 999.0]])),
        ("np.array([[800.0, 0.0, -800.0]])", np.array([[800.0, 0.0, -800.0]])),
    ])
