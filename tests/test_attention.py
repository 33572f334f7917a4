"""09_attention: gradient checks of the backward passes (the reference passes, wrong backprops
are caught), every function graded on its own (helpers bound to the reference), the given
backward passes of the model, the table models behind the sample checks, and dtypes."""

import inspect

import numpy as np
import pytest

from autograder.answers import attention as answers
from autograder.hidden import attention as hidden
from autograder.reference import attention as reference
from course_utils.checks import attention as checks
from course_utils.checks.core import CheckFailure, exercise
from course_utils.gradcheck import gradcheck


def mistake(function, name):
    return next(a for a in answers.MISTAKES if a.function == function and a.name == name)


def gradcheck_errors(check, backward, forward, seed=0):
    with exercise("gradient check", quiet=True) as ex:
        return check(ex, backward, forward, seed)


# --- gradient checks of the graded backward passes ---------------------------------------------

GRADCHECKS = {
    "softmax_backward": (hidden.gradcheck_softmax_backward, reference.softmax, {"x"}),
    "scaled_dot_product_attention_backward": (
        hidden.gradcheck_attention_backward, reference.scaled_dot_product_attention,
        {"q", "k", "v"}),
    "layer_norm_backward": (hidden.gradcheck_layer_norm_backward, reference.layer_norm,
                            {"x", "gamma", "beta"}),
}


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("function", sorted(GRADCHECKS))
def test_reference_backward_passes_the_gradient_check_by_far(function, seed):
    check, forward, names = GRADCHECKS[function]
    errors = gradcheck_errors(check, getattr(reference, function), forward, seed)
    assert set(errors) == names
    assert max(errors.values()) < 1e-8


BACKPROP_BUGS = [
    ("softmax_backward", "diagonal of the Jacobian only", "the gradient of x is wrong"),
    ("softmax_backward", "always along the last axis", "the gradient of x is wrong"),
    ("softmax_backward", "sign of the sum term flipped", "the gradient of x is wrong"),
    ("scaled_dot_product_attention_backward", "softmax Jacobian forgotten",
     "the gradient of q is wrong"),
    ("scaled_dot_product_attention_backward", "scale forgotten", "the gradient of q is wrong"),
    ("layer_norm_backward", "the mean terms forgotten", "the gradient of x is wrong"),
    ("layer_norm_backward", "the x_hat term forgotten", "the gradient of x is wrong"),
    ("layer_norm_backward", "dgamma not summed over the rows",
     "the gradient of gamma has shape (2, 3, 5)"),
]


@pytest.mark.parametrize(("function", "name", "message"), BACKPROP_BUGS)
def test_wrong_backprop_fails_the_gradient_check(function, name, message):
    check, forward, _ = GRADCHECKS[function]
    with pytest.raises(CheckFailure, match="gradient check") as failure:
        gradcheck_errors(check, mistake(function, name).compile(), forward)
    assert message in str(failure.value)


def test_the_relative_error_of_a_wrong_backprop_is_large():
    """Not a near miss: a wrong backprop is off by far more than the 1e-7 threshold."""
    with pytest.raises(CheckFailure, match=r"relative error (\d\.\d+e-0[1-3])"):
        gradcheck_errors(hidden.gradcheck_attention_backward,
                         mistake("scaled_dot_product_attention_backward",
                                 "softmax Jacobian forgotten").compile(),
                         reference.scaled_dot_product_attention)


def test_gradient_check_uses_the_students_forward_only_when_it_is_right():
    calls = []

    def spy_forward(*args, **kwargs):
        calls.append(1)
        return reference.layer_norm(*args, **kwargs)

    gradcheck_errors(hidden.gradcheck_layer_norm_backward, reference.layer_norm_backward,
                     spy_forward)
    assert len(calls) > 50  # every nudge of the numerical gradient ran the student's forward

    wrong_forward = mistake("layer_norm", "unbiased variance").compile()
    # a forward mistake is graded in its own cell; the backward pass keeps its points
    errors = gradcheck_errors(hidden.gradcheck_layer_norm_backward,
                              reference.layer_norm_backward, wrong_forward)
    assert max(errors.values()) < 1e-8


def test_hidden_backward_grading_accepts_the_students_forward():
    hidden.grade_softmax_backward(reference.softmax_backward, reference.softmax)
    hidden.grade_scaled_dot_product_attention_backward(
        reference.scaled_dot_product_attention_backward, reference.scaled_dot_product_attention)
    hidden.grade_layer_norm_backward(reference.layer_norm_backward, reference.layer_norm)


# --- each function graded on its own -------------------------------------------------------------


def reference_with_broken(function, helper, broken_source):
    """The reference's `function`, defined in a copy of the reference's namespace where
    `helper` is a wrong answer (`wrong` in `broken_source`)."""
    namespace = dict(vars(reference))
    exec(broken_source, namespace)
    namespace[helper] = namespace.pop("wrong")
    exec(inspect.getsource(getattr(reference, function)), namespace)
    return namespace[function]


@pytest.mark.parametrize(("function", "helper", "broken"), [
    ("scaled_dot_product_attention", "softmax", "def wrong(x, axis=-1):\n    return np.exp(x)\n"),
    ("scaled_dot_product_attention_backward", "softmax_backward",
     "def wrong(dy, y, axis=-1):\n    return dy\n"),
    ("multi_head_attention", "scaled_dot_product_attention",
     "def wrong(q, k, v, mask=None):\n    return v, q @ np.swapaxes(k, -1, -2)\n"),
    ("decoder_block", "layer_norm",
     "def wrong(x, gamma, beta, eps=1e-5):\n    return x, (x, x, gamma)\n"),
    ("decoder_block", "feed_forward",
     "def wrong(x, parameters):\n    return x, (x, x, parameters)\n"),
])
def test_a_wrong_helper_costs_points_in_its_own_cell_only(function, helper, broken):
    """At home the visible check runs the student's own helper and fails; the hidden tests bind
    the reference's helper, so the function itself keeps its points."""
    student = reference_with_broken(function, helper, broken)
    with pytest.raises(CheckFailure):
        getattr(checks, f"check_{function}")(student)
    getattr(hidden, f"grade_{function}")(student)


