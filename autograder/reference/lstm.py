"""Reference solutions for 06_lstm: the solution notebook's code (tests/test_one_copy.py keeps
them equal), and lstm_forward_stacked and lstm_backward_stacked: the same results, to rounding,
faster (see their section below).

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
    caches = (caches, x)
    return a, y_pred, caches


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
    gradients = {
        "dxt": dconcat[n_a:],
        "da_prev": dconcat[:n_a],
        "dc_prev": dc * ft,
        "dWf": dft @ concat.T, "dbf": np.sum(dft, axis=1, keepdims=True),
        "dWi": dit @ concat.T, "dbi": np.sum(dit, axis=1, keepdims=True),
        "dWc": dcct @ concat.T, "dbc": np.sum(dcct, axis=1, keepdims=True),
        "dWo": dot @ concat.T, "dbo": np.sum(dot, axis=1, keepdims=True),
    }
    return gradients


def lstm_forward(x, a0, parameters):
    """x (n_x, m, T_x), a0 (n_a, m); c starts at zero.

    Returns a, c (n_a, m, T_x), y (n_y, m, T_x) as (a, y, c, caches), caches = (list, x), the
    list holding lstm_cell_forward's cache of every step.
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
    caches = (caches, x)
    return a, y, c, caches


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
    gradients = {key: 0 for key in ("dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo")}
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


# --- lstm_forward_stacked and lstm_backward_stacked: the same, faster ------------------------
#
# They compute what lstm_forward and lstm_backward (loops of lstm_cell_forward and
# lstm_cell_backward over time) compute, to rounding, and return the same caches
# (tests/test_lstm.py compares them), but faster; benchmarks/lstm.py times them:
#
# - the gate weights and biases are stacked, W = [Wo; Wf; Wi; Wc | bo; bf; bi; bc], and so are
#   the inputs of every step, H[t] = [a<t-1>; x<t>; 1], the step writing a<t> into H[t + 1]:
#   one matrix product per step gives the four gates; going back, one product per step gives
#   [da<t-1>; dx<t>];
# - states and gates live in time-major buffers (T_x, rows, m): each step reads and writes
#   contiguous blocks, in place (`out=`); a, y, c and dx are returned as (rows, m, T_x) views;
# - one np.exp gives all four gates: the rows of the sigmoid gates are multiplied by -1 and
#   the candidate's by -2, so u = -z (-2z) and 1 / (1 + exp(u)) = sigmoid(z) (sigmoid(2z)),
#   and tanh(z) = 2 sigmoid(2z) - 1;
# - backward, the derivatives of the gates at every step, which do not depend on the gradient
#   flowing back, are computed for all steps before the loop, and the loop carries da and dc
#   only; dW and db are one product over all steps after it.

GATES = ("o", "f", "i", "c")  # the stacked order: three sigmoid gates, then the candidate
CACHE_ENTRIES = (
    "a_next", "c_next", "a_prev", "c_prev", "ft", "it", "cct", "ot", "xt", "parameters")
NEGATIVE_SCALE = (-1, -1, -1, -2)  # u = -z for the sigmoid gates, -2z for the candidate


def _stacked_weights(parameters, dtype):
    """[W | b] (4 n_a, n_a + n_x + 1): the gates' weights and biases in GATES order."""
    W = np.concatenate([parameters["W" + g] for g in GATES])
    b = np.concatenate([parameters["b" + g] for g in GATES])
    return np.concatenate([W, b], axis=1, dtype=dtype)


def _stacked_inputs(x, n_a, dtype):
    """[rows for a<t-1>; x<t>; 1] of every step, (n_a + n_x + 1, T_x, m); the first n_a rows
    are left to fill."""
    n_x, m, T_x = x.shape
    inputs = np.empty((n_a + n_x + 1, T_x, m), dtype)
    inputs[n_a:-1] = x.transpose(0, 2, 1)
    inputs[-1] = 1
    return inputs


def _sigmoid_of_negative(u):
    """u <- 1 / (1 + exp(u)) = sigmoid(-u), in place. Where exp overflows to inf, u <- 0, the
    limit (call under np.errstate(over="ignore"))."""
    np.exp(u, out=u)
    u += 1
    np.reciprocal(u, out=u)


