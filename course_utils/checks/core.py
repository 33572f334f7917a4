"""The machinery behind every visible check and hidden test.

A check calls a student's function on a known input, compares what came back
with what was expected, and says in words what differs:

    PASS sigmoid (4 checks)
    FAIL sigmoid(np.array([1, 2, 3])): expected shape (3,), got (3, 1)

A failure raises `CheckFailure`, an `AssertionError`, so nbgrader scores the
cell 0; Jupyter shows only the message, never a traceback into this module.
"""

from __future__ import annotations

import ast
import copy
import inspect
import math
import numbers
import textwrap
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

# Bound once, at import: a student's function that replaces `np.isclose` while a
# check runs cannot change what the check compares with.
_isclose = np.isclose
_array_equal = np.array_equal
_argwhere = np.argwhere
_asarray = np.asarray
_ndim = np.ndim
_math_isclose = math.isclose

_PACKAGE_ROOTS = (
    str(Path(__file__).resolve().parents[1]),  # course_utils
    str(Path(__file__).resolve().parents[2] / "autograder"),
    str(Path(np.__file__).resolve().parent),
)


class CheckFailure(AssertionError):
    """A check that failed. Its message says what was expected and what came back."""

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of printing a traceback.
        return [f"FAIL {self}"]


def describe(value: Any) -> str:
    """A short description of a value's kind: `a NumPy array of shape (3, 1)`, `a float`."""
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return f"a 0-d NumPy array ({value.dtype})"
        return f"a NumPy array of shape {value.shape}"
    if value is None:
        return "None (did you forget to `return`?)"
    if isinstance(value, bool | np.bool_):
        return f"a boolean ({value})"
    if isinstance(value, np.generic):
        return f"a NumPy scalar ({value.dtype})"
    return f"a {type(value).__name__}"


def fmt(value: Any) -> str:
    """A compact, readable rendering of a number or a small array."""
    if isinstance(value, np.ndarray) and value.ndim > 0:
        if value.size > 12:
            return f"array of shape {value.shape}"
        return np.array2string(value, precision=8, separator=", ").replace("\n", "")
    if isinstance(value, numbers.Real) or (isinstance(value, np.ndarray) and value.ndim == 0):
        return f"{float(value):.10g}"
    return repr(value)


def _student_line(tb) -> str:
    """Where in the student's own code an exception was raised, as ` (line N: `code`)`."""
    frames = [f for f in traceback.extract_tb(tb) if not f.filename.startswith(_PACKAGE_ROOTS)]
    if not frames or not frames[-1].line:
        return ""
    frame = frames[-1]
    return f" in {frame.name}, line {frame.lineno}: `{frame.line.strip()}`"


