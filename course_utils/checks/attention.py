"""Visible checks for 09_attention. Expected values are literals (computed once with the reference
and pasted at the end of this file) or properties, never solutions.

Inputs are small and deterministic (`_fixed`: sines of a counter), so the literals stay short:
m = 2 sequences, T = 3 positions (4 keys for attention), d_model = d_k = 4, 2 heads.
"""

import numpy as np

from course_utils.checks.core import describe, exercise
from course_utils.checks.lstm import LimitedGenerator, TooManyDraws, expect_sequence

__all__ = ["LimitedGenerator", "TooManyDraws"]


def _fixed(shape, k, scale=1.0):
    """Deterministic values in [-scale, scale]: scale * sin(k * (1, 2, 3, ...)), reshaped."""
    return scale * np.sin(k * np.arange(1, int(np.prod(shape)) + 1)).reshape(shape)


def _array(value):
    return np.array(value, dtype=float)


def attention_inputs():
    """q (2, 3, 4), k (2, 4, 4), v (2, 4, 2), a causal-like mask (3, 4), a padding mask
    (2, 1, 4) that hides the last key of the first sequence and the last two of the second."""
    q, k, v = _fixed((2, 3, 4), 0.7, 2.0), _fixed((2, 4, 4), 1.3, 2.0), _fixed((2, 4, 2), 1.9)
    causal = np.tril(np.ones((3, 4)), k=1)
    padding = np.array([[[1.0, 1.0, 1.0, 0.0]], [[1.0, 1.0, 0.0, 0.0]]])
    return q, k, v, causal, padding


def block_parameters(d_model=4, d_ff=6, k=1.0):
    """The parameters of a decoder block (those of multi_head_attention and feed_forward, and
    two layer norms), deterministic."""
    p = {}
    for n, name in enumerate("qkvo"):
        p["W" + name] = _fixed((d_model, d_model), k * (1.1 + 0.3 * n), 0.8)
        p["b" + name] = _fixed((d_model,), k * (2.3 + 0.2 * n), 0.2)
    p["W1"], p["b1"] = _fixed((d_model, d_ff), k * 0.9, 0.8), _fixed((d_ff,), k * 3.1, 0.3)
    p["W2"], p["b2"] = _fixed((d_ff, d_model), k * 1.7, 0.6), _fixed((d_model,), k * 2.9, 0.2)
    for n in ("1", "2"):
        p["gamma" + n] = 1 + _fixed((d_model,), k * (0.5 + int(n)), 0.3)
        p["beta" + n] = _fixed((d_model,), k * (1.5 + int(n)), 0.2)
    return p


def _expect_pair(ex, result, call, names):
    ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                   f"expected 2 values: {names}, got {describe(result)}"
                   + (f" of length {len(result)}" if isinstance(result, tuple | list) else ""))


def _expect_cache(ex, cache, expected, call, names):
    """A cache tuple: its length and each entry (arrays, or a parameters dict)."""
    ex.expect_true(isinstance(cache, tuple | list) and len(cache) == len(expected), call,
                   f"expected a tuple of {len(expected)} values ({names}), got {describe(cache)}"
                   + (f" of length {len(cache)}" if isinstance(cache, tuple | list) else ""))
    for position, (value, wanted) in enumerate(zip(cache, expected, strict=True)):
        label = f"{call}[{position}] ({names.split(', ')[position]})"
        if isinstance(wanted, dict):
            ex.expect_true(isinstance(value, dict) and set(wanted) <= set(value), label,
                           "expected the parameters dict")
        else:
            ex.expect_array(value, wanted, label)


def check_softmax(softmax):
    with exercise("softmax") as ex:
        x = _fixed((2, 3), 1.3, 3.0)
        call = "softmax(x)  # x.shape == (2, 3): along the last axis"
        ex.expect_array(ex.call(softmax, x, label=call), SOFTMAX_LAST, call)
        call = "softmax(x, axis=0)"
        ex.expect_array(ex.call(softmax, x, label=call, kwargs={"axis": 0}), SOFTMAX_FIRST, call)
        call = "softmax(x + 1000)  # large scores must not overflow"
        ex.expect_array(ex.call(softmax, x + 1000, label=call), SOFTMAX_LAST, call)
        x3 = _fixed((2, 2, 3), 0.9, 2.0)
        call = "softmax(x, axis=1)  # x.shape == (2, 2, 3)"
        ex.expect_array(ex.call(softmax, x3, label=call, kwargs={"axis": 1}), SOFTMAX_3D, call)


