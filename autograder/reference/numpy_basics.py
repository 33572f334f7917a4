"""Reference solutions for 01_numpy_basics (the same code as the solution notebook)."""

import math

import numpy as np


def basic_sigmoid(x):
    """x -- a real number. Returns 1 / (1 + exp(-x)) as a float."""
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    """x -- a scalar or an array of any shape. Returns sigmoid(x), same shape."""
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    """x -- a scalar or an array. Returns sigmoid(x) * (1 - sigmoid(x)), same shape."""
    s = sigmoid(x)
    return s * (1 - s)


def image2vector(image):
    """image -- (length, height, depth). Returns (length * height * depth, 1)."""
    return image.reshape(-1, 1)


def normalize_rows(x):
    """x -- (n, m). Returns x with every row divided by its L2 norm, (n, m)."""
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def softmax(x):
    """x -- (n, m). Returns the softmax of every row, (n, m)."""
    exps = np.exp(x)
    return exps / np.sum(exps, axis=1, keepdims=True)


def stable_softmax(x):
    """x -- (n, m). Softmax of every row after subtracting the row's maximum, (n, m)."""
    exps = np.exp(x - np.max(x, axis=1, keepdims=True))
    return exps / np.sum(exps, axis=1, keepdims=True)
