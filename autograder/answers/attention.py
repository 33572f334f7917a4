"""Answers written in advance for 09_attention (see `autograder.answers`).

An answer's source is compiled on its own (with only `np` defined), so answers that build on
another graded function bring a correct copy of it under a private name (`_softmax` ...):
dropped into a notebook, they never replace the student's own functions. `sample` calls
`next_char_probabilities`, the model, which every check binds.
"""

from autograder.answers import Answer

SOFTMAX = '''
def _softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
'''

ATTENTION = SOFTMAX + '''
def _attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask == 0, -1e9, scores)
    weights = _softmax(scores)
    return weights @ v, weights
'''

LAYERS = ATTENTION + '''
def _layer_norm(x, gamma, beta, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    std = np.sqrt(x.var(axis=-1, keepdims=True) + eps)
    x_hat = (x - mean) / std
    return gamma * x_hat + beta, (x_hat, std, gamma)

def _feed_forward(x, p):
    hidden = np.maximum(0, x @ p["W1"] + p["b1"])
    return hidden @ p["W2"] + p["b2"], (x, hidden, p)

def _multi_head_attention(x, p, num_heads, mask=None):
    m, T, d_model = x.shape
    d_k = d_model // num_heads
    q, k, v = (np.transpose((x @ p["W" + n] + p["b" + n]).reshape(m, T, num_heads, d_k),
                            (0, 2, 1, 3)) for n in "qkv")
    heads, weights = _attention(q, k, v, mask)
    concat = heads.transpose(0, 2, 1, 3).reshape(m, T, d_model)
    return concat @ p["Wo"] + p["bo"], (x, q, k, v, weights, concat, p)
'''

SOFTMAX_TEMPLATE = '''
def softmax(x, axis=-1):
    e = np.exp({shifted})
    return e / {total}
'''


def softmax(shifted="x - np.max(x, axis=axis, keepdims=True)",
            total="np.sum(e, axis=axis, keepdims=True)"):
    return SOFTMAX_TEMPLATE.format(shifted=shifted, total=total)


ATTENTION_TEMPLATE = SOFTMAX + '''
def scaled_dot_product_attention(q, k, v, mask=None):
    d_k = q.shape[-1]
    scores = {scores}
    if mask is not None:
        scores = {masked}
    attention_weights = _softmax(scores, axis={axis})
    return attention_weights @ v, attention_weights
'''


def attention(scores="q @ np.swapaxes(k, -1, -2) / np.sqrt(d_k)",
              masked="np.where(mask == 0, -1e9, scores)", axis="-1"):
    return ATTENTION_TEMPLATE.format(scores=scores, masked=masked, axis=axis)


ATTENTION_BACKWARD_TEMPLATE = '''
def scaled_dot_product_attention_backward(doutput, cache):
    q, k, v, w = cache
    scale = np.sqrt(q.shape[-1])
    dv = {dv}
    dw = doutput @ np.swapaxes(v, -1, -2)
    dscores = {dscores} / scale
    return {{"dq": {dq}, "dk": np.swapaxes(dscores, -1, -2) @ q, "dv": dv}}
'''


def attention_backward(dv="np.swapaxes(w, -1, -2) @ doutput",
                       dscores="w * (dw - np.sum(dw * w, axis=-1, keepdims=True))",
                       dq="dscores @ k"):
    return ATTENTION_BACKWARD_TEMPLATE.format(dv=dv, dscores=dscores, dq=dq)


ENCODING_TEMPLATE = '''
def positional_encoding(positions, d):
    pos = np.arange(positions)[:, None]
    i = np.arange(d)[None, :]
    angles = pos / 10000 ** ({exponent} / d)
    encoding = np.zeros((positions, d))
    encoding[:, 0::2] = np.{even}(angles[:, 0::2])
    encoding[:, 1::2] = np.{odd}(angles[:, 1::2])
    return {result}
'''


def encoding(exponent="(2 * (i // 2))", even="sin", odd="cos", result="encoding[np.newaxis]"):
    return ENCODING_TEMPLATE.format(exponent=exponent, even=even, odd=odd, result=result)


