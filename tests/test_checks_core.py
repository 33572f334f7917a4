"""The check machinery: what it accepts, what it rejects, and the words it uses."""

import itertools

import numpy as np
import pytest

from course_utils.checks.core import CheckFailure, FilterSource, describe, exercise


def expect_failure(body, message):
    with pytest.raises(CheckFailure) as failure, exercise("f", quiet=True) as ex:
        body(ex)
    assert str(failure.value) == message
    return failure.value


@pytest.mark.parametrize("value", [0.5, np.float64(0.5), np.float32(0.5), np.array(0.5), 1 / 2])
def test_scalar_accepts_float_numpy_scalar_and_0d_array(value, capsys):
    with exercise("f") as ex:
        ex.expect_scalar(value, 0.5, "f(0)")
    assert capsys.readouterr().out == "PASS f (1 checks)\n"


def test_scalar_rejects_array_of_one_element():
    expect_failure(lambda ex: ex.expect_scalar(np.array([[0.5]]), 0.5, "f(0)"),
                   "f(0): expected a single number, got an array of shape (1, 1) "
                   "(a float, a NumPy scalar or a 0-d array are all fine)")


def test_scalar_rejects_wrong_value_and_none():
    expect_failure(lambda ex: ex.expect_scalar(0.25, 0.5, "f(0)"), "f(0): expected 0.5, got 0.25")
    expect_failure(lambda ex: ex.expect_scalar(None, 0.5, "f(0)"),
                   "f(0): expected a number, got None (did you forget to `return`?)")


def test_array_reports_shape_in_the_documented_words():
    failure = expect_failure(
        lambda ex: ex.expect_array(np.zeros((3, 1)), np.zeros(3), "sigmoid(np.array([1, 2, 3]))"),
        "sigmoid(np.array([1, 2, 3])): expected shape (3,), got (3, 1)")
    assert failure._render_traceback_() == [
        "FAIL sigmoid(np.array([1, 2, 3])): expected shape (3,), got (3, 1)"]


def test_array_reports_dtype_kind_and_first_wrong_value():
    expect_failure(lambda ex: ex.expect_array(np.array([1, 2]), np.array([1.0, 2.0]), "g()"),
                   "g(): expected floating-point values, got dtype int64")
    expect_failure(lambda ex: ex.expect_array(np.array([1.0, 2.5]), np.array([1.0, 2.0]), "g()"),
                   "g(): wrong values in 1 of 2 entries; at index (1,) expected 2, got 2.5. "
                   "Expected [1., 2.], got [1. , 2.5]")
    expect_failure(lambda ex: ex.expect_array([1.0, 2.0], np.array([1.0, 2.0]), "g()"),
                   "g(): expected a NumPy array of shape (2,), got a list")


def test_array_tolerance_accepts_rounding_differences():
    with exercise("f", quiet=True) as ex:
        ex.expect_array(np.array([1.0 + 1e-12, 2.0]), np.array([1.0, 2.0]), "g()")
        ex.expect_array(np.array([1.0, np.nan]), np.array([1.0, np.nan]), "g()")


def test_call_turns_not_implemented_into_a_message():
    def stub(x):
        raise NotImplementedError()

    expect_failure(lambda ex: ex.call(stub, 1, label="f(1)"),
                   "f(1): not implemented yet: replace `raise NotImplementedError()` "
                   "with your code")


def test_call_names_the_exception_and_the_students_line():
    def broken(x):
        return x + undefined_name  # noqa: F821

    expect_failure(lambda ex: ex.call(broken, 1, label="f(1)"),
                   "f(1): raised NameError: name 'undefined_name' is not defined in broken, "
                   f"line {broken.__code__.co_firstlineno + 1}: "
                   "`return x + undefined_name  # noqa: F821`")


def test_call_rejects_a_function_that_changes_its_input():
    def in_place(x):
        x *= 2
        return x

    expect_failure(lambda ex: ex.call(in_place, np.ones(2), label="f(x)"),
                   "f(x): changed its argument number 1 in place; compute a new value "
                   "instead of modifying the input")
    with exercise("f", quiet=True) as ex:
        assert ex.call(in_place, np.ones(2), label="f(x)", pure=False).tolist() == [2.0, 2.0]