def _tanh(c, out):
    """out <- tanh(c). In float64, np.tanh costs 2 to 3 times np.exp: there 2 sigmoid(2c) - 1,
    with one np.exp, is faster."""
    if c.dtype != np.float64:
        np.tanh(c, out=out)
        return
    np.multiply(c, -2, out=out)
    _sigmoid_of_negative(out)
    out *= 2
    out -= 1


def _forward_step(W, inputs, c_prev, a_next, c_next, u):
    """One LSTM step, in place. W (4 n_a, n_a + n_x + 1): the scaled weights and biases (see
    NEGATIVE_SCALE); inputs (n_a + n_x + 1, m): [a_prev; xt; 1]; c_prev (n_a, m).
    Writes a_next, c_next (n_a, m) and the gates ot, ft, it, cct into the rows of
    u (4 n_a, m), and returns ft, it, cct, ot (the order of the cache)."""
    n_a = c_prev.shape[0]
    np.matmul(W, inputs, out=u)
    _sigmoid_of_negative(u)
    ot, ft, it, cct = u[:n_a], u[n_a:2 * n_a], u[2 * n_a:3 * n_a], u[3 * n_a:]
    cct *= 2
    cct -= 1
    np.multiply(ft, c_prev, out=c_next)
    np.multiply(it, cct, out=a_next)
    c_next += a_next
    _tanh(c_next, out=a_next)
    a_next *= ot
    return ft, it, cct, ot


def _softmax_over_axis_1(z):
    """Softmax over axis 1 of z (T_x, n_y, m), in place."""
    z -= z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)


def lstm_forward_stacked(x, a0, parameters):
    """x (n_x, m, T_x), a0 (n_a, m); c starts at zero.

    Returns a, c (n_a, m, T_x), y (n_y, m, T_x) as (a, y, c, caches), caches = (list, x), the
    list holding lstm_cell_forward's cache of every step.
    """
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    dtype = np.result_type(x, a0)
    W = _stacked_weights(parameters, dtype)
    W *= np.repeat(np.array(NEGATIVE_SCALE, dtype), n_a)[:, None]
    H = np.empty((T_x + 1, n_a + n_x + 1, m), dtype)  # H[t] = [a<t-1>; x<t>; 1]
    H[:T_x, n_a:-1] = x.transpose(2, 0, 1)
    H[:, -1] = 1
    H[0, :n_a] = a0
    A = H[:, :n_a]  # A[t] = a<t-1>; the last step writes a<T_x> into A[T_x]
    U = np.empty((T_x, 4 * n_a, m), dtype)  # the gates of every step
    C = np.empty((T_x + 1, n_a, m), dtype)
    C[0] = 0
    caches = []
    with np.errstate(over="ignore"):
        for t in range(T_x):
            a_prev, c_prev, a_next, c_next = A[t], C[t], A[t + 1], C[t + 1]
            gates = _forward_step(W, H[t], c_prev, a_next, c_next, U[t])
            caches.append((a_next, c_next, a_prev, c_prev, *gates, x[:, :, t], parameters))
    z = np.matmul(parameters["Wy"], A[1:])
    z += parameters["by"]
    _softmax_over_axis_1(z)
    a, y, c = (array.transpose(1, 2, 0) for array in (A[1:], z, C[1:]))
    return a, y, c, (caches, x)


def _stack_over_time(arrays, out=None):
    """T_x arrays (n, m) -> (T_x, n, m), written into out if given."""
    T_x, (n, m) = len(arrays), arrays[0].shape
    if out is None:
        out = np.empty((T_x, n, m), arrays[0].dtype)
    np.concatenate(arrays, out=out.reshape(T_x * n, m))
    return out