LAYER_NORM_TEMPLATE = '''
def layer_norm(x, gamma, beta, eps=1e-5):
    mean = np.mean(x, axis={axis}, keepdims=True)
    std = {std}
    x_hat = (x - mean) / std
    return {out}, (x_hat, std, gamma)
'''


def layer_norm(axis="-1", std="np.sqrt(np.var(x, axis=-1, keepdims=True) + eps)",
               out="gamma * x_hat + beta"):
    return LAYER_NORM_TEMPLATE.format(axis=axis, std=std, out=out)


LAYER_NORM_BACKWARD_TEMPLATE = '''
def layer_norm_backward(dout, cache):
    x_hat, std, gamma = cache
    rows = tuple(range(dout.ndim - 1))
    g = dout * gamma
    dx = {dx}
    return {{"dx": dx, "dgamma": {dgamma}, "dbeta": {dbeta}}}
'''


def layer_norm_backward(dx="(g - g.mean(axis=-1, keepdims=True) "
                           "- x_hat * (g * x_hat).mean(axis=-1, keepdims=True)) / std",
                        dgamma="np.sum(dout * x_hat, axis=rows)",
                        dbeta="np.sum(dout, axis=rows)"):
    return LAYER_NORM_BACKWARD_TEMPLATE.format(dx=dx, dgamma=dgamma, dbeta=dbeta)


FEED_FORWARD_TEMPLATE = '''
def feed_forward(x, parameters):
    z = x @ parameters["W1"] + parameters["b1"]
    hidden = {hidden}
    out = {out}
    return out, (x, {cached}, parameters)
'''


def feed_forward(hidden="np.maximum(0, z)",
                 out='hidden @ parameters["W2"] + parameters["b2"]', cached="hidden"):
    return FEED_FORWARD_TEMPLATE.format(hidden=hidden, out=out, cached=cached)


MHA_TEMPLATE = ATTENTION + '''
def multi_head_attention(x, parameters, num_heads, mask=None):
    m, T, d_model = x.shape
    d_k = d_model // num_heads

    def split(z):
        return {split}

    q = split(x @ parameters["Wq"] + parameters["bq"])
    k = split(x @ parameters["Wk"] + parameters["bk"])
    v = split(x @ parameters["Wv"] + parameters["bv"])
    heads, weights = _attention(q, k, v, {mask})
    concat = {merge}
    out = {out}
    return out, (x, q, k, v, weights, concat, parameters)
'''


def mha(split="z.reshape(m, T, num_heads, d_k).transpose(0, 2, 1, 3)", mask="mask",
        merge="heads.transpose(0, 2, 1, 3).reshape(m, T, d_model)",
        out='concat @ parameters["Wo"] + parameters["bo"]'):
    return MHA_TEMPLATE.format(split=split, mask=mask, merge=merge, out=out)


BLOCK_TEMPLATE = LAYERS + '''
def decoder_block(x, parameters, num_heads, mask=None):
    h1, c1 = _layer_norm(x, parameters["gamma1"], parameters["beta1"])
    attended, c2 = _multi_head_attention({attention_input}, parameters, num_heads, {mask})
    x1 = {x1}
    h2, c3 = _layer_norm(x1, parameters["gamma2"], parameters["beta2"])
    fed, c4 = _feed_forward(h2, parameters)
    return {out}, (c1, c2, c3, c4)
'''


def block(attention_input="h1", mask="mask", x1="x + attended", out="x1 + fed"):
    return BLOCK_TEMPLATE.format(attention_input=attention_input, mask=mask, x1=x1, out=out)


SAMPLE_TEMPLATE = '''
def sample(parameters, char_to_ix, rng, max_length=20):
    newline = {newline}
    context = [newline]
    indices = []
    while {condition}:
        probabilities = next_char_probabilities({given}, parameters)
        idx = int({draw})
        indices.append(idx)
        if idx == newline:
            return {result}
        {grow}
    {finish}
    return {result}
'''


def sampler(newline='char_to_ix["\\n"]', condition="len(indices) < max_length",
            given="context", draw="rng.choice(len(probabilities), p=probabilities)",
            grow="context.append(idx)", finish="indices.append(newline)", result="indices"):
    return SAMPLE_TEMPLATE.format(newline=newline, condition=condition, given=given, draw=draw,
                                  grow=grow, finish=finish, result=result)


