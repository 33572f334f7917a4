"""The plain data that crosses between a grading kernel and the grader.

Only these cross: None, bools, ints, floats, strings, NumPy arrays (read back
from their bytes, so a subclass arrives as a plain array), NumPy scalars, and
tuples, lists and dicts of these. A function crosses as a reference that each
side resolves (`Function`). Anything else, or more than `MAX_BYTES` of it, is
refused with a `WireError` that says what it was.

A message is four bytes giving the length of a JSON tree, the tree, then the
arrays' bytes one after the other, each starting on a multiple of `ALIGN` bytes.
In the tree an array of numbers or text is `{"$nd": [dtype, shape, offset]}` (its
bytes at `offset` of that tail); any other array is `{"$npy": [offset, size]}`,
`.npy` bytes read with `allow_pickle=False`. A dict whose keys are text not starting
with `$` is a JSON object; tuples, other dicts, NumPy scalars and functions are
objects of one `$` key. Arrays travel as raw bytes, never as
base64 text: a training loop sends thousands. Read from a writable buffer (a
`bytearray`), arrays are views of it, not copies.

An answer may name an array of its question instead, `{"$ref": n}`, the n-th array
the question held: the grader's helpers hand back what they were given (a cache
holds the parameters), and the kernel gets its own arrays back, as it would from a
function of its own.
"""

import io
import json
import math
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_BYTES = 256 * 2**20  # one message, encoded
MAX_DEPTH = 64
LENGTH = struct.Struct(">I")
ALIGN = 16
RAW_KINDS = "biufcUS"  # dtypes sent as their raw bytes, with dtype and shape beside them
_DTYPES: dict[str, np.dtype] = {}  # the dtypes read so far, by their text
_RAW: dict[np.dtype, str] = {}  # the dtypes written so far as raw bytes, with their text
_PADDING = [b"\0" * n for n in range(ALIGN)]
_JSON = json.JSONEncoder(separators=(",", ":"))  # NaN and infinities as JavaScript writes them


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


def dumps(value: Any, reference: Callable[[Any], Function | None] = lambda _: None,
          sent: list | None = None, known: dict[int, int] | None = None) -> bytes:
    """`value` as one message. `reference` names the functions that may cross; `sent`, if
    given, receives the arrays in their order in the message; an array whose id `known`
    gives (the n-th of the question being answered) goes as `{"$ref": n}`."""
    arrays = _Tail(sent, known)
    tree = _JSON.encode(_encode(value, reference, 0, arrays)).encode()
    tree += b" " * (-(LENGTH.size + len(tree)) % ALIGN)  # the arrays start aligned
    size = LENGTH.size + len(tree) + arrays.size
    if size > MAX_BYTES:
        raise WireError(f"the data is too large to pass ({size:,} bytes encoded; at most "
                        f"{MAX_BYTES:,})")
    return b"".join([LENGTH.pack(len(tree)), tree, *arrays.parts])


def loads(data: bytes | bytearray, resolve: Callable[[Function], Any] = lambda f: f,
          seen: list | None = None, refs: list | None = None) -> Any:
    """The value of a message made by `dumps`; `resolve` turns references into functions.
    `seen`, if given, receives the arrays in their order in the message; `refs` are the
    arrays that `{"$ref": n}` may name. The JSON parser calls `_Reader` for each tagged
    object, innermost first."""
    if not isinstance(data, bytes | bytearray) or not LENGTH.size <= len(data) <= MAX_BYTES:
        raise WireError("the data is too large or not a message")
    (length,) = LENGTH.unpack_from(data)
    start = LENGTH.size + length
    reader = _Reader(resolve, memoryview(data)[start:], seen, refs or [])
    try:
        return json.JSONDecoder(object_hook=reader).decode(
            bytes(data[LENGTH.size:start]).decode())
    except (ValueError, RecursionError) as error:  # WireError is a ValueError
        if isinstance(error, WireError):
            raise
        raise WireError(f"unreadable data ({type(error).__name__})") from None


class _Tail:
    """The arrays' bytes of a message being written."""

    def __init__(self, sent: list | None, known: dict[int, int] | None):
        self.parts: list = []
        self.size = 0
        self.sent, self.known = sent, known

    def array(self, array: np.ndarray) -> dict:
        if self.known is not None and (place := self.known.get(id(array))) is not None:
            return {"$ref": place}
        if self.sent is not None:
            self.sent.append(array)
        if type(array) is not np.ndarray:
            array = np.asarray(array)  # a subclass goes as its plain array
        text = _RAW.get(array.dtype) or _raw_text(array.dtype)
        if text is None:
            return _npy_tree(array, self)
        if not array.flags.c_contiguous:
            array = np.ascontiguousarray(array)
        return {"$nd": [text, array.shape, self.add(array, array.nbytes)]}

    def add(self, data, size: int) -> int:
        """Where `data` (`size` bytes; an array's own buffer, copied only when the message is
        joined) starts in the tail."""
        start = self.size
        padding = -size % ALIGN
        self.parts.append(data)
        if padding:
            self.parts.append(_PADDING[padding])
        self.size += size + padding
        return start


_PLAIN = frozenset({type(None), bool, int, float, str})


