"""05_cnn_from_scratch: gradient checks of every backward pass (right ones pass, wrong ones
fail), loop inspection of the vectorized layers, max-pool ties (not graded), and the MNIST data."""

import contextlib
import inspect
import io
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from autograder.answers import cnn_from_scratch as answers
from autograder.hidden import cnn_from_scratch as hidden
from autograder.reference import cnn_from_scratch as ref
from course_utils.checks import cnn_from_scratch as visible
from course_utils.checks.core import CheckFailure, exercise
from course_utils.datasets import DEFAULT_ROOT, checksums, load_mnist
from course_utils.gradcheck import gradcheck

CONV_SETTINGS = [((2, 5, 4, 3), 3, 2, 2, 1), ((1, 4, 5, 2), 2, 3, 1, 0),
                 ((2, 7, 6, 1), 3, 2, 3, 2)]


def conv_case(shape, f, n_C, stride, pad, seed=0):
    rng = np.random.default_rng(seed)
    A_prev = rng.normal(size=shape)
    W = rng.normal(size=(f, f, shape[3], n_C))
    b = rng.normal(size=(1, 1, 1, n_C))
    return A_prev, W, b, {"stride": stride, "pad": pad}


def conv_gradcheck(backward, forward=ref.conv_forward, setting=CONV_SETTINGS[0]):
    A_prev, W, b, hp = conv_case(*setting)
    Z, cache = forward(A_prev, W, b, hp)
    G = np.random.default_rng(1).normal(size=Z.shape)
    grads = dict(zip(["A_prev", "W", "b"], backward(G, cache), strict=True))
    return gradcheck(lambda p: np.sum(forward(p["A_prev"], p["W"], p["b"], hp)[0] * G),
                     {"A_prev": A_prev, "W": W, "b": b}, grads)


def separated(shape, seed=0):
    """Distinct values at least 0.01 apart: no ties in any window, even after a nudge."""
    rng = np.random.default_rng(seed)
    return (rng.permutation(int(np.prod(shape))) * 0.01).reshape(shape)


def pool_gradcheck(backward, mode, hp=None, forward=ref.pool_forward):
    hp = hp or {"f": 2, "stride": 1}
    A_prev = separated((2, 5, 4, 2))
    A, cache = forward(A_prev, hp, mode)
    G = np.random.default_rng(2).normal(size=A.shape)
    return gradcheck(lambda p: np.sum(forward(p["A_prev"], hp, mode)[0] * G),
                     {"A_prev": A_prev}, {"A_prev": backward(G, cache, mode)})


def softmax_gradcheck(backward, dcost=2.5):
    rng = np.random.default_rng(3)
    Z, Y = rng.normal(scale=2, size=(6, 5)), np.eye(6)[:, rng.integers(0, 6, 5)]
    _, cache = ref.softmax_cross_entropy_forward(Z, Y)
    return gradcheck(lambda p: dcost * ref.softmax_cross_entropy_forward(p["Z"], Y)[0],
                     {"Z": Z}, {"Z": backward(dcost, cache)})


def ref_source(function):
    return textwrap.dedent(inspect.getsource(getattr(ref, function)))


def mistakes(function, fragment="gradient check"):
    return [m for m in answers.MISTAKES if m.function == function
            and m.hidden is not None and fragment in m.hidden]


# --- every backward reference passes a gradient check ---------------------------------

@pytest.mark.parametrize("setting", CONV_SETTINGS)
@pytest.mark.parametrize("backward", [ref.conv_backward, ref.conv_backward_vectorized])
def test_conv_backward_references_pass_gradient_check(backward, setting):
    assert max(conv_gradcheck(backward, setting=setting).values()) < 1e-8


@pytest.mark.parametrize("mode", ["max", "average"])
@pytest.mark.parametrize("hp", [{"f": 2, "stride": 1}, {"f": 3, "stride": 2}])
def test_pool_backward_reference_passes_gradient_check(mode, hp):
    assert max(pool_gradcheck(ref.pool_backward, mode, hp).values()) < 1e-8


def test_vectorized_max_pool_backward_passes_gradient_check():
    hp = {"f": 2, "stride": 2}
    A_prev = separated((2, 6, 5, 3))
    _, cache = ref.max_pool_forward_vectorized(A_prev, hp)
    G = np.random.default_rng(4).normal(size=(2, 3, 2, 3))
    errors = gradcheck(lambda p: np.sum(ref.max_pool_forward_vectorized(p["A"], hp)[0] * G),
                       {"A": A_prev}, {"A": ref.max_pool_backward_vectorized(G, cache)})
    assert errors["A"] < 1e-8


def test_softmax_cross_entropy_backward_reference_passes_gradient_check():
    assert softmax_gradcheck(ref.softmax_cross_entropy_backward)["Z"] < 1e-8


