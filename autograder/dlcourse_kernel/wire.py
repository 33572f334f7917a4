"""The plain data that crosses between a grading kernel and the grader, as JSON.

Only these cross: None, bools, ints, floats, strings, NumPy arrays (as `.npy`
bytes, read back with `allow_pickle=False`, so a subclass arrives as a plain
array), NumPy scalars, and tuples, lists and dicts of these. A function crosses
as a reference that each side resolves (`Function`). An array larger than
`SPILL_BYTES` may travel as a `.npy` file beside the message instead (`Files`): the
sender writes it into a folder both sides see, the message names it. Anything else,
or more than `MAX_CHARS` of it, is refused with a `WireError` that says what it was.
"""

import base64
import io
import json
import os
import stat
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_CHARS = 256 * 2**20  # one message, encoded
MAX_FILE_BYTES = 2**30  # one array sent as a file
MAX_DEPTH = 64
SPILL_BYTES = 2**16


class WireError(ValueError):
    """A value that cannot cross: not plain data, too deep, too large or malformed."""


@dataclass(frozen=True)
class Function:
    """A function or object that crosses by reference: `kind` says which side resolves `key`.

    "student": a function of the kernel's, by name; "grader": a function of the grader's,
    which the kernel calls back; "object": an object of the grader's (a random generator),
    whose public methods the kernel calls back.
    """

    kind: str
    key: str


class Files:
    """Large arrays as `.npy` files in `folder`, named `<prefix>-<random>.npy`.

    Reading takes only a regular file of that name form, never a link, and at most
    `MAX_FILE_BYTES`: the folder is writable by the other side. With `folder_fd` (the
    folder opened once), a folder the other side moved or replaced by a link is not
    followed either.
    """

    def __init__(self, folder: str, prefix: str, folder_fd: int | None = None):
        self.folder, self.prefix, self.folder_fd = folder, prefix, folder_fd
        self.written: list[str] = []

    def write(self, array: np.ndarray) -> str:
        name = f"{self.prefix}-{uuid.uuid4().hex}.npy"
        if array.dtype.hasobject:
            raise WireError("a NumPy array of Python objects (dtype object) cannot be "
                            "passed: use numbers")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        if self.folder_fd is None:
            fd = os.open(os.path.join(self.folder, name), flags, 0o644)
        else:
            fd = os.open(name, flags, 0o644, dir_fd=self.folder_fd)
        with os.fdopen(fd, "wb") as handle:
            np.save(handle, np.asarray(array), allow_pickle=False)
        self.written.append(name)
        return name

    def read(self, name: str) -> np.ndarray:
        if (type(name) is not str or not name.endswith(".npy") or "/" in name
                or name.startswith(".") or len(name) > 100):
            raise WireError("a malformed array file name")
        try:
            if self.folder_fd is None:
                fd = os.open(os.path.join(self.folder, name), os.O_RDONLY | os.O_NOFOLLOW)
            else:
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=self.folder_fd)
        except OSError:
            raise WireError("an array file that cannot be read") from None
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                raise WireError("an array file that is not a plain file of at most 1 GiB")
            try:
                return np.load(handle, allow_pickle=False)
            except Exception as error:  # noqa: BLE001 - whatever is wrong, it is no array
                raise WireError(f"a malformed array ({type(error).__name__})") from None


def dumps(value: Any, reference: Callable[[Any], Function | None] = lambda _: None,
          files: Files | None = None) -> str:
    """`value` as a JSON string. `reference` names the functions that may cross; with
    `files`, large arrays go as files."""
    text = json.dumps(_encode(value, reference, 0, files), allow_nan=True)
    if len(text) > MAX_CHARS:
        raise WireError(f"the data is too large to pass ({len(text):,} characters encoded; "
                        f"at most {MAX_CHARS:,})")
    return text


def loads(text: str, resolve: Callable[[Function], Any] = lambda f: f,
          files: Files | None = None) -> Any:
    """The value of a JSON string made by `dumps`; `resolve` turns references into functions,
    `files` reads the arrays sent as files."""
    if not isinstance(text, str) or len(text) > MAX_CHARS:
        raise WireError("the data is too large or not text")
    try:
        tree = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise WireError(f"unreadable data ({type(error).__name__})") from None
    return _decode(tree, resolve, 0, files)


