"""Grading throughput: `dlcourse grade` with 1 and 2 workers against plain `nbgrader autograde`.

    .venv/bin/python benchmarks/grading.py                       # 10 students x 6 assignments
    .venv/bin/python benchmarks/grading.py --students 100 --workers 2 --no-baseline

Builds `--students` synthetic submissions per assignment from the student release:
each graded function gets the solution's answer or, with probability `--mistakes`
(seeded), one of the assignment's catalogued mistakes. Then, on the same
submissions, one after the other:

- `dlcourse grade --workers N` for each N of `--workers`, into a fresh workspace
  whose gradebook is prepared before the clock starts;
- plain nbgrader, serially, as its documentation runs it: `nbgrader autograde A`
  then `nbgrader generate_feedback A` per assignment in a course folder of its own
  (stock `Execute`, the course's hidden tests), after `generate_assignment`.

Prints submissions per minute, the ratio to plain nbgrader, whether every run gave
the same grades, and where a worker's time goes (per submission, averaged):
kernel start-up, running the cells, the rest of nbgrader's autograde, the feedback
page, intake, and the client's share (files, gradebook). Figures depend on the
machine and its load; report them with the load.

`--against REV` compares this checkout with the course at git revision REV (checked
out once into `build/bench-against-REV`): `--rounds` times, the two grade the same
class in turns, each with its own copy of this benchmark (the earlier one first in
odd rounds, last in even ones), and the medians and their ratio are printed. A machine
whose speed drifts by 10-20 % from one minute to the next (shared cloud cores) moves
single runs more than the difference being measured.

    .venv/bin/python benchmarks/grading.py --against ac9ee77 --rounds 5 --students 10 \
        --workers 2 --assignments 01_numpy_basics 02_vectorization ...
"""

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import nbformat  # noqa: E402
from traitlets.config import Config  # noqa: E402

from autograder.batch import Client, grade_folder  # noqa: E402
from autograder.course import SOLUTIONS, assignments, notebook_path  # noqa: E402
from autograder.course.examples import answers_module, make_submission  # noqa: E402

PHASES = ["kernel", "cells", "nbgrader", "feedback", "intake", "collect", "client"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--assignments", nargs="*", default=None)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--mistakes", type=float, default=0.3,
                        help="probability that a graded function holds a mistake")
    parser.add_argument("--no-baseline", action="store_true", help="skip plain nbgrader")
    parser.add_argument("--render-figures", action="store_true",
                        help="grading kernels draw the figures (as before they stopped)")
    parser.add_argument("--root", type=Path, default=REPO / "build" / "bench-grading")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--against", metavar="REV",
                        help="compare with the course at this git revision, in turns")
    parser.add_argument("--rounds", type=int, default=3, help="turns of --against")
    return parser.parse_args()


def write_class(folder: Path, chosen: list[str], students: int, mistakes: float, seed: int):
    rng = random.Random(seed)
    for assignment in chosen:
        catalog = answers_module(assignment).MISTAKES
        for number in range(students):
            notebook = make_submission(assignment, "perfect")
            for cell in notebook.cells:
                grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
                wrong = [m for m in catalog if m.function == grade_id]
                if cell.metadata.get("nbgrader", {}).get("solution") and wrong \
                        and rng.random() < mistakes:
                    cell.source = rng.choice(wrong).source.strip("\n")
            path = folder / f"student{number:03d}" / f"{assignment}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, path)


def run_dlcourse(submissions: Path, workspace: Path, chosen: list[str], workers: int,
                 settings: Config):
    shutil.rmtree(workspace, ignore_errors=True)
    client = Client(workspace.resolve(), settings, None)
    for assignment in chosen:
        client.prepare(assignment)
    timings: list[dict] = []
    started = time.perf_counter()
    results = grade_folder(submissions, workspace, workers=workers, timings=timings,
                           settings=settings)
    return time.perf_counter() - started, results, timings


def run_nbgrader(submissions: Path, course: Path, chosen: list[str]) -> float:
    shutil.rmtree(course, ignore_errors=True)
    course.mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        f"c.CourseDirectory.source_directory = {str(SOLUTIONS)!r}\n"
        "c.CourseDirectory.release_directory = 'release'\n"
        "c.Execute.timeout = 60\n")
    nbgrader = [str(Path(sys.executable).parent / "nbgrader")]
    for assignment in chosen:
        subprocess.run(nbgrader + ["generate_assignment", assignment, "--force"], cwd=course,
                       check=True, capture_output=True)
        for student in submissions.iterdir():
            source = student / f"{assignment}.ipynb"
            target = notebook_path(course / "submitted" / student.name, assignment)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    started = time.perf_counter()
    for assignment in chosen:
        for step in ("autograde", "generate_feedback"):
            subprocess.run(nbgrader + [step, assignment, "--force"], cwd=course, check=True,
                           capture_output=True)
    return time.perf_counter() - started


