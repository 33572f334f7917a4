"""06_lstm: gradient checks of the backward passes (the reference passes, wrong backprops are
caught), properties of the sample checks, loops, and the text data and its loaders."""

import contextlib
import hashlib
import inspect
import io
import string

import numpy as np
import pytest

from autograder.answers import lstm as answers
from autograder.hidden import lstm as hidden
from autograder.reference import lstm as reference
from course_utils.checks.core import CheckFailure, exercise
from course_utils.checks.lstm import (
    LimitedGenerator,
    chain_model,
    counting_model,
    endless_model,
)
from course_utils.datasets import DEFAULT_ROOT, checksums, load_names, load_text


def mistake(function, name):
    return next(a for a in answers.MISTAKES if a.function == function and a.name == name)


def gradcheck_errors(check, backward, seed=0):
    with exercise("gradient check", quiet=True) as ex:
        return check(ex, backward, seed)


# --- gradient checks --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reference_cell_backward_passes_the_gradient_check_by_far(seed):
    errors = gradcheck_errors(hidden.gradcheck_lstm_cell_backward, reference.lstm_cell_backward,
                              seed)
    assert set(errors) == {"xt", "a_prev", "c_prev", "Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo",
                           "bo"}
    assert max(errors.values()) < 1e-8


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reference_backward_through_time_passes_the_gradient_check_by_far(seed):
    errors = gradcheck_errors(hidden.gradcheck_lstm_backward, reference.lstm_backward, seed)
    assert set(errors) == {"x", "a0", "Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo"}
    assert max(errors.values()) < 1e-8


CELL_BACKPROP_BUGS = [
    ("the path through a_next forgotten in dc", "the gradient of xt is wrong"),
    ("derivative of tanh taken at c", "the gradient of xt is wrong"),
    ("da_prev and dxt cut at n_x", "the gradient of xt is wrong"),
    ("dc_prev without the forget gate", "the gradient of c_prev is wrong"),
    ("bias gradients not summed over the batch", "the gradient of bf has shape (4, 3)"),
]
BACKPROP_THROUGH_TIME_BUGS = [
    ("the gradient from the next step forgotten", "the gradient of x is wrong"),
    ("weight gradients of one step only", "the gradient of Wf is wrong"),
    ("forward in time", "the gradient of x is wrong"),
    ("memory gradient not carried", "the gradient of x is wrong"),
]


@pytest.mark.parametrize(("name", "message"), CELL_BACKPROP_BUGS)
def test_wrong_cell_backprop_fails_the_gradient_check(name, message):
    with pytest.raises(CheckFailure, match="gradient check") as failure:
        gradcheck_errors(hidden.gradcheck_lstm_cell_backward,
                         mistake("lstm_cell_backward", name).compile())
    assert message in str(failure.value)


@pytest.mark.parametrize(("name", "message"), BACKPROP_THROUGH_TIME_BUGS)
def test_wrong_backprop_through_time_fails_the_gradient_check(name, message):
    with pytest.raises(CheckFailure, match="gradient check") as failure:
        gradcheck_errors(hidden.gradcheck_lstm_backward, mistake("lstm_backward", name).compile())
    assert message in str(failure.value)


def test_the_relative_error_of_a_wrong_backprop_is_large():
    """Not a near miss: a wrong backprop is off by far more than the 1e-7 threshold."""
    with pytest.raises(CheckFailure, match=r"relative error (\d\.\d+e-0[1-3])"):
        gradcheck_errors(hidden.gradcheck_lstm_backward,
                         mistake("lstm_backward", "forward in time").compile())


def test_a_wrong_forward_or_cell_backward_costs_only_its_own_points():
    """lstm_backward is graded on caches of the reference's lstm_forward, with the reference's
    lstm_cell_backward: beside a wrong lstm_forward and a wrong lstm_cell_backward it keeps
    all its points, and they lose theirs."""
    caller = answers.backward().removeprefix(answers.LSTM_CELL_BACKWARD).replace(
        "_lstm_cell_backward(", "lstm_cell_backward(")
    source = (answers.lstm_forward(c0="a0") + answers.cell_backward(dc_prev="dc") + caller)
    namespace = {"np": np}
    exec(source, namespace)  # noqa: S102 - catalog sources: one right, two wrong
    with contextlib.redirect_stdout(io.StringIO()):
        hidden.grade_lstm_backward(namespace["lstm_backward"])
    for function in ("lstm_forward", "lstm_cell_backward"):
        with pytest.raises(CheckFailure), contextlib.redirect_stdout(io.StringIO()):
            getattr(hidden, f"grade_{function}")(namespace[function])


def test_backward_grading_takes_no_forward_pass_from_the_student():
    for function in (hidden.grade_lstm_cell_backward, hidden.grade_lstm_backward):
        assert len(inspect.signature(function).parameters) == 1


