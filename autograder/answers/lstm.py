"""Answers written in advance for 06_lstm (see `autograder.answers`).

An answer's source is compiled on its own (with only `np` defined), so answers that build on
another graded function bring a correct copy of it under a private name (`_lstm_cell` ...):
dropped into a notebook, they never replace the student's own functions.
"""

from autograder.answers import Answer

HELPERS = '''
def sigmoid(x):
    return 1 / (1 + np.exp(-x))

def softmax(x):
    e = np.exp(x - np.max(x, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
'''

RNN_CELL = HELPERS + '''
def _rnn_cell(xt, a_prev, p):
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, softmax(p["Wya"] @ a_next + p["by"]), (a_next, a_prev, xt, p)
'''

LSTM_CELL = HELPERS + '''
def _lstm_cell(xt, a_prev, c_prev, p):
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = sigmoid(p["Wf"] @ concat + p["bf"])
    it = sigmoid(p["Wi"] @ concat + p["bi"])
    cct = np.tanh(p["Wc"] @ concat + p["bc"])
    c_next = ft * c_prev + it * cct
    ot = sigmoid(p["Wo"] @ concat + p["bo"])
    a_next = ot * np.tanh(c_next)
    y = softmax(p["Wy"] @ a_next + p["by"])
    return a_next, c_next, y, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p)
'''

LSTM_CELL_BACKWARD = '''
def _lstm_cell_backward(da_next, dc_next, cache):
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p = cache
    n_a = a_next.shape[0]
    dc = dc_next + da_next * ot * (1 - np.tanh(c_next) ** 2)
    dz = {"o": da_next * np.tanh(c_next) * ot * (1 - ot), "c": dc * it * (1 - cct ** 2),
          "i": dc * cct * it * (1 - it), "f": dc * c_prev * ft * (1 - ft)}
    concat = np.concatenate([a_prev, xt], axis=0)
    dconcat = sum(p["W" + g].T @ dz[g] for g in "fico")
    grads = {"dxt": dconcat[n_a:], "da_prev": dconcat[:n_a], "dc_prev": dc * ft}
    for g in "fico":
        grads["dW" + g] = dz[g] @ concat.T
        grads["db" + g] = dz[g].sum(axis=1, keepdims=True)
    return grads
'''

RNN_FORWARD_TEMPLATE = RNN_CELL + '''
def rnn_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    caches = []
    a_next = a0
    for t in range(T_x):
        {step}
    return a, y_pred, {caches}
'''

LSTM_CELL_BACKWARD_TEMPLATE = '''
def lstm_cell_backward(da_next, dc_next, cache):
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters = cache
    n_a = a_next.shape[0]
    tanh_c = np.tanh(c_next)
    dc = {dc}
    dot = da_next * tanh_c * ot * (1 - ot)
    dcct = dc * it * (1 - cct ** 2)
    dit = dc * cct * it * (1 - it)
    dft = dc * c_prev * ft * (1 - ft)
    concat = np.concatenate([a_prev, xt], axis=0)
    dconcat = (parameters["Wf"].T @ dft + parameters["Wi"].T @ dit
               + parameters["Wc"].T @ dcct + parameters["Wo"].T @ dot)
    gradients = {{"dxt": {dxt}, "da_prev": {da_prev}, "dc_prev": {dc_prev}}}
    for name, dz in (("f", dft), ("i", dit), ("c", dcct), ("o", dot)):
        gradients["dW" + name] = dz @ concat.T
        gradients["db" + name] = {db}
    return gradients
'''


def cell_backward(dc="dc_next + da_next * ot * (1 - tanh_c ** 2)", dxt="dconcat[n_a:]",
                  da_prev="dconcat[:n_a]", dc_prev="dc * ft",
                  db="np.sum(dz, axis=1, keepdims=True)"):
    return LSTM_CELL_BACKWARD_TEMPLATE.format(dc=dc, dxt=dxt, da_prev=da_prev,
                                              dc_prev=dc_prev, db=db)


