"""Answers written in advance for 05_cnn_from_scratch (see `autograder.answers`).

Sources are self-contained (only `np` is given), so helpers such as zero_pad are inlined.
"""

from autograder.answers import Answer

SWV = "from numpy.lib.stride_tricks import sliding_window_view\n"

# A correct loop conv_forward body, parametrised by the lines a mistake changes.
CONV_FORWARD = """
def conv_forward(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, f, n_C_prev, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H = {n_H}
    n_W = {n_W}
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = {padded}
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vs, hs = {starts}
                    window = A_prev_pad[i, vs:vs + f, hs:hs + f, :]
                    Z[i, h, w, c] = {step}
    return Z, (A_prev, W, b, hparameters)
"""
CONV_FORWARD_OK = {
    "n_H": "(n_H_prev + 2 * pad - f) // stride + 1",
    "n_W": "(n_W_prev + 2 * pad - f) // stride + 1",
    "padded": "np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))",
    "starts": "h * stride, w * stride",
    "step": "np.sum(window * W[:, :, :, c]) + float(b[0, 0, 0, c])",
}


def conv_forward_with(**changes):
    return CONV_FORWARD.format(**{**CONV_FORWARD_OK, **changes})


# A correct loop conv_backward body, parametrised by the lines a mistake changes.
CONV_BACKWARD = """
def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f = W.shape[0]
    stride, pad = hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA_pad = np.zeros(A_pad.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vs, hs = h * stride, w * stride
                    {dA_update}
                    {dW_update}
                    {db_update}
    dA_prev = {crop}
    return dA_prev, dW, db
"""
CONV_BACKWARD_OK = {
    "dA_update": "dA_pad[i, vs:vs + f, hs:hs + f, :] += W[:, :, :, c] * dZ[i, h, w, c]",
    "dW_update": "dW[:, :, :, c] += A_pad[i, vs:vs + f, hs:hs + f, :] * dZ[i, h, w, c]",
    "db_update": "db[:, :, :, c] += dZ[i, h, w, c]",
    "crop": "dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :]",
}


def conv_backward_with(**changes):
    return CONV_BACKWARD.format(**{**CONV_BACKWARD_OK, **changes})


# A correct loop pool_backward body, parametrised by the lines a mistake changes.
POOL_BACKWARD = """
def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vs, hs = h * stride, w * stride
                    if mode == "max":
                        window = A_prev[i, vs:vs + f, hs:hs + f, c]
                        {mask}
                        {max_update}
                    else:
                        {average_update}
    return dA_prev
"""
POOL_BACKWARD_OK = {
    "mask": "mask = np.arange(window.size).reshape(window.shape) == np.argmax(window)",
    "max_update": "dA_prev[i, vs:vs + f, hs:hs + f, c] += mask * dA[i, h, w, c]",
    "average_update": "dA_prev[i, vs:vs + f, hs:hs + f, c] += dA[i, h, w, c] / (f * f)",
}


def pool_backward_with(**changes):
    return POOL_BACKWARD.format(**{**POOL_BACKWARD_OK, **changes})


CONV_FORWARD_VECTORIZED = SWV + """
def conv_forward_vectorized(A_prev, W, b, hparameters):
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    windows = {windows}
    Z = {product}
    return Z, (A_prev, W, b, hparameters)
"""
CONV_FORWARD_VECTORIZED_OK = {
    "windows": "sliding_window_view(A_pad, (f, f), axis=(1, 2))[:, ::stride, ::stride]",
    "product": "np.einsum('mhwcij,ijcd->mhwd', windows, W, optimize=True) + b",
}


def conv_forward_vectorized_with(**changes):
    return CONV_FORWARD_VECTORIZED.format(**{**CONV_FORWARD_VECTORIZED_OK, **changes})


CONV_BACKWARD_VECTORIZED = SWV + """
def conv_backward_vectorized(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    windows = sliding_window_view(A_pad, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    dW = {dW}
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    hs, ws = (n_H - 1) * stride + 1, (n_W - 1) * stride + 1
    spread = np.zeros((m, hs + 2 * (f - 1), ws + 2 * (f - 1), n_C))
    {spread}
    full = np.einsum("mhwdij,ijcd->mhwc", sliding_window_view(spread, (f, f), axis=(1, 2)),
                     {turned}, optimize=True)
    dA_pad = np.zeros(A_pad.shape)
    dA_pad[:, :full.shape[1], :full.shape[2]] = full
    return dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev], dW, db
"""
CONV_BACKWARD_VECTORIZED_OK = {
    "dW": "np.einsum('mhwcij,mhwd->ijcd', windows, dZ, optimize=True)",
    "spread": "spread[:, f - 1:f - 1 + hs:stride, f - 1:f - 1 + ws:stride] = dZ",
    "turned": "W[::-1, ::-1]",
}


