"""Reference solutions for 06_lstm (the same code as the solution notebook).

Shapes: x (n_x, m, T_x), a (n_a, m, T_x), one example per column, time last.
"""

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    """Softmax over axis 0 (the classes), stable."""
    e = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def rnn_cell_forward(xt, a_prev, parameters):
    """xt (n_x, m), a_prev (n_a, m). Returns a_next (n_a, m), yt_pred (n_y, m), cache."""
    Wax, Waa, Wya = parameters["Wax"], parameters["Waa"], parameters["Wya"]
    ba, by = parameters["ba"], parameters["by"]
    a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)
    yt_pred = softmax(Wya @ a_next + by)
    cache = (a_next, a_prev, xt, parameters)
    return a_next, yt_pred, cache


def rnn_forward(x, a0, parameters):
    """x (n_x, m, T_x), a0 (n_a, m). Returns a (n_a, m, T_x), y_pred (n_y, m, T_x), caches."""
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    caches = []
    a_next = a0
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a_next, parameters)
        a[:, :, t] = a_next
        y_pred[:, :, t] = yt_pred
        caches.append(cache)
    return a, y_pred, (caches, x)


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    """xt (n_x, m), a_prev and c_prev (n_a, m).

    Returns a_next, c_next (n_a, m), yt_pred (n_y, m) and
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters).
    """
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = sigmoid(parameters["Wf"] @ concat + parameters["bf"])
    it = sigmoid(parameters["Wi"] @ concat + parameters["bi"])
    cct = np.tanh(parameters["Wc"] @ concat + parameters["bc"])
    c_next = ft * c_prev + it * cct
    ot = sigmoid(parameters["Wo"] @ concat + parameters["bo"])
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(parameters["Wy"] @ a_next + parameters["by"])
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    return a_next, c_next, yt_pred, cache


def lstm_forward(x, a0, parameters):
    """x (n_x, m, T_x), a0 (n_a, m); c starts at zero.

    Returns a, c (n_a, m, T_x), y (n_y, m, T_x) as (a, y, c, caches), caches = (list, x).
    """
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wy"].shape
    a = np.zeros((n_a, m, T_x), dtype=x.dtype)
    c = np.zeros((n_a, m, T_x), dtype=x.dtype)
    y = np.zeros((n_y, m, T_x), dtype=x.dtype)
    caches = []
    a_next = a0
    c_next = np.zeros((n_a, m), dtype=x.dtype)
    for t in range(T_x):
        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        a[:, :, t] = a_next
        c[:, :, t] = c_next
        y[:, :, t] = yt
        caches.append(cache)
    return a, y, c, (caches, x)


def lstm_cell_backward(da_next, dc_next, cache):
    """da_next, dc_next (n_a, m): gradients of the loss with respect to a_next and c_next.

    Returns {dxt (n_x, m), da_prev, dc_prev (n_a, m), dWf, dWi, dWc, dWo (n_a, n_a + n_x),
    dbf, dbi, dbc, dbo (n_a, 1)}.
    """
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    n_a = a_next.shape[0]
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c ** 2)
    dot = da_next * tanh_c * ot * (1 - ot)
    dcct = dc * it * (1 - cct ** 2)
    dit = dc * cct * it * (1 - it)
    dft = dc * c_prev * ft * (1 - ft)
    concat = np.concatenate([a_prev, xt], axis=0)
    dconcat = (parameters["Wf"].T @ dft + parameters["Wi"].T @ dit
               + parameters["Wc"].T @ dcct + parameters["Wo"].T @ dot)
    return {
        "dxt": dconcat[n_a:],
        "da_prev": dconcat[:n_a],
        "dc_prev": dc * ft,
        "dWf": dft @ concat.T, "dbf": np.sum(dft, axis=1, keepdims=True),
        "dWi": dit @ concat.T, "dbi": np.sum(dit, axis=1, keepdims=True),
        "dWc": dcct @ concat.T, "dbc": np.sum(dcct, axis=1, keepdims=True),
        "dWo": dot @ concat.T, "dbo": np.sum(dot, axis=1, keepdims=True),
    }


WEIGHT_GRADIENTS = ("dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo")


def lstm_backward(da, caches):
    """da (n_a, m, T_x): gradient of the loss with respect to every hidden state a<t>.

    Returns {dx (n_x, m, T_x), da0 (n_a, m), dWf, dWi, dWc, dWo (n_a, n_a + n_x),
    dbf, dbi, dbc, dbo (n_a, 1)}.
    """
    cache_list, x = caches
    n_x, m, T_x = x.shape
    n_a = da.shape[0]
    dx = np.zeros_like(x)
    da_prevt = np.zeros((n_a, m), dtype=da.dtype)
    dc_prevt = np.zeros((n_a, m), dtype=da.dtype)
    gradients = {key: 0 for key in WEIGHT_GRADIENTS}
    for t in reversed(range(T_x)):
        step = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, cache_list[t])
        dx[:, :, t] = step["dxt"]
        da_prevt = step["da_prev"]
        dc_prevt = step["dc_prev"]
        for key in gradients:
            gradients[key] = gradients[key] + step[key]
    gradients["dx"] = dx
    gradients["da0"] = da_prevt
    return gradients


def clip(gradients, maxValue):
    """Clip every entry of every gradient to [-maxValue, maxValue]; returns a new dict."""
    return {key: np.clip(value, -maxValue, maxValue) for key, value in gradients.items()}


def sample(parameters, char_to_ix, rng, max_length=50):
    """Draw one sequence of character indices from an LSTM language model.

    The first input is a zero vector; each drawn character is fed back as a one-hot input.
    Stops after drawing the end token "\\n" or after max_length characters (then "\\n" is
    appended). Returns a list of ints ending with char_to_ix["\\n"].
    """
    vocab_size, n_a = parameters["Wy"].shape
    x = np.zeros((vocab_size, 1))
    a_prev = np.zeros((n_a, 1))
    c_prev = np.zeros((n_a, 1))
    newline = char_to_ix["\n"]
    indices = []
    idx = -1
    while idx != newline and len(indices) < max_length:
        a_prev, c_prev, y, _ = lstm_cell_forward(x, a_prev, c_prev, parameters)
        idx = int(rng.choice(vocab_size, p=y.ravel()))
        indices.append(idx)
        x = np.zeros((vocab_size, 1))
        x[idx] = 1
    if idx != newline:
        indices.append(newline)
    return indices
