"""Student answers written in advance, one module per assignment.

- `MISTAKES`: the catalog of typical wrong implementations, each with the
  message fragment its visible check and its hidden tests must fail with
  (`None`: that part passes). The tests prove every entry loses those points.
- `VARIANTS`: correct answers written differently from the reference (loops,
  other formulas, other return types); they must keep every point.
- `ERRORS`: answers that crash, for the demo's "errors" submission.
- `TYPICAL`: the names of the mistakes that make up the demo's
  "typical mistakes" submission.
"""

import linecache
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Answer:
    function: str
    name: str
    source: str
    visible: str | None = None
    hidden: str | None = None

    def compile(self):
        """The function itself, defined by running the answer's source.

        The source is registered with `linecache`, as IPython does for a notebook
        cell, so that checks that read a function's source (no loops) can.
        """
        filename = f"<answer {self.function}: {self.name}>"
        linecache.cache[filename] = (len(self.source), None,
                                     self.source.splitlines(keepends=True), filename)
        namespace = {"np": np}
        exec(compile(self.source, filename, "exec"), namespace)
        return namespace[self.function]
