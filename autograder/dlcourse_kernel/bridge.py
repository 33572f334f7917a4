"""In a grading kernel: call the student's functions for the grader.

The grader never runs its checks here. For each of its test cells it sends one
short cell, `serve()`, and the conversation goes over a Unix socket of its own
(`DLCOURSE_BRIDGE`, in the kernel's folder), which the grader listens on and
accepts once: the kernel reads a request, calls the student's function (asking
the grader again whenever that function calls a helper that the grader binds to
its reference), and sends the result back as plain data (`wire`).
Each message is a frame: four bytes of length, then (from the kernel) a tag,
`RESULT` or `CALLBACK`, and a `wire` message. An empty frame from the grader
ends the loop.
Nothing printed or displayed here reaches the grader, and nothing said here can
do more than what the student's function could: return a value.
"""

import builtins
import copy
import os
import socket
import struct
import sys
import traceback

from IPython import get_ipython

from . import wire

CALLBACK = b"C"
RESULT = b"R"
HEADER = struct.Struct(">I")
_connection: list[socket.socket] = []  # the grader's channel, once connected
NO_FIGURES = "__import__('dlcourse_kernel.bridge').bridge.no_figures()"
_LIBRARIES = tuple({os.path.dirname(os.path.abspath(__file__)), sys.prefix, sys.base_prefix})


def serve() -> None:
    """Serve the grader's requests until it says it is done (an empty request): one cell
    of the grader's, one run of this loop."""
    request = _receive()
    while request:
        _send(RESULT, _answer(request))
        request = _receive()


def _answer(message: bytes) -> bytes:
    request = wire.loads(message, _resolve)
    reply = {"describe": _describe, "call": _call}[request["op"]](request)
    try:
        return wire.dumps(reply, _reference)
    except wire.WireError as error:
        return wire.dumps({"ok": False, "error": {"type": "UnreadableResult",
                                                  "message": str(error), "line": ""}})


def _channel() -> socket.socket:
    if not _connection:
        channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        channel.connect(os.environ["DLCOURSE_BRIDGE"])
        _connection.append(channel)
    return _connection[0]


def _send(tag: bytes, message: bytes) -> None:
    channel, header = _channel(), HEADER.pack(len(message) + len(tag)) + tag
    if len(message) < 2**16:  # one system call: a round trip is a few of them
        channel.sendall(header + message)
    else:
        channel.sendall(header)
        channel.sendall(message)


def _receive() -> bytes:
    """The grader's next message; an interrupt (the grader's timeout) gets through."""
    (size,) = HEADER.unpack(_read(HEADER.size))
    return _read(size)


def _read(size: int) -> bytearray:
    data = bytearray(size)
    view, done = memoryview(data), 0
    while done < size:
        count = _channel().recv_into(view[done:])
        if not count:
            raise ConnectionError("the grader closed the channel")
        done += count
    return data


def _describe(request: dict) -> dict:
    namespace = get_ipython().user_ns
    name = request["name"]
    if name not in namespace:
        return {"kind": "undefined"}
    value = namespace[name]
    if callable(value):
        return {"kind": "function"}
    try:
        wire.dumps(value)
    except wire.WireError:
        return {"kind": "other", "type": type(value).__name__}
    return {"kind": "value", "value": value}


def _call(request: dict) -> dict:
    import numpy as np

    function = get_ipython().user_ns.get(request["name"])
    args, kwargs = request["args"], request["kwargs"]
    np.random.set_state(request["random_state"])  # the grader's global NumPy random state
    kept_args, kept_kwargs = copy.deepcopy(args), copy.deepcopy(kwargs)
    helpers = {name: _grader_function(name) for name in request["helpers"]}
    try:
        with _bound(function, helpers):
            result = function(*args, **kwargs)
    except KeyboardInterrupt:
        raise  # the grader interrupted a call that ran out of time
    except BaseException as error:  # noqa: BLE001 - any student error goes back as a message
        return {"ok": False, "error": {"type": type(error).__name__, "message": str(error),
                                       "line": _student_line(error.__traceback__)},
                "random_state": np.random.get_state()}
    changed = {str(i): a for i, (a, k) in enumerate(zip(args, kept_args, strict=True))
               if not _same(a, k)}
    changed.update({f"kw:{n}": v for n, v in kwargs.items() if not _same(v, kept_kwargs[n])})
    return {"ok": True, "result": result, "changed": changed,
            "random_state": np.random.get_state()}


