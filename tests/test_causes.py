"""An undefined function whose answer cell failed: the NameError says so, with the cell's
error and line, in a check's message and in the notebook's own traceback."""

import numpy as np
import pytest
from IPython.core.interactiveshell import InteractiveShell

from course_utils.checks import causes
from course_utils.checks.core import CheckFailure, exercise

BROKEN = "def pool_backward(dA, cache, mode='max'):\n    for h in range(3)\n        pass\n"


@pytest.fixture
def shell():
    shell = InteractiveShell.instance()
    causes.install(shell)
    yield shell
    causes._failed.clear()


def run(shell, source):
    with pytest.MonkeyPatch.context() as patch:
        shown = []
        patch.setattr(shell, "showtraceback",
                      lambda exc_tuple=None, **_: shown.append(exc_tuple), raising=True)
        result = shell.run_cell(source, store_history=False)
    return result, shown


def test_a_name_error_names_the_failed_cell(shell):
    run(shell, BROKEN)
    result, shown = run(shell, "pool_backward(1, 2)")
    assert isinstance(result.error_in_exec, NameError)
    (_, value, _), = shown
    assert "the cell that defines it failed: SyntaxError: expected ':' (line 2: " \
           "`for h in range(3)`)" in str(value)


def test_an_exception_while_the_cell_runs_is_named_with_its_line(shell):
    run(shell, "import numpy as np\nx = np.float(1)\ndef sigmoid(z):\n    return z\n")
    _, shown = run(shell, "sigmoid(1)")
    (_, value, _), = shown
    assert "failed: AttributeError: module 'numpy' has no attribute 'float'" in str(value)
    assert "(line 2: `x = np.float(1)`)" in str(value)


def test_the_cause_is_forgotten_once_the_cell_runs(shell):
    run(shell, BROKEN)
    run(shell, "def pool_backward(dA, cache, mode='max'):\n    return dA\n")
    result, shown = run(shell, "pool_backward(1, 2)")
    assert result.error_in_exec is None and not shown
    _, shown = run(shell, "undefined_name")
    (_, value, _), = shown
    assert str(value) == "name 'undefined_name' is not defined"


def test_a_check_says_why_a_helper_is_undefined(shell):
    run(shell, "def create_mask_from_window(x):\n    return x ==\n")
    namespace = {"np": np}
    exec("def pool_backward(dA, cache, mode='max'):\n"  # noqa: S102
         "    return create_mask_from_window(dA)\n", namespace)
    with exercise("pool_backward", quiet=True) as ex, pytest.raises(CheckFailure) as failure:
        ex.call(namespace["pool_backward"], np.ones((2, 2)), None, label="pool_backward(dA)")
    assert "raised NameError" in str(failure.value)
    assert "\n`create_mask_from_window` is not defined because the cell that defines it " \
           "failed: SyntaxError" in str(failure.value)