def conv_backward_vectorized_with(**changes):
    return CONV_BACKWARD_VECTORIZED.format(**{**CONV_BACKWARD_VECTORIZED_OK, **changes})


MISTAKES = [
    # zero_pad
    Answer("zero_pad", "pads every axis", """
def zero_pad(X, pad):
    return np.pad(X, pad)
""", visible="expected shape (4, 9, 9, 2), got (10, 9, 9, 8)", hidden="expected shape"),
    Answer("zero_pad", "pads one side only", """
def zero_pad(X, pad):
    return np.pad(X, ((0, 0), (pad, 0), (pad, 0), (0, 0)))
""", visible="expected shape (4, 9, 9, 2), got (4, 6, 6, 2)", hidden="expected shape"),
    Answer("zero_pad", "pads with ones", """
def zero_pad(X, pad):
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), constant_values=1)
""", visible="the 3-pixel border must be all zeros", hidden="wrong values"),
    # conv_single_step
    Answer("conv_single_step", "adds b as an array", """
def conv_single_step(a_slice_prev, W, b):
    return np.sum(a_slice_prev * W) + b
""", visible="expected a single number, got an array of shape (1, 1, 1)",
        hidden="expected a single number, got an array of shape (1, 1, 1)"),
    Answer("conv_single_step", "forgets the bias", """
def conv_single_step(a_slice_prev, W, b):
    return np.sum(a_slice_prev * W)
""", visible="conv_single_step(a_slice_prev, W, b)", hidden="expected"),
    Answer("conv_single_step", "mean instead of sum", """
def conv_single_step(a_slice_prev, W, b):
    return np.mean(a_slice_prev * W) + b.item()
""", visible="expected", hidden="expected"),
    # conv_forward
    Answer("conv_forward", "stride ignored in the window position",
           conv_forward_with(starts="h, w"),
           visible="wrong values", hidden="wrong values"),
    Answer("conv_forward", "output size without the padding",
           conv_forward_with(n_H="(n_H_prev - f) // stride + 1",
                             n_W="(n_W_prev - f) // stride + 1"),
           visible="expected shape (2, 3, 4, 8), got (2, 2, 3, 8)", hidden="expected shape"),
    Answer("conv_forward", "forgets to pad the input", conv_forward_with(padded="A_prev"),
           visible="wrong values", hidden="raised ValueError: operands could not be broadcast"),
    Answer("conv_forward", "one bias for every filter",
           conv_forward_with(step="np.sum(window * W[:, :, :, c]) + float(b[0, 0, 0, 0])"),
           visible="wrong values", hidden="wrong values"),
    # pool_forward
    Answer("pool_forward", "mode ignored: always max", """
def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H, n_W = (n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    A[i, h, w, c] = np.max(A_prev[i, h * stride:h * stride + f,
                                                  w * stride:w * stride + f, c])
    return A, (A_prev, hparameters)
""", visible='mode="average")', hidden='mode="average")'),
    Answer("pool_forward", "output size one too small", """
def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H, n_W = (n_H_prev - f) // stride, (n_W_prev - f) // stride
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_prev[i, h * stride:h * stride + f, w * stride:w * stride + f, c]
                    A[i, h, w, c] = np.max(window) if mode == "max" else np.mean(window)
    return A, (A_prev, hparameters)
""", visible="expected shape (2, 3, 3, 3), got (2, 2, 2, 3)", hidden="expected shape"),
    Answer("pool_forward", "pools over every channel at once", """
def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, stride = hparameters["f"], hparameters["stride"]
    n_H, n_W = (n_H_prev - f) // stride + 1, (n_W_prev - f) // stride + 1
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    window = A_prev[i, h * stride:h * stride + f, w * stride:w * stride + f, :]
                    A[i, h, w, c] = np.max(window) if mode == "max" else np.mean(window)
    return A, (A_prev, hparameters)
""", visible="wrong values", hidden="wrong values"),
    # conv_backward
    Answer("conv_backward", "dW overwritten instead of accumulated", conv_backward_with(
        dW_update="dW[:, :, :, c] = A_pad[i, vs:vs + f, hs:hs + f, :] * dZ[i, h, w, c]"),
        visible="wrong values", hidden="gradient check: the gradient of W is wrong"),
    Answer("conv_backward", "dA_prev overwritten instead of accumulated", conv_backward_with(
        dA_update="dA_pad[i, vs:vs + f, hs:hs + f, :] = W[:, :, :, c] * dZ[i, h, w, c]"),
        visible="wrong values", hidden="gradient check: the gradient of A_prev is wrong"),
    Answer("conv_backward", "dW from the filters instead of the input", conv_backward_with(
        dW_update="dW[:, :, :, c] += W[:, :, :, c] * dZ[i, h, w, c]"),
        visible="wrong values", hidden="gradient check: the gradient of W is wrong"),
    Answer("conv_backward", "db counts instead of sums", conv_backward_with(
        db_update="db[:, :, :, c] += 1"),
        visible="wrong values", hidden="gradient check: the gradient of b is wrong"),
    Answer("conv_backward", "crops with [pad:-pad]", conv_backward_with(
        crop="dA_pad[:, pad:-pad, pad:-pad, :]"),
        visible="expected shape (2, 5, 7, 4), got (2, 0, 0, 4): with pad = 0, a crop written "
                "`x[:, pad:-pad, pad:-pad, :]` is `x[:, 0:0, 0:0, :]`",
        hidden="got (1, 0, 0, 2): with pad = 0, a crop written `x[:, pad:-pad, pad:-pad, :]`"),
    # create_mask_from_window
    Answer("create_mask_from_window", "marks the largest absolute value", """
def create_mask_from_window(x):
    return np.abs(x) == np.max(np.abs(x))
""", visible="wrong values in 2 of 6 entries", hidden="wrong values"),
    Answer("create_mask_from_window", "marks every value above the mean", """
def create_mask_from_window(x):
    return x > np.mean(x)
""", visible="wrong values", hidden="wrong values"),
    Answer("create_mask_from_window", "marks the minimum", """
def create_mask_from_window(x):
    return x == np.min(x)
""", visible="wrong values", hidden="wrong values"),
    # distribute_value
    Answer("distribute_value", "divides by n_H + n_W", """
def distribute_value(dz, shape):
    n_H, n_W = shape
    return np.ones(shape) * dz / (n_H + n_W)
""", visible="distribute_value(3.0, (1, 4))", hidden="wrong values"),
    Answer("distribute_value", "forgets to divide", """
def distribute_value(dz, shape):
    return np.ones(shape) * dz
""", visible="wrong values in 4 of 4 entries", hidden="wrong values"),
    Answer("distribute_value", "returns the share as a number", """
def distribute_value(dz, shape):
    return dz / (shape[0] * shape[1])
""", visible="expected a NumPy array of shape (2, 2), got a float",
        hidden="expected a NumPy array of shape (3, 3), got a float"),
    # pool_backward
    Answer("pool_backward", "overwrites overlapping windows", pool_backward_with(
        max_update="dA_prev[i, vs:vs + f, hs:hs + f, c] = mask * dA[i, h, w, c]",
        average_update="dA_prev[i, vs:vs + f, hs:hs + f, c] = dA[i, h, w, c] / (f * f)"),
        visible="wrong values", hidden="gradient check: the gradient of A_prev is wrong"),
    Answer("pool_backward", "average pooling not divided by the window", pool_backward_with(
        average_update="dA_prev[i, vs:vs + f, hs:hs + f, c] += dA[i, h, w, c]"),
        visible='mode="average")', hidden="gradient check: the gradient of A_prev is wrong"),
    Answer("pool_backward", "stride ignored in the window position", pool_backward_with(
        mask="window = A_prev[i, h:h + f, w:w + f, c]; mask = window == np.max(window)",
        max_update="dA_prev[i, h:h + f, w:w + f, c] += mask * dA[i, h, w, c]",
        average_update="dA_prev[i, h:h + f, w:w + f, c] += dA[i, h, w, c] / (f * f)"),
        visible="{'stride': 2, 'f': 2}), mode=\"max\")",
        hidden="gradient check: the gradient of A_prev is wrong"),
    Answer("pool_backward", "the gradient goes to every channel", pool_backward_with(
        max_update="dA_prev[i, vs:vs + f, hs:hs + f] += (mask * dA[i, h, w, c])[..., None]",
        average_update="dA_prev[i, vs:vs + f, hs:hs + f] += dA[i, h, w, c] / (f * f)"),
        visible="wrong values", hidden="gradient check: the gradient of A_prev is wrong"),
    # softmax_cross_entropy_forward
    Answer("softmax_cross_entropy_forward", "not stabilised", """
def softmax_cross_entropy_forward(Z, Y):
    A = np.exp(Z) / np.sum(np.exp(Z), axis=0, keepdims=True)
    return float(-np.sum(Y * np.log(A)) / Z.shape[1]), (A, Y)
""", visible="got nan", hidden="got nan"),
    Answer("softmax_cross_entropy_forward", "log of a rounded softmax", """
def softmax_cross_entropy_forward(Z, Y):
    e = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    A = e / np.sum(e, axis=0, keepdims=True)
    return float(-np.sum(Y * np.log(A)) / Z.shape[1]), (A, Y)
""", visible="expected 1500, got nan (NumPy warned: divide by zero encountered in log)",
        hidden="got nan (NumPy warned: divide by zero encountered in log)"),
    Answer("softmax_cross_entropy_forward", "softmax over the examples", """
def softmax_cross_entropy_forward(Z, Y):
    shifted = Z - np.max(Z, axis=1, keepdims=True)
    log_A = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(-np.sum(Y * log_A) / Z.shape[1]), (np.exp(log_A), Y)
""", visible="cost of softmax_cross_entropy_forward(Z, Y)", hidden="expected"),
    Answer("softmax_cross_entropy_forward", "sum instead of mean", """
def softmax_cross_entropy_forward(Z, Y):
    shifted = Z - np.max(Z, axis=0, keepdims=True)
    log_A = shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))
    return float(-np.sum(Y * log_A)), (np.exp(log_A), Y)
""", visible="cost of softmax_cross_entropy_forward(Z, Y)", hidden="expected"),
    # softmax_cross_entropy_backward
    Answer("softmax_cross_entropy_backward", "forgets dcost", """
def softmax_cross_entropy_backward(dcost, cache):
    A, Y = cache
    return (A - Y) / A.shape[1]
""", visible="softmax_cross_entropy_backward(2.0, (A, Y))",
        hidden="gradient check: the gradient of Z is wrong"),
    Answer("softmax_cross_entropy_backward", "forgets to divide by m", """
def softmax_cross_entropy_backward(dcost, cache):
    A, Y = cache
    return dcost * (A - Y)
""", visible="wrong values", hidden="gradient check: the gradient of Z is wrong"),
    Answer("softmax_cross_entropy_backward", "sign flipped", """
def softmax_cross_entropy_backward(dcost, cache):
    A, Y = cache
    return dcost * (Y - A) / A.shape[1]
""", visible="wrong values", hidden="gradient check: the gradient of Z is wrong"),
    Answer("softmax_cross_entropy_backward", "divides by the number of classes", """
def softmax_cross_entropy_backward(dcost, cache):
    A, Y = cache
    return dcost * (A - Y) / A.shape[0]
""", visible="wrong values", hidden="gradient check: the gradient of Z is wrong"),
    # conv_forward_vectorized
    Answer("conv_forward_vectorized", "loops over the examples", SWV + """
def conv_forward_vectorized(A_prev, W, b, hparameters):
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    Z = np.stack([np.einsum("hwcij,ijcd->hwd",
                            sliding_window_view(a, (f, f), axis=(0, 1))[::stride, ::stride],
                            W) for a in A_pad]) + b
    return Z, (A_prev, W, b, hparameters)
""", visible="must be vectorized, but has a Python loop (ListComp)",
        hidden="must be vectorized, but has a Python loop (ListComp)"),
    Answer("conv_forward_vectorized", "loops over the output channels", SWV + """
def conv_forward_vectorized(A_prev, W, b, hparameters):
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    n_C = W.shape[3]
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    windows = sliding_window_view(A_pad, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    Z = np.zeros(windows.shape[:3] + (n_C,))
    for c in range(n_C):
        Z[..., c] = np.tensordot(windows, W[..., c], axes=([4, 5, 3], [0, 1, 2])) + b[0, 0, 0, c]
    return Z, (A_prev, W, b, hparameters)
""", visible="must be vectorized, but has a Python loop (For)",
        hidden="must be vectorized, but has a Python loop (For)"),
    Answer("conv_forward_vectorized", "filters transposed",
           conv_forward_vectorized_with(
               product="np.einsum('mhwcij,jicd->mhwd', windows, W, optimize=True) + b"),
           visible="wrong values", hidden="wrong values"),
    Answer("conv_forward_vectorized", "stride ignored",
           conv_forward_vectorized_with(
               windows="sliding_window_view(A_pad, (f, f), axis=(1, 2))"),
           visible="expected shape (2, 3, 4, 8), got (2, 5, 7, 8)", hidden="expected shape"),
    Answer("conv_forward_vectorized", "forgets the bias",
           conv_forward_vectorized_with(
               product="np.einsum('mhwcij,ijcd->mhwd', windows, W, optimize=True)"),
           visible="wrong values", hidden="wrong values"),
    # conv_backward_vectorized
    Answer("conv_backward_vectorized", "loops over the output positions", """
def conv_backward_vectorized(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA_pad = np.zeros(A_pad.shape)
    dW = np.zeros(W.shape)
    for h in range(n_H):
        for w in range(n_W):
            rows = slice(h * stride, h * stride + f)
            cols = slice(w * stride, w * stride + f)
            dA_pad[:, rows, cols, :] += np.einsum("ijcd,md->mijc", W, dZ[:, h, w, :])
            dW += np.einsum("mijc,md->ijcd", A_pad[:, rows, cols, :], dZ[:, h, w, :])
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    return dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev], dW, db
""", visible="must be vectorized, but has a Python loop (For)",
        hidden="must be vectorized, but has a Python loop (For)"),
    Answer("conv_backward_vectorized", "filters not turned",
           conv_backward_vectorized_with(turned="W"),
           visible="wrong values", hidden="wrong values"),
    Answer("conv_backward_vectorized", "dW axes in the wrong order",
           conv_backward_vectorized_with(
               dW="np.einsum('mhwcij,mhwd->cijd', windows, dZ, optimize=True)"),
           visible="expected shape (3, 3, 4, 8), got (4, 3, 3, 8)", hidden="expected shape"),
    Answer("conv_backward_vectorized", "dZ not spread out by the stride",
           conv_backward_vectorized_with(
               spread="spread[:, f - 1:f - 1 + n_H, f - 1:f - 1 + n_W] = dZ"),
           visible="wrong values", hidden="wrong values"),
    # max_pool_forward_vectorized
    Answer("max_pool_forward_vectorized", "windows from a wrong reshape", """
def max_pool_forward_vectorized(A_prev, hparameters):
    f = hparameters["f"]
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H, n_W = n_H_prev // f, n_W_prev // f
    blocks = A_prev[:, :n_H * f, :n_W * f].reshape(m, n_H, n_W, f, f, n_C)
    return blocks.max(axis=(3, 4)), (A_prev, hparameters)
""", visible="wrong values", hidden="wrong values"),
    Answer("max_pool_forward_vectorized", "does not crop to a multiple of f", """
def max_pool_forward_vectorized(A_prev, hparameters):
    f = hparameters["f"]
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    blocks = A_prev.reshape(m, n_H_prev // f, f, n_W_prev // f, f, n_C)
    return blocks.max(axis=(2, 4)), (A_prev, hparameters)
""", visible="raised ValueError: cannot reshape array", hidden="raised ValueError"),
    Answer("max_pool_forward_vectorized", "loops over the channels", """
def max_pool_forward_vectorized(A_prev, hparameters):
    f = hparameters["f"]
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H, n_W = n_H_prev // f, n_W_prev // f
    A = np.zeros((m, n_H, n_W, n_C))
    for c in range(n_C):
        blocks = A_prev[:, :n_H * f, :n_W * f, c].reshape(m, n_H, f, n_W, f)
        A[..., c] = blocks.max(axis=(2, 4))
    return A, (A_prev, hparameters)
""", visible="must be vectorized, but has a Python loop (For)",
        hidden="must be vectorized, but has a Python loop (For)"),
]

