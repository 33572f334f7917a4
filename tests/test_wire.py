"""The plain data between a grading kernel and the grader: what crosses, exactly, and what
is refused (`autograder/dlcourse_kernel/wire.py`)."""

import json
import struct

import numpy as np
import pytest

from autograder.dlcourse_kernel import wire

ARRAYS = [
    np.arange(12, dtype=np.float64).reshape(3, 4).T,  # not contiguous
    np.zeros((0, 3)),
    np.array([1.5, np.nan, -np.inf], dtype=np.float32),
    np.array([[True, False]]),
    np.array([1 + 2j]),
    np.array(["ab", "c"]),
    np.array(b"xy"),
    np.arange(6, dtype=">i2"),  # big-endian
    np.array(np.datetime64("2020-01-01")),  # not numbers: as .npy
    np.array([(1, 2.0)], dtype=[("a", "i4"), ("b", "f8")]),
]


@pytest.mark.parametrize("array", ARRAYS, ids=lambda a: f"{a.dtype}{a.shape}")
def test_an_array_crosses_with_its_dtype_shape_and_values(array):
    back = wire.loads(wire.dumps(array))
    assert type(back) is np.ndarray and back.dtype == array.dtype and back.shape == array.shape
    assert back.tobytes() == np.ascontiguousarray(array).tobytes()
    if back.size:
        back.flat[0] = back.flat[-1]  # writable: a check may change what it received


def test_plain_values_cross_as_themselves():
    value = {"a": (1, [2.5, None, "x", True]), 3: np.float32(0.5), "s": np.int64(7)}
    back = wire.loads(wire.dumps(value))
    assert back == value
    assert type(back["a"]) is tuple and type(back[3]) is np.float32


def test_a_subclass_arrives_as_a_plain_array():
    back = wire.loads(wire.dumps(np.ma.masked_array([1, 2], mask=[0, 1])))
    assert type(back) is np.ndarray and back.tolist() == [1, 2]


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("value", [object(), np.array([object()]), lambda: 1, {1, 2},
                                   _nested(wire.MAX_DEPTH + 5)])
def test_anything_else_is_refused_in_words(value):
    with pytest.raises(wire.WireError, match="cannot be passed|nested"):
        wire.dumps(value)


def _message(tree, tail=b""):
    text = json.dumps(tree).encode()
    return struct.pack(">I", len(text)) + text + tail


@pytest.mark.parametrize("data", [
    b"", b"\x00\x00", "text", _message({"$nd": ["<f8", [2], 0]}, bytes(8)),
    _message({"$nd": ["<f8", [1], -8]}, bytes(8)), _message({"$nd": ["<f8", [1], 4]}, bytes(8)),
    _message({"$nd": ["|O", [1], 0]}, bytes(8)), _message({"$nd": ["<f8", [-1], 0]}, bytes(8)),
    _message({"$nd": ["<f8", [1], True]}, bytes(8)), _message({"$npy": [0, 5]}, b"abcde"),
    _message({"$unknown": 1}), _message({"$function": [1, 2]}),
    _message({"$dict": [[[1], 2]]}), b"\x00\x00\x00\x09not json!",
], ids=range(14))
def test_a_malformed_message_is_refused(data):
    with pytest.raises(wire.WireError):
        wire.loads(data)


def test_a_message_past_the_size_cap_is_refused(monkeypatch):
    monkeypatch.setattr(wire, "MAX_BYTES", 1000)
    wire.loads(wire.dumps(np.zeros(100)))
    with pytest.raises(wire.WireError, match="too large"):
        wire.dumps(np.zeros(200))


def test_arrays_read_from_a_writable_buffer_are_aligned_writable_views():
    message = bytearray(wire.dumps({"a": np.arange(3, dtype=np.int8), "b": np.ones((2, 3))}))
    back = wire.loads(message)
    for array in back.values():
        assert array.flags.writeable and array.flags.aligned and not array.flags.owndata
    back["b"][0, 0] = 5.0
    assert back["b"][0, 0] == 5.0 and back["a"].tolist() == [0, 1, 2]


def test_an_answer_hands_back_the_arrays_of_its_question_as_themselves():
    x, y = np.arange(3.0), np.ones((2, 2))
    sent: list = []
    question = bytearray(wire.dumps({"args": (x, [y, 1.0])}, sent=sent))
    assert [id(a) for a in sent] == [id(x), id(y)]
    seen: list = []
    asked = wire.loads(question, seen=seen)
    assert len(seen) == 2 and seen[1] is asked["args"][1][0]
    known = {id(a): place for place, a in enumerate(seen)}
    fresh = seen[0] * 2
    answer = wire.loads(wire.dumps((seen[1], fresh, {"cache": seen[0]}), known=known),
                        refs=sent)
    assert answer[0] is y and answer[2]["cache"] is x
    assert answer[1] is not x and answer[1].tolist() == [0.0, 2.0, 4.0]
    for bad in (2, -1, True, "0"):
        with pytest.raises(wire.WireError):
            wire.loads(_message({"$ref": bad}), refs=sent)
