"""Hidden tests for 06_lstm: new sizes compared with the reference, gradient checks of the
backward passes against numerical derivatives of the reference's forward passes, and
properties of `sample` (never an expected string that depends on the order of random draws).

Each function is graded on its own: caches come from the reference's forward passes, and the
notebook's functions it calls (`rnn_cell_forward` in rnn_forward, `lstm_cell_forward` in
lstm_forward and sample, `lstm_cell_backward` in lstm_backward, `sigmoid`, `softmax`) are the
reference's while it runs. A wrong lstm_forward costs lstm_forward's points only.
"""

import numpy as np

from autograder.reference import lstm as reference
from course_utils.checks.core import CheckFailure, exercise
from course_utils.checks.lstm import (
    LimitedGenerator,
    chain_model,
    counting_model,
    endless_model,
    expect_sequence,
    random_model,
)
from course_utils.gradcheck import gradcheck

SEED = 20261106

# The notebook's functions each graded function may call.
HELPERS = {"rnn_cell_forward": ("softmax",),
           "rnn_forward": ("rnn_cell_forward", "softmax"),
           "lstm_cell_forward": ("sigmoid", "softmax"),
           "lstm_forward": ("lstm_cell_forward", "sigmoid", "softmax"),
           "lstm_backward": ("lstm_cell_backward",),
           "sample": ("lstm_cell_forward", "sigmoid", "softmax")}


def helpers(function: str) -> dict:
    """The reference's versions of the functions `function` may call."""
    return {name: getattr(reference, name) for name in HELPERS.get(function, ())}


def rnn_parameters(rng, n_x, n_a, n_y):
    return {"Wax": rng.normal(size=(n_a, n_x)), "Waa": rng.normal(scale=0.5, size=(n_a, n_a)),
            "Wya": rng.normal(size=(n_y, n_a)), "ba": rng.normal(size=(n_a, 1)),
            "by": rng.normal(size=(n_y, 1))}


def lstm_parameters(rng, n_x, n_a, n_y):
    parameters = {}
    for gate in "fico":
        parameters["W" + gate] = rng.normal(size=(n_a, n_a + n_x))
        parameters["b" + gate] = rng.normal(size=(n_a, 1))
    parameters["Wy"] = rng.normal(size=(n_y, n_a))
    parameters["by"] = rng.normal(size=(n_y, 1))
    return parameters


def _expect_tuple(ex, result, size, call, names):
    ex.expect_true(isinstance(result, tuple) and len(result) == size, call,
                   f"expected {size} values: {names}")


def grade_rnn_cell_forward(rnn_cell_forward):
    rng = np.random.default_rng(SEED)
    with exercise("rnn_cell_forward (hidden tests)") as ex:
        for n_x, n_a, n_y, m in [(4, 6, 3, 5), (3, 2, 5, 1)]:
            p = rnn_parameters(rng, n_x, n_a, n_y)
            xt, a_prev = rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m))
            call = f"rnn_cell_forward(xt, a_prev, parameters)  # n_x={n_x}, n_a={n_a}, m={m}"
            result = ex.call(rnn_cell_forward, xt, a_prev, p, label=call,
                             helpers=helpers("rnn_cell_forward"))
            _expect_tuple(ex, result, 3, call, "a_next, yt_pred, cache")
            expected = reference.rnn_cell_forward(xt, a_prev, p)
            ex.expect_array(result[0], expected[0], f"{call}: a_next")
            ex.expect_array(result[1], expected[1], f"{call}: yt_pred")
            for position in range(3):
                ex.expect_array(result[2][position], expected[2][position],
                                f"{call}: cache[{position}]")


def grade_rnn_forward(rnn_forward):
    rng = np.random.default_rng(SEED)
    with exercise("rnn_forward (hidden tests)") as ex:
        for n_x, n_a, n_y, m, T_x in [(3, 5, 4, 6, 7), (2, 3, 2, 4, 1)]:
            p = rnn_parameters(rng, n_x, n_a, n_y)
            x, a0 = rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m))
            call = f"rnn_forward(x, a0, parameters)  # x.shape == {x.shape}, n_a={n_a}"
            result = ex.call(rnn_forward, x, a0, p, label=call, helpers=helpers("rnn_forward"))
            _expect_tuple(ex, result, 3, call, "a, y_pred, caches")
            a, y_pred, _ = reference.rnn_forward(x, a0, p)
            ex.expect_array(result[0], a, f"{call}: a")
            ex.expect_array(result[1], y_pred, f"{call}: y_pred")
            ex.expect_true(len(result[2]) == 2 and len(result[2][0]) == T_x, f"{call}: caches",
                           f"expected (list of {T_x} caches, x)")


