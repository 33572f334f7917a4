"""A throw-away copy of the course, for tests that run the README's commands.

The copy has its own `autograder/` (gradebook, submitted/, exports), `student/`,
`exchange/` and `notebooks/`, so nothing a test does reaches the real clone. Its
commands run with this virtual environment's interpreter and the copy first on
`PYTHONPATH` (the editable install's finder comes after it).
"""

import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from autograder.course import REPO_ROOT

TOP_LEFT_OUT = {".git", ".venv", "build", "student", "exchange", "docs", "benchmarks"}
COURSE_LEFT_OUT = {"gradebook.db", "submitted", "autograded", "feedback", "exports",
                   "prepared", "results", "workers", "release"}  # in autograder/
LEFT_OUT = {"__pycache__", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints"}
BIN = Path(sys.executable).parent


def make_copy(target: Path) -> Path:
    """Copy the clone to `target` and record its `notebooks/` as the last build's."""
    def left_out(folder: str, names: list[str]) -> set[str]:
        here = Path(folder)
        dropped = LEFT_OUT | (TOP_LEFT_OUT if here == REPO_ROOT else set())
        dropped |= COURSE_LEFT_OUT if here == REPO_ROOT / "autograder" else set()
        return dropped & set(names)

    shutil.copytree(REPO_ROOT, target, ignore=left_out)
    release = target / "notebooks"
    manifest = {str(p.relative_to(release)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(release.rglob("*")) if p.is_file()}
    (target / "build").mkdir()
    (target / "build" / "release.json").write_text(json.dumps(manifest))
    return target


def environment(copy: Path, role: str | None = None) -> dict[str, str]:
    """The environment of a command run in the copy; `role` adds that lab's Jupyter config."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DLCOURSE_EXCHANGE", "DLCOURSE_STUDENT_DIR", "JUPYTER_CONFIG_PATH")}
    env["PYTHONPATH"] = str(copy)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    if role:
        env["JUPYTER_CONFIG_PATH"] = str(copy / "autograder" / "jupyter" / role)
    return env


def run(copy: Path, *command: str, cwd: Path | None = None, role: str | None = None,
        check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `command` (`dlcourse ...`, `nbgrader ...`, `make ...`) in the copy."""
    if command[0] in ("dlcourse", "nbgrader", "jupyter"):
        command = (str(BIN / command[0]),) + command[1:]
    done = subprocess.run(command, cwd=cwd or copy, env=environment(copy, role), text=True,
                          capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if check and done.returncode:
        raise AssertionError(f"{' '.join(command)} failed ({done.returncode}):\n"
                             f"{done.stdout}\n{done.stderr}")
    return done


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def lab_server(copy: Path, *options: str, env: dict[str, str] | None = None,
               timeout: float = 300):
    """`dlcourse lab --port PORT --no-browser [options]` in the copy, until its server
    answers; yields (port, log file); stops it as Ctrl-C would."""
    port = free_port()
    log = copy / "build" / f"lab-{port}.log"
    log.parent.mkdir(exist_ok=True)
    with open(log, "w") as output:
        lab = subprocess.Popen([str(BIN / "dlcourse"), "lab", "--port", str(port),
                                "--no-browser", *options], cwd=copy,
                               env={**environment(copy), **(env or {})},
                               stdin=subprocess.DEVNULL, stdout=output,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=5)
                break
            except OSError:
                if lab.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the lab did not start:\n{log.read_text()}") from None
                time.sleep(0.5)
        yield port, log
    finally:
        os.killpg(lab.pid, signal.SIGINT)  # the whole group, as Ctrl-C in a terminal
        try:
            lab.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(lab.pid, signal.SIGKILL)
            lab.wait()
