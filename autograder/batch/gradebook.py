"""The client's gradebook: the one database every grade of a class ends up in.

SQLite in the workspace by default; any SQLAlchemy URL with `--db-url` (for
example `postgresql+psycopg://user@host/dlcourse`). Workers never write it:
the client records each outcome as it arrives, through one connection per run.
"""

from datetime import datetime

from nbgrader.api import Gradebook, MissingEntry

from autograder.batch.results import Result


def record(gradebook: Gradebook, result: Result, timestamp: datetime | None = None) -> None:
    """Store one submission's scores as nbgrader's autograde would, replacing earlier ones.

    Flagged submissions are marked flagged, so that nbgrader's formgrader shows them;
    `timestamp` is when it was submitted (nbgrader's `timestamp.txt`), when known."""
    gradebook.update_or_create_student(result.student)
    try:
        gradebook.remove_submission(result.assignment, result.student)
    except MissingEntry:
        pass
    submission = gradebook.add_submission(
        result.assignment, result.student, **({"timestamp": timestamp} if timestamp else {}))
    scores = {cell.grade_id: cell.score for cell in result.cells}
    for notebook in submission.notebooks:
        notebook.flagged = result.status == "flagged"
        for grade in notebook.grades:
            if grade.cell.cell_type == "code":
                grade.auto_score = scores.get(grade.name, 0.0)
                grade.needs_manual_grade = False  # as nbgrader's SaveAutoGrades does
    gradebook.db.commit()


def scores(db_url: str) -> dict[tuple[str, str], float]:
    """Every recorded submission's total score, by (student, assignment)."""
    with Gradebook(db_url) as gradebook:
        return {(s.student_id, s.assignment.name): s.score
                for assignment in gradebook.assignments for s in assignment.submissions}
