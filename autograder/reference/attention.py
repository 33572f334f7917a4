"""Reference solutions for 09_attention: the graded functions are the same code as the solution
notebook's answer cells; the backward passes of the larger layers and the model after them are
the notebook's given code.

Shapes follow the classic Transformer notebook: positions in rows, features last, batch dims
first. A sequence batch x is (m, T, d_model); one head's queries q (..., T_q, d_k); attention
weights (..., T_q, T_k). A mask holds 1 where a query may attend to a key and 0 where not; it
broadcasts to (..., T_q, T_k).
"""

import math

import numpy as np


def softmax(x, axis=-1):
    """Softmax along `axis`, stable: every slice along it becomes a probability distribution.

    x -- array of any shape; returns an array of the same shape.
    """
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    y = e / np.sum(e, axis=axis, keepdims=True)
    return y


def softmax_backward(dy, y, axis=-1):
    """dy -- gradient of the loss with respect to y = softmax(x, axis); y -- that output.

    Returns dx, the gradient with respect to x, of the shape of y.
    """
    dx = y * (dy - np.sum(dy * y, axis=axis, keepdims=True))
    return dx


def scaled_dot_product_attention(q, k, v, mask=None):
    """q (..., T_q, d_k), k (..., T_k, d_k), v (..., T_k, d_v); mask broadcastable to
    (..., T_q, T_k), 1 where a query may attend to a key, 0 where not (None: everywhere).

    Returns output (..., T_q, d_v) and attention_weights (..., T_q, T_k).
    """
    d_k = q.shape[-1]
    scores = (q / math.sqrt(d_k)) @ np.swapaxes(k, -1, -2)  # scaling q costs less than scores
    if mask is not None:
        scores = np.where(mask == 0, -1e9, scores)
    attention_weights = softmax(scores, axis=-1)
    output = attention_weights @ v
    return output, attention_weights


def scaled_dot_product_attention_backward(doutput, cache):
    """doutput (..., T_q, d_v); cache = (q, k, v, attention_weights) of the forward pass.

    Returns {"dq": (..., T_q, d_k), "dk": (..., T_k, d_k), "dv": (..., T_k, d_v)}.
    """
    q, k, v, attention_weights = cache
    d_k = q.shape[-1]
    dv = np.swapaxes(attention_weights, -1, -2) @ doutput
    dweights = doutput @ np.swapaxes(v, -1, -2)
    dscores = softmax_backward(dweights, attention_weights, axis=-1)
    dq = dscores @ (k / math.sqrt(d_k))
    dk = np.swapaxes(dscores, -1, -2) @ (q / math.sqrt(d_k))
    return {"dq": dq, "dk": dk, "dv": dv}


