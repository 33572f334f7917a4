"""Answers written in advance for 02_vectorization (see `autograder.answers`)."""

from autograder.answers import Answer

A = Answer

MISTAKES = [
    A("L1", "no absolute value", """
def L1(yhat, y):
    return np.sum(y - yhat)
""", visible="expected 1.1, got 0.5", hidden="expected"),
    A("L1", "mean instead of sum", """
def L1(yhat, y):
    return np.mean(np.abs(y - yhat))
""", visible="expected 1.1, got 0.22", hidden="expected"),
    A("L1", "absolute value of the sum", """
def L1(yhat, y):
    return np.abs(np.sum(y - yhat))
""", visible="expected 1.1, got 0.5", hidden="expected"),
    A("L1", "a Python loop", """
def L1(yhat, y):
    loss = 0.0
    for a, b in zip(np.ravel(yhat), np.ravel(y)):
        loss += abs(b - a)
    return loss
""", visible="L1: must be vectorized, but has a Python loop (For)",
        hidden="must be vectorized"),
    A("L1", "forgot to sum", """
def L1(yhat, y):
    return np.abs(y - yhat)
""", visible="expected a single number, got an array of shape (5,)",
        hidden="expected a single number"),
    A("L2", "forgot to square", """
def L2(yhat, y):
    return np.sum(np.abs(y - yhat))
""", visible="expected 0.43, got 1.1", hidden="expected"),
    A("L2", "square root: the Euclidean distance", """
def L2(yhat, y):
    return np.sqrt(np.sum((y - yhat) ** 2))
""", visible="expected 0.43, got 0.6557438524", hidden="expected"),
    A("L2", "dot with the transpose of a row vector", """
def L2(yhat, y):
    d = yhat - y
    return np.dot(d, d.T)
""", visible="expected a single number, got an array of shape (1, 1)",
        hidden="expected a single number"),
    A("L2", "^ instead of **", """
def L2(yhat, y):
    return np.sum((y - yhat) ^ 2)
""", visible="raised TypeError", hidden="raised TypeError"),
    A("L2", "a comprehension", """
def L2(yhat, y):
    return sum([(b - a) ** 2 for a, b in zip(np.ravel(yhat), np.ravel(y))])
""", visible="L2: must be vectorized, but has a Python loop (ListComp)",
        hidden="must be vectorized"),
    A("gradient_no_loop", "forgot to divide by m", """
def gradient_no_loop(w, b, X, Y):
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    dw = np.dot(X, (A - Y).T)
    db = np.sum(A - Y)
    return dw, db
""", visible="-> dw: wrong values in 2 of 2 entries", hidden="wrong values"),
    A("gradient_no_loop", "A - Y not transposed", """
def gradient_no_loop(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    dw = np.dot(X, A - Y) / m
    db = np.sum(A - Y) / m
    return dw, db
""", visible="raised ValueError: shapes (2,3) and (1,3) not aligned", hidden="raised ValueError"),
    A("gradient_no_loop", "Y - A: the gradient of the wrong sign", """
def gradient_no_loop(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    dw = np.dot(X, (Y - A).T) / m
    db = np.sum(Y - A) / m
    return dw, db
""", visible="at index (0, 0) expected 0.9984560146, got -0.9984560146",
        hidden="wrong values"),
    A("gradient_no_loop", "forgot the bias", """
def gradient_no_loop(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-np.dot(w.T, X)))
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return dw, db
""", visible="wrong values", hidden="wrong values"),
    A("gradient_no_loop", "db as a (1, 1) array", """
def gradient_no_loop(w, b, X, Y):
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.dot(w.T, X) + b)))
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y, axis=1, keepdims=True) / m
    return dw, db
""", visible="-> db: expected a single number, got an array of shape (1, 1)",
        hidden="expected a single number"),
    A("gradient_no_loop", "one loop left over the examples", """
def gradient_no_loop(w, b, X, Y):
    n_x, m = X.shape
    dw, db = np.zeros((n_x, 1)), 0.0
    for i in range(m):
        a = 1 / (1 + np.exp(-(np.dot(w[:, 0], X[:, i]) + b)))
        dw[:, 0] += X[:, i] * (a - Y[0, i])
        db += a - Y[0, i]
    return dw / m, db / m
""", visible="gradient_no_loop: must be vectorized, but has a Python loop (For)",
        hidden="must be vectorized"),
]

VARIANTS = [
    A("L1", "np.linalg.norm with ord 1 on the flattened difference", """
def L1(yhat, y):
    return np.linalg.norm(np.ravel(y - yhat), ord=1)
"""),
    A("L1", "sum method, returns a 0-d array", """
def L1(yhat, y):
    return np.array(abs(yhat - y).sum())
"""),
    A("L2", "dot of the flattened difference with itself", """
def L2(yhat, y):
    d = np.ravel(yhat - y)
    return np.dot(d, d)
"""),
    A("L2", "np.square and a Python float", """
def L2(yhat, y):
    return float(np.square(yhat - y).sum())
"""),
    A("gradient_no_loop", "matmul operator, mean for db, b kept as it came", """
def gradient_no_loop(w, b, X, Y):
    dZ = 1 / (1 + np.exp(-(w.T @ X + b))) - Y
    return X @ dZ.T / X.shape[1], np.mean(dZ)
"""),
    A("gradient_no_loop", "einsum and tanh, db as a 0-d array", """
def gradient_no_loop(w, b, X, Y):
    A = 0.5 * (1 + np.tanh((np.einsum('ij,ik->jk', w, X) + b) / 2))
    m = X.shape[1]
    return np.einsum('ik,jk->ij', X, A - Y) / m, np.array(np.sum(A - Y) / m)
"""),
]

ERRORS = [
    A("L1", "absolute value from the wrong module", """
def L1(yhat, y):
    return np.sum(np.absolute_value(y - yhat))
""", visible="raised AttributeError", hidden="raised AttributeError"),
    A("L2", "undefined name", """
def L2(yhat, y):
    return np.sum((y - y_hat) ** 2)
""", visible="raised NameError: name 'y_hat' is not defined", hidden="raised NameError"),
    A("gradient_no_loop", "unpacks the wrong shape", """
def gradient_no_loop(w, b, X, Y):
    n_x, m, c = X.shape
    return np.zeros((n_x, 1)), 0.0
""", visible="raised ValueError", hidden="raised ValueError"),
]

TYPICAL = ["a Python loop", "dot with the transpose of a row vector"]
