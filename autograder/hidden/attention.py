"""Hidden tests for 09_attention: new sizes compared with the reference, every function graded on
its own (the helpers it calls bound to the reference's), gradient checks of the backward passes
against numerical derivatives of the student's own forward pass (the reference's when the
student's is wrong), and properties of `sample` (never a stream of draws).
"""

import copy

import numpy as np

from autograder.reference import attention as reference
from course_utils.checks.attention import (
    ENCODING_TOLERANCE,
    call_sample,
    chain_model,
    counting_model,
    endless_model,
    expect_sequence,
    random_model,
    table_model,
)
from course_utils.checks.core import CheckFailure, exercise
from course_utils.gradcheck import gradcheck

SEED = 20261206

# Every graded function's helpers, bound to the reference while it is graded: a mistake in a
# helper costs points in the helper's cell only.
HELPERS = {name: getattr(reference, name) for name in (
    "softmax", "softmax_backward", "scaled_dot_product_attention", "layer_norm",
    "feed_forward", "multi_head_attention")}


def block_parameters(rng, d_model, d_ff):
    """Random parameters of a decoder block, scaled as at initialisation."""
    p = {}
    for name in "qkvo":
        p["W" + name] = rng.normal(size=(d_model, d_model)) / np.sqrt(d_model)
        p["b" + name] = rng.normal(scale=0.3, size=d_model)
    p["W1"], p["b1"] = rng.normal(size=(d_model, d_ff)) / np.sqrt(d_model), rng.normal(size=d_ff)
    p["W2"], p["b2"] = rng.normal(size=(d_ff, d_model)) / np.sqrt(d_ff), rng.normal(size=d_model)
    for n in ("1", "2"):
        p["gamma" + n] = 1 + rng.normal(scale=0.3, size=d_model)
        p["beta" + n] = rng.normal(scale=0.3, size=d_model)
    return p


def random_mask(rng, shape):
    """A 0/1 mask that leaves every query at least one key (column 0 always 1)."""
    mask = (rng.random(shape) > 0.4).astype(float)
    mask[..., 0] = 1.0
    return mask


def _expect_pair(ex, result, call, names):
    ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                   f"expected 2 values: {names}")


def _call(ex, func, *args, label, kwargs=None):
    return ex.call(func, *args, label=label, kwargs=kwargs, helpers=HELPERS)


# --- forward passes ----------------------------------------------------------------------------


def grade_softmax(softmax):
    rng = np.random.default_rng(SEED)
    with exercise("softmax (hidden tests)") as ex:
        for shape, axis in [((3, 5, 4), -1), ((3, 5, 4), 1), ((6,), 0), ((2, 3, 4, 5), 0)]:
            x = rng.normal(scale=3, size=shape)
            call = f"softmax(x, axis={axis})  # x.shape == {shape}"
            ex.expect_array(_call(ex, softmax, x, label=call, kwargs={"axis": axis}),
                            reference.softmax(x, axis=axis), call)
        x = rng.normal(size=(4, 7)) * 50 - 800
        call = "softmax(x)  # scores around -800: exp underflows unless the maximum is taken off"
        ex.expect_array(_call(ex, softmax, x, label=call), reference.softmax(x), call)


def grade_scaled_dot_product_attention(scaled_dot_product_attention):
    rng = np.random.default_rng(SEED)
    with exercise("scaled_dot_product_attention (hidden tests)") as ex:
        for batch, T_q, T_k, d_k, d_v, mask_shape in [
                ((3,), 5, 7, 8, 3, None), ((2, 3), 4, 4, 6, 5, (4, 4)),
                ((2, 2), 3, 6, 4, 2, (2, 1, 1, 6)), ((), 6, 5, 9, 4, (6, 5))]:
            q, k = rng.normal(size=(*batch, T_q, d_k)), rng.normal(size=(*batch, T_k, d_k))
            v = rng.normal(size=(*batch, T_k, d_v))
            mask = None if mask_shape is None else random_mask(rng, mask_shape)
            call = (f"scaled_dot_product_attention(q, k, v, mask)  # q {q.shape}, k {k.shape}, "
                    f"v {v.shape}, mask {None if mask is None else mask.shape}")
            result = _call(ex, scaled_dot_product_attention, q, k, v, label=call,
                           kwargs={"mask": mask})
            _expect_pair(ex, result, call, "output, attention_weights")
            output, weights = reference.scaled_dot_product_attention(q, k, v, mask)
            ex.expect_array(result[1], weights, f"{call}: attention_weights")
            ex.expect_array(result[0], output, f"{call}: output")


