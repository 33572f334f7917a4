"""The `dlcourse` command: the course's notebooks, their checks and their grading.

Students: `dlcourse lab` opens JupyterLab on your own folder, `dlcourse check NOTEBOOK`
runs a notebook's checks. Instructors: `build`, `grade`, `report`, `lab --instructor`;
`demo` grades example submissions. `dlcourse COMMAND -h` tells more."""

import argparse
import sys
from pathlib import Path

from autograder.course import COURSE_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dlcourse", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command")

    build = commands.add_parser("build", help="regenerate notebooks/ from solutions/")
    build.add_argument("--check", action="store_true",
                       help="change nothing; fail if notebooks/ differs from a fresh build")
    build.add_argument("--discard-changes", action="store_true",
                       help="replace files of notebooks/ that were changed by hand "
                            "(without it, the build refuses and names them)")

    check = commands.add_parser("check", help="run a notebook's visible checks and report")
    check.add_argument("notebook", type=Path)

    grade = commands.add_parser("grade", help="autograde a folder of student notebooks")
    grade.add_argument("submissions", type=Path,
                       help="one subfolder or one .ipynb file per student")
    grade.add_argument("--workspace", type=Path, default=COURSE_ROOT,
                       help="nbgrader workspace; exports go to WORKSPACE/exports "
                            "(default: the course root, autograder/)")
    grade.add_argument("--assignment", help="the assignment id, when file names do not say")
    grade.add_argument("--force", action="store_true",
                       help="regrade every submission, even those graded before unchanged")
    grade.add_argument("--workers", type=int, default=None, metavar="N",
                       help="grading processes on this machine (default: one per core)")
    grade.add_argument("--scheduler", metavar="ADDRESS",
                       help="grade on the Dask cluster whose scheduler is at ADDRESS "
                            "(e.g. tcp://10.0.0.5:8786); needs the dask extra")
    grade.add_argument("--db-url", metavar="URL",
                       help="the gradebook as an SQLAlchemy URL, e.g. "
                            "postgresql+psycopg://grader@dbhost/dlcourse "
                            "(default: SQLite in the workspace)")

    grade.add_argument("--no-sandbox", action="store_true",
                       help="run student code WITHOUT the bubblewrap sandbox, with this "
                            "user's access to every file (only where bubblewrap cannot run; "
                            "every row says so)")

    report = commands.add_parser("report", help="write the class report of a workspace")
    report.add_argument("--workspace", type=Path, default=COURSE_ROOT,
                        help="the workspace graded into (default: autograder/)")

    commands.add_parser("demo", help="build, grade the example submissions, print the grades")

    lab = commands.add_parser("lab", help="open JupyterLab on your own folder, student/ "
                                          "(nbgrader's Assignment List)")
    lab.add_argument("--instructor", action="store_true",
                     help="the instructor's lab: formgrader and Create Assignment")
    lab.add_argument("--port", type=int, help="serve on 127.0.0.1:PORT")
    lab.add_argument("--no-browser", action="store_true", help="do not open a web browser")

    html = commands.add_parser("html", help="a notebook as an HTML page whose maths renders "
                                            "offline (e.g. a solution, for reading)")
    html.add_argument("notebooks", type=Path, nargs="+")
    html.add_argument("--output-dir", type=Path, default=Path("build") / "html",
                      help="where the pages go (default: build/html)")

    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    run = {"build": _build, "check": _check, "grade": _grade, "report": _report, "demo": _demo,
           "lab": _lab, "html": _html}
    return run[args.command](args)


def _build(args) -> int:
    from autograder.course.build import ChangedRelease, build, release_differences

    if args.check:
        problems = release_differences()
        for problem in problems:
            print(problem)
        print("notebooks/ is out of date: run `dlcourse build`." if problems
              else "notebooks/ matches a fresh build.")
        return 1 if problems else 0
    try:
        build(discard_changes=args.discard_changes)
    except ChangedRelease as refusal:
        print(refusal)
        return 1
    print("notebooks/ rebuilt from solutions/.")
    return 0


def _check(args) -> int:
    from autograder.course.student_check import report, run_checks

    if not args.notebook.is_file():
        print(f"No notebook at {args.notebook}.")
        return 2
    print(f"Running {args.notebook} from top to bottom ...")
    results = run_checks(args.notebook)
    print(report(results))
    return 1 if any(r.message for r in results) else 0


def _grade(args) -> int:
    from autograder.batch import UNSANDBOXED, grade_folder, grade_table
    from autograder.submission.sandbox import SandboxUnavailable

    if not args.submissions.is_dir():
        print(f"No folder at {args.submissions}.")
        return 2
    if args.workers is not None and args.workers < 1:
        print("--workers must be at least 1.")
        return 2
    if args.no_sandbox:
        print(f"WARNING: {UNSANDBOXED}", file=sys.stderr)
    try:
        results = grade_folder(args.submissions, args.workspace, args.assignment,
                               force=args.force, workers=args.workers,
                               scheduler=args.scheduler, db_url=args.db_url,
                               sandbox=not args.no_sandbox)
    except SandboxUnavailable as error:
        print(f"Cannot grade safely: {error}.\nStudent code runs in a bubblewrap sandbox; "
              "install it (Debian: apt-get install bubblewrap), or pass --no-sandbox to "
              "grade without it.", file=sys.stderr)
        return 2
    print(grade_table(results))
    print(f"\nExports: {args.workspace / 'exports'} "
          "(grades.csv, exercises.csv, lms.csv, feedback/)")
    print(f"Class report: dlcourse report --workspace {args.workspace}")
    return 0


def _report(args) -> int:
    from autograder.batch.report import write_reports

    pages = write_reports(args.workspace)
    if not pages:
        print(f"Nothing graded in {args.workspace} yet: run `dlcourse grade` first.")
        return 1
    for page in pages:
        print(page)
    return 0


def _demo(args) -> int:
    from autograder.course.build import ChangedRelease
    from autograder.course.demo import demo

    try:
        demo()
    except ChangedRelease as refusal:
        print(refusal)
        return 1
    return 0


def _html(args) -> int:
    from autograder.submission.offline_math import export_html

    for notebook in args.notebooks:
        print(export_html(notebook, args.output_dir))
    return 0


def _lab(args) -> int:
    from autograder.course.lab import run_lab

    return run_lab("instructor" if args.instructor else "student", port=args.port,
                   open_browser=not args.no_browser)


if __name__ == "__main__":
    sys.exit(main())
