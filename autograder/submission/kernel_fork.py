"""Grading kernels, forked inside a sandbox from a server that has imported their libraries.

A fresh IPython kernel spends about 0.8 s starting up, and the first cell of every
notebook another 0.7 s importing NumPy and matplotlib. Both are the same for every
submission. So each grading process keeps a *fork server*
(`autograder/dlcourse_kernel/fork_server.py`), started inside the sandbox of
`autograder.submission.sandbox` (or, with `--no-sandbox`, as a plain process), which imports
those libraries once and forks one kernel per notebook. A kernel starts from the
server's pristine state, never from a kernel that ran a submission.

Each kernel gets a folder of its own in the sandbox's scratch space (`KernelFolder`):
its working folder (a copy of the assignment's files), an empty home and IPython
folder, its connection file and the Unix sockets it talks on (ZeroMQ's `ipc`
transport, and the grader's own channel for trusted checks: the sandbox has no
network, not even the grader's loopback). After each
notebook the grader asks the server to end every process the submission started
(`sweep`), then deletes the folder.

The server takes requests only on a socket that the grader handed to it; each
kernel's own socket (passed along with its request) carries its signals and, when
it ends, its exit status, so a kernel that dies is seen as dead, as with `Popen`.
`ForkingKernelManager` also waits less than jupyter_client: for IOPub to go quiet
(20 ms, not 0.2 s) and between looks at a killed kernel (5 ms, not 0.1 s).
"""

import asyncio
import atexit
import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
from time import monotonic

from jupyter_client import AsyncKernelClient, AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import Type

from autograder.submission import sandbox

IOPUB_QUIET_SECONDS = 0.02
READY_SECONDS = 120
MESSAGE_BYTES = 2**20


class ForkedKernel:
    """The part of `subprocess.Popen` that jupyter_client uses, for a forked kernel."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int, connection: socket.socket):
        self.pid = pid  # in the sandbox's own PID namespace: never signalled directly
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
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        # The server sends the exit status when it reaps the kernel; no status means
        # the server itself is gone, and the kernel with it.
        self.returncode = json.loads(data)["returncode"] if data else -signal.SIGKILL
        self._connection.close()

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            try:
                self._connection.send(json.dumps({"signal": int(signum)}).encode())
            except OSError:
                pass  # the server is gone, and the kernel with it

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


@dataclass(frozen=True)
class KernelFolder:
    """One kernel's folder in the scratch space, the same path inside the sandbox."""

    root: Path

    @property
    def work(self) -> Path:
        return self.root / "work"

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def channel(self) -> Path:
        return self.root / "bridge"  # the grader's requests: a Unix socket it listens on

    @property
    def connection_file(self) -> Path:
        return self.root / "kernel.json"

    @property
    def sockets(self) -> str:
        return str(self.root / "kernel")  # ZeroMQ's ipc sockets: kernel-1, kernel-2, ...


class ForkServer:
    """One fork server, in its sandbox, started on first use and stopped with this process."""

    def __init__(self, settings: "sandbox.SandboxSettings"):
        self.settings = settings
        self.scratch = Path(tempfile.mkdtemp(prefix="dlcourse-sandbox-"))
        self.cgroup = sandbox.process_group_limit(settings.max_processes)
        grader_end, server_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        command = sandbox.server_command(settings, self.scratch, server_end.fileno())
        self.process = subprocess.Popen(
            command, env=sandbox.server_environment(settings, self.scratch),
            pass_fds=[server_end.fileno()], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=sandbox.server_log(),
            start_new_session=True, preexec_fn=_server_preexec(self.cgroup))
        server_end.close()
        self.socket = grader_end
        self.count = 0
        atexit.register(self.stop)

    def new_folder(self) -> KernelFolder:
        self.count += 1
        folder = KernelFolder(self.scratch / f"k{self.count}")
        for path in (folder.work, folder.home):
            path.mkdir(parents=True)
        return folder

    def fork(self, request: dict) -> ForkedKernel:
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            socket.send_fds(self.socket, [json.dumps({"op": "fork", **request}).encode()],
                            [theirs.fileno()])
        except OSError as error:
            raise OSError(f"the kernel fork server is gone ({error})") from None
        finally:
            theirs.close()
        mine.settimeout(READY_SECONDS)
        try:
            reply = mine.recv(4096)
        except TimeoutError:
            reply = b""
        if not reply:
            raise OSError("the kernel fork server did not start a kernel"
                          + self._exit_note())
        return ForkedKernel(json.loads(reply)["pid"], mine)

    def sweep(self) -> None:
        """End every process the last submission started, then delete what it wrote."""
        if self.alive():
            try:
                self.socket.settimeout(30)
                self.socket.send(json.dumps({"op": "sweep"}).encode())
                if not self.socket.recv(4096):
                    raise OSError("no answer")
            except OSError:
                self.stop()  # a server that cannot sweep is not used again
        for entry in self.scratch.iterdir():  # the folder, and whatever else it wrote here
            if entry.name not in sandbox.SERVER_FILES:
                _remove(entry)

    def _exit_note(self) -> str:
        code = self.process.poll()
        return "" if code is None else f" (it exited with status {code})"

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.process.kill()
            self.process.wait()
        self.socket.close()
        _remove(self.scratch)
        sandbox.remove_process_group_limit(self.cgroup)


