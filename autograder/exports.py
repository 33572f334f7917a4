"""The CSV files of a grading run, in `workspace/exports/`.

- `grades.csv`: student, assignment, score, max_score, status, reason: one row per
  submission found, whatever happened to it;
- `exercises.csv`: one row per graded cell, with the failure message of each lost point;
- `lms.csv`: the gradebook for a learning-management system: student_id, assignment,
  score, max_score; one row per submission of a known assignment (a submission that
  could not be graded scores 0).
"""

import csv
from pathlib import Path

from autograder.results import Result

GRADES_COLUMNS = ["student", "assignment", "score", "max_score", "status", "reason"]
EXERCISE_COLUMNS = ["student", "assignment", "exercise", "part", "score", "max_score", "message"]
LMS_COLUMNS = ["student_id", "assignment", "score", "max_score"]


def write_exports(results: list[Result], exports: Path) -> None:
    exports.mkdir(parents=True, exist_ok=True)
    _write(exports / "grades.csv", GRADES_COLUMNS,
           ([r.student, r.assignment or "", number(r.score), number(r.max_score), r.status,
             r.reason] for r in results))
    _write(exports / "exercises.csv", EXERCISE_COLUMNS,
           ([r.student, r.assignment, c.exercise, c.part, number(c.score),
             number(c.max_score), c.message] for r in results for c in r.cells))
    _write(exports / "lms.csv", LMS_COLUMNS,
           ([r.student, r.assignment, number(r.score), number(r.max_score)]
            for r in results if r.max_score))


def _write(path: Path, columns: list[str], rows) -> None:
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)


def number(value: float) -> str:
    return f"{value:g}"