def grade_positional_encoding(positional_encoding):
    with exercise("positional_encoding (hidden tests)") as ex:
        for positions, d in [(12, 10), (1, 4), (64, 32)]:
            call = f"positional_encoding({positions}, {d})"
            ex.expect_array(_call(ex, positional_encoding, positions, d, label=call),
                            reference.positional_encoding(positions, d), call,
                            **ENCODING_TOLERANCE)


def grade_layer_norm(layer_norm):
    rng = np.random.default_rng(SEED)
    with exercise("layer_norm (hidden tests)") as ex:
        for shape, eps in [((3, 5, 6), None), ((4, 7), 1e-3), ((2, 2, 3, 8), 0.1)]:
            x = rng.normal(loc=2, scale=3, size=shape)
            gamma, beta = rng.normal(size=shape[-1]), rng.normal(size=shape[-1])
            kwargs = {} if eps is None else {"eps": eps}
            call = f"layer_norm(x, gamma, beta{'' if eps is None else f', eps={eps}'})  # {shape}"
            result = _call(ex, layer_norm, x, gamma, beta, label=call, kwargs=kwargs)
            _expect_pair(ex, result, call, "out, cache")
            out, cache = reference.layer_norm(x, gamma, beta, **kwargs)
            ex.expect_array(result[0], out, f"{call}: out")
            ex.expect_true(isinstance(result[1], tuple | list) and len(result[1]) == 3,
                           f"{call}: cache", "expected cache = (x_hat, std, gamma)")
            for position, name in enumerate(("x_hat", "std", "gamma")):
                ex.expect_array(result[1][position], cache[position],
                                f"{call}: cache[{position}] ({name})")


def grade_feed_forward(feed_forward):
    rng = np.random.default_rng(SEED)
    with exercise("feed_forward (hidden tests)") as ex:
        for shape, d_ff in [((3, 5, 8), 12), ((7, 4), 3)]:
            x, parameters = rng.normal(size=shape), block_parameters(rng, shape[-1], d_ff)
            call = f"feed_forward(x, parameters)  # x {shape}, d_ff = {d_ff}"
            result = _call(ex, feed_forward, x, parameters, label=call)
            _expect_pair(ex, result, call, "out, cache")
            out, cache = reference.feed_forward(x, parameters)
            ex.expect_array(result[0], out, f"{call}: out")
            ex.expect_true(isinstance(result[1], tuple | list) and len(result[1]) == 3,
                           f"{call}: cache", "expected cache = (x, hidden, parameters)")
            ex.expect_array(result[1][1], cache[1], f"{call}: cache[1] (hidden)")


def grade_multi_head_attention(multi_head_attention):
    rng = np.random.default_rng(SEED)
    with exercise("multi_head_attention (hidden tests)") as ex:
        for m, T, d_model, heads, causal in [(3, 5, 12, 3, True), (2, 4, 8, 1, False),
                                             (1, 6, 8, 4, True)]:
            x, parameters = rng.normal(size=(m, T, d_model)), block_parameters(rng, d_model, 4)
            mask = reference.causal_mask(T) if causal else None
            call = (f"multi_head_attention(x, parameters, {heads}, mask)  # x ({m}, {T}, "
                    f"{d_model}), {'causal mask' if causal else 'no mask'}")
            result = _call(ex, multi_head_attention, x, parameters, heads, label=call,
                           kwargs={"mask": mask})
            _expect_pair(ex, result, call, "out, cache")
            out, cache = reference.multi_head_attention(x, parameters, heads, mask)
            ex.expect_array(result[0], out, f"{call}: out")
            ex.expect_true(isinstance(result[1], tuple | list) and len(result[1]) == 7,
                           f"{call}: cache", "expected cache = (x, q, k, v, attention_weights, "
                                             "concat, parameters)")
            for position, name in enumerate(("q", "k", "v", "attention_weights", "concat"), 1):
                ex.expect_array(result[1][position], cache[position],
                                f"{call}: cache[{position}] ({name})")


