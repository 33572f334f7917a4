"""Fair graders: the reference and every correct variant keep every point, and every
catalogued mistake loses exactly the points it should, with its intended message."""

import contextlib
import io

import pytest

from autograder.course import assignments
from course_utils.checks.core import CheckFailure
from tests.conftest import graded_functions, modules


def verdict(check, function) -> str | None:
    """None when the check passes, else its failure message."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            check(function)
    except CheckFailure as failure:
        return str(failure)
    return None


def answer_cases(kind: str):
    return [pytest.param(assignment, answer, id=f"{assignment}:{answer.function}:{answer.name}")
            for assignment in assignments()
            for answer in getattr(modules(assignment)[3], kind)]


def checks_of(assignment, function):
    visible, hidden, _, _ = modules(assignment)
    return getattr(visible, f"check_{function}"), getattr(hidden, f"grade_{function}")


def assert_outcome(message: str | None, expected_fragment: str | None, part: str):
    if expected_fragment is None:
        assert message is None, f"the {part} part should pass, but failed: {message}"
    else:
        assert message is not None, f"the {part} part should fail with {expected_fragment!r}"
        assert expected_fragment in message, f"{part}: {message!r}"


def test_every_graded_function_has_checks_reference_and_three_mistakes(assignment):
    visible, hidden, reference, answers = modules(assignment)
    for function in graded_functions(assignment):
        assert callable(getattr(visible, f"check_{function}"))
        assert callable(getattr(hidden, f"grade_{function}"))
        assert callable(getattr(reference, function))
        mistakes = [m for m in answers.MISTAKES if m.function == function]
        assert len(mistakes) >= 3, f"{function}: only {len(mistakes)} catalogued mistakes"
    assert set(answers.TYPICAL) <= {m.name for m in answers.MISTAKES}


def test_reference_passes_visible_and_hidden(assignment):
    _, _, reference, _ = modules(assignment)
    for function in graded_functions(assignment):
        for check in checks_of(assignment, function):
            assert verdict(check, getattr(reference, function)) is None


@pytest.mark.parametrize(("assignment", "answer"), answer_cases("MISTAKES"))
def test_mistake_loses_its_points(assignment, answer):
    visible, hidden = checks_of(assignment, answer.function)
    assert answer.visible is not None or answer.hidden is not None, "a mistake must fail somewhere"
    assert_outcome(verdict(visible, answer.compile()), answer.visible, "visible")
    assert_outcome(verdict(hidden, answer.compile()), answer.hidden, "hidden")


@pytest.mark.parametrize(("assignment", "answer"), answer_cases("VARIANTS"))
def test_correct_variant_keeps_its_points(assignment, answer):
    for check in checks_of(assignment, answer.function):
        assert verdict(check, answer.compile()) is None


@pytest.mark.parametrize(("assignment", "answer"), answer_cases("ERRORS"))
def test_crashing_answer_is_explained(assignment, answer):
    visible, hidden = checks_of(assignment, answer.function)
    assert_outcome(verdict(visible, answer.compile()), answer.visible, "visible")
    assert_outcome(verdict(hidden, answer.compile()), answer.hidden, "hidden")