def _encode(value: Any, reference, depth: int, arrays: _Tail) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is np.ndarray:
        return arrays.array(value)
    if depth > MAX_DEPTH:
        raise WireError(f"the data is nested more than {MAX_DEPTH} levels deep")
    depth += 1
    if kind is list:
        return [_encode(v, reference, depth, arrays) for v in value]
    if kind is tuple:
        return {"$tuple": [_encode(v, reference, depth, arrays) for v in value]}
    if kind is dict:
        if all(type(k) is str and k[:1] != "$" for k in value):  # as a JSON object
            return {k: _encode(v, reference, depth, arrays) for k, v in value.items()}
        return {"$dict": [[_encode(k, reference, depth, arrays),
                           _encode(v, reference, depth, arrays)] for k, v in value.items()]}
    if isinstance(value, np.ndarray):
        return arrays.array(value)
    if isinstance(value, np.generic):
        return {"$scalar": arrays.array(np.asarray(value))}
    function = reference(value)
    if function is not None:
        return {"$function": [function.kind, function.key]}
    raise WireError(f"{_kind(value)} cannot be passed: use NumPy arrays, numbers, strings, "
                    "booleans, None, or tuples, lists and dicts of these")


class _Reader:
    """Turns each tagged JSON object of a message into its value; an object without tags is
    a dict of text keys."""

    def __init__(self, resolve, tail: memoryview, seen: list | None, refs: list):
        self.resolve, self.tail, self.seen, self.refs = resolve, tail, seen, refs

    def __call__(self, tree: dict) -> Any:
        if len(tree) != 1:
            if any(key[:1] == "$" for key in tree):
                raise WireError("malformed data")
            return tree
        (tag, body), = tree.items()
        if tag[:1] != "$":
            return tree
        if tag == "$nd" or tag == "$npy":
            array = _array(tag, body, self.tail)
            if self.seen is not None:
                self.seen.append(array)
            return array
        if tag == "$tuple" and type(body) is list:
            return tuple(body)
        if tag == "$ref" and type(body) is int and 0 <= body < len(self.refs):
            return self.refs[body]
        if tag == "$dict" and type(body) is list:
            return _dict(body)
        if tag == "$scalar" and type(body) is np.ndarray and body.ndim == 0:
            return body[()]
        if (tag == "$function" and type(body) is list and len(body) == 2
                and all(type(p) is str for p in body)):
            return self.resolve(Function(*body))
        raise WireError("malformed data")


def _dict(pairs: list) -> dict:
    result = {}
    for pair in pairs:
        if type(pair) is not list or len(pair) != 2:
            raise WireError("malformed data")
        try:
            result[pair[0]] = pair[1]
        except TypeError:
            raise WireError("a dict whose keys cannot be keys") from None
    return result


def _raw_text(dtype: np.dtype) -> str | None:
    """The text of a dtype of numbers or text, remembered in `_RAW`; None for others (they
    go as `.npy`). Arrays of Python objects are refused."""
    if dtype.hasobject:
        raise WireError("a NumPy array of Python objects (dtype object) cannot be passed: "
                        "use numbers")
    if dtype.kind not in RAW_KINDS or dtype.fields:
        return None
    if len(_RAW) < 256:
        _RAW[dtype] = dtype.str
    return dtype.str


def _npy_tree(array: np.ndarray, arrays: _Tail) -> dict:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    data = buffer.getvalue()
    return {"$npy": [arrays.add(data, len(data)), len(data)]}


def _array(tag: str, body, tail: memoryview) -> np.ndarray:
    try:
        if tag == "$nd":
            return _raw_array(*body, tail)
        offset, size = body
        return np.load(io.BytesIO(_slice(tail, offset, size)), allow_pickle=False)
    except Exception as error:  # noqa: BLE001 - whatever is wrong, it is not an array
        raise WireError(f"a malformed array ({type(error).__name__})") from None


def _raw_array(dtype: str, shape: list, offset: int, tail: memoryview) -> np.ndarray:
    kind = _DTYPES.get(dtype) or _dtype(dtype)
    if type(shape) is not list or len(shape) > 32:
        raise ValueError("not a shape")
    for n in shape:
        if type(n) is not int or n < 0:
            raise ValueError("not a shape")
    count = math.prod(shape)
    if type(offset) is not int or not 0 <= offset <= offset + kind.itemsize * count <= len(tail):
        raise ValueError("the bytes lie outside the message")
    array = np.frombuffer(tail, dtype=kind, count=count, offset=offset).reshape(shape)
    return array if array.flags.writeable else array.copy()


def _dtype(text: str) -> np.dtype:
    kind = _DTYPES.get(text)
    if kind is None:
        kind = np.dtype(text)
        if kind.kind not in RAW_KINDS or kind.hasobject or kind.fields:
            raise ValueError("not a dtype of numbers or text")
        if len(_DTYPES) < 256:
            _DTYPES[text] = kind
    return kind


def _slice(tail: memoryview, offset, size: int) -> memoryview:
    if type(offset) is not int or not 0 <= offset <= offset + size <= len(tail):
        raise ValueError("the bytes lie outside the message")
    return tail[offset:offset + size]


def _kind(value: Any) -> str:
    name = type(value).__name__
    return f"a value of type {name[:60]}"