def grade_lstm_cell_forward(lstm_cell_forward):
    rng = np.random.default_rng(SEED)
    with exercise("lstm_cell_forward (hidden tests)") as ex:
        for n_x, n_a, n_y, m in [(4, 6, 3, 5), (5, 2, 4, 1)]:
            p = lstm_parameters(rng, n_x, n_a, n_y)
            xt, a_prev, c_prev = (rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m)),
                                  rng.normal(size=(n_a, m)))
            call = (f"lstm_cell_forward(xt, a_prev, c_prev, parameters)  "
                    f"# n_x={n_x}, n_a={n_a}, m={m}")
            result = ex.call(lstm_cell_forward, xt, a_prev, c_prev, p, label=call,
                             helpers=helpers("lstm_cell_forward"))
            _expect_tuple(ex, result, 4, call, "a_next, c_next, yt_pred, cache")
            expected = reference.lstm_cell_forward(xt, a_prev, c_prev, p)
            for position, name in enumerate(["a_next", "c_next", "yt_pred"]):
                ex.expect_array(result[position], expected[position], f"{call}: {name}")
            ex.expect_true(len(result[3]) == 10, f"{call}: cache", "expected a cache of 10 values")
            for position, name in enumerate(["ft", "it", "cct", "ot"], start=4):
                ex.expect_array(result[3][position], expected[3][position],
                                f"{call}: cache[{position}] ({name})")


def grade_lstm_forward(lstm_forward):
    rng = np.random.default_rng(SEED)
    with exercise("lstm_forward (hidden tests)") as ex:
        for n_x, n_a, n_y, m, T_x in [(3, 5, 4, 6, 7), (4, 2, 3, 2, 1)]:
            p = lstm_parameters(rng, n_x, n_a, n_y)
            x, a0 = rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m))
            call = f"lstm_forward(x, a0, parameters)  # x.shape == {x.shape}, n_a={n_a}"
            result = ex.call(lstm_forward, x, a0, p, label=call, helpers=helpers("lstm_forward"))
            _expect_tuple(ex, result, 4, call, "a, y, c, caches")
            expected = reference.lstm_forward(x, a0, p)
            for position, name in enumerate(["a", "y", "c"]):
                ex.expect_array(result[position], expected[position], f"{call}: {name}")
            ex.expect_true(len(result[3]) == 2 and len(result[3][0]) == T_x, f"{call}: caches",
                           f"expected (list of {T_x} caches, x)")


# --- backward passes: a gradient check, then the reference on new sizes ---------------------


def _split(point):
    """(inputs, gate weights) of a gradient-check point: names starting with W or b."""
    weights = {k: v for k, v in point.items() if k[0] in "Wb"}
    return {k: v for k, v in point.items() if k not in weights}, weights


def _expect_gradient_keys(ex, gradients, keys, call):
    ex.expect_true(isinstance(gradients, dict), call,
                   f"expected a dict of gradients, got {type(gradients).__name__}")
    missing = [key for key in keys if key not in gradients]
    ex.expect_true(not missing, call,
                   f"the result has no key {missing[0]!r}" if missing else "")


def _run_gradcheck(ex, cost, point, gradients, call):
    try:
        errors = gradcheck(cost, point, gradients)
    except CheckFailure as failure:
        ex.fail(call, str(failure))
    ex.expect_true(max(errors.values()) < 1e-7, call, "gradient check failed")
    return errors


def gradcheck_lstm_cell_backward(ex, lstm_cell_backward, seed):
    """Relative errors of the student's cell backward pass against numerical gradients of
    J = sum(G_a * a_next) + sum(G_c * c_next), computed with the reference's forward pass."""
    rng = np.random.default_rng(seed)
    n_x, n_a, n_y, m = 3, 4, 2, 3
    point = {"xt": rng.normal(size=(n_x, m)), "a_prev": rng.normal(size=(n_a, m)),
             "c_prev": rng.normal(size=(n_a, m))}
    full = lstm_parameters(rng, n_x, n_a, n_y)
    output_layer = {"Wy": full["Wy"], "by": full["by"]}
    point |= {k: v for k, v in full.items() if k not in output_layer}
    G_a, G_c = rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m))

    def args(p):
        inputs, weights = _split(p)
        return inputs["xt"], inputs["a_prev"], inputs["c_prev"], weights | output_layer

    forward = reference.lstm_cell_forward

    def cost(p):
        a_next, c_next = forward(*args(p))[:2]
        return np.sum(G_a * a_next) + np.sum(G_c * c_next)

    call = ("gradient check of lstm_cell_backward against numerical derivatives of "
            "lstm_cell_forward")
    cache = forward(*args(point))[3]
    gradients = ex.call(lstm_cell_backward, G_a, G_c, cache, label=call)
    _expect_gradient_keys(ex, gradients, ["d" + name for name in point], call)
    return _run_gradcheck(ex, cost, point, {n: gradients["d" + n] for n in point}, call)


