"""Tricks against the grader, each riding on the same wrong answer: a wrong `softmax`.

Without a trick that submission scores `FULL - 3` (softmax's visible and hidden points).
With any of these it must score exactly that again: a trick earns nothing, whether or not
the grader flags it. Other cases try to leak what a student may not see, to escape the
sandbox or stay in it, and to stop the batch; their answers are all correct, so they keep
every point and must leave nothing behind.
"""

from tests.adversarial.cases import (
    ASSIGNMENT,
    FULL,
    WRONG_SOFTMAX,
    Case,
    only,
    perfect,
    with_answer,
)

SECRET_WORDS = ("BEGIN HIDDEN TESTS", "default_rng(SEED", "SQLite format 3",
                "root:*:", "autograder.reference")

FORGERS = {
    "hooks_showtraceback": """
from IPython import get_ipython as shell
ip = shell()
ip.showtraceback = lambda *a, **k: None
ip.events.register("post_run_cell", lambda result: setattr(result, "error_in_exec", None))
""",
    "ast_transformer_erases_checks": """
import ast
class Erase(ast.NodeTransformer):
    def visit_Module(self, node):
        text = ast.unparse(node)
        if "check_" in text or "grade_" in text:
            return ast.Module(body=[ast.Pass()], type_ignores=[])
        return node
get_ipython().ast_transformers.append(Erase())
""",
    "pre_run_cell_replaces_fail": """
import course_utils.checks.core as c
get_ipython().events.register("pre_run_cell",
                              lambda *a: setattr(c.Exercise, "fail", lambda *x, **y: None))
!echo a shell line, so that the cell no longer parses as Python
""",
    "fail_replaced_in_the_answer": """
def softmax(x):
    from course_utils.checks import core
    core.Exercise.fail = lambda *a, **k: None
    core.CheckFailure.__init__ = lambda *a, **k: None
    return np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True)
""",
    "fail_replaced_by_a_thread": """
import threading, time
from course_utils.checks import Exercise
def keep_replacing():
    while True:
        Exercise.fail = lambda *a, **k: None
        time.sleep(0.001)
threading.Thread(target=keep_replacing, daemon=True).start()
""",
    "displayhook_says_ok": """
import sys
def softmax(x):
    sys.displayhook("ok")
    print("PASS softmax (3 checks)")
    return np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True)
""",
    "array_that_equals_everything": """
class Agreeable(np.ndarray):
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.ones(np.broadcast(*[np.asarray(i) for i in inputs]).shape, dtype=bool)
    def __eq__(self, other):
        return True
def softmax(x):
    return (np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True)).view(Agreeable)
""",
    "forges_results_in_the_grader_channel": """
import json, os, socket, struct
def softmax(x):
    tree = json.dumps({"$dict": [["ok", True], ["result", "PASS"]]}).encode()
    message = b"R" + struct.pack(">I", len(tree)) + tree
    for fd in os.listdir("/proc/self/fd"):
        try:
            channel = socket.socket(fileno=os.dup(int(fd)))
        except OSError:
            continue
        try:
            if str(channel.getpeername()).endswith("bridge"):
                channel.sendall(struct.pack(">I", len(message)) + message)
        except OSError:
            pass
        channel.close()
    return np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True)
""",
}

LEAKS = {
    "prints_hidden_tests": """
import glob, os, course_utils
root = os.path.dirname(os.path.dirname(course_utils.__file__))
for pattern in ("autograder/hidden/*.py", "autograder/reference/*.py", "solutions/*/*.ipynb",
                "autograder/*.db", "autograder/*/*.db"):
    for path in glob.glob(os.path.join(root, pattern)):
        print(open(path, errors="replace").read())
""",
    "reads_the_gradebook_through_proc": """
import os, re
for pid in [p for p in os.listdir("/proc") if p.isdigit()]:
    try:
        words = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\\0")
        print(pid, words, open(f"/proc/{pid}/environ", "rb").read()[:2000])
    except OSError:
        continue
    for word in words:
        for guess in (word, os.path.join(os.path.dirname(word.decode(errors="replace")),
                                         "gradebook.db")):
            try:
                print(open(guess, "rb").read(300))
            except (OSError, ValueError):
                pass
for path in ("/etc/shadow", "/etc/passwd", os.path.expanduser("~/.bash_history")):
    try:
        print(open(path).read())
    except OSError:
        pass
""",
}

