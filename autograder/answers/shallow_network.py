"""Answers written in advance for 04_shallow_network (see `autograder.answers`).

Every answer is self-contained (it runs with only `np` defined), so `nn_model` and
`predict` answers write their forward pass inline instead of calling the notebook's
other functions.
"""

from autograder.answers import Answer

# A complete, correct training loop; mistakes below change one thing in it.
_NN_MODEL = """
def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False):
    n_x, n_y, m = X.shape[0], Y.shape[0], X.shape[1]
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    for i in range(num_iterations):
        A1 = np.tanh(W1 @ X + b1)
        A2 = 1 / (1 + np.exp(-(W2 @ A1 + b2)))
        dZ2 = A2 - Y
        dW2 = dZ2 @ A1.T / m
        db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)
        dW1 = dZ1 @ X.T / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m
        W1 = W1 - learning_rate * dW1
        b1 = b1 - learning_rate * db1
        W2 = W2 - learning_rate * dW2
        b2 = b2 - learning_rate * db2
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
"""


def _nn_model(old: str, new: str, count: int = 1) -> str:
    assert _NN_MODEL.count(old) == count, old
    return _NN_MODEL.replace(old, new)


MISTAKES = [
    Answer("layer_sizes", "examples instead of features", """
def layer_sizes(X, Y):
    return X.shape[1], 4, Y.shape[1]
""", visible="expected (5, 4, 2), got (3, 4, 3)", hidden="expected (7, 4, 3), got (11, 4, 11)"),
    Answer("layer_sizes", "output size from X", """
def layer_sizes(X, Y):
    return X.shape[0], 4, X.shape[0]
""", visible="expected (5, 4, 2), got (5, 4, 5)", hidden="expected (7, 4, 3), got (7, 4, 7)"),
    Answer("layer_sizes", "shapes instead of sizes", """
def layer_sizes(X, Y):
    return X.shape, 4, Y.shape
""", visible="got ((5, 3), 4, (2, 3))", hidden="got ((7, 11), 4, (3, 11))"),
    Answer("layer_sizes", "one output hard-coded", """
def layer_sizes(X, Y):
    return X.shape[0], 4, 1
""", visible="expected (5, 4, 2), got (5, 4, 1)", hidden="expected (7, 4, 3), got (7, 4, 1)"),
    Answer("initialize_parameters", "zero weights", """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}
""", visible="must be random and all different", hidden="must be random and all different"),
    Answer("initialize_parameters", "weights not scaled down", """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x), "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_y, n_h), "b2": np.zeros((n_y, 1))}
""", visible="standard deviation 0.01",
        hidden="standard deviation 0.01"),
    Answer("initialize_parameters", "transposed weights", """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_x, n_h) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.randn(n_h, n_y) * 0.01, "b2": np.zeros((n_y, 1))}
""", visible="['W1']: expected a float array of shape (4, 2), got shape (2, 4)",
        hidden="expected a float array of shape (20, 30), got shape (30, 20)"),
    Answer("initialize_parameters", "biases as flat vectors", """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros(n_h),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros(n_y)}
""", visible="['b1']: expected shape (4, 1), got (4,)", hidden="expected shape (20, 1), got (20,)"),
    Answer("initialize_parameters", "uniform instead of normal", """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.rand(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": np.random.rand(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
""", visible="standard deviation 0.01", hidden="standard deviation 0.01"),
    Answer("forward_propagation", "sigmoid in the hidden layer", """
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = 1 / (1 + np.exp(-Z1))
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""", visible="A2 of forward_propagation(X, parameters): wrong values", hidden="wrong values"),
    Answer("forward_propagation", "biases forgotten", """
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""", visible="wrong values in 3 of 3 entries", hidden="wrong values"),
    Answer("forward_propagation", "tanh at the output", """
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = np.tanh(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""", visible="at index (0, 0) expected 0.3662070687, got -0.4994126814", hidden="wrong values"),
    Answer("forward_propagation", "element-wise product instead of a matrix product", """
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] * X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] * A1 + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
""", visible="raised ValueError: operands could not be broadcast together",
        hidden="raised ValueError"),
    Answer("forward_propagation", "returns only A2", """
def forward_propagation(X, parameters):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    return 1 / (1 + np.exp(-(parameters["W2"] @ A1 + parameters["b2"])))
""", visible="expected two results, `return A2, cache`",
        hidden="expected two results, `return A2, cache`"),
    Answer("compute_cost", "minus sign forgotten", """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)
""", visible="expected 0.3635480397, got -0.3635480397", hidden="expected"),
    Answer("compute_cost", "sum instead of mean", """
def compute_cost(A2, Y):
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))
""", visible="expected 0.3635480397, got 1.090644119", hidden="expected"),
    Answer("compute_cost", "only the positive examples", """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2)) / m)
""", visible="expected 0.3635480397, got 0.2446563917", hidden="expected"),
    Answer("compute_cost", "a (1, 1) array", """
def compute_cost(A2, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)) / m
""", visible="expected a single number, got an array of shape (1, 1)",
        hidden="expected a single number, got an array of shape (1, 1)"),
    Answer("backward_propagation", "missing 1/m", """
def backward_propagation(parameters, cache, X, Y):
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T
    db2 = np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1 ** 2)
    dW1 = dZ1 @ X.T
    db1 = np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""", visible="['dW1']: wrong values in 6 of 6 entries", hidden="['dW1']: wrong values"),
    Answer("backward_propagation", "sigmoid derivative for tanh", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (parameters["W2"].T @ dZ2) * A1 * (1 - A1)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""", visible="['dW1']: wrong values", hidden="['dW1']: wrong values"),
    Answer("backward_propagation", "db without keepdims", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1 ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""", visible="['db1']: expected shape (3, 1), got (3,)", hidden="expected shape (5, 1), got (5,)"),
    Answer("backward_propagation", "error sign flipped", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = Y - A2
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1 ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""", visible="at index (0, 0) expected -0.3027744637, got 0.3027744637", hidden="wrong values"),
    Answer("backward_propagation", "derivative of tanh forgotten", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = parameters["W2"].T @ dZ2
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
""", visible="['dW1']: wrong values", hidden="['dW1']: wrong values"),
    Answer("update_parameters", "plus instead of minus", """
def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] + learning_rate * grads["d" + name]
            for name in ("W1", "b1", "W2", "b2")}
""", visible="at index (0, 0) expected 0.288, got 0.312", hidden="wrong values"),
    Answer("update_parameters", "learning rate ignored", """
def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] - 1.2 * grads["d" + name]
            for name in ("W1", "b1", "W2", "b2")}
""", visible=None, hidden="update_parameters(parameters, grads, learning_rate=0.5)"),
    Answer("update_parameters", "updates in place", """
def update_parameters(parameters, grads, learning_rate=1.2):
    for name in ("W1", "b1", "W2", "b2"):
        parameters[name] -= learning_rate * grads["d" + name]
    return parameters
""", visible="changed its argument number 1 in place",
        hidden="changed its argument number 1 in place"),
    Answer("update_parameters", "biases left out", """
def update_parameters(parameters, grads, learning_rate=1.2):
    return {"W1": parameters["W1"] - learning_rate * grads["dW1"], "b1": parameters["b1"],
            "W2": parameters["W2"] - learning_rate * grads["dW2"], "b2": parameters["b2"]}
""", visible="['b1']: wrong values in 3 of 3 entries", hidden="['b1']: wrong values"),
    Answer("nn_model", "hidden size from layer_sizes", _nn_model(
        "n_x, n_y, m = X.shape[0], Y.shape[0], X.shape[1]",
        "n_x, n_h, n_y, m = X.shape[0], 4, Y.shape[0], X.shape[1]"),
        visible="['b1']: expected shape (3, 1), got (4, 1)",
        hidden="expected shape (5, 2), got (4, 2)"),
    Answer("nn_model", "fixed learning rate in the loop", _nn_model(
        "- learning_rate *", "- 1.2 *", count=4),
        visible="learning_rate=0.0)['b1']: wrong values",
        hidden="learning_rate=0.0)  # nothing to learn"),
    Answer("nn_model", "parameters never updated", _nn_model(
        "        W1 = W1 - learning_rate * dW1\n", "        W1_new = W1 - learning_rate * dW1\n"),
        visible="should have grown far beyond", hidden="not below the untrained network's"),
    Answer("nn_model", "re-initialized in the loop", _nn_model(
        "        A1 = np.tanh(W1 @ X + b1)\n",
        "        W1 = np.random.randn(n_h, n_x) * 0.01\n        A1 = np.tanh(W1 @ X + b1)\n"),
        visible="should have grown far beyond", hidden="not below the untrained network's"),
    Answer("predict", "returns probabilities", """
def predict(parameters, X):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    return 1 / (1 + np.exp(-(parameters["W2"] @ A1 + parameters["b2"])))
""", visible="at index (0, 0) expected 0, got 0.237973763", hidden="wrong values"),
    Answer("predict", "classes swapped", """
def predict(parameters, X):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    A2 = 1 / (1 + np.exp(-(parameters["W2"] @ A1 + parameters["b2"])))
    return (A2 < 0.5).astype(int)
""", visible="wrong values in 5 of 5 entries", hidden="wrong values"),
    Answer("predict", "threshold on Z2 at 0.5", """
def predict(parameters, X):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    return (Z2 > 0.5).astype(int)
""", visible="at index (0, 4) expected 1, got 0", hidden="wrong values"),
    Answer("predict", "flat vector", """
def predict(parameters, X):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    A2 = 1 / (1 + np.exp(-(parameters["W2"] @ A1 + parameters["b2"])))
    return (A2 > 0.5).astype(int).ravel()
""", visible="expected shape (1, 5), got (5,)", hidden="expected shape (1, 50), got (50,)"),
]

