"""Answers written in advance for 08_training_deep_networks (see `autograder.answers`).

In the notebook a function finds the given code (`compute_cost`, `relu`, `sigmoid`,
`forward_propagation_n`) among the notebook's names; here the reference versions stand in.
"""

from dataclasses import dataclass

import numpy as np

from autograder.answers import Answer
from autograder.reference import training_deep_networks as reference

HELPERS = ["sigmoid", "relu", "compute_cost", "forward_propagation", "forward_propagation_n"]


@dataclass(frozen=True)
class NotebookAnswer(Answer):
    def compile(self):
        """The function, defined among the reference versions of the notebook's given code."""
        namespace = {"np": np}
        namespace.update({name: getattr(reference, name) for name in HELPERS})
        exec(compile(self.source, f"<answer {self.function}: {self.name}>", "exec"), namespace)
        return namespace[self.function]


A = NotebookAnswer


def _edit(source: str, old: str, new: str, count: int = 1) -> str:
    assert source.count(old) == count, old
    return source.replace(old, new)


HE = """
def initialize_parameters_he(layers_dims):
    parameters = {}
    L = len(layers_dims) - 1
    for l in range(1, L + 1):
        scale = np.sqrt(2 / layers_dims[l - 1])
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
"""

COST = """
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    W1, W2, W3 = parameters["W1"], parameters["W2"], parameters["W3"]
    cross_entropy_cost = compute_cost(A3, Y)
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                + np.sum(np.square(W3)))
    return cross_entropy_cost + L2_regularization_cost
"""

BACKWARD_L2 = """
def backward_propagation_with_regularization(X, Y, cache, lambd):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T) + lambd / m * W3
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) + lambd / m * W2
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T) + lambd / m * W1
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,
            "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
"""

DROPOUT = """
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    D1 = np.random.rand(A1.shape[0], A1.shape[1])
    D1 = (D1 < keep_prob).astype(int)
    A1 = A1 * D1
    A1 = A1 / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    D2 = np.random.rand(A2.shape[0], A2.shape[1])
    D2 = (D2 < keep_prob).astype(int)
    A2 = A2 * D2
    A2 = A2 / keep_prob
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache
"""

BACKWARD_DROPOUT = """
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dA2 = dA2 * D2
    dA2 = dA2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dA1 = dA1 * D1
    dA1 = dA1 / keep_prob
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dZ3": dZ3, "dW3": dW3, "db3": db3, "dA2": dA2, "dZ2": dZ2, "dW2": dW2,
            "db2": db2, "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
"""

GRADIENT_CHECK = """
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
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
    return numerator / denominator
"""

MINI_BATCHES = """
import math
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches
"""

MOMENTUM = """
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads["dW" + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads["db" + str(l)]
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * v["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * v["db" + str(l)]
    return parameters, v
"""

RMSPROP = """
def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            g = grads["d" + p + str(l)]
            s["d" + p + str(l)] = beta2 * s["d" + p + str(l)] + (1 - beta2) * np.square(g)
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * g / (
                np.sqrt(s["d" + p + str(l)]) + epsilon)
    return parameters, s
"""

INIT_ADAM = """
def initialize_adam(parameters):
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(1, L + 1):
        v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
        s["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)
        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)
    return v, s
"""

ADAM = """
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for p in ("dW", "db"):
            key = p + str(l)
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            v_corrected[key] = v[key] / (1 - beta1 ** t)
            s[key] = beta2 * s[key] + (1 - beta2) * np.power(grads[key], 2)
            s_corrected[key] = s[key] / (1 - beta2 ** t)
            parameters[key[1:]] = parameters[key[1:]] - learning_rate * v_corrected[key] / (
                np.sqrt(s_corrected[key]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected
"""

DECAY = """
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))
"""

