"""NumPy 1 -> 2 hints: every entry recognises the error NumPy 2 really raises, and a check
that catches such an error from a student's function adds the entry's line."""

import numpy as np
import pytest

from course_utils.checks.core import CheckFailure, exercise
from course_utils.checks.numpy2 import CHANGES, hint_for


@pytest.mark.filterwarnings("ignore:In the future:FutureWarning")
@pytest.mark.parametrize("change", CHANGES, ids=[c.example for c in CHANGES])
def test_each_change_recognises_the_error_numpy_raises(change):
    a = np.ones((1, 1, 1))
    with pytest.raises(change.error) as raised:
        eval(change.example, {"np": np, "a": a})  # noqa: S307 - the table's own examples
    assert hint_for(raised.value) == change.hint
    assert sum(c.matches(raised.value) for c in CHANGES) == 1, "one entry per error"


@pytest.mark.filterwarnings("ignore:In the future:FutureWarning")
@pytest.mark.parametrize("change", CHANGES, ids=[c.example for c in CHANGES])
def test_a_check_adds_the_line_to_the_students_error(change):
    namespace = {"np": np}
    exec(f"def bias_of(a):\n    return {change.example}\n", namespace)  # noqa: S102
    with exercise("bias_of", quiet=True) as ex, pytest.raises(CheckFailure) as failure:
        ex.call(namespace["bias_of"], np.ones((1, 1, 1)), label="bias_of(b)")
    message = str(failure.value)
    assert message.endswith("\n" + change.hint)
    assert f"raised {change.error.__name__}" in message
    assert message.count("\n") == 1, "NumPy's own long explanation is cut to its first line"


def test_other_errors_get_no_numpy_line():
    assert hint_for(TypeError("unsupported operand type(s) for +: 'int' and 'str'")) is None
    assert hint_for(AttributeError("module 'numpy' has no attribute 'softmax'")) is None
    assert hint_for(AttributeError("module 'numpy' has no attribute 'float64x'")) is None
    assert hint_for(ValueError("operands could not be broadcast together")) is None


def test_the_conversion_hint_names_the_fixes():
    hint = hint_for(TypeError("only 0-dimensional arrays can be converted to Python scalars"))
    assert "`x.item()`" in hint and "np.squeeze" in hint and "float(x[0, 0, 0])" in hint
