"""The feedback page's exercise summary, nbgrader's submission layout, and maths offline."""

import base64
import gzip
import re

import nbformat

from autograder.batch.submissions import find_submissions
from autograder.submission.feedback_page import exercise_rows
from autograder.submission.offline_math import MATHJAX, export_html, mathjax_html


def graded(grade_id: str, score: float, points: float, solution: bool = False):
    cell = nbformat.v4.new_code_cell("")
    cell.metadata.nbgrader = {"grade": not solution, "solution": solution,
                              "grade_id": grade_id, "score": score, "points": points}
    return cell


def test_summary_names_each_exercise_with_its_visible_and_hidden_points():
    nb = nbformat.v4.new_notebook(cells=[
        graded("sigmoid", 0, 0, solution=True),
        graded("sigmoid-visible", 1, 1), graded("sigmoid-hidden", 0, 2),
        nbformat.v4.new_markdown_cell("text"),
        graded("softmax-visible", 0, 1), graded("softmax-hidden", 1.5, 2),
        graded("essay", 2, 4)])
    assert exercise_rows(nb) == [
        {"exercise": "sigmoid", "anchor": "sigmoid-visible", "visible": "1 / 1",
         "hidden": "0 / 2", "total": "1 / 3"},
        {"exercise": "softmax", "anchor": "softmax-visible", "visible": "0 / 1",
         "hidden": "1.5 / 2", "total": "1.5 / 3"},
        {"exercise": "essay", "anchor": "essay", "visible": "2 / 4", "hidden": "",
         "total": "2 / 4"}]


def test_mathjax_is_inlined_whole_and_nothing_comes_from_a_cdn():
    html = str(mathjax_html("https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js"))
    assert "cdnjs" not in html and "src=" not in html
    packed = re.search(r'atob\("([A-Za-z0-9+/=]+)"\)', html).group(1)
    assert gzip.decompress(base64.b64decode(packed)) == MATHJAX.read_bytes()


def test_solution_pages_typeset_maths_offline(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        r"The sigmoid $\sigma(z) = \frac{1}{1 + e^{-z}}$.")])
    nbformat.write(notebook, tmp_path / "sigmoid.ipynb")
    page = export_html(tmp_path / "sigmoid.ipynb", tmp_path / "html").read_text()
    assert "DecompressionStream" in page and "mathjax/2.7.7" not in page
    assert r"\sigma(z)" in page


def test_nbgrader_collected_layout_with_its_timestamp(tmp_path):
    folder = tmp_path / "submitted" / "ada" / "01_numpy_basics"
    folder.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), folder / "01_numpy_basics.ipynb")
    (folder / "timestamp.txt").write_text("2026-12-06 05:52:21.942764 UTC")
    (folder / "submission_secret.txt").write_text("secret")
    submission, = find_submissions(tmp_path / "submitted")
    assert (submission.student, submission.assignment) == ("ada", "01_numpy_basics")
    assert submission.timestamp.isoformat() == "2026-12-06T05:52:21.942764"
    assert submission.notices == [] and submission.problem is None
    assert sorted(submission.nbgrader_files) == ["submission_secret.txt", "timestamp.txt"]
    assert submission.nbgrader_files["submission_secret.txt"] == b"secret"  # read with it