VARIANTS = [
    Answer("layer_sizes", "a list of named sizes", """
def layer_sizes(X, Y):
    n_x = np.shape(X)[0]
    n_y = np.shape(Y)[0]
    return [n_x, 4, n_y]
"""),
    Answer("initialize_parameters", "np.random.normal with a scale", """
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.normal(0.0, 0.01, size=(n_h, n_x))
    b1 = np.zeros((n_h, 1))
    W2 = np.random.normal(0.0, 0.01, size=(n_y, n_h))
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
"""),
    Answer("forward_propagation", "np.dot and a tanh-based sigmoid", """
def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = 0.5 * (1 + np.tanh(Z2 / 2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
"""),
    Answer("forward_propagation", "a loop over examples", """
def forward_propagation(X, parameters):
    m = X.shape[1]
    n_h = parameters["W1"].shape[0]
    Z1 = np.zeros((n_h, m))
    Z2 = np.zeros((1, m))
    for j in range(m):
        Z1[:, j] = parameters["W1"] @ X[:, j] + parameters["b1"][:, 0]
        Z2[:, j] = parameters["W2"] @ np.tanh(Z1[:, j]) + parameters["b2"][:, 0]
    A1 = np.tanh(Z1)
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
"""),
    Answer("compute_cost", "np.dot and np.squeeze", """
def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)
    return np.squeeze(-logprobs / m)
"""),
    Answer("compute_cost", "np.mean of np.multiply", """
def compute_cost(A2, Y):
    return -np.mean(np.multiply(Y, np.log(A2)) + np.multiply(1 - Y, np.log(1 - A2)))
"""),
    Answer("backward_propagation", "1 - np.tanh(Z1)**2", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dW2 = 1 / m * np.dot(dZ2, cache["A1"].T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.tanh(cache["Z1"])**2)
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
"""),
    Answer("backward_propagation", "1 - A1**2 with np.power and np.multiply", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    A1 = cache["A1"]
    dZ2 = cache["A2"] - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.multiply(np.dot(parameters["W2"].T, dZ2), 1 - np.power(A1, 2))
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
"""),
    Answer("backward_propagation", "gradients summed example by example", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    grads = {"dW1": np.zeros(parameters["W1"].shape), "db1": np.zeros(parameters["b1"].shape),
             "dW2": np.zeros(W2.shape), "db2": np.zeros(parameters["b2"].shape)}
    for j in range(m):
        a1 = cache["A1"][:, j:j + 1]
        dz2 = cache["A2"][:, j:j + 1] - Y[:, j:j + 1]
        dz1 = W2.T @ dz2 * (1 - a1 * a1)
        grads["dW2"] += dz2 @ a1.T / m
        grads["db2"] += dz2 / m
        grads["dW1"] += dz1 @ X[:, j:j + 1].T / m
        grads["db1"] += dz1 / m
    return grads
"""),
    Answer("update_parameters", "a copy updated in place", """
import copy
def update_parameters(parameters, grads, learning_rate=1.2):
    parameters = copy.deepcopy(parameters)
    parameters["W1"] -= learning_rate * grads["dW1"]
    parameters["b1"] -= learning_rate * grads["db1"]
    parameters["W2"] -= learning_rate * grads["dW2"]
    parameters["b2"] -= learning_rate * grads["db2"]
    return parameters
"""),
    Answer("nn_model", "a loop over named parameters", """
def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False):
    m = X.shape[1]
    p = {"W1": np.random.randn(n_h, X.shape[0]) * 0.01, "b1": np.zeros((n_h, 1)),
         "W2": np.random.randn(Y.shape[0], n_h) * 0.01, "b2": np.zeros((Y.shape[0], 1))}
    for _ in range(num_iterations):
        A1 = np.tanh(np.dot(p["W1"], X) + p["b1"])
        A2 = 1 / (1 + np.exp(-(np.dot(p["W2"], A1) + p["b2"])))
        dZ2 = A2 - Y
        dZ1 = np.dot(p["W2"].T, dZ2) * (1 - np.power(A1, 2))
        g = {"W1": np.dot(dZ1, X.T) / m, "b1": np.sum(dZ1, axis=1, keepdims=True) / m,
             "W2": np.dot(dZ2, A1.T) / m, "b2": np.sum(dZ2, axis=1, keepdims=True) / m}
        p = {name: p[name] - learning_rate * g[name] for name in p}
    return p
"""),
    Answer("nn_model", "seeds the random generator itself", _nn_model(
        "    n_x, n_y, m = X.shape[0], Y.shape[0], X.shape[1]\n",
        "    np.random.seed(3)\n    n_x, n_y, m = X.shape[0], Y.shape[0], X.shape[1]\n")),
    Answer("nn_model", "np.random.default_rng, the classic's order of optional parameters",
           _nn_model(
        "def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False):\n"
        "    n_x, n_y, m = X.shape[0], Y.shape[0], X.shape[1]\n"
        "    W1 = np.random.randn(n_h, n_x) * 0.01\n"
        "    b1 = np.zeros((n_h, 1))\n"
        "    W2 = np.random.randn(n_y, n_h) * 0.01\n",
        "def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False, learning_rate=1.2):\n"
        "    n_x, n_y, m = X.shape[0], Y.shape[0], X.shape[1]\n"
        "    rng = np.random.default_rng(2)\n"
        "    W2 = rng.standard_normal((n_y, n_h)) * 0.01\n"
        "    W1 = rng.standard_normal((n_h, n_x)) * 0.01\n"
        "    b1 = np.zeros((n_h, 1))\n")),
    Answer("nn_model", "the notebook's helpers, beside a wrong update_parameters (graded there)",
           """
def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] - 1.2 * grads["d" + name] for name in parameters}


