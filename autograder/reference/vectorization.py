"""Reference solutions for 02_vectorization (the same code as the solution notebook)."""

import numpy as np


def sigmoid(z):
    """z -- an array of any shape. Returns 1 / (1 + exp(-z)), same shape."""
    return 1 / (1 + np.exp(-z))


def L1(yhat, y):
    """yhat, y -- (m,). Returns sum_i |y_i - yhat_i| as a number."""
    loss = np.sum(np.abs(y - yhat))
    return loss


def L2(yhat, y):
    """yhat, y -- (m,). Returns sum_i (y_i - yhat_i)^2 as a number."""
    loss = np.sum((y - yhat) ** 2)
    return loss


def gradient_no_loop(w, b, X, Y):
    """w -- (n_x, 1), b -- a number, X -- (n_x, m), Y -- (1, m).

    Returns dw (n_x, 1) and db (a number): the gradient of the logistic-regression cost.
    """
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    dZ = A - Y
    dw = np.dot(X, dZ.T) / m
    db = float(np.sum(dZ) / m)
    return dw, db