def _gate_derivatives(fields, dtype):
    """From fields[name][t], entry `name` of the cache of step t. Returns K (6, T_x, n_a, m) such
    that, at every step t, with k_o, k_c, k_f, k_i, k_cc, ft = K[:, t]: do = da * k_o,
    dc = dc_next + da * k_c, df = dc * k_f, di = dc * k_i, dcct = dc * k_cc and
    dc_prev = dc * ft.

    tanh(c<t>) = a<t> / o<t>, cheaper than np.tanh; where the output gate underflowed to 0,
    a<t> = 0 too, and so are k_o and k_c."""
    a_next, c_prev, it, cct, ot = (_stack_over_time(fields[name])
                                   for name in ("a_next", "c_prev", "it", "cct", "ot"))
    K = np.empty((6,) + a_next.shape, dtype)
    k_o, k_c, k_f, k_i, k_cc, ft = K
    _stack_over_time(fields["ft"], out=ft)
    np.subtract(1, ot, out=k_o)
    k_o *= a_next  # tanh(c) o (1 - o)
    k_c[...] = 0
    np.divide(a_next, ot, out=k_c, where=ot > 0)  # tanh(c)
    k_c *= a_next
    np.subtract(ot, k_c, out=k_c)  # o (1 - tanh(c)^2)
    np.subtract(1, ft, out=k_f)
    k_f *= ft
    k_f *= c_prev
    np.subtract(1, it, out=k_i)
    k_i *= it
    k_i *= cct
    np.square(cct, out=k_cc)
    np.subtract(1, k_cc, out=k_cc)
    k_cc *= it
    return K


def _backward_step(WT, da_t, k, da_next, dc_next, dz, d_inputs):
    """One step back. WT (n_a + n_x, 4 n_a): the gates' weights, transposed; da_t (n_a, m);
    k (6, n_a, m): this step's K of _gate_derivatives; da_next, dc_next (n_a, m): the
    gradients from the later steps. Writes the gate gradients dz (4, n_a, m),
    d_inputs (n_a + n_x, m) = [da_prev; dxt], and dc_prev into dc_next."""
    n_a, m = da_t.shape
    k_o, k_c, k_f, k_i, k_cc, ft = k
    da_total = da_t + da_next
    dc = da_total * k_c
    dc += dc_next
    np.multiply(da_total, k_o, out=dz[0])
    np.multiply(dc, k_f, out=dz[1])
    np.multiply(dc, k_i, out=dz[2])
    np.multiply(dc, k_cc, out=dz[3])
    np.matmul(WT, dz.reshape(4 * n_a, m), out=d_inputs)
    np.multiply(dc, ft, out=dc_next)


def lstm_backward_stacked(da, caches):
    """da (n_a, m, T_x): gradient of the loss with respect to every hidden state a<t>.

    Returns {dx (n_x, m, T_x), da0 (n_a, m), dWf, dWi, dWc, dWo (n_a, n_a + n_x),
    dbf, dbi, dbc, dbo (n_a, 1)}.
    """
    cache_list, x = caches
    n_x, m, T_x = x.shape
    n_a = da.shape[0]
    dtype = da.dtype
    W = _stacked_weights(cache_list[0][-1], dtype)
    fields = dict(zip(CACHE_ENTRIES, zip(*cache_list, strict=True), strict=True))  # [name][t]
    K = _gate_derivatives(fields, dtype)
    dA = np.ascontiguousarray(da.transpose(2, 0, 1))  # dA[t] = da[:, :, t]
    dz = np.empty((T_x, 4, n_a, m), dtype)  # the gates' gradients
    dH = np.empty((T_x, n_a + n_x, m), dtype)  # dH[t] = [da<t-1>; dx<t>]
    da_next, dc_next = np.zeros((2, n_a, m), dtype)
    WT = W[:, :-1].T
    for t in reversed(range(T_x)):
        _backward_step(WT, dA[t], K[:, t], da_next, dc_next, dz[t], dH[t])
        da_next = dH[t, :n_a]
    dz = np.ascontiguousarray(dz.transpose(1, 2, 0, 3)).reshape(4 * n_a, T_x * m)
    inputs = _stacked_inputs(x, n_a, dtype)
    np.stack(fields["a_prev"], axis=1, out=inputs[:n_a])
    dWb = dz @ inputs.reshape(n_a + n_x + 1, T_x * m).T
    dx = dH[:, n_a:].transpose(1, 2, 0)
    gradients = {"dx": dx, "da0": da_next}
    for k, g in enumerate(GATES):
        rows = slice(k * n_a, (k + 1) * n_a)
        gradients["dW" + g], gradients["db" + g] = dWb[rows, :-1], dWb[rows, -1:]
    return gradients


def clip(gradients, maxValue):
    """Clip every entry of every gradient to [-maxValue, maxValue]; returns a new dict."""
    gradients = {key: np.clip(value, -maxValue, maxValue) for key, value in gradients.items()}
    return gradients


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
