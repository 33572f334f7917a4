"""Reference solutions for 08_training_deep_networks: the solution notebook's code.

Every function here is, statement for statement, a code cell of the solution notebook (the
given code and the graded exercises); tests/test_training_deep_networks.py fails when the two
differ. The model is the classic three-layer network LINEAR -> RELU -> LINEAR -> RELU ->
LINEAR -> SIGMOID, with examples in columns (X is (n_x, m), Y is (1, m)).
"""

import numpy as np

# ---------------------------------------------------------------- the model (given code)


def sigmoid(x):
    """The sigmoid 1 / (1 + exp(-x)) of every element of x, written as exp(-log(1 + exp(-x)))
    so that a large negative x gives 0 without overflowing."""
    return np.exp(-np.logaddexp(0, -x))


def relu(x):
    """The ReLU max(0, x) of every element of x."""
    return np.maximum(0, x)


def forward_propagation(X, parameters):
    """LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Arguments:
    X -- input data, shape (n_x, m)
    parameters -- dict with W1 (n_1, n_x), b1 (n_1, 1), W2 (n_2, n_1), b2 (n_2, 1),
                  W3 (1, n_2), b3 (1, 1)

    Returns:
    A3 -- the output probabilities, shape (1, m)
    cache -- the tuple (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3): Z, A, W and b of
             each layer in turn
    """
    A, cache = X, ()
    for layer in (1, 2, 3):
        W, b = parameters["W" + str(layer)], parameters["b" + str(layer)]
        Z = W @ A + b
        A = relu(Z) if layer < 3 else sigmoid(Z)
        cache += (Z, A, W, b)
    return A, cache


def backward_propagation(X, Y, cache):
    """Gradients of the cross-entropy cost with respect to the parameters.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    cache -- the cache of forward_propagation

    Returns:
    gradients -- dict with dW1, db1, dW2, db2, dW3, db3, each of its parameter's shape
    """
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    dZ3 = A3 - Y
    dZ2 = (W3.T @ dZ3) * (A2 > 0)
    dZ1 = (W2.T @ dZ2) * (A1 > 0)
    gradients = {}
    for layer, dZ, A_prev in ((1, dZ1, X), (2, dZ2, A1), (3, dZ3, A2)):
        gradients["dW" + str(layer)] = dZ @ A_prev.T / X.shape[1]
        gradients["db" + str(layer)] = np.mean(dZ, axis=1, keepdims=True)
    return gradients


def compute_cost(A3, Y):
    """The cross-entropy cost of the predictions A3 (1, m) for the labels Y (1, m), a float."""
    cost = float(-np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)))
    return cost


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent: a new dict with W - learning_rate * dW for every W."""
    return {key: parameters[key] - learning_rate * grads["d" + key] for key in parameters}


def predict(X, parameters):
    """The labels the network predicts for X (n_x, m): 1 where A3 > 0.5, else 0; shape (1, m)."""
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(int)


def forward_propagation_n(X, Y, parameters):
    """The cost of the network with these parameters on (X, Y), and the forward pass's cache."""
    A3, cache = forward_propagation(X, parameters)
    cost = compute_cost(A3, Y)
    return cost, cache


def initialize_velocity(parameters):
    """Zeros of every parameter's shape, named after its gradient: {"dW1": ..., "db1": ...}."""
    return {"d" + key: np.zeros(parameters[key].shape) for key in parameters}


# ---------------------------------------------------------------- the exercises


def initialize_parameters_he(layers_dims):
    """He initialization: random normal weights of variance 2 / (the layer's inputs), zero biases.

    Arguments:
    layers_dims -- the size of every layer, input first: [n_x, n_1, ..., n_L]

    Returns:
    parameters -- dict with, for l = 1 ... L:
        Wl -- weights of shape (layers_dims[l], layers_dims[l - 1])
        bl -- biases of shape (layers_dims[l], 1)
    """
    parameters = {}
    L = len(layers_dims) - 1
    for layer in range(1, L + 1):
        n, n_prev = layers_dims[layer], layers_dims[layer - 1]
        parameters["W" + str(layer)] = np.random.randn(n, n_prev) * np.sqrt(2 / n_prev)
        parameters["b" + str(layer)] = np.zeros((n, 1))
    return parameters


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """The cross-entropy cost plus the L2 penalty lambd / (2 m) * (sum of all squared weights).

    Arguments:
    A3 -- the output probabilities, shape (1, m)
    Y -- labels 0/1, shape (1, m)
    parameters -- dict with W1, b1, W2, b2, W3, b3
    lambd -- the regularization strength lambda

    Returns:
    cost -- the regularized cost, a float
    """
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                + np.sum(np.square(W3)))
    cost = cross_entropy_cost + L2_regularization_cost
    return cost


