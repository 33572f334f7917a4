"""End to end: build, grade the example submissions, and check every exported number,
message and feedback page."""

import csv
import re

import nbformat
import pytest
from nbgrader.preprocessors import IgnorePattern
from nbgrader.utils import determine_grade

from autograder.course import assignments, nbgrader_config
from autograder.examples import EXAMPLES, write_examples
from autograder.grading import grade_folder

# Exact scores per example submission and assignment.
EXPECTED_SCORES = {
    "01_numpy_basics": {"perfect": 21, "variants": 21, "typical_mistakes": 7,
                        "errors": 0, "untouched": 0},
}
MAX_SCORES = {"01_numpy_basics": 21}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("grading")
    write_examples(root / "submissions", assignments())
    results = grade_folder(root / "submissions", workspace=root / "workspace")
    return results, root / "workspace" / "exports"


def read_csv(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_assignment_has_expected_scores():
    assert sorted(EXPECTED_SCORES) == assignments()
    assert all(sorted(scores) == sorted(EXAMPLES) for scores in EXPECTED_SCORES.values())


def test_exported_grades_equal_the_expected_numbers(graded):
    _, exports = graded
    rows = read_csv(exports / "grades.csv")
    assert len(rows) == len(EXAMPLES) * len(assignments())
    for row in rows:
        assert row["status"] == "graded", row
        assert float(row["score"]) == EXPECTED_SCORES[row["assignment"]][row["student"]], row
        assert float(row["max_score"]) == MAX_SCORES[row["assignment"]]


def test_exercise_export_explains_every_lost_point(graded):
    _, exports = graded
    rows = read_csv(exports / "exercises.csv")
    for row in rows:
        lost = float(row["score"]) < float(row["max_score"])
        assert bool(row["message"]) == lost, row
    by_key = {(r["student"], r["assignment"], r["exercise"], r["part"]): r for r in rows}
    hidden_only = by_key[("typical_mistakes", "01_numpy_basics", "image2vector", "hidden")]
    assert hidden_only["score"] == "0"
    assert "raised ValueError: cannot reshape array of size 60" in hidden_only["message"]
    visible = by_key[("typical_mistakes", "01_numpy_basics", "image2vector", "visible")]
    assert visible["score"] == "1"
    untouched = by_key[("untouched", "01_numpy_basics", "sigmoid", "visible")]
    assert "not implemented yet" in untouched["message"]


def test_a_correct_answer_that_makes_numpy_warn_keeps_its_points(graded):
    results, _ = graded
    variants = next(r for r in results
                    if r.student == "variants" and r.assignment == "01_numpy_basics")
    sigmoid = [c for c in variants.cells if c.exercise == "sigmoid"]
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


def test_feedback_shows_messages_but_no_hidden_test_source(graded):
    results, _ = graded
    for result in results:
        html = result.feedback.read_text()
        assert "BEGIN HIDDEN TESTS" not in html
        assert "autograder" not in html, result.feedback
        assert not re.search(r"grade_\w+\(", html), result.feedback
        assert "Traceback (most recent call last)" not in html
        assert "hidden/" not in html
    mistakes = next(r for r in results
                    if r.student == "typical_mistakes" and r.assignment == "01_numpy_basics")
    html = mistakes.feedback.read_text()
    assert "FAIL sigmoid(np.array([1, 2, 3])): raised TypeError" in html
    assert "cannot reshape array of size 60" in html
