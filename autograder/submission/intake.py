"""Compare a submitted notebook with the release before grading it.

nbgrader restores the instructor's test cells and points from the gradebook;
this module tells the student that it happened, and puts nbgrader metadata back
on a notebook that lost it (cells copied into a fresh notebook), matching cells
by content. What cannot be matched is a reason for manual review, never a
silent 0. Outputs saved in the file and nbgrader metadata that the release does
not have (of the wrong type, or naming cells it lacks) are dropped first: nbgrader
and its feedback page would trust them.
"""

import copy
import re
from dataclasses import dataclass, field

from nbformat import NotebookNode


@dataclass
class Intake:
    notebook: NotebookNode
    notices: list[str] = field(default_factory=list)  # told to the student
    review: list[str] = field(default_factory=list)  # reasons to flag for manual review


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _is_test(cell) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade"))


def _normalized(source: str) -> str:
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def check_against_release(submitted: NotebookNode, release: NotebookNode) -> Intake:
    intake = Intake(copy.deepcopy(submitted))
    graded = [c for c in release.cells if _grade_id(c)]
    _clear_outputs(intake.notebook)
    _drop_foreign_metadata(intake, {_grade_id(c) for c in graded})
    if graded and not any(_grade_id(c) for c in intake.notebook.cells):
        _restore_metadata(intake, graded)
    _note_changes(intake, graded)
    return intake


def _clear_outputs(notebook: NotebookNode) -> None:
    """Drop the outputs saved with the notebook: only what grading runs is shown and kept
    (a cell not run at grading would otherwise show whatever the file claims)."""
    for cell in notebook.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None


def _drop_foreign_metadata(intake: Intake, known: set[str]) -> None:
    """Remove nbgrader metadata that is not the release's: of the wrong type, or naming a
    cell the release does not have. nbgrader and its feedback page would trust it."""
    dropped = []
    for cell in intake.notebook.cells:
        metadata = cell.get("metadata")
        if not isinstance(metadata, dict) or "nbgrader" not in metadata:
            continue
        nbgrader = metadata["nbgrader"]
        grade_id = nbgrader.get("grade_id") if isinstance(nbgrader, dict) else None
        if not isinstance(grade_id, str) or grade_id not in known:
            del metadata["nbgrader"]
            dropped.append(grade_id)
    if dropped:
        intake.notices.append(f"{len(dropped)} cell(s) carried grading metadata that the "
                              "assignment does not have; it was ignored.")


def _restore_metadata(intake: Intake, graded: list) -> None:
    """Give cells back their nbgrader metadata: test cells by identical source,
    answer cells by the function they define."""
    intake.notices.append("This notebook had lost its grading metadata (were the cells copied "
                          "into a new notebook?); the grader matched the cells back by content.")
    cells = [c for c in intake.notebook.cells if c.cell_type == "code"]
    for original in graded:
        if _is_test(original):
            matches = [c for c in cells if _normalized(c.source) == _normalized(original.source)]
        else:
            function = _defined_function(original.source)
            matches = [c for c in cells if function and _defines(c.source, function)]
        if matches:
            matches[-1].metadata["nbgrader"] = copy.deepcopy(original.metadata["nbgrader"])
        elif not _is_test(original):
            intake.review.append(f"no cell of the notebook defines the answer "
                                 f"`{_grade_id(original)}`")


def _drop_duplicates(notebook: NotebookNode) -> None:
    """Keep the nbgrader metadata of the last copy of each grade id (nbgrader's own
    deduplication leaves empty metadata that its cell restoration then trips over),
    and give every cell a distinct id."""
    kept: set[str] = set()
    for cell in reversed(notebook.cells):
        grade_id = _grade_id(cell)
        if grade_id in kept:
            del cell.metadata["nbgrader"]
        elif grade_id:
            kept.add(grade_id)
    ids: set[str] = set()
    for number, cell in enumerate(notebook.cells):
        if cell.get("id") in ids or not cell.get("id"):
            cell["id"] = f"cell-{number}"
        ids.add(cell["id"])


def _defined_function(source: str) -> str | None:
    found = re.search(r"^def (\w+)\(", source, re.MULTILINE)
    return found.group(1) if found else None


def _defines(source: str, function: str) -> bool:
    return re.search(rf"^def {function}\(", source, re.MULTILINE) is not None


def _note_changes(intake: Intake, graded: list) -> None:
    submitted = [c for c in intake.notebook.cells if _grade_id(c)]
    seen: dict[str, int] = {}
    for cell in submitted:
        seen[_grade_id(cell)] = seen.get(_grade_id(cell), 0) + 1
    _drop_duplicates(intake.notebook)
    for original in graded:
        grade_id = _grade_id(original)
        copies = [c for c in submitted if _grade_id(c) == grade_id]
        if not copies:
            what = "test cell" if _is_test(original) else "answer cell"
            restored = " and was restored" if _is_test(original) else ""
            intake.notices.append(f"The {what} `{grade_id}` was missing{restored}.")
            continue
        if seen[grade_id] > 1:
            intake.notices.append(f"The cell `{grade_id}` appeared {seen[grade_id]} times; "
                                  "only the last copy was graded.")
        if not _is_test(original):
            continue
        last = copies[-1]
        if _normalized(last.source) != _normalized(original.source):
            intake.notices.append(f"The test cell `{grade_id}` had been edited; "
                                  "the original was restored.")
        points = last.metadata["nbgrader"].get("points")
        if points != original.metadata["nbgrader"].get("points"):
            intake.notices.append(f"The points of `{grade_id}` had been changed to {points}; "
                                  f"they were restored to "
                                  f"{original.metadata['nbgrader'].get('points')}.")