def check_softmax_backward(softmax_backward):
    with exercise("softmax_backward") as ex:
        y, dy = _array(SOFTMAX_LAST), _fixed((2, 3), 0.6)
        call = "softmax_backward(dy, y)  # y = softmax(x), along the last axis"
        ex.expect_array(ex.call(softmax_backward, dy, y, label=call), SOFTMAX_BACKWARD_LAST, call)
        y = _array(SOFTMAX_FIRST)
        call = "softmax_backward(dy, y, axis=0)  # y = softmax(x, axis=0)"
        ex.expect_array(ex.call(softmax_backward, dy, y, label=call, kwargs={"axis": 0}),
                        SOFTMAX_BACKWARD_FIRST, call)


def check_scaled_dot_product_attention(scaled_dot_product_attention):
    with exercise("scaled_dot_product_attention") as ex:
        q, k, v, causal, padding = attention_inputs()
        cases = [("no mask", None, ATTENTION_OUTPUT, ATTENTION_WEIGHTS),
                 ("mask (3, 4): query t sees keys 0 .. t + 1", causal, CAUSAL_OUTPUT,
                  CAUSAL_WEIGHTS),
                 ("padding mask (2, 1, 4): keys [1, 1, 1, 0] and [1, 1, 0, 0]", padding,
                  PADDING_OUTPUT, PADDING_WEIGHTS)]
        for what, mask, output, weights in cases:
            call = (f"scaled_dot_product_attention(q, k, v, mask)  # q (2, 3, 4), k (2, 4, 4), "
                    f"v (2, 4, 2), {what}")
            result = ex.call(scaled_dot_product_attention, q, k, v, label=call,
                             kwargs={"mask": mask})
            _expect_pair(ex, result, call, "output, attention_weights")
            ex.expect_array(result[1], weights, f"{call}: attention_weights")
            ex.expect_array(result[0], output, f"{call}: output")


def check_scaled_dot_product_attention_backward(scaled_dot_product_attention_backward):
    with exercise("scaled_dot_product_attention_backward") as ex:
        q, k, v, _, _ = attention_inputs()
        doutput = _fixed((2, 3, 2), 0.8)
        for what, weights, expected in [("no mask", ATTENTION_WEIGHTS, ATTENTION_GRADS),
                                        ("causal-like mask", CAUSAL_WEIGHTS, CAUSAL_GRADS)]:
            call = (f"scaled_dot_product_attention_backward(doutput, (q, k, v, "
                    f"attention_weights))  # {what}")
            gradients = ex.call(scaled_dot_product_attention_backward, doutput,
                                (q, k, v, _array(weights)), label=call)
            ex.expect_dict(gradients, {key: _array(value) for key, value in expected.items()},
                           call)


# Encodings computed in float32, as the classic course's are, differ by up to 2e-6 here.
ENCODING_TOLERANCE = {"rtol": 1e-5, "atol": 1e-5}


def check_positional_encoding(positional_encoding):
    with exercise("positional_encoding") as ex:
        for positions, d, expected in [(4, 6, ENCODING_4_6), (3, 2, ENCODING_3_2)]:
            call = f"positional_encoding({positions}, {d})"
            ex.expect_array(ex.call(positional_encoding, positions, d, label=call),
                            _array(expected), call, **ENCODING_TOLERANCE)
        call = "positional_encoding(50, 16)"
        encoding = ex.call(positional_encoding, 50, 16, label=call)
        ex.expect_true(isinstance(encoding, np.ndarray) and encoding.shape == (1, 50, 16), call,
                       f"expected shape (1, 50, 16), got {describe(encoding)}")
        ex.expect_array(encoding[0, 49, [0, 1, 14, 15]], ENCODING_50_16_ROW_49,
                        f"{call}[0, 49, [0, 1, 14, 15]]", **ENCODING_TOLERANCE)


def check_layer_norm(layer_norm):
    with exercise("layer_norm") as ex:
        x = _fixed((2, 3, 4), 1.1, 2.0) + np.arange(4)
        gamma, beta = 1 + _fixed((4,), 0.5, 0.5), _fixed((4,), 2.5, 0.3)
        call = "layer_norm(x, gamma, beta)  # x (2, 3, 4), gamma and beta (4,)"
        result = ex.call(layer_norm, x, gamma, beta, label=call)
        _expect_pair(ex, result, call, "out, cache")
        ex.expect_array(result[0], LAYER_NORM_OUT, f"{call}: out")
        _expect_cache(ex, result[1], (_array(LAYER_NORM_X_HAT), _array(LAYER_NORM_STD), gamma),
                      f"{call}: cache", "x_hat, std, gamma")
        call = "layer_norm(x, gamma, beta, eps=0.5)"
        result = ex.call(layer_norm, x, gamma, beta, label=call, kwargs={"eps": 0.5})
        _expect_pair(ex, result, call, "out, cache")
        ex.expect_array(result[0], LAYER_NORM_OUT_EPS, f"{call}: out")


