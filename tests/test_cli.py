"""The `dlcourse` command as students and instructors type it."""

import contextlib
import os
import pty
import re
import shutil
import subprocess
import sys

import nbformat

from autograder.cli import main
from autograder.course import RELEASE, REPO_ROOT, SOLUTIONS, notebook_path
from autograder.course.examples import make_submission


def test_check_reports_every_exercise_of_the_solution_as_passing(capsys):
    assert main(["check", str(notebook_path(SOLUTIONS, "01_numpy_basics"))]) == 0
    out = capsys.readouterr().out
    assert "PASS   sigmoid-visible" in out
    assert "PASS   stable_softmax-hidden" in out
    assert "Checks: 21/21 points, 0 failing." in out


def test_check_explains_failures_and_pending_hidden_tests(tmp_path, capsys):
    path = tmp_path / "01_numpy_basics.ipynb"
    nbformat.write(make_submission("01_numpy_basics", "typical_mistakes"), path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert ("FAIL   sigmoid-visible             0/1  sigmoid(np.array([1, 2, 3])): "
            "raised TypeError") in out
    assert "HIDDEN sigmoid-hidden              hidden tests: 2 points, run at grading" in out
    assert "Checks: 3/7 points, 4 failing." in out
    assert "Hidden tests worth 14 more points run when your work is graded." in out


def test_grade_accepts_one_file_per_student(tmp_path, capsys):
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    shutil.copyfile(notebook_path(RELEASE, "01_numpy_basics"), submissions / "ada.ipynb")
    nbformat.write(nbformat.v4.new_notebook(), submissions / "bob.ipynb")
    assert main(["grade", str(submissions), "--workspace", str(tmp_path / "ws")]) == 0
    out = capsys.readouterr().out
    assert "ada      01_numpy_basics  0/21   graded" in out
    assert "bob      ?" in out and "cannot tell which assignment" in out


def test_missing_inputs_are_reported_not_crashed(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.ipynb")]) == 2
    assert main(["grade", str(tmp_path / "nope")]) == 2
    assert "No folder at" in capsys.readouterr().out


def test_grade_refuses_zero_workers_and_report_needs_grades(tmp_path, capsys):
    (tmp_path / "submissions").mkdir()
    assert main(["grade", str(tmp_path / "submissions"), "--workers", "0"]) == 2
    assert "--workers must be at least 1" in capsys.readouterr().out
    assert main(["report", "--workspace", str(tmp_path / "ws")]) == 1
    assert "Nothing graded" in capsys.readouterr().out


def test_dlcourse_alone_prints_its_help(capsys):
    assert main([]) == 2
    out = capsys.readouterr().out
    assert out.startswith("usage: dlcourse")
    for command in ("build", "check", "grade", "report", "demo", "lab"):
        assert f"    {command} " in out


def test_grade_shows_a_progress_bar_on_a_terminal(tmp_path):
    """In a pseudo-terminal whose size was never set (0 by 0, as under `script`), where
    tqdm alone draws nothing."""
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    shutil.copyfile(notebook_path(RELEASE, "01_numpy_basics"), submissions / "ada.ipynb")
    controller, terminal = pty.openpty()
    grading = subprocess.Popen(
        [sys.executable, "-m", "autograder.cli", "grade", str(submissions), "--workspace",
         str(tmp_path / "ws"), "--workers", "1"], stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=terminal, cwd=REPO_ROOT)
    os.close(terminal)
    shown = b""
    with contextlib.suppress(OSError):  # EIO once the grader has exited
        while chunk := os.read(controller, 4096):
            shown += chunk
    os.close(controller)
    assert grading.wait(timeout=600) == 0
    assert re.search(rb"grading: 100%\|\S+\| 1/1 \[", shown), shown
