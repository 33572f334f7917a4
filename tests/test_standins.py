"""Stand-ins for helpers in visible checks: tables in sync with the checks, answers found by
value, unknown calls sent to the student's own helper or explained."""

import json

import numpy as np
import pytest

from autograder.course import assignments, topic
from autograder.course import standins as recorder
from course_utils.checks import standins
from course_utils.checks.standins import StandIn, decode, digest, encode


@pytest.mark.parametrize("assignment", assignments())
def test_stored_tables_are_those_the_checks_record(assignment):
    tables = recorder.record(assignment)
    path = standins.TABLES / f"{topic(assignment)}.json"
    if not tables:
        assert not path.exists()
        return
    stored = json.loads(path.read_text())
    assert same(stored, json.loads(recorder.text(tables))), (
        "the stored stand-in tables are out of date: python -m autograder.course.standins")


def same(a, b) -> bool:
    """Equal JSON values, numbers to 1e-12 (another BLAS may round the last bit otherwise)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) or isinstance(b, float):
        return bool(np.isclose(a, b, rtol=1e-12, atol=1e-12, equal_nan=True))
    return a == b


def test_every_caller_records_its_helpers():
    for assignment in assignments():
        tables = recorder.record(assignment)
        for function, helpers in recorder.CALLERS.get(topic(assignment), {}).items():
            assert function in tables, function
            assert set(tables[function]) <= set(helpers)


def test_encoding_round_trips_exactly():
    value = ({"W": np.array([[0.1, -2.5e-300]]), "b": np.float64(3.0)}, [np.int64(2), 1.5],
             "x", None, np.array([True, False]))
    back = decode(encode(value))
    assert back[0]["W"].tobytes() == value[0]["W"].tobytes()
    assert isinstance(back[0]["b"], np.float64) and back[1][0] == 2 and back[2:4] == ("x", None)
    assert back[4].dtype == bool


def test_digests_match_to_float32_and_ignore_negative_zero():
    x = np.array([1.0, -0.0, 1 / 3])
    assert digest([x]) == digest([x + 1e-15 * np.array([0, 0, 1])])
    assert digest([x]) == digest([np.abs(x)])
    assert digest([x]) != digest([x[::-1]])
    assert digest([x.reshape(3, 1)]) != digest([x])
    assert digest([2]) == digest([2.0]) == digest([np.array(2.0)])


def test_an_unknown_call_goes_to_the_students_helper_or_is_explained():
    parameters = [["x", standins.NO_DEFAULT], ["scale", encode(2.0)]]
    known = StandIn("double", parameters, {digest([np.ones(2), 2.0]): encode(np.full(2, 2.0))})
    np.testing.assert_array_equal(known(np.ones(2)), [2.0, 2.0])
    np.testing.assert_array_equal(known(x=np.ones(2), scale=2), [2.0, 2.0])
    with pytest.raises(LookupError, match="stand-in that knows only the calls"):
        known(np.zeros(2))
    own = StandIn("double", parameters, known.calls, fallback=lambda x, scale=2.0: "own")
    assert own(np.zeros(2)) == "own"
