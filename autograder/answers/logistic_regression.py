"""Answers written in advance for 03_logistic_regression (see `autograder.answers`).

In the notebook each function finds the ones written before it (`sigmoid`, `propagate`, ...)
among the notebook's names; here the reference versions stand in for them.
"""

from dataclasses import dataclass

import numpy as np
from tqdm.auto import tqdm

from autograder.answers import Answer
from autograder.reference import logistic_regression as reference

HELPERS = ["sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict"]


@dataclass(frozen=True)
class NotebookAnswer(Answer):
    def compile(self):
        """The function, defined among the reference versions of the notebook's other ones."""
        namespace = {"np": np, "tqdm": tqdm}
        namespace.update({name: getattr(reference, name) for name in HELPERS
                          if name != self.function})
        exec(compile(self.source, f"<answer {self.name}>", "exec"), namespace)
        return namespace[self.function]


A = NotebookAnswer

MISTAKES = [
    A("sigmoid", "sign flipped", """
def sigmoid(z):
    return 1 / (1 + np.exp(z))
""", visible="at index (1,) expected 0.880797078, got 0.119202922", hidden="wrong values"),
    A("sigmoid", "math.exp on arrays", """
import math
def sigmoid(z):
    return 1 / (1 + math.exp(-z))
""", visible="raised TypeError", hidden="raised TypeError"),
    A("sigmoid", "integer division", """
def sigmoid(z):
    return 1 // (1 + np.exp(-z))
""", visible="wrong values", hidden="wrong values"),
    A("initialize_with_zeros", "w as a flat vector", """
def initialize_with_zeros(dim):
    return np.zeros(dim), 0.0
""", visible="-> w: expected shape (2, 1), got (2,)", hidden="expected shape (1, 1), got (1,)"),
    A("initialize_with_zeros", "b as a (1, 1) array", """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1)), np.zeros((1, 1))
""", visible="-> b: expected a single number, got an array of shape (1, 1)",
        hidden="expected a single number"),
    A("initialize_with_zeros", "integer zeros", """
def initialize_with_zeros(dim):
    return np.zeros((dim, 1), dtype=int), 0
""", visible="-> w: expected floating-point values, got dtype int64",
        hidden="expected floating-point values"),
    A("initialize_with_zeros", "w as a row", """
def initialize_with_zeros(dim):
    return np.zeros((1, dim)), 0.0
""", visible="expected shape (2, 1), got (1, 2)", hidden="expected shape (7, 1), got (1, 7)"),
    A("flatten_images", "reshape(-1, m)", """
def flatten_images(images):
    m = images.shape[0]
    return images.reshape(-1, m)
""", visible="wrong values in 22 of 24 entries", hidden="wrong values"),
    A("flatten_images", "no transpose", """
def flatten_images(images):
    return images.reshape(images.shape[0], -1)
""", visible="expected shape (12, 2), got (2, 12)", hidden="expected shape (48, 5), got (5, 48)"),
    A("flatten_images", "one long column", """
def flatten_images(images):
    return images.reshape(-1, 1)
""", visible="expected shape (12, 2), got (24, 1)", hidden="expected shape"),
    A("propagate", "db as a (1, 1) array", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y, axis=1, keepdims=True) / m
    return {"dw": dw, "db": db}, cost
""", visible="['db']: expected a single number, got an array of shape (1, 1)",
        hidden="['db']: expected a single number"),
    A("propagate", "cost without the minus sign", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
""", visible="-> cost: expected 5.801545319, got -5.801545319", hidden="-> cost: expected"),
    A("propagate", "sum instead of mean", """
def propagate(w, b, X, Y):
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = np.dot(X, (A - Y).T)
    db = np.sum(A - Y)
    return {"dw": dw, "db": db}, cost
""", visible="['dw']: wrong values", hidden="wrong values"),
    A("propagate", "A - Y not transposed", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, A - Y) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