# --- and at least two wrong backprops per backward function fail it ---------------------

def test_each_backward_function_has_two_wrong_backprops_caught_by_gradcheck():
    for function in ["conv_backward", "pool_backward", "softmax_cross_entropy_backward"]:
        assert len(mistakes(function)) >= 2, function


@pytest.mark.parametrize("answer", mistakes("conv_backward"), ids=lambda a: a.name)
def test_wrong_conv_backprops_fail_gradient_check(answer):
    messages = []
    for setting in CONV_SETTINGS:  # pad 1 and pad 0
        try:
            conv_gradcheck(answer.compile(), setting=setting)
        except CheckFailure as failure:
            messages.append(str(failure))
    assert messages and all("gradient check: the gradient of" in m for m in messages)


@pytest.mark.parametrize("name", ["filters not turned", "dZ not spread out by the stride"])
def test_wrong_vectorized_conv_backprops_fail_gradient_check(name):
    answer = next(m for m in answers.MISTAKES if m.name == name)
    with pytest.raises(CheckFailure, match="the gradient of A_prev is wrong"):
        conv_gradcheck(answer.compile())


@pytest.mark.parametrize("answer", mistakes("pool_backward"), ids=lambda a: a.name)
def test_wrong_pool_backprops_fail_gradient_check(answer):
    with pytest.raises(CheckFailure, match="gradient check: the gradient of A_prev is wrong"):
        for hp in [None, {"f": 3, "stride": 2}]:
            for mode in ["max", "average"]:
                pool_gradcheck(answer.compile(), mode, hp)


@pytest.mark.parametrize("answer", mistakes("softmax_cross_entropy_backward"),
                         ids=lambda a: a.name)
def test_wrong_softmax_backprops_fail_gradient_check(answer):
    with pytest.raises(CheckFailure, match="gradient check: the gradient of Z is wrong"):
        softmax_gradcheck(answer.compile())


def test_a_wrong_helper_costs_only_its_own_points():
    """pool_backward calling the catalog's wrong create_mask_from_window and distribute_value
    keeps every point: they are the reference's (hidden) or stand-ins (visible) meanwhile."""
    wrong_mask = next(m for m in answers.MISTAKES if m.name == "marks the minimum").source
    wrong_share = next(m for m in answers.MISTAKES if m.name == "forgets to divide").source
    caller = (wrong_mask + wrong_share + ref_source("pool_backward"))
    namespace = {"np": np}
    exec(caller, namespace)  # noqa: S102 - the reference's own source with wrong helpers
    with contextlib.redirect_stdout(io.StringIO()):
        visible.check_pool_backward(namespace["pool_backward"])
        hidden.grade_pool_backward(namespace["pool_backward"])
    with pytest.raises(CheckFailure), contextlib.redirect_stdout(io.StringIO()):
        hidden.grade_create_mask_from_window(namespace["create_mask_from_window"])


def test_backward_passes_are_checked_against_the_reference_forward_only():
    """No grade_* of a backward or vectorized function takes a student's forward pass."""
    for name in ["conv_backward", "pool_backward", "softmax_cross_entropy_backward",
                 "conv_forward_vectorized", "conv_backward_vectorized",
                 "max_pool_forward_vectorized"]:
        assert len(inspect.signature(getattr(hidden, f"grade_{name}")).parameters.keys()
                   - {"name", "tolerance"}) == 1, name


# --- vectorized layers: no loops but over the filter offsets, same numbers --------------------

VECTORIZED = ["conv_forward_vectorized", "conv_backward_vectorized",
              "max_pool_forward_vectorized"]


@pytest.mark.parametrize("function", VECTORIZED)
def test_vectorized_references_pass_the_loop_rule_and_loop_answers_are_caught(function):
    filters = visible.FILTERS.get(function)
    with exercise(function, quiet=True) as ex:
        ex.expect_no_loops(getattr(ref, function), function, filters=filters)
    loopy = [m for m in answers.MISTAKES if m.function == function
             and "must be vectorized" in (m.visible or "")]
    assert loopy
    for answer in loopy:
        with pytest.raises(CheckFailure, match="has a Python loop"), \
                exercise(function, quiet=True) as ex:
            ex.expect_no_loops(answer.compile(), function, filters=filters)


@pytest.mark.parametrize("function", ["conv_forward_vectorized", "conv_backward_vectorized"])
def test_conv_loops_over_filter_offsets_pass_and_the_refusal_says_what_is_allowed(function):
    offsets = [v for v in answers.VARIANTS if v.function == function and "filter offsets" in v.name]
    assert offsets and "for i in range(f):" in inspect.getsource(getattr(ref, function))
    for answer in offsets:
        with exercise(function, quiet=True) as ex:
            ex.expect_no_loops(answer.compile(), function, filters=visible.FILTERS[function])
    loopy = next(m for m in answers.MISTAKES if m.function == function
                 and "must be vectorized" in (m.visible or ""))
    with pytest.raises(CheckFailure, match="loops are allowed over the filter offsets only"), \
            contextlib.redirect_stdout(io.StringIO()):
        getattr(visible, f"check_{function}")(loopy.compile())