def grade_decoder_block(decoder_block):
    rng = np.random.default_rng(SEED)
    with exercise("decoder_block (hidden tests)") as ex:
        for m, T, d_model, heads, d_ff in [(3, 5, 8, 2, 16), (2, 6, 12, 3, 8)]:
            x, parameters = rng.normal(size=(m, T, d_model)), block_parameters(rng, d_model, d_ff)
            mask = reference.causal_mask(T)
            call = (f"decoder_block(x, parameters, {heads}, mask)  # x ({m}, {T}, {d_model}), "
                    f"causal mask")
            result = _call(ex, decoder_block, x, parameters, heads, label=call,
                           kwargs={"mask": mask})
            _expect_pair(ex, result, call, "out, cache")
            out, cache = reference.decoder_block(x, parameters, heads, mask)
            ex.expect_array(result[0], out, f"{call}: out")
            # The cache must serve the given backward pass as the reference's does.
            dout = rng.normal(size=out.shape)
            try:
                theirs = reference.decoder_block_backward(dout, result[1])
            except Exception as error:  # noqa: BLE001 - a malformed cache becomes a message
                ex.fail(f"{call}: cache", f"the given decoder_block_backward cannot use it "
                                          f"({type(error).__name__}: {error}); expected (cache of "
                                          "the first layer_norm, of multi_head_attention, of the "
                                          "second layer_norm, of feed_forward)")
            ex.expect_dict(theirs, reference.decoder_block_backward(dout, cache),
                           f"decoder_block_backward(dout, cache of {call.split('  #')[0]})")


# --- backward passes: a gradient check, then the reference on new sizes ------------------------


def _usable_forward(student_forward, reference_forward, args, kwargs, output):
    """The student's forward pass when it agrees with the reference on `args`, else the
    reference's: the gradient check judges the backward pass, not a forward mistake again."""
    if student_forward is None:
        return reference_forward
    try:
        theirs = student_forward(*copy.deepcopy(args), **kwargs)
        ours = reference_forward(*args, **kwargs)
        pick = (lambda r: r) if output is None else (lambda r: r[output])
        if np.allclose(pick(theirs), pick(ours), rtol=1e-9, atol=1e-12):
            return student_forward
    except Exception:  # noqa: BLE001 - a broken forward pass is graded in its own cell
        pass
    return reference_forward


def _run_gradcheck(ex, cost, point, gradients, call):
    try:
        errors = gradcheck(cost, point, gradients)
    except CheckFailure as failure:
        ex.fail(call, str(failure))
    ex.expect_true(max(errors.values()) < 1e-7, call, "gradient check failed")
    return errors


def _expect_keys(ex, gradients, keys, call):
    ex.expect_true(isinstance(gradients, dict), call,
                   f"expected a dict of gradients, got {type(gradients).__name__}")
    missing = [key for key in keys if key not in gradients]
    ex.expect_true(not missing, call, f"the result has no key {missing[0]!r}" if missing else "")


def gradcheck_softmax_backward(ex, softmax_backward, softmax, seed):
    """Relative error of the student's softmax_backward against numerical gradients of
    J = sum(G * softmax(x, axis=1)), computed with `softmax`."""
    rng = np.random.default_rng(seed)
    x, G = rng.normal(size=(3, 4, 2)), rng.normal(size=(3, 4, 2))
    forward = _usable_forward(softmax, reference.softmax, (x,), {"axis": 1}, None)
    call = ("gradient check of softmax_backward(G, y, axis=1) against numerical derivatives of "
            "softmax(x, axis=1)")
    dx = ex.call(softmax_backward, G, forward(x, axis=1), label=call, kwargs={"axis": 1},
                 helpers=HELPERS)
    return _run_gradcheck(ex, lambda p: np.sum(G * forward(p["x"], axis=1)), {"x": x},
                          {"x": dx}, call)