def positional_encoding(positions, d):
    """The sinusoidal encodings of positions 0 .. positions - 1, (1, positions, d): column 2i
    holds sin(pos / 10000^(2i / d)) and column 2i + 1 holds cos(pos / 10000^(2i / d))."""
    pos = np.arange(positions)[:, None]
    i = np.arange(d)[None, :]
    angles = pos / 10000 ** (2 * (i // 2) / d)
    encoding = np.zeros((positions, d))
    encoding[:, 0::2] = np.sin(angles[:, 0::2])
    encoding[:, 1::2] = np.cos(angles[:, 1::2])
    return encoding[np.newaxis]


def layer_norm(x, gamma, beta, eps=1e-5):
    """Normalise every row x[..., :] over its d features, then scale and shift.

    x (..., d), gamma and beta (d,). Returns out (..., d) and cache = (x_hat, std, gamma), with
    x_hat (..., d) the normalised x and std (..., 1) = sqrt(variance + eps).
    """
    mean = np.mean(x, axis=-1, keepdims=True)
    std = np.sqrt(np.var(x, axis=-1, keepdims=True) + eps)
    x_hat = (x - mean) / std
    out = gamma * x_hat + beta
    return out, (x_hat, std, gamma)


def layer_norm_backward(dout, cache):
    """dout (..., d); cache = (x_hat, std, gamma) of layer_norm.

    Returns {"dx": (..., d), "dgamma": (d,), "dbeta": (d,)}.
    """
    x_hat, std, gamma = cache
    rows = tuple(range(dout.ndim - 1))
    dx_hat = dout * gamma
    dx = (dx_hat - np.mean(dx_hat, axis=-1, keepdims=True)
          - x_hat * np.mean(dx_hat * x_hat, axis=-1, keepdims=True)) / std
    dgamma = np.sum(dout * x_hat, axis=rows)
    dbeta = np.sum(dout, axis=rows)
    return {"dx": dx, "dgamma": dgamma, "dbeta": dbeta}


def feed_forward(x, parameters):
    """The position-wise feed-forward block, ReLU(x W1 + b1) W2 + b2, on every position.

    x (..., d_model); parameters holds W1 (d_model, d_ff), b1 (d_ff,), W2 (d_ff, d_model),
    b2 (d_model,) (other keys are ignored). Returns out (..., d_model) and
    cache = (x, hidden, parameters), hidden (..., d_ff) the output of the ReLU.
    """
    hidden = np.maximum(0, x @ parameters["W1"] + parameters["b1"])
    out = hidden @ parameters["W2"] + parameters["b2"]
    return out, (x, hidden, parameters)


def multi_head_attention(x, parameters, num_heads, mask=None):
    """Multi-head self-attention of x (m, T, d_model), d_model divisible by num_heads.

    parameters holds Wq, Wk, Wv, Wo (d_model, d_model) and bq, bk, bv, bo (d_model,) (other
    keys are ignored); mask broadcasts to (m, num_heads, T, T). Head h uses the columns
    h * d_k .. (h + 1) * d_k - 1 of the projections, where d_k = d_model / num_heads.

    Returns out (m, T, d_model) and cache = (x, q, k, v, attention_weights, concat,
    parameters): q, k, v (m, num_heads, T, d_k) split into heads, attention_weights
    (m, num_heads, T, T), concat (m, T, d_model) the heads' outputs merged, before Wo.
    """
    m, T, d_model = x.shape
    d_k = d_model // num_heads

    def split_heads(z):
        return z.reshape(m, T, num_heads, d_k).transpose(0, 2, 1, 3)

    q = split_heads(x @ parameters["Wq"] + parameters["bq"])
    k = split_heads(x @ parameters["Wk"] + parameters["bk"])
    v = split_heads(x @ parameters["Wv"] + parameters["bv"])
    heads, attention_weights = scaled_dot_product_attention(q, k, v, mask)
    concat = heads.transpose(0, 2, 1, 3).reshape(m, T, d_model)
    out = concat @ parameters["Wo"] + parameters["bo"]
    return out, (x, q, k, v, attention_weights, concat, parameters)


def decoder_block(x, parameters, num_heads, mask=None):
    """One pre-norm decoder block on x (m, T, d_model):

        x1 = x + multi_head_attention(layer_norm(x; gamma1, beta1))
        out = x1 + feed_forward(layer_norm(x1; gamma2, beta2))

    parameters holds the keys of multi_head_attention and feed_forward and gamma1, beta1,
    gamma2, beta2 (d_model,). Returns out (m, T, d_model) and cache = (cache of the first
    layer_norm, of multi_head_attention, of the second layer_norm, of feed_forward).
    """
    h1, norm1_cache = layer_norm(x, parameters["gamma1"], parameters["beta1"])
    attended, attention_cache = multi_head_attention(h1, parameters, num_heads, mask)
    x1 = x + attended
    h2, norm2_cache = layer_norm(x1, parameters["gamma2"], parameters["beta2"])
    fed, ff_cache = feed_forward(h2, parameters)
    out = x1 + fed
    return out, (norm1_cache, attention_cache, norm2_cache, ff_cache)


def sample(parameters, char_to_ix, rng, max_length=20):
    """Draw one name, character by character, from a decoder-only language model.

    The context starts with the start token, char_to_ix["\\n"] (the same symbol ends a name);
    at every step next_char_probabilities(context, parameters) gives the distribution of the
    next character, (vocab_size,), one index is drawn from it with rng and appended to the
    context. Stops after drawing "\\n" or after max_length characters (then "\\n" is appended).
    Returns the drawn indices, a list of ints ending with char_to_ix["\\n"], without the start
    token.
    """
    newline = char_to_ix["\n"]
    context = [newline]
    indices = []
    while len(indices) < max_length:
        probabilities = next_char_probabilities(context, parameters)
        idx = int(rng.choice(len(probabilities), p=probabilities))
        indices.append(idx)
        if idx == newline:
            return indices
        context.append(idx)
    indices.append(newline)
    return indices


# --- given code: the backward passes of the larger layers, the model, the sampler's model ----


def feed_forward_backward(dout, cache):
    """dout (..., d_model); cache of feed_forward. Returns {dx, dW1, db1, dW2, db2}."""
    x, hidden, parameters = cache
    d_model, d_ff = parameters["W1"].shape
    dhidden = (dout @ parameters["W2"].T) * (hidden > 0)
    return {"dx": dhidden @ parameters["W1"].T,
            "dW1": x.reshape(-1, d_model).T @ dhidden.reshape(-1, d_ff),
            "db1": dhidden.reshape(-1, d_ff).sum(axis=0),
            "dW2": hidden.reshape(-1, d_ff).T @ dout.reshape(-1, d_model),
            "db2": dout.reshape(-1, d_model).sum(axis=0)}


def multi_head_attention_backward(dout, cache):
    """dout (m, T, d_model); cache of multi_head_attention.
    Returns {dx, dWq, dbq, dWk, dbk, dWv, dbv, dWo, dbo}."""
    x, q, k, v, attention_weights, concat, parameters = cache
    m, T, d_model = dout.shape

    def merge_heads(z):
        return z.transpose(0, 2, 1, 3).reshape(m * T, d_model)

    rows, drows = x.reshape(m * T, d_model), dout.reshape(m * T, d_model)
    gradients = {"dWo": concat.reshape(m * T, d_model).T @ drows, "dbo": drows.sum(axis=0)}
    dheads = (dout @ parameters["Wo"].T).reshape(m, T, q.shape[1], q.shape[3])
    split = scaled_dot_product_attention_backward(dheads.transpose(0, 2, 1, 3),
                                                  (q, k, v, attention_weights))
    dx = np.zeros_like(rows)
    for name in "qkv":
        dz = merge_heads(split["d" + name])
        gradients["dW" + name] = rows.T @ dz
        gradients["db" + name] = dz.sum(axis=0)
        dx += dz @ parameters["W" + name].T
    gradients["dx"] = dx.reshape(m, T, d_model)
    return gradients


def decoder_block_backward(dout, cache):
    """dout (m, T, d_model); cache of decoder_block. Returns dx and the gradient of every
    parameter of the block ("d" + its key)."""
    norm1_cache, attention_cache, norm2_cache, ff_cache = cache
    ff = feed_forward_backward(dout, ff_cache)
    norm2 = layer_norm_backward(ff["dx"], norm2_cache)
    dx1 = dout + norm2["dx"]
    attention = multi_head_attention_backward(dx1, attention_cache)
    norm1 = layer_norm_backward(attention["dx"], norm1_cache)
    gradients = {key: value for key, value in (ff | attention).items() if key != "dx"}
    gradients |= {"dgamma1": norm1["dgamma"], "dbeta1": norm1["dbeta"],
                  "dgamma2": norm2["dgamma"], "dbeta2": norm2["dbeta"],
                  "dx": dx1 + norm1["dx"]}
    return gradients


NUM_HEADS = 4  # the heads of every block of the names model


def causal_mask(T):
    """(T, T): 1 on and below the diagonal, where position t may attend to positions <= t."""
    return np.tril(np.ones((T, T)))


def transformer_forward(ids, parameters, num_heads=NUM_HEADS):
    """A decoder-only language model on ids (m, T) of character indices.

    parameters -- {"E": (vocab_size, d_model) embeddings, "blocks": [parameters of each
                  decoder_block], "gamma", "beta": (d_model,) a final layer norm,
                  "W_out": (d_model, vocab_size), "b_out": (vocab_size,)}
    Returns probabilities (m, T, vocab_size) of the next character at every position, and
    the cache of every layer.
    """
    m, T = ids.shape
    E = parameters["E"]
    d_model = E.shape[1]
    x = E[ids] * math.sqrt(d_model) + positional_encoding(T, d_model).astype(E.dtype)
    mask = causal_mask(T)
    block_caches = []
    for block in parameters["blocks"]:
        x, cache = decoder_block(x, block, num_heads, mask)
        block_caches.append(cache)
    h, norm_cache = layer_norm(x, parameters["gamma"], parameters["beta"])
    probabilities = softmax(h @ parameters["W_out"] + parameters["b_out"], axis=-1)
    return probabilities, (ids, block_caches, norm_cache, h)


def next_char_probabilities(context, parameters):
    """The model's distribution of the character that follows `context` (a list of
    indices starting with the start token), (vocab_size,)."""
    probabilities, _ = transformer_forward(np.array([context]), parameters)
    return probabilities[0, -1]