@pytest.mark.parametrize("case", hidden.CONV_CASES)
def test_vectorized_conv_equals_loops_to_1e_10(case):
    A_prev, W, b, hp, _ = hidden._conv_case(np.random.default_rng(5), case)
    Z, cache = ref.conv_forward(A_prev, W, b, hp)
    Z_fast, _ = ref.conv_forward_vectorized(A_prev, W, b, hp)
    np.testing.assert_allclose(Z_fast, Z, rtol=0, atol=1e-10)
    dZ = np.random.default_rng(6).normal(size=Z.shape)
    for fast, slow in zip(ref.conv_backward_vectorized(dZ, cache), ref.conv_backward(dZ, cache),
                          strict=True):
        np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-10)


def test_vectorized_layers_keep_float32():
    A_prev, W, b, hp = (x.astype(np.float32) if isinstance(x, np.ndarray) else x
                        for x in conv_case((2, 6, 6, 2), 3, 4, 1, 1))
    Z, cache = ref.conv_forward_vectorized(A_prev, W, b, hp)
    assert Z.dtype == np.float32
    assert all(g.dtype == np.float32 for g in ref.conv_backward_vectorized(Z, cache))
    A, pool_cache = ref.max_pool_forward_vectorized(Z, {"f": 2, "stride": 2})
    assert A.dtype == ref.max_pool_backward_vectorized(A, pool_cache).dtype == np.float32


# --- max pooling: the gradient goes to the first maximum -----------------------------------

def test_max_pool_backward_sends_the_gradient_to_the_first_maximum_on_relu_ties():
    relu = np.maximum(np.random.default_rng(7).normal(size=(3, 6, 6, 4)), 0)
    relu[0, :2, :2, 0] = 0.0  # a window of zeros: four tied maxima
    relu[1, 2:4, 2:4, 1] = [[0.5, 0.9], [0.9, 0.1]]  # a tie between (0, 1) and (1, 0)
    hp = {"f": 2, "stride": 2}
    A, cache = ref.pool_forward(relu, hp, "max")
    A_fast, _ = ref.max_pool_forward_vectorized(relu, hp)
    np.testing.assert_array_equal(A_fast, A)
    dA = np.random.default_rng(8).normal(size=A.shape)
    loops = ref.pool_backward(dA, cache, "max")
    np.testing.assert_array_equal(ref.max_pool_backward_vectorized(dA, cache), loops)
    assert loops[0, 0, 0, 0] == dA[0, 0, 0, 0] and not loops[0, :2, :2, 0].ravel()[1:].any()
    assert loops[1, 2, 3, 1] == dA[1, 1, 1, 1] and loops[1, 3, 2, 1] == 0
    # every window passes on exactly its own gradient, ties or not
    np.testing.assert_allclose(loops.reshape(3, 3, 2, 3, 2, 4).sum(axis=(2, 4)), dA)


def test_ties_are_not_graded():
    """Marking every tied maximum (the classic course's answer) keeps every point: no graded
    input has a tie."""
    tied = next(v for v in answers.VARIANTS if v.name.startswith("every tied maximum marked"))
    with contextlib.redirect_stdout(io.StringIO()):
        visible.check_create_mask_from_window(tied.compile())
        hidden.grade_create_mask_from_window(tied.compile())


# --- the MNIST data ---------------------------------------------------------------------------

def test_mnist_splits_are_stratified_disjoint_uint8_images():
    data = load_mnist()
    sizes = {"train": 3500, "val": 500, "test": 1000}
    for split, size in sizes.items():
        x, y = data[f"{split}_x"], data[f"{split}_y"]
        assert x.shape == (size, 28, 28) and x.dtype == np.uint8
        assert y.shape == (size,) and y.dtype == np.int64
        assert np.array_equal(np.bincount(y, minlength=10), [size // 10] * 10)
        assert x.max() == 255 and x.min() == 0
    rows = {split: {img.tobytes() for img in data[f"{split}_x"]} for split in sizes}
    assert not rows["train"] & rows["test"] and not rows["val"] & rows["test"]
    assert "mnist/mnist.npz" in checksums(DEFAULT_ROOT)


def test_loading_mnist_needs_no_mlxtend():
    code = ("import sys; from course_utils.datasets import load_mnist; load_mnist(); "
            "assert 'mlxtend' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