def gradcheck_attention_backward(ex, backward, forward, seed):
    """Relative errors of the student's attention backward pass against numerical gradients of
    J = sum(G * output), computed with `forward` under a random mask."""
    rng = np.random.default_rng(seed)
    point = {"q": rng.normal(size=(2, 3, 4)), "k": rng.normal(size=(2, 5, 4)),
             "v": rng.normal(size=(2, 5, 3))}
    mask = random_mask(rng, (2, 1, 5))
    G = rng.normal(size=(2, 3, 3))
    args = (point["q"], point["k"], point["v"])
    forward = _usable_forward(forward, reference.scaled_dot_product_attention, args,
                              {"mask": mask}, 1)
    call = ("gradient check of scaled_dot_product_attention_backward against numerical "
            "derivatives of scaled_dot_product_attention (padding mask)")
    weights = forward(*args, mask=mask)[1]
    gradients = ex.call(backward, G, (*args, weights), label=call, helpers=HELPERS)
    _expect_keys(ex, gradients, ["dq", "dk", "dv"], call)
    return _run_gradcheck(ex, lambda p: np.sum(G * forward(p["q"], p["k"], p["v"],
                                                           mask=mask)[0]),
                          point, {n: gradients["d" + n] for n in point}, call)


def gradcheck_layer_norm_backward(ex, backward, forward, seed):
    """Relative errors of the student's layer_norm_backward against numerical gradients of
    J = sum(G * out), computed with `forward`."""
    rng = np.random.default_rng(seed)
    point = {"x": rng.normal(loc=1, scale=2, size=(2, 3, 5)), "gamma": rng.normal(size=5),
             "beta": rng.normal(size=5)}
    G = rng.normal(size=(2, 3, 5))
    args = (point["x"], point["gamma"], point["beta"])
    forward = _usable_forward(forward, reference.layer_norm, args, {}, 0)
    call = "gradient check of layer_norm_backward against numerical derivatives of layer_norm"
    gradients = ex.call(backward, G, forward(*args)[1], label=call, helpers=HELPERS)
    _expect_keys(ex, gradients, ["dx", "dgamma", "dbeta"], call)
    return _run_gradcheck(ex, lambda p: np.sum(G * forward(p["x"], p["gamma"], p["beta"])[0]),
                          point, {n: gradients["d" + n] for n in point}, call)


def grade_softmax_backward(softmax_backward, softmax=None):
    rng = np.random.default_rng(SEED)
    with exercise("softmax_backward (hidden tests)") as ex:
        gradcheck_softmax_backward(ex, softmax_backward, softmax, SEED)
        for shape, axis in [((4, 6), -1), ((3, 5, 2), 0)]:
            y = reference.softmax(rng.normal(scale=2, size=shape), axis=axis)
            dy = rng.normal(size=shape)
            call = f"softmax_backward(dy, y, axis={axis})  # {shape}"
            ex.expect_array(_call(ex, softmax_backward, dy, y, label=call,
                                  kwargs={"axis": axis}),
                            reference.softmax_backward(dy, y, axis=axis), call)


def grade_scaled_dot_product_attention_backward(scaled_dot_product_attention_backward,
                                                scaled_dot_product_attention=None):
    rng = np.random.default_rng(SEED)
    with exercise("scaled_dot_product_attention_backward (hidden tests)") as ex:
        gradcheck_attention_backward(ex, scaled_dot_product_attention_backward,
                                     scaled_dot_product_attention, SEED)
        for batch, T_q, T_k, d_k, d_v in [((3, 2), 5, 6, 4, 3), ((), 4, 4, 8, 8)]:
            q, k = rng.normal(size=(*batch, T_q, d_k)), rng.normal(size=(*batch, T_k, d_k))
            v = rng.normal(size=(*batch, T_k, d_v))
            weights = reference.scaled_dot_product_attention(q, k, v,
                                                             random_mask(rng, (T_q, T_k)))[1]
            doutput = rng.normal(size=(*batch, T_q, d_v))
            cache = (q, k, v, weights)
            call = (f"scaled_dot_product_attention_backward(doutput, cache)  # q {q.shape}, "
                    f"k {k.shape}, v {v.shape}, masked")
            ex.expect_dict(_call(ex, scaled_dot_product_attention_backward, doutput, cache,
                                 label=call),
                           reference.scaled_dot_product_attention_backward(doutput, cache), call)


