"""Reference solutions for 01_numpy_basics (the same code as the solution notebook)."""

import math

import numpy as np


def basic_sigmoid(x):
    """x -- a real number. Returns 1 / (1 + exp(-x)) as a float."""
    s = 1 / (1 + math.exp(-x))
    return s


def sigmoid(x):
    """x -- a scalar or an array of any shape. Returns sigmoid(x), same shape."""
    s = 1 / (1 + np.exp(-x))
    return s


def sigmoid_derivative(x):
    """x -- a scalar or an array. Returns sigmoid(x) * (1 - sigmoid(x)), same shape."""
    s = sigmoid(x)
    ds = s * (1 - s)
    return ds


def image2vector(image):
    """image -- (length, height, depth). Returns (length * height * depth, 1)."""
    v = image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)
    return v


def normalize_rows(x):
    """x -- (n, m). Returns x with every row divided by its L2 norm, (n, m)."""
    x_norm = np.linalg.norm(x, axis=1, keepdims=True)
    x_normalized = x / x_norm
    return x_normalized


def softmax(x):
    """x -- (n, m). Returns the softmax of every row, (n, m)."""
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    s = x_exp / x_sum
    return s


def stable_softmax(x):
    """x -- (n, m). Softmax of every row after subtracting the row's maximum, (n, m)."""
    shifted = x - np.max(x, axis=1, keepdims=True)
    x_exp = np.exp(shifted)
    s = x_exp / np.sum(x_exp, axis=1, keepdims=True)
    return s
