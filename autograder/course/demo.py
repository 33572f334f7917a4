"""`dlcourse demo`: build the release, grade the example submissions, show the results."""

import shutil
import time
from pathlib import Path

from autograder.batch import grade_folder, grade_table
from autograder.batch.report import write_reports
from autograder.course import REPO_ROOT, assignments
from autograder.course.build import build
from autograder.course.examples import write_examples
from autograder.submission.sandbox import unavailable_reason

DEMO_ROOT = REPO_ROOT / "build" / "demo"


def demo(root: Path = DEMO_ROOT) -> list:
    started = time.perf_counter()
    print("1/3 Building the student release notebooks/ from solutions/ ...")
    build()
    shutil.rmtree(root, ignore_errors=True)
    submissions = root / "submissions"
    print(f"2/3 Writing example submissions to {_shown(submissions)} ...")
    write_examples(submissions, assignments())
    print("3/3 Autograding them (every notebook runs in a fresh sandboxed kernel, one worker "
          "per core) ...")
    missing = unavailable_reason()
    if missing:
        print(f"    {missing}.\n    These are the course's own examples, so they are graded "
              "without the sandbox; `dlcourse grade` refuses to grade students' work so.")
    results = grade_folder(submissions, workspace=root / "workspace", sandbox=not missing)
    exports = root / "workspace" / "exports"
    write_reports(root / "workspace")
    print()
    print(grade_table(results))
    print()
    print(f"Grades:    {_shown(exports / 'grades.csv')}")
    print(f"Exercises: {_shown(exports / 'exercises.csv')}")
    print(f"Feedback:  {_shown(exports / 'feedback')}/<student>/<assignment>.html")
    print(f"Report:    {_shown(exports / 'report' / 'index.html')}")
    print(f"Done in {time.perf_counter() - started:.0f} s.")
    return results


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)