def grade_layer_norm_backward(layer_norm_backward, layer_norm=None):
    rng = np.random.default_rng(SEED)
    with exercise("layer_norm_backward (hidden tests)") as ex:
        gradcheck_layer_norm_backward(ex, layer_norm_backward, layer_norm, SEED)
        for shape in [(3, 4, 6), (5, 3)]:
            x = rng.normal(loc=-1, scale=2, size=shape)
            cache = reference.layer_norm(x, rng.normal(size=shape[-1]),
                                         rng.normal(size=shape[-1]))[1]
            dout = rng.normal(size=shape)
            call = f"layer_norm_backward(dout, cache)  # x {shape}"
            ex.expect_dict(_call(ex, layer_norm_backward, dout, cache, label=call),
                           reference.layer_norm_backward(dout, cache), call)


# --- sample ------------------------------------------------------------------------------------


def grade_sample(sample):
    with exercise("sample (hidden tests)") as ex:
        # A vocabulary where the end token is not index 0.
        char_to_ix = {"x": 0, "y": 1, "\n": 2, "z": 3, "w": 4}
        newline = 2
        call = "sample(model that spells 'wxzy', char_to_ix, rng)  # '\\n' has index 2"
        indices = call_sample(ex, sample, chain_model([4, 0, 3, 1], newline), char_to_ix, SEED,
                              call)
        expect_sequence(ex, indices, call, 5, newline, 20)
        ex.expect_true(list(indices) == [4, 0, 3, 1, 2], call,
                       f"expected [4, 0, 3, 1, 2]: each drawn character must be appended to "
                       f"the context; got {indices}")

        call = "sample(model that stops after 4 characters, char_to_ix, rng)"
        indices = call_sample(ex, sample, counting_model(5, 3, newline, 5), char_to_ix, SEED,
                              call)
        expect_sequence(ex, indices, call, 5, newline, 20)
        ex.expect_true(list(indices) == [3, 3, 3, 3, 2], call,
                       f"expected [3, 3, 3, 3, 2]: the model reads the whole context, from the "
                       f"start token on, at every step; got {indices}")

        call = "sample(model that never draws '\\n', char_to_ix, rng, max_length=12)"
        indices = call_sample(ex, sample, endless_model(5, newline), char_to_ix, SEED, call, 12)
        expect_sequence(ex, indices, call, 5, newline, 12)
        ex.expect_true(len(indices) == 13, call,
                       f"expected 12 characters and the end token, got {len(indices)} indices")

        # A model whose every step draws from the same distribution p, whatever it read: each
        # call draws about 7 characters, some 130 in all (each draw is a call into the grader
        # while it is graded), enough at 6 sigma to tell p from uniform draws (0.2 each,
        # which end sooner: about 100 draws).
        p = np.array([0.6, 0.1, 0.15, 0.15, 0.0])
        model = table_model(5)
        model["start"] = np.array(newline)
        model["by_length"][:] = np.log(np.maximum(p, 1e-30))
        call = "sample(model drawing from p = [0.6, 0.1, 0.15, 0.15, 0], ...) with 20 seeds"
        counts = np.zeros(5)
        for k in range(20):
            indices = call_sample(ex, sample, model, char_to_ix, SEED + k, call)
            expect_sequence(ex, indices, call, 5, newline, 20)
            np.add.at(counts, np.asarray(indices, dtype=int), 1)
        frequencies = counts / counts.sum()
        tolerance = 6 * np.sqrt(p * (1 - p) / counts.sum()) + 1e-9
        ex.expect_true(bool(np.all(np.abs(frequencies - p) <= tolerance)), call,
                       f"the drawn characters do not follow the model's distribution: "
                       f"frequencies {np.round(frequencies, 3).tolist()}, expected about "
                       f"{p.tolist()}: draw with the probabilities, e.g. "
                       f"rng.choice(len(probabilities), p=probabilities)")

        call = "sample(random model, char_to_ix, np.random.default_rng(seed)) twice per seed"
        model = random_model(5, SEED, newline)
        first = [call_sample(ex, sample, model, char_to_ix, SEED + s, call) for s in range(5)]
        again = [call_sample(ex, sample, model, char_to_ix, SEED + s, call) for s in range(5)]
        ex.expect_true(first == again, call,
                       "the same seed gave different sequences: draw only from `rng`, "
                       "never from np.random")