def backward_propagation_with_regularization(X, Y, cache, lambd):
    """Gradients of the L2-regularized cost.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    cache -- the cache of forward_propagation: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    lambd -- the regularization strength lambda

    Returns:
    gradients -- dict with dW1, db1, dW2, db2, dW3, db3 (each of its parameter's shape) and
                 the intermediate dZ3, dA2, dZ2, dA1, dZ1
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
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,
                 "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    """Forward pass with inverted dropout on the two hidden layers.

    Arguments:
    X -- input data, shape (n_x, m)
    parameters -- dict with W1 (n_1, n_x), b1 (n_1, 1), W2 (n_2, n_1), b2 (n_2, 1),
                  W3 (1, n_2), b3 (1, 1)
    keep_prob -- the probability of keeping each hidden unit of each example

    Returns:
    A3 -- the output probabilities, shape (1, m)
    cache -- the tuple (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3), where D1
             (n_1, m) and D2 (n_2, m) are the masks: 1 keeps a unit, 0 drops it
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
    """Gradients of the cost of the dropped-out network of forward_propagation_with_dropout.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    cache -- the cache of forward_propagation_with_dropout, with the masks D1 and D2
    keep_prob -- the probability of keeping a unit, as in the forward pass

    Returns:
    gradients -- dict with dW1, db1, dW2, db2, dW3, db3 (each of its parameter's shape) and
                 the intermediate dZ3, dA2, dZ2, dA1, dZ1
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
    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,
                 "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    """Compare backpropagation's gradients with centred differences of forward_propagation_n.

    Arguments:
    parameters -- dict with W1, b1, W2, b2, W3, b3
    gradients -- dict with dW1, db1, dW2, db2, dW3, db3 (other keys are ignored)
    X -- input data, shape (n_x, m)
    Y -- labels 0/1, shape (1, m)
    epsilon -- the nudge given to each parameter, in both directions
    print_msg -- if True, print the verdict

    Returns:
    difference -- ||grad - gradapprox|| / (||grad|| + ||gradapprox||), a float
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
        if difference > 1e-7:
            print(f"There is a mistake in the backward propagation! difference = {difference:.2e}")
        else:
            print(f"Your backward propagation works perfectly fine! difference = {difference:.2e}")
    return difference


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """Shuffle the examples, then cut them into mini-batches.

    Arguments:
    X -- input data, shape (n_x, m)
    Y -- labels, shape (1, m)
    mini_batch_size -- the number of examples per mini-batch
    seed -- the seed of the shuffle: the same seed gives the same mini-batches

    Returns:
    mini_batches -- a list of (mini_batch_X, mini_batch_Y), shapes (n_x, mini_batch_size) and
                    (1, mini_batch_size), except the last, which holds the m % mini_batch_size
                    examples left over when there are any
    """
    m = X.shape[1]
    np.random.seed(seed)
    permutation = np.random.permutation(m)
    shuffled_X, shuffled_Y = X[:, permutation], Y[:, permutation]
    mini_batches = [(shuffled_X[:, k:k + mini_batch_size], shuffled_Y[:, k:k + mini_batch_size])
                    for k in range(0, m, mini_batch_size)]
    return mini_batches


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """One step of gradient descent with momentum.

    Arguments:
    parameters -- dict with W1, b1, ..., WL, bL
    grads -- dict with dW1, db1, ..., dWL, dbL
    v -- the velocity: dict with dW1, db1, ..., the moving averages of the gradients
    beta -- the momentum, between 0 and 1
    learning_rate -- the step size

    Returns:
    parameters -- the updated parameters
    v -- the updated velocity
    """
    v = {key: beta * v[key] + (1 - beta) * grads[key] for key in v}
    parameters = {name: value - learning_rate * v["d" + name]
                  for name, value in parameters.items()}
    return parameters, v


def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    """One step of RMSprop.

    Arguments:
    parameters -- dict with W1, b1, ..., WL, bL
    grads -- dict with dW1, db1, ..., dWL, dbL
    s -- dict with dW1, db1, ..., the moving averages of the squared gradients
    beta2 -- the decay of the moving averages, between 0 and 1
    learning_rate -- the step size
    epsilon -- a small number that keeps the division safe

    Returns:
    parameters -- the updated parameters
    s -- the updated moving averages
    """
    s = {key: beta2 * s[key] + (1 - beta2) * np.square(grads[key]) for key in s}
    parameters = {name: value - learning_rate * grads["d" + name]
                  / (np.sqrt(s["d" + name]) + epsilon)
                  for name, value in parameters.items()}
    return parameters, s


def initialize_adam(parameters):
    """Adam's two moving averages, zeros to start with.

    Arguments:
    parameters -- dict with W1, b1, ..., WL, bL

    Returns:
    v -- dict with dW1, db1, ..., dWL, dbL: zeros of the shapes of W1, b1, ...
    s -- another such dict of zeros
    """
    v = {"d" + name: np.zeros_like(value) for name, value in parameters.items()}
    s = {"d" + name: np.zeros_like(value) for name, value in parameters.items()}
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    """One step of Adam.

    Arguments:
    parameters -- dict with W1, b1, ..., WL, bL
    grads -- dict with dW1, db1, ..., dWL, dbL
    v -- dict with dW1, db1, ..., the moving averages of the gradients
    s -- dict with dW1, db1, ..., the moving averages of the squared gradients
    t -- the number of steps taken, this one included (1 on the first step)
    learning_rate -- the step size
    beta1 -- the decay of v
    beta2 -- the decay of s
    epsilon -- a small number that keeps the division safe

    Returns:
    parameters -- the updated parameters
    v, s -- the updated moving averages
    v_corrected, s_corrected -- the moving averages after bias correction
    """
    v = {key: beta1 * v[key] + (1 - beta1) * grads[key] for key in v}
    v_corrected = {key: value / (1 - beta1 ** t) for key, value in v.items()}
    s = {key: beta2 * s[key] + (1 - beta2) * np.square(grads[key]) for key in s}
    s_corrected = {key: value / (1 - beta2 ** t) for key, value in s.items()}
    parameters = {name: value - learning_rate * v_corrected["d" + name]
                  / (np.sqrt(s_corrected["d" + name]) + epsilon)
                  for name, value in parameters.items()}
    return parameters, v, s, v_corrected, s_corrected


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    """The learning rate after epoch_num epochs, lowered once every time_interval epochs.

    Arguments:
    learning_rate0 -- the initial learning rate
    epoch_num -- the number of the epoch
    decay_rate -- how fast the learning rate falls
    time_interval -- the number of epochs between two decreases

    Returns:
    learning_rate -- learning_rate0 / (1 + decay_rate * floor(epoch_num / time_interval))
    """
    learning_rate = learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))
    return learning_rate