MISTAKES = [
    Answer("softmax", "no maximum subtracted", softmax(shifted="x"),
           visible="softmax(x + 1000)", hidden="scores around -800"),
    Answer("softmax", "sums over every entry", softmax(total="np.sum(e)"),
           visible="softmax(x)  # x.shape == (2, 3): along the last axis: wrong values",
           hidden="wrong values"),
    Answer("softmax", "always along the last axis",
           softmax(shifted="x - np.max(x, axis=-1, keepdims=True)",
                   total="np.sum(e, axis=-1, keepdims=True)"),
           visible="softmax(x, axis=0): wrong values", hidden="softmax(x, axis=1)"),
    Answer("softmax", "sum without keepdims", softmax(total="np.sum(e, axis=axis)"),
           visible="raised ValueError", hidden="raised ValueError"),
    Answer("softmax_backward", "diagonal of the Jacobian only", """
def softmax_backward(dy, y, axis=-1):
    return dy * y * (1 - y)
""", visible="wrong values", hidden="gradient check: the gradient of x is wrong"),
    Answer("softmax_backward", "always along the last axis", """
def softmax_backward(dy, y, axis=-1):
    return y * (dy - np.sum(dy * y, axis=-1, keepdims=True))
""", visible="softmax_backward(dy, y, axis=0)", hidden="gradient check: the gradient of x"),
    Answer("softmax_backward", "sign of the sum term flipped", """
def softmax_backward(dy, y, axis=-1):
    return y * (dy + np.sum(dy * y, axis=axis, keepdims=True))
""", visible="wrong values", hidden="gradient check: the gradient of x is wrong"),
    Answer("softmax_backward", "dy and y swapped", """
def softmax_backward(dy, y, axis=-1):
    return dy * (y - np.sum(dy * y, axis=axis, keepdims=True))
""", visible="wrong values", hidden="gradient check: the gradient of x is wrong"),
    Answer("scaled_dot_product_attention", "scaled by d_k, not its square root",
           attention(scores="q @ np.swapaxes(k, -1, -2) / d_k"),
           visible="no mask: attention_weights: wrong values", hidden="wrong values"),
    Answer("scaled_dot_product_attention", "not scaled",
           attention(scores="q @ np.swapaxes(k, -1, -2)"),
           visible="no mask: attention_weights: wrong values", hidden="wrong values"),
    Answer("scaled_dot_product_attention", "mask inverted",
           attention(masked="np.where(mask == 1, -1e9, scores)"),
           visible="query t sees keys 0 .. t + 1: attention_weights: wrong values",
           hidden="attention_weights: wrong values"),
    Answer("scaled_dot_product_attention", "mask ignored", attention(masked="scores"),
           visible="query t sees keys 0 .. t + 1: attention_weights: wrong values",
           hidden="attention_weights: wrong values"),
    Answer("scaled_dot_product_attention", "softmax over the queries", attention(axis="-2"),
           visible="no mask: attention_weights: wrong values", hidden="wrong values"),
    Answer("scaled_dot_product_attention", "keys not transposed",
           attention(scores="q @ k / np.sqrt(d_k)"),
           visible="no mask: attention_weights: wrong values", hidden="raised ValueError"),
    Answer("scaled_dot_product_attention_backward", "softmax Jacobian forgotten",
           attention_backward(dscores="dw"),
           visible="['dq']: wrong values", hidden="gradient check: the gradient of q is wrong"),
    Answer("scaled_dot_product_attention_backward", "scale forgotten",
           attention_backward(dscores="w * (dw - np.sum(dw * w, axis=-1, keepdims=True)) * "
                                      "scale"),
           visible="['dq']: wrong values", hidden="gradient check: the gradient of q is wrong"),
    Answer("scaled_dot_product_attention_backward", "weights not transposed for dv",
           attention_backward(dv="np.swapaxes(w @ np.swapaxes(doutput, -1, -2), -1, -2)"),
           visible="raised ValueError", hidden="raised ValueError"),
    Answer("scaled_dot_product_attention_backward", "dq from the transposed scores",
           attention_backward(dq="np.swapaxes(dscores, -1, -2) @ q"),
           visible="['dq']: expected shape (2, 3, 4), got (2, 4, 4)",
           hidden="gradient check: the gradient of q has shape (2, 5, 4)"),
    Answer("positional_encoding", "sin and cos swapped", encoding(even="cos", odd="sin"),
           visible="positional_encoding(4, 6): wrong values", hidden="wrong values"),
    Answer("positional_encoding", "no batch axis", encoding(result="encoding"),
           visible="expected shape (1, 4, 6), got (4, 6)",
           hidden="expected shape (1, 12, 10), got (12, 10)"),
    Answer("positional_encoding", "exponent from the column, not the pair",
           encoding(exponent="i"), visible="positional_encoding(4, 6): wrong values",
           hidden="wrong values"),
    Answer("positional_encoding", "exponent 2i for column i", encoding(exponent="(2 * i)"),
           visible="positional_encoding(4, 6): wrong values", hidden="wrong values"),
    Answer("layer_norm", "normalised over the batch axis",
           layer_norm(axis="0", std="np.sqrt(np.var(x, axis=0, keepdims=True) + eps)"),
           visible="out: wrong values", hidden="out: wrong values"),
    Answer("layer_norm", "eps outside the square root",
           layer_norm(std="np.std(x, axis=-1, keepdims=True) + eps"),
           visible="out: wrong values", hidden="out: wrong values"),
    Answer("layer_norm", "unbiased variance",
           layer_norm(std="np.sqrt(np.var(x, axis=-1, keepdims=True, ddof=1) + eps)"),
           visible="out: wrong values", hidden="out: wrong values"),
    Answer("layer_norm", "eps argument ignored",
           layer_norm(std="np.sqrt(np.var(x, axis=-1, keepdims=True) + 1e-5)"),
           visible="layer_norm(x, gamma, beta, eps=0.5): out: wrong values",
           hidden="eps=0.001)  # (4, 7): out: wrong values"),
    Answer("layer_norm", "gamma and beta swapped", layer_norm(out="beta * x_hat + gamma"),
           visible="out: wrong values", hidden="out: wrong values"),
    Answer("layer_norm_backward", "the mean terms forgotten", layer_norm_backward(dx="g / std"),
           visible="['dx']: wrong values", hidden="gradient check: the gradient of x is wrong"),
    Answer("layer_norm_backward", "the x_hat term forgotten",
           layer_norm_backward(dx="(g - g.mean(axis=-1, keepdims=True)) / std"),
           visible="['dx']: wrong values", hidden="gradient check: the gradient of x is wrong"),
    Answer("layer_norm_backward", "dgamma not summed over the rows",
           layer_norm_backward(dgamma="dout * x_hat"),
           visible="['dgamma']: expected shape (4,), got (2, 3, 4)",
           hidden="gradient check: the gradient of gamma has shape (2, 3, 5)"),
    Answer("layer_norm_backward", "dbeta summed over the features",
           layer_norm_backward(dbeta="np.sum(dout, axis=-1)"),
           visible="['dbeta']: expected shape (4,), got (2, 3)",
           hidden="gradient check: the gradient of beta has shape (2, 3)"),
    Answer("feed_forward", "no ReLU", feed_forward(hidden="z"),
           visible="out: wrong values", hidden="out: wrong values"),
    Answer("feed_forward", "ReLU on the output too",
           feed_forward(out='np.maximum(0, hidden @ parameters["W2"] + parameters["b2"])'),
           visible="out: wrong values", hidden="out: wrong values"),
    Answer("feed_forward", "second bias forgotten", feed_forward(out='hidden @ parameters["W2"]'),
           visible="out: wrong values", hidden="out: wrong values"),
    Answer("feed_forward", "hidden cached before the ReLU", feed_forward(cached="z"),
           visible="cache[1] (hidden): wrong values", hidden="cache[1] (hidden): wrong values"),
    Answer("multi_head_attention", "heads split without a transpose",
           mha(split="z.reshape(m, num_heads, T, d_k)"),
           visible="no mask: out: wrong values", hidden="out: wrong values"),
    Answer("multi_head_attention", "heads merged without a transpose",
           mha(merge="heads.reshape(m, T, d_model)"),
           visible="no mask: out: wrong values", hidden="out: wrong values"),
    Answer("multi_head_attention", "no output projection", mha(out="concat"),
           visible="no mask: out: wrong values", hidden="out: wrong values"),
    Answer("multi_head_attention", "mask not passed on", mha(mask="None"),
           visible="causal mask (3, 3): cache[4] (attention_weights): wrong values",
           hidden="causal mask: out: wrong values"),
    Answer("decoder_block", "post-norm: layer norm after the residual", LAYERS + '''
def decoder_block(x, parameters, num_heads, mask=None):
    attended, c2 = _multi_head_attention(x, parameters, num_heads, mask)
    x1, c1 = _layer_norm(x + attended, parameters["gamma1"], parameters["beta1"])
    fed, c4 = _feed_forward(x1, parameters)
    out, c3 = _layer_norm(x1 + fed, parameters["gamma2"], parameters["beta2"])
    return out, (c1, c2, c3, c4)
''', visible="no mask: out: wrong values", hidden="out: wrong values"),
    Answer("decoder_block", "no residual around the attention", block(x1="attended"),
           visible="no mask: out: wrong values", hidden="out: wrong values"),
    Answer("decoder_block", "residual from the normalised input", block(x1="h1 + attended"),
           visible="no mask: out: wrong values", hidden="out: wrong values"),
    Answer("decoder_block", "attention on the raw input", block(attention_input="x"),
           visible="no mask: out: wrong values", hidden="out: wrong values"),
    Answer("decoder_block", "mask not passed on", block(mask="None"),
           visible="causal mask (3, 3): out: wrong values", hidden="out: wrong values"),
    Answer("sample", "argmax instead of drawing", sampler(draw="np.argmax(probabilities)"),
           visible=None, hidden="do not follow the model's distribution"),
    Answer("sample", "draws from np.random",
           sampler(draw="np.random.choice(len(probabilities), p=probabilities)"),
           visible="the same seed gave different sequences",
           hidden="the same seed gave different sequences"),
    Answer("sample", "only the last character as context",
           sampler(given="context[-1:]"),
           visible="raised ValueError: the context must begin with the start token 0",
           hidden="raised ValueError: the context must begin with the start token 2"),
    Answer("sample", "context of the start token and the last character",
           sampler(grow="context = [newline, idx]"), visible=None,
           hidden="the model reads the whole context"),
    Answer("sample", "drawn character not appended", sampler(grow="pass"),
           visible="each drawn character must be appended to the context",
           hidden="each drawn character must be appended to the context"),
    Answer("sample", "no end token at the cap", sampler(finish="pass"),
           visible="the list must end with the end token 0",
           hidden="the list must end with the end token 2"),
    Answer("sample", "no length cap", sampler(condition="True"),
           visible="raised TooManyDraws: more than 1000 random draws",
           hidden="raised TooManyDraws"),
    Answer("sample", "returns the context, start token included", sampler(
        grow="context.append(idx)", result="context + [idx]", finish="pass"),
           visible="the end token 0 must only come last",
           hidden="the end token 2 must only come last"),
    Answer("sample", "end token hard-coded to 0", sampler(newline="0"),
           visible=None, hidden="raised ValueError: the context must begin with the start"),
]

