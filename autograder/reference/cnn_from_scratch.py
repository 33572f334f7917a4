"""Reference solutions for 05_cnn_from_scratch (the same code as the solution notebook).

Images are (m, n_H, n_W, n_C); filters W are (f, f, n_C_prev, n_C), biases b (1, 1, 1, n_C);
the softmax layer takes scores Z and one-hot labels Y of shape (n_y, m), examples in columns.
"""

import numpy as np


def zero_pad(X, pad):
    """X -- (m, n_H, n_W, n_C). Returns (m, n_H + 2 pad, n_W + 2 pad, n_C), zeros around."""
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant")


def conv_single_step(a_slice_prev, W, b):
    """a_slice_prev, W -- (f, f, n_C_prev); b -- (1, 1, 1). Returns a float."""
    s = a_slice_prev * W
    Z = np.sum(s)
    Z = Z + float(np.squeeze(b))
    return Z


def conv_forward(A_prev, W, b, hparameters):
    """A_prev (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, n_C), b (1, 1, 1, n_C).

    Returns Z (m, n_H, n_W, n_C) and cache (A_prev, W, b, hparameters).
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    n_H = int((n_H_prev + 2 * pad - f) / stride) + 1
    n_W = int((n_W_prev + 2 * pad - f) / stride) + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c],
                                                     b[:, :, :, c])
    cache = (A_prev, W, b, hparameters)
    return Z, cache


def pool_forward(A_prev, hparameters, mode="max"):
    """A_prev (m, n_H_prev, n_W_prev, n_C); hparameters {"f", "stride"}; mode "max"/"average".

    Returns A (m, n_H, n_W, n_C) and cache (A_prev, hparameters).
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    f = hparameters["f"]
    stride = hparameters["stride"]
    n_H = int(1 + (n_H_prev - f) / stride)
    n_W = int(1 + (n_W_prev - f) / stride)
    n_C = n_C_prev
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_prev_slice = A_prev[i, vert_start:vert_end, horiz_start:horiz_end, c]
                    if mode == "max":
                        A[i, h, w, c] = np.max(a_prev_slice)
                    elif mode == "average":
                        A[i, h, w, c] = np.mean(a_prev_slice)
    cache = (A_prev, hparameters)
    return A, cache


def conv_backward(dZ, cache):
    """dZ (m, n_H, n_W, n_C); cache from conv_forward.

    Returns dA_prev (m, n_H_prev, n_W_prev, n_C_prev), dW (f, f, n_C_prev, n_C),
    db (1, 1, 1, n_C).
    """
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    (m, n_H, n_W, n_C) = dZ.shape
    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vert_start = h * stride
                    vert_end = vert_start + f
                    horiz_start = w * stride
                    horiz_end = horiz_start + f
                    a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += (
                        W[:, :, :, c] * dZ[i, h, w, c])
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        dA_prev[i, :, :, :] = da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]
    return dA_prev, dW, db


def create_mask_from_window(x):
    """x -- (f, f). Returns a boolean (f, f) mask, True at the first maximum of x only."""
    mask = np.zeros(x.shape, dtype=bool)
    mask[np.unravel_index(np.argmax(x), x.shape)] = True
    return mask


def distribute_value(dz, shape):
    """dz -- a number; shape -- (n_H, n_W). Returns (n_H, n_W), every entry dz / (n_H n_W)."""
    (n_H, n_W) = shape
    average = dz / (n_H * n_W)
    a = np.ones(shape) * average
    return a


def pool_backward(dA, cache, mode="max"):
    """dA (m, n_H, n_W, n_C); cache from pool_forward. Returns dA_prev, shaped like A_prev."""
    (A_prev, hparameters) = cache
    stride = hparameters["stride"]
    f = hparameters["f"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vert_start = h * stride
                    vert_end = vert_start + f
                    horiz_start = w * stride
                    horiz_end = horiz_start + f
                    if mode == "max":
                        a_prev_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                        mask = create_mask_from_window(a_prev_slice)
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += (
                            mask * dA[i, h, w, c])
                    elif mode == "average":
                        da = dA[i, h, w, c]
                        dA_prev[i, vert_start:vert_end, horiz_start:horiz_end, c] += (
                            distribute_value(da, (f, f)))
    return dA_prev


def softmax_cross_entropy_forward(Z, Y):
    """Z -- scores (n_y, m); Y -- one-hot labels (n_y, m).

    Returns cost, the mean cross-entropy (a float), and cache (A, Y), A = softmax(Z), (n_y, m).
    """
    m = Z.shape[1]
    shifted = Z - np.max(Z, axis=0, keepdims=True)
    log_A = shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))
    cost = -np.sum(Y * log_A) / m
    A = np.exp(log_A)
    cache = (A, Y)
    return float(cost), cache


def softmax_cross_entropy_backward(dcost, cache):
    """dcost -- d(objective)/d(cost), a number (1.0 when the cost is the objective).

    Returns dZ (n_y, m), the gradient with respect to the scores Z.
    """
    (A, Y) = cache
    m = A.shape[1]
    dZ = dcost * (A - Y) / m
    return dZ


