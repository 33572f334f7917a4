"""One copy of each solution: the reference solutions in `autograder/reference/` are the
solution notebook's own code.

Every function defined in a code cell of `solutions/NN_topic/NN_topic.ipynb` that the
reference module also defines must be the same code there, up to docstrings, comments and
formatting; every graded function must be in the reference. Change a solution in the
notebook and copy it to the reference (or the other way round): this test names the
function and shows the difference.
"""

import ast
import difflib
import importlib
import inspect

import nbformat
import pytest

from autograder.course import SOLUTIONS, notebook_path, topic
from tests.conftest import graded_functions


def _without_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            node.body = body[1:] or [ast.Pass()]
    return tree


def normalized(function: ast.FunctionDef) -> str:
    """The function's code without docstrings, comments or formatting: what it does."""
    return ast.unparse(_without_docstrings(ast.parse(ast.unparse(function))))


def notebook_functions(assignment: str) -> dict[str, ast.FunctionDef]:
    """Top-level functions of the solution notebook's code cells (the last definition wins)."""
    notebook = nbformat.read(notebook_path(SOLUTIONS, assignment), as_version=4)
    functions = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.FunctionDef):
                    functions[node.name] = node
    return functions


def reference_functions(assignment: str) -> dict[str, ast.FunctionDef]:
    module = importlib.import_module(f"autograder.reference.{topic(assignment)}")
    return {node.name: node for node in ast.parse(inspect.getsource(module)).body
            if isinstance(node, ast.FunctionDef)}


def test_every_graded_function_is_in_the_reference(assignment):
    missing = set(graded_functions(assignment)) - set(reference_functions(assignment))
    assert not missing, f"graded functions without a reference: {sorted(missing)}"


def test_reference_is_the_solution_notebooks_code(assignment):
    reference = reference_functions(assignment)
    differences = []
    for name, function in notebook_functions(assignment).items():
        if name in reference and normalized(function) != normalized(reference[name]):
            differences.append("\n".join(difflib.unified_diff(
                normalized(reference[name]).splitlines(), normalized(function).splitlines(),
                f"autograder/reference/{topic(assignment)}.py", f"{assignment}.ipynb",
                lineterm="")))
    assert not differences, "\n\n".join(differences)


@pytest.mark.parametrize(("source", "same"), [
    ('def f(x):\n    """Doc."""\n    # a comment\n    return  x+1\n', True),
    ("def f(x):\n    return (x + 1)\n", True),
    ("def f(x):\n    y = x + 1\n    return y\n", False),
    ("def f(x):\n    return x - 1\n", False),
])
def test_normalized_ignores_docstrings_comments_and_formatting_only(source, same):
    base = ast.parse("def f(x):\n    return x + 1\n").body[0]
    assert (normalized(ast.parse(source).body[0]) == normalized(base)) is same