""", visible="raised ValueError: shapes (2,3) and (1,3) not aligned",
        hidden="raised ValueError"),
    A("propagate", "cost as a (1, 1) array", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, cost
""", visible="-> cost: expected a single number, got an array of shape (1, 1)",
        hidden="expected a single number"),
    A("optimize", "gradient ascent", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w + learning_rate * grads["dw"]
        b = b + learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""", visible="['w']: wrong values", hidden="wrong values"),
    A("optimize", "updates w in place", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w -= learning_rate * grads["dw"]
        b -= learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""", visible="changed its argument number 1 in place", hidden="changed its argument number 1"),
    A("optimize", "a cost every iteration", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""", visible="expected 1 costs (one every 100 iterations, from iteration 0), got 100",
        hidden="costs (one every 100 iterations"),
    A("optimize", "forgot to update b", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
""", visible="['w']: wrong values", hidden="wrong values"),
    A("predict", "threshold >= 0.5", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A >= 0.5).astype(float)
""", visible="every probability is exactly 0.5: wrong values in 3 of 3 entries", hidden=None),
    A("predict", "probabilities, not labels", """
def predict(w, b, X):
    return sigmoid(np.dot(w.T, X) + b)
""", visible="wrong values", hidden="wrong values"),
    A("predict", "flat predictions", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A[0] > 0.5).astype(float)
""", visible="expected shape (1, 3), got (3,)", hidden="expected shape (1, 11), got (11,)"),
    A("predict", "forgot the bias", """
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X))
    return (A > 0.5).astype(float)
""", visible=None, hidden="wrong values"),
    A("model", "ignores learning_rate", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""", visible="['w']: wrong values", hidden="wrong values"),
    A("model", "w sized by the number of examples", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[1])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""", visible="raised ValueError", hidden="raised ValueError"),
    A("model", "test predictions made on the training set", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_train),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""", visible="['Y_prediction_test']: expected shape (1, 4), got (1, 8)",
        hidden="['Y_prediction_test']: expected shape"),
    A("model", "2000 iterations hard-coded", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, 2000, learning_rate)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test),
            "Y_prediction_train": predict(w, b, X_train), "w": w, "b": b,
            "learning_rate": learning_rate, "num_iterations": num_iterations}
""", visible="['w']: wrong values", hidden="wrong values"),
]

