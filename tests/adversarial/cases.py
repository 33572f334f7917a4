"""Hostile and broken submissions, each built by code from the real release of
01_numpy_basics, with the exact outcome the grader must give it."""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from autograder.course import REPO_ROOT
from autograder.course.examples import make_submission

ASSIGNMENT = "01_numpy_basics"
FULL = 21
CELL_TIMEOUT = 5  # seconds per cell in this suite, to keep it fast


@dataclass
class Link:
    """A symbolic link: to an absolute path, or to a path relative to the submissions folder."""

    target: str
    notebook: bool = False  # as `<student>.ipynb` beside the student folders


class Fifo:
    """A named pipe in place of a notebook: reading it would wait forever."""


class Device:
    """A character device (/dev/zero's numbers) in place of a notebook: endless bytes."""


@dataclass
class Case:
    student: str
    files: "dict | Link"  # path in the folder -> notebook, bytes, str, Link, Fifo, Device;
    # or a Link in place of the whole student folder
    status: str
    score: float
    cells: dict = field(default_factory=dict)  # grade id -> (score, message fragment)
    reason: list = field(default_factory=list)  # fragments of the reason
    max_score: float = FULL


def perfect():
    return make_submission(ASSIGNMENT, "perfect")


def with_answer(grade_id, source, notebook=None):
    notebook = notebook or perfect()
    cell = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                == grade_id and not c.metadata.nbgrader.get("grade"))
    cell.source = source
    return notebook