VARIANTS = [
    Answer("zero_pad", "zeros and a slice", """
def zero_pad(X, pad):
    m, n_H, n_W, n_C = X.shape
    X_pad = np.zeros((m, n_H + 2 * pad, n_W + 2 * pad, n_C), dtype=X.dtype)
    X_pad[:, pad:pad + n_H, pad:pad + n_W, :] = X
    return X_pad
"""),
    Answer("conv_single_step", "tensordot and a 0-d result", """
def conv_single_step(a_slice_prev, W, b):
    return np.tensordot(a_slice_prev, W, axes=3) + b.item()
"""),
    Answer("conv_single_step", "returns a NumPy scalar", """
def conv_single_step(a_slice_prev, W, b):
    return np.sum(a_slice_prev * W) + b[0, 0, 0]
"""),
    Answer("conv_forward", "all filters of a window at once", """
def conv_forward(A_prev, W, b, hparameters):
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, _, _, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    n_H = (n_H_prev + 2 * pad - f) // stride + 1
    n_W = (n_W_prev + 2 * pad - f) // stride + 1
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    Z = np.empty((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                window = A_pad[i, h * stride:h * stride + f, w * stride:w * stride + f, :]
                Z[i, h, w, :] = np.tensordot(window, W, axes=3) + b[0, 0, 0, :]
    return Z, (A_prev, W, b, hparameters)
"""),
    Answer("pool_forward", "every channel of a window at once", """
def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    f, s = hparameters["f"], hparameters["stride"]
    reduce = np.max if mode == "max" else np.mean
    A = np.empty((m, 1 + (n_H_prev - f) // s, 1 + (n_W_prev - f) // s, n_C))
    for h in range(A.shape[1]):
        for w in range(A.shape[2]):
            A[:, h, w, :] = reduce(A_prev[:, h * s:h * s + f, w * s:w * s + f, :], axis=(1, 2))
    return A, (A_prev, hparameters)
"""),
    Answer("conv_backward", "loops over positions only, whole batch at once", """
def conv_backward(dZ, cache):
    A_prev, W, b, hparameters = cache
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    dA_pad = np.zeros_like(A_pad)
    dW = np.zeros_like(W)
    for h in range(n_H):
        for w in range(n_W):
            rows = slice(h * stride, h * stride + f)
            cols = slice(w * stride, w * stride + f)
            dA_pad[:, rows, cols, :] += np.einsum("ijcd,md->mijc", W, dZ[:, h, w, :])
            dW += np.einsum("mijc,md->ijcd", A_pad[:, rows, cols, :], dZ[:, h, w, :])
    db = dZ.sum(axis=(0, 1, 2), keepdims=True)
    dA_prev = dA_pad[:, pad:pad + A_prev.shape[1], pad:pad + A_prev.shape[2], :]
    return dA_prev, dW, db
"""),
    Answer("create_mask_from_window", "flat index", """
def create_mask_from_window(x):
    mask = np.zeros_like(x, dtype=bool)
    mask.flat[np.argmax(x)] = True
    return mask
"""),
    Answer("create_mask_from_window", "a 0/1 float mask", """
def create_mask_from_window(x):
    mask = np.zeros(x.shape)
    mask[np.unravel_index(np.argmax(x), x.shape)] = 1.0
    return mask
"""),
    Answer("create_mask_from_window", "every tied maximum marked (the classic answer)", """
def create_mask_from_window(x):
    return x == np.max(x)
"""),
    Answer("create_mask_from_window", "the last maximum marked", """
def create_mask_from_window(x):
    flat = x.ravel()
    last = flat.size - 1 - np.argmax(flat[::-1])
    return (np.arange(flat.size) == last).reshape(x.shape)
"""),
    Answer("distribute_value", "np.full", """
def distribute_value(dz, shape):
    return np.full(shape, dz / np.prod(shape))
"""),
    Answer("pool_backward", "every channel at once", """
def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, s = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                window = A_prev[i, h * s:h * s + f, w * s:w * s + f, :]
                if mode == "max":
                    flat = window.reshape(f * f, n_C)
                    mask = (np.arange(f * f)[:, None] == np.argmax(flat, axis=0)).reshape(
                        f, f, n_C)
                    dA_prev[i, h * s:h * s + f, w * s:w * s + f, :] += mask * dA[i, h, w, :]
                else:
                    dA_prev[i, h * s:h * s + f, w * s:w * s + f, :] += dA[i, h, w, :] / (f * f)
    return dA_prev
"""),
    Answer("pool_backward", "every tied maximum gets the gradient", pool_backward_with(
        mask="mask = window == np.max(window)")),
    Answer("pool_backward", "calls helpers of its own that are wrong (graded there)", """
def create_mask_from_window(x):
    return x == np.min(x)


def distribute_value(dz, shape):
    return np.ones(shape) * dz


def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    f, stride = hparameters["f"], hparameters["stride"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    for i in range(m):
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    rows = slice(h * stride, h * stride + f)
                    cols = slice(w * stride, w * stride + f)
                    if mode == "max":
                        mask = create_mask_from_window(A_prev[i, rows, cols, c])
                        dA_prev[i, rows, cols, c] += mask * dA[i, h, w, c]
                    else:
                        dA_prev[i, rows, cols, c] += distribute_value(dA[i, h, w, c], (f, f))
    return dA_prev
"""),
    Answer("pool_backward", "all examples at once, with an extra keyword-only option", """
def pool_backward(dA, cache, mode="max", *, average_divisor=None):
    A_prev, hparameters = cache
    f, s = hparameters["f"], hparameters["stride"]
    divisor = average_divisor or f * f
    dA_prev = np.zeros(A_prev.shape)
    for h in range(dA.shape[1]):
        for w in range(dA.shape[2]):
            window = A_prev[:, h * s:h * s + f, w * s:w * s + f, :]
            if mode == "max":
                mask = window == window.max(axis=(1, 2), keepdims=True)
                dA_prev[:, h * s:h * s + f, w * s:w * s + f, :] += mask * dA[:, h:h + 1, w:w + 1]
            else:
                dA_prev[:, h * s:h * s + f, w * s:w * s + f, :] += dA[:, h:h + 1, w:w + 1] / divisor
    return dA_prev
"""),
    Answer("softmax_cross_entropy_forward", "log-sum-exp by columns, cost picked by label", """
def softmax_cross_entropy_forward(Z, Y):
    top = Z.max(axis=0)
    log_sum = top + np.log(np.exp(Z - top).sum(axis=0))
    log_A = Z - log_sum
    cost = -np.mean(log_A[np.argmax(Y, axis=0), np.arange(Z.shape[1])])
    return cost, (np.exp(log_A), Y)
"""),
    Answer("softmax_cross_entropy_backward", "dcost divided first", """
def softmax_cross_entropy_backward(dcost, cache):
    A, Y = cache
    return (dcost / Y.shape[1]) * (A - Y)
"""),
    Answer("conv_forward_vectorized", "im2col by hand", SWV + """
def conv_forward_vectorized(A_prev, W, b, hparameters):
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    n_C = W.shape[3]
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    windows = sliding_window_view(A_pad, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    m, n_H, n_W = windows.shape[:3]
    columns = windows.transpose(0, 1, 2, 4, 5, 3).reshape(m * n_H * n_W, -1)
    Z = (columns @ W.reshape(-1, n_C)).reshape(m, n_H, n_W, n_C) + b
    return Z, (A_prev, W, b, hparameters)
"""),
    Answer("conv_forward_vectorized", "einsum", conv_forward_vectorized_with()),
    Answer("conv_forward_vectorized", "im2col by a loop over the filter offsets", """
from itertools import product


def conv_forward_vectorized(A_prev, W, b, hparameters):
    kh, kw, n_C_prev, n_C = W.shape
    stride, pad = hparameters["stride"], hparameters["pad"]
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    m = A_prev.shape[0]
    n_H = (A_pad.shape[1] - kh) // stride + 1
    n_W = (A_pad.shape[2] - kw) // stride + 1
    columns = np.empty((m, n_H, n_W, kh, kw, n_C_prev))
    for i, j in product(range(kh), range(kw)):
        columns[:, :, :, i, j] = A_pad[:, i:i + stride * n_H:stride, j:j + stride * n_W:stride]
    Z = columns.reshape(m * n_H * n_W, -1) @ W.reshape(-1, n_C) + b.reshape(1, n_C)
    return Z.reshape(m, n_H, n_W, n_C), (A_prev, W, b, hparameters)
"""),
    Answer("conv_backward_vectorized", "einsum and a full convolution",
           conv_backward_vectorized_with()),
    Answer("conv_backward_vectorized", "col2im by a loop over the filter offsets", SWV + """
def conv_backward_vectorized(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    windows = sliding_window_view(A_pad, (f, f), axis=(1, 2))[:, ::stride, ::stride]
    dW = np.einsum("mhwcij,mhwd->ijcd", windows, dZ, optimize=True)
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    dA_pad = np.zeros(A_pad.shape)
    for i in range(f):
        for j in range(f):
            dA_pad[:, i:i + stride * n_H:stride, j:j + stride * n_W:stride] += dZ @ W[i, j].T
    return dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev], dW, db
"""),
    Answer("conv_backward_vectorized", "np.add.at with index arrays", """
def conv_backward_vectorized(dZ, cache):
    A_prev, W, b, hparameters = cache
    m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
    f, stride, pad = W.shape[0], hparameters["stride"], hparameters["pad"]
    m, n_H, n_W, n_C = dZ.shape
    A_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    rows = (np.arange(n_H) * stride)[:, None, None, None] + np.arange(f)[None, None, :, None]
    cols = (np.arange(n_W) * stride)[None, :, None, None] + np.arange(f)[None, None, None, :]
    windows = A_pad[:, rows, cols, :]  # (m, n_H, n_W, f, f, n_C_prev)
    dW = np.tensordot(windows, dZ, axes=([0, 1, 2], [0, 1, 2]))
    db = dZ.sum(axis=(0, 1, 2)).reshape(1, 1, 1, n_C)
    dwindows = np.tensordot(dZ, W, axes=([3], [3]))  # (m, n_H, n_W, f, f, n_C_prev)
    dA_pad = np.zeros(A_pad.shape)
    np.add.at(dA_pad, (slice(None), rows, cols), dwindows)
    return dA_pad[:, pad:pad + n_H_prev, pad:pad + n_W_prev], dW, db
"""),
    Answer("max_pool_forward_vectorized", "strided windows instead of a reshape", SWV + """
def max_pool_forward_vectorized(A_prev, hparameters):
    f = hparameters["f"]
    windows = sliding_window_view(A_prev, (f, f), axis=(1, 2))[:, ::f, ::f]
    return windows.max(axis=(-2, -1)), (A_prev, hparameters)
"""),
]

