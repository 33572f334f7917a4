"""Reference solutions for 03_logistic_regression (the same code as the solution notebook)."""

import numpy as np
from tqdm.auto import tqdm


def sigmoid(z):
    """z -- a scalar or an array of any shape. Returns 1 / (1 + exp(-z)), same shape."""
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    """Returns w, zeros of shape (dim, 1), and b = 0.0."""
    w = np.zeros((dim, 1))
    b = 0.0
    return w, b


def flatten_images(images):
    """images -- (m, num_px, num_px, 3). Returns (num_px * num_px * 3, m), one image a column."""
    X_flatten = images.reshape(images.shape[0], -1).T
    return X_flatten


def propagate(w, b, X, Y):
    """w (n_x, 1), b a number, X (n_x, m), Y (1, m). Returns {"dw", "db"} and the cost."""
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """Gradient descent. Returns params {"w", "b"}, the last grads, and the cost every 100."""
    costs = []
    for i in tqdm(range(num_iterations), disable=not print_cost):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    params = {"w": w, "b": b}
    return params, grads, costs


def predict(w, b, X):
    """w (n_x, 1), b a number, X (n_x, m). Returns (1, m) predictions, 1.0 where A > 0.5."""
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A > 0.5).astype(float)
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    """Train from zeros, predict both sets, print both accuracies; returns the dict d."""
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate,
                                    print_cost)
    w = params["w"]
    b = params["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    print(f"train accuracy: {100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100:.1f} %")
    print(f"test accuracy: {100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100:.1f} %")
    d = {"costs": costs,
         "Y_prediction_test": Y_prediction_test,
         "Y_prediction_train": Y_prediction_train,
         "w": w,
         "b": b,
         "learning_rate": learning_rate,
         "num_iterations": num_iterations}
    return d
