"""Record the tables of `course_utils.checks.standins`: python -m autograder.course.standins.

Each visible check of a function that calls other graded functions of its notebook runs
once with the reference solution, its helpers wrapped to record every call and the
reference's answer; `course_utils/checks/standins/<topic>.json` keeps them. A test
records them again and fails when the stored tables differ (a check's inputs changed).
"""

import contextlib
import importlib
import inspect
import io
import json

import numpy as np

from autograder.course import assignments, topic
from course_utils.checks import standins

# Per topic: the graded functions whose visible checks bind stand-ins, and the graded
# functions of the notebook each of them calls directly.
CALLERS = {
    "logistic_regression": {"propagate": ["sigmoid"], "optimize": ["propagate"],
                            "predict": ["sigmoid"],
                            "model": ["initialize_with_zeros", "optimize", "predict"]},
    "shallow_network": {"nn_model": ["layer_sizes", "initialize_parameters",
                                     "forward_propagation", "compute_cost",
                                     "backward_propagation", "update_parameters"],
                        "predict": ["forward_propagation"]},
    "cnn_from_scratch": {"conv_forward": ["zero_pad", "conv_single_step"],
                         "conv_backward": ["zero_pad"],
                         "pool_backward": ["create_mask_from_window", "distribute_value"],
                         "conv_forward_vectorized": ["zero_pad"],
                         "conv_backward_vectorized": ["zero_pad"]},
    "lstm": {"rnn_forward": ["rnn_cell_forward"], "lstm_forward": ["lstm_cell_forward"],
             "lstm_backward": ["lstm_cell_backward"]},
}


def lstm_forward(x, a0, parameters):
    """lstm_forward step by step, calling lstm_cell_forward (the reference's own is
    vectorized over time and calls no cell), to record the cell's calls."""
    n_a, (_, m, T_x) = a0.shape[0], x.shape
    outputs = {"a": [], "y": [], "c": []}
    caches, a_next, c_next = [], a0, np.zeros((n_a, m))
    for t in range(T_x):
        a_next, c_next, yt, cache = lstm_cell_forward(  # noqa: F821 - bound while recording
            x[:, :, t], a_next, c_next, parameters)
        for key, value in zip("ayc", (a_next, yt, c_next), strict=True):
            outputs[key].append(value)
        caches.append(cache)
    a, y, c = (np.stack(outputs[key], axis=2) for key in "ayc")
    return a, y, c, (caches, x)


def lstm_backward(da, caches):
    """Backpropagation through time step by step, calling lstm_cell_backward."""
    cache_list, x = caches
    n_a, m = da.shape[:2]
    dx = np.zeros(x.shape)
    da_prev, dc_prev = np.zeros((n_a, m)), np.zeros((n_a, m))
    totals = {}
    for t in reversed(range(x.shape[2])):
        step = lstm_cell_backward(  # noqa: F821 - bound while recording
            da[:, :, t] + da_prev, dc_prev, cache_list[t])
        dx[:, :, t], da_prev, dc_prev = step["dxt"], step["da_prev"], step["dc_prev"]
        for key in ("dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo"):
            totals[key] = totals.get(key, 0) + step[key]
    return {**totals, "dx": dx, "da0": da_prev}


# Callers that record in place of the reference's own (which call no helper).
RECORDING_CALLERS = {"lstm_forward": lstm_forward, "lstm_backward": lstm_backward}


def _recording(reference, helper: str, table: dict):
    """The reference's `helper`, recording each call's answer into `table[helper]`."""
    original = getattr(reference, helper)
    signature = inspect.signature(original)
    calls = {}
    table[helper] = {"parameters": [
        [p.name, standins.encode(p.default) if p.default is not p.empty
         else standins.NO_DEFAULT] for p in signature.parameters.values()],
        "calls": calls}

    def wrapper(*args, **kwargs):
        """The first answer to a call, as the stand-in will give it (a random initialisation
        called twice with the same sizes answers the same both times)."""
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        key = standins.digest(list(bound.arguments.values()))
        if key not in calls:
            calls[key] = standins.encode(original(*args, **kwargs))
        return standins.decode(calls[key])

    return wrapper


def record(assignment: str) -> dict:
    """{function: {helper: {"parameters": [...], "calls": {digest: answer}}}}."""
    name = topic(assignment)
    visible = importlib.import_module(f"course_utils.checks.{name}")
    reference = importlib.import_module(f"autograder.reference.{name}")
    tables = {}
    for function, helpers in CALLERS.get(name, {}).items():
        table = {}
        standins.recorder = lambda _topic, _function, helpers=helpers, table=table: {
            helper: _recording(reference, helper, table) for helper in helpers}
        np.random.seed(0)  # an initialisation helper's answer is recorded once for all
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                caller = RECORDING_CALLERS.get(function, getattr(reference, function))
                getattr(visible, f"check_{function}")(caller)
        finally:
            standins.recorder = None
        tables[function] = {helper: entry for helper, entry in table.items() if entry["calls"]}
    return {function: table for function, table in tables.items() if table}


def text(tables: dict) -> str:
    """The stored form of a topic's tables."""
    return json.dumps(tables, separators=(",", ":"), sort_keys=True) + "\n"


def main() -> None:
    standins.TABLES.mkdir(exist_ok=True)
    for assignment in assignments():
        tables = record(assignment)
        path = standins.TABLES / f"{topic(assignment)}.json"
        if tables:
            path.write_text(text(tables))
            calls = sum(len(entry["calls"]) for table in tables.values()
                        for entry in table.values())
            print(f"{path}: {calls} calls, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
