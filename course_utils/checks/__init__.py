"""Visible checks, one module per assignment, built on `course_utils.checks.core`."""

from course_utils.checks.core import CheckFailure, Exercise, exercise

__all__ = ["CheckFailure", "Exercise", "exercise"]
