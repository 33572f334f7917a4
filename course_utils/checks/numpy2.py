"""What changed from NumPy 1 to NumPy 2, for the errors it causes in code that used to run.

Code written for NumPy 1.x (the classic course's, a tutorial's, a student's from a
previous course) can fail on NumPy 2 with NumPy's own message, which does not say
that the library changed, nor what to write instead. `hint_for(error)` recognises
such an error and returns one line that says both; `Exercise.call` adds it to the
check's message:

    FAIL conv_single_step(a_slice_prev, W, b): raised TypeError: only 0-dimensional
    arrays can be converted to Python scalars in conv_single_step, line 3: `...`
    A NumPy 1 -> 2 change: `float(x)`, `int(x)` and `math` functions now take only a ...

Each entry of `CHANGES` holds an expression that raises the error on NumPy 2
(`example`); the tests evaluate it and check that the entry recognises the error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One NumPy 1 -> 2 change: the error it causes and the line that explains it.

    error -- the exception type NumPy 2 raises
    pattern -- a regular expression its message matches
    hint -- the added line: what changed and what to write instead
    example -- an expression (with `np` and `a`, a (1, 1, 1) float array) that raises it
    """

    error: type[BaseException]
    pattern: str
    hint: str
    example: str

    def matches(self, error: BaseException) -> bool:
        return isinstance(error, self.error) and re.search(self.pattern, str(error)) is not None


def _removed(name: str, instead: str, since: str = "in NumPy 2.0") -> Change:
    """A name removed from the `np` namespace, with what to use instead."""
    return Change(
        AttributeError,
        rf"(module 'numpy' has no attribute '{re.escape(name)}'"
        rf"|`np\.{re.escape(name)}` was removed)",
        f"A NumPy 1 -> 2 change: `np.{name}` was removed {since}; write {instead}.",
        f"np.{name}")


def _removed_method(name: str, instead: str, since: str = "in NumPy 2.0") -> Change:
    """An ndarray method removed in NumPy 2.0."""
    return Change(
        AttributeError,
        rf"'numpy\.ndarray' object has no attribute '{re.escape(name)}'",
        f"A NumPy 1 -> 2 change: the array method `.{name}()` was removed {since}; "
        f"write {instead}.",
        f"a.{name}")


LATER = "after a deprecation in NumPy 2"
CHANGES: list[Change] = [
    Change(
        TypeError,
        r"only (0-dimensional|length-1|size-1) arrays can be converted to Python scalars",
        "A NumPy 1 -> 2 change: `float(x)`, `int(x)` and `math` functions now take only a "
        "number or a 0-d array, where NumPy 1 also took an array holding one number, such as a "
        "(1, 1, 1) bias: write `x.item()`, `float(x[0, 0, 0])` or `float(np.squeeze(x))`; on "
        "an array of several numbers, use NumPy's own functions (`np.exp(x)`).",
        "float(a)"),
    _removed("float", "`float` (or `np.float64`)", since="in NumPy 1.24"),
    _removed("int", "`int` (or `np.int64`)", since="in NumPy 1.24"),
    _removed("object", "`object`", since="in NumPy 1.24"),
    _removed("str", "`str` (or `np.str_`)", since="in NumPy 1.24"),
    _removed("complex", "`complex` (or `np.complex128`)", since="in NumPy 1.24"),
    _removed("unicode", "`str`", since="in NumPy 1.24"),
    _removed("bool8", "`np.bool_` (or `bool`)"),
    _removed("float_", "`np.float64`"),
    _removed("complex_", "`np.complex128`"),
    _removed("string_", "`np.bytes_`"),
    _removed("unicode_", "`np.str_`"),
    _removed("NaN", "`np.nan`"),
    _removed("NAN", "`np.nan`"),
    _removed("Inf", "`np.inf`"),
    _removed("Infinity", "`np.inf`"),
    _removed("infty", "`np.inf`"),
    _removed("PINF", "`np.inf`"),
    _removed("NINF", "`-np.inf`"),
    _removed("product", "`np.prod`"),
    _removed("cumproduct", "`np.cumprod`"),
    _removed("alltrue", "`np.all`"),
    _removed("sometrue", "`np.any`"),
    _removed("round_", "`np.round`"),
    _removed("asscalar", "`x.item()`", since="in NumPy 1.23"),
    _removed("in1d", "`np.isin`", since=LATER),
    _removed("trapz", "`np.trapezoid`", since=LATER),
    _removed("msort", "`np.sort(x, axis=0)`"),
    _removed_method("ptp", "`np.ptp(x)` (or `x.max() - x.min()`)"),
    _removed_method("itemset", "`x[index] = value`"),
    _removed_method("tostring", "`x.tobytes()`", since=LATER),
    _removed_method("newbyteorder", "`x.view(x.dtype.newbyteorder())`"),
    Change(
        ValueError,
        r"Unable to avoid copy while creating an array",
        "A NumPy 1 -> 2 change: `np.array(x, copy=False)` now means 'never copy' and fails "
        "when a copy is needed; write `np.asarray(x)`, which copies only when it must.",
        "np.array([1, 2], copy=False)"),
    Change(
        OverflowError,
        r"Python integer -?\d+ out of bounds for u?int\d+",
        "A NumPy 1 -> 2 change: a Python number no longer widens a small integer array's "
        "dtype (uint8 + 300 stays uint8 and fails); convert first, e.g. "
        "`x.astype(np.int64) + 300` or `x / 255.0` for pixels.",
        "np.zeros(2, dtype=np.uint8) + 300"),
]


def hint_for(error: BaseException) -> str | None:
    """The line that explains `error` as a NumPy 1 -> 2 change, or None."""
    for change in CHANGES:
        if change.matches(error):
            return change.hint
    return None