def check_layer_norm_backward(layer_norm_backward):
    with exercise("layer_norm_backward") as ex:
        gamma = 1 + _fixed((4,), 0.5, 0.5)
        cache = (_array(LAYER_NORM_X_HAT), _array(LAYER_NORM_STD), gamma)
        dout = _fixed((2, 3, 4), 0.3)
        call = "layer_norm_backward(dout, cache)  # the cache of layer_norm, x (2, 3, 4)"
        gradients = ex.call(layer_norm_backward, dout, cache, label=call)
        ex.expect_dict(gradients, {key: _array(value)
                                   for key, value in LAYER_NORM_GRADS.items()}, call)


def check_feed_forward(feed_forward):
    with exercise("feed_forward") as ex:
        x, parameters = _fixed((2, 3, 4), 0.7), block_parameters()
        call = "feed_forward(x, parameters)  # x (2, 3, 4), d_ff = 6"
        result = ex.call(feed_forward, x, parameters, label=call)
        _expect_pair(ex, result, call, "out, cache")
        ex.expect_array(result[0], FEED_FORWARD_OUT, f"{call}: out")
        _expect_cache(ex, result[1], (x, _array(FEED_FORWARD_HIDDEN), parameters),
                      f"{call}: cache", "x, hidden, parameters")


MHA_CACHE = "x, q, k, v, attention_weights, concat, parameters"


def check_multi_head_attention(multi_head_attention):
    with exercise("multi_head_attention") as ex:
        x, parameters = _fixed((2, 3, 4), 0.7), block_parameters()
        causal = np.tril(np.ones((3, 3)))
        call = "multi_head_attention(x, parameters, 2)  # x (2, 3, 4), no mask"
        result = ex.call(multi_head_attention, x, parameters, 2, label=call)
        _expect_pair(ex, result, call, "out, cache")
        ex.expect_array(result[0], MHA_OUT, f"{call}: out")
        call = "multi_head_attention(x, parameters, 2, mask)  # causal mask (3, 3)"
        result = ex.call(multi_head_attention, x, parameters, 2, label=call,
                         kwargs={"mask": causal})
        _expect_pair(ex, result, call, "out, cache")
        expected = (x, *(_array(MHA_CAUSAL_CACHE[name]) for name in MHA_CACHE.split(", ")[1:6]),
                    parameters)
        _expect_cache(ex, result[1], expected, f"{call}: cache", MHA_CACHE)
        ex.expect_array(result[0], MHA_CAUSAL_OUT, f"{call}: out")


def check_decoder_block(decoder_block):
    with exercise("decoder_block") as ex:
        x, parameters = _fixed((2, 3, 4), 0.7, 2.0), block_parameters()
        for what, mask, expected in [("no mask", None, BLOCK_OUT),
                                     ("causal mask (3, 3)", np.tril(np.ones((3, 3))),
                                      BLOCK_CAUSAL_OUT)]:
            call = f"decoder_block(x, parameters, 2, mask)  # x (2, 3, 4), {what}"
            result = ex.call(decoder_block, x, parameters, 2, label=call, kwargs={"mask": mask})
            _expect_pair(ex, result, call, "out, cache")
            ex.expect_array(result[0], expected, f"{call}: out")
            ex.expect_true(isinstance(result[1], tuple | list) and len(result[1]) == 4,
                           f"{call}: cache", "expected a tuple of 4 caches: the first "
                           "layer_norm's, multi_head_attention's, the second layer_norm's and "
                           "feed_forward's")


# --- sample: property checks on table models -------------------------------------------------
# A table model gives the next character's scores from the last character of the context and
# from the context's length: what it does is known exactly.


def table_model(vocab_size, max_length=64):
    """Parameters of a model whose every score is 0: it draws uniformly."""
    return {"by_last": np.zeros((vocab_size, vocab_size)),
            "by_length": np.zeros((max_length + 2, vocab_size))}