VARIANTS = [
    A("sigmoid", "tanh identity", """
def sigmoid(z):
    return 0.5 * (1 + np.tanh(z / 2))
"""),
    A("initialize_with_zeros", "b as the integer 0, w via np.zeros_like", """
def initialize_with_zeros(dim):
    w = np.zeros_like(np.empty((dim, 1)))
    b = 0
    return w, b
"""),
    A("initialize_with_zeros", "b as a 0-d array", """
def initialize_with_zeros(dim):
    return np.zeros(shape=(dim, 1), dtype=np.float64), np.array(0.0)
"""),
    A("flatten_images", "image by image", """
def flatten_images(images):
    return np.stack([image.ravel() for image in images], axis=1)
"""),
    A("flatten_images", "explicit sizes", """
def flatten_images(images):
    m, height, width, channels = images.shape
    return images.reshape(m, height * width * channels).T
"""),
    A("propagate", "mean, matmul and a 0-d db", """
def propagate(w, b, X, Y):
    A = sigmoid(w.T @ X + b)
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = X @ (A - Y).T / X.shape[1]
    db = np.array(np.mean(A - Y))
    grads = {"dw": dw, "db": db}
    return grads, cost
"""),
    A("propagate", "dot-product cost squeezed, float db", """
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = np.squeeze(-(np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T)) / m)
    dw = (1 / m) * np.dot(X, (A - Y).T)
    db = float((1 / m) * np.sum(A - Y))
    return {"dw": dw, "db": db}, cost
"""),
    A("optimize", "while loop, progress bar", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    i = 0
    progress = tqdm(total=num_iterations, disable=not print_cost)
    while i < num_iterations:
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
        i += 1
        progress.update()
    progress.close()
    params = {"w": w, "b": b}
    return params, {"dw": dw, "db": db}, costs
"""),
    A("optimize", "optional parameters in another order", """
def optimize(w, b, X, Y, print_cost=False, learning_rate=0.009, num_iterations=100):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
"""),
    A("predict", "the classic loop", """
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(m):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction
"""),
    A("predict", "np.where with integers", """
def predict(w, b, X):
    return np.where(np.dot(w.T, X) + b > 0, 1, 0)
"""),
    A("model", "optional parameters in another order", """
def model(X_train, Y_train, X_test, Y_test, print_cost=False, learning_rate=0.5,
          num_iterations=2000):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate)
    w, b = params["w"], params["b"]
    return {"costs": costs, "w": w, "b": b, "learning_rate": learning_rate,
            "num_iterations": num_iterations,
            "Y_prediction_train": predict(w, b, X_train),
            "Y_prediction_test": predict(w, b, X_test)}
"""),
    A("model", "beside a wrong optimize and predict (graded there)", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    return {"w": w, "b": b}, {"dw": w, "db": b}, []


def predict(w, b, X):
    return np.ones((1, X.shape[1]))


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                    learning_rate=learning_rate, print_cost=print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "w": w, "b": b, "learning_rate": learning_rate,
            "num_iterations": num_iterations, "Y_prediction_train": predict(w, b, X_train),
            "Y_prediction_test": predict(w, b, X_test)}
"""),
    A("model", "keyword arguments and an f-string report", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_with_zeros(dim=X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                    learning_rate=learning_rate, print_cost=print_cost)
    d = {"costs": costs, "w": params["w"], "b": params["b"],
         "learning_rate": learning_rate, "num_iterations": num_iterations}
    d["Y_prediction_train"] = predict(d["w"], d["b"], X_train)
    d["Y_prediction_test"] = predict(d["w"], d["b"], X_test)
    print(f"train accuracy: {np.mean(d['Y_prediction_train'] == Y_train) * 100:.1f} %")
    print(f"test accuracy: {np.mean(d['Y_prediction_test'] == Y_test) * 100:.1f} %")
    return d
"""),
]

ERRORS = [
    A("sigmoid", "undefined name", """
def sigmoid(z):
    return 1 / (1 + np.exp(-x))
""", visible="raised NameError", hidden="raised NameError"),
    A("initialize_with_zeros", "shape given as two arguments", """
def initialize_with_zeros(dim):
    return np.zeros(dim, 1), 0.0
""", visible="raised TypeError", hidden="raised TypeError"),
    A("flatten_images", "reshape of a list", """
def flatten_images(images):
    return list(images).reshape(images.shape[0], -1).T
""", visible="raised AttributeError", hidden="raised AttributeError"),
    A("propagate", "grads key misspelt", """
def propagate(w, b, X, Y):
    grads = {"dw": np.zeros_like(w)}
    return grads, grads["db"]
""", visible="raised KeyError", hidden="raised KeyError"),
    A("optimize", "unpacks propagate the wrong way round", """
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        cost, grads = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
    return {"w": w, "b": b}, grads, costs
""", visible="raised", hidden="raised"),
    A("predict", "transposes X instead of w", """
def predict(w, b, X):
    return (sigmoid(np.dot(w, X.T) + b) > 0.5).astype(float)
""", visible="raised ValueError", hidden="raised ValueError"),
    A("model", "calls a function that does not exist", """
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
          print_cost=False):
    w, b = initialize_parameters(X_train.shape[0])
    return {}
""", visible="raised NameError", hidden="raised NameError"),
]

TYPICAL = ["reshape(-1, m)", "db as a (1, 1) array", "threshold >= 0.5",
           "a cost every iteration"]
