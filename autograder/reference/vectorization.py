"""Reference solutions for 02_vectorization (the same code as the solution notebook)."""

import numpy as np


def L1(yhat, y):
    """yhat, y -- (m,). Returns sum_i |y_i - yhat_i| as a number."""
    return np.sum(np.abs(y - yhat))


def L2(yhat, y):
    """yhat, y -- (m,). Returns sum_i (y_i - yhat_i)^2 as a number."""
    return np.sum((y - yhat) ** 2)


def gradient_no_loop(w, b, X, Y):
    """w -- (n_x, 1), b -- a number, X -- (n_x, m), Y -- (1, m).

    Returns dw (n_x, 1) and db (a number): the gradient of the logistic-regression cost.
    """
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(w.T @ X + b)))
    dZ = A - Y
    return X @ dZ.T / m, float(np.sum(dZ) / m)