def table_next_char_probabilities(context, parameters):
    """The next character's distribution, (vocab_size,), of a table model: the softmax of
    by_last[last character] + by_length[len(context) - 1] (its last row for longer contexts).
    The first entry of the context
    must be the start token, given as parameters["start"] when not 0."""
    start = int(parameters.get("start", 0))
    if len(context) == 0 or int(context[0]) != start:
        raise ValueError(f"the context must begin with the start token {start} "
                         f"(char_to_ix['\\n']), got {list(context)[:5]}")
    by_length = parameters["by_length"]
    scores = (parameters["by_last"][int(context[-1])]
              + by_length[min(len(context), len(by_length)) - 1])
    e = np.exp(scores - scores.max())
    return e / e.sum()


def chain_model(order, newline):
    """A model that first draws order[0], after order[k] draws order[k + 1], and after the last
    one the end token: it reads back what it drew."""
    p = table_model(len(order) + 1)
    p["start"] = np.array(newline)
    for current, following in zip([newline, *order], [*order, newline], strict=True):
        p["by_last"][current, following] = 50.0
    return p


def counting_model(vocab_size, letter, newline, steps):
    """A model that draws `letter` `steps - 1` times and then the end token: it counts the
    context's length, so the whole context must be given at every step."""
    p = table_model(vocab_size)
    p["start"] = np.array(newline)
    p["by_length"][:, :] = -100.0
    p["by_length"][:steps - 1, letter] = 0.0
    p["by_length"][steps - 1:, newline] = 0.0
    return p


def endless_model(vocab_size, newline):
    """A model that draws uniformly among the symbols other than the end token."""
    p = table_model(vocab_size)
    p["start"] = np.array(newline)
    p["by_length"][:, newline] = -100.0
    return p


def random_model(vocab_size, seed, newline=0):
    """A model with random scores of scale 1: varied, unpredictable sequences."""
    rng = np.random.default_rng(seed)
    p = table_model(vocab_size)
    p["start"] = np.array(newline)
    p["by_last"] = rng.normal(size=(vocab_size, vocab_size))
    p["by_length"] = rng.normal(size=p["by_length"].shape)
    return p


SAMPLE_HELPERS = {"next_char_probabilities": table_next_char_probabilities}


def call_sample(ex, sample, model, char_to_ix, seed, call, max_length=None):
    """sample(model, char_to_ix, rng[, max_length=...]) with next_char_probabilities bound
    to the table model's."""
    kwargs = {} if max_length is None else {"max_length": max_length}
    return ex.call(sample, model, char_to_ix, LimitedGenerator(seed), label=call, pure=False,
                   kwargs=kwargs, helpers=SAMPLE_HELPERS)


def check_sample(sample):
    with exercise("sample") as ex:
        char_to_ix = {"\n": 0, "a": 1, "b": 2, "c": 3}
        call = "sample(model that spells 'abc', char_to_ix, rng)"
        indices = call_sample(ex, sample, chain_model([1, 2, 3], 0), char_to_ix, 0, call)
        expect_sequence(ex, indices, call, 4, 0, 20)
        ex.expect_true(list(indices) == [1, 2, 3, 0], call,
                       f"expected [1, 2, 3, 0] ('abc' then the end token): each drawn "
                       f"character must be appended to the context; got {indices}")
        call = "sample(model that never draws '\\n', char_to_ix, rng)"
        indices = call_sample(ex, sample, endless_model(4, 0), char_to_ix, 1, call)
        expect_sequence(ex, indices, call, 4, 0, 20)
        ex.expect_true(len(indices) == 21, call,
                       f"expected 20 characters and the end token appended, got "
                       f"{len(indices)} indices")
        call = "sample(model that never draws '\\n', char_to_ix, rng, max_length=7)"
        indices = call_sample(ex, sample, endless_model(4, 0), char_to_ix, 1, call, 7)
        expect_sequence(ex, indices, call, 4, 0, 7)
        ex.expect_true(len(indices) == 8, call, f"expected 7 characters and the end token, "
                                                f"got {len(indices)} indices")
        call = "sample(random model, char_to_ix, np.random.default_rng(seed)) twice per seed"
        model = random_model(4, 0)
        first = [call_sample(ex, sample, model, char_to_ix, s, call) for s in range(5)]
        again = [call_sample(ex, sample, model, char_to_ix, s, call) for s in range(5)]
        for indices in first:
            expect_sequence(ex, indices, call, 4, 0, 20)
        ex.expect_true(first == again, call,
                       "the same seed gave different sequences: draw only from `rng`, "
                       "never from np.random")


# --- expected values, computed once with the reference and pasted (do not edit) ---
SOFTMAX_LAST = [[0.7887609435578, 0.2056740938957, 0.005564962546487],
                [0.003213865136676, 0.0867645594178, 0.9100215754455]]
