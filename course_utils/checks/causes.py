"""Why a function is not defined: the answer cell that defines it failed.

When an answer cell fails (a `SyntaxError`, an exception while it runs), the function
it defines does not exist, and the check cell below says only
`NameError: name 'pool_backward' is not defined`; the real cause is further up the
page. Imported in a notebook (every check module imports this one), this module
remembers the cells that failed and the names of the functions they define, and
adds the cause to that `NameError`:

    NameError: name 'pool_backward' is not defined. It is not defined because the cell
    that defines it failed: SyntaxError: invalid syntax (line 7: `for h in range(n_H)`).
    Fix that cell, run it, then run this one again.

The same sentence is added when a check calls a function that calls an undefined one
(see `core.raised`). Outside IPython nothing is installed and nothing is explained.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass

_DEFINITION = re.compile(r"^\s*def\s+([A-Za-z_]\w*)\s*\(", re.MULTILINE)


@dataclass(frozen=True)
class FailedCell:
    """What went wrong in an answer cell, in words: `SyntaxError: ... (line 7: `...`)`."""

    error: str


_failed: dict[str, FailedCell] = {}  # function name -> the failed cell that defines it
_namespace: dict | None = None  # the notebook's globals, once installed


def _where(error: BaseException) -> str:
    """` (line N: `code`)` in the cell, when known."""
    if isinstance(error, SyntaxError) and error.lineno:
        text = (error.text or "").strip()
        return f" (line {error.lineno}: `{text}`)" if text else f" (line {error.lineno})"
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if "IPython" not in f.filename and "ipykernel" not in f.filename]
    if frames and frames[0].lineno:
        line = (frames[0].line or "").strip()
        return f" (line {frames[0].lineno}: `{line}`)" if line else f" (line {frames[0].lineno})"
    return ""


def record_cell(source: str, error: BaseException | None, namespace: dict) -> None:
    """After a cell ran: remember the functions it should have defined and did not."""
    for name in _DEFINITION.findall(source):
        if error is not None and name not in namespace:
            message = str(error.msg if isinstance(error, SyntaxError) else error)
            _failed[name] = FailedCell(f"{type(error).__name__}: {message}{_where(error)}")
        else:
            _failed.pop(name, None)


def explain_undefined(error: BaseException, namespace: dict | None = None) -> str | None:
    """Why the name of a `NameError` is undefined, when a failed cell defines it; else None."""
    namespace = _namespace if namespace is None else namespace
    name = getattr(error, "name", None)
    if not isinstance(error, NameError) or name not in _failed:
        return None
    if namespace is not None and name in namespace:
        return None
    return (f"`{name}` is not defined because the cell that defines it failed: "
            f"{_failed[name].error}. Fix that cell, run it, then run this one again.")


def _after_cell(result) -> None:
    error = result.error_before_exec or result.error_in_exec
    record_cell(result.info.raw_cell if result.info else "", error, _namespace or {})


def _name_error(shell, etype, value, tb, tb_offset=None):
    """IPython's handler for a `NameError` in a cell: the usual traceback, with the cause."""
    explanation = explain_undefined(value)
    if explanation:
        explained = NameError(f"{value}. {explanation}", name=value.name)
        value = explained.with_traceback(tb)
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    return []


def install(shell) -> None:
    """Watch the cells `shell` runs and explain undefined names (once per shell)."""
    global _namespace
    if _after_cell in shell.events.callbacks["post_run_cell"]:
        return
    _namespace = shell.user_ns
    shell.events.register("post_run_cell", _after_cell)
    if not shell.custom_exceptions:
        shell.set_custom_exc((NameError,), _name_error)


def _install_in_notebook() -> None:
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        install(shell)


_install_in_notebook()
