"""The student release is generated, in sync, and gives nothing away."""

import json
import re
from pathlib import Path

from autograder.course import RELEASE, REPO_ROOT, notebook_path
from autograder.course.build import release_differences
from autograder.course.examples import solution_answers

LEAKS = ["BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "autograder"]


def test_notebooks_equal_a_fresh_build():
    assert release_differences() == []


def release_cells(assignment):
    return json.loads(notebook_path(RELEASE, assignment).read_text())["cells"]


def test_release_has_no_outputs_solutions_or_hidden_tests(assignment):
    for cell in release_cells(assignment):
        source = "".join(cell["source"])
        assert not cell.get("outputs"), "a release cell has outputs"
        assert cell.get("execution_count") is None
        for leak in LEAKS:
            assert leak not in source, f"{leak!r} in the release of {assignment}"


def test_release_contains_no_line_of_the_solutions(assignment):
    release = "\n".join("".join(c["source"]) for c in release_cells(assignment))
    for function, answer in solution_answers(assignment).items():
        body = answer.split('"""')[-1] if answer.count('"""') >= 2 else answer
        for line in body.splitlines():
            code = line.strip()
            if len(code) > 12 and not code.startswith(("return", "#")):
                assert code not in release, f"{function}: solution line {code!r} in the release"


def test_student_package_holds_no_reference_solution(assignment):
    student_code = "\n".join(p.read_text() for p in (REPO_ROOT / "course_utils").rglob("*.py"))
    for function in solution_answers(assignment):
        assert not re.search(rf"^\s*def {function}\(", student_code, re.MULTILINE), (
            f"course_utils defines {function}: students would have the solution")


def test_release_folder_holds_only_assignments():
    assert sorted(p.name for p in RELEASE.iterdir()) == sorted(
        p.name for p in Path(REPO_ROOT / "solutions").iterdir() if p.is_dir())