SOFTMAX_FIRST = [[0.9960928743446, 0.7111845692876, 0.006312264545502],
                 [0.003907125655385, 0.2888154307124, 0.9936877354545]]
SOFTMAX_3D = [[[0.9206852930815, 0.9802132086653, 0.9168493183877],
               [0.07931470691845, 0.01978679133467, 0.08315068161228]],
              [[0.3120378838784, 0.9243104234982, 0.98019179628],
               [0.6879621161216, 0.07568957650185, 0.01980820371999]]]
SOFTMAX_BACKWARD_LAST = [[-0.06139808003388, 0.05955405189194, 0.001844028141944],
                         [0.003418753116357, 0.04593386021402, -0.04935261333037]]
SOFTMAX_BACKWARD_FIRST = [[-0.0004312986800676, 0.1624556309716, 0.008884055240076],
                          [0.0004312986800675, -0.1624556309716, -0.008884055240076]]
ATTENTION_OUTPUT = [[[-0.2238321845527, 0.2232590436088],
                     [0.7664898821398, -0.3383981060851],
                     [0.1222707679031, -0.3499289006353]],
                    [[0.2217000609058, 0.08167171768594],
                     [-0.8248160718381, -0.01907876167801],
                     [-0.2143996764142, 0.6284445882254]]]
ATTENTION_WEIGHTS = [[[0.09735554636474, 0.5677163771204, 0.30559671856, 0.02933135795492],
                      [0.7414661397371, 0.06962108525789, 0.03130105275416, 0.1576117222508],
                      [0.004969534071529, 0.07354111300058, 0.6162513936456, 0.3052379592823]],
                     [[0.02381019405939, 0.4979226784158, 0.4580144656821, 0.02025266184276],
                      [0.8145892666464, 0.01780738134137, 0.007684036668905, 0.1599193153433],
                      [0.002317835551602, 0.1491076540708, 0.7899961794939, 0.0585783308837]]]
ATTENTION_GRADS = {
    'dq': [[[0.2791836890893, 0.1402858428268, -0.2041310918317, -0.2494954987285],
            [0.1130986704508, -0.01082836539047, -0.1188918205665, -0.05277848007872],
            [0.002787642102976, 0.3558984953508, 0.1876172191282, -0.2555237226576]],
           [[-0.006793437974003, 0.2280118647815, 0.1287792514571, -0.1591152669497],
            [0.01509078267138, -0.08272576610373, -0.05934887373102, 0.05097425769726],
            [-0.01962300048312, -0.1266296905578, -0.04812358730348, 0.100883684092]]],
    'dk': [[[-0.03548087385247, -0.08954462132613, -0.1014941342168, -0.06570936989573],
            [0.2090743138499, 0.3050443468821, 0.2575472571262, 0.08892166805699],
            [-0.1905534543064, -0.007100494548322, 0.1796919387441, 0.2819724454812],
            [0.01696001430895, -0.2083992310077, -0.3357450616536, -0.3051847436425]],
           [[-0.01540287106487, -0.005852302158695, 0.006450695897457, 0.01571983087813],
            [0.02203414577167, 0.133949514008, 0.1828663327874, 0.1457782578917],
            [-0.05434868791938, -0.1294399883392, -0.1436536396875, -0.09030473964073],
            [0.04771741321257, 0.001342776489927, -0.04566338899739, -0.0711933491291]]],
    'dv': [[[0.5669107153996, 0.04908110950371],
            [0.3986251828859, 0.4901511793019],
            [-0.2260162163821, -0.3102485875898],
            [-0.1035029057605, -0.2839488504378]],
           [[0.6328384838872, 0.8082916069414],
            [-0.2129731983562, 0.04965691443738],
            [0.1790516688256, -0.07673400431863],
            [0.1484014645121, 0.1503661531908]]],
}
CAUSAL_OUTPUT = [[[-0.3315515680752, 0.7366663258187],
                  [0.7846237373091, -0.4927184436196],
                  [0.1222707679031, -0.3499289006353]],
                 [[0.8017610087336, -0.683636895659],
                  [-0.9392350490449, 0.1390910520098],
                  [-0.2143996764142, 0.6284445882254]]]
CAUSAL_WEIGHTS = [[[0.1463834856455, 0.8536165143545, 0, 0],
                   [0.8801952250787, 0.08264726266599, 0.03715751225527, 0],
                   [0.004969534071529, 0.07354111300058, 0.6162513936456, 0.3052379592823]],
                  [[0.045636752667, 0.954363247333, 0, 0],
                   [0.9696559884356, 0.0211972274409, 0.009146784123533, 0],
                   [0.002317835551602, 0.1491076540708, 0.7899961794939, 0.0585783308837]]]
