"""Kernels forked from the fork server behave like kernels started afresh: their own
environment, folder, process group and sandbox, a death that is seen, and nothing
left over from the kernel before."""

import copy
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from autograder.course import REPO_ROOT, nbgrader_config
from autograder.execute import KERNEL_DIED, GuardedExecute
from autograder.kernel_fork import fork_request
from autograder.sandbox import KernelSandbox

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the fork server is Linux-only")

REPORT = """\
import os, sys, json
print(json.dumps({"pid": os.getpid(), "group": os.getpgid(0), "parent": os.getppid(),
                  "cwd": os.getcwd(),
                  "probe": os.environ.get("DLCOURSE_PROBE"),
                  "numpy_preloaded": "numpy" in sys.modules,
                  "threads": os.environ.get("OPENBLAS_NUM_THREADS")}))
"""


def run(sources: list[str], folder, fork: bool, **settings):
    """Run one notebook of `sources` under GuardedExecute; the outputs of each cell."""
    config = nbgrader_config()
    config.GuardedExecute.fork_kernels = fork
    config.GuardedExecute.run_ungraded_tail = True
    for key, value in settings.items():
        setattr(config.GuardedExecute, key, value)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    executed, _ = GuardedExecute(config=config).preprocess(copy.deepcopy(notebook),
                                      {"metadata": {"path": str(folder)}})
    return [cell.outputs for cell in executed.cells]


def text(outputs) -> str:
    return "".join(o.get("text", "") for o in outputs if o.output_type == "stream")


@pytest.fixture
def probe(monkeypatch):
    monkeypatch.setenv("DLCOURSE_PROBE", "seen")


@pytest.mark.usefixtures("probe")
def test_a_forked_kernel_has_its_own_environment_folder_and_process_group(tmp_path):
    import json

    outputs = run([REPORT], tmp_path, fork=True)
    report = json.loads(text(outputs[0]))
    assert report["parent"] != os.getpid()  # the fork server's child
    assert report["group"] == report["pid"] != os.getpid()
    assert report["cwd"] == str(tmp_path.resolve())
    assert report["probe"] == "seen"
    assert report["threads"] == "1"
    assert report["numpy_preloaded"]  # imported by the server, before the kernel
    outputs = run([REPORT], tmp_path, fork=False)
    afresh = json.loads(text(outputs[0]))
    assert afresh["parent"] == os.getpid()
    assert afresh["group"] == afresh["pid"]
    assert not afresh["numpy_preloaded"]
    same = ("cwd", "probe", "threads")
    assert {k: afresh[k] for k in same} == {k: report[k] for k in same}


def test_nothing_passes_from_one_forked_kernel_to_the_next(tmp_path):
    first = run(["import numpy; numpy.pi = 3; print(numpy.pi)"], tmp_path, fork=True)
    second = run(["import numpy; print(numpy.pi)"], tmp_path, fork=True)
    assert text(first[0]) == "3\n"
    assert text(second[0]) == "3.141592653589793\n"


@pytest.mark.parametrize("fork", [True, False])
def test_a_kernel_that_dies_is_reported_and_later_cells_are_not_run(tmp_path, fork):
    outputs = run(["x = 1", "import os; os._exit(3)", "print(x)"], tmp_path, fork=fork)
    assert outputs[0] == []
    assert outputs[1][-1]["ename"] == KERNEL_DIED
    assert outputs[2][-1]["ename"] == KERNEL_DIED


def test_a_forked_kernel_is_sandboxed(tmp_path):
    inside = tmp_path / "submission"
    inside.mkdir()
    outputs = run([f"open({str(REPO_ROOT / 'forked.txt')!r}, 'w')",
                      "open('mine.txt', 'w').write('ok')"], inside, fork=True)
    assert outputs[0][-1]["ename"] in {"OSError", "PermissionError"}, outputs[0]
    assert outputs[1] == [] or "error" not in {o.output_type for o in outputs[1]}
    assert not (REPO_ROOT / "forked.txt").exists()
    assert (inside / "mine.txt").read_text() == "ok"


def test_a_forked_kernel_that_ignores_interrupts_is_replaced(tmp_path):
    loop = ("import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
            "while True:\n    time.sleep(0.01)")
    outputs = run(["x = 41", loop, "print(x + 1)"], tmp_path, fork=True,
                     interrupt_grace=2, timeout=3)
    assert "timed out" in outputs[1][-1]["evalue"]
    assert text(outputs[2]) == "42\n"


def test_only_the_standard_kernel_with_a_sandbox_is_forked():
    sandbox = KernelSandbox(0, (), "/tmp")
    kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"]
    assert fork_request(kernel, {"preexec_fn": sandbox, "env": {}, "cwd": "/tmp"})["argv"] == [
        "-f", "k.json"]
    assert fork_request(kernel, {"preexec_fn": lambda: None}) is None
    assert fork_request(["julia", "-f", "k.json"], {"preexec_fn": sandbox}) is None


def test_the_fork_server_ends_with_the_process_that_started_it(tmp_path):
    script = ("import sys; from autograder.kernel_fork import ForkServer\n"
              "server = ForkServer({**__import__('os').environ})\n"
              "print(server.process.pid, flush=True)\n"
              "__import__('os')._exit(0)\n")
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
    import autograder.kernel_fork

    requests = []

    def first_one_dies(cmd, options):
        request = fork_request(cmd, options)
        requests.append(request)
        if len(requests) == 1:
            request["cwd"] = str(tmp_path / "missing")  # the child cannot enter it: exit 1
        return request

    monkeypatch.setattr(autograder.kernel_fork, "fork_request", first_one_dies)
    outputs = run(["print(6 * 7)"], tmp_path, fork=True)
    assert text(outputs[0]) == "42\n"
    assert len(requests) == 2


def test_a_kernel_cannot_ask_the_fork_server_for_a_kernel(tmp_path):
    """Only the grading process may: a kernel could ask for one without a sandbox."""
    probe = """\
import glob, json, os, socket, tempfile
replies = []
for address in glob.glob(os.path.join(tempfile.gettempdir(), "dlcourse-forks-*", "server")):
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(5)
    try:
        client.connect(address)
        client.sendall(json.dumps({"argv": [], "env": {}, "cwd": "/", "sandbox": {}}).encode()
                       + b"\\n")
        replies.append(client.recv(100).decode())
    except OSError as error:
        replies.append(type(error).__name__)
print(json.dumps(replies))
"""
    import json

    replies = json.loads(text(run([probe], tmp_path, fork=True)[0]))
    assert replies  # it found this process's server at least
    assert all("pid" not in reply for reply in replies), replies
