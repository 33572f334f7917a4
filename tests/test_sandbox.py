"""A grading kernel runs in its sandbox: unprivileged, alone, seeing only what it may, and
nothing it starts or writes meets the next submission."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from autograder.course import REPO_ROOT
from autograder.submission import kernel_fork
from autograder.submission.execute import KERNEL_DIED
from tests.sandboxed import needs_sandbox, run, text

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the sandbox is Linux-only")

REPORT = """\
import os, sys, json
home = os.environ["HOME"]
processes = [p for p in os.listdir("/proc") if p.isdigit()]
print(json.dumps({"uid": os.getuid(), "processes": len(processes), "cwd": os.getcwd(),
                  "files": sorted(os.listdir(".")), "home": os.listdir(home),
                  "probe": os.environ.get("DLCOURSE_PROBE"),
                  "numpy_preloaded": "numpy" in sys.modules,
                  "threads": os.environ.get("OPENBLAS_NUM_THREADS")}))
"""

SEES = """\
import json, os, socket, subprocess
paths = {p: os.path.exists(p) for p in PATHS}
def attempt(action):
    try:
        action()
        return "done"
    except Exception as error:
        return type(error).__name__
def write_course():
    open(os.path.join(COURSE, "planted.py"), "w").write("x = 1")
def connect():
    socket.create_connection(("127.0.0.1", 22), timeout=2)
remount = subprocess.run(["mount", "-o", "remount,rw", COURSE], capture_output=True).returncode
print(json.dumps({"paths": paths, "write_course": attempt(write_course),
                  "connect": attempt(connect), "remount": remount,
                  "processes": sorted(int(p) for p in os.listdir("/proc") if p.isdigit())}))
"""


@pytest.fixture
def probe(monkeypatch):
    monkeypatch.setenv("DLCOURSE_PROBE", "the grader's secret")


@needs_sandbox
@pytest.mark.usefixtures("probe")
def test_a_kernel_runs_as_nobody_in_a_folder_of_its_own(tmp_path):
    (tmp_path / "data.txt").write_text("the assignment's file")
    (tmp_path / "link").symlink_to("/etc/passwd")
    report = json.loads(text(run([REPORT], tmp_path)[0]))
    assert report["uid"] == 65534
    assert report["processes"] <= 4  # a PID namespace of its own: init, server, kernel
    assert report["cwd"] != str(tmp_path) and report["files"] == ["data.txt"]
    assert report["home"] == [".ipython"]  # made by IPython as it started: a fresh home
    assert report["probe"] is None  # the grader's environment stays out
    assert report["threads"] == "1"
    assert report["numpy_preloaded"]  # imported by the server, before the kernel


@needs_sandbox
def test_a_kernel_sees_only_what_it_may(tmp_path):
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    paths = [str(REPO_ROOT / "autograder" / "hidden"), str(REPO_ROOT / "solutions"),
             str(workspace), os.path.expanduser("~/.bashrc"), "/etc/shadow",
             str(REPO_ROOT / "course_utils" / "checks"), str(REPO_ROOT / "datasets")]
    cell = f"PATHS = {paths!r}\nCOURSE = {str(REPO_ROOT / 'course_utils')!r}\n" + SEES
    seen = json.loads(text(run([cell], workspace)[0]))
    assert seen["paths"] == {p: p.endswith(("checks", "datasets")) for p in paths}
    assert seen["write_course"] in {"OSError", "PermissionError"}
    assert seen["connect"] in {"OSError", "ConnectionRefusedError"}
    assert seen["remount"] != 0
    assert len(seen["processes"]) <= 5  # init, the server, the kernel and its own children


@needs_sandbox
def test_nothing_a_kernel_started_or_wrote_meets_the_next_one(tmp_path):
    plant = """\
import os, subprocess, numpy
numpy.pi = 3
open(os.path.join(os.environ["HOME"], "note"), "w").write("from the last kernel")
open("/tmp/note", "w").write("from the last kernel")
open(os.path.join(os.path.dirname(os.path.dirname(os.getcwd())), "note"), "w").write("x")
subprocess.Popen(["sleep", "300"], start_new_session=True)
print("planted")
"""
    look = """\
import glob, os, numpy
scratch = os.path.dirname(os.path.dirname(os.getcwd()))
commands = [open(f"/proc/{p}/cmdline", "rb").read() for p in os.listdir("/proc") if p.isdigit()]
home = os.environ["HOME"]
print(numpy.pi, os.path.exists(os.path.join(home, "note")), os.path.exists("/tmp/note"),
      os.path.exists(os.path.join(scratch, "note")), any(b"sleep" in c for c in commands))
