"""The static scan flags what honest answers never need, and never an honest answer."""

import nbformat
import pytest

from autograder.course import SOLUTIONS, notebook_path
from autograder.course.examples import solution_answers
from autograder.submission.tamper import scan_source


def test_no_solution_and_no_solution_cell_is_flagged(assignment):
    for function, source in solution_answers(assignment).items():
        assert scan_source(source, function) == [], function
    notebook = nbformat.read(notebook_path(SOLUTIONS, assignment), as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and "BEGIN HIDDEN TESTS" not in cell.source:
            assert scan_source(cell.source, "cell") == [], cell.source


@pytest.mark.parametrize(("source", "reason"), [
    ("np.isclose = lambda *a, **k: True", "changes `np` itself"),
    ("numpy.testing.assert_allclose = print", "changes `numpy` itself"),
    ("setattr(np, 'allclose', f)", "sets an attribute by name"),
    ("import builtins", "imports builtins"),
    ("__builtins__.abs = f", "touches `__builtins__`"),
    ("import sys\nsys.modules['numpy'] = None", "touches `modules`"),
    ("__import__('os')", "imports a module dynamically"),
    ("exec('x = 1')", "runs code built from a string"),
    ("eval(text)", "runs code built from a string"),
    ("from autograder.reference.numpy_basics import sigmoid", "imports the grader"),
    ("import autograder.hidden", "imports the grader"),
    ("secret = open('/etc/passwd').read()", "touches files outside the submission folder"),
    ("x = np.load('../../other/answers.npy')", "touches files outside the submission folder"),
    ("import os\nos.system('ls')", "deletes files or runs programs"),
    ("get_ipython().events.unregister('pre_run_cell', f)", "reaches into IPython"),
])
def test_suspicious_code_is_flagged_with_its_line(source, reason):
    findings = scan_source(source, "sigmoid")
    assert reason in {f.reason for f in findings}, findings
    last = findings[-1]
    line = source.splitlines()[last.line - 1].strip()
    assert str(last) == f"sigmoid, line {last.line}: `{line}` ({last.reason})"


@pytest.mark.parametrize("source", [
    "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))",
    "%timeit sigmoid(x)\nprint('a/b', 1 / 2)",
    "params['W1'] = params['W1'] - learning_rate * grads['dW1']",
    "import math\nimport numpy as np\nfrom tqdm.auto import tqdm",
    "this is not python (",
])
def test_honest_code_is_not_flagged(source):
    assert scan_source(source, "cell") == []


def test_replacing_an_imported_check_is_flagged_but_a_similar_name_is_not():
    checks = {"check_sigmoid"}
    for source in ["check_sigmoid = lambda f: None", "def check_sigmoid(f):\n    pass"]:
        assert [f.reason for f in scan_source(source, "c", checks)] == [
            "replaces a grading function"]
    assert scan_source("check_parameters = {'W1': 1}", "c", checks) == []


def test_common_settings_are_not_flagged():
    for source in ["plt.rcParams['figure.figsize'] = (8, 4)",
                   "os.environ['OMP_NUM_THREADS'] = '1'"]:
        assert scan_source(source, "cell") == [], source
