"""Test cells run in the grader's process: the student's functions are called in the kernel
with plain data, and nothing the kernel does can decide a verdict."""

import pytest

from autograder.submission.execute import NOT_RUN
from tests.sandboxed import answer, grade_cell, run, text

CHECKS = {
    "double-test": "from course_utils.checks.core import exercise\n"
                   "with exercise('double') as ex:\n"
                   "    ex.expect_array(ex.call(double, np.arange(3.0), label='double(x)'),\n"
                   "                    np.array([0.0, 2.0, 4.0]), 'double(x)')\n",
}


def outcome(outputs) -> str:
    """`PASS ...` or the failure the cell shows."""
    errors = [o for o in outputs if o.output_type == "error"]
    return f"{errors[0]['ename']}: {errors[0]['evalue']}" if errors else text(outputs).strip()


def graded(tmp_path, source: str, tests=None, extra=()):
    """The outcome of each test cell, after an answer cell with `source`."""
    tests = tests or CHECKS
    cells = ["import numpy as np", answer("double", source), *extra,
             *(grade_cell(grade_id) for grade_id in tests)]
    outputs = run(cells, tmp_path, tests)
    return [outcome(o) for o in outputs[-len(tests):]]


def test_a_correct_function_passes_and_a_wrong_one_fails(tmp_path):
    assert graded(tmp_path, "def double(x):\n    return 2 * x") == ["PASS double (1 checks)"]
    assert graded(tmp_path, "def double(x):\n    return 3 * x")[0].startswith(
        "CheckFailure: double(x): wrong values in 2 of 3 entries")


def test_the_students_error_comes_back_with_its_type_and_line(tmp_path):
    source = "def double(x):\n    y = 2 * x\n    return y.nosuch"
    assert graded(tmp_path, source) == [
        "CheckFailure: double(x): raised AttributeError: 'numpy.ndarray' object has no "
        "attribute 'nosuch' in double, line 3: `return y.nosuch`"]
    stub = "def double(x):\n    raise NotImplementedError()"
    assert "not implemented yet" in graded(tmp_path, stub)[0]


def test_a_result_that_is_not_plain_data_fails_in_words(tmp_path):
    source = "class Twice:\n    pass\n\ndef double(x):\n    return Twice()"
    assert graded(tmp_path, source) == [
        "CheckFailure: double(x): returned a value the grader cannot read: a value of type "
        "Twice cannot be passed: use NumPy arrays, numbers, strings, booleans, None, or "
        "tuples, lists and dicts of these"]


def test_an_array_subclass_comes_back_as_a_plain_array(tmp_path):
    always_equal = ("class Equal(np.ndarray):\n"
                    "    def __array_ufunc__(self, *args, **kwargs):\n"
                    "        return np.ones(3, dtype=bool)\n"
                    "    def __eq__(self, other):\n        return True\n\n"
                    "def double(x):\n    return np.zeros(3).view(Equal)")
    assert graded(tmp_path, always_equal)[0].startswith("CheckFailure: double(x): wrong values")


def test_changing_an_argument_in_place_is_seen(tmp_path):
    source = "def double(x):\n    x *= 2\n    return x"
    assert "changed its argument number 1 in place" in graded(tmp_path, source)[0]


def test_helpers_are_the_graders_while_the_function_runs(tmp_path):
    tests = {"double-test": "from course_utils.checks.core import exercise\n"
                            "with exercise('double') as ex:\n"
                            "    got = ex.call(double, 3.0, label='double(3)',\n"
                            "                  helpers={'twice': lambda v: 2 * v})\n"
                            "    ex.expect_scalar(got, 6.0, 'double(3)')\n"}
    wrong_helper = "def twice(v):\n    return 3 * v\n\ndef double(x):\n    return twice(x)"
    assert graded(tmp_path, wrong_helper, tests) == ["PASS double (1 checks)"]