def test_call_keeps_warnings_off_stderr_and_reports_them_on_failure(capsys):
    def noisy(x):
        return np.exp(np.array([1000.0]))

    with exercise("f", quiet=True) as ex:
        result = ex.call(noisy, 1, label="f(1)")
    assert capsys.readouterr().err == ""
    expect_failure(lambda ex: (ex.call(noisy, 1, label="f(1)"),
                               ex.expect_array(result, np.array([1.0]), "f(1)")),
                   "f(1): wrong values in 1 of 1 entries; at index (0,) expected 1, got inf. "
                   "Expected [1.], got [inf] (NumPy warned: overflow encountered in exp)")


def test_call_rejects_something_that_is_not_a_function():
    expect_failure(lambda ex: ex.call(None, 1, label="f(1)"),
                   "f(1): `f` is None (did you forget to `return`?), not a function")


def test_describe():
    assert describe(np.zeros((2, 3))) == "a NumPy array of shape (2, 3)"
    assert describe(np.array(1.0)) == "a 0-d NumPy array (float64)"
    assert describe(3.0) == "a float"


def test_dict_checks_keys_then_values():
    expected = {"w": np.zeros((2, 1)), "b": 0.0}
    with exercise("f", quiet=True) as ex:
        ex.expect_dict({"w": np.zeros((2, 1)), "b": np.array(0.0)}, expected, "init(2)")
    expect_failure(lambda ex: ex.expect_dict({"w": np.zeros((2, 1))}, expected, "init(2)"),
                   "init(2): the result has no key 'b' (keys: ['w'])")
    expect_failure(lambda ex: ex.expect_dict({"w": np.zeros((1, 2)), "b": 0}, expected, "init(2)"),
                   "init(2)['w']: expected shape (2, 1), got (1, 2)")
    expect_failure(lambda ex: ex.expect_dict([1], expected, "init(2)"),
                   "init(2): expected a dict with keys ['b', 'w'], got a list")


def vectorized(x):
    return np.sum(x * x)


def looping(x):
    total = 0.0
    for value in x:
        total += value * value
    return total


def comprehending(x):
    return sum([value * value for value in x])


def test_no_loops_inspects_the_source():
    with exercise("f", quiet=True) as ex:
        ex.expect_no_loops(vectorized, "vectorized")
    expect_failure(lambda ex: ex.expect_no_loops(looping, "looping"),
                   "looping: must be vectorized, but has a Python loop (For) at line "
                   f"{looping.__code__.co_firstlineno + 2}")
    expect_failure(lambda ex: ex.expect_no_loops(comprehending, "comprehending"),
                   "comprehending: must be vectorized, but has a Python loop (ListComp) at line "
                   f"{comprehending.__code__.co_firstlineno + 1}")


# --- loops over a convolution's filter offsets -----------------------------------------------

def over_offsets(A_prev, W, b, hparameters):
    (f, f, n_C_prev, n_C) = W.shape
    total = 0.0
    for i in range(f):
        for j in range(f):
            total += W[i, j].sum()
    return total


def over_offsets_written_otherwise(A_prev, W, b, hparameters):
    kh, kw = W.shape[:2]
    for _i, _j in itertools.product(range(kh), range(kw)):
        pass
    for _k in range(len(W) ** 2):
        pass
    for _i, _j in np.ndindex(kh, kw):
        pass
    for _i in range(0, W.shape[1]):
        pass


def backward_over_offsets(dZ, cache):
    A_prev, filters, b, hparameters = cache
    f = filters.shape[1]
    for _i, _j in itertools.product(range(f), repeat=2):
        pass
    for _i in range(cache[1].shape[0]):
        pass


def over_examples(A_prev, W, b, hparameters):
    for _example in A_prev:
        pass


def over_channels(A_prev, W, b, hparameters):
    for _c in range(W.shape[3]):
        pass


def over_a_size_rebound(A_prev, W, b, hparameters):
    f = W.shape[0]
    f = f * A_prev.shape[0]
    for _i in range(f):
        pass