_servers: dict["sandbox.SandboxSettings", ForkServer] = {}


def server_for(settings: "sandbox.SandboxSettings") -> ForkServer:
    """This process's fork server for these settings, started if none runs."""
    server = _servers.get(settings)
    if server is None or not server.alive():
        if server is not None:
            server.stop()
        server = _servers[settings] = ForkServer(settings)
    return server


class ForkingProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, launching kernels through the fork server."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        manager = self.parent
        argv = [*cmd[3:], *(f"--IPKernelApp.exec_lines={line}" for line in manager.exec_lines)]
        request = {"argv": argv, "env": manager.kernel_env, "cwd": str(manager.folder.work),
                   "memory_bytes": manager.settings.memory_bytes}
        self.process = manager.server.fork(request)
        self.pid = self.process.pid
        self.pgid = None  # a PID of the sandbox's namespace: signals go through the server
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
    """An `AsyncKernelManager` whose kernel is forked in the sandbox, in a folder of its own.

    Set `settings` (a `sandbox.SandboxSettings`) and `files` (the assignment's folder,
    whose files the kernel's working folder gets) before starting it, and `exec_lines`
    (code the kernel runs as it starts) if any.
    """

    client_factory = Type(PromptKernelClient, klass=AsyncKernelClient)
    settings: "sandbox.SandboxSettings"
    files: Path | None = None
    exec_lines: tuple[str, ...] = ()

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        """Wait for a killed kernel to end, looking every 5 ms rather than every 0.1 s."""
        await super()._async_wait(pollinterval=min(pollinterval, 0.005))

    async def _async_pre_start_kernel(self, **kw):
        self.server = server_for(self.settings)
        self.folder = self.server.new_folder()
        if self.files is not None:
            _copy_files(self.files, self.folder.work)
        self.transport, self.ip, self.cache_ports = "ipc", self.folder.sockets, False
        self.connection_file = str(self.folder.connection_file)
        self.kernel_env = sandbox.kernel_environment(self.settings, self.folder)
        self.kernel_id = self.kernel_id or kw.pop("kernel_id", None) or self.folder.root.name
        if self.provisioner is None:
            self.provisioner = ForkingProvisioner(kernel_id=self.kernel_id,
                                                  kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)

    def end_all(self) -> None:
        """End every process the kernel's submission started and delete its folder."""
        server = getattr(self, "server", None)
        if server is not None:
            server.sweep()


def _copy_files(source: Path, target: Path) -> None:
    """The assignment's regular files (not notebooks, not links) into the kernel's folder."""
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if path.is_symlink() or path.suffix == ".ipynb" or ".ipynb_checkpoints" in path.parts:
            continue
        if path.is_dir():
            (target / relative).mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative, follow_symlinks=False)


def _remove(folder: Path) -> None:
    """Delete a folder (or file) whatever a kernel did to its modes."""
    if folder.is_symlink() or not folder.is_dir():
        folder.unlink(missing_ok=True)
        return
    def writable(function, path, _error):
        try:
            os.chmod(os.path.dirname(path), 0o700)
            os.chmod(path, 0o700)
            function(path)
        except OSError:
            pass

    for _ in range(3):
        shutil.rmtree(folder, onerror=writable)
        if not folder.exists():
            return
        time.sleep(0.05)


def _server_preexec(cgroup: Path | None):
    """In the server's process before it starts: die with this process, join the cgroup."""
    def preexec() -> None:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if cgroup is not None:
            try:
                (cgroup / "cgroup.procs").write_text(str(os.getpid()))
            except OSError:
                pass
    return preexec