def edit_test_cell(grade_id, change):
    notebook = perfect()
    index = next(i for i, c in enumerate(notebook.cells)
                 if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    change(notebook, index)
    return notebook


def strip_metadata(notebook):
    for cell in notebook.cells:
        cell.metadata = {}
    notebook.metadata = {"kernelspec": notebook.metadata["kernelspec"]}
    return notebook


def only(notebook):
    return {f"{ASSIGNMENT}.ipynb": notebook}


TIMED_OUT = (0, f"timed out after {CELL_TIMEOUT} s")
DIED = (0, "kernel died while running this cell")
NOT_RUN = (0, "not run: the kernel died in an earlier cell")

NORMALIZE = "def normalize_rows(x):\n"
ROW_NORMS = "    return x / np.linalg.norm(x, axis=1, keepdims=True)\n"
WRONG_SOFTMAX = "def softmax(x):\n    return np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True)\n"
WRONG_SIGMOID = "def sigmoid(x):\n    return 1 / (1 + np.exp(x))\n"


def all_cases():
    return [
        Case("endless_loop", only(with_answer(
            "normalize_rows", NORMALIZE + "    while True:\n        pass\n")),
            "graded", FULL - 3,
            {"normalize_rows-visible": TIMED_OUT, "normalize_rows-hidden": TIMED_OUT,
             "softmax-visible": (1, ""), "stable_softmax-hidden": (2, "")}),
        Case("swallows_interrupt", only(with_answer("normalize_rows", NORMALIZE + (
            "    while True:\n        try:\n            while True:\n                pass\n"
            "        except KeyboardInterrupt:\n            pass\n"))),
            "graded", FULL - 3,
            {"normalize_rows-visible": TIMED_OUT, "normalize_rows-hidden": TIMED_OUT,
             "softmax-visible": (1, ""), "stable_softmax-hidden": (2, "")}),
        Case("kernel_exits", only(with_answer(
            "normalize_rows", "import os\n" + NORMALIZE + "    os._exit(1)\n")),
            "graded", 12,
            {"image2vector-hidden": (2, ""), "normalize_rows-visible": DIED,
             "normalize_rows-hidden": NOT_RUN, "softmax-visible": NOT_RUN,
             "stable_softmax-hidden": NOT_RUN}),
        Case("segfault", only(with_answer(
            "normalize_rows", "import ctypes\n" + NORMALIZE + "    ctypes.string_at(0)\n")),
            "flagged", 12,
            {"normalize_rows-visible": DIED, "softmax-hidden": NOT_RUN},
            ["uses ctypes"]),
        Case("memory_bomb", only(with_answer(
            "normalize_rows", NORMALIZE + "    hog = np.ones(2**31)\n" + ROW_NORMS)),
            "graded", FULL - 3,
            {"normalize_rows-visible": (0, "memory limit exceeded: each grading kernel may use 4"),
             "softmax-visible": (1, "")}),
        Case("deleted_test_cell", only(edit_test_cell(
            "normalize_rows-visible", lambda nb, i: nb.cells.pop(i))),
            "graded", FULL, {"normalize_rows-visible": (1, "")},
            ["The test cell `normalize_rows-visible` was missing and was restored."]),
        Case("edited_test_cell", only(edit_test_cell(
            "softmax-hidden", lambda nb, i: setattr(nb.cells[i], "source", "pass"))),
            "graded", FULL, {"softmax-hidden": (2, "")},
            ["The test cell `softmax-hidden` had been edited; the original was restored."]),
        Case("edited_test_cell_wrong_answer", only(_edited_with_wrong_softmax()),
            "graded", FULL - 3, {"softmax-visible": (0, "wrong values"),
                                 "softmax-hidden": (0, "wrong values")},
            ["had been edited; the original was restored"]),
        Case("duplicated_test_cell", only(edit_test_cell(
            "sigmoid-visible", lambda nb, i: nb.cells.insert(i, nb.cells[i]))),
            "graded", FULL, {"sigmoid-visible": (1, "")},
            ["The cell `sigmoid-visible` appeared 2 times; only the last copy was graded."]),
        Case("changed_points", only(edit_test_cell(
            "sigmoid-visible",
            lambda nb, i: nb.cells[i].metadata.nbgrader.__setitem__("points", 100))),
            "graded", FULL, {"sigmoid-visible": (1, "")},
            ["The points of `sigmoid-visible` had been changed to 100; "
             "they were restored to 1."]),
        Case("metadata_stripped", only(strip_metadata(perfect())), "graded", FULL,
             {"stable_softmax-hidden": (2, "")}, ["had lost its grading metadata"]),
        Case("metadata_stripped_answer_gone", only(_stripped_without_softmax()),
             "flagged", FULL - 3, {"softmax-visible": (0, "")},
             ["needs manual review: no cell of the notebook defines the answer `softmax`"]),
        Case("not_json", {f"{ASSIGNMENT}.ipynb": "{ this is not JSON"}, "error", 0,
             reason=["is not a valid notebook"]),
        Case("not_a_notebook", {f"{ASSIGNMENT}.ipynb": json.dumps({"answer": 42})},
             "error", 0, reason=["is not a valid notebook"]),
        Case("renamed_file", {"my_homework.ipynb": perfect()}, "graded", FULL,
             reason=["Your notebook was named my_homework.ipynb; it was graded as "
                     "01_numpy_basics.ipynb."]),
        Case("missing_notebook", {"notes.txt": "I ran out of time"}, "error", 0, max_score=0,
             reason=["no notebook (.ipynb) in the submission (notes.txt)"]),
        Case("extra_files", {f"{ASSIGNMENT}.ipynb": perfect(), "scratch.py": "x = 1\n"},
             "graded", FULL, reason=["Files other than notebooks were not graded: scratch.py."]),
        Case("patches_numpy", only(with_answer(
            "sigmoid", "np.allclose = lambda *a, **k: True\n"
                       "np.isclose = lambda a, b, **k: np.ones(np.shape(a), dtype=bool)\n"
                       + WRONG_SIGMOID)),
            # sigma'(x) is even, so the derivative built on this wrong sigmoid is right
            "flagged", FULL - 3, {"sigmoid-visible": (0, "wrong values"),
                                  "sigmoid-hidden": (0, "wrong values"),
                                  "sigmoid_derivative-hidden": (2, "")},
            ["sigmoid, line 1: `np.allclose = lambda *a, **k: True` (changes `np` itself)"]),
        Case("patches_numpy_during_the_check", only(with_answer(
            "sigmoid", "def sigmoid(x):\n"
                       "    np.isclose = lambda a, b, **k: np.ones(np.shape(a), dtype=bool)\n"
                       "    return x\n")),
            "flagged", FULL - 3 - 3, {"sigmoid-visible": (0, "got dtype int64"),
                                      "sigmoid-hidden": (0, "wrong values")},
            ["changes `np` itself"]),
        Case("patches_checks", only(with_answer(
            "softmax", "import course_utils.checks.core as core\n"
                       "core.Exercise.expect_array = lambda *a, **k: None\n" + WRONG_SOFTMAX)),
            "flagged", FULL - 3, {"softmax-visible": (0, "wrong values"),
                                  "softmax-hidden": (0, "wrong values")},
            ["changes `core` itself"]),
        Case("patches_builtins", only(with_answer(
            "softmax", "import builtins\nbuiltins.isinstance = lambda *a: True\n"
                       + WRONG_SOFTMAX)),
            # the broken isinstance hangs the answer cell itself: softmax is never defined
            "flagged", FULL - 3, {"softmax-visible": (0, "`softmax` is not defined: its "
                                                         "answer cell failed with CellTimeout"),
                                  "stable_softmax-hidden": (2, "")},
            ["imports builtins"]),
        Case("replaces_sys_modules", only(with_answer(
            "softmax", "import sys, types\n"
                       "sys.modules['course_utils.checks.core'] = types.SimpleNamespace()\n"
                       + WRONG_SOFTMAX)),
            "flagged", FULL - 3, {"softmax-hidden": (0, "wrong values")},
            ["touches `modules`"]),
        Case("replaces_check_function", only(with_answer(
            "softmax", "check_softmax = lambda f: None\n" + WRONG_SOFTMAX)),
            "flagged", FULL - 3, {"softmax-visible": (0, "wrong values"),
                                  "softmax-hidden": (0, "wrong values")},
            ["replaces a grading function"]),
        Case("exec_of_built_string", only(with_answer(
            "sigmoid", 'exec("def sig" + "moid(x):\\n    return 1 / (1 + np.exp(-x))")\n')),
            "flagged", FULL, reason=["runs code built from a string"]),
        # the sandbox holds no grader code: the import fails, softmax is never defined
        Case("imports_the_grader", only(with_answer(
            "softmax", "from autograder.reference.numpy_basics import softmax\n")),
            "flagged", FULL - 3, {"softmax-visible": (0, "its answer cell failed with "
                                                         "ModuleNotFoundError")},
            reason=["imports the grader"]),
        Case("reads_outside_files", only(with_answer(
            "sigmoid", 'secrets = open("/etc/passwd").read()\n'
                       "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n")),
            "flagged", FULL, reason=["touches files outside the submission folder"]),
        Case("writes_outside_its_folder", only(with_answer("sigmoid", WRITE_ATTEMPTS + (
            "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n"))),
            "flagged", FULL, reason=["touches files outside the submission folder"]),
        Case("fork_bomb", only(with_answer("sigmoid", FORK_BOMB)), "flagged", FULL,
             reason=["starts processes"]),
        Case("huge_output", only(with_answer(
            "sigmoid", "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n\n"
                       "for i in range(10**7):\n    print(i)\n")),
            "graded", FULL),
        Case("warnings_on_stderr", only(with_answer(
            "sigmoid", "import warnings\nwarnings.warn('a warning from the answer cell')\n"
                       "def sigmoid(x):\n    np.log(np.zeros(1))\n"
                       "    warnings.warn('and one while the check runs', RuntimeWarning)\n"
                       "    return 1 / (1 + np.exp(-x))\n")),
            "graded", FULL, {"sigmoid-visible": (1, ""), "sigmoid-hidden": (2, "")}),
        *intake_cases(),
        *injection_cases(),
    ]


# -- intake: what is read, and what is refused (each trick on top of the same wrong answers)

WRONG = FULL - 3  # the score of `wrong_answers`: softmax wrong, the rest right
CLASSMATE_SECRET = "classmate-secret-5e1c"  # only in the classmate's own notebook
LINKED = "is a symbolic link"


def wrong_answers():
    return with_answer("softmax", WRONG_SOFTMAX)


def classmates_notebook():
    return with_answer("sigmoid", f"# {CLASSMATE_SECRET}\n"
                                  "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n")


def deep_metadata(depth=100_000):
    """A notebook whose metadata nests `depth` lists deep: too deep for any JSON parser."""
    text = nbformat.writes(wrong_answers())
    return text.replace('"metadata": {', '"metadata": {"deep": ' + "[" * depth + "]" * depth
                        + ", ", 1)


def with_assignment_metadata(value, notebook=None):
    notebook = notebook or wrong_answers()
    notebook.metadata["dlcourse"] = {"assignment": value}
    return notebook


def intake_cases():
    refused = "a submission must be"
    return [
        Case("wrong_answers", only(wrong_answers()), "graded", WRONG,
             {"softmax-visible": (0, "wrong values")}),
        Case("classmate", only(classmates_notebook()), "graded", FULL),
        Case("links_classmates_folder", Link("classmate"), "error", 0, max_score=0,
             reason=[f"links_classmates_folder {LINKED}", refused]),
        Case("links_classmates_notebook",
             {f"{ASSIGNMENT}.ipynb": Link(f"classmate/{ASSIGNMENT}.ipynb")}, "error", 0,
             max_score=0, reason=[f"{ASSIGNMENT}.ipynb {LINKED}", refused]),
        Case("links_notebook_beside_folders", Link(f"classmate/{ASSIGNMENT}.ipynb", True),
             "error", 0, max_score=0,
             reason=[f"links_notebook_beside_folders.ipynb {LINKED}", refused]),
        Case("links_etc_shadow", {f"{ASSIGNMENT}.ipynb": Link("/etc/shadow")}, "error", 0,
             max_score=0, reason=[LINKED]),
        Case("links_a_folder_inside", {"work": Link("classmate")}, "error", 0, max_score=0,
             reason=["no notebook (.ipynb) in the submission (work (a symbolic link))"]),
        Case("fifo_notebook", {f"{ASSIGNMENT}.ipynb": Fifo()}, "error", 0, max_score=0,
             reason=["is a FIFO", refused]),
        Case("device_notebook", {f"{ASSIGNMENT}.ipynb": Device()}, "error", 0, max_score=0,
             reason=[refused]),
        Case("too_large", {f"{ASSIGNMENT}.ipynb": "{" + " " * (26 * 2**20) + "}"}, "error", 0,
             max_score=0, reason=["is too large to grade (26.0 MiB; the limit is 25.0 MiB)"]),
        Case("deep_metadata", {f"{ASSIGNMENT}.ipynb": deep_metadata()}, "error", 0,
             reason=["is not a valid notebook"]),
        Case("deep_metadata_renamed", {"homework.ipynb": deep_metadata()}, "error", 0,
             max_score=0, reason=["cannot tell which assignment homework.ipynb is"]),
        Case("assignment_is_a_number", only(with_assignment_metadata(5)), "graded", WRONG,
             {"softmax-visible": (0, "wrong values")}),
        Case("assignment_is_a_number_renamed", {"homework.ipynb": with_assignment_metadata(5)},
             "error", 0, max_score=0, reason=["cannot tell which assignment homework.ipynb"]),
        Case("assignment_is_a_path", {"homework.ipynb": with_assignment_metadata("../../etc")},
             "error", 0, max_score=0, reason=["unknown assignment '../../etc' in homework.ipynb"]),
        Case("metadata_of_the_wrong_type", only(_nbgrader_metadata_of_the_wrong_type()),
             "graded", WRONG, {"softmax-visible": (0, "wrong values")},
             ["carried grading metadata that the assignment does not have"]),
        Case("renamed_answer_cell", only(_renamed("softmax")), "graded", WRONG,
             {"softmax-visible": (0, "wrong values")},
             ["carried grading metadata that the assignment does not have"]),
        Case("renamed_test_cell", only(_renamed("softmax-visible")), "graded", WRONG,
             {"softmax-visible": (0, "wrong values")},
             ["The test cell `softmax-visible` was missing and was restored."]),
        Case("stored_outputs", only(_with_stored_outputs()), "graded", WRONG,
             {"softmax-visible": (0, "wrong values")}),
    ]


def _renamed(grade_id):
    notebook = wrong_answers()
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.metadata.nbgrader["grade_id"] = grade_id + "-renamed"
    return notebook


STORED_OUTPUT = "stored-output-3b9d "


def _with_stored_outputs():
    """Outputs saved at home: a fake pass and a script in every code cell, 5 MB in one."""
    notebook = wrong_answers()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell in code:
        cell.outputs = [nbformat.v4.new_output("display_data", {
            "text/html": f"<script>alert('stored')</script>{STORED_OUTPUT}PASS",
            "text/plain": "PASS"})]
    code[-1].outputs.append(nbformat.v4.new_output("stream", text=STORED_OUTPUT * 250_000))
    return notebook


def _nbgrader_metadata_of_the_wrong_type():
    notebook = wrong_answers()
    notebook.cells[0].metadata["nbgrader"] = 5
    notebook.cells[1].metadata["nbgrader"] = {"grade_id": ["a", "list"], "grade": True,
                                              "points": 50}
    return notebook


# -- injection: active content and formulas, on top of the same wrong answers

SCRIPTS = ('<script>alert("md")</script>\n\n<img src=x onerror="alert(1)">\n\n'
           '[click me](javascript:alert(2))\n\n<iframe src="https://example.com"></iframe>\n\n'
           '<object data="x.swf"></object> <a href="#" onclick="alert(3)">link</a>')
DISPLAYS = """
from IPython.display import HTML, Javascript, Markdown, SVG, display
display(HTML('<b>bold</b><script>alert("html")</script><img src=x onerror="alert(4)">'))
display(Javascript('alert(5)'))
display(Markdown('<script>alert("markdown output")</script> **visible**'))
display(SVG('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(6)</script></svg>'))
display({"image/png": "iVBORw0KGgo=", "text/plain": "png"}, raw=True,
        metadata={"image/png": {"width": "1 onerror=alert(7)"}})
display(HTML('<p>isolated</p>'), metadata={"isolated": True})
print('<script>alert("stdout")</script>')
"""
FORMULA = '=HYPERLINK("evil.example","click")'
FORMULA_EXCEPTION = f"""
def softmax(x):
    raise type({FORMULA!r}, (Exception,), {{}})("-2+3")
"""


def injection_cases():
    markdown = wrong_answers()
    markdown.cells.insert(1, nbformat.v4.new_markdown_cell(SCRIPTS))
    foreign = wrong_answers()
    foreign.cells.insert(1, nbformat.v4.new_markdown_cell("my notes", metadata={"nbgrader": {
        "grade_id": '"><script>alert("grade id")</script>', "solution": True, "grade": False,
        "schema_version": 3}}))
    return [
        Case("script_in_markdown", only(markdown), "graded", WRONG,
             {"softmax-visible": (0, "wrong values")}),
        Case("script_in_display", only(with_answer("softmax", DISPLAYS + WRONG_SOFTMAX)),
             "graded", WRONG, {"softmax-visible": (0, "wrong values")}),
        Case("script_in_grade_id", only(foreign), "graded", WRONG,
             {"softmax-visible": (0, "wrong values")},
             ["carried grading metadata that the assignment does not have"]),
        Case(FORMULA, only(wrong_answers()), "graded", WRONG,
             {"softmax-visible": (0, "wrong values")}),
        Case("formula_exception_name", only(with_answer("softmax", FORMULA_EXCEPTION)),
             "graded", WRONG, {"softmax-visible": (0, FORMULA)}),
    ]


WRITE_TARGETS = {"gradebook": str(REPO_ROOT / "autograder" / "gradebook.db"),
                 "other student": str(REPO_ROOT / "autograder" / "autograded" / "probe.txt"),
                 "course source": str(REPO_ROOT / "solutions" / "probe.txt"),
                 "own folder": "mine.txt"}
WRITE_ATTEMPTS = f"""
outcome = {{}}
for what, target in {WRITE_TARGETS!r}.items():
    try:
        with open(target, "a") as handle:
            handle.write("")
        outcome[what] = "written"
    except OSError as error:
        outcome[what] = "refused"
print("write attempts:", sorted(outcome.items()))
"""


MAX_PROCESSES = 100  # processes and threads per kernel in this suite
FORK_BOMB = """
import os, time
def sigmoid(x):
    return 1 / (1 + np.exp(-x))

children = 0
try:
    while children < 300:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
        children += 1
    print("forked", children, "children")
except OSError as error:
    print("fork refused after", children, "children:", type(error).__name__)
"""


def _edited_with_wrong_softmax():
    notebook = with_answer("softmax", WRONG_SOFTMAX)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "softmax-visible":
            cell.source = "print('all good!')"
    return notebook


def _stripped_without_softmax():
    notebook = perfect()
    notebook.cells = [c for c in notebook.cells
                      if c.metadata.get("nbgrader", {}).get("grade_id") != "softmax"]
    return strip_metadata(notebook)


def write_case(case: Case, folder: Path):
    """Write a case's files into `folder/<student>/` (or its link in place of that folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(case.files, Link):
        name = case.student + (".ipynb" if case.files.notebook else "")
        _link(folder / name, case.files.target, folder)
        return
    student = folder / case.student
    student.mkdir(parents=True)
    for name, content in case.files.items():
        path = student / name
        if isinstance(content, nbformat.NotebookNode):
            nbformat.write(content, path)
        elif isinstance(content, Link):
            _link(path, content.target, folder)
        elif isinstance(content, Fifo):
            os.mkfifo(path)
        elif isinstance(content, Device):
            _device(path)
        else:
            path.write_text(content)


def _link(path: Path, target: str, folder: Path) -> None:
    path.symlink_to(target if target.startswith("/") else folder / target)


def _device(path: Path) -> None:
    try:
        os.mknod(path, 0o644 | 0o020000, os.makedev(1, 5))  # S_IFCHR: /dev/zero
    except PermissionError:  # not root, or no CAP_MKNOD: a link to the device then
        path.symlink_to("/dev/zero")
