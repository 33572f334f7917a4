"""Limits for a grading kernel, set in its process just before it starts.

- resource limits: address space (memory), no core dumps, 1 GiB per written file;
- a limit on processes and threads, through a cgroup of the `pids` controller
  (root is exempt from `RLIMIT_NPROC`), so that a fork bomb stops there;
- on Linux, a private mount namespace (plus a user namespace when the grader is
  not root) in which the course and the grading workspace are read-only, except
  the submission's own scratch folder: student code cannot write into the
  gradebook, the course source or other students' folders.

Where namespaces are not available (not Linux, or forbidden by a container),
the kernel runs with the limits only (tests/adversarial checks this machine).
"""

import ctypes
import os
import resource
import time
from dataclasses import dataclass
from pathlib import Path

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
MS_RDONLY, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 32, 4096, 16384, 1 << 18
MAX_FILE_BYTES = 2**30
PIDS_CGROUPS = Path("/sys/fs/cgroup/pids")  # cgroup v1's pids controller


def process_group_limit(max_processes: int) -> Path | None:
    """A new cgroup that allows `max_processes` processes, or None where none can be made."""
    folder = PIDS_CGROUPS / f"dlcourse-{os.getpid()}-{time.monotonic_ns()}"
    try:
        folder.mkdir()
        (folder / "pids.max").write_text(str(max_processes))
    except OSError:
        return None
    return folder


def remove_process_group_limit(folder: Path | None) -> None:
    """Remove the cgroup once its processes are gone (they were killed just before)."""
    for _ in range(50):
        try:
            if folder is not None:
                folder.rmdir()
            return
        except OSError:
            time.sleep(0.1)


@dataclass(frozen=True)
class KernelSandbox:
    """The limits of one kernel, applied by calling it in the kernel's process before
    the kernel starts (a `preexec_fn`, or in a forked kernel). Plain data, so that a
    kernel fork server in another process can apply it too."""

    memory_bytes: int
    read_only: tuple[str, ...]
    writable: str
    cgroup: str | None = None

    def __call__(self) -> None:
        if self.cgroup is not None:
            try:
                (Path(self.cgroup) / "cgroup.procs").write_text(str(os.getpid()))
            except OSError:
                pass
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_FILE_BYTES, MAX_FILE_BYTES))
        if self.memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (self.memory_bytes, self.memory_bytes))
        try:
            _private_mounts(self.read_only, self.writable)
        except OSError:
            pass  # no namespaces here: the kernel keeps the grader's own access


def _private_mounts(read_only: tuple[str, ...], writable: str) -> None:
    uid, gid = os.getuid(), os.getgid()
    libc = ctypes.CDLL(None, use_errno=True)

    def call(result: int) -> None:
        if result != 0:
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))

    def mount(source, target, flags) -> None:
        call(libc.mount(source and source.encode(), target.encode(), None, flags, None))

    call(libc.unshare(CLONE_NEWNS | (0 if uid == 0 else CLONE_NEWUSER)))
    if uid != 0:
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
    mount("none", "/", MS_REC | MS_PRIVATE)
    mount(writable, writable, MS_BIND)  # its own mount: stays writable below
    for path in read_only:
        mount(path, path, MS_BIND | MS_REC)
        mount(None, path, MS_REMOUNT | MS_BIND | MS_RDONLY)
    # The working directory still points into the mounts as they were: `..` from there
    # would walk the writable originals. Enter it again, through the new mounts.
    os.chdir(writable)


def _write(path: str, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)
