"""Test cells run in the grader's own process; the student's functions are proxies.

At grading, the code of every test cell (visible checks and hidden tests) runs
here, never in the student's kernel. Its source comes from the course's own
notebook in `solutions/` (by the cell's grade id), not from the submission. Names
it does not define itself (the student's `sigmoid`, `propagate`, ...) are looked
up in the kernel when first used: a function becomes a `StudentFunction`, whose
calls go to the kernel through `KernelBridge` (a Unix socket the kernel connects
to once, `dlcourse_kernel.bridge`) and come back as plain data
(`dlcourse_kernel.wire`), together with NumPy's global random state, so that a
check may seed before a call as it would at home; a value is fetched as plain
data. The verdict is what this code decides: its printed lines become the cell's
output, and a failure becomes the cell's error output, which nbgrader then scores.
Nothing the kernel prints, displays or reports reaches that output.
"""

import ast
import builtins
import contextlib
import io
import re
import select
import signal
import socket
from collections.abc import Callable
from pathlib import Path
from time import monotonic, sleep

import nbformat
import numpy as np
import zmq
from jupyter_client import BlockingKernelClient
from nbformat import NotebookNode
from nbgrader.utils import is_grade, is_solution

from autograder.dlcourse_kernel import bridge as kernel_side
from autograder.dlcourse_kernel import wire

SERVE = "__import__('dlcourse_kernel.bridge').bridge.serve()"
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,79}\Z")
PUBLIC = re.compile(r"[a-z][A-Za-z0-9_]{0,79}\Z")
EXIT_SECONDS = 2  # for a kernel whose channel closed to be reported dead
LOOK_SECONDS = 0.02  # between looks at the kernel's state while waiting for a message
STALE_READS = 64  # MiB the notebook may have written into the channel between two cells


class KernelTrouble(BaseException):
    """What ends a test cell whatever the check catches: not an `Exception`, so that a
    check's `except Exception` around a student's call cannot turn it into a verdict."""


class CallTimeout(KernelTrouble):
    """A call into the kernel ran out of time; the kernel answered the interrupt."""


class KernelStuck(KernelTrouble):
    """A call into the kernel ran out of time and the kernel ignores interrupts."""


class KernelDead(KernelTrouble):
    """The kernel died during a call."""


class ChannelBroken(KernelTrouble):
    """The kernel closed its channel to the grader, or sent what is not a message."""


class StudentValueError(Exception):
    """What a student's function returned or raised cannot cross; `grader_message` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.grader_message = message


def test_cell_sources(source_notebook: Path) -> dict[str, str]:
    """The course's own test cells, by grade id: the only code that runs as trusted."""
    notebook = nbformat.read(source_notebook, as_version=4)
    return {cell.metadata.nbgrader["grade_id"]: cell.source for cell in notebook.cells
            if cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)}


