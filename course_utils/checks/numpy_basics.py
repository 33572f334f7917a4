"""Visible checks for 01_numpy_basics. Expected values are literals, never solutions."""

import numpy as np

from course_utils.checks.core import exercise

IMAGE = np.array([[[0.67826139, 0.29380381], [0.90714982, 0.52835647], [0.4215251, 0.45017551]],
                  [[0.92814219, 0.96677647], [0.85304703, 0.52351845], [0.19981397, 0.27417313]],
                  [[0.60659855, 0.00533165], [0.10820313, 0.49978937], [0.34144279, 0.94630077]]])
IMAGE_AS_VECTOR = [0.67826139, 0.29380381, 0.90714982, 0.52835647, 0.4215251, 0.45017551,
                   0.92814219, 0.96677647, 0.85304703, 0.52351845, 0.19981397, 0.27417313,
                   0.60659855, 0.00533165, 0.10820313, 0.49978937, 0.34144279, 0.94630077]
SOFTMAX_9_2_5 = [[0.9808976649146187, 0.0008944628906901777, 0.017965767417378736,
                  0.00012105238865619453, 0.00012105238865619453],
                 [0.87867985588699, 0.11891638717077183, 0.0008012523140793875,
                  0.0008012523140793875, 0.0008012523140793875]]


def check_basic_sigmoid(basic_sigmoid):
    with exercise("basic_sigmoid") as ex:
        for x, expected in [(3, 0.9525741268224334), (0, 0.5), (-1, 0.2689414213699951)]:
            call = f"basic_sigmoid({x})"
            ex.expect_scalar(ex.call(basic_sigmoid, x, label=call), expected, call)


def check_sigmoid(sigmoid):
    with exercise("sigmoid") as ex:
        call = "sigmoid(np.array([1, 2, 3]))"
        ex.expect_array(ex.call(sigmoid, np.array([1, 2, 3]), label=call),
                        [0.7310585786300049, 0.8807970779778823, 0.9525741268224334], call)
        call = "sigmoid(0.0)"
        ex.expect_scalar(ex.call(sigmoid, 0.0, label=call), 0.5, call)
        call = "sigmoid(np.array([[0.0, 1.0], [-1.0, 3.0]]))"
        ex.expect_array(ex.call(sigmoid, np.array([[0.0, 1.0], [-1.0, 3.0]]), label=call),
                        [[0.5, 0.7310585786300049], [0.2689414213699951, 0.9525741268224334]],
                        call)


def check_sigmoid_derivative(sigmoid_derivative):
    with exercise("sigmoid_derivative") as ex:
        call = "sigmoid_derivative(np.array([1, 2, 3]))"
        ex.expect_array(ex.call(sigmoid_derivative, np.array([1, 2, 3]), label=call),
                        [0.19661193324148185, 0.10499358540350662, 0.045176659730912], call)
        call = "sigmoid_derivative(0.0)"
        ex.expect_scalar(ex.call(sigmoid_derivative, 0.0, label=call), 0.25, call)


def check_image2vector(image2vector):
    with exercise("image2vector") as ex:
        call = "image2vector(image)  # image.shape == (3, 3, 2)"
        ex.expect_array(ex.call(image2vector, IMAGE, label=call),
                        np.array(IMAGE_AS_VECTOR).reshape(18, 1), call)


def check_normalize_rows(normalize_rows):
    with exercise("normalize_rows") as ex:
        call = "normalize_rows(np.array([[0, 3, 4], [1, 6, 4]]))"
        ex.expect_array(ex.call(normalize_rows, np.array([[0, 3, 4], [1, 6, 4]]), label=call),
                        [[0.0, 0.6, 0.8],
                         [0.13736056394868904, 0.8241633836921342, 0.5494422557947561]], call)
        call = "normalize_rows(np.array([[3.0, 4.0], [1.0, 1.0]]))"
        ex.expect_array(ex.call(normalize_rows, np.array([[3.0, 4.0], [1.0, 1.0]]), label=call),
                        [[0.6, 0.8], [0.7071067811865475, 0.7071067811865475]], call)


def check_softmax(softmax):
    with exercise("softmax") as ex:
        x = np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])
        call = "softmax(np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]))"
        ex.expect_array(ex.call(softmax, x, label=call), SOFTMAX_9_2_5, call)


def check_stable_softmax(stable_softmax):
    with exercise("stable_softmax") as ex:
        x = np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]])
        call = "stable_softmax(np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]))"
        ex.expect_array(ex.call(stable_softmax, x, label=call), SOFTMAX_9_2_5, call)
        call = "stable_softmax(np.array([[1000.0, 1001.0, 1002.0], [-3.0, 0.0, 3.0]]))"
        x = np.array([[1000.0, 1001.0, 1002.0], [-3.0, 0.0, 3.0]])
        ex.expect_array(ex.call(stable_softmax, x, label=call),
                        [[0.09003057317038046, 0.24472847105479764, 0.6652409557748218],
                         [0.00235563308079668, 0.047314155221824035, 0.9503302116973793]], call)
