"""The CSV files of a grading run, in `workspace/exports/`.

- `grades.csv`: student, assignment, score, max_score, status, reason: one row per
  submission found, whatever happened to it;
- `exercises.csv`: one row per graded cell, with the failure message of each lost point;
- `lms.csv`: the gradebook for a learning-management system: student_id, assignment,
  score, max_score; one row per submission of a known assignment (a submission that
  could not be graded scores 0).

Every text cell that a spreadsheet would read as a formula (starting with `=`, `+`,
`-`, `@`, a tab or a carriage return: OWASP's rule against CSV injection) gets a
leading `'`, so that a student named `=HYPERLINK(...)` or an exception class of that
name stays text. Numbers are written by the grader from numbers (scores are never
negative), so they stay numbers: only text is neutralised, however it looks.
"""

import csv
from pathlib import Path

from autograder.batch.results import Result

GRADES_COLUMNS = ["student", "assignment", "score", "max_score", "status", "reason"]
EXERCISE_COLUMNS = ["student", "assignment", "exercise", "part", "score", "max_score", "message"]
LMS_COLUMNS = ["student_id", "assignment", "score", "max_score"]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_exports(results: list[Result], exports: Path) -> None:
    exports.mkdir(parents=True, exist_ok=True)
    write_csv(exports / "grades.csv", GRADES_COLUMNS,
           ([r.student, r.assignment or "", number(r.score), number(r.max_score), r.status,
             r.reason] for r in results))
    write_csv(exports / "exercises.csv", EXERCISE_COLUMNS,
           ([r.student, r.assignment, c.exercise, c.part, number(c.score),
             number(c.max_score), c.message] for r in results for c in r.cells))
    write_csv(exports / "lms.csv", LMS_COLUMNS,
           ([r.student, r.assignment, number(r.score), number(r.max_score)]
            for r in results if r.max_score))


def write_csv(path: Path, columns: list[str], rows) -> None:
    """A CSV file of text cells (neutralised) and `Number` cells (written as they are)."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([safe_cell(cell) for cell in row] for row in rows)


class Number(str):
    """A cell the grader formatted from a number: written as it is."""


def number(value: float) -> Number:
    return Number(f"{value:g}")


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, Number | int | float):
        return str(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