class KernelBridge:
    """Requests to the bridge in one kernel: each test cell starts the kernel's loop with one
    cell over the shell channel, then requests and answers go over `channel` (a Unix socket
    in the kernel's folder, accepted once). A Jupyter message costs a millisecond and a
    connection that may not be up yet when the kernel first asks; a frame on a socket, tens
    of microseconds."""

    def __init__(self, connection_info: dict, process, interrupt_grace: float, channel: Path):
        # The process's shared ZeroMQ context: a context of its own would be terminated
        # whenever the garbage collector finds it, which blocks while any socket lingers.
        self.client = BlockingKernelClient(context=zmq.Context.instance())
        self.client.load_connection_info(connection_info)
        self.client.start_channels(shell=True, iopub=False, stdin=False, hb=False,
                                   control=False)
        self.process = process  # Popen-like: poll() and send_signal()
        self.interrupt_grace = interrupt_grace
        self.deadline = float("inf")
        self.msg_id: str | None = None  # the kernel's bridge loop, while one runs
        self.callbacks: dict[str, Callable] = {}
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(str(channel))
        self.listener.listen(1)
        self.channel_path = channel
        self.connection: socket.socket | None = None
        self.received = bytearray()  # what the kernel sent that is not yet read
        self.chunk = bytearray(2**20)

    def close(self) -> None:
        for end in (self.connection, self.listener):
            if end is not None:
                end.close()
        self.client.shell_channel.socket.setsockopt(zmq.LINGER, 0)
        self.client.stop_channels()

    def request(self, message: dict) -> dict:
        """Send one request to the kernel's bridge; its reply."""
        data = wire.dumps(message, self._reference)
        if self.msg_id is None:
            self._start_loop()
        self._send(data)
        answer = self._next_message(kernel_side.RESULT)
        try:
            reply = wire.loads(answer, self._resolve)
        except wire.WireError as error:
            raise StudentValueError(f"the kernel's answer could not be read: {error}") from None
        if type(reply) is not dict:
            raise StudentValueError("the kernel's answer could not be read")
        return reply

    def finish(self) -> None:
        """End the kernel's loop, so that the kernel can run the next cell: the reply to the
        loop's cell. What the notebook wrote into the channel meanwhile is dropped later."""
        if self.msg_id is None:
            return
        self._send(b"")
        shell = self.client.shell_channel
        while True:
            left = self.deadline - monotonic()
            if left <= 0:
                self._interrupt()
            if shell.msg_ready() or shell.socket.poll(min(left, 0.5) * 1000):
                if shell.get_msg(timeout=0)["parent_header"].get("msg_id") == self.msg_id:
                    self.msg_id = None
                    return
            elif self.process.poll() is not None:
                raise KernelDead()

    def _start_loop(self) -> None:
        """Start the kernel's loop for a new test cell. A kernel whose sandbox is gone is dead
        (it may answer for a moment yet); what the notebook wrote into the channel since
        the last cell is dropped, so that no cell's answer comes from another's."""
        if self.process.poll() is not None:
            raise KernelDead()
        self.received.clear()
        if self.connection is not None:
            try:
                for _ in range(STALE_READS):
                    if not self.connection.recv_into(self.chunk):
                        break
                else:
                    raise ChannelBroken()
            except BlockingIOError:
                pass  # nothing more to drop
            except OSError:
                raise ChannelBroken() from None
        self.msg_id = self.client.execute(SERVE, silent=True, store_history=False,
                                          allow_stdin=False)

    def _send(self, data: bytes) -> None:
        connection = self._connected()
        try:
            view = memoryview(kernel_side.HEADER.pack(len(data)) + data)
            while view:  # the socket does not block: a kernel that stops reading cannot hang us
                try:
                    view = view[connection.send(view):]
                except BlockingIOError:
                    left = self.deadline - monotonic()
                    if left <= 0:
                        self._interrupt()
                    self._writable.poll(min(left, LOOK_SECONDS) * 1000)
        except OSError:
            raise self._closed() from None

    def _closed(self) -> KernelTrouble:
        """The kernel's end of the channel closed: the kernel died, if its exit is reported
        within `EXIT_SECONDS` (its status comes a moment later); else it broke the channel."""
        deadline = monotonic() + EXIT_SECONDS
        while self.process.poll() is None:
            if monotonic() > deadline:
                return ChannelBroken()
            sleep(0.005)
        return KernelDead()

    def _connected(self) -> socket.socket:
        """The kernel's end of the channel; the first time, wait for it to connect."""
        if self.connection is None:
            self._wait(self.listener)
            self.connection, _ = self.listener.accept()
            self.listener.close()  # one connection a kernel: nobody else gets in
            self.channel_path.unlink(missing_ok=True)
            self.connection.setblocking(False)
            self._readable, self._writable = select.poll(), select.poll()
            self._readable.register(self.connection, select.POLLIN)
            self._writable.register(self.connection, select.POLLOUT)
        return self.connection

    def _wait(self, end: socket.socket) -> None:
        """Until `end` has something to read. Out of time, the kernel is interrupted; a reply
        to the loop's cell means that the loop ended (`StudentValueError`); both are looked
        at every `LOOK_SECONDS`, as is a kernel that died (its end closes at once)."""
        if end is self.connection:
            watch = self._readable
        else:
            watch = select.poll()
            watch.register(end, select.POLLIN)
        shell = self.client.shell_channel
        while True:
            left = self.deadline - monotonic()
            if left <= 0:
                self._interrupt()
            if watch.poll(min(left, LOOK_SECONDS) * 1000):
                return
            while shell.msg_ready():
                if shell.get_msg(timeout=0)["parent_header"].get("msg_id") == self.msg_id:
                    self.msg_id = None
                    raise StudentValueError("the kernel did not answer the grader (did the "
                                            "notebook change IPython's hooks?)")
            if self.process.poll() is not None:
                raise KernelDead()

    def _next_message(self, expected: bytes) -> bytearray:
        """Answer the kernel's callbacks until it sends an `expected` message; its message.
        The loop's end (its cell's reply) raises `StudentValueError`."""
        while True:
            tag, message = self._frame()
            if tag == kernel_side.CALLBACK:
                self._send(self._callback(message))
            elif tag == expected:
                return message
            else:
                raise ChannelBroken()

    def _frame(self) -> tuple[bytes, bytearray]:
        """The kernel's next message, with its tag."""
        header = kernel_side.HEADER.size
        while True:
            if len(self.received) >= header:
                (size,) = kernel_side.HEADER.unpack_from(self.received)
                if not 0 < size <= wire.MAX_BYTES + 1:
                    raise ChannelBroken()
                if len(self.received) >= header + size:
                    tag = bytes(self.received[header:header + 1])
                    message = self.received[header + 1:header + size]  # writable: arrays are views
                    del self.received[:header + size]
                    return tag, message
            connection = self._connected()
            self._wait(connection)
            count = connection.recv_into(self.chunk)  # recv(n) would allocate n bytes each time
            if not count:
                raise self._closed()
            self.received += memoryview(self.chunk)[:count]

    def _interrupt(self) -> None:
        """Out of time: interrupt the kernel; raise what came of it."""
        msg_id, self.msg_id = self.msg_id, None
        self.process.send_signal(signal.SIGINT)
        deadline = monotonic() + self.interrupt_grace
        while (left := deadline - monotonic()) > 0:
            if self.client.shell_channel.msg_ready() or self.client.shell_channel.socket.poll(
                    left * 1000):
                reply = self.client.shell_channel.get_msg(timeout=0)
                if reply["parent_header"].get("msg_id") == msg_id:
                    raise CallTimeout()
            elif self.process.poll() is not None:
                raise KernelDead()
        raise KernelStuck()

    def _callback(self, question: bytearray) -> bytes:
        """Run one of the grader's functions (a reference helper), or a public method of an
        object it passed (a random generator), for the kernel. The result must be plain
        data: nothing of the grader's goes back by reference. The question's arrays are
        read-only here, so that one the result holds unchanged goes back by its place in
        the question (the kernel's own array)."""
        seen: list = []
        try:
            asked = wire.loads(question, self._resolve, seen=seen)
            for array in seen:
                array.flags.writeable = False
            known = {id(array): place for place, array in enumerate(seen)}
            target = self.callbacks[asked["key"]]
            method = asked.get("method")
            if method is not None:
                if not (isinstance(method, str) and PUBLIC.match(method)):
                    raise AttributeError(f"no method {str(method)[:40]!r} here")
                target = getattr(target, method)
            result = target(*asked["args"], **asked["kwargs"])
            return wire.dumps({"ok": True, "result": result}, known=known)
        except Exception as error:  # noqa: BLE001 - the student's code gets the message
            return wire.dumps({"ok": False, "type": type(error).__name__, "message": str(error)})

    def _reference(self, value) -> wire.Function | None:
        if isinstance(value, StudentFunction):
            return wire.Function("student", value.__name__)
        key = f"grader-{len(self.callbacks)}"
        self.callbacks[key] = value
        return wire.Function("grader" if callable(value) else "object", key)

    def _resolve(self, function: wire.Function):
        if function.kind == "student":
            return StudentFunction(function.key, self, None)
        return self.callbacks.get(function.key)