def conv_forward_vectorized(A_prev, W, b, hparameters):
    """Same contract as conv_forward: im2col by f * f slice copies, then one matrix product.

    A_prev -- (m, n_H_prev, n_W_prev, n_C_prev); W -- (f, f, n_C_prev, n_C); b -- (1, 1, 1, n_C)
    Returns Z -- (m, n_H, n_W, n_C), stored channels-first (a transposed view), and the cache
    (A_prev, W, b, hparameters). The only loops run over the filter offsets.
    """
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, n_C = W.shape[0], W.shape[3]
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    # channels first, so that every slice below copies rows of n_W pixels
    A_pad = np.ascontiguousarray(zero_pad(A_prev, pad).transpose(3, 0, 1, 2))
    # columns[i, j]: entry (i, j) of every window of every example, (n_C_prev, m, n_H, n_W)
    columns = np.empty((f, f, n_C_prev, m, n_H, n_W), dtype=A_pad.dtype)
    for i in range(f):
        for j in range(f):
            columns[i, j] = A_pad[:, :, i:i + stride * n_H:stride, j:j + stride * n_W:stride]
    Z = W.reshape(f * f * n_C_prev, n_C).T @ columns.reshape(f * f * n_C_prev, -1)
    Z += b.reshape(n_C, 1)
    Z = Z.reshape(n_C, m, n_H, n_W).transpose(1, 2, 3, 0)
    cache = (A_prev, W, b, hparameters)
    return Z, cache


def conv_backward_vectorized(dZ, cache):
    """Same contract as conv_backward: dW and the columns' gradient by two matrix products,
    col2im by f * f slice additions.

    dZ -- (m, n_H, n_W, n_C); cache -- (A_prev, W, b, hparameters)
    Returns dA_prev -- (m, n_H_prev, n_W_prev, n_C_prev), stored channels-first (a transposed
    view); dW -- (f, f, n_C_prev, n_C); db -- (1, 1, 1, n_C).
    """
    (A_prev, W, b, hparameters) = cache
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, n_C = dZ.shape
    # the columns of the forward pass, again
    A_pad = np.ascontiguousarray(zero_pad(A_prev, pad).transpose(3, 0, 1, 2))
    columns = np.empty((f, f, n_C_prev, m, n_H, n_W), dtype=A_pad.dtype)
    for i in range(f):
        for j in range(f):
            columns[i, j] = A_pad[:, :, i:i + stride * n_H:stride, j:j + stride * n_W:stride]
    dZ_rows = dZ.reshape(m * n_H * n_W, n_C)
    dW = (columns.reshape(f * f * n_C_prev, -1) @ dZ_rows).reshape(W.shape)
    db = dZ_rows.sum(axis=0).reshape(1, 1, 1, n_C)
    # col2im: each entry's gradient goes back to the pixel it was copied from; windows
    # overlap, so the contributions add up
    dcolumns = (W.reshape(f * f * n_C_prev, n_C) @ dZ_rows.T).reshape(
        f, f, n_C_prev, m, n_H, n_W)
    dA_pad = np.zeros(A_pad.shape, dtype=dcolumns.dtype)
    for i in range(f):
        for j in range(f):
            dA_pad[:, :, i:i + stride * n_H:stride, j:j + stride * n_W:stride] += dcolumns[i, j]
    dA_prev = dA_pad[:, :, pad:pad + n_H_prev, pad:pad + n_W_prev].transpose(1, 2, 3, 0)
    return dA_prev, dW, db


def max_pool_forward_vectorized(A_prev, hparameters):
    """Max pooling with hparameters["f"] == hparameters["stride"], by a reshape, no loops.

    Returns A (m, n_H_prev // f, n_W_prev // f, n_C) and cache (A_prev, hparameters).
    """
    f = hparameters["f"]
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H, n_W = n_H_prev // f, n_W_prev // f
    blocks = A_prev[:, :n_H * f, :n_W * f].reshape(m, n_H, f, n_W, f, n_C)
    A = blocks.max(axis=(2, 4))
    cache = (A_prev, hparameters)
    return A, cache


def max_pool_backward_vectorized(dA, cache):
    """The gradient of max_pool_forward_vectorized (given in the notebook, not graded):
    each window's gradient goes to its first maximum, as in pool_backward."""
    A_in, hp = cache
    size = hp["f"]
    count, rows, cols, channels = dA.shape
    tiles = A_in[:, :rows * size, :cols * size].reshape(count, rows, size, cols, size, channels)
    tiles = tiles.transpose(0, 1, 3, 5, 2, 4).reshape(count, rows, cols, channels, size * size)
    first = np.argmax(tiles, axis=-1)
    routed = (np.arange(size * size) == first[..., None]) * dA[..., None]
    routed = routed.reshape(count, rows, cols, channels, size, size).transpose(0, 1, 4, 2, 5, 3)
    grad = np.zeros(A_in.shape, dtype=np.result_type(dA, A_in))
    grad[:, :rows * size, :cols * size] = routed.reshape(count, rows * size, cols * size, channels)
    return grad
