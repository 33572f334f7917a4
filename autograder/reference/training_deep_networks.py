"""Reference solutions for 08_training_deep_networks: the solution notebook's code, function by
function (tests/test_training_deep_networks.py fails when the two differ).

The model is the classic three-layer network LINEAR -> RELU -> LINEAR -> RELU -> LINEAR ->
SIGMOID, with examples in columns (X is (n_x, m), Y is (1, m)).
"""

import numpy as np

# ---------------------------------------------------------------- the model (given code)


def sigmoid(x):
    """x -- an array of any shape. Returns 1 / (1 + exp(-x)), same shape."""
    return 1 / (1 + np.exp(-x))


def relu(x):
    """x -- an array of any shape. Returns max(0, x), same shape."""
    return np.maximum(0, x)


def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    X -- (n_x, m); parameters -- W1 (n_1, n_x), b1 (n_1, 1), W2 (n_2, n_1), b2 (n_2, 1),
    W3 (1, n_2), b3 (1, 1).
    Returns A3 (1, m) and cache (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost; cache from forward_propagation.

    Returns {"dW1", "db1", "dW2", "db2", "dW3", "db3"}, each of its parameter's shape.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dZ2 = (W3.T @ dZ3) * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = (W2.T @ dZ2) * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}


def compute_cost(A3, Y):
    """A3, Y -- (1, m). Returns the cross-entropy cost, a float."""
    m = Y.shape[1]
    logprobs = Y * np.log(A3) + (1 - Y) * np.log(1 - A3)
    return float(-np.sum(logprobs) / m)


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent; returns a new dict."""
    return {name: value - learning_rate * grads["d" + name] for name, value in parameters.items()}


def predict(X, parameters):
    """X -- (n_x, m). Returns labels 0/1, (1, m): 1 where A3 > 0.5."""
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(int)


def forward_propagation_n(X, Y, parameters):
    """The cost of the network on (X, Y) and the cache: (cost, cache)."""
    A3, cache = forward_propagation(X, parameters)
    return compute_cost(A3, Y), cache


# ---------------------------------------------------------------- 1. initialization


def initialize_parameters_he(layers_dims):
    """He initialization: W[l] ~ N(0, 2 / n[l-1]), zero biases.

    layers_dims -- [n_x, n_1, ..., n_L]
    Returns {"W1": (n_1, n_x), "b1": (n_1, 1), ..., "WL": (n_L, n_{L-1}), "bL": (n_L, 1)}.
    """
    parameters = {}
    L = len(layers_dims) - 1
    for layer in range(1, L + 1):
        n, n_prev = layers_dims[layer], layers_dims[layer - 1]
        parameters["W" + str(layer)] = np.random.randn(n, n_prev) * np.sqrt(2 / n_prev)
        parameters["b" + str(layer)] = np.zeros((n, 1))
    return parameters


# ---------------------------------------------------------------- 2. regularization


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """Cross-entropy cost plus the L2 penalty lambd / (2 m) * (||W1||^2 + ||W2||^2 + ||W3||^2).

    A3, Y -- (1, m); parameters -- W1, b1, W2, b2, W3, b3. Returns a float.
    """
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                + np.sum(np.square(W3)))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def backward_propagation_with_regularization(X, Y, cache, lambd):
    """Gradients of the L2-regularized cost; cache from forward_propagation.

    Returns {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m + lambd / m * W3
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m + lambd / m * W2
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m + lambd / m * W1
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,
            "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """Forward pass with inverted dropout on the two hidden layers.

    Each hidden unit of each example is kept with probability keep_prob (mask D = 1) and
    the kept activations are divided by keep_prob.
    Returns A3 (1, m) and cache (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3).
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1]) < keep_prob
    A1 = A1 * D1 / keep_prob
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1]) < keep_prob
    A2 = A2 * D2 / keep_prob
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """Gradients through the dropout masks of the forward pass (cache holds D1, D2).

    Returns {"dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1", "db1"}.
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m
    dA2 = W3.T @ dZ3 * D2 / keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2 * D1 / keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,
            "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


# ---------------------------------------------------------------- 3. gradient checking


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """Compare backpropagation's gradients with centred differences of forward_propagation_n.

    parameters -- {"W1", "b1", ...}; gradients -- {"dW1", "db1", ...} of the same shapes
    Returns difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||), a float.
    """
    grad, gradapprox = [], []
    for name, value in parameters.items():
        for index in np.ndindex(value.shape):
            theta_plus = {key: array.copy() for key, array in parameters.items()}
            theta_plus[name][index] += epsilon
            J_plus, _ = forward_propagation_n(X, Y, theta_plus)
            theta_minus = {key: array.copy() for key, array in parameters.items()}
            theta_minus[name][index] -= epsilon
            J_minus, _ = forward_propagation_n(X, Y, theta_minus)
            gradapprox.append((J_plus - J_minus) / (2 * epsilon))
            grad.append(gradients["d" + name][index])
    grad, gradapprox = np.array(grad), np.array(gradapprox)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    difference = float(numerator / denominator)
    if print_msg:
        verdict = "There is a mistake in the backward propagation!" if difference > 2e-7 \
            else "Your backward propagation works perfectly fine!"
        print(f"{verdict} difference = {difference:.3e}")
    return difference


# ---------------------------------------------------------------- 4. optimization


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the columns of X (n_x, m) and Y (1, m) together, then cut them into mini-batches.

    Returns a list of (mini_batch_X, mini_batch_Y): all of mini_batch_size columns but the
    last, which holds the m % mini_batch_size left over (when there are any).
    """
    m = X.shape[1]
    np.random.seed(seed)
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    mini_batches = [(shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size])
                    for k in range(0, m, mini_batch_size)]
    return mini_batches


