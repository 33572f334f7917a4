"""04_shallow_network: how long training and the notebook take. Prints figures; not a test.

    .venv/bin/python benchmarks/shallow_network.py             # nn_model timings
    .venv/bin/python benchmarks/shallow_network.py --notebook  # and the whole solution notebook

Targets (issue 4): nn_model with 10,000 iterations on the flower under 5 s; the solution
notebook under 60 s, and under 20 s to grade (NBGRADER_EXECUTION=autograde shrinks it).
Times depend on the machine and its load: report them with the number of cores.
"""

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from autograder.reference import shallow_network as reference  # noqa: E402
from course_utils.datasets import make_flower, split_train_test  # noqa: E402


def time_nn_model(n_h: int, iterations: int, repeats: int = 3) -> tuple[float, float, float]:
    """Best wall time of `repeats` runs, and the train and test accuracy of the last one."""
    X, Y = make_flower(m=500, seed=1)
    X_train, Y_train, X_test, Y_test = split_train_test(X, Y, test_fraction=0.2, seed=0)
    best = float("inf")
    for _ in range(repeats):
        np.random.seed(3)
        started = time.perf_counter()
        parameters = reference.nn_model(X_train, Y_train, n_h, num_iterations=iterations)
        best = min(best, time.perf_counter() - started)
    train = 100 * np.mean(reference.predict(parameters, X_train) == Y_train)
    test = 100 * np.mean(reference.predict(parameters, X_test) == Y_test)
    return best, train, test


def time_notebook(autograde: bool) -> float:
    """Wall time of executing the solution notebook in a fresh kernel (kernel start included)."""
    import nbformat
    from nbclient import NotebookClient

    path = REPO / "solutions" / "04_shallow_network" / "04_shallow_network.ipynb"
    notebook = nbformat.read(path, as_version=4)
    saved = os.environ.get("NBGRADER_EXECUTION")
    if autograde:
        os.environ["NBGRADER_EXECUTION"] = "autograde"
    try:
        started = time.perf_counter()
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       extra_arguments=["--IPKernelApp.log_level=ERROR"],
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        return time.perf_counter() - started
    finally:
        if saved is None:
            os.environ.pop("NBGRADER_EXECUTION", None)
        else:
            os.environ["NBGRADER_EXECUTION"] = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebook", action="store_true",
                        help="also execute the solution notebook, normally and as when graded")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")
    print("nn_model on the flower (400 training examples); the notebook's sweep runs 5,000:")
    for n_h, iterations, repeats in [(4, 10000, 3), (20, 5000, 1), (50, 5000, 1)]:
        seconds, train, test = time_nn_model(n_h, iterations, repeats)
        print(f"  n_h = {n_h:2d}, {iterations:,} iterations, best of {repeats}: {seconds:5.2f} s "
              f"({1e6 * seconds / iterations:.0f} us per iteration); "
              f"train {train:.1f} %, test {test:.1f} %")
    if args.notebook:
        print(f"solution notebook, normal run:           {time_notebook(False):5.1f} s")
        print(f"solution notebook, NBGRADER_EXECUTION=autograde: {time_notebook(True):5.1f} s")


if __name__ == "__main__":
    main()
