"""`dlcourse check NOTEBOOK`: run a notebook and report its checks, exercise by exercise."""

from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.submission.feedback import HIDDEN_REGION, error_summary

CELL_TIMEOUT = 120


@dataclass
class CheckResult:
    exercise: str
    points: float
    earned: float
    message: str
    pending: bool  # hidden tests not in this notebook: they run at grading


def run_checks(path: Path) -> list[CheckResult]:
    """Execute the notebook in its own folder and read the verdict of every graded cell."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=CELL_TIMEOUT, allow_errors=True, kernel_name="python3",
                   extra_arguments=["--IPKernelApp.log_level=ERROR"],
                   resources={"metadata": {"path": str(path.parent.resolve())}}).execute()
    results = []
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade") or cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        points = float(meta.get("points", 0))
        hidden_part = meta["grade_id"].endswith("-hidden")
        pending = hidden_part and not HIDDEN_REGION.search(cell.source)
        results.append(CheckResult(
            exercise=meta["grade_id"], points=points,
            earned=0.0 if errors or pending else points,
            message=error_summary(errors[0]) if errors else "", pending=pending))
    return results


def report(results: list[CheckResult]) -> str:
    """One line per graded cell, then the totals, in words."""
    lines = []
    width = max((len(r.exercise) for r in results), default=10)
    for r in results:
        if r.pending:
            points = "point" if r.points == 1 else "points"
            lines.append(f"{'HIDDEN':6} {r.exercise:{width}}  "
                         f"hidden tests: {r.points:g} {points}, run at grading")
            continue
        verdict = "FAIL" if r.message else "PASS"
        detail = r.message.removeprefix("FAIL ")
        lines.append(f"{verdict:6} {r.exercise:{width}}  {r.earned:g}/{r.points:g}  {detail}")
    checked = [r for r in results if not r.pending]
    pending = sum(r.points for r in results if r.pending)
    lines.append(f"\nChecks: {sum(r.earned for r in checked):g}/{sum(r.points for r in checked):g}"
                 f" points, {sum(1 for r in checked if r.message)} failing.")
    if pending:
        lines.append(f"Hidden tests worth {pending:g} more points run when your work is graded.")
    return "\n".join(lines)
