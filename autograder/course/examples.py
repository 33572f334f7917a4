"""Example submissions, made by code from the student release.

Each example fills the answer cells of a release notebook (cells whose grade id
is the function's name) with answers from `autograder.answers`:

- `perfect`: the solution notebook's own code;
- `variants`: correct answers written differently (loops, other formulas, warnings);
- `typical_mistakes`: the assignment's `TYPICAL` mistakes, the rest perfect;
- `errors`: answers that raise exceptions;
- `untouched`: the release as students receive it.
"""

import importlib
from pathlib import Path

import nbformat

from autograder.course import RELEASE, SOLUTIONS, notebook_path, topic

EXAMPLES = ["perfect", "variants", "typical_mistakes", "errors", "untouched"]
SOLUTION_REGION = ("### BEGIN SOLUTION", "### END SOLUTION")


def answers_module(assignment: str):
    """`autograder.answers.<topic>` for an assignment id such as `01_numpy_basics`."""
    return importlib.import_module(f"autograder.answers.{topic(assignment)}")


def solution_answers(assignment: str) -> dict[str, str]:
    """The solution notebook's answer cells, without the solution markers, by grade id."""
    notebook = nbformat.read(notebook_path(SOLUTIONS, assignment), as_version=4)
    return {cell.metadata.nbgrader["grade_id"]: _strip_markers(cell.source)
            for cell in notebook.cells if _is_answer(cell)}


def _strip_markers(source: str) -> str:
    lines = [line for line in source.splitlines() if line.strip() not in SOLUTION_REGION]
    return "\n".join(lines)


def _is_answer(cell) -> bool:
    return cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution", False)


def example_answers(assignment: str, example: str) -> dict[str, str]:
    """Source per answer cell for one example; cells not named keep the release's stub."""
    if example == "untouched":
        return {}
    answers = solution_answers(assignment)
    if example == "perfect":
        return answers
    catalog = answers_module(assignment)
    chosen = {
        "variants": _first_per_function(catalog.VARIANTS),
        "typical_mistakes": [a for a in catalog.MISTAKES if a.name in catalog.TYPICAL],
        "errors": catalog.ERRORS,
    }[example]
    for answer in chosen:
        answers[answer.function] = answer.source.strip("\n")
    return answers


def _first_per_function(answers):
    seen = {}
    for answer in answers:
        seen.setdefault(answer.function, answer)
    return list(seen.values())


def make_submission(assignment: str, example: str):
    """A release notebook with the example's answers filled in."""
    notebook = nbformat.read(notebook_path(RELEASE, assignment), as_version=4)
    answers = example_answers(assignment, example)
    for cell in notebook.cells:
        if _is_answer(cell) and cell.metadata.nbgrader["grade_id"] in answers:
            cell.source = answers[cell.metadata.nbgrader["grade_id"]]
    return notebook


def write_examples(folder: Path, assignment_ids: list[str]) -> list[Path]:
    """Write `folder/<example>/<assignment>.ipynb`: one student folder per example."""
    paths = []
    for example in EXAMPLES:
        for assignment in assignment_ids:
            path = folder / example / f"{assignment}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(make_submission(assignment, example), path)
            paths.append(path)
    return paths
