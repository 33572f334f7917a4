"""Intake and exports without grading: what is read, what the result key covers, and
how text from a submission is made safe for a spreadsheet and a browser."""

import csv
import hashlib
import json

import nbformat
import pytest

from autograder.batch import grade_folder, grade_table
from autograder.batch.exports import Number, number, safe_cell, write_csv
from autograder.batch.results import Outcome, Result
from autograder.batch.submissions import assignment_from_metadata, find_submissions
from autograder.submission.feedback import sanitized
from autograder.submission.grading import Grader
from tests.adversarial.cases import ASSIGNMENT, FORMULA, deep_metadata, perfect
from tests.adversarial.pages import active_content


@pytest.mark.parametrize("text", [FORMULA, "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "-1"])
def test_text_that_a_spreadsheet_would_run_gets_a_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["ada", "1", "a=b", "", " =x"])
def test_other_text_is_written_as_it_is(text):
    assert safe_cell(text) == text


def test_numbers_stay_numbers(tmp_path):
    write_csv(tmp_path / "t.csv", ["name", "score"],
              [["-3", number(-3.5)], ["ok", 2], ["x", Number("-0.250")]])
    with open(tmp_path / "t.csv", newline="") as handle:
        assert list(csv.reader(handle)) == [["name", "score"], ["'-3", "-3.5"], ["ok", "2"],
                                            ["x", "-0.250"]]


@pytest.mark.parametrize("html", [
    '<script>alert(1)</script>', '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>', '<iframe src="https://example.com"></iframe>',
    '<object data="x"></object>', '<svg onload="alert(1)"></svg>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<p style="x:expression(alert(1))">',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
])
def test_sanitized_html_keeps_no_active_content(html):
    clean = active_content(sanitized(html))
    assert (clean.active, clean.scripts) == ([], []), sanitized(html)
    assert "expression(" not in sanitized(html)


def test_sanitized_html_keeps_what_markdown_makes():
    html = ('<h2 id="Goals">Goals<a class="anchor-link" href="#Goals">¶</a></h2>'
            '<p>Compute $a &lt; b$ with <code>np.exp</code>, <em>not</em> <strong>math</strong>.'
            '</p><table><thead><tr><th style="text-align: right;">x</th></tr></thead>'
            '<tbody><tr><td>1</td></tr></tbody></table><img src="images/cat.png" alt="a cat">'
            '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">'
            '<a href="https://numpy.org">NumPy</a>')
    assert sanitized(html) == html


def test_a_script_is_escaped_so_the_student_still_reads_it():
    assert sanitized("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_the_assignment_in_metadata_must_be_a_name():
    def notebook(value):
        return json.dumps({"metadata": {"dlcourse": {"assignment": value}}}).encode()

    assert assignment_from_metadata(notebook(ASSIGNMENT)) == ASSIGNMENT
    assert assignment_from_metadata(notebook(5)) is None
    assert assignment_from_metadata(notebook({"a": 1})) is None
    assert assignment_from_metadata(b"[1, 2]") is None
    assert assignment_from_metadata(b"\xff not utf-8") is None
    assert assignment_from_metadata(deep_metadata().encode()) is None


def test_each_notebook_is_read_once_and_the_file_is_not_needed_again(tmp_path):
    folder = tmp_path / "submissions" / "ada"
    folder.mkdir(parents=True)
    nbformat.write(perfect(), folder / f"{ASSIGNMENT}.ipynb")
    [submission] = find_submissions(tmp_path / "submissions")
    content = (folder / f"{ASSIGNMENT}.ipynb").read_bytes()
    (folder / f"{ASSIGNMENT}.ipynb").unlink()
    assert submission.content == content
    assert submission.digest == hashlib.sha256(content).hexdigest()


def test_the_result_key_is_taken_before_grading(tmp_path, monkeypatch):
    """A kernel that rewrites its own submission while graded changes neither what was
    graded nor which stored result a later run reuses."""
    folder = tmp_path / "submissions" / "ada"
    folder.mkdir(parents=True)
    path = folder / f"{ASSIGNMENT}.ipynb"
    nbformat.write(perfect(), path)
    original = path.read_bytes()
    graded = []

    def grade_and_rewrite(self, job):
        graded.append(job.content)
        path.write_text(json.dumps({"forged": True}))
        return Outcome(Result(job.student, job.assignment, 5, 21, "graded"))

    monkeypatch.setattr(Grader, "_grade", grade_and_rewrite)
    grade_folder(tmp_path / "submissions", tmp_path / "workspace", workers=1)
    assert graded == [original]
    stored = json.loads((tmp_path / "workspace" / "results" / "ada" / f"{ASSIGNMENT}.json"
                         ).read_text())
    assert stored["result"]["score"] == 5
    again = grade_folder(tmp_path / "submissions", tmp_path / "workspace", workers=1)
    assert len(graded) == 2, "the rewritten file is new content: graded again, not reused"
    assert again[0].score == 5
    path.write_bytes(original)
    grade_folder(tmp_path / "submissions", tmp_path / "workspace", workers=1)
    assert len(graded) == 3  # the stored result is that of the rewritten file now


def test_the_grade_table_shows_control_characters_instead_of_sending_them():
    table = grade_table([Result("eve\x1b]0;pwned\x07", None, 0, 0, "error", "bad\rname")])
    assert "\x1b" not in table and "\r" not in table and "\x07" not in table
    assert "eve\\x1b]0;pwned\\x07" in table and "bad\\rname" in table


def test_a_name_that_is_not_utf8_is_an_error_row_not_a_crash(tmp_path):
    folder = tmp_path / "submissions"
    folder.mkdir()
    (folder / "ada").mkdir()
    nbformat.write(perfect(), folder / "ada" / f"{ASSIGNMENT}.ipynb")
    (folder / "bad\udcff").mkdir()
    nbformat.write(perfect(), folder / "bad\udcff" / f"{ASSIGNMENT}.ipynb")
    (folder / "bob").mkdir()
    nbformat.write(perfect(), folder / "bob" / f"{ASSIGNMENT}.ipynb")
    (folder / "bob" / "notes\udcfe.txt").write_text("x")
    (folder / "eve").mkdir()
    nbformat.write(perfect(), folder / "eve" / "copy\udcfe.ipynb")
    found = {s.student: s for s in find_submissions(folder)}
    assert found["ada"].problem is None
    assert found["bob"].notices == ["Files other than notebooks were not graded: notes\\xfe.txt."]
    assert found["eve"].problem == ("copy\\xfe.ipynb has a name that is not valid UTF-8; "
                                    "a submission must be plain notebook files")
    assert found["bad\\xff"].problem == "bad\\xff was not graded: its name is not valid UTF-8"
    "".join(found).encode("utf-8")  # nothing unencodable reaches CSV, HTML or the gradebook
