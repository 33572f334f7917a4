"""Shared fixtures: the course's assignments and their modules."""

import importlib

import pytest

from autograder.course import assignments, topic
from autograder.examples import solution_answers

ASSIGNMENTS = assignments()


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
