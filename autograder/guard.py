"""Inside a grading kernel: undo a student's monkeypatching before every cell.

The grader runs `install(assignment)` in a cell of its own before any student
code (with `figures=False`, it first switches matplotlib to a backend that
draws nothing, unless `GuardedExecute.render_figures` is set). It imports the
assignment's checks and hidden tests, then snapshots the
attributes of NumPy, `math`, `builtins`, `course_utils` and `autograder`
(modules and their classes) and the matching `sys.modules` entries. Before each
later cell it puts back every attribute that was replaced or deleted, so checks
and hidden tests always run against the real libraries.
"""

import builtins
import importlib
import math
import sys

import numpy
from IPython import get_ipython

GUARDED_PREFIXES = ("numpy", "math", "builtins", "course_utils", "autograder")
OWN_PACKAGES = ("course_utils", "autograder")
GUARD_MARKER = "# dlcourse grader set-up"

_modules: dict[str, object] = {}
_attributes: dict[int, tuple[object, dict]] = {}
_checks: dict[str, object] = {}  # the check_* functions a notebook imports, by name


def install(assignment: str, figures: bool = True) -> None:
    if not figures:
        _no_figures()
    topic = assignment.split("_", 1)[1]
    for name in (f"course_utils.checks.{topic}", f"autograder.hidden.{topic}",
                 "course_utils.gradcheck", "course_utils.datasets"):
        importlib.import_module(name)
    checks = vars(sys.modules[f"course_utils.checks.{topic}"])
    _checks.update({name: value for name, value in checks.items() if name.startswith("check_")})
    for name, module in list(sys.modules.items()):
        if module is not None and name.split(".")[0] in GUARDED_PREFIXES:
            _modules[name] = module
            _remember(module)
            for value in list(vars(module).values()):
                if isinstance(value, type) and str(value.__module__).startswith(OWN_PACKAGES):
                    _remember(value)
    _remember(builtins)
    _remember(math)
    _remember(numpy)
    get_ipython().events.register("pre_run_cell", restore)


def _no_figures() -> None:
    """Draw no figure: plots cost time and grade nothing. `plt.show()` and the end of each
    cell close the figures made instead of rendering them."""
    import matplotlib

    matplotlib.use("agg", force=True)
    import matplotlib.pyplot as plt

    def close_figures(*_ignored, **_unused) -> None:
        plt.close("all")

    plt.show = close_figures
    get_ipython().events.register("post_run_cell", close_figures)


def _remember(obj) -> None:
    _attributes[id(obj)] = (obj, dict(vars(obj)))


def restore(*_ignored) -> None:
    """Put back every guarded module and attribute the way `install` found it, and
    the notebook's check functions."""
    namespace = get_ipython().user_ns
    for name, check in _checks.items():
        if name in namespace and namespace[name] is not check:
            namespace[name] = check
    for name, module in _modules.items():
        if sys.modules.get(name) is not module:
            sys.modules[name] = module
    for obj, saved in _attributes.values():
        current = vars(obj)
        for key, value in saved.items():
            if key not in current or current[key] is not value:
                try:
                    setattr(obj, key, value)
                except (AttributeError, TypeError):
                    pass  # read-only attributes cannot have been replaced either