VARIANTS = [
    Answer("softmax", "one global maximum, np.exp of the difference", """
def softmax(x, axis=-1):
    shifted = np.exp(x - x.max())
    return shifted / shifted.sum(axis=axis, keepdims=True)
"""),
    Answer("softmax_backward", "the Jacobian of every slice, with einsum", """
def softmax_backward(dy, y, axis=-1):
    y_last, dy_last = np.moveaxis(y, axis, -1), np.moveaxis(dy, axis, -1)
    n = y_last.shape[-1]
    jacobian = y_last[..., :, None] * np.eye(n) - y_last[..., :, None] * y_last[..., None, :]
    dx = np.einsum("...ij,...i->...j", jacobian, dy_last)
    return np.moveaxis(dx, -1, axis)
"""),
    Answer("scaled_dot_product_attention", "the classic's (1 - mask) * -1e9, einsum", SOFTMAX + """
def scaled_dot_product_attention(q, k, v, mask=None):
    matmul_qk = np.einsum("...qd,...kd->...qk", q, k)
    scaled_attention_logits = matmul_qk / np.sqrt(np.float64(k.shape[-1]))
    if mask is not None:
        scaled_attention_logits += (1. - mask) * -1e9
    attention_weights = _softmax(scaled_attention_logits, axis=-1)
    output = np.einsum("...qk,...kv->...qv", attention_weights, v)
    return output, attention_weights
"""),
    Answer("scaled_dot_product_attention", "minus infinity where masked, then softmax", """
def scaled_dot_product_attention(q, k, v, mask=None):
    scores = np.matmul(q, np.swapaxes(k, -1, -2)) * q.shape[-1] ** -0.5
    if mask is not None:
        scores = np.where(np.broadcast_to(mask, scores.shape) > 0, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return np.matmul(weights, v), weights
"""),
    Answer("scaled_dot_product_attention_backward", "einsum, softmax backward inline", """
def scaled_dot_product_attention_backward(doutput, cache):
    q, k, v, attention_weights = cache
    dv = np.einsum("...qk,...qv->...kv", attention_weights, doutput)
    dweights = np.einsum("...qv,...kv->...qk", doutput, v)
    inner = np.einsum("...qk,...qk->...q", dweights, attention_weights)[..., None]
    dscores = attention_weights * (dweights - inner) / np.sqrt(q.shape[-1])
    return {"dq": np.einsum("...qk,...kd->...qd", dscores, k),
            "dk": np.einsum("...qk,...qd->...kd", dscores, q), "dv": dv}
"""),
    Answer("positional_encoding", "the classic's get_angles, with loops", """
def get_angles(pos, k, d):
    return pos / np.power(10000, (2 * (k // 2)) / np.float32(d))

def positional_encoding(positions, d):
    encoding = np.zeros((1, positions, d))
    for pos in range(positions):
        for k in range(d):
            angle = get_angles(pos, k, d)
            encoding[0, pos, k] = np.sin(angle) if k % 2 == 0 else np.cos(angle)
    return encoding
"""),
    Answer("layer_norm", "variance as the mean square, eps by keyword", """
def layer_norm(x, gamma, beta, eps=1e-5):
    centred = x - x.mean(axis=-1, keepdims=True)
    std = np.sqrt((centred ** 2).mean(axis=-1, keepdims=True) + eps)
    x_hat = centred / std
    return x_hat * gamma + beta, (x_hat, std, gamma)
"""),
    Answer("layer_norm_backward", "the textbook form with N", """
def layer_norm_backward(dout, cache):
    x_hat, std, gamma = cache
    N = x_hat.shape[-1]
    dx_hat = dout * gamma
    dx = (N * dx_hat - dx_hat.sum(axis=-1, keepdims=True)
          - x_hat * (dx_hat * x_hat).sum(axis=-1, keepdims=True)) / (N * std)
    flat = dout.reshape(-1, N)
    return {"dx": dx, "dgamma": (flat * x_hat.reshape(-1, N)).sum(axis=0),
            "dbeta": flat.sum(axis=0)}
"""),
    Answer("feed_forward", "np.dot and a ReLU mask", """
def feed_forward(x, parameters):
    z = np.dot(x, parameters["W1"]) + parameters["b1"]
    hidden = z * (z > 0)
    return np.dot(hidden, parameters["W2"]) + parameters["b2"], (x, hidden, parameters)
"""),
    Answer("multi_head_attention", "a loop over the heads", ATTENTION + """
def multi_head_attention(x, parameters, num_heads, mask=None):
    m, T, d_model = x.shape
    d_k = d_model // num_heads
    Q = x @ parameters["Wq"] + parameters["bq"]
    K = x @ parameters["Wk"] + parameters["bk"]
    V = x @ parameters["Wv"] + parameters["bv"]
    qs, ks, vs, ws, outs = [], [], [], [], []
    for h in range(num_heads):
        cols = slice(h * d_k, (h + 1) * d_k)
        head_mask = None if mask is None else np.asarray(mask)
        if head_mask is not None and head_mask.ndim == 4:
            head_mask = head_mask[:, min(h, head_mask.shape[1] - 1)]
        out_h, w_h = _attention(Q[..., cols], K[..., cols], V[..., cols], head_mask)
        qs.append(Q[..., cols])
        ks.append(K[..., cols])
        vs.append(V[..., cols])
        ws.append(w_h)
        outs.append(out_h)
    concat = np.concatenate(outs, axis=-1)
    q, k, v, weights = (np.stack(a, axis=1) for a in (qs, ks, vs, ws))
    return concat @ parameters["Wo"] + parameters["bo"], (x, q, k, v, weights, concat, parameters)
"""),
    Answer("decoder_block", "one line per sub-layer", LAYERS + """
def decoder_block(x, parameters, num_heads, mask=None):
    p = parameters
    norm1 = _layer_norm(x, p["gamma1"], p["beta1"])
    attention = _multi_head_attention(norm1[0], p, num_heads, mask=mask)
    x = x + attention[0]
    norm2 = _layer_norm(x, p["gamma2"], p["beta2"])
    feed = _feed_forward(norm2[0], p)
    return x + feed[0], (norm1[1], attention[1], norm2[1], feed[1])
"""),
    Answer("sample", "inverse-CDF draws with rng.random, context as an array", """
def sample(parameters, char_to_ix, rng, max_length=20):
    end = char_to_ix["\\n"]
    context = np.array([end])
    for _ in range(max_length):
        p = next_char_probabilities(context, parameters)
        cumulative = np.cumsum(p)
        idx = min(int(np.searchsorted(cumulative, rng.random() * cumulative[-1])), len(p) - 1)
        if idx == end:
            return [int(i) for i in context[1:]] + [end]
        context = np.append(context, idx)
    return [int(i) for i in context[1:]] + [end]
"""),
]

