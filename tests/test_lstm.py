"""06_lstm: gradient checks of the backward passes (the reference passes, wrong backprops are
caught), properties of the sample checks, loops, and the text data and its loaders."""

import hashlib
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


def gradcheck_errors(check, backward, forward, seed=0):
    with exercise("gradient check", quiet=True) as ex:
        return check(ex, backward, forward, seed)


# --- gradient checks --------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reference_cell_backward_passes_the_gradient_check_by_far(seed):
    errors = gradcheck_errors(hidden.gradcheck_lstm_cell_backward, reference.lstm_cell_backward,
                              reference.lstm_cell_forward, seed)
    assert set(errors) == {"xt", "a_prev", "c_prev", "Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo",
                           "bo"}
    assert max(errors.values()) < 1e-8


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_reference_backward_through_time_passes_the_gradient_check_by_far(seed):
    errors = gradcheck_errors(hidden.gradcheck_lstm_backward, reference.lstm_backward,
                              reference.lstm_forward, seed)
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
                         mistake("lstm_cell_backward", name).compile(),
                         reference.lstm_cell_forward)
    assert message in str(failure.value)


@pytest.mark.parametrize(("name", "message"), BACKPROP_THROUGH_TIME_BUGS)
def test_wrong_backprop_through_time_fails_the_gradient_check(name, message):
    with pytest.raises(CheckFailure, match="gradient check") as failure:
        gradcheck_errors(hidden.gradcheck_lstm_backward, mistake("lstm_backward", name).compile(),
                         reference.lstm_forward)
    assert message in str(failure.value)


def test_the_relative_error_of_a_wrong_backprop_is_large():
    """Not a near miss: a wrong backprop is off by far more than the 1e-7 threshold."""
    with pytest.raises(CheckFailure, match=r"relative error (\d\.\d+e-0[1-3])"):
        gradcheck_errors(hidden.gradcheck_lstm_backward,
                         mistake("lstm_backward", "forward in time").compile(),
                         reference.lstm_forward)


def test_gradient_check_uses_the_students_forward_only_when_it_is_right():
    calls = []

    def spy_forward(*args):
        calls.append(1)
        return reference.lstm_cell_forward(*args)

    gradcheck_errors(hidden.gradcheck_lstm_cell_backward, reference.lstm_cell_backward,
                     spy_forward)
    assert len(calls) > 100  # every nudge of the numerical gradient ran the student's forward

    wrong_forward = mistake("lstm_cell_forward", "tanh of the memory forgotten").compile()
    # a forward mistake is graded in its own cell; the backward pass keeps its points
    errors = gradcheck_errors(hidden.gradcheck_lstm_cell_backward,
                              reference.lstm_cell_backward, wrong_forward)
    assert max(errors.values()) < 1e-8


def test_hidden_backward_grading_accepts_the_students_forward():
    hidden.grade_lstm_cell_backward(reference.lstm_cell_backward, reference.lstm_cell_forward)
    hidden.grade_lstm_backward(reference.lstm_backward, reference.lstm_forward)


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
    """One Python loop per sequence function, over T_x: the batch is vectorized."""
    rng = np.random.default_rng(0)
    p = hidden.lstm_parameters(rng, 3, 4, 2)
    calls = []
    original = reference.lstm_cell_forward

    def counting_cell(*args):
        calls.append(args[0].shape)
        return original(*args)

    monkeypatch.setattr(reference, "lstm_cell_forward", counting_cell)
    reference.lstm_forward(rng.normal(size=(3, 50, 6)), np.zeros((4, 50)), p)
    assert calls == [(3, 50)] * 6


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
