"""Answers written in advance for 07_deep_network (see `autograder.answers`).

The functions of this notebook call each other (`L_model_forward` calls
`linear_activation_forward`, which calls `linear_forward`). An answer here is compiled
beside the reference's other functions, as it would sit in a notebook whose other cells
are right; the hidden tests bind those helpers to the reference's anyway.
"""

import linecache
from dataclasses import dataclass

import numpy as np

from autograder.answers import Answer
from autograder.reference import deep_network as reference

_HELPERS = {name: getattr(reference, name) for name in (
    "sigmoid", "relu", "sigmoid_backward", "relu_backward", "initialize_parameters_deep",
    "linear_forward", "linear_activation_forward", "L_model_forward", "compute_cost",
    "linear_backward", "linear_activation_backward", "L_model_backward", "update_parameters")}


@dataclass(frozen=True)
class DeepAnswer(Answer):
    def compile(self):
        """The function, defined among the reference's other functions of the notebook."""
        filename = f"<answer {self.function}: {self.name}>"
        linecache.cache[filename] = (len(self.source), None,
                                     self.source.splitlines(keepends=True), filename)
        namespace = {"np": np, **{name: function for name, function in _HELPERS.items()
                                  if name != self.function}}
        exec(compile(self.source, filename, "exec"), namespace)
        return namespace[self.function]


def _variant(reference_source: str, old: str, new: str) -> str:
    assert reference_source.count(old) == 1, old
    return reference_source.replace(old, new)


_INIT = """
def initialize_parameters_deep(layer_dims):
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = (np.random.randn(layer_dims[l], layer_dims[l - 1])
                                    * np.sqrt(2 / layer_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
"""

_L_MODEL_FORWARD = """
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)],
                                             parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)],
                                          parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches
"""

_L_MODEL_BACKWARD = """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA_prev, dW, db = linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    grads["dA" + str(L - 1)] = dA_prev
    grads["dW" + str(L)] = dW
    grads["db" + str(L)] = db
    for l in reversed(range(L - 1)):
        dA_prev, dW, db = linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
        grads["dA" + str(l)] = dA_prev
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads
"""

_L_LAYER_MODEL = """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False):
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs
"""

_LINEAR_ACTIVATION_BACKWARD = """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        dZ = sigmoid_backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)
"""