"""
    assert text(run([plant], tmp_path)[0]) == "planted\n"
    assert text(run([look], tmp_path)[0]) == "3.141592653589793 False False False False\n"


@pytest.mark.parametrize("sandbox", [True, False])
def test_a_kernel_that_dies_is_reported_and_later_cells_are_not_run(tmp_path, sandbox):
    outputs = run(["x = 1", "import os; os._exit(3)", "print(x)"], tmp_path, sandbox=sandbox)
    assert outputs[0] == []
    assert outputs[1][-1]["ename"] == KERNEL_DIED
    assert outputs[2][-1]["ename"] == KERNEL_DIED


@pytest.mark.parametrize("render_figures", [False, True])
def test_grading_kernels_draw_figures_only_when_asked(tmp_path, render_figures):
    """Figures cost time and are not graded: by default a grading kernel starts with them
    off (`plt.show()` and each cell's end close them); `render_figures` keeps them."""
    draw = ("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()\n"
            "plt.figure(); plt.plot([3, 1])")
    outputs = run([draw, "print(len(plt.get_fignums()))"], tmp_path,
                  render_figures=render_figures)
    images = [o for o in outputs[0] if "image/png" in o.get("data", {})]
    assert len(images) == (2 if render_figures else 0)
    assert text(outputs[1]) == "0\n"


def test_a_kernel_that_ignores_interrupts_is_replaced(tmp_path):
    loop = ("import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
            "while True:\n    time.sleep(0.01)")
    outputs = run(["x = 41", loop, "print(x + 1)"], tmp_path, interrupt_grace=2, timeout=3)
    assert "timed out" in outputs[1][-1]["evalue"]
    assert text(outputs[2]) == "42\n"


def test_the_fork_server_ends_with_the_process_that_started_it(tmp_path):
    script = ("import os\nfrom autograder.submission.kernel_fork import ForkServer\n"
              "from autograder.submission.sandbox import SandboxSettings, unavailable_reason\n"
              "server = ForkServer(SandboxSettings(isolated=unavailable_reason() is None))\n"
              "print(server.process.pid, flush=True)\nos._exit(0)\n")
    started = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             check=True, cwd=tmp_path)
    server = int(started.stdout.split()[0])
    for _ in range(100):
        try:
            os.kill(server, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(server, signal.SIGKILL)
    pytest.fail("the fork server outlived the grading process that started it")


def test_a_kernel_that_dies_while_starting_is_replaced(tmp_path, monkeypatch):
    requests = []
    fork = kernel_fork.ForkServer.fork

    def first_one_dies(server, request):
        requests.append(request)
        if len(requests) == 1:
            request = {**request, "cwd": "/nowhere"}  # the child cannot enter it: exit 1
        return fork(server, request)

    monkeypatch.setattr(kernel_fork.ForkServer, "fork", first_one_dies)
    outputs = run(["print(6 * 7)"], tmp_path)
    assert text(outputs[0]) == "42\n"
    assert len(requests) == 2


@needs_sandbox
def test_a_kernel_cannot_reach_or_trace_the_fork_server(tmp_path):
    """The server's socket is a descriptor it inherited, and the server is not dumpable:
    its descriptors cannot be followed, its memory not read, the process not traced."""
    probe = """\
import ctypes, json, os
libc = ctypes.CDLL(None, use_errno=True)
found = {}
for pid in (p for p in os.listdir("/proc") if p.isdigit() and int(p) != os.getpid()):
    name = open(f"/proc/{pid}/cmdline", "rb").read()
    if b"fork_server" not in name:
        continue
    def attempt(action):
        try:
            action()
            return "done"
        except OSError as error:
            return type(error).__name__
    found = {"fds": {fd: attempt(lambda: os.readlink(f"/proc/{pid}/fd/{fd}"))
                     for fd in os.listdir(f"/proc/{pid}/fd")},
             "mem": attempt(lambda: open(f"/proc/{pid}/mem", "rb")),
             "trace": libc.ptrace(16, int(pid), 0, 0)}  # PTRACE_ATTACH
print(json.dumps(found))
"""
    found = json.loads(text(run([probe], tmp_path)[0]))
    assert found["fds"] and set(found["fds"].values()) == {"PermissionError"}, found
    assert found["mem"] == "PermissionError"
    assert found["trace"] == -1
