"""Shared fixtures: the course's assignments and their modules."""

import importlib
import os
import warnings

import pytest

from autograder.course import assignments, topic
from autograder.course.examples import solution_answers
from autograder.submission.sandbox import unavailable_reason

ASSIGNMENTS = assignments()

if unavailable_reason() is not None:  # grade unsandboxed; the sandbox's own tests skip
    warnings.warn(f"{unavailable_reason()}: the tests grade WITHOUT the sandbox", stacklevel=1)
    os.environ["DLCOURSE_NO_SANDBOX"] = "1"


def modules(assignment: str):
    """(visible checks, hidden tests, reference, answers) modules of an assignment."""
    name = topic(assignment)
    return tuple(importlib.import_module(f"{package}.{name}") for package in (
        "course_utils.checks", "autograder.hidden", "autograder.reference", "autograder.answers"))


def graded_functions(assignment: str) -> list[str]:
    """The functions students write: the grade ids of the solution's answer cells."""
    return list(solution_answers(assignment))


@pytest.fixture(params=ASSIGNMENTS)
def assignment(request):
    return request.param