ERRORS = [
    Answer("softmax", "a typo in a name", """
def softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(ee, axis=axis, keepdims=True)
""", visible="raised NameError: name 'ee' is not defined", hidden="raised NameError"),
    Answer("softmax_backward", "the product of incompatible shapes", """
def softmax_backward(dy, y, axis=-1):
    return dy @ y
""", visible="raised ValueError", hidden="raised ValueError"),
    Answer("scaled_dot_product_attention", "transposes a 3-D array with .T", """
def scaled_dot_product_attention(q, k, v, mask=None):
    return q @ k.T @ v, None
""", visible="raised ValueError", hidden="raised ValueError"),
    Answer("scaled_dot_product_attention_backward", "unpacks the cache into too few names", """
def scaled_dot_product_attention_backward(doutput, cache):
    q, k, v = cache
    return {}
""", visible="raised ValueError: too many values to unpack",
        hidden="raised ValueError: too many values to unpack"),
    Answer("positional_encoding", "a float where an int is needed", """
def positional_encoding(positions, d):
    return np.zeros((1, positions, d / 2))
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("layer_norm", "calls a method arrays do not have", """
def layer_norm(x, gamma, beta, eps=1e-5):
    return x.normalize(axis=-1), None
""", visible="raised AttributeError", hidden="raised AttributeError"),
    Answer("layer_norm_backward", "indexes the cache by name", """
def layer_norm_backward(dout, cache):
    return {"dx": dout / cache["std"]}
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("feed_forward", "a key that does not exist", """
def feed_forward(x, parameters):
    return x @ parameters["W"], None
""", visible="raised KeyError: 'W'", hidden="raised KeyError"),
    Answer("multi_head_attention", "reshapes to a size that does not fit", """
def multi_head_attention(x, parameters, num_heads, mask=None):
    return x.reshape(num_heads, -1, 7), None
""", visible="raised ValueError: cannot reshape", hidden="raised ValueError"),
    Answer("decoder_block", "calls a function it never defined", """
def decoder_block(x, parameters, num_heads, mask=None):
    return transformer_layer(x, parameters), None
""", visible="raised NameError", hidden="raised NameError"),
    Answer("sample", "treats rng as a seed", """
def sample(parameters, char_to_ix, rng, max_length=20):
    np.random.seed(rng)
    return []
""", visible="raised TypeError", hidden="raised TypeError"),
]

TYPICAL = ["no maximum subtracted", "scaled by d_k, not its square root",
           "softmax Jacobian forgotten", "the mean terms forgotten",
           "heads merged without a transpose", "argmax instead of drawing"]