def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=learning_rate)
    return parameters
"""),
    Answer("initialize_parameters", "seeded inside, W2 drawn first (the classic template)", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W2 = np.random.randn(n_y, n_h) * 0.01
    W1 = np.random.randn(n_h, n_x) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}
"""),
    Answer("initialize_parameters", "np.random.default_rng", """
def initialize_parameters(n_x, n_h, n_y):
    rng = np.random.default_rng()
    return {"W1": rng.normal(0.0, 0.01, (n_h, n_x)), "b1": np.zeros((n_h, 1)),
            "W2": rng.normal(0.0, 0.01, (n_y, n_h)), "b2": np.zeros((n_y, 1))}
"""),
    Answer("update_parameters", "optional parameters in another order", """
def update_parameters(parameters, grads, momentum=None, learning_rate=1.2):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}
"""),
    Answer("backward_propagation", "beside a wrong compute_cost of its own (graded there)", """
def compute_cost(A2, Y):
    return float(np.sum(A2 - Y))


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - cache["A1"] ** 2)
    return {"dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}
"""),
    Answer("predict", "np.round of the probabilities", """
def predict(parameters, X):
    A1 = np.tanh(np.dot(parameters["W1"], X) + parameters["b1"])
    A2 = 1 / (1 + np.exp(-(np.dot(parameters["W2"], A1) + parameters["b2"])))
    return np.round(A2)
"""),
    Answer("predict", "a boolean array", """
def predict(parameters, X):
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    return Z2 > 0
"""),
]