ESCAPES = {
    "remounts_and_writes": """
import os, site, subprocess, sys, course_utils
root = os.path.dirname(os.path.dirname(course_utils.__file__))
subprocess.run("mount -o remount,bind,rw / ; mount -o remount,rw " + root, shell=True)
for target in (os.path.join(root, "solutions", "planted.txt"),
               os.path.join(root, "course_utils", "planted.py"),
               os.path.join(site.getsitepackages()[0], "planted.pth"),
               os.path.join(root, "autograder", "gradebook.db")):
    try:
        open(target, "a").write("import os; os.system('echo planted')\\n")
    except OSError as error:
        print("refused", target, type(error).__name__)
""",
    "plants_an_ipython_startup_file": """
import os
startup = os.path.expanduser("~/.ipython/profile_default/startup")
os.makedirs(startup, exist_ok=True)
open(os.path.join(startup, "00-pass.py"), "w").write(
    "import course_utils.checks.core as c\\nc.Exercise.fail = lambda *a, **k: None\\n")
open("/tmp/planted-for-the-next-student", "w").write("x")
""",
    "leaves_a_process_behind": """
import subprocess
subprocess.Popen(["sh", "-c", "sleep 1 && while true; do "
                  "ls /tmp > /dev/null; sleep 0.2; done # dlcourse-left-behind"],
                 start_new_session=True)
""",
    "kills_the_grader": """
import os, signal
for pid in (os.getppid(), 1):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError as error:
        print("refused", pid, type(error).__name__)
""",
}


def tricked(name: str, trick: str) -> Case:
    """The wrong softmax with `trick` in an answer cell of its own kind."""
    if "def softmax" in trick:
        notebook = with_answer("softmax", trick)
    else:
        notebook = with_answer("softmax", WRONG_SOFTMAX + trick)
    return Case(f"trick_{name}", only(notebook), "any", FULL - 3,
                {"softmax-visible": (0, ""), "softmax-hidden": (0, "")})


def correct_with(name: str, code: str) -> Case:
    """All answers right, with `code` run in the sigmoid cell first."""
    source = code + "\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n"
    return Case(f"attack_{name}", only(with_answer("sigmoid", source)), "any", FULL)


def classmate() -> Case:
    """Graded after the attacks, with the same wrong softmax: nothing they left helps."""
    return Case("zz_classmate", only(with_answer("softmax", WRONG_SOFTMAX)), "graded", FULL - 3)


def kills_its_sandbox() -> Case:
    """Killing the fork server ends the sandbox: the kernel died in the sigmoid cell, and
    only basic_sigmoid, before it, keeps its points. (The cell waits for the end: a kernel
    whose sandbox is being torn down may still answer a check for a moment.)"""
    case = correct_with("kills_the_grader", ESCAPES["kills_the_grader"]
                        + "import time\ntime.sleep(3)\n")
    case.score = 3
    case.cells = {"sigmoid-visible": (0, "kernel died"), "basic_sigmoid-hidden": (2, "")}
    return case


def trick_cases() -> list[Case]:
    escapes = {n: c for n, c in ESCAPES.items() if n != "kills_the_grader"}
    return ([tricked(n, t) for n, t in FORGERS.items()]
            + [correct_with(n, c) for n, c in {**LEAKS, **escapes}.items()]
            + [kills_its_sandbox(), classmate()])


__all__ = ["ASSIGNMENT", "SECRET_WORDS", "perfect", "trick_cases"]