class Exercise:
    """The checks of one graded function. Use through `exercise(name)`."""

    def __init__(self, name: str):
        self.name = name
        self.count = 0
        self.warnings: list[str] = []

    def fail(self, call: str, message: str) -> None:
        raise CheckFailure(f"{call}: {message}") from None

    def call(self, func: Callable, *args: Any, label: str, pure: bool = True) -> Any:
        """Call `func(*args)` as a student wrote it and return its result.

        The student gets copies of the arguments. An exception becomes a
        `CheckFailure` that names the call and the student's line; with `pure`,
        changing an argument in place fails too.
        """
        if not callable(func):
            self.fail(label, f"`{self.name}` is {describe(func)}, not a function")
        student_args = copy.deepcopy(args)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = func(*student_args)
            except NotImplementedError:
                self.fail(label, "not implemented yet: replace `raise NotImplementedError()` "
                                 "with your code")
            except Exception as error:  # noqa: BLE001 - any student error becomes a message
                self.fail(label, f"raised {type(error).__name__}: {error}"
                                 f"{_student_line(error.__traceback__)}")
        self.warnings = [str(w.message) for w in caught]
        if pure:
            for position, (given, kept) in enumerate(zip(student_args, args, strict=True)):
                if not _same(given, kept):
                    self.fail(label, f"changed its argument number {position + 1} in place; "
                                     "compute a new value instead of modifying the input")
        return result

    def _with_warnings(self, message: str) -> str:
        if not self.warnings:
            return message
        return f"{message} (NumPy warned: {self.warnings[0]})"

    def expect_scalar(self, actual: Any, expected: float, call: str, *,
                      rtol: float = 1e-7, atol: float = 1e-9) -> None:
        """A real number: a Python float or int, a NumPy scalar or a 0-d array."""
        self.count += 1
        if isinstance(actual, np.ndarray) and actual.ndim > 0:
            self.fail(call, f"expected a single number, got an array of shape {actual.shape}"
                            " (a float, a NumPy scalar or a 0-d array are all fine)")
        if isinstance(actual, bool | np.bool_) or not (
                isinstance(actual, numbers.Real | np.ndarray | np.generic)):
            self.fail(call, f"expected a number, got {describe(actual)}")
        try:
            value = float(actual)
        except (TypeError, ValueError):
            self.fail(call, f"expected a number, got {describe(actual)}")
        if not _math_isclose(value, expected, rel_tol=rtol, abs_tol=atol):
            self.fail(call, self._with_warnings(f"expected {fmt(expected)}, got {fmt(value)}"))

    def expect_array(self, actual: Any, expected: np.ndarray, call: str, *,
                     rtol: float = 1e-7, atol: float = 1e-9) -> None:
        """An array of the expected shape, floating point when expected is, close in value."""
        self.count += 1
        expected = _asarray(expected)
        if not isinstance(actual, np.ndarray):
            self.fail(call, f"expected a NumPy array of shape {expected.shape}, "
                            f"got {describe(actual)}")
        if actual.shape != expected.shape:
            self.fail(call, f"expected shape {expected.shape}, got {actual.shape}")
        if expected.dtype.kind == "f" and actual.dtype.kind not in "fc":
            self.fail(call, f"expected floating-point values, got dtype {actual.dtype}")
        if actual.dtype.kind not in "biufc":
            self.fail(call, f"expected numbers, got dtype {actual.dtype}")
        bad = ~_isclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True)
        if bad.any():
            index = tuple(int(i) for i in _argwhere(bad)[0])
            where = index if len(index) != 1 else f"({index[0]},)"
            detail = (f"wrong values in {int(bad.sum())} of {bad.size} entries; "
                      f"at index {where} expected {fmt(expected[index])}, "
                      f"got {fmt(actual[index])}")
            if expected.size <= 12:
                detail += f". Expected {fmt(expected)}, got {fmt(actual)}"
            self.fail(call, self._with_warnings(detail))

    def expect_dict(self, actual: Any, expected: dict, call: str, **tolerance) -> None:
        """A dict with the expected keys; each value checked as a number or an array."""
        if not isinstance(actual, dict):
            self.fail(call, f"expected a dict with keys {sorted(expected)}, got {describe(actual)}")
        missing = [key for key in expected if key not in actual]
        if missing:
            self.fail(call, f"the result has no key {missing[0]!r} (keys: {sorted(actual)})")
        for key, value in expected.items():
            if _ndim(value) == 0:
                self.expect_scalar(actual[key], float(value), f"{call}[{key!r}]", **tolerance)
            else:
                self.expect_array(actual[key], value, f"{call}[{key!r}]", **tolerance)

    def expect_no_loops(self, func: Callable, call: str) -> None:
        """The function's own source has no `for`/`while` loop and no comprehension."""
        self.count += 1
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
        except (OSError, TypeError, SyntaxError):
            self.fail(call, "cannot read the source of this function to check it has no loops")
        loops = (ast.For, ast.While, ast.AsyncFor, ast.ListComp, ast.SetComp, ast.DictComp,
                 ast.GeneratorExp)
        for node in ast.walk(tree):
            if isinstance(node, loops):
                line = func.__code__.co_firstlineno + node.lineno - 1
                self.fail(call, f"must be vectorized, but has a Python loop "
                                f"({type(node).__name__}) at line {line}")

    def expect_true(self, condition: bool, call: str, message: str) -> None:
        """A property that must hold, with the message to show when it does not."""
        self.count += 1
        if not condition:
            self.fail(call, message)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                and a.shape == b.shape and bool(_array_equal(a, b, equal_nan=True)))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - incomparable objects count as changed
        return False


@contextmanager
def exercise(name: str, quiet: bool = False) -> Iterator[Exercise]:
    """Run the checks of one graded function and print `PASS name (N checks)` at the end."""
    ex = Exercise(name)
    yield ex
    if not quiet:
        print(f"PASS {name} ({ex.count} checks)")