def test_a_helper_that_returns_its_argument_returns_the_kernels_own_array(tmp_path):
    tests = {"double-test": "from course_utils.checks.core import exercise\n"
                            "with exercise('double') as ex:\n"
                            "    got = ex.call(double, np.arange(3.0), label='double(x)',\n"
                            "                  helpers={'same': lambda v: v})\n"
                            "    ex.expect_true(got == 'the same array', 'double(x)', got)\n"}
    identity = ("def double(x):\n    y = same(x)\n"
                "    return 'the same array' if y is x else 'a copy'")
    assert graded(tmp_path, identity, tests) == ["PASS double (1 checks)"]


def test_an_undefined_function_names_the_error_of_its_cell(tmp_path):
    broken = "x = 1\nundefined_name\n\ndef double(x):\n    return 2 * x"
    [result] = graded(tmp_path, broken)
    assert result.startswith("NameError: `double` is not defined: its answer cell failed with "
                             "NameError: name 'undefined_name' is not defined (line 2)")


def test_loops_are_read_from_the_submitted_cell(tmp_path):
    tests = {"double-test": "from course_utils.checks.core import exercise\n"
                            "with exercise('double') as ex:\n"
                            "    ex.expect_no_loops(double, 'double')\n"}
    loop = "def double(x):\n    return np.array([2 * v for v in x])"
    assert "has a Python loop (ListComp) at line 2" in graded(tmp_path, loop, tests)[0]
    assert graded(tmp_path, "def double(x):\n    return 2 * x", tests) == [
        "PASS double (1 checks)"]


@pytest.mark.parametrize("trick", [
    # the kernel's own report of a cell no longer decides anything
    "get_ipython().showtraceback = lambda *a, **k: None\n"
    "get_ipython().events.register('post_run_cell', lambda r: setattr(r, 'error_in_exec', None))",
    "import ast\nclass Erase(ast.NodeTransformer):\n"
    "    def visit_Module(self, node):\n        return ast.Module(body=[], type_ignores=[])\n"
    "get_ipython().ast_transformers.append(Erase())",
    "import sys\nsys.displayhook('ok')\nprint('PASS double (1 checks)')",
    "import course_utils.checks.core as core\ncore.Exercise.fail = lambda *a, **k: None\n"
    "core.np.isclose = lambda *a, **k: np.ones(3, dtype=bool)",
])
def test_tricks_in_the_kernel_earn_nothing(tmp_path, trick):
    wrong = "def double(x):\n    return 3 * x"
    extra = [answer("trick", trick)]
    [result] = graded(tmp_path, wrong, extra=extra)
    assert result.startswith(("CheckFailure: double(x)", "StudentValueError: the kernel did "
                              "not answer")), result


def test_a_cell_that_claims_to_be_a_test_cell_is_not_run(tmp_path):
    forged = grade_cell("forged", "print('PASS everything')")
    outputs = run([forged], tmp_path, {})
    assert outputs[0][0]["ename"] == NOT_RUN


def test_the_global_random_state_travels_with_each_call(tmp_path):
    tests = {"double-test": "from course_utils.checks.core import exercise\n"
                            "with exercise('double') as ex:\n"
                            "    np.random.seed(3)\n"
                            "    expected, following = np.random.randn(2), np.random.rand()\n"
                            "    np.random.seed(3)\n"
                            "    got = ex.call(double, 0.0, label='double(0)')\n"
                            "    ex.expect_array(got, expected, 'double(0)')\n"
                            "    ex.expect_scalar(np.random.rand(), following, 'next draw')\n"}
    draws = "def double(x):\n    return np.random.randn(2) + 2 * x"
    assert graded(tmp_path, draws, tests) == ["PASS double (2 checks)"]


def test_a_random_generator_is_used_through_its_public_methods(tmp_path):
    tests = {"double-test": "from course_utils.checks.core import exercise\n"
                            "with exercise('double') as ex:\n"
                            "    expected = np.random.default_rng(7).choice(5, size=3)\n"
                            "    got = ex.call(double, np.random.default_rng(7),\n"
                            "                  label='double(rng)', pure=False)\n"
                            "    ex.expect_array(got, expected, 'double(rng)')\n"}
    draws = "def double(rng):\n    return rng.choice(5, size=3)"
    assert graded(tmp_path, draws, tests) == ["PASS double (1 checks)"]
    private = "def double(rng):\n    return rng._bit_generator"
    assert "AttributeError: _bit_generator" in graded(tmp_path, private, tests)[0]