class StudentFunction:
    """A student's function in the kernel, called from here with plain data."""

    def __init__(self, name: str, bridge: KernelBridge, source: tuple[str, int] | None):
        self.__name__ = self.__qualname__ = name
        self._bridge = bridge
        self.__dlcourse_source__ = source  # read from the submitted notebook, for checks

    def __repr__(self) -> str:
        return f"<function {self.__name__}>"

    def __call__(self, *args, **kwargs):
        return self.call_with_helpers(args, kwargs, {})

    def call_with_helpers(self, args: tuple, kwargs: dict, helpers: dict[str, Callable]):
        for name, helper in helpers.items():
            self._bridge.callbacks[name] = helper
        try:
            reply = self._bridge.request({"op": "call", "name": self.__name__, "args": args,
                                          "kwargs": kwargs, "helpers": list(helpers),
                                          "random_state": np.random.get_state()})
        except wire.WireError as error:
            raise StudentValueError(f"could not be called with these arguments: {error}"
                                    ) from None
        _take_random_state(reply.get("random_state"))
        if not reply.get("ok"):
            raise _student_exception(reply.get("error") or {})
        _write_back(args, kwargs, reply.get("changed") or {})
        return reply.get("result")


def _take_random_state(state) -> None:
    """NumPy's global random state as the call left it in the kernel: a check that seeds
    before a call, or draws after it, sees what it would see were the function here."""
    try:
        np.random.set_state(state)
    except (TypeError, ValueError):
        pass  # not a state: the global random state stays as it was