MISTAKES = [
    DeepAnswer("initialize_parameters_deep", "small weights of the shallow network",
               _variant(_INIT, "np.sqrt(2 / layer_dims[l - 1])", "0.01"),
               visible="expected He initialisation", hidden="expected He initialisation"),
    DeepAnswer("initialize_parameters_deep", "Xavier's 1/n instead of He's 2/n",
               _variant(_INIT, "np.sqrt(2 / layer_dims[l - 1])", "np.sqrt(1 / layer_dims[l - 1])"),
               visible="standard deviation sqrt(2 / 800) = 0.0500, got 0.0354",
               hidden="expected He initialisation"),
    DeepAnswer("initialize_parameters_deep", "scaled by the layer's own size",
               _variant(_INIT, "np.sqrt(2 / layer_dims[l - 1])", "np.sqrt(2 / layer_dims[l])"),
               visible="expected He initialisation", hidden="expected He initialisation"),
    DeepAnswer("initialize_parameters_deep", "transposed weights",
               _variant(_INIT, "np.random.randn(layer_dims[l], layer_dims[l - 1])",
                        "np.random.randn(layer_dims[l - 1], layer_dims[l])"),
               visible="['W1']: expected an array of shape (4, 5), got (5, 4)",
               hidden="expected shape (80, 1000), got (1000, 80)"),
    DeepAnswer("initialize_parameters_deep", "the last layer left out",
               _variant(_INIT, "for l in range(1, L):", "for l in range(1, L - 1):"),
               visible="expected a dict with keys ['W1', 'W2', 'b1', 'b2'], got ['W1', 'b1']",
               hidden="expected a dict with keys"),
    DeepAnswer("initialize_parameters_deep", "biases as flat vectors",
               _variant(_INIT, "np.zeros((layer_dims[l], 1))", "np.zeros(layer_dims[l])"),
               visible="['b1']: expected an array of shape (4, 1), got (4,)",
               hidden="expected shape (80, 1), got (80,)"),
    DeepAnswer("linear_forward", "bias forgotten", """
def linear_forward(A, W, b):
    Z = W @ A
    return Z, (A, W, b)
""", visible="Z of linear_forward", hidden="Z of linear_forward"),
    DeepAnswer("linear_forward", "element-wise product", """
def linear_forward(A, W, b):
    Z = W * A + b
    return Z, (A, W, b)
""", visible="raised ValueError: operands could not be broadcast together",
        hidden="raised ValueError"),
    DeepAnswer("linear_forward", "cache in another order", """
def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (W, A, b)
""", visible="item A of the cache: expected shape (3, 2), got (2, 3)",
        hidden="item A of the cache"),
    DeepAnswer("linear_forward", "bias as a row", """
def linear_forward(A, W, b):
    Z = np.dot(W, A) + b.T
    return Z, (A, W, b)
""", visible="Z of linear_forward", hidden="raised ValueError: operands could not be broadcast"),
    DeepAnswer("linear_activation_forward", "activations swapped", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "relu":
        A, activation_cache = sigmoid(Z)
    else:
        A, activation_cache = relu(Z)
    return A, (linear_cache, activation_cache)
""", visible="A of linear_activation_forward", hidden="A of linear_activation_forward"),
    DeepAnswer("linear_activation_forward", "caches in the wrong order", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    else:
        A, activation_cache = relu(Z)
    return A, (activation_cache, linear_cache)
""", visible="expected the cache `(A, W, b)`", hidden="expected the cache `((A_prev, W, b), Z)`"),
    DeepAnswer("linear_activation_forward", "the activation's cache is A", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, _ = sigmoid(Z)
    else:
        A, _ = relu(Z)
    return A, (linear_cache, A)
""", visible="activation_cache (Z) of linear_activation_forward",
        hidden="activation_cache (Z) of linear_activation_forward"),
    DeepAnswer("linear_activation_forward", "activation applied to the tuple", """
def linear_activation_forward(A_prev, W, b, activation):
    Z = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    else:
        A, activation_cache = relu(Z)
    return A, (Z, activation_cache)
""", visible="raised", hidden="raised"),
    DeepAnswer("L_model_forward", "sigmoid in every layer", _variant(
        _L_MODEL_FORWARD, '"relu")', '"sigmoid")'),
        visible="AL of L_model_forward", hidden="AL of L_model_forward"),
    DeepAnswer("L_model_forward", "one layer too few", _variant(
        _L_MODEL_FORWARD, "L = len(parameters) // 2", "L = len(parameters) // 2 - 1"),
        visible="AL of L_model_forward(X, parameters", hidden="expected shape (1, 6), got (3, 6)"),
    DeepAnswer("L_model_forward", "the input fed to every layer", _variant(
        _L_MODEL_FORWARD, 'A, cache = linear_activation_forward(A, parameters["W" + str(l)],',
        '_, cache = linear_activation_forward(A, parameters["W" + str(l)],'),
        visible="raised", hidden="raised"),
    DeepAnswer("L_model_forward", "the output layer's cache not kept", _variant(
        _L_MODEL_FORWARD, "    caches.append(cache)\n    return", "    return"),
        visible="expected a list of 3 caches, one per layer, got 2",
        hidden="expected a list of 3 caches, one per layer, got 2"),
    DeepAnswer("compute_cost", "minus sign forgotten", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    return float(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
""", visible="expected 0.2797765636, got -0.2797765636", hidden="expected"),
    DeepAnswer("compute_cost", "sum instead of mean", """
def compute_cost(AL, Y):
    return float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))
""", visible="expected 0.2797765636, got 0.8393296907", hidden="expected"),
    DeepAnswer("compute_cost", "a (1, 1) array", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
""", visible="expected a single number, got an array of shape (1, 1)",
        hidden="expected a single number, got an array of shape (1, 1)"),
    DeepAnswer("compute_cost", "the negative examples left out", """
def compute_cost(AL, Y):
    return float(-np.mean(Y * np.log(AL)))
""", visible="expected 0.2797765636, got 0.1095013557", hidden="expected"),
    DeepAnswer("linear_backward", "missing 1/m", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    return W.T @ dZ, dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True)
""", visible="dW of linear_backward", hidden="dW of linear_backward"),
    DeepAnswer("linear_backward", "dA_prev divided by m", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ / m, dZ @ A_prev.T / m, np.sum(dZ, axis=1, keepdims=True) / m
""", visible="dA_prev of linear_backward", hidden="dA_prev of linear_backward"),
    DeepAnswer("linear_backward", "db without keepdims", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=1) / m
""", visible="db of linear_backward(dZ, (A_prev, W, b))  # dZ (2, 2), A_prev (3, 2), W (2, 3), "
             "b (2, 1): expected shape (2, 1), got (2,)", hidden="expected shape (4, 1), got (4,)"),
    DeepAnswer("linear_backward", "db summed over the units", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, np.sum(dZ, axis=0, keepdims=True) / m
""", visible="expected shape (2, 1), got (1, 2)", hidden="expected shape (4, 1), got (1, 7)"),
    DeepAnswer("linear_activation_backward", "activations swapped", _variant(
        _LINEAR_ACTIVATION_BACKWARD, 'if activation == "relu":', 'if activation == "sigmoid":'),
        visible="dA_prev of linear_activation_backward", hidden="dA_prev of"),
    DeepAnswer("linear_activation_backward", "the activation's derivative forgotten", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    return linear_backward(dA, linear_cache)
""", visible="dA_prev of linear_activation_backward", hidden="dA_prev of"),
    DeepAnswer("linear_activation_backward", "ReLU's derivative from the output's sign", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (dA > 0)
    else:
        dZ = sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
""", visible="dA_prev of linear_activation_backward(dA, cache, \"relu\")",
        hidden="dA_prev of linear_activation_backward(dA, cache, \"relu\")"),
    DeepAnswer("linear_activation_backward", "sigmoid derivative without the upstream gradient",
               """
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = relu_backward(dA, Z)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = s * (1 - s)
    return linear_backward(dZ, linear_cache)
""", visible="dA_prev of linear_activation_backward(dA, cache, \"sigmoid\")",
               hidden="dA_prev of linear_activation_backward(dA, cache, \"sigmoid\")"),
    DeepAnswer("L_model_backward", "dAL with the sign flipped", _variant(
        _L_MODEL_BACKWARD, "dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
        "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
        visible="wrong values", hidden="wrong values"),
    DeepAnswer("L_model_backward", "relu for the output layer", _variant(
        _L_MODEL_BACKWARD, 'caches[L - 1], "sigmoid")', 'caches[L - 1], "relu")'),
        visible="wrong values", hidden="wrong values"),
    DeepAnswer("L_model_backward", "gradients stored one layer off", _variant(
        _L_MODEL_BACKWARD, 'grads["dW" + str(l + 1)] = dW\n        grads["db" + str(l + 1)] = db',
        'grads["dW" + str(l)] = dW\n        grads["db" + str(l)] = db'),
        visible="the result has no key 'dW2'", hidden="the result has no key 'dW2'"),
    DeepAnswer("L_model_backward", "the same dA fed to every layer", _variant(
        _L_MODEL_BACKWARD, 'linear_activation_backward(grads["dA" + str(l + 1)], caches[l]',
        'linear_activation_backward(grads["dA" + str(L - 1)], caches[l]'),
        visible="raised ValueError: operands could not be broadcast together",
        hidden="raised ValueError: operands could not be broadcast together"),
    DeepAnswer("update_parameters", "plus instead of minus", """
def update_parameters(params, grads, learning_rate):
    return {name: params[name] + learning_rate * grads["d" + name] for name in params}
""", visible="wrong values", hidden="wrong values"),
    DeepAnswer("update_parameters", "updates in place", """
def update_parameters(params, grads, learning_rate):
    for name in params:
        params[name] -= learning_rate * grads["d" + name]
    return params
""", visible="changed its argument number 1 in place",
        hidden="changed its argument number 1 in place"),
    DeepAnswer("update_parameters", "the last layer left out", """
def update_parameters(params, grads, learning_rate):
    parameters = dict(params)
    L = len(params) // 2
    for l in range(1, L):
        parameters["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters
""", visible="['W3']: wrong values", hidden="wrong values"),
    DeepAnswer("update_parameters", "learning rate ignored", """
def update_parameters(params, grads, learning_rate):
    return {name: params[name] - 0.1 * grads["d" + name] for name in params}
""", visible=None, hidden="update_parameters(parameters, grads, 0.5)"),
    DeepAnswer("L_layer_model", "cost recorded after the update", _variant(
        _L_LAYER_MODEL, "        cost = compute_cost(AL, Y)\n", "").replace(
        "        if i % 100 == 0:\n",
        "        if i % 100 == 0:\n            cost = compute_cost(L_model_forward(X, parameters)"
        "[0], Y)\n"),
        visible="costs of L_layer_model", hidden="costs of L_layer_model"),
    DeepAnswer("L_layer_model", "learning rate left at its default", _variant(
        _L_LAYER_MODEL, "update_parameters(parameters, grads, learning_rate)",
        "update_parameters(parameters, grads, 0.0075)"),
        visible="wrong values", hidden="wrong values"),
    DeepAnswer("L_layer_model", "re-initialised in the loop", _variant(
        _L_LAYER_MODEL, "        AL, caches = L_model_forward(X, parameters)\n",
        "        parameters = initialize_parameters_deep(layers_dims)\n"
        "        AL, caches = L_model_forward(X, parameters)\n"),
        visible="wrong values", hidden="wrong values"),
    DeepAnswer("L_layer_model", "a cost at every iteration", _variant(
        _L_LAYER_MODEL, "        if i % 100 == 0:\n            costs.append(cost)",
        "        costs.append(cost)"),
        visible="expected 3 costs, those of iterations 0, 100 and 200",
        hidden="expected 2 costs, one every 100 iterations from iteration 0, got 101"),
    DeepAnswer("L_layer_model", "returns only the parameters", _variant(
        _L_LAYER_MODEL, "return parameters, costs", "return parameters"),
        visible="expected two results, `return parameters, costs`",
        hidden="expected two results, `return parameters, costs`"),
    DeepAnswer("predict", "returns the probabilities", """
def predict(X, y, parameters):
    AL, caches = L_model_forward(X, parameters)
    return AL
""", visible="wrong values", hidden="wrong values"),
    DeepAnswer("predict", "classes swapped", """
def predict(X, y, parameters):
    AL, caches = L_model_forward(X, parameters)
    return (AL < 0.5).astype(int)
""", visible="wrong values in 5 of 5 entries", hidden="wrong values"),
    DeepAnswer("predict", "the labels returned", """
def predict(X, y, parameters):
    AL, caches = L_model_forward(X, parameters)
    p = (AL > 0.5).astype(int)
    print("Accuracy: " + str(np.mean(p == y)))
    return y
""", visible="wrong values", hidden="wrong values"),
    DeepAnswer("predict", "a flat vector", """
def predict(X, y, parameters):
    AL, caches = L_model_forward(X, parameters)
    return (AL > 0.5).astype(int).ravel()
""", visible="expected shape (1, 5), got (5,)", hidden="expected shape (1, 50), got (50,)"),
]

VARIANTS = [
    DeepAnswer("initialize_parameters_deep", "np.random.normal, its own seed, a loop over pairs",
               """
def initialize_parameters_deep(layer_dims):
    np.random.seed(7)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters[f"W{l}"] = np.random.normal(0.0, np.sqrt(2.0 / n_prev), size=(n, n_prev))
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
"""),
    DeepAnswer("initialize_parameters_deep", "np.random.default_rng", """
def initialize_parameters_deep(layer_dims):
    rng = np.random.default_rng(0)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        parameters["W" + str(l)] = scale * rng.standard_normal((layer_dims[l], layer_dims[l - 1]))
    return parameters
"""),
    DeepAnswer("linear_forward", "np.dot, a list as the cache", """
def linear_forward(A, W, b):
    return np.dot(W, A) + b, [A, W, b]
"""),
    DeepAnswer("linear_activation_forward", "activations written inline", """
def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    if activation == "sigmoid":
        A = 0.5 * (1 + np.tanh(Z / 2))
    else:
        A = Z * (Z > 0)
    return A, ((A_prev, W, b), Z)
"""),
    DeepAnswer("L_model_forward", "a loop over every layer with the activation chosen", """
def L_model_forward(X, parameters):
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                             activation)
        caches.append(cache)
    return A, caches
"""),
    DeepAnswer("compute_cost", "np.dot and np.squeeze", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (-1 / m) * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))
    return np.squeeze(cost)
"""),
    DeepAnswer("linear_backward", "np.dot and 1/m first", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
"""),
    DeepAnswer("linear_activation_backward", "derivatives written inline", """
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = np.array(dA, copy=True)
        dZ[Z <= 0] = 0
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    m = A_prev.shape[1]
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m
"""),
    DeepAnswer("L_model_backward", "dZ of the output layer as AL - Y, layers in one loop", """
def L_model_backward(AL, Y, caches):
    L = len(caches)
    m = AL.shape[1]
    grads = {}
    (A_prev, W, b), Z = caches[-1]
    dZ = AL - Y
    grads[f"dW{L}"] = dZ @ A_prev.T / m
    grads[f"db{L}"] = np.sum(dZ, axis=1, keepdims=True) / m
    grads[f"dA{L - 1}"] = W.T @ dZ
    for l in range(L - 1, 0, -1):
        grads[f"dA{l - 1}"], grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            grads[f"dA{l}"], caches[l - 1], "relu")
    return grads
"""),
    DeepAnswer("L_model_backward", "dAL kept in grads too", _variant(
        _L_MODEL_BACKWARD, "    grads[\"dA\" + str(L - 1)] = dA_prev\n",
        "    grads[\"dA\" + str(L)] = dAL\n    grads[\"dA\" + str(L - 1)] = dA_prev\n")),
    DeepAnswer("update_parameters", "a deep copy updated in place", """
import copy
def update_parameters(params, grads, learning_rate):
    parameters = copy.deepcopy(params)
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] -= learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] -= learning_rate * grads["db" + str(l + 1)]
    return parameters