LSTM_BACKWARD_TEMPLATE = '''
def lstm_backward(da, caches):
    cache_list, x = caches
    n_x, m, T_x = x.shape
    n_a = da.shape[0]
    dx = np.zeros((n_x, m, T_x))
    da_prevt = np.zeros((n_a, m))
    dc_prevt = np.zeros((n_a, m))
    gradients = {{k: 0 for k in ("dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo")}}
    for t in {order}:
        step = _lstm_cell_backward({da_in}, dc_prevt, cache_list[t])
        dx[:, :, t] = step["dxt"]
        da_prevt = step["da_prev"]
        dc_prevt = {dc_carry}
        for key in gradients:
            gradients[key] = {accumulate}
    gradients["dx"] = dx
    gradients["da0"] = da_prevt
    return gradients
'''


def backward(order="reversed(range(T_x))", da_in="da[:, :, t] + da_prevt",
             dc_carry='step["dc_prev"]', accumulate="gradients[key] + step[key]"):
    body = LSTM_BACKWARD_TEMPLATE.format(order=order, da_in=da_in, dc_carry=dc_carry,
                                         accumulate=accumulate)
    return LSTM_CELL_BACKWARD + body


SAMPLE_TEMPLATE = LSTM_CELL + '''
def sample(parameters, char_to_ix, rng, max_length=50):
    vocab_size, n_a = parameters["Wy"].shape
    x = np.zeros((vocab_size, 1))
    a_prev = np.zeros((n_a, 1))
    c_prev = np.zeros((n_a, 1))
    newline = {newline}
    indices = []
    idx = -1
    while {condition}:
        a_prev, c_prev, y, _ = _lstm_cell(x, a_prev, {c_in}, parameters)
        idx = int({draw})
        indices.append(idx)
        {feedback}
    {finish}
    return indices
'''


def sampler(newline='char_to_ix["\\n"]', condition="idx != newline and len(indices) < max_length",
            c_in="c_prev", draw="rng.choice(vocab_size, p=y.ravel())",
            feedback="x = np.zeros((vocab_size, 1))\n        x[idx] = 1",
            finish="if idx != newline:\n        indices.append(newline)"):
    return SAMPLE_TEMPLATE.format(newline=newline, condition=condition, c_in=c_in, draw=draw,
                                  feedback=feedback, finish=finish)


LSTM_FORWARD_TEMPLATE = LSTM_CELL + '''
def lstm_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wy"].shape
    a = np.zeros((n_a, m, T_x))
    c = np.zeros((n_a, m, T_x))
    y = np.zeros((n_y, m, T_x))
    caches = []
    a_next = a0
    c_next = {c0}
    for t in range(T_x):
        a_next, c_next, yt, cache = _lstm_cell(x[:, :, t], a_next, {c_in}, parameters)
        a[:, :, t] = a_next
        c[:, :, t] = c_next
        y[:, :, t] = yt
        caches.append(cache)
    return {result}
'''


def lstm_forward(c0="np.zeros((n_a, m))", c_in="c_next", result="a, y, c, (caches, x)"):
    return LSTM_FORWARD_TEMPLATE.format(c0=c0, c_in=c_in, result=result)


LSTM_CELL_TEMPLATE = HELPERS + '''
def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    concat = {concat}
    ft = sigmoid(parameters["Wf"] @ concat + parameters["bf"])
    it = sigmoid(parameters["Wi"] @ concat + parameters["bi"])
    cct = {candidate}(parameters["Wc"] @ concat + parameters["bc"])
    c_next = {memory}
    ot = sigmoid(parameters["Wo"] @ concat + parameters["bo"])
    a_next = {state}
    yt_pred = softmax(parameters["Wy"] @ a_next + parameters["by"])
    cache = (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)
    return a_next, c_next, yt_pred, cache
'''


def lstm_cell(concat="np.concatenate([a_prev, xt], axis=0)", candidate="np.tanh",
              memory="ft * c_prev + it * cct", state="ot * np.tanh(c_next)"):
    return LSTM_CELL_TEMPLATE.format(concat=concat, candidate=candidate, memory=memory,
                                     state=state)