def gradcheck_lstm_backward(ex, lstm_backward, seed):
    """Relative errors of the student's backward pass through time against numerical
    gradients of J = sum(G * a), computed with the reference's forward pass."""
    rng = np.random.default_rng(seed)
    n_x, n_a, n_y, m, T_x = 3, 4, 2, 3, 4
    point = {"x": rng.normal(size=(n_x, m, T_x)), "a0": rng.normal(size=(n_a, m))}
    full = lstm_parameters(rng, n_x, n_a, n_y)
    output_layer = {"Wy": full["Wy"], "by": full["by"]}
    point |= {k: v for k, v in full.items() if k not in output_layer}
    G = rng.normal(size=(n_a, m, T_x))

    def args(p):
        inputs, weights = _split(p)
        return inputs["x"], inputs["a0"], weights | output_layer

    forward = reference.lstm_forward

    def cost(p):
        return np.sum(G * forward(*args(p))[0])

    call = "gradient check of lstm_backward against numerical derivatives of lstm_forward"
    caches = forward(*args(point))[3]
    gradients = ex.call(lstm_backward, G, caches, label=call, helpers=helpers("lstm_backward"))
    _expect_gradient_keys(ex, gradients, ["d" + name for name in point], call)
    return _run_gradcheck(ex, cost, point, {n: gradients["d" + n] for n in point}, call)


def grade_lstm_cell_backward(lstm_cell_backward):
    """The gradient check against the reference's forward pass, then the reference on new
    sizes."""
    rng = np.random.default_rng(SEED)
    with exercise("lstm_cell_backward (hidden tests)") as ex:
        gradcheck_lstm_cell_backward(ex, lstm_cell_backward, SEED)
        for n_x, n_a, m in [(4, 6, 5), (5, 2, 1)]:
            p = lstm_parameters(rng, n_x, n_a, 3)
            cache = reference.lstm_cell_forward(rng.normal(size=(n_x, m)),
                                                rng.normal(size=(n_a, m)),
                                                rng.normal(size=(n_a, m)), p)[3]
            da_next, dc_next = rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m))
            call = "lstm_cell_backward(da_next, dc_next, cache)"
            result = ex.call(lstm_cell_backward, da_next, dc_next, cache,
                             label=f"{call}  # n_x={n_x}, n_a={n_a}, m={m}")
            sizes = f"n_x={n_x}, n_a={n_a}, m={m}"
            ex.expect_dict(result, reference.lstm_cell_backward(da_next, dc_next, cache),
                           f"lstm_cell_backward(da_next, dc_next, cache with {sizes})")


def grade_lstm_backward(lstm_backward):
    """The gradient check against the reference's forward pass, then the reference on new
    sizes; lstm_cell_backward is the reference's meanwhile."""
    rng = np.random.default_rng(SEED)
    with exercise("lstm_backward (hidden tests)") as ex:
        gradcheck_lstm_backward(ex, lstm_backward, SEED)
        for n_x, n_a, m, T_x in [(5, 6, 4, 6), (2, 3, 1, 1)]:
            p = lstm_parameters(rng, n_x, n_a, 3)
            caches = reference.lstm_forward(rng.normal(size=(n_x, m, T_x)),
                                            rng.normal(size=(n_a, m)), p)[3]
            da = rng.normal(size=(n_a, m, T_x))
            call = "lstm_backward(da, caches)"
            sizes = f"n_x={n_x}, n_a={n_a}, m={m}, T_x={T_x}"
            ex.expect_dict(ex.call(lstm_backward, da, caches, label=f"{call}  # {sizes}",
                                   helpers=helpers("lstm_backward")),
                           reference.lstm_backward(da, caches),
                           f"lstm_backward(da, caches with {sizes})")


