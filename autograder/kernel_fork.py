"""Start grading kernels by forking a process that has already imported their libraries.

A fresh IPython kernel spends about 0.8 s starting up, and the first cell of every
notebook another 0.7 s importing NumPy and matplotlib. Both are the same for every
submission. So each grading process keeps a *fork server*: a process that imports
ipykernel, NumPy, matplotlib, tqdm and the course's checks and hidden tests once,
then forks one child per kernel. A child
enters a session of its own (its process group is the kernel's), applies the
kernel's `KernelSandbox`, takes the kernel's environment and working folder, and
runs the kernel. It starts from the server's pristine state, never from a kernel
that ran a submission: nothing passes from one submission to the next.

`ForkingKernelManager` uses it for the standard Python kernel when the launch
carries a `KernelSandbox`; any other launch, or a fork server that cannot start,
falls back to jupyter_client's own `Popen`. The server reports each child's exit
status, so a kernel that dies is seen as dead, as with `Popen`. It takes requests
from the grading process that started it and from no one else (the peer's pid, from
the socket): a kernel that finds its socket cannot have an unsandboxed kernel forked.

The manager also waits less: jupyter_client waits until IOPub has been quiet for
0.2 s, twice per new kernel (`PromptKernelClient`: 20 ms, enough on one machine),
and looks whether a killed kernel has ended every 0.1 s (here: every 5 ms).
"""

import asyncio
import atexit
import json
import os
import pkgutil
import selectors
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from dataclasses import asdict
from pathlib import Path
from queue import Empty
from time import monotonic

from jupyter_client import AsyncKernelClient, AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import Type

from autograder.sandbox import KernelSandbox

PRELOADED = ("numpy", "matplotlib", "matplotlib.pyplot", "tqdm.auto", "ipykernel.kernelapp",
             "ipykernel.ipkernel", "ipykernel.debugger", "sqlite3", "pdb", "tornado.queues")
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
IOPUB_QUIET_SECONDS = 0.02


def fork_request(cmd: list[str], options: dict) -> dict | None:
    """What the fork server needs to start this kernel, or None if it cannot start it."""
    sandbox = options.get("preexec_fn")
    if (sys.platform != "linux" or not isinstance(sandbox, KernelSandbox)
            or cmd[:3] != [sys.executable, "-m", "ipykernel_launcher"]):
        return None
    return {"argv": cmd[3:], "env": dict(options.get("env") or os.environ),
            "cwd": str(options.get("cwd") or os.getcwd()), "sandbox": asdict(sandbox)}


class ForkedKernel:
    """The part of `subprocess.Popen` that jupyter_client uses, for a forked kernel."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int, connection: socket.socket):
        self.pid = pid
        self.returncode: int | None = None
        self._connection = connection

    def poll(self) -> int | None:
        if self.returncode is None:
            self._connection.setblocking(False)
            self._read_status()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            self._connection.settimeout(timeout)
            try:
                self._read_status()
            except TimeoutError:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout) from None
        return self.returncode

    def _read_status(self) -> None:
        try:
            data = self._connection.recv(4096)
        except BlockingIOError:
            return
        # The server sends the exit status when it reaps the kernel; no status means
        # the server itself is gone, and the kernel cannot be told from a dead one.
        self.returncode = json.loads(data)["returncode"] if data else -signal.SIGKILL
        self._connection.close()

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkServer:
    """One fork server process, started on first use and stopped with this process."""

    def __init__(self, env: dict[str, str]):
        self.folder = tempfile.mkdtemp(prefix="dlcourse-forks-")
        self.address = str(Path(self.folder) / "server")
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from autograder.kernel_fork import serve; serve()",
             self.address], env=env, stdin=subprocess.DEVNULL, start_new_session=True)
        atexit.register(self.stop)

    def fork(self, request: dict, ready_seconds: float = 60) -> ForkedKernel:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(ready_seconds)
        self._connect(connection, ready_seconds)
        connection.sendall(json.dumps(request).encode() + b"\n")
        reply = connection.makefile("rb").readline()
        if not reply:
            raise OSError("the kernel fork server closed the connection")
        return ForkedKernel(json.loads(reply)["pid"], connection)

    def _connect(self, connection: socket.socket, ready_seconds: float) -> None:
        """Connect once the server listens (it imports its libraries first)."""
        deadline = monotonic() + ready_seconds
        while monotonic() < deadline:
            if self.process.poll() is not None:
                raise OSError(f"the kernel fork server exited ({self.process.returncode})")
            try:
                connection.connect(self.address)
                return
            except (FileNotFoundError, ConnectionRefusedError):
                time.sleep(0.01)
        raise OSError("the kernel fork server did not start")

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.process.kill()
            self.process.wait()
        Path(self.address).unlink(missing_ok=True)
        Path(self.folder).rmdir()


_servers: dict[tuple, ForkServer] = {}


def fork_kernel(request: dict) -> ForkedKernel:
    """Fork a kernel from this process's server for the request's environment.

    Libraries read some variables once, at import (BLAS threads, matplotlib's
    backend): a kernel environment that differs in any of them gets its own server.
    """
    env = request["env"]
    key = tuple(sorted((name, value) for name, value in env.items()
                       if name.endswith("_NUM_THREADS") or name.startswith(("MPL", "PYTHON"))))
    server = _servers.get(key)
    if server is None or not server.alive():
        server = _servers[key] = ForkServer(env)
    return server.fork(request)


class ForkingProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, launching kernels through the fork server."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        request = fork_request(cmd, kwargs)
        if request is None:
            return await super().launch_kernel(cmd, **kwargs)
        try:
            self.process = fork_kernel(request)
        except OSError as error:
            self.log.warning("forking the kernel failed (%s); starting it afresh", error)
            return await super().launch_kernel(cmd, **kwargs)
        self.pid = self.pgid = self.process.pid
        self.cwd = request["cwd"]
        return self.connection_info

    async def wait(self) -> int | None:
        while isinstance(self.process, ForkedKernel) and self.process.poll() is None:
            await asyncio.sleep(0.005)  # jupyter_client polls every 0.1 s
        return await super().wait()


class PromptKernelClient(AsyncKernelClient):
    """jupyter_client's client, with `wait_for_ready` listening to IOPub in short turns."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                if await self._iopub_message(IOPUB_QUIET_SECONDS):  # IOPub is connected
                    self._handle_kernel_info_reply(reply)
                    break
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while await self._iopub_message(IOPUB_QUIET_SECONDS):
            pass  # the status messages of kernel_info

    async def _iopub_message(self, seconds: float) -> bool:
        try:
            await self.iopub_channel.get_msg(timeout=seconds)
        except Empty:
            return False
        return True