ERRORS = [
    Answer("zero_pad", "a misspelt keyword", """
def zero_pad(X, pad):
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", value=0)
""", visible="raised ValueError: unsupported keyword", hidden="raised ValueError"),
    Answer("conv_single_step", "matrix product of 3-d windows", """
def conv_single_step(a_slice_prev, W, b):
    return float(np.sum(a_slice_prev @ W) + b)
""", visible="raised ValueError", hidden="raised ValueError"),
    Answer("conv_forward", "hparameters read as attributes", """
def conv_forward(A_prev, W, b, hparameters):
    stride = hparameters.stride
    return A_prev, None
""", visible="raised AttributeError", hidden="raised AttributeError"),
    Answer("pool_forward", "float sizes", """
def pool_forward(A_prev, hparameters, mode="max"):
    m, n_H_prev, n_W_prev, n_C = A_prev.shape
    n_H = 1 + (n_H_prev - hparameters["f"]) / hparameters["stride"]
    return np.zeros((m, n_H, n_H, n_C)), (A_prev, hparameters)
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("conv_backward", "unpacks the cache wrongly", """
def conv_backward(dZ, cache):
    A_prev, W, b = cache
    return A_prev, W, b
""", visible="raised ValueError: too many values to unpack", hidden="raised ValueError"),
    Answer("create_mask_from_window", "calls an undefined helper", """
def create_mask_from_window(x):
    return x == maximum(x)
""", visible="raised NameError", hidden="raised NameError"),
    Answer("distribute_value", "unpacks a number", """
def distribute_value(dz, shape):
    n_H, n_W = dz
    return np.ones(shape) * dz / (n_H * n_W)
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("pool_backward", "typo in a name", """
def pool_backward(dA, cache, mode="max"):
    A_prev, hparameters = cache
    return np.zeros(A_prev.shape) + dA_prev
""", visible="raised NameError", hidden="raised NameError"),
    Answer("softmax_cross_entropy_forward", "no such NumPy function", """
def softmax_cross_entropy_forward(Z, Y):
    A = np.softmax(Z, axis=0)
    return -np.mean(np.sum(Y * np.log(A), axis=0)), (A, Y)
""", visible="raised AttributeError", hidden="raised AttributeError"),
    Answer("softmax_cross_entropy_backward", "cache unpacked into three", """
def softmax_cross_entropy_backward(dcost, cache):
    A, Y, m = cache
    return dcost * (A - Y) / m
""", visible="raised ValueError", hidden="raised ValueError"),
    Answer("conv_forward_vectorized", "sliding_window_view not imported", """
def conv_forward_vectorized(A_prev, W, b, hparameters):
    windows = sliding_windows(A_prev, (3, 3), axis=(1, 2))
    return np.einsum("mhwcij,ijcd->mhwd", windows, W) + b, (A_prev, W, b, hparameters)
""", visible="raised NameError", hidden="raised NameError"),
    Answer("conv_backward_vectorized", "matrix shapes that do not match", """
def conv_backward_vectorized(dZ, cache):
    A_prev, W, b, hparameters = cache
    dW = A_prev.reshape(-1, A_prev.shape[-1]) @ dZ.reshape(-1, dZ.shape[-1])
    return A_prev, dW, b
""", visible="raised ValueError", hidden="raised ValueError"),
    Answer("max_pool_forward_vectorized", "hparameters indexed by position", """
def max_pool_forward_vectorized(A_prev, hparameters):
    f = hparameters[0]
    return A_prev[:, ::f, ::f], (A_prev, hparameters)
""", visible="raised KeyError", hidden="raised KeyError"),
]

TYPICAL = ["adds b as an array", "crops with [pad:-pad]", "marks the largest absolute value",
           "forgets dcost", "dZ not spread out by the stride"]