# --- sample -----------------------------------------------------------------------------------


def test_tiny_models_behave_as_documented():
    char_to_ix = {"\n": 0, "a": 1, "b": 2, "c": 3}
    for seed in range(5):
        rng = np.random.default_rng(seed)
        assert reference.sample(chain_model([1, 2, 3], 0), char_to_ix, rng) == [1, 2, 3, 0]
        assert reference.sample(chain_model([3, 1, 2], 0), char_to_ix, rng) == [3, 1, 2, 0]
        assert reference.sample(counting_model(4, 2, 0, 4), char_to_ix, rng) == [2, 2, 2, 0]
        assert reference.sample(counting_model(4, 1, 0, 2), char_to_ix, rng) == [1, 0]
        endless = reference.sample(endless_model(4, 0), char_to_ix, rng)
        assert len(endless) == 51 and endless[-1] == 0 and 0 not in endless[:-1]


def test_limited_generator_stops_an_endless_loop_and_draws_like_a_generator():
    rng = LimitedGenerator(3, limit=10)
    assert rng.choice(4, p=[0.25] * 4) == np.random.default_rng(3).choice(4, p=[0.25] * 4)
    with pytest.raises(RuntimeError, match="more than 1000 random draws"):
        for _ in range(20):
            rng.random()


def test_sample_draws_follow_the_model_for_any_drawing_method():
    """The distribution test passes for every correct way of drawing, so no expected string
    depends on the order of random draws."""
    variant = next(a for a in answers.VARIANTS if a.function == "sample").compile()
    for sample in (reference.sample, variant):
        hidden.grade_sample(sample)


# --- loops ------------------------------------------------------------------------------------


def test_reference_cells_are_vectorized_over_the_batch():
    with exercise("loops", quiet=True) as ex:
        for function in (reference.rnn_cell_forward, reference.lstm_cell_forward,
                         reference.lstm_cell_backward):
            ex.expect_no_loops(function, function.__name__)


def test_sequence_functions_loop_over_time_only(monkeypatch):
    """One Python loop per sequence function, over T_x: every step takes the whole batch."""
    rng = np.random.default_rng(0)
    p = hidden.lstm_parameters(rng, 3, 4, 2)
    calls = []
    for name in ("_forward_step", "_backward_step"):
        original = getattr(reference, name)

        def counting_step(*args, _name=name, _original=original):
            calls.append((_name, args[1].shape[1]))  # the batch size of [a_prev; xt; 1], da<t>
            return _original(*args)

        monkeypatch.setattr(reference, name, counting_step)
    caches = reference.lstm_forward_stacked(rng.normal(size=(3, 50, 6)), np.zeros((4, 50)), p)[3]
    reference.lstm_backward_stacked(rng.normal(size=(4, 50, 6)), caches)
    assert calls == [("_forward_step", 50)] * 6 + [("_backward_step", 50)] * 6


# --- the sequence functions equal the loops over the cell functions ---------------------------


def cell_loop_forward(x, a0, parameters):
    """lstm_forward as the loop of lstm_cell_forward the notebook teaches."""
    n_a, (n_y, m, T_x) = a0.shape[0], (parameters["Wy"].shape[0], *x.shape[1:])
    a, c, y = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    a_next, c_next, caches = a0, np.zeros_like(a0), []
    for t in range(T_x):
        a_next, c_next, y[:, :, t], cache = reference.lstm_cell_forward(x[:, :, t], a_next,
                                                                        c_next, parameters)
        a[:, :, t], c[:, :, t] = a_next, c_next
        caches.append(cache)
    return a, y, c, (caches, x)


def cell_loop_backward(da, caches):
    """lstm_backward as the loop of lstm_cell_backward the notebook teaches."""
    cache_list, x = caches
    dx, da_prev, dc_prev = np.zeros_like(x), np.zeros_like(da[:, :, 0]), np.zeros_like(da[:, :, 0])
    totals = {}
    for t in reversed(range(x.shape[2])):
        step = reference.lstm_cell_backward(da[:, :, t] + da_prev, dc_prev, cache_list[t])
        dx[:, :, t], da_prev, dc_prev = step["dxt"], step["da_prev"], step["dc_prev"]
        for key in ("dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo"):
            totals[key] = totals.get(key, 0) + step[key]
    return totals | {"dx": dx, "da0": da_prev}


def assert_equal_to_rounding(actual, expected, rtol=1e-12):
    """Equal up to rounding: the largest difference within rtol of the largest value."""
    assert actual.shape == expected.shape
    assert np.max(np.abs(actual - expected)) <= rtol * max(1.0, np.max(np.abs(expected)))


@pytest.mark.parametrize(("n_x", "n_a", "n_y", "m", "T_x"),
                         [(3, 5, 4, 6, 7), (4, 2, 3, 1, 1), (27, 64, 27, 32, 20)])