def over_rebound_filters(A_prev, W, b, hparameters):
    W = A_prev
    for _i in range(W.shape[0]):
        pass


def with_a_while(A_prev, W, b, hparameters):
    f, i = W.shape[0], 0
    while i < f:
        i += 1


def with_a_comprehension(A_prev, W, b, hparameters):
    return sum([W[i].sum() for i in range(W.shape[0])])


FORWARD, BACKWARD = FilterSource(argument=1), FilterSource(argument=1, item=1)


@pytest.mark.parametrize(("function", "filters"), [
    (over_offsets, FORWARD), (over_offsets_written_otherwise, FORWARD),
    (backward_over_offsets, BACKWARD)])
def test_loops_over_the_filter_offsets_are_allowed_when_asked(function, filters):
    with exercise("f", quiet=True) as ex:
        ex.expect_no_loops(function, "f", filters=filters)
    with pytest.raises(CheckFailure, match="has a Python loop"), exercise("f", quiet=True) as ex:
        ex.expect_no_loops(function, "f")


@pytest.mark.parametrize(("function", "kind", "line"), [
    (over_examples, "For", 1), (over_channels, "For", 1), (over_a_size_rebound, "For", 3),
    (over_rebound_filters, "For", 2), (with_a_while, "While", 2),
    (with_a_comprehension, "ListComp", 1)])
def test_other_loops_are_refused_with_the_rule_in_words(function, kind, line):
    line += function.__code__.co_firstlineno
    expect_failure(
        lambda ex: ex.expect_no_loops(function, "f", filters=FORWARD),
        f"f: must be vectorized, but has a Python loop ({kind}) at line {line}. Here loops are "
        "allowed over the filter offsets only: `for i in range(f)` and `for j in range(f)` "
        "nested, or `for i, j in itertools.product(range(f), repeat=2)`, with f read from the "
        "filters' shape (f = W.shape[0]). Such a loop runs f * f times whatever the number of "
        "examples or the image size; a loop over the examples, the output positions or the "
        "channels is not allowed, nor a `while` loop or a comprehension")


def backward_over_channels(dZ, cache):
    A_prev, filters, b, hparameters = cache
    for _c in range(filters.shape[3]):
        pass


def test_the_filters_are_found_where_the_caller_says_and_named_as_the_student_does():
    with pytest.raises(CheckFailure, match="has a Python loop"), exercise("f", quiet=True) as ex:
        ex.expect_no_loops(backward_over_offsets, "f", filters=FORWARD)  # cache is no filter
    with pytest.raises(CheckFailure, match=r"\(f = filters.shape\[0\]\)"), \
            exercise("f", quiet=True) as ex:
        ex.expect_no_loops(backward_over_channels, "f", filters=BACKWARD)


def test_call_passes_optional_arguments_by_keyword():
    def train(X, print_cost=False, learning_rate=0.1):
        return learning_rate

    with exercise("train", quiet=True) as ex:
        assert ex.call(train, 1, label="train", kwargs={"learning_rate": 0.5}) == 0.5


def test_call_binds_helpers_for_the_call_only():
    namespace = {}
    exec("def helper(x):\n    return -1\n\ndef caller(x):\n    return helper(x) + 1\n", namespace)
    caller = namespace["caller"]
    with exercise("caller", quiet=True) as ex:
        assert ex.call(caller, 3, label="caller", helpers={"helper": lambda x: x}) == 4
    assert caller(3) == 0


def test_call_restores_helpers_when_the_function_raises():
    namespace = {}
    exec("def caller(x):\n    return helper(x) / 0\n", namespace)
    with exercise("caller", quiet=True) as ex, pytest.raises(CheckFailure, match="ZeroDivision"):
        ex.call(namespace["caller"], 3, label="caller", helpers={"helper": lambda x: x})
    assert "helper" not in namespace


def test_call_fails_a_keyword_argument_changed_in_place():
    def scale(X, factors=None):
        factors *= 2
        return X

    with exercise("scale", quiet=True) as ex, pytest.raises(CheckFailure, match="`factors`"):
        ex.call(scale, 1, label="scale", kwargs={"factors": np.ones(2)})