CAUSAL_GRADS = {
    'dq': [[[-0.04725000410375, 0.03049515018623, 0.06356483801085, 0.003511889232996],
            [0.09670449431241, -0.03744271109351, -0.1167362570285, -0.02501091293277],
            [0.002787642102976, 0.3558984953508, 0.1876172191282, -0.2555237226576]],
           [[-0.05230280987098, -0.03727139004407, 0.03236270351498, 0.05458536060683],
            [0.02325741003592, 0.02770702498261, -0.008434216580881, -0.03221931109412],
            [-0.01962300048312, -0.1266296905578, -0.04812358730348, 0.100883684092]]],
    'dk': [[[-0.0765663485034, -0.1525108563329, -0.1567271253812, -0.08723217843385],
            [0.06829751491864, 0.09450386922618, 0.07626357717297, 0.02215533312404],
            [0.01467036560053, 0.3081405447275, 0.4566874108403, 0.3904470516973],
            [-0.006401532015772, -0.2501335576207, -0.376223862632, -0.3253702063874]],
           [[0.03204242745411, -0.02154906371928, -0.06500569351209, -0.07788912990418],
            [0.08533158773539, 0.06067771898957, 0.007486170887443, -0.04922624035769],
            [-0.1298713242914, -0.04360773063803, 0.06316526012402, 0.1402306420653],
            [0.01249730910193, 0.004479075367744, -0.005645737499374, -0.01311527180346]]],
    'dv': [[[0.6957875954867, 0.08998995189502],
            [0.6125160909422, 0.7751690176387],
            [-0.4412820610386, -0.6160568664453],
            [-0.2310048492476, -0.3040672523103]],
           [[0.7421315794551, 0.9642520149707],
            [-0.4984184897725, 0.1062084719995],
            [0.4693418563212, -0.1286680448469],
            [0.03426347286478, -0.01021177187237]]],
}
PADDING_OUTPUT = [[[-0.2508287219525, 0.2153075730529],
                   [0.7846237373091, -0.4927184436196],
                   [-0.118180520948, -0.7173625135072]],
                  [[0.8017610087336, -0.683636895659],
                   [-0.9440341215911, 0.131193247295],
                   [0.8585151506848, -0.710126249877]]]
PADDING_WEIGHTS = [[[0.1002974054664, 0.5848714510075, 0.3148311435261, 0],
                    [0.8801952250787, 0.08264726266599, 0.03715751225527, 0],
                    [0.007152857784797, 0.1058507930638, 0.8869963491514, 0]],
                   [[0.045636752667, 0.954363247333, 0, 0],
                    [0.9786070962871, 0.02139290371294, 0, 0],
                    [0.01530677270638, 0.9846932272936, 0, 0]]]
ENCODING_4_6 = [[[0, 1, 0, 1, 0, 1],
                 [0.8414709848079, 0.5403023058681, 0.04639922346473, 0.9989229760406,
                  0.002154433023366, 0.9999976792065],
                 [0.9092974268257, -0.4161468365471, 0.09269850077873, 0.9956942241237,
                  0.004308856046743, 0.9999907168367],
                 [0.1411200080599, -0.9899924966004, 0.1387981010801, 0.9903206991357,
                  0.00646325907019, 0.999979112923]]]
ENCODING_3_2 = [[[0, 1],
                 [0.8414709848079, 0.5403023058681],
                 [0.9092974268257, -0.4161468365471]]]
ENCODING_50_16_ROW_49 = [-0.9537526527595, 0.3005925437436, 0.01549454047759, 0.999879952402]
LAYER_NORM_OUT = [[[0.1503546438981, 1.866063069286, -0.02455822484726, -2.037153777679],
                   [-1.744045988665, -0.5814243625569, 1.534824639873, 1.178099148056],
                   [-0.8557325133744, -1.531441061239, 0.4653123696875, 2.146510768711]],
                  [[1.730723087828, 0.4990485075316, -1.819551626829, -0.7496961383763],
                   [-1.888234286658, 0.0405120606656, 1.743484525521, 0.507983688857],
                   [-1.246300499198, -1.277222648773, 0.9256439800932, 1.897720134095]]]