MISTAKES = [
    Answer("rnn_cell_forward", "no softmax on the prediction", HELPERS + """
def rnn_cell_forward(xt, a_prev, parameters):
    a_next = np.tanh(parameters["Waa"] @ a_prev + parameters["Wax"] @ xt + parameters["ba"])
    yt_pred = parameters["Wya"] @ a_next + parameters["by"]
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)
""", visible="yt_pred: wrong values", hidden="yt_pred: wrong values"),
    Answer("rnn_cell_forward", "softmax over the examples", """
def rnn_cell_forward(xt, a_prev, parameters):
    a_next = np.tanh(parameters["Waa"] @ a_prev + parameters["Wax"] @ xt + parameters["ba"])
    z = parameters["Wya"] @ a_next + parameters["by"]
    yt_pred = np.exp(z) / np.sum(np.exp(z), axis=1, keepdims=True)
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)
""", visible="yt_pred: wrong values", hidden="yt_pred: wrong values"),
    Answer("rnn_cell_forward", "Wax and Waa swapped", HELPERS + """
def rnn_cell_forward(xt, a_prev, parameters):
    a_next = np.tanh(parameters["Wax"] @ a_prev + parameters["Waa"] @ xt + parameters["ba"])
    yt_pred = softmax(parameters["Wya"] @ a_next + parameters["by"])
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)
""", visible="raised ValueError: matmul", hidden="raised ValueError: matmul"),
    Answer("rnn_cell_forward", "cache in another order", HELPERS + """
def rnn_cell_forward(xt, a_prev, parameters):
    a_next = np.tanh(parameters["Waa"] @ a_prev + parameters["Wax"] @ xt + parameters["ba"])
    yt_pred = softmax(parameters["Wya"] @ a_next + parameters["by"])
    return a_next, yt_pred, (a_prev, a_next, xt, parameters)
""", visible="cache[0]: wrong values", hidden="cache[0]: wrong values"),
    Answer("rnn_forward", "state not carried", RNN_FORWARD_TEMPLATE.format(
        step="a_t, y_t, cache = _rnn_cell(x[:, :, t], a0, parameters)\n"
             "        a[:, :, t], y_pred[:, :, t] = a_t, y_t\n        caches.append(cache)",
        caches="(caches, x)"), visible="a: wrong values", hidden="a: wrong values"),
    Answer("rnn_forward", "stores the previous state", RNN_FORWARD_TEMPLATE.format(
        step="a[:, :, t] = a_next\n"
             "        a_next, y_pred[:, :, t], cache = _rnn_cell(x[:, :, t], a_next, parameters)\n"
             "        caches.append(cache)",
        caches="(caches, x)"), visible="a: wrong values", hidden="a: wrong values"),
    Answer("rnn_forward", "caches without x", RNN_FORWARD_TEMPLATE.format(
        step="a_next, y_pred[:, :, t], cache = _rnn_cell(x[:, :, t], a_next, parameters)\n"
             "        a[:, :, t] = a_next\n        caches.append(cache)",
        caches="caches"), visible="expected (list of 3 caches, x)",
        hidden="expected (list of 7 caches, x)"),
    Answer("lstm_cell_forward", "input stacked above the state",
           lstm_cell(concat="np.concatenate([xt, a_prev], axis=0)"),
           visible="a_next: wrong values", hidden="a_next: wrong values"),
    Answer("lstm_cell_forward", "tanh of the memory forgotten", lstm_cell(state="ot * c_next"),
           visible="a_next: wrong values", hidden="a_next: wrong values"),
    Answer("lstm_cell_forward", "forget gate on the candidate",
           lstm_cell(memory="ft * cct + it * c_prev"),
           visible="a_next: wrong values", hidden="a_next: wrong values"),
    Answer("lstm_cell_forward", "sigmoid for the candidate", lstm_cell(candidate="sigmoid"),
           visible="a_next: wrong values", hidden="a_next: wrong values"),
    Answer("lstm_forward", "memory reset every step",
           lstm_forward(c_in="np.zeros((n_a, m))"), visible="a: wrong values",
           hidden="a: wrong values"),
    Answer("lstm_forward", "memory starts at a0", lstm_forward(c0="a0"),
           visible="a: wrong values", hidden="a: wrong values"),
    Answer("lstm_forward", "returns c before y", lstm_forward(result="a, c, y, (caches, x)"),
           visible="y: expected shape (2, 2, 3), got (3, 2, 3)",
           hidden="y: expected shape (4, 6, 7), got (5, 6, 7)"),
    Answer("lstm_cell_backward", "the path through a_next forgotten in dc",
           cell_backward(dc="dc_next"),
           visible="lstm_cell_backward(da_next, dc_next, cache)['dxt']: wrong values",
           hidden="gradient check: the gradient of xt is wrong"),
    Answer("lstm_cell_backward", "derivative of tanh taken at c",
           cell_backward(dc="dc_next + da_next * ot * (1 - c_next ** 2)"),
           visible="['dxt']: wrong values", hidden="gradient check: the gradient of xt is wrong"),
    Answer("lstm_cell_backward", "da_prev and dxt cut at n_x",
           cell_backward(dxt="dconcat[:xt.shape[0]]", da_prev="dconcat[xt.shape[0]:]"),
           visible="['dxt']: wrong values", hidden="gradient check: the gradient of xt is wrong"),
    Answer("lstm_cell_backward", "dc_prev without the forget gate",
           cell_backward(dc_prev="dc"), visible="['dc_prev']: wrong values",
           hidden="gradient check: the gradient of c_prev is wrong"),
    Answer("lstm_cell_backward", "bias gradients not summed over the batch",
           cell_backward(db="dz"), visible="['dbf']: expected shape (3, 1), got (3, 2)",
           hidden="gradient check: the gradient of bf has shape (4, 3), but bf has shape (4, 1)"),
    Answer("lstm_backward", "the gradient from the next step forgotten",
           backward(da_in="da[:, :, t]"), visible="['dx']: wrong values",
           hidden="gradient check: the gradient of x is wrong"),
    Answer("lstm_backward", "weight gradients of one step only",
           backward(accumulate="step[key]"), visible="['dWf']: wrong values",
           hidden="gradient check: the gradient of Wf is wrong"),
    Answer("lstm_backward", "forward in time", backward(order="range(T_x)"),
           visible="['dx']: wrong values", hidden="gradient check: the gradient of x is wrong"),
    Answer("lstm_backward", "memory gradient not carried",
           backward(dc_carry="np.zeros((n_a, m))"), visible="['dx']: wrong values",
           hidden="gradient check: the gradient of x is wrong"),
    Answer("clip", "lower bound 0", """
def clip(gradients, maxValue):
    return {key: np.clip(value, 0, maxValue) for key, value in gradients.items()}
""", visible="['dWf']: wrong values", hidden="['dWaa']: wrong values"),
    Answer("clip", "only the LSTM's keys", """
def clip(gradients, maxValue):
    keys = ["dWf", "dbf", "dWi", "dbi", "dWc", "dbc", "dWo", "dbo", "dWy", "dby"]
    return {key: np.clip(gradients[key], -maxValue, maxValue) for key in keys}
""", visible="raised KeyError: 'dWi'", hidden="raised KeyError: 'dWf'"),
    Answer("clip", "rescales by the norm", """
def clip(gradients, maxValue):
    clipped = {}
    for key, value in gradients.items():
        norm = np.linalg.norm(value)
        clipped[key] = value * maxValue / norm if norm > maxValue else value
    return clipped
""", visible="['dWf']: wrong values", hidden="wrong values"),
    Answer("clip", "threshold hard-coded to 5", """
def clip(gradients, maxValue):
    return {key: np.clip(value, -5, 5) for key, value in gradients.items()}
""", visible="clip(gradients, 10)['dWf']: wrong values", hidden="wrong values"),
    Answer("sample", "argmax instead of drawing", sampler(draw="np.argmax(y)"),
           visible=None, hidden="do not follow the model's distribution"),
    Answer("sample", "uniform draws (p= forgotten)", sampler(draw="rng.choice(vocab_size)"),
           visible="must be the next input", hidden="must be the next input"),
    Answer("sample", "draws from np.random", sampler(
        draw="np.random.choice(vocab_size, p=y.ravel())"), visible="the same seed gave "
           "different sequences", hidden="the same seed gave different sequences"),
    Answer("sample", "drawn character not fed back", sampler(feedback="pass"),
           visible="each drawn character must be the next input",
           hidden="each drawn character must be the next input"),
    Answer("sample", "no end token at the cap", sampler(finish="pass"),
           visible="the list must end with the end token 0",
           hidden="the list must end with the end token 2"),
    Answer("sample", "no length cap", sampler(condition="idx != newline"),
           visible="raised TooManyDraws: more than 1000 random draws",
           hidden="raised TooManyDraws"),
    Answer("sample", "end token hard-coded to 0", sampler(newline="0"),
           visible=None, hidden="the list must end with the end token 2"),
    Answer("sample", "memory not carried while sampling", sampler(c_in="np.zeros((n_a, 1))"),
           visible=None, hidden="a and c must be carried from step to step"),
]

