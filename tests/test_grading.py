"""End to end: grade the example submissions of each assignment, and check every exported
number, message and feedback page."""

import copy
import csv
import re

import nbformat
import pytest
from nbgrader.preprocessors import IgnorePattern
from nbgrader.utils import determine_grade, is_grade

from autograder.batch import grade_folder
from autograder.course import assignments, nbgrader_config
from autograder.course.examples import EXAMPLES, write_examples
from autograder.submission.execute import TAIL_NOTE, GuardedExecute

# Exact scores per assignment and example submission, and the maximum. Each function is
# graded on its own, so the typical mistakes of 03-05 no longer cost the points of model,
# nn_model, conv_forward and pool_backward, which call the wrong helpers.
EXPECTED_SCORES = {
    "01_numpy_basics": {"perfect": 21, "variants": 21, "typical_mistakes": 7,
                        "errors": 0, "untouched": 0, "max": 21},
    "02_vectorization": {"perfect": 12, "variants": 12, "typical_mistakes": 6,
                         "errors": 0, "untouched": 0, "max": 12},
    "03_logistic_regression": {"perfect": 26, "variants": 26, "typical_mistakes": 11,
                               "errors": 0, "untouched": 0, "max": 26},
    "04_shallow_network": {"perfect": 30, "variants": 30, "typical_mistakes": 16,
                           "errors": 0, "untouched": 0, "max": 30},
    "05_cnn_from_scratch": {"perfect": 48, "variants": 48, "typical_mistakes": 28,
                            "errors": 0, "untouched": 0, "max": 48},
    "06_lstm": {"perfect": 32, "variants": 32, "typical_mistakes": 14,
                "errors": 0, "untouched": 0, "max": 32},
    "07_deep_network": {"perfect": 35, "variants": 35, "typical_mistakes": 12,
                        "errors": 0, "untouched": 0, "max": 35},
    "08_training_deep_networks": {"perfect": 40, "variants": 40, "typical_mistakes": 18,
                                  "errors": 0, "untouched": 0, "max": 40},
    "09_attention": {"perfect": 49, "variants": 49, "typical_mistakes": 19,
                     "errors": 0, "untouched": 0, "max": 49},
}

_graded = {}


@pytest.fixture
def graded(assignment, tmp_path_factory):
    """(results, exports) of grading the example submissions of one assignment, once."""
    if assignment not in _graded:
        root = tmp_path_factory.mktemp(f"grading-{assignment}")
        write_examples(root / "submissions", [assignment])
        results = grade_folder(root / "submissions", workspace=root / "workspace")
        _graded[assignment] = results, root / "workspace" / "exports"
    return _graded[assignment]