def _encode(value: Any, reference, depth: int, files: Files | None = None) -> Any:
    if depth > MAX_DEPTH:
        raise WireError(f"the data is nested more than {MAX_DEPTH} levels deep")
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, np.ndarray):
        if files is not None and value.nbytes > SPILL_BYTES:
            return {"$file": files.write(value)}
        return {"$nd": _npy(value)}
    if isinstance(value, np.generic):
        return {"$scalar": _npy(np.asarray(value))}
    if type(value) is tuple:
        return {"$tuple": [_encode(v, reference, depth + 1, files) for v in value]}
    if type(value) is list:
        return [_encode(v, reference, depth + 1, files) for v in value]
    if type(value) is dict:
        return {"$dict": [[_encode(k, reference, depth + 1, files),
                           _encode(v, reference, depth + 1, files)] for k, v in value.items()]}
    function = reference(value)
    if function is not None:
        return {"$function": [function.kind, function.key]}
    raise WireError(f"{_kind(value)} cannot be passed: use NumPy arrays, numbers, strings, "
                    "booleans, None, or tuples, lists and dicts of these")


def _decode(tree: Any, resolve, depth: int, files: Files | None = None) -> Any:
    if depth > MAX_DEPTH:
        raise WireError(f"the data is nested more than {MAX_DEPTH} levels deep")
    if tree is None or type(tree) in (bool, int, float, str):
        return tree
    if type(tree) is list:
        return [_decode(v, resolve, depth + 1, files) for v in tree]
    if type(tree) is dict and len(tree) == 1:
        (tag, body), = tree.items()
        if tag == "$nd" and type(body) in (str, list):
            return _array(body)
        if tag == "$file" and files is not None:
            return files.read(body)
        if tag == "$scalar" and type(body) in (str, list):
            array = _array(body)
            if array.ndim == 0:
                return array[()]
        if tag == "$tuple" and type(body) is list:
            return tuple(_decode(v, resolve, depth + 1, files) for v in body)
        if tag == "$dict" and type(body) is list and all(
                type(p) is list and len(p) == 2 for p in body):
            pairs = [(_decode(k, resolve, depth + 1, files),
                      _decode(v, resolve, depth + 1, files))
                     for k, v in body]
            try:
                return dict(pairs)
            except TypeError:
                raise WireError("a dict whose keys cannot be keys") from None
        if (tag == "$function" and type(body) is list and len(body) == 2
                and all(type(p) is str for p in body)):
            return resolve(Function(*body))
    raise WireError("malformed data")


RAW_KINDS = "biufcUS"  # dtypes sent as their raw bytes, with dtype and shape beside them


def _npy(array: np.ndarray):
    """An array as `[dtype, shape, bytes]` (numbers and text), else as `.npy` bytes: both
    in base64. The raw form spares the `.npy` header, slow to parse for small arrays."""
    if array.dtype.hasobject:
        raise WireError("a NumPy array of Python objects (dtype object) cannot be passed: "
                        "use numbers")
    array = np.asarray(array)
    if array.dtype.kind in RAW_KINDS and not array.dtype.fields:
        data = np.ascontiguousarray(array).tobytes()
        return [array.dtype.str, list(array.shape), base64.b64encode(data).decode("ascii")]
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _array(body) -> np.ndarray:
    try:
        if type(body) is list:
            return _raw_array(*body)
        return np.load(io.BytesIO(base64.b64decode(body, validate=True)), allow_pickle=False)
    except Exception as error:  # noqa: BLE001 - whatever is wrong, it is not an array
        raise WireError(f"a malformed array ({type(error).__name__})") from None


def _raw_array(dtype: str, shape: list, data: str) -> np.ndarray:
    kind = np.dtype(dtype)
    if kind.kind not in RAW_KINDS or kind.hasobject or kind.fields:
        raise ValueError("not a dtype of numbers or text")
    if not all(type(n) is int and n >= 0 for n in shape) or len(shape) > 32:
        raise ValueError("not a shape")
    raw = base64.b64decode(data, validate=True)
    if len(raw) != kind.itemsize * int(np.prod(shape, dtype=np.int64)):
        raise ValueError("the bytes do not fill the shape")
    return np.frombuffer(raw, dtype=kind).reshape(shape).copy()


def _kind(value: Any) -> str:
    name = type(value).__name__
    return f"a value of type {name[:60]}"