VARIANTS = [
    Answer("rnn_cell_forward", "one matrix on the stacked input", """
def rnn_cell_forward(xt, a_prev, parameters):
    W = np.hstack([parameters["Waa"], parameters["Wax"]])
    a_next = np.tanh(np.dot(W, np.vstack([a_prev, xt])) + parameters["ba"])
    z = np.dot(parameters["Wya"], a_next) + parameters["by"]
    e = np.exp(z)
    yt_pred = e / e.sum(axis=0)
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)
"""),
    Answer("rnn_forward", "lists stacked at the end", RNN_CELL + """
def rnn_forward(x, a0, parameters):
    states, predictions, caches = [], [], []
    a_t = a0
    for t in range(x.shape[2]):
        a_t, y_t, cache = _rnn_cell(x[..., t], a_t, parameters)
        states.append(a_t)
        predictions.append(y_t)
        caches.append(cache)
    return np.stack(states, axis=2), np.stack(predictions, axis=2), (caches, x)
"""),
    Answer("lstm_cell_forward", "separate weights for the state and the input", HELPERS + """
def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    n_a = a_prev.shape[0]

    def gate(name):
        W = parameters["W" + name]
        return np.dot(W[:, :n_a], a_prev) + np.dot(W[:, n_a:], xt) + parameters["b" + name]

    ft, it, ot = sigmoid(gate("f")), sigmoid(gate("i")), sigmoid(gate("o"))
    cct = np.tanh(gate("c"))
    c_next = np.multiply(ft, c_prev) + np.multiply(it, cct)
    a_next = np.multiply(ot, np.tanh(c_next))
    yt_pred = softmax(np.dot(parameters["Wy"], a_next) + parameters["by"])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt,
                                     parameters)
"""),
    Answer("lstm_forward", "lists stacked at the end", LSTM_CELL + """
def lstm_forward(x, a0, parameters):
    a_t, c_t = a0, np.zeros_like(a0)
    a, y, c, caches = [], [], [], []
    for t in range(x.shape[-1]):
        a_t, c_t, y_t, cache = _lstm_cell(x[:, :, t], a_t, c_t, parameters)
        a.append(a_t)
        c.append(c_t)
        y.append(y_t)
        caches.append(cache)
    return np.stack(a, axis=-1), np.stack(y, axis=-1), np.stack(c, axis=-1), (caches, x)
"""),
    Answer("lstm_cell_backward", "gates recomputed from the weights, einsum", HELPERS + """
def lstm_cell_backward(da_next, dc_next, cache):
    _, c_next, a_prev, c_prev, _, _, _, _, xt, parameters = cache
    n_a = a_prev.shape[0]
    concat = np.vstack([a_prev, xt])
    ft = sigmoid(parameters["Wf"] @ concat + parameters["bf"])
    it = sigmoid(parameters["Wi"] @ concat + parameters["bi"])
    cct = np.tanh(parameters["Wc"] @ concat + parameters["bc"])
    ot = sigmoid(parameters["Wo"] @ concat + parameters["bo"])
    tanh_c = np.tanh(ft * c_prev + it * cct)
    dc = dc_next + da_next * ot * (1 - tanh_c ** 2)
    dz = {"f": dc * c_prev * ft * (1 - ft), "i": dc * cct * it * (1 - it),
          "c": dc * it * (1 - cct ** 2), "o": da_next * tanh_c * ot * (1 - ot)}
    gradients = {"dc_prev": dc * ft}
    dconcat = np.zeros_like(concat)
    for g in "fico":
        gradients["dW" + g] = np.einsum("am,km->ak", dz[g], concat)
        gradients["db" + g] = np.einsum("am->a", dz[g])[:, None]
        dconcat += np.einsum("ak,am->km", parameters["W" + g], dz[g])
    gradients["da_prev"] = dconcat[:n_a]
    gradients["dxt"] = dconcat[n_a:]
    return gradients
"""),
    Answer("lstm_backward", "counting down, zeros_like accumulators", LSTM_CELL_BACKWARD + """
def lstm_backward(da, caches):
    cache_list, x = caches
    T_x = x.shape[2]
    dx = np.zeros_like(x)
    da_next = np.zeros_like(da[:, :, 0])
    dc_next = np.zeros_like(da_next)
    names = ["dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo"]
    first = _lstm_cell_backward(da_next, dc_next, cache_list[0])
    totals = {k: np.zeros_like(first[k]) for k in names}
    for t in range(T_x - 1, -1, -1):
        g = _lstm_cell_backward(da[:, :, t] + da_next, dc_next, cache_list[t])
        da_next, dc_next = g["da_prev"], g["dc_prev"]
        dx[:, :, t] = g["dxt"]
        for k in names:
            totals[k] += g[k]
    return dict(totals, dx=dx, da0=da_next)
"""),
    Answer("clip", "in place, as the classic course does", """
def clip(gradients, maxValue):
    for gradient in gradients.values():
        np.clip(gradient, -maxValue, maxValue, out=gradient)
    return gradients
"""),
    Answer("sample", "inverse-CDF draws with rng.random", LSTM_CELL + """
def sample(parameters, char_to_ix, rng, max_length=50):
    vocab_size, n_a = parameters["Wy"].shape
    x = np.zeros((vocab_size, 1))
    a, c = np.zeros((n_a, 1)), np.zeros((n_a, 1))
    indices = []
    while len(indices) < max_length:
        a, c, y, _ = _lstm_cell(x, a, c, parameters)
        cumulative = np.cumsum(y.ravel())
        idx = min(int(np.searchsorted(cumulative, rng.random() * cumulative[-1])),
                  vocab_size - 1)
        indices.append(idx)
        if idx == char_to_ix["\\n"]:
            return indices
        x = np.eye(vocab_size)[:, [idx]]
    return indices + [char_to_ix["\\n"]]
"""),
]