ERRORS = [
    Answer("layer_sizes", "shape taken as a call", """
def layer_sizes(X, Y):
    return X.shape(0), 4, Y.shape(0)
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("initialize_parameters", "a shape passed as two arguments to np.zeros", """
def initialize_parameters(n_x, n_h, n_y):
    return {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros(n_h, 1),
            "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros(n_y, 1)}
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("forward_propagation", "a key that does not exist", """
def forward_propagation(X, parameters):
    A1 = np.tanh(parameters["W"] @ X + parameters["b"])
    A2 = 1 / (1 + np.exp(-(parameters["W2"] @ A1 + parameters["b2"])))
    return A2, {"A1": A1, "A2": A2}
""", visible="raised KeyError", hidden="raised KeyError"),
    Answer("compute_cost", "undefined m", """
def compute_cost(A2, Y):
    return -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
""", visible="raised NameError: name 'm' is not defined", hidden="raised NameError"),
    Answer("backward_propagation", "matrix shapes that do not fit", """
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dZ1 = (parameters["W1"].T @ dZ2) * (1 - cache["A1"] ** 2)
    return {"dW1": dZ1 @ X.T / m, "db1": np.sum(dZ1, axis=1, keepdims=True) / m,
            "dW2": dZ2 @ cache["A1"].T / m, "db2": np.sum(dZ2, axis=1, keepdims=True) / m}
""", visible="raised ValueError", hidden="raised ValueError"),
    Answer("update_parameters", "gradients looked up by the wrong names", """
def update_parameters(parameters, grads, learning_rate=1.2):
    return {name: parameters[name] - learning_rate * grads[name] for name in parameters}
""", visible="raised KeyError", hidden="raised KeyError"),
    Answer("nn_model", "calls a function that does not exist", """
def nn_model(X, Y, n_h, num_iterations=10000, learning_rate=1.2, print_cost=False):
    parameters = initialise_parameters(X.shape[0], n_h, Y.shape[0])
    return parameters
""", visible="raised NameError", hidden="raised NameError"),
    Answer("predict", "unpacks one result into two", """
def predict(parameters, X):
    A1, A2 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    return (A2 > 0.5).astype(int)
""", visible="raised ValueError", hidden="raised ValueError"),
]

TYPICAL = ["sigmoid derivative for tanh", "sum instead of mean", "learning rate ignored",
           "returns probabilities"]
