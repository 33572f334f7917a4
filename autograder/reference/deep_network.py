"""Reference solutions for 07_deep_network: the solution notebook's own code (a test keeps the
two equal, see tests/test_one_copy.py)."""

import numpy as np
from tqdm.auto import tqdm


def sigmoid(Z):
    """Z -- any shape. Returns A = 1 / (1 + exp(-Z)) and the activation cache Z."""
    A = 1 / (1 + np.exp(-Z))
    return A, Z


def relu(Z):
    """Z -- any shape. Returns A = max(0, Z) and the activation cache Z."""
    A = np.maximum(0, Z)
    return A, Z


def sigmoid_backward(dA, cache):
    """dA -- dJ/dA; cache -- Z. Returns dZ = dA * s * (1 - s), s = sigmoid(Z)."""
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    """dA -- dJ/dA; cache -- Z. Returns dZ = dA where Z > 0, else 0."""
    return np.where(cache > 0, dA, 0.0)


def initialize_parameters_deep(layer_dims):
    """He initialisation: W_l ~ N(0, 2 / n_{l-1}) of shape (n_l, n_{l-1}), b_l zeros (n_l, 1)."""
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters["W" + str(l)] = (np.random.randn(layer_dims[l], layer_dims[l - 1])
                                    * np.sqrt(2 / layer_dims[l - 1]))
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """A -- (n_{l-1}, m), W -- (n_l, n_{l-1}), b -- (n_l, 1). Returns Z (n_l, m), (A, W, b)."""
    Z = W @ A + b
    cache = (A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    """One layer, LINEAR -> ACTIVATION ("relu" or "sigmoid").

    Returns A (n_l, m) and cache (linear_cache, activation_cache).
    """
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    """[LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID. Returns AL (1, m) and the L caches."""
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


def compute_cost(AL, Y):
    """AL, Y -- (1, m). Returns the cross-entropy cost, a float."""
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(cost)


def linear_backward(dZ, cache):
    """dZ -- (n_l, m); cache -- (A_prev, W, b). Returns dA_prev, dW, db (shapes of A_prev, W, b)."""
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Backward through one LINEAR -> ACTIVATION layer. Returns dA_prev, dW, db."""
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    """Gradients of the cost: {"dA0".."dA{L-1}", "dW1".."dWL", "db1".."dbL"}."""
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
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


def update_parameters(params, grads, learning_rate):
    """One gradient-descent step; returns a new dict, the arguments are left unchanged."""
    parameters = {}
    L = len(params) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = params["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = params["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False):
    """Train the L-layer network by batch gradient descent.

    Returns the parameters and the costs, one every 100 iterations (at 0, 100, 200, ...).
    """
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    progress = tqdm(range(num_iterations), disable=not print_cost, desc=f"{layers_dims}")
    for i in progress:
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
            progress.set_postfix(cost=f"{cost:.4f}")
    return parameters, costs


def predict(X, y, parameters):
    """X -- (n_x, m), y -- (1, m). Prints the accuracy; returns the labels 0/1, (1, m)."""
    AL, caches = L_model_forward(X, parameters)
    p = (AL > 0.5).astype(int)
    print("Accuracy: " + str(float(np.mean(p == y))))
    return p