def phases(timings: list[dict]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for seconds in timings:
        rest = seconds.get("autograde", 0) - seconds.get("kernel", 0) - seconds.get("cells", 0)
        for phase in PHASES:
            total[phase] += rest if phase == "nbgrader" else seconds.get(phase, 0)
    return {phase: total[phase] / max(len(timings), 1) for phase in PHASES}


def checkout(revision: str) -> Path:
    """The course at `revision`, checked out beside the build once."""
    folder = REPO / "build" / f"bench-against-{revision}"
    if not folder.exists():
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(folder),
                        revision], check=True, capture_output=True)
    return folder


def timed_run(course: Path, args, workers: int) -> tuple[float, str]:
    """Seconds of one `--workers` run of `course`'s own benchmark; its line of phases."""
    command = [sys.executable, str(course / "benchmarks" / "grading.py"), "--no-baseline",
               "--students", str(args.students), "--workers", str(workers),
               "--mistakes", str(args.mistakes), "--seed", str(args.seed),
               "--root", str(args.root / course.name)]
    if args.assignments:
        command += ["--assignments", *args.assignments]
    output = subprocess.run(command, cwd=course, check=True, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(course)}).stdout
    line = re.search(rf"^--workers {workers}: ([0-9.]+) s; .*$", output, re.MULTILINE)
    if line is None:
        raise RuntimeError(f"no timing in the output of {course}:\n{output}")
    return float(line.group(1)), line.group(0)


def compare(args) -> None:
    """This checkout against `--against`, in turns; medians and their ratio."""
    courses = {"this checkout": REPO, args.against: checkout(args.against)}
    workers = args.workers[-1]
    load = os.getloadavg()[0]
    print(f"--workers {workers}, {args.rounds} rounds in turns (load {load:.2f} at the start)")
    seconds: dict[str, list[float]] = {name: [] for name in courses}
    for turn in range(args.rounds):
        order = list(courses)[::-1] if turn % 2 == 0 else list(courses)
        for name in order:
            taken, line = timed_run(courses[name], args, workers)
            seconds[name].append(taken)
            print(f"round {turn + 1}, {name}: {line}", flush=True)
    medians = {name: statistics.median(values) for name, values in seconds.items()}
    for name, values in seconds.items():
        print(f"{name}: median {medians[name]:.1f} s of " + ", ".join(f"{v:.1f}" for v in values))
    ratio = medians["this checkout"] / medians[args.against]
    print(f"this checkout takes {ratio:.3f} x the time of {args.against} "
          f"({(ratio - 1) * 100:+.1f} %)")


def main() -> None:
    args = parse_args()
    if args.against:
        compare(args)
        return
    chosen = args.assignments or assignments()
    submissions = args.root / "submissions"
    shutil.rmtree(args.root, ignore_errors=True)
    write_class(submissions, chosen, args.students, args.mistakes, args.seed)
    count = args.students * len(chosen)
    print(f"{args.students} students x {len(chosen)} assignments = {count} submissions "
          f"({args.mistakes:.0%} of answers wrong)\n")
    rows, grades = [], {}
    settings = Config()
    settings.GuardedExecute.render_figures = args.render_figures
    for workers in args.workers:
        seconds, results, timings = run_dlcourse(submissions, args.root / f"ws-{workers}",
                                                 chosen, workers, settings)
        grades[workers] = [(r.student, r.assignment, r.score, r.status) for r in results]
        rows.append((f"dlcourse grade --workers {workers}", seconds))
        split = phases(timings)
        print(f"--workers {workers}: {seconds:.1f} s; per submission in a worker: "
              + ", ".join(f"{p} {split[p]:.2f} s" for p in PHASES)
              + f" (sum {sum(split.values()):.2f} s)")
    baseline = None
    if not args.no_baseline:
        baseline = run_nbgrader(submissions, args.root / "nbgrader-course", chosen)
        rows.append(("nbgrader autograde + generate_feedback, serial", baseline))
    print(f"\n{'run':<50} {'seconds':>8} {'subm./min':>10} {'vs nbgrader':>12}")
    for name, seconds in rows:
        ratio = f"{baseline / seconds:.2f}x" if baseline else "-"
        print(f"{name:<50} {seconds:8.1f} {60 * count / seconds:10.1f} {ratio:>12}")
    if len(grades) > 1:
        same = all(g == grades[args.workers[0]] for g in grades.values())
        print(f"\nSame grades with every worker count: {'yes' if same else 'NO'}")
    for name, seconds in rows[:len(args.workers)]:
        print(f"{name}: 100 students x 6 assignments would take "
              f"{seconds / count * 600 / 60:.1f} min at this rate")


if __name__ == "__main__":
    main()