ERRORS = [
    Answer("rnn_cell_forward", "a typo in a name", HELPERS + """
def rnn_cell_forward(xt, a_prev, parameters):
    a_next = np.tanh(parameters["Waa"] @ a_prev + parameters["Wax"] @ xt + parameters["ba"])
    return a_next, softmax(parameters["Wya"] @ a_nxt + parameters["by"]), None
""", visible="raised NameError: name 'a_nxt' is not defined", hidden="raised NameError"),
    Answer("rnn_forward", "calls the cell with too few arguments", RNN_CELL + """
def rnn_forward(x, a0, parameters):
    a_next, y, cache = _rnn_cell(x[:, :, 0], parameters)
    return a_next, y, cache
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("lstm_cell_forward", "a key that does not exist", """
def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = parameters["Wforget"] @ concat
    return ft, ft, ft, ()
""", visible="raised KeyError: 'Wforget'", hidden="raised KeyError"),
    Answer("lstm_forward", "stacks along the wrong axis", LSTM_CELL + """
def lstm_forward(x, a0, parameters):
    a_next, c_next, y, cache = _lstm_cell(x, a0, np.zeros_like(a0), parameters)
    return a_next, y, c_next, ([cache], x)
""", visible="raised ValueError", hidden="raised ValueError"),
    Answer("lstm_cell_backward", "unpacks the cache into too few names", """
def lstm_cell_backward(da_next, dc_next, cache):
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt = cache
    return {}
""", visible="raised ValueError: too many values to unpack",
        hidden="raised ValueError: too many values to unpack"),
    Answer("lstm_backward", "indexes the caches tuple by time", """
def lstm_backward(da, caches):
    return caches[da.shape[2] - 1]["dxt"]
""", visible="raised IndexError: tuple index out of range", hidden="raised IndexError"),
    Answer("clip", "calls clip on the dict", """
def clip(gradients, maxValue):
    return np.clip(gradients, -maxValue, maxValue)
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("sample", "treats rng as a seed", LSTM_CELL + """
def sample(parameters, char_to_ix, rng, max_length=50):
    np.random.seed(rng)
    return []
""", visible="raised TypeError", hidden="raised TypeError"),
]

TYPICAL = ["memory reset every step", "the path through a_next forgotten in dc",
           "the gradient from the next step forgotten", "argmax instead of drawing"]