LAYER_NORM_X_HAT = [[[-0.0235433562159, 1.515933376198, -0.2041426052401, -1.288247414743],
                     [-1.551639766507, -0.2067570506463, 0.8363147577843, 0.9220820593692],
                     [-0.8350919521369, -0.8754365506383, 0.1227107150984, 1.587817787677]],
                    [[1.251242612811, 0.5537454326557, -1.401804926614, -0.4031831188531],
                     [-1.667947593259, 0.2309996088781, 0.9755375999112, 0.4614103844695],
                     [-1.150139111039, -0.6965021790929, 0.4298549221533, 1.416786367979]]]
LAYER_NORM_STD = [[[0.5421180261734],
                   [2.256080282975],
                   [2.104584720253]],
                  [[0.5266074552098],
                   [1.54050914283],
                   [2.60971538885]]]
LAYER_NORM_OUT_EPS = [[[0.1617831819985, 1.022738841717, 0.09524357835517, -1.303385995585],
                       [-1.656003049642, -0.5679795078294, 1.47745517673, 1.1167073639],
                       [-0.8018234840554, -1.4666755133, 0.4557356429413, 2.026238658976]],
                      [[1.106059424399, 0.1822325632947, -0.9734944875286, -0.5135155990203],
                       [-1.699723114619, 0.01059230155752, 1.610191906696, 0.4467938781515],
                       [-1.196678629653, -1.242784691289, 0.9032231312978, 1.825996188461]]]
LAYER_NORM_GRADS = {
    'dx': [[[-1.038178493321, 0.318683895899, 0.3867637245085, 0.3327308729136],
            [-0.03175271687008, 0.06571129387008, 0.05095297431486, -0.08491155131486],
            [0.103973606578, -0.06050954087849, -0.07021089884115, 0.02674683314162]],
           [[0.2310155274265, -0.2081117728464, 0.183241846483, -0.206145601063],
            [0.0001240454098854, -0.1733960020408, -0.07719167872472, 0.2504636353556],
            [-0.04538732778948, 0.04339226847406, 0.02513301326204, -0.02313795394663]]],
    'dgamma': [-1.247302203474, -0.3470597421148, 1.624384511585, 0.1166630579756],
    'dbeta': [0.1236281324719, 0.3468112158769, 0.5390146862586, 0.6830695800379],
}
FEED_FORWARD_OUT = [[[0.8087583902316, -1.942293778126, -0.1517515322825, 1.758080296193],
                     [0.02073170841891, -0.405129099775, 0.2401647382681, 0.1199231104723],
                     [-0.03134754398208, -2.002047571086, 0.7037522964036, 1.597380172804]],
                    [[1.187914873243, -0.5673102412452, -0.8852261322424, 0.572105087134],
                     [-0.6729930878412, -1.778850989563, 1.287882538913, 1.223659659883],
                     [1.640562413207, -1.047845541778, -1.21404501663, 1.137373393414]]]
FEED_FORWARD_HIDDEN = [[[0, 0.9246264202162, 1.590799190182, 0.9320615084235, 0, 0],
                        [0.8767843107353, 0, 0, 0, 0, 1.005503559352],
                        [0, 0, 1.222741080556, 1.480649030876, 0.7790726090304, 0]],
                       [[1.514621923044, 0.5556031082508, 0, 0, 0, 0.05005222202397],
                        [0, 0, 0.3225924220059, 1.342319887791, 1.507247719093, 0.3307418277983],
                        [1.478193125644, 1.349400350432, 0.2802083388, 0, 0, 0]]]
MHA_OUT = [[[0.3569728901126, 0.05071892847125, -0.2960793124125, 0.04857687423797],
            [1.123525641741, 0.04413245220428, -1.057150181515, 0.6885978196357],
            [-0.4921983536529, -0.03579851540073, 0.6250998525, -0.6315972726329]],
           [[-0.0003623899791127, 0.07467114221723, 0.04132069172185, -0.256191228251],
            [-0.5174668202132, -0.9418434389293, 1.404463776452, -0.3742120120478],
            [0.06207083859641, 0.2839907049177, -0.1953278845441, -0.2685496781785]]]
MHA_CAUSAL_OUT = [[[3.365562546616, -0.4343989468437, -2.900908430586, 2.701677544101],
                   [0.406089841278, -0.2660537062536, -0.081548403887, 0.1867967911139],
                   [-0.4921983536529, -0.03579851540073, 0.6250998525, -0.6315972726329]],
                  [[-1.660001936751, -1.048576840855, 2.63583242812, -1.292338948152],
                   [-1.224111745683, -0.534763743963, 1.772298847357, -1.08743850927],
                   [0.06207083859641, 0.2839907049177, -0.1953278845441, -0.2685496781785]]]