MISTAKES = [
    # ---------------- initialize_parameters_he
    A("initialize_parameters_he", "Xavier's scale sqrt(1 / n)",
      _edit(HE, "np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(1 / layers_dims[l - 1])"),
      visible="He initialization gives sqrt(2 / 800) = 0.05",
      hidden="He initialization gives sqrt(2 / 1000) = 0.04472"),
    A("initialize_parameters_he", "scaled by the layer's own size",
      _edit(HE, "np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(2 / layers_dims[l])"),
      visible="He initialization gives sqrt(2 / 800) = 0.05",
      hidden="He initialization gives sqrt(2 / 1000) = 0.04472"),
    A("initialize_parameters_he", "square root forgotten",
      _edit(HE, "np.sqrt(2 / layers_dims[l - 1])", "2 / layers_dims[l - 1]"),
      visible="He initialization gives sqrt(2 / 800) = 0.05",
      hidden="He initialization gives sqrt(2 / 1000) = 0.04472"),
    A("initialize_parameters_he", "large random weights",
      _edit(HE, "np.sqrt(2 / layers_dims[l - 1])", "10"),
      visible="He initialization gives sqrt(2 / 800) = 0.05",
      hidden="He initialization gives sqrt(2 / 1000) = 0.04472"),
    A("initialize_parameters_he", "uniform instead of normal",
      _edit(HE, "np.random.randn(layers_dims[l], layers_dims[l - 1])",
            "np.random.uniform(-np.sqrt(3), np.sqrt(3), (layers_dims[l], layers_dims[l - 1]))"),
      visible="draw them from a normal distribution (np.random.randn)",
      hidden="draw them from a normal distribution (np.random.randn)"),
    A("initialize_parameters_he", "zeros", _edit(
        HE, "np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale",
        "np.zeros((layers_dims[l], layers_dims[l - 1]))"),
      visible="He initialization gives sqrt(2 / 800) = 0.05",
      hidden="He initialization gives sqrt(2 / 1000) = 0.04472"),
    A("initialize_parameters_he", "last layer left out",
      _edit(HE, "range(1, L + 1)", "range(1, L)"),
      visible="expected the keys ['W1', 'W2', 'b1', 'b2'], got ['W1', 'b1']",
      hidden="expected the keys ['W1', 'W2', 'b1', 'b2'], got ['W1', 'b1']"),
    A("initialize_parameters_he", "biases as flat vectors",
      _edit(HE, "np.zeros((layers_dims[l], 1))", "np.zeros(layers_dims[l])"),
      visible="['b1']: expected shape (2, 1), got (2,)",
      hidden="['b1']: expected shape (4, 1), got (4,)"),
    # ---------------- compute_cost_with_regularization
    A("compute_cost_with_regularization", "the 1/2 forgotten",
      _edit(COST, "lambd / (2 * m)", "lambd / m"),
      visible="expected 0.6490011587, got 0.9990011587",
      hidden="expected 1.914616484, got 2.231867817"),
    A("compute_cost_with_regularization", "not divided by m",
      _edit(COST, "lambd / (2 * m)", "lambd / 2"),
      visible="expected 0.6490011587, got 1.699001159",
      hidden="expected 1.914616484, got 3.818124483"),
    A("compute_cost_with_regularization", "norms instead of squared norms",
      _edit(_edit(_edit(COST, "np.sum(np.square(W1))", "np.linalg.norm(W1)"),
                  "np.sum(np.square(W2))", "np.linalg.norm(W2)"),
            "np.sum(np.square(W3))", "np.linalg.norm(W3)"),
      visible="expected 0.6490011587, got 0.5546586643",
      hidden="expected 1.914616484, got 1.674367947"),
    A("compute_cost_with_regularization", "penalty subtracted",
      _edit(COST, "cross_entropy_cost + L2", "cross_entropy_cost - L2"),
      visible="expected 0.6490011587, got -0.05099884133",
      hidden="expected 1.914616484, got 1.280113818"),
    A("compute_cost_with_regularization", "last layer's weights left out",
      _edit(COST, "\n                                                + np.sum(np.square(W3))", ""),
      visible="expected 0.6490011587, got 0.5227511587",
      hidden="expected 1.914616484, got 1.895017421"),
    # ---------------- backward_propagation_with_regularization
    A("backward_propagation_with_regularization", "no 1/m on the penalty's gradient",
      _edit(BACKWARD_L2, "lambd / m *", "lambd *", count=3),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    A("backward_propagation_with_regularization", "twice the penalty's gradient",
      _edit(BACKWARD_L2, "lambd / m *", "2 * lambd / m *", count=3),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    A("backward_propagation_with_regularization", "biases regularized too",
      _edit(BACKWARD_L2, "db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)",
            "db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True) + lambd / m * b1"),
      visible="['db1']: wrong values in 3 of 3 entries",
      hidden="['db1']: wrong values in 5 of 5 entries"),
    A("backward_propagation_with_regularization", "first layer not regularized",
      _edit(BACKWARD_L2, "np.dot(dZ1, X.T) + lambd / m * W1", "np.dot(dZ1, X.T)"),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    # ---------------- forward_propagation_with_dropout
    A("forward_propagation_with_dropout", "keeps units above keep_prob",
      _edit(DROPOUT, "< keep_prob", "> keep_prob", count=2),
      visible="keep_prob = 0.7 should keep about 70 %",
      hidden="keep_prob = 0.8 should keep about 80 %"),
    A("forward_propagation_with_dropout", "normal instead of uniform random numbers",
      _edit(DROPOUT, "np.random.rand(", "np.random.randn(", count=2),
      visible="keep_prob = 0.7 should keep about 70 %",
      hidden="keep_prob = 0.6 should keep about 60 %"),
    A("forward_propagation_with_dropout", "not scaled by keep_prob",
      _edit(DROPOUT, "/ keep_prob\n", "\n", count=2),
      visible="A1 (cache[2])",
      hidden="A1 (cache[2])"),
    A("forward_propagation_with_dropout", "scaled by 1 - keep_prob",
      _edit(DROPOUT, "/ keep_prob\n", "/ (1 - keep_prob)\n", count=2),
      visible="A1 (cache[2])", hidden="A1 (cache[2])"),
    A("forward_propagation_with_dropout", "second layer not dropped",
      _edit(_edit(DROPOUT, "    A2 = A2 * D2\n", ""), "    A2 = A2 / keep_prob\n", ""),
      visible="A2 (cache[7])", hidden="A2 (cache[7])"),
    A("forward_propagation_with_dropout", "one mask per unit for all examples",
      _edit(DROPOUT, "np.random.rand(A1.shape[0], A1.shape[1])",
            "np.random.rand(A1.shape[0], 1)"),
      visible="the mask D1 (cache[1]): expected an array of shape (20, 500), the shape of the "
              "activations, got (20, 1)",
      hidden="the mask D1 (cache[1]): expected an array of shape (50, 200)"),
    A("forward_propagation_with_dropout", "cache holds a fresh mask, not the one applied",
      _edit(DROPOUT, "    cache = (", "    D1 = (np.random.rand(*D1.shape) < keep_prob).astype(int)"
            "\n    cache = ("), visible="A1 (cache[2]), 1.0 where D1 keeps a unit",
      hidden="A1 (cache[2]) computed with the masks of the cache: wrong values"),
    A("forward_propagation_with_dropout", "keep_prob ignored", _edit(
        _edit(DROPOUT, "(D1 < keep_prob)", "(D1 < 0.5)"), "(D2 < keep_prob)", "(D2 < 0.5)"),
      visible="keep_prob = 0.7 should keep about 70 %",
      hidden="keep_prob = 0.8 should keep about 80 %"),
    # ---------------- backward_propagation_with_dropout
    A("backward_propagation_with_dropout", "dA1 not scaled by keep_prob",
      _edit(BACKWARD_DROPOUT, "    dA1 = dA1 / keep_prob\n", ""),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    A("backward_propagation_with_dropout", "mask of layer 2 forgotten, with Z2 > 0", _edit(_edit(
        BACKWARD_DROPOUT, "    dA2 = dA2 * D2\n", ""), "np.int64(A2 > 0)", "np.int64(Z2 > 0)"),
      visible="['dW1']: wrong values in 4 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    A("backward_propagation_with_dropout", "multiplied by keep_prob",
      _edit(BACKWARD_DROPOUT, "/ keep_prob\n", "* keep_prob\n", count=2),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    A("backward_propagation_with_dropout", "scaled by 1 - keep_prob",
      _edit(BACKWARD_DROPOUT, "/ keep_prob\n", "/ (1 - keep_prob)\n", count=2),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    # ---------------- gradient_check_n
    A("gradient_check_n", "divided by epsilon, not 2 epsilon",
      _edit(GRADIENT_CHECK, "(2 * epsilon)", "epsilon"),
      visible="the gradients are right, so the difference should be far below 1e-7 (about 1e-9), "
              "got 0.333",
      hidden="the gradients are right, so the difference should be far below 1e-7 (about 1e-9), "
             "got 0.333"),
    A("gradient_check_n", "one-sided difference", _edit(
        GRADIENT_CHECK, "            theta_minus[name][index] -= epsilon\n", "").replace(
        "(2 * epsilon)", "epsilon"),
      visible=None,
      hidden="the gradients are right, so the difference should be far below 1e-7 (about 1e-9), "
             "got 4.29e-05"),
    A("gradient_check_n", "the same copy nudged both ways", _edit(
        GRADIENT_CHECK, "            theta_minus = {key: array.copy() for key, array in "
        "parameters.items()}\n", "            theta_minus = theta_plus\n"),
      visible="the gradients are right, so the difference should be far below 1e-7 (about 1e-9), "
              "got 0.333",
      hidden="the gradients are right, so the difference should be far below 1e-7 (about 1e-9), "
             "got 0.333"),
    A("gradient_check_n", "parameters nudged in place", _edit(_edit(_edit(
        GRADIENT_CHECK, "{key: array.copy() for key, array in parameters.items()}",
        "parameters", count=2), "theta_plus[name][index] += epsilon",
        "theta_plus[name][index] += epsilon"), "theta_minus[name][index] -= epsilon",
        "theta_minus[name][index] -= 2 * epsilon"),
      visible="changed its argument number 1 in place; compute a new value instead of modifying "
              "the input",
      hidden="changed its argument number 1 in place; compute a new value instead of modifying "
             "the input"),
    A("gradient_check_n", "numerator only", _edit(
        GRADIENT_CHECK, "return numerator / denominator", "return numerator"),
      visible="expected 0.4435595981, got 0.65251834",
      hidden="expected 0.2084425741, got 0.56200600"),
    # ---------------- random_mini_batches
    A("random_mini_batches", "not shuffled",
      _edit(MINI_BATCHES, "list(np.random.permutation(m))", "list(range(m))"),
      visible="shuffle them first", hidden="shuffle them first"),
    A("random_mini_batches", "X and Y shuffled apart", _edit(
        MINI_BATCHES, "Y[:, permutation]", "Y[:, list(np.random.permutation(m))]"),
      visible="shuffle X and Y with the same permutation",
      hidden="shuffle X and Y with the same permutation"),
    A("random_mini_batches", "last mini-batch dropped", _edit(
        MINI_BATCHES, "    if m % mini_batch_size != 0:", "    if False:"),
      visible="expected 3 mini-batches for m = 148 and mini_batch_size = 64 (the last one with "
              "the 20 examples left over), go",
      hidden="expected 5 mini-batches for m = 300 and mini_batch_size = 64 (the last one with "
             "the 44 examples left over), go"),
    A("random_mini_batches", "an empty last mini-batch when m divides evenly", _edit(
        MINI_BATCHES, "    if m % mini_batch_size != 0:", "    if True:"),
      visible=None,
      hidden="expected 2 mini-batches for m = 128 and mini_batch_size = 64 (the last one with "
             "the no examples left over), go"),
    A("random_mini_batches", "overlapping mini-batches", _edit(
        MINI_BATCHES, "k * mini_batch_size:(k + 1) * mini_batch_size", "k:k + mini_batch_size",
        count=2),
      visible="every example must be in exactly one mini-batch",
      hidden="every example must be in exactly one mini-batch"),
    A("random_mini_batches", "seed ignored",
      _edit(MINI_BATCHES, "    np.random.seed(seed)\n", ""),
      visible="shuffle with the seed given, np.random.seed(seed)",
      hidden="shuffle with the seed given, np.random.seed(seed)"),
    A("random_mini_batches", "mini_batch_size ignored", _edit(
        MINI_BATCHES, "    np.random.seed(seed)\n", "    np.random.seed(seed)\n"
        "    mini_batch_size = 64\n"),
      visible=None,
      hidden="expected 4 mini-batches for m = 100 and mini_batch_size = 32 (the last one with "
             "the 4 examples left over), got"),
    # ---------------- update_parameters_with_momentum
    A("update_parameters_with_momentum", "(1 - beta) forgotten",
      _edit(MOMENTUM, "(1 - beta) * ", "", count=2),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    A("update_parameters_with_momentum", "step along the gradient, not the velocity",
      _edit(MOMENTUM, 'learning_rate * v["d', 'learning_rate * grads["d', count=2),
      visible="['W1']: wrong values in 6 of 6 entries",
      hidden="['W1']: wrong values in 15 of 15 entries"),
    A("update_parameters_with_momentum", "beta and 1 - beta swapped", _edit(_edit(
        MOMENTUM, "beta * v[", "(1 - beta) * v[", count=2),
        "+ (1 - beta) * grads", "+ beta * grads", count=2),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    A("update_parameters_with_momentum", "biases not updated", _edit(
        MOMENTUM, 'parameters["b" + str(l)] - learning_rate * v["db" + str(l)]',
        'parameters["b" + str(l)]'),
      visible="['b1']: wrong values in 2 of 2 entries",
      hidden="['b1']: wrong values in 5 of 5 entries"),
    # ---------------- update_parameters_with_rmsprop
    A("update_parameters_with_rmsprop", "gradient not squared",
      _edit(RMSPROP, "np.square(g)", "g"),
      visible="['dW1']: wrong values in 6 of 6 entries",
      hidden="s of [layers [3, 5, 4, 1]] update_parameters_with_rmsprop(parameters, grads, s, "
             "0.999, 0.01)['dW1']: wrong values"),
    A("update_parameters_with_rmsprop", "square root forgotten",
      _edit(RMSPROP, 'np.sqrt(s["d" + p + str(l)])', 's["d" + p + str(l)]'),
      visible="['W1']: wrong values in 6 of 6 entries",
      hidden="['W1']: wrong values in 15 of 15 entries"),
    A("update_parameters_with_rmsprop", "epsilon under the square root",
      _edit(RMSPROP, 'np.sqrt(s["d" + p + str(l)]) + epsilon',
            'np.sqrt(s["d" + p + str(l)] + epsilon)'),
      visible="['W1']: wrong values in 1 of 6 entries",
      hidden="['W2']: wrong values in 1 of 20 entries"),
    A("update_parameters_with_rmsprop", "divided by the old average", _edit(
        RMSPROP, '            s["d" + p + str(l)] = beta2 * s["d" + p + str(l)] + (1 - beta2) '
                 '* np.square(g)\n', "").replace(
        "                np.sqrt(s[\"d\" + p + str(l)]) + epsilon)\n",
        "                np.sqrt(s[\"d\" + p + str(l)]) + epsilon)\n"
        "            s[\"d\" + p + str(l)] = beta2 * s[\"d\" + p + str(l)] + (1 - beta2) "
        "* np.square(g)\n"),
      visible="['W1']: wrong values in 6 of 6 entries",
      hidden="['W1']: wrong values in 15 of 15 entries"),
    # ---------------- initialize_adam
    A("initialize_adam", "keys without the d", _edit(_edit(
        INIT_ADAM, '["dW" + str(l)]', '["W" + str(l)]', count=2),
        '["db" + str(l)]', '["b" + str(l)]', count=2),
      visible="the result has no key 'dW1' (keys: ['W1', 'W2', 'b1', 'b2'])",
      hidden="the result has no key 'dW1'"),
    A("initialize_adam", "biases left out", _edit(_edit(
        INIT_ADAM, '        v["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)\n', ""),
        '        s["db" + str(l)] = np.zeros(parameters["b" + str(l)].shape)\n', ""),
      visible="the result has no key 'db1' (keys: ['dW1', 'dW2'])",
      hidden="the result has no key 'db1'"),
    A("initialize_adam", "a copy of the parameters", _edit(
        INIT_ADAM, 'v["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape)',
        'v["dW" + str(l)] = parameters["W" + str(l)].copy()'),
      visible="v of initialize_adam(parameters  # W1 (2, 3), b1 (2, 1), W2 (1, 2), b2 (1, 1))"
              "['dW1']: wrong values in 6 of 6 entries",
      hidden="['dW1']: wrong values in 15 of 15 entries"),
    A("initialize_adam", "last layer left out", _edit(INIT_ADAM, "range(1, L + 1)", "range(1, L)"),
      visible="the result has no key 'dW2' (keys: ['dW1', 'db1'])",
      hidden="the result has no key 'dW3' (keys: ['dW1', 'dW2', 'db1', 'db2'])"),
    # ---------------- update_parameters_with_adam
    A("update_parameters_with_adam", "no bias correction", _edit(_edit(
        ADAM, "v[key] / (1 - beta1 ** t)", "v[key]"), "s[key] / (1 - beta2 ** t)", "s[key]"),
      visible="v_corrected of update_parameters_with_adam(parameters, grads, v, s, t=2, "
              "learning_rate=0.02)['dW1']: wrong values",
      hidden="v_corrected of [layers [3, 5, 4, 1]] update_parameters_with_adam(parameters, "
             "grads, v, s, 1)['dW1']: wrong values"),
    A("update_parameters_with_adam", "bias correction with t + 1", _edit(_edit(
        ADAM, "beta1 ** t", "beta1 ** (t + 1)"), "beta2 ** t", "beta2 ** (t + 1)"),
      visible="v_corrected of update_parameters_with_adam(parameters, grads, v, s, t=2, "
              "learning_rate=0.02)['dW1']: wrong values",
      hidden="v_corrected of [layers [3, 5, 4, 1]] update_parameters_with_adam(parameters, "
             "grads, v, s, 1)['dW1']: wrong values"),
    A("update_parameters_with_adam", "epsilon under the square root", _edit(
        ADAM, "np.sqrt(s_corrected[key]) + epsilon", "np.sqrt(s_corrected[key] + epsilon)"),
      visible="['W1']: wrong values in 1 of 6 entries",
      hidden="['W1']: wrong values in 24 of 24 entries"),
    A("update_parameters_with_adam", "beta1 in both averages", _edit(_edit(
        ADAM, "beta2 * s[key] + (1 - beta2)", "beta1 * s[key] + (1 - beta1)"),
        "(1 - beta2 ** t)", "(1 - beta1 ** t)"),
      visible="s of update_parameters_with_adam(parameters, grads, v, s, t=2, "
              "learning_rate=0.02)['dW1']: wrong values",
      hidden="s of [layers [3, 5, 4, 1]] update_parameters_with_adam(parameters, grads, v, s, "
             "1)['dW1']: wrong values"),
    A("update_parameters_with_adam", "corrected averages kept as the state", _edit(_edit(
        ADAM, "v_corrected[key] = v[key] / (1 - beta1 ** t)",
        "v[key] = v_corrected[key] = v[key] / (1 - beta1 ** t)"),
        "s_corrected[key] = s[key] / (1 - beta2 ** t)",
        "s[key] = s_corrected[key] = s[key] / (1 - beta2 ** t)"),
      visible="v of update_parameters_with_adam(parameters, grads, v, s, t=2, "
              "learning_rate=0.02)['dW1']: wrong values",
      hidden="v of [layers [3, 5, 4, 1]] update_parameters_with_adam(parameters, grads, v, s, "
             "1)['dW1']: wrong values"),
    # ---------------- schedule_lr_decay
    A("schedule_lr_decay", "no floor", _edit(
        DECAY, "np.floor(epoch_num / time_interval)", "epoch_num / time_interval"),
      visible="expected 0.5, got 0.2501250625",
      hidden="expected 0.002857142857, got 0.002500312539"),
    A("schedule_lr_decay", "decay at every epoch",
      _edit(DECAY, "np.floor(epoch_num / time_interval)", "epoch_num"),
      visible="expected 0.5, got 0.0005", hidden="expected 0.002857142857, got 3.33277787e-06"),
    A("schedule_lr_decay", "time_interval ignored",
      _edit(DECAY, "epoch_num / time_interval", "epoch_num / 1000"),
      visible="expected 0.01428571429, got 0.1",
      hidden="expected 0.5, got 1"),
    A("schedule_lr_decay", "multiplied instead of divided",
      _edit(DECAY, "learning_rate0 / (1 +", "learning_rate0 * (1 +"),
      visible="expected 0.25, got 1",
      hidden="expected 0.002857142857, got 0.035"),
]

VARIANTS = [
    A("initialize_parameters_he", "np.random.default_rng, biases drawn first", """
def initialize_parameters_he(layers_dims):
    rng = np.random.default_rng()
    parameters = {}
    for l in range(len(layers_dims) - 1, 0, -1):
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
        parameters["W" + str(l)] = rng.normal(0.0, np.sqrt(2.0 / layers_dims[l - 1]),
                                              size=(layers_dims[l], layers_dims[l - 1]))
    return parameters
"""),
    A("initialize_parameters_he", "the classic's seed set inside, last layer drawn first", """
def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    parameters = {}
    L = len(layers_dims) - 1
    for l in reversed(range(1, L + 1)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) \\
            * np.sqrt(2. / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters
"""),
    A("initialize_parameters_he", "np.random.normal, divided by sqrt(n / 2)",
      _edit(HE, "np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale",
            "np.random.normal(size=(layers_dims[l], layers_dims[l - 1])) "
            "/ np.sqrt(layers_dims[l - 1] / 2)")),
    A("compute_cost_with_regularization", "a loop over the layers, np.linalg.norm squared", """
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    squares = 0.0
    for l in range(1, 4):
        squares += np.linalg.norm(parameters["W" + str(l)]) ** 2
    return compute_cost(A3, Y) + lambd * squares / (2 * m)
"""),
    A("compute_cost_with_regularization", "the cross-entropy written out, a 0-d array", """
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    cross_entropy = -np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3))
    W = [parameters[k] for k in ("W1", "W2", "W3")]
    return np.array(cross_entropy + lambd / (2 * m) * sum(np.sum(w * w) for w in W))
"""),
    A("backward_propagation_with_regularization", "the classic's code", BACKWARD_L2),
    A("backward_propagation_with_regularization", "Z > 0 for the relu, only the six gradients", """
def backward_propagation_with_regularization(X, Y, cache, lambd):
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    m = X.shape[1]
    dZ3 = A3 - Y
    dZ2 = (W3.T @ dZ3) * (Z2 > 0)
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    grads = {}
    for l, dZ, A_prev, W in [(3, dZ3, A2, W3), (2, dZ2, A1, W2), (1, dZ1, X, W1)]:
        grads["dW" + str(l)] = (dZ @ A_prev.T + lambd * W) / m
        grads["db" + str(l)] = dZ.mean(axis=1, keepdims=True)
    return grads
"""),
    A("forward_propagation_with_dropout", "the classic's seed inside, boolean masks",
      _edit(_edit(DROPOUT, "    Z1 = np.dot(W1, X) + b1\n",
                  "    np.random.seed(1)\n    Z1 = np.dot(W1, X) + b1\n"),
            ").astype(int)", ")", count=2)),
    A("forward_propagation_with_dropout", "np.random.default_rng, both masks drawn first", """
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    rng = np.random.default_rng(7)
    m = X.shape[1]
    D2 = (rng.random((parameters["W2"].shape[0], m)) < keep_prob).astype(float)
    D1 = (rng.random((parameters["W1"].shape[0], m)) < keep_prob).astype(float)
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.maximum(Z1, 0) * D1 / keep_prob
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = np.maximum(Z2, 0) * D2 / keep_prob
    Z3 = parameters["W3"] @ A2 + parameters["b3"]
    A3 = 1 / (1 + np.exp(-Z3))
    return A3, (Z1, D1, A1, parameters["W1"], parameters["b1"], Z2, D2, A2, parameters["W2"],
                parameters["b2"], Z3, A3, parameters["W3"], parameters["b3"])
"""),
    A("forward_propagation_with_dropout", "np.random.binomial masks", _edit(_edit(
        DROPOUT,
        "D1 = np.random.rand(A1.shape[0], A1.shape[1])\n    D1 = (D1 < keep_prob).astype(int)",
        "D1 = np.random.binomial(1, keep_prob, size=A1.shape)"),
        "D2 = np.random.rand(A2.shape[0], A2.shape[1])\n    D2 = (D2 < keep_prob).astype(int)",
        "D2 = np.random.binomial(1, keep_prob, size=A2.shape)")),
    A("backward_propagation_with_dropout", "the classic's code", BACKWARD_DROPOUT),
    A("backward_propagation_with_dropout", "masks and scaling in one product, Z > 0", """
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    m = X.shape[1]
    dZ3 = A3 - Y
    dZ2 = (W3.T @ dZ3) * (D2 / keep_prob) * (Z2 > 0)
    dZ1 = (W2.T @ dZ2) * (D1 / keep_prob) * (Z1 > 0)
    return {"dW3": dZ3 @ A2.T / m, "db3": dZ3.mean(axis=1, keepdims=True),
            "dW2": dZ2 @ A1.T / m, "db2": dZ2.mean(axis=1, keepdims=True),
            "dW1": dZ1 @ X.T / m, "db1": dZ1.mean(axis=1, keepdims=True)}
"""),
    A("gradient_check_n", "one vector of all parameters, as the classic", """
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    names = list(parameters)
    shapes = [parameters[n].shape for n in names]
    theta = np.concatenate([parameters[n].ravel() for n in names])
    grad = np.concatenate([np.ravel(gradients["d" + n]) for n in names])

    def to_dict(vector):
        out, start = {}, 0
        for n, shape in zip(names, shapes):
            size = int(np.prod(shape))
            out[n] = vector[start:start + size].reshape(shape)
            start += size
        return out

    gradapprox = np.zeros_like(theta)
    for i in range(theta.size):
        theta_plus = np.copy(theta)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus, _ = forward_propagation_n(X, Y, to_dict(theta_plus))
        theta_minus = np.copy(theta)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus, _ = forward_propagation_n(X, Y, to_dict(theta_minus))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    difference = np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad)
                                                      + np.linalg.norm(gradapprox))
    if print_msg:
        print(difference)
    return difference
"""),
    A("gradient_check_n", "nudges in place and restores, sorted names", """
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    theta = {name: np.array(value, dtype=float) for name, value in parameters.items()}
    squares_diff = squares_grad = squares_approx = 0.0
    for name in sorted(theta):
        for index in np.ndindex(theta[name].shape):
            kept = theta[name][index]
            theta[name][index] = kept + epsilon
            J_plus = forward_propagation_n(X, Y, theta)[0]
            theta[name][index] = kept - epsilon
            J_minus = forward_propagation_n(X, Y, theta)[0]
            theta[name][index] = kept
            approx = (J_plus - J_minus) / (2 * epsilon)
            exact = gradients["d" + name][index]
            squares_diff += (exact - approx) ** 2
            squares_grad += exact ** 2
            squares_approx += approx ** 2
    return np.sqrt(squares_diff) / (np.sqrt(squares_grad) + np.sqrt(squares_approx))
"""),
    A("random_mini_batches", "the classic's code", MINI_BATCHES),
    A("random_mini_batches", "np.random.default_rng(seed) and np.array_split", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    m = X.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    cuts = np.arange(mini_batch_size, m, mini_batch_size)
    return [(X[:, part], Y[:, part]) for part in np.split(order, cuts)]
"""),
    A("random_mini_batches", "RandomState shuffles the indices, a while loop", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    indices = np.arange(X.shape[1])
    np.random.RandomState(seed).shuffle(indices)
    batches, start = [], 0
    while start < len(indices):
        part = indices[start:start + mini_batch_size]
        batches.append((X[:, part], Y[:, part]))
        start += mini_batch_size
    return batches
"""),
    A("update_parameters_with_momentum", "the classic's loop, in place", MOMENTUM),
    A("update_parameters_with_momentum", "new dicts, keys from the parameters", """
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    new_v = {"d" + k: beta * v["d" + k] + (1 - beta) * grads["d" + k] for k in parameters}
    new_parameters = {k: parameters[k] - learning_rate * new_v["d" + k] for k in parameters}
    return new_parameters, new_v
"""),
    A("update_parameters_with_rmsprop", "a loop over layers, in place", RMSPROP),
    A("update_parameters_with_rmsprop", "new dicts, np.power and np.divide", """
def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    s = {k: beta2 * s[k] + (1 - beta2) * np.power(grads[k], 2) for k in s}
    return {k: parameters[k] - np.divide(learning_rate * grads["d" + k],
                                         np.sqrt(s["d" + k]) + epsilon)
            for k in parameters}, s
"""),
    A("initialize_adam", "the classic's loop", INIT_ADAM),
    A("initialize_adam", "np.zeros_like in comprehensions", """
def initialize_adam(parameters):
    v = {"d" + k: np.zeros_like(w) for k, w in parameters.items()}
    s = {"d" + k: np.zeros_like(w) for k, w in parameters.items()}
    return v, s
"""),
    A("update_parameters_with_adam", "the classic's loop, in place", ADAM),
    A("update_parameters_with_adam", "torch's form: raw averages, the corrections in the step",
      """
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    v = {k: beta1 * v[k] + (1 - beta1) * grads[k] for k in v}
    s = {k: beta2 * s[k] + (1 - beta2) * grads[k] * grads[k] for k in s}
    v_corrected = {k: v[k] / (1 - beta1 ** t) for k in v}
    s_corrected = {k: s[k] / (1 - beta2 ** t) for k in s}
    new = {}
    for k in parameters:
        denominator = np.sqrt(s["d" + k]) / np.sqrt(1 - beta2 ** t) + epsilon
        new[k] = parameters[k] - learning_rate / (1 - beta1 ** t) * v["d" + k] / denominator
    return new, v, s, v_corrected, s_corrected
"""),
    A("schedule_lr_decay", "the classic's code", DECAY),
    A("schedule_lr_decay", "integer division, a Python float", """
import math
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    steps = epoch_num // time_interval
    return float(learning_rate0 * 1.0 / (1.0 + decay_rate * math.floor(steps)))
"""),
]

ERRORS = [
    A("initialize_parameters_he", "a name that does not exist", """
def initialize_parameters_he(layers_dims):
    return {"W1": np.random.randn(layers_dims[1], layers_dims[0]) * scale}
""", visible="raised NameError", hidden="raised NameError"),
    A("compute_cost_with_regularization", "a key that does not exist", """
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    return compute_cost(A3, Y) + parameters["W4"]
""", visible="raised KeyError", hidden="raised KeyError"),
    A("backward_propagation_with_regularization", "unpacks the cache into too few names", """
def backward_propagation_with_regularization(X, Y, cache, lambd):
    Z1, A1, W1, b1 = cache
    return {}
""", visible="raised ValueError", hidden="raised ValueError"),
    A("forward_propagation_with_dropout", "shapes that do not match", """
def forward_propagation_with_dropout(X, parameters, keep_prob=0.5):
    return np.dot(parameters["W2"], X), ()
""", visible="raised ValueError", hidden="raised ValueError"),
    A("backward_propagation_with_dropout", "indexes the cache past its end", """
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    return {"dW1": cache[14]}
""", visible="raised IndexError", hidden="raised IndexError"),
    A("gradient_check_n", "a gradient key that does not exist", """
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    return np.linalg.norm(gradients["W1"])
""", visible="raised KeyError", hidden="raised KeyError"),
    A("random_mini_batches", "slices with a float", """
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    half = X.shape[1] / 2
    return [(X[:, :half], Y[:, :half])]
""", visible="raised TypeError", hidden="raised TypeError"),
    A("update_parameters_with_momentum", "a velocity key that does not exist", """
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    return parameters, v["W1"]
""", visible="raised KeyError", hidden="raised KeyError"),
    A("update_parameters_with_rmsprop", "a name that does not exist", """
def update_parameters_with_rmsprop(parameters, grads, s, beta2, learning_rate, epsilon=1e-8):
    return parameters, s_new
""", visible="raised NameError", hidden="raised NameError"),
    A("initialize_adam", "calls a dict", """
def initialize_adam(parameters):
    return parameters(), {}
""", visible="raised TypeError", hidden="raised TypeError"),
    A("update_parameters_with_adam", "a gradient key that does not exist", """
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    return parameters, grads["W1"], s, v, s
""", visible="raised KeyError", hidden="raised KeyError"),
    A("schedule_lr_decay", "divides by zero", """
def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 // 0
""", visible="raised ZeroDivisionError", hidden="raised ZeroDivisionError"),
]

TYPICAL = ["Xavier's scale sqrt(1 / n)", "the 1/2 forgotten", "not scaled by keep_prob",
           "mask of layer 2 forgotten, with Z2 > 0", "X and Y shuffled apart", "no bias correction"]