def read_csv(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def result_of(results, student):
    return next(r for r in results if r.student == student)


def test_every_assignment_has_expected_scores():
    assert sorted(EXPECTED_SCORES) == assignments()
    assert all(sorted(scores) == sorted([*EXAMPLES, "max"])
               for scores in EXPECTED_SCORES.values())


def test_exported_grades_equal_the_expected_numbers(assignment, graded):
    results, exports = graded
    rows = read_csv(exports / "grades.csv")
    assert sorted(row["student"] for row in rows) == sorted(EXAMPLES)
    for row in rows:
        assert row["status"] == "graded", row
        assert row["assignment"] == assignment
        lost = [(c.grade_id, c.score, c.max_score, c.message)
                for c in result_of(results, row["student"]).cells if c.score < c.max_score]
        assert float(row["score"]) == EXPECTED_SCORES[assignment][row["student"]], (row, lost)
        assert float(row["max_score"]) == EXPECTED_SCORES[assignment]["max"]


def test_exercise_export_explains_every_lost_point(assignment, graded):
    _, exports = graded
    for row in read_csv(exports / "exercises.csv"):
        lost = float(row["score"]) < float(row["max_score"])
        assert bool(row["message"]) == lost, row


def test_feedback_shows_messages_but_no_hidden_test_source(assignment, graded):
    results, _ = graded
    for result in results:
        html = result.feedback.read_text()
        assert "BEGIN HIDDEN TESTS" not in html
        assert "autograder" not in html, result.feedback
        assert "hidden/" not in html
        assert not re.search(r"grade_\w+\(", html), result.feedback
        assert "Traceback (most recent call last)" not in html
    untouched = result_of(results, "untouched").feedback.read_text()
    assert "not implemented yet" in untouched


@pytest.mark.parametrize("assignment", ["01_numpy_basics"])
def test_numpy_basics_messages_and_partial_credit(assignment, graded):
    results, exports = graded
    rows = {(r["student"], r["exercise"], r["part"]): r
            for r in read_csv(exports / "exercises.csv")}
    hidden_only = rows[("typical_mistakes", "image2vector", "hidden")]
    assert hidden_only["score"] == "0"
    assert "raised ValueError: cannot reshape array of size 60" in hidden_only["message"]
    assert rows[("typical_mistakes", "image2vector", "visible")]["score"] == "1"
    html = result_of(results, "typical_mistakes").feedback.read_text()
    assert "FAIL sigmoid(np.array([1, 2, 3])): raised TypeError" in html
    # a correct sigmoid that makes NumPy warn keeps its points
    sigmoid = [c for c in result_of(results, "variants").cells if c.exercise == "sigmoid"]
    assert [(c.score, c.max_score) for c in sigmoid] == [(1, 1), (2, 2)]


def test_nbgrader_ignores_warnings_on_stderr_in_a_test_cell():
    cell = nbformat.v4.new_code_cell("check_sigmoid(sigmoid)")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "points": 2,
                                 "grade_id": "x", "locked": True, "schema_version": 3}
    cell.outputs = [nbformat.v4.new_output(
        "stream", name="stderr",
        text="/tmp/x.py:3: RuntimeWarning: overflow encountered in exp\n  s = np.exp(-x)\n")]
    assert determine_grade(cell, None) == (0, 2)  # what nbgrader does by default
    IgnorePattern(config=nbgrader_config()).preprocess_cell(cell, {}, 0)
    assert determine_grade(cell, None) == (2, 2)


@pytest.mark.parametrize("assignment", ["03_logistic_regression"])
def test_cells_after_the_last_graded_cell_are_not_run_and_the_feedback_says_so(
        assignment, graded):
    results, exports = graded
    workspace = exports.parent
    notebook = nbformat.read(workspace / "autograded" / "perfect" / assignment
                             / f"{assignment}.ipynb", 4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    last_graded = max(i for i, c in enumerate(code) if is_grade(c))
    tail = code[last_graded + 1:]
    assert len(tail) >= 5  # training, figures and the learning-rate demo
    assert [o.get("text") for o in tail[0].outputs] == [TAIL_NOTE]
    assert all(c.outputs == [] for c in tail[1:])
    assert "not run by the grader: no graded cell follows" in result_of(
        results, "perfect").feedback.read_text()


def test_the_ungraded_tail_runs_when_asked(tmp_path):
    config = nbgrader_config()
    cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("x += 1")]
    cells[0].metadata["nbgrader"] = {"grade": False, "solution": True, "grade_id": "g",
                                     "locked": False, "schema_version": 3}
    notebook = nbformat.v4.new_notebook(cells=[*cells, nbformat.v4.new_code_cell("print(x)")])
    texts = {}
    for run_tail in (True, False):
        config.GuardedExecute.run_ungraded_tail = run_tail
        executed, _ = GuardedExecute(config=config).preprocess(
            copy.deepcopy(notebook), {"metadata": {"path": str(tmp_path)}})
        texts[run_tail] = [[o.get("text") for o in c.outputs] for c in executed.cells]
    assert texts[True] == [[], [], ["2\n"]]
    assert texts[False] == [[], [TAIL_NOTE], []]