def grade_clip(clip):
    rng = np.random.default_rng(SEED)
    with exercise("clip (hidden tests)") as ex:
        cases = [
            ({"dWaa": rng.normal(scale=10, size=(5, 5)), "dWax": rng.normal(scale=10, size=(5, 3)),
              "dWya": rng.normal(scale=10, size=(2, 5)), "db": rng.normal(scale=10, size=(5, 1)),
              "dby": rng.normal(scale=10, size=(2, 1))}, 7.5, "the keys of a basic RNN"),
            ({"dx": rng.normal(scale=3, size=(3, 4, 2)), "da0": rng.normal(size=(4, 4))}, 1,
             "3-D arrays, maxValue 1"),
        ]
        for gradients, max_value, what in cases:
            call = f"clip(gradients, {max_value})"
            ex.expect_dict(ex.call(clip, gradients, max_value, label=f"{call}  # {what}",
                                   pure=False),
                           reference.clip(gradients, max_value),
                           f"clip(gradients with {what}, {max_value})")


def grade_sample(sample):
    with exercise("sample (hidden tests)") as ex:
        # A vocabulary where the end token is not index 0.
        char_to_ix = {"x": 0, "y": 1, "\n": 2, "z": 3, "w": 4}
        newline = 2
        call = "sample(model that spells 'wxzy', char_to_ix, rng)  # '\\n' has index 2"
        indices = ex.call(sample, chain_model([4, 0, 3, 1], newline), char_to_ix,
                          LimitedGenerator(SEED), label=call, pure=False,
                          helpers=helpers("sample"))
        expect_sequence(ex, indices, call, 5, newline, 50)
        ex.expect_true(list(indices) == [4, 0, 3, 1, 2], call,
                       f"expected [4, 0, 3, 1, 2]: each drawn character must be the next "
                       f"input; got {indices}")

        call = "sample(model whose memory counts 4 steps, char_to_ix, rng)"
        indices = ex.call(sample, counting_model(5, 3, newline, 4), char_to_ix,
                          LimitedGenerator(SEED), label=call, pure=False,
                          helpers=helpers("sample"))
        expect_sequence(ex, indices, call, 5, newline, 50)
        ex.expect_true(list(indices) == [3, 3, 3, 2], call,
                       f"expected [3, 3, 3, 2]: a and c must be carried from step to step; "
                       f"got {indices}")

        call = "sample(model that never draws '\\n', char_to_ix, rng, max_length=12)"
        indices = ex.call(sample, endless_model(5, newline), char_to_ix,
                          LimitedGenerator(SEED), kwargs={"max_length": 12}, label=call,
                          pure=False, helpers=helpers("sample"))
        expect_sequence(ex, indices, call, 5, newline, 12)
        ex.expect_true(len(indices) == 13, call,
                       f"expected 12 characters and the end token, got {len(indices)} indices")

        # A model whose every step draws from the same distribution p, whatever it read: each
        # call draws about 7 characters, some 130 in all (each draw is a call into the grader
        # while it is graded), enough at 6 sigma to tell p from uniform draws (0.2 each,
        # which end sooner: about 100 draws).
        p = np.array([0.6, 0.1, 0.15, 0.15, 0.0])
        model = endless_model(5, newline)
        model["by"] = np.log(np.maximum(p, 1e-30)).reshape(-1, 1)
        call = "sample(model drawing from p = [0.6, 0.1, 0.15, 0.15, 0], ...) with 20 seeds"
        counts = np.zeros(5)
        for k in range(20):
            indices = ex.call(sample, model, char_to_ix, LimitedGenerator(SEED + k),
                              label=call, pure=False,
                          helpers=helpers("sample"))
            expect_sequence(ex, indices, call, 5, newline, 50)
            np.add.at(counts, np.asarray(indices, dtype=int), 1)
        frequencies = counts / counts.sum()
        tolerance = 6 * np.sqrt(p * (1 - p) / counts.sum()) + 1e-9
        ex.expect_true(bool(np.all(np.abs(frequencies - p) <= tolerance)), call,
                       f"the drawn characters do not follow the model's distribution: "
                       f"frequencies {np.round(frequencies, 3).tolist()}, expected about "
                       f"{p.tolist()}: draw with the probabilities y, e.g. "
                       f"rng.choice(vocab_size, p=y.ravel())")

        call = "sample(random model, char_to_ix, np.random.default_rng(seed)) twice per seed"
        model = random_model(5, 6, SEED)
        first = [ex.call(sample, model, char_to_ix, LimitedGenerator(SEED + s), label=call,
                         pure=False, helpers=helpers("sample")) for s in range(5)]
        again = [ex.call(sample, model, char_to_ix, LimitedGenerator(SEED + s), label=call,
                         pure=False, helpers=helpers("sample")) for s in range(5)]
        ex.expect_true(first == again, call,
                       "the same seed gave different sequences: draw only from `rng`, "
                       "never from np.random")