class ForkingKernelManager(AsyncKernelManager):
    """An `AsyncKernelManager` whose kernels come from the fork server."""

    client_factory = Type(PromptKernelClient, klass=AsyncKernelClient)

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        """Wait for a killed kernel to end, looking every 5 ms rather than every 0.1 s."""
        await super()._async_wait(pollinterval=min(pollinterval, 0.005))

    async def _async_pre_start_kernel(self, **kw):
        self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
        if self.provisioner is None:
            self.provisioner = ForkingProvisioner(kernel_id=self.kernel_id,
                                                  kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)


# In the fork server process.

def serve() -> None:
    """Import the kernel's libraries, then fork a kernel for each request on the socket."""
    _die_with_parent()
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)  # as ipykernel sets it
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # debugpy's start-up notice
    for module in (*PRELOADED, *course_modules()):
        __import__(module)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(sys.argv[1])
    listener.listen()
    woken, waker = socket.socketpair()  # a child's exit wakes the loop at once
    waker.setblocking(False)
    signal.set_wakeup_fd(waker.fileno())
    signal.signal(signal.SIGCHLD, lambda *_: None)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(woken, selectors.EVENT_READ)
    children: dict[int, socket.socket] = {}
    grader = os.getppid()
    while True:
        for key, _ in selector.select():
            if key.fileobj is woken:
                woken.recv(4096)
                continue
            connection, _ = listener.accept()
            if _peer_pid(connection) != grader:  # a kernel must not fork unsandboxed ones
                connection.close()
                continue
            request = json.loads(connection.makefile("rb").readline())
            pid = os.fork()
            if pid == 0:
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                for inherited in (listener, woken, waker, *children.values()):
                    inherited.close()
                _become_kernel(request, connection)
            connection.sendall(json.dumps({"pid": pid}).encode() + b"\n")
            children[pid] = connection
        _reap(children)


def _peer_pid(connection: socket.socket) -> int:
    credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED,
                                        struct.calcsize("3i"))
    return struct.unpack("3i", credentials)[0]


def course_modules() -> list[str]:
    """What the grader's set-up cell imports in every kernel: the guard, the checks
    and hidden tests of every assignment, and the course's helpers."""
    import autograder.hidden
    import course_utils.checks

    return ["autograder.guard", "course_utils.gradcheck", "course_utils.datasets",
            "course_utils.plots",
            *(f"{package.__name__}.{module.name}"
              for package in (course_utils.checks, autograder.hidden)
              for module in pkgutil.iter_modules(package.__path__))]


def _reap(children: dict[int, socket.socket]) -> None:
    """Tell each finished kernel's manager its exit status."""
    while children:
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            return
        connection = children.pop(pid, None)
        if connection is not None:
            try:
                connection.sendall(json.dumps(
                    {"returncode": os.waitstatus_to_exitcode(status)}).encode())
            except OSError:
                pass  # the manager is gone
            connection.close()


def _become_kernel(request: dict, connection: socket.socket) -> None:
    """In the forked child: what `Popen` and `ipykernel_launcher` would do, then the kernel."""
    try:
        connection.close()
        os.setsid()
        os.chdir(request["cwd"])
        KernelSandbox(**{**request["sandbox"],
                         "read_only": tuple(request["sandbox"]["read_only"])})()
        os.environ.clear()
        os.environ.update(request["env"])
        stdin = os.open(os.devnull, os.O_RDONLY)
        os.dup2(stdin, 0)
        os.close(stdin)
        if sys.path and sys.path[0] in ("", os.getcwd()):
            del sys.path[0]  # as ipykernel_launcher does; the kernel adds "" back
        # The kernel ends if the fork server does (it dies with the grading process):
        # what JPY_PARENT_PID does for a kernel that jupyter_client starts itself.
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


def _die_with_parent() -> None:
    """The server is killed when the grading process that started it ends."""
    import ctypes

    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:
        os._exit(0)