def _student_exception(error: dict) -> Exception:
    """The student's exception, rebuilt: a built-in class where it names one."""
    name, message = str(error.get("type", "Exception")), str(error.get("message", ""))
    if name == "UnreadableResult":
        return StudentValueError(f"returned a value the grader cannot read: {message}")
    known = getattr(builtins, name, None)
    if isinstance(known, type) and issubclass(known, Exception) and known.__module__ == "builtins":
        exception = known(message)
    else:
        kind = type(name if IDENTIFIER.match(name) else "Exception", (Exception,), {})
        exception = kind(message)
    exception.student_line = str(error.get("line", ""))[:300]
    return exception


def _write_back(args: tuple, kwargs: dict, changed: dict) -> None:
    """Change the caller's arguments as the student's function changed its own."""
    for key, value in changed.items():
        if key.startswith("kw:"):
            if key[3:] in kwargs:
                _update(kwargs[key[3:]], value)
        elif key.isdigit() and int(key) < len(args):
            _update(args[int(key)], value)


def _update(original, new) -> None:
    if isinstance(original, np.ndarray):
        if isinstance(new, np.ndarray) and new.shape == original.shape:
            np.copyto(original, new, casting="unsafe")
        elif original.size:  # reshaped in place: no copy back can show it, so mark it changed
            original.flat[0] = np.nan if original.dtype.kind in "fc" else ~original.flat[0]
    elif isinstance(original, dict) and isinstance(new, dict):
        original.clear()
        original.update(new)
    elif isinstance(original, list) and isinstance(new, list):
        original[:] = new
    elif isinstance(original, tuple) and isinstance(new, tuple) and len(new) == len(original):
        for a, b in zip(original, new, strict=True):
            _update(a, b)


class _KernelNames(dict):
    """The cell's namespace: the grader's names first, then the kernel's, looked up once."""

    def __init__(self, base: dict, lookup: Callable[[str], object]):
        super().__init__(base)
        self._lookup = lookup

    def __missing__(self, name: str):
        if hasattr(builtins, name):
            raise KeyError(name)
        value = self[name] = self._lookup(name)
        return value