"""),
    DeepAnswer("L_layer_model", "costs as an array, its own seed", """
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False):
    np.random.seed(1)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        if i % 100 == 0:
            costs.append(compute_cost(AL, Y))
            if print_cost:
                print(f"cost after iteration {i}: {costs[-1]}")
        parameters = update_parameters(parameters, L_model_backward(AL, Y, caches), learning_rate)
    return parameters, np.array(costs)
"""),
    DeepAnswer("predict", "a boolean array, no printing", """
def predict(X, y, parameters):
    AL, _ = L_model_forward(X, parameters)
    return AL > 0.5
"""),
]

ERRORS = [
    DeepAnswer("initialize_parameters_deep", "a shape passed as two arguments to np.zeros",
               _variant(_INIT, "np.zeros((layer_dims[l], 1))", "np.zeros(layer_dims[l], 1)"),
        visible="raised TypeError", hidden="raised TypeError"),
    DeepAnswer("linear_forward", "a name that does not exist", """
def linear_forward(A, W, b):
    Z = W @ A_prev + b
    return Z, (A, W, b)
""", visible="raised NameError", hidden="raised NameError"),
    DeepAnswer("linear_activation_forward", "a misspelt helper", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forwards(A_prev, W, b)
    A, activation_cache = relu(Z) if activation == "relu" else sigmoid(Z)
    return A, (linear_cache, activation_cache)
""", visible="raised NameError", hidden="raised NameError"),
    DeepAnswer("L_model_forward", "parameters indexed by number", """
def L_model_forward(X, parameters):
    A = X
    caches = []
    for l in range(1, len(parameters) // 2 + 1):
        A, cache = linear_activation_forward(A, parameters[l], parameters[l], "relu")
        caches.append(cache)
    return A, caches
""", visible="raised KeyError", hidden="raised KeyError"),
    DeepAnswer("compute_cost", "undefined m", """
def compute_cost(AL, Y):
    return -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
""", visible="raised NameError: name 'm' is not defined", hidden="raised NameError"),
    DeepAnswer("linear_backward", "the cache unpacked into two names", """
def linear_backward(dZ, cache):
    A_prev, W = cache
    return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)
""", visible="raised ValueError", hidden="raised ValueError"),
    DeepAnswer("linear_activation_backward", "matrix shapes that do not fit", """
def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return W @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)
""", visible="raised ValueError", hidden="raised ValueError"),
    DeepAnswer("L_model_backward", "caches indexed past the end", _variant(
        _L_MODEL_BACKWARD, "caches[L - 1], \"sigmoid\"", "caches[L], \"sigmoid\""),
        visible="raised IndexError", hidden="raised IndexError"),
    DeepAnswer("update_parameters", "gradients looked up by the wrong names", """
def update_parameters(params, grads, learning_rate):
    return {name: params[name] - learning_rate * grads[name] for name in params}
""", visible="raised KeyError", hidden="raised KeyError"),
    DeepAnswer("L_layer_model", "the layers' sizes unpacked", _variant(
        _L_LAYER_MODEL, "initialize_parameters_deep(layers_dims)",
        "initialize_parameters_deep(*layers_dims)"),
        visible="raised TypeError", hidden="raised TypeError"),
    DeepAnswer("predict", "arguments in the order of 04's predict", """
def predict(X, y, parameters):
    AL, caches = L_model_forward(parameters, X)
    return (AL > 0.5).astype(int)
""", visible="raised", hidden="raised"),
]

TYPICAL = ["Xavier's 1/n instead of He's 2/n", "cache in another order",
           "the output layer's cache not kept", "db without keepdims",
           "ReLU's derivative from the output's sign", "cost recorded after the update"]