MHA_CAUSAL_CACHE = {
    'q': [[[[0.0007127759327946, -0.1457812561539],
            [0.252262941555, -0.009973718779491],
            [0.1032417946125, -0.6074113693303]],
           [[0.3121583487017, 0.1698574572888],
            [0.1838117275063, -0.08238513923026],
            [-0.2091579277181, 0.158553488425]]],
          [[[0.1325137367528, 0.3826192963064],
            [0.2263735280166, -0.8856010753627],
            [0.02022800143788, 0.5142593931561]],
           [[0.6597182701919, -0.04323943046965],
            [-0.5846612044758, 0.09608953461766],
            [0.8914268802171, 0.03532472629731]]]],
    'k': [[[[1.006641079397, 1.521431812457],
            [-0.3359176572324, -2.004650130332],
            [0.09132355056011, 1.511242803885]],
           [[-0.1169655709711, -1.925553167836],
            [0.02695701876274, 1.649452997705],
            [0.7948883645144, -1.605393742951]]],
          [[[0.6287698655172, -1.588180993363],
            [-0.8112591920005, 0.7366187623549],
            [1.364949591453, -0.5449139752338]],
           [[-0.7961583653534, 0.9531787205051],
            [1.434149836753, -0.6134628094149],
            [-1.177695862582, -0.2197859742509]]]],
    'v': [[[[1.47091207761, -1.762347860218],
            [-1.006525271319, 1.651546917857],
            [0.7578558170948, -1.950253125839]],
           [[-0.7771470815927, 1.661855947016],
            [0.8205671748178, -2.163752201851],
            [-0.01566970322855, 1.653536877171]]],
          [[[-0.08958539188918, 1.423245031669],
            [-0.2570104012868, -1.332125585052],
            [0.9059339761793, 0.4867197612331]],
           [[-0.03754182246652, -1.714325076052],
            [0.8399118543474, 0.8149353901554],
            [-0.7917289408065, -0.5834540898826]]]],
    'attention_weights': [[[[1, 0, 0],
                            [0.5534484443772, 0.4465515556228, 0],
                            [0.1649632113849, 0.6800596189049, 0.1549771697102]],
                           [[1, 0, 0],
                            [0.5472476212148, 0.4527523787852, 0],
                            [0.2969684281209, 0.4340454432525, 0.2689861286267]]],
                          [[[1, 0, 0],
                            [0.843740803435, 0.156259196565, 0],
                            [0.2101625695128, 0.4794625136318, 0.3103749168554]],
                           [[1, 0, 0],
                            [0.7366241475274, 0.2633758524726, 0],
                            [0.1758721410777, 0.6898431177784, 0.1342847411439]]]],
    'concat': [[[1.47091207761, -1.762347860218, -0.7771470815927, 1.661855947016],
                [0.364608575488, -0.2378678363363, -0.05377815138386, -0.07019724268336],
                [-0.3244004628619, 0.5301830953014, 0.1211603630647, -0.0008695520604477]],
               [[-0.08958539188918, 1.423245031669, -0.03754182246652, -1.714325076052],
                [-0.1157470893425, 0.9926930328613, 0.1935582876695, -1.048178944639],
                [0.1391248333525, -0.1885258431559, 0.4664877356926, 0.1823265672751]]],
}
BLOCK_OUT = [[[0.1648868112525, 3.164978592966, 1.558785828193, -0.8146437464456],
              [0.4914060232537, -3.136731749554, -1.886220440595, -0.34881484829],
              [-1.035524110918, -0.2398197194361, 3.357034049605, 2.475986904279]],
             [[3.148369634129, -2.665391377485, -2.935008420994, -0.2233714358715],
              [-1.560527733203, -3.319440159872, 3.665239812788, 4.242184536048],
              [3.74353318693, -0.6712010106964, -2.362872417763, -0.5355657037927]]]
BLOCK_CAUSAL_OUT = [[[2.872113663549, 0.4957737465096, 1.428847195094, 1.817169615208],
                     [0.5148029048208, -3.196757557683, -1.858587017627, -0.2983621728405],
                     [-1.035524110918, -0.2398197194361, 3.357034049605, 2.475986904279]],
                    [[3.4215470459, -3.781590838112, -1.987993292797, 0.5647762674662],
                     [-2.100612172929, -3.090972731054, 3.848906798501, 3.977277892538],
                     [3.74353318693, -0.6712010106964, -2.362872417763, -0.5355657037927]]]