class TrustedCells:
    """The test cells of one submitted notebook, run here against its kernel."""

    def __init__(self, assignment: str | None, sources: dict[str, str], notebook):
        self.sources = sources
        self.notebook = notebook
        self.functions: dict[str, StudentFunction] = {}  # looked up since the last cell ran
        self.base: dict = {}
        imports = "import numpy as np\nfrom course_utils.checks.core import CheckFailure\n"
        if assignment:
            imports += f"from course_utils.checks.{assignment.split('_', 1)[1]} import *\n"
        exec(imports, self.base)  # noqa: S102 - the course's own imports

    def is_trusted(self, cell) -> bool:
        return (cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)
                and cell.metadata.nbgrader.get("grade_id") in self.sources)

    def run(self, cell, bridge: KernelBridge, seconds: float) -> list[NotebookNode]:
        """Run the course's code for this test cell; its outputs. Raises `KernelTrouble`
        (a call that ran out of time, a kernel stuck or dead) for the caller to replace the
        kernel: a kernel interrupted in the middle of a call is not trusted to go on. The
        kernel's loop goes on serving the next test cell; `bridge.finish()` ends it before
        the kernel runs a cell of the notebook, and `forget()` then drops the functions
        looked up, which that cell may define anew."""
        grade_id = cell.metadata.nbgrader["grade_id"]
        bridge.deadline = monotonic() + seconds
        names = _KernelNames({k: v for k, v in self.base.items() if k != "__builtins__"},
                             lambda name: self._lookup(name, bridge))
        printed = io.StringIO()
        try:
            code = compile(self.sources[grade_id], f"<test cell {grade_id}>", "exec")
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
                exec(code, {"__builtins__": builtins, "__name__": "__grader__"}, names)  # noqa: S102
        except KernelTrouble:
            raise
        except AssertionError as failure:  # CheckFailure, or a plain assert of the course
            return _outputs(printed, _error("CheckFailure", str(failure), f"FAIL {failure}"))
        except Exception as error:  # noqa: BLE001 - any other error fails the cell, in words
            return _outputs(printed, _error(type(error).__name__, str(error)))
        return _outputs(printed, None)

    def forget(self) -> None:
        self.functions.clear()

    def _lookup(self, name: str, bridge: KernelBridge):
        if not IDENTIFIER.match(name):
            raise NameError(f"name {name!r} is not defined")
        known = self.functions.get(name)
        if known is not None and known._bridge is bridge:
            return known
        described = bridge.request({"op": "describe", "name": name})
        kind = described.get("kind")
        if kind == "function":
            function = StudentFunction(name, bridge, function_source(self.notebook, name))
            self.functions[name] = function
            return function
        if kind == "value":
            return described.get("value")
        if kind == "other":
            return type(str(described.get("type", "object"))[:60], (), {})()
        raise NameError(self.undefined(name))

    def undefined(self, name: str) -> str:
        """Why `name` is not defined, from its answer cell's outputs."""
        message = f"`{name}` is not defined"
        for cell in self.notebook.cells:
            if (cell.cell_type == "code" and is_solution(cell)
                    and cell.metadata.nbgrader.get("grade_id") == name):
                errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
                if errors:
                    where = _error_line(errors[0])
                    return (f"{message}: its answer cell failed with {errors[0].ename}: "
                            f"{errors[0].evalue}{where}. Fix that error, then run the cell "
                            "again")
                if "def " not in cell.source:
                    return f"{message}: its answer cell defines no function `{name}`"
        return f"{message}: define it in its answer cell and run that cell"


def function_source(notebook, name: str) -> tuple[str, int] | None:
    """The source and first line of the last `def name` in the notebook's code cells."""
    found = None
    for cell in notebook.cells:
        if cell.cell_type != "code" or (is_grade(cell) and not is_solution(cell)):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                found = (ast.get_source_segment(cell.source, node, padded=True), node.lineno)
    return found


def _error_line(error) -> str:
    """` (line N)` from an IPython traceback, when it names one."""
    text = "\n".join(error.get("traceback", []))
    found = re.findall(r"line (\d+)", re.sub(r"\x1b\[[0-9;]*m", "", text))
    return f" (line {found[-1]})" if found else ""


def _error(ename: str, evalue: str, shown: str | None = None) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[shown or f"{ename}: {evalue}"])


def _outputs(printed: io.StringIO, error: NotebookNode | None) -> list[NotebookNode]:
    outputs = []
    if printed.getvalue():
        outputs.append(NotebookNode(output_type="stream", name="stdout",
                                    text=printed.getvalue()))
    if error is not None:
        outputs.append(error)
    return outputs


