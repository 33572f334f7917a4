"""Two costs nbgrader pays again for every submission, paid once per grading process.

Profiled on `dlcourse grade` (assignment 03), per submission:

- nbgrader checks each cell's metadata with `jsonschema.validate`, which first checks
  the *schema* itself, on every call: 0.17 s. Its schemas are constants; here each
  is checked once, then reused. A cell whose metadata is wrong fails exactly as
  before, with the same error.
- nbgrader opens its gradebook about a dozen times, each time through a new
  SQLAlchemy engine, whose cache of compiled queries starts empty: compiling the
  same queries again cost 0.2 s. Here, engines are shared per database URL within
  the process (closing a gradebook still closes its connections).
"""

import functools

import jsonschema
import nbgrader.api
import nbgrader.nbgraderformat.common
from jsonschema.exceptions import best_match


class _CheckedSchemas:
    """The `jsonschema` that nbgrader's metadata validator sees: `validate` without
    checking the same schema again."""

    def __init__(self):
        # by the schema's id; the schema is kept with its validator, so the id stays its own
        self.validators: dict[int, tuple[dict, jsonschema.protocols.Validator]] = {}

    def validate(self, instance, schema) -> None:
        if id(schema) not in self.validators:
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            self.validators[id(schema)] = (schema, cls(schema))
        error = best_match(self.validators[id(schema)][1].iter_errors(instance))
        if error is not None:
            raise error


_create_engine = nbgrader.api.create_engine


@functools.cache
def _shared_engine(url, echo=False, future=True):
    return _create_engine(url, echo=echo, future=future)


def install() -> None:
    """Apply both to this process (again: no change)."""
    if not isinstance(nbgrader.nbgraderformat.common.jsonschema, _CheckedSchemas):
        nbgrader.nbgraderformat.common.jsonschema = _CheckedSchemas()
    nbgrader.api.create_engine = _shared_engine
