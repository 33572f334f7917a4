"""The check machinery: what it accepts, what it rejects, and the words it uses."""

import numpy as np
import pytest

from course_utils.checks.core import CheckFailure, describe, exercise


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