# --- the given backward passes of the model ------------------------------------------------------


def test_given_block_backward_passes_the_gradient_check():
    rng = np.random.default_rng(5)
    m, T, d_model, heads = 2, 4, 6, 2
    parameters = hidden.block_parameters(rng, d_model, 10)
    x, G = rng.normal(size=(m, T, d_model)), rng.normal(size=(m, T, d_model))
    mask = reference.causal_mask(T)
    out, cache = reference.decoder_block(x, parameters, heads, mask)
    gradients = reference.decoder_block_backward(G, cache)
    # bk shifts every score of a query by the same amount: softmax ignores it, its gradient is 0
    assert np.abs(gradients["dbk"]).max() < 1e-12
    point = {"x": x} | {k: v for k, v in parameters.items() if k != "bk"}

    def cost(p):
        block = {k: v for k, v in p.items() if k != "x"} | {"bk": parameters["bk"]}
        return np.sum(G * reference.decoder_block(p["x"], block, heads, mask)[0])

    errors = gradcheck(cost, point, {name: gradients["d" + name] for name in point})
    assert max(errors.values()) < 1e-8


def test_the_model_is_causal_and_its_probabilities_sum_to_one():
    rng = np.random.default_rng(0)
    d_model, vocab = 8, 5
    parameters = {"E": rng.normal(size=(vocab, d_model)),
                  "blocks": [hidden.block_parameters(rng, d_model, 12) for _ in range(2)],
                  "gamma": np.ones(d_model), "beta": np.zeros(d_model),
                  "W_out": rng.normal(size=(d_model, vocab)), "b_out": np.zeros(vocab)}
    ids = rng.integers(0, vocab, (3, 6))
    probabilities, _ = reference.transformer_forward(ids, parameters, num_heads=2)
    assert np.allclose(probabilities.sum(axis=-1), 1)
    changed = ids.copy()
    changed[:, 4:] = (changed[:, 4:] + 1) % vocab  # the future must not change the past
    later, _ = reference.transformer_forward(changed, parameters, num_heads=2)
    assert np.array_equal(probabilities[:, :4], later[:, :4])
    assert not np.allclose(probabilities[:, 4:], later[:, 4:])
    context = list(ids[0, :3])
    assert np.allclose(reference.next_char_probabilities(context, parameters),
                       reference.transformer_forward(np.array([context]), parameters)[0][0, -1])


def test_masked_weights_are_exactly_zero_in_float32_and_float64():
    q, k, v, causal, padding = checks.attention_inputs()
    for dtype in (np.float32, np.float64):
        for mask in (causal, padding):
            output, weights = reference.scaled_dot_product_attention(
                q.astype(dtype), k.astype(dtype), v.astype(dtype), mask)
            assert weights.dtype == output.dtype == dtype
            assert np.all(weights[np.broadcast_to(mask, weights.shape) == 0] == 0)


def test_reference_keeps_float32_through_multi_head_attention_forward_and_backward():
    rng = np.random.default_rng(1)
    parameters = {k: v.astype(np.float32) for k, v in hidden.block_parameters(rng, 8, 4).items()}
    x = rng.normal(size=(2, 5, 8)).astype(np.float32)
    out, cache = reference.multi_head_attention(x, parameters, 2, reference.causal_mask(5))
    gradients = reference.multi_head_attention_backward(np.ones_like(out), cache)
    assert out.dtype == np.float32
    assert {g.dtype for g in gradients.values()} == {np.dtype(np.float32)}


# --- sample: the table models -------------------------------------------------------------------


def test_table_models_behave_as_documented():
    p = checks.chain_model([1, 2, 3], 0)
    assert np.argmax(checks.table_next_char_probabilities([0], p)) == 1
    assert np.argmax(checks.table_next_char_probabilities([0, 1, 2], p)) == 3
    assert np.argmax(checks.table_next_char_probabilities([0, 1, 2, 3], p)) == 0
    p = checks.counting_model(5, 3, 2, 5)
    drawn = [int(np.argmax(checks.table_next_char_probabilities([2] + [3] * n, p)))
             for n in range(6)]
    assert drawn == [3, 3, 3, 3, 2, 2]
    p = checks.endless_model(4, 0)
    assert checks.table_next_char_probabilities([0] * 200, p)[0] < 1e-40
    with pytest.raises(ValueError, match="must begin with the start token 2"):
        checks.table_next_char_probabilities([1, 2], checks.counting_model(5, 3, 2, 5))


def test_sample_is_graded_by_properties_not_by_a_stream_of_draws():
    """A correct sampler that draws differently (inverse CDF with rng.random) keeps its points,
    and the real model works with the reference sampler."""
    variant = next(a for a in answers.VARIANTS if a.function == "sample").compile()
    checks.check_sample(variant)
    hidden.grade_sample(variant)
    rng = np.random.default_rng(0)
    parameters = {"E": rng.normal(size=(27, 8)), "blocks": [hidden.block_parameters(rng, 8, 8)],
                  "gamma": np.ones(8), "beta": np.zeros(8), "W_out": rng.normal(size=(8, 27)),
                  "b_out": np.zeros(27)}
    indices = reference.sample(parameters, {"\n": 0}, np.random.default_rng(3), max_length=9)
    assert 1 <= len(indices) <= 10 and indices[-1] == 0 and 0 not in indices[:-1]