class _bound:
    """The helpers bound in the function's globals for one call, put back after."""

    def __init__(self, function, helpers: dict):
        self.namespace = getattr(function, "__globals__", None) if helpers else None
        self.helpers = helpers

    def __enter__(self):
        if self.namespace is not None:
            self.saved = {n: self.namespace[n] for n in self.helpers if n in self.namespace}
            self.namespace.update(self.helpers)

    def __exit__(self, *_):
        if self.namespace is not None:
            for name in self.helpers:
                self.namespace.pop(name, None)
            self.namespace.update(self.saved)


def _grader_function(key: str, method: str | None = None):
    """A stand-in that asks the grader to run its function `key` (a reference helper), or
    the method `method` of its object `key`."""
    def call_grader(*args, **kwargs):
        sent: list = []
        _send(CALLBACK, wire.dumps({"key": key, "method": method, "args": args,
                                    "kwargs": kwargs}, _reference, sent=sent))
        answer = wire.loads(_receive(), _resolve, refs=sent)
        if answer["ok"]:
            return answer["result"]
        raise _grader_error(answer.get("type"), answer.get("message"))

    call_grader.__name__ = method or key
    return call_grader


def _grader_error(name, message) -> Exception:
    """The grader's exception, by its name (`TooManyDraws`, `ValueError`)."""
    name = name[:80] if isinstance(name, str) and name.isidentifier() else "GraderError"
    known = getattr(builtins, name, None)
    if isinstance(known, type) and issubclass(known, Exception):
        return known(str(message))
    return type(name, (Exception,), {})(str(message))


class GraderObject:
    """An object of the grader's (a random generator): its public methods run there."""

    def __init__(self, key: str):
        self._key = key

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return _grader_function(self._key, name)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _resolve(function: wire.Function):
    if function.kind == "student":
        return get_ipython().user_ns.get(function.key)
    if function.kind == "object":
        return GraderObject(function.key)
    return _grader_function(function.key)


def _reference(value) -> wire.Function | None:
    """Functions of the notebook go back by name; others cannot cross."""
    if not callable(value):
        return None
    name = getattr(value, "__name__", None)
    if isinstance(name, str) and get_ipython().user_ns.get(name) is value:
        return wire.Function("student", name)
    return None


def _same(a, b) -> bool:
    import numpy as np

    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
                and a.dtype == b.dtype and bool(np.array_equal(a, b, equal_nan=True)))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    try:
        return bool(a == b)
    except Exception:  # noqa: BLE001 - incomparable values count as changed
        return False


def _student_line(tb) -> str:
    """` in f, line N: `code`` for the last frame of the student's own code."""
    frames = [f for f in traceback.extract_tb(tb)
              if not os.path.abspath(f.filename).startswith(_LIBRARIES)]
    if not frames or not frames[-1].line:
        return ""
    frame = frames[-1]
    return f" in {frame.name}, line {frame.lineno}: `{frame.line.strip()}`"


def no_figures() -> None:
    """Draw no figure while grading: `plt.show()` and each cell's end close them. The grader
    has the kernel run this as it starts (`NO_FIGURES`, one of IPython's `exec_lines`)."""
    import matplotlib

    matplotlib.use("agg", force=True)
    import matplotlib.pyplot as plt

    def close_figures(*_ignored, **_unused) -> None:
        plt.close("all")

    plt.show = close_figures
    get_ipython().events.register("post_run_cell", close_figures)
