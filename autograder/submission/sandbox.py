"""Where a grading kernel runs: a bubblewrap sandbox that holds only what it may see.

Each grading worker starts one kernel fork server (`autograder.submission.kernel_fork`) with
`server_command`: under `bwrap` (Debian's package `bubblewrap`, what Flatpak uses),
as user `nobody` without capabilities and with `no_new_privs`, in new user, PID,
network, IPC, UTS and cgroup namespaces (no network at all, no view of the
grader's processes), dying with its worker. Its filesystem holds, read-only, the
system's `/usr`, the Python installation and virtual environment, `course_utils/`
and `datasets/`; a private `/tmp`; and its scratch folder, the only thing it may
write, where each kernel gets a folder of its own. The hidden tests, reference
solutions, `solutions/`, the grading workspace, the gradebook, the submissions and
the home folder are not in that world. Memory is limited per kernel
(`RLIMIT_AS`), processes and threads per worker through a `pids` cgroup (root is
exempt from `RLIMIT_NPROC`), where cgroups allow.

`--no-sandbox` (`SandboxSettings.isolated = False`) runs the same server as a plain
process, for machines without bubblewrap: the kernels then have the grader's own
access, which `dlcourse grade` says loudly.
"""

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from autograder.course import REPO_ROOT

PIDS_CGROUPS = Path("/sys/fs/cgroup/pids")  # cgroup v1's pids controller
KERNEL_PACKAGE = REPO_ROOT / "autograder" / "dlcourse_kernel"
SERVER_FILES = ("lib", "matplotlib")  # in the scratch folder: the server's, kept across kernels
NOBODY = 65534
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
PASSED_VARIABLES = ("NBGRADER_EXECUTION", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "LANG")


@dataclass(frozen=True)
class SandboxSettings:
    """How one worker's kernels run. Plain and hashable: a worker keeps a server per value."""

    isolated: bool = True
    memory_bytes: int = 4 * 2**30
    max_processes: int = 512
    threads: int = 1


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot make a sandbox on this machine."""


@functools.cache
def unavailable_reason() -> str | None:
    """Why no sandbox can be made here, or None when one can (tried once per process)."""
    if sys.platform != "linux":
        return "the grading sandbox needs Linux (bubblewrap)"
    if shutil.which("bwrap") is None:
        return ("bubblewrap is not installed: install Debian's package `bubblewrap` "
                "(apt-get install bubblewrap), or grade with --no-sandbox")
    with tempfile.TemporaryDirectory(prefix="dlcourse-sandbox-try-") as scratch:
        _install_kernel_package(Path(scratch))
        command = _bwrap(Path(scratch)) + [sys.executable, "-c", "import numpy"]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=60,
                                 stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"bubblewrap could not start: {error}"
    if run.returncode != 0:
        detail = (run.stderr.strip().splitlines() or ["no message"])[-1]
        return f"bubblewrap cannot make a sandbox on this machine: {detail}"
    return None


def server_command(settings: SandboxSettings, scratch: Path, fd: int) -> list[str]:
    """The command that runs a fork server, in its sandbox when `settings.isolated`."""
    _install_kernel_package(scratch)
    server = [sys.executable, "-m", "dlcourse_kernel.fork_server", "--fd", str(fd)]
    if not settings.isolated:
        return server
    return _bwrap(scratch) + server + ["--isolated"]


def server_environment(settings: SandboxSettings, scratch: Path) -> dict[str, str]:
    """The server's whole environment: nothing of the grader's but what kernels need."""
    passed = {name: os.environ[name] for name in PASSED_VARIABLES if name in os.environ}
    return {**passed,
            "PATH": os.pathsep.join([os.path.dirname(sys.executable), "/usr/bin", "/bin"]),
            "HOME": str(scratch), "PYTHONPATH": os.pathsep.join([str(scratch / "lib"),
                                                                 str(_course_utils().parent)]),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "MPLCONFIGDIR": str(scratch / "matplotlib"),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1", "PYTHONDONTWRITEBYTECODE": "1",
            **dict.fromkeys(THREAD_VARIABLES, str(settings.threads))}


def kernel_environment(settings: SandboxSettings, folder) -> dict[str, str]:
    """A kernel's environment: the server's, with a home and IPython folder of its own."""
    home = str(folder.home)
    return {**server_environment(settings, folder.root.parent), "HOME": home,
            "IPYTHONDIR": os.path.join(home, ".ipython"), "JUPYTER_CONFIG_DIR": home,
            "JUPYTER_DATA_DIR": home, "TMPDIR": home, "DLCOURSE_BRIDGE": str(folder.channel)}


def server_log():
    """Where servers and kernels write their own stderr: nowhere, unless asked for."""
    path = os.environ.get("DLCOURSE_SANDBOX_LOG")
    return open(path, "ab") if path else subprocess.DEVNULL  # noqa: SIM115 - the child keeps it


def _install_kernel_package(scratch: Path) -> None:
    """Copy `dlcourse_kernel` (no other grader code) where the sandbox imports it from."""
    target = scratch / "lib" / "dlcourse_kernel"
    target.mkdir(parents=True, exist_ok=True)
    for source in KERNEL_PACKAGE.glob("*.py"):
        shutil.copyfile(source, target / source.name)
    (scratch / "matplotlib").mkdir(exist_ok=True)


def _bwrap(scratch: Path) -> list[str]:
    command = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session",
               "--uid", str(NOBODY), "--gid", str(NOBODY), "--cap-drop", "ALL",
               "--hostname", "sandbox", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    command += _system_folders()
    for folder in _read_only_folders():
        command += ["--ro-bind", str(folder), str(folder)]
    command += ["--bind", str(scratch), str(scratch),
                "--ro-bind", str(scratch / "lib"), str(scratch / "lib"),
                "--chdir", str(scratch)]
    return command


def _system_folders() -> list[str]:
    """`/usr`, and the top-level links or folders into it (`/lib`, `/bin`, ...)."""
    arguments = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            arguments += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            arguments += ["--ro-bind", str(path), str(path)]
    for name in ("ld.so.cache", "localtime", "nsswitch.conf", "passwd", "group"):
        arguments += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    return arguments


def _read_only_folders() -> list[Path]:
    """Python, the virtual environment and the student-side course, outside /usr."""
    folders = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(),
               Path(sys.prefix), REPO_ROOT / "course_utils", REPO_ROOT / "datasets",
               _course_utils()}
    folders = {f for f in folders if f.exists() and not f.is_relative_to("/usr")}
    return sorted(f for f in folders
                  if not any(f != g and f.is_relative_to(g) for g in folders))


def _course_utils() -> Path:
    """The `course_utils` this grader imports: the kernel imports the same (first on its
    path, before whatever the environment's install points to)."""
    import course_utils

    return Path(course_utils.__file__).resolve().parent


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