def test_sequence_functions_equal_the_loops_over_the_cells(n_x, n_a, n_y, m, T_x):
    rng = np.random.default_rng(n_a)
    p = hidden.lstm_parameters(rng, n_x, n_a, n_y)
    x, a0, da = (rng.normal(size=s) for s in ((n_x, m, T_x), (n_a, m), (n_a, m, T_x)))
    fast, loop = reference.lstm_forward_stacked(x, a0, p), cell_loop_forward(x, a0, p)
    for ours, theirs in zip(fast[:3], loop[:3], strict=True):
        assert_equal_to_rounding(ours, theirs)
    assert len(fast[3][0]) == T_x and fast[3][1] is x
    for ours, theirs in zip(fast[3][0], loop[3][0], strict=True):
        assert len(ours) == 10 and ours[-1] is p
        for entry, expected in zip(ours[:-1], theirs[:-1], strict=True):
            assert_equal_to_rounding(entry, expected)
    expected = cell_loop_backward(da, loop[3])
    for caches in (fast[3], loop[3]):  # it takes any caches of the cell's format
        gradients = reference.lstm_backward_stacked(da, caches)
        assert set(gradients) == set(expected)
        for key, value in expected.items():
            assert_equal_to_rounding(gradients[key], value)


def test_sequence_functions_equal_the_loops_over_the_cells_with_saturated_gates():
    """Gates at exactly 0 and 1 (exp overflows): the output gate 0 makes a<t> 0, and the
    backward pass must not divide by it."""
    rng = np.random.default_rng(5)
    p = hidden.lstm_parameters(rng, 3, 4, 2)
    p["bo"][:2], p["bf"][1:3], p["bi"][::2], p["bc"][::3] = -800.0, 800.0, -800.0, 400.0
    p["bc"][0] = -400.0
    x, a0, da = (rng.normal(size=s) for s in ((3, 5, 6), (4, 5), (4, 5, 6)))
    with np.errstate(over="ignore"):  # the classic sigmoid overflows on its way to 0
        loop = cell_loop_forward(x, a0, p)
        expected = cell_loop_backward(da, loop[3])
    fast = reference.lstm_forward_stacked(x, a0, p)
    ft, cct, ot = (loop[3][0][2][k] for k in (4, 6, 7))  # step 2's gates
    assert np.all(ot[:2] == 0) and np.all(ft[1:3] == 1) and np.all(cct[::3] == [[-1], [1]])
    for ours, theirs in zip(fast[:3], loop[:3], strict=True):
        assert_equal_to_rounding(ours, theirs)
    gradients = reference.lstm_backward_stacked(da, fast[3])
    for key, value in expected.items():
        assert np.all(np.isfinite(gradients[key]))
        assert_equal_to_rounding(gradients[key], value)


def test_sequence_functions_compute_in_float32_for_float32_inputs():
    rng = np.random.default_rng(0)
    p = hidden.lstm_parameters(rng, 5, 8, 3)
    x, a0, da = (rng.normal(size=s) for s in ((5, 4, 6), (8, 4), (8, 4, 6)))
    single = {key: value.astype(np.float32) for key, value in p.items()}
    a, y, c, caches = reference.lstm_forward_stacked(x.astype(np.float32),
                                                     a0.astype(np.float32), single)
    gradients = reference.lstm_backward_stacked(da.astype(np.float32), caches)
    dtypes = {a.dtype, y.dtype, c.dtype} | {g.dtype for g in gradients.values()}
    assert dtypes == {np.dtype(np.float32)}
    a64, _, _, caches64 = cell_loop_forward(x, a0, p)
    np.testing.assert_allclose(a, a64, atol=1e-5)
    expected = cell_loop_backward(da, caches64)
    for key, value in expected.items():
        np.testing.assert_allclose(gradients[key], value, rtol=1e-4, atol=1e-4)


# --- data -------------------------------------------------------------------------------------


def test_names_are_split_once_and_clean():
    train, valid = load_names()
    assert (len(train), len(valid)) == (4647, 516)
    assert not set(train) & set(valid)
    assert all(set(name) <= set(string.ascii_lowercase) and 2 <= len(name) <= 11
               for name in train + valid)
    assert len(set(train)) == len(train)


def test_hamlet_loads_as_one_string():
    text = load_text()
    assert len(text) == 175176 and len(set(text)) == 66
    assert "To be, or not to be" in text


def test_text_files_are_in_the_checksums():
    sums = checksums(DEFAULT_ROOT)
    for name in ("text/names_train.txt", "text/names_valid.txt", "text/hamlet.txt"):
        digest = hashlib.sha256((DEFAULT_ROOT / name).read_bytes()).hexdigest()
        assert sums[name] == digest