def initialize_velocity(parameters):
    """Zeros for every gradient: {"dW1": zeros like W1, "db1": zeros like b1, ...}."""
    return {"d" + name: np.zeros_like(value) for name, value in parameters.items()}


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of gradient descent with momentum.

    v -- {"dW1", "db1", ...}: the exponentially weighted averages of the gradients
    Returns (parameters, v): new dicts, the arguments are left unchanged.
    """
    v = {key: beta * v[key] + (1 - beta) * grads[key] for key in v}
    parameters = {name: value - learning_rate * v["d" + name]
                  for name, value in parameters.items()}
    return parameters, v


def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    """One step of RMSprop.

    s -- {"dW1", "db1", ...}: the exponentially weighted averages of the squared gradients
    Returns (parameters, s): new dicts, the arguments are left unchanged.
    """
    s = {key: beta2 * s[key] + (1 - beta2) * grads[key] ** 2 for key in s}
    parameters = {name: value - learning_rate * grads["d" + name]
                  / (np.sqrt(s["d" + name]) + epsilon)
                  for name, value in parameters.items()}
    return parameters, s


def initialize_adam(parameters):
    """Adam's two averages, zeros for every gradient: (v, s), each {"dW1", "db1", ...}."""
    v = {"d" + name: np.zeros_like(value) for name, value in parameters.items()}
    s = {"d" + name: np.zeros_like(value) for name, value in parameters.items()}
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    """One step of Adam; t counts the steps taken, this one included (1 on the first step).

    Returns (parameters, v, s, v_corrected, s_corrected): new dicts.
    """
    v = {key: beta1 * v[key] + (1 - beta1) * grads[key] for key in v}
    s = {key: beta2 * s[key] + (1 - beta2) * grads[key] ** 2 for key in s}
    v_corrected = {key: value / (1 - beta1 ** t) for key, value in v.items()}
    s_corrected = {key: value / (1 - beta2 ** t) for key, value in s.items()}
    parameters = {name: value - learning_rate * v_corrected["d" + name]
                  / (np.sqrt(s_corrected["d" + name]) + epsilon)
                  for name, value in parameters.items()}
    return parameters, v, s, v_corrected, s_corrected


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval)), a float."""
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))
