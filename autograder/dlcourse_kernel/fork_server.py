"""Fork grading kernels from a process that has already imported their libraries.

`python -m dlcourse_kernel.fork_server --fd N [--isolated]` runs inside the
sandbox of one grading worker. It imports ipykernel, NumPy, matplotlib and the
course's student-side helpers once, then serves requests on the socket `N` that
the grader passed to it (no file a kernel could open leads to it):

- `fork`, with a new socket attached: fork a kernel (a session of its own, the
  memory limit, the environment and working folder given), tell its pid on the
  attached socket, take signals for it there, and send its exit status there
  when it ends;
- `sweep`: end every other process in the sandbox (`--isolated`: the sandbox
  has a PID namespace of its own, so every process but this one and the
  sandbox's init) or, unisolated, every kernel's process group; answer once
  they are gone. The grader sweeps after each submission: nothing a
  submission started meets the next one.

The server is not dumpable, so a kernel (same user) cannot trace it or open
its file descriptors; a kernel can at most kill it, which ends the sandbox.
"""

import argparse
import ctypes
import json
import os
import pkgutil
import resource
import selectors
import shutil
import signal
import socket
import sys
import time
import traceback
from pathlib import Path

PRELOADED = ("numpy", "matplotlib", "matplotlib.pyplot", "tqdm.auto", "ipykernel.kernelapp",
             "ipykernel.ipkernel", "ipykernel.debugger", "sqlite3", "pdb", "tornado.queues",
             "dlcourse_kernel.bridge")
MAX_FILE_BYTES = 2**30
MESSAGE_BYTES = 2**20
PR_SET_PDEATHSIG, PR_SET_DUMPABLE = 1, 4
SHARED_FOLDERS = ("/tmp", "/dev/shm")  # private to the sandbox, shared by its kernels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--isolated", action="store_true")
    options = parser.parse_args()
    libc = ctypes.CDLL(None)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    libc.prctl(PR_SET_DUMPABLE, 0)
    for module in (*PRELOADED, *student_modules()):
        __import__(module)
    Server(socket.socket(fileno=options.fd), options.isolated).run()


def student_modules() -> list[str]:
    """The course's own modules that notebooks import (checks, loaders, plots)."""
    import course_utils.checks

    return ["course_utils.gradcheck", "course_utils.datasets", "course_utils.plots",
            *(f"course_utils.checks.{m.name}" for m in pkgutil.iter_modules(
                course_utils.checks.__path__))]


class Server:
    def __init__(self, grader: socket.socket, isolated: bool):
        self.grader, self.isolated = grader, isolated
        self.kernels: dict[int, socket.socket] = {}
        self.selector = selectors.DefaultSelector()
        woken, self.waker = socket.socketpair()
        self.waker.setblocking(False)
        signal.set_wakeup_fd(self.waker.fileno())
        signal.signal(signal.SIGCHLD, lambda *_: None)
        self.selector.register(grader, selectors.EVENT_READ, self._request)
        self.selector.register(woken, selectors.EVENT_READ, lambda s: s.recv(4096))

    def run(self) -> None:
        while True:
            for key, _ in self.selector.select():
                key.data(key.fileobj)
            self._reap()

    def _request(self, grader: socket.socket) -> None:
        message, fds, _, _ = socket.recv_fds(grader, MESSAGE_BYTES, 1)
        if not message:
            os._exit(0)  # the grader is gone
        request = json.loads(message)
        if request["op"] == "fork" and fds:
            self._fork(request, socket.socket(fileno=fds[0]))
        elif request["op"] == "sweep":
            grader.send(json.dumps({"swept": self._sweep()}).encode())

    def _fork(self, request: dict, connection: socket.socket) -> None:
        pid = os.fork()
        if pid == 0:
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            for inherited in (self.grader, self.waker, *self.kernels.values()):
                inherited.close()
            _become_kernel(request, connection)
        connection.send(json.dumps({"pid": pid}).encode())
        self.kernels[pid] = connection
        self.selector.register(connection, selectors.EVENT_READ, self._signal(pid))

    def _signal(self, pid: int):
        def forward(connection: socket.socket) -> None:
            try:
                message = connection.recv(4096)
                if message and pid in self.kernels:
                    os.kill(pid, int(json.loads(message)["signal"]))
            except (OSError, ValueError, KeyError):
                pass
        return forward

    def _reap(self) -> None:
        while self.kernels:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            connection = self.kernels.pop(pid, None)
            if connection is not None:
                self.selector.unregister(connection)
                try:
                    connection.send(json.dumps(
                        {"returncode": os.waitstatus_to_exitcode(status)}).encode())
                except OSError:
                    pass  # the grader has stopped listening to this kernel
                connection.close()

    def _sweep(self) -> int:
        """End every process a submission started; the number that were running."""
        found = len(_others())
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if self.isolated:
                try:
                    os.kill(-1, signal.SIGKILL)  # every process but this one and init
                except ProcessLookupError:
                    pass
            else:
                for pid in list(self.kernels):
                    try:
                        os.killpg(pid, signal.SIGKILL)
                    except OSError:
                        pass
            time.sleep(0.002)
            self._reap()
            if not self.kernels and (not self.isolated or not _others()):
                break
        if self.isolated:
            for folder in SHARED_FOLDERS:  # the sandbox's own: what it wrote there goes too
                _empty(folder)
        return found


def _others() -> list[int]:
    """Processes in this PID namespace other than this one and init."""
    own = os.getpid()
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, own)]


def _empty(folder: str) -> None:
    for entry in os.scandir(folder) if os.path.isdir(folder) else ():
        if os.path.ismount(entry.path):
            continue  # the scratch folder, bound here from outside: the grader empties it
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass


def _become_kernel(request: dict, connection: socket.socket) -> None:
    """In the forked child: what `Popen` and `ipykernel_launcher` would do, then the kernel."""
    try:
        connection.close()
        os.setsid()
        os.chdir(request["cwd"])
        _limit(request["memory_bytes"])
        os.environ.clear()
        os.environ.update(request["env"])
        stdin = os.open(os.devnull, os.O_RDONLY)
        os.dup2(stdin, 0)
        os.close(stdin)
        if sys.path and sys.path[0] in ("", os.getcwd()):
            del sys.path[0]  # as ipykernel_launcher does; the kernel adds "" back
        argv = [*request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"]
        os.environ["JPY_PARENT_PID"] = str(os.getppid())
        sys.argv = [str(Path(sys.modules["ipykernel"].__file__).parent.parent
                        / "ipykernel_launcher.py"), *argv]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance(argv=argv)
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:  # noqa: BLE001 - the kernel's process must end here, not return
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _limit(memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_FILE_BYTES, MAX_FILE_BYTES))
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


if __name__ == "__main__":
    main()
