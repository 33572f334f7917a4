"""How long `model(...)` of 03_logistic_regression takes: 2,000 iterations on the cat data.

    .venv/bin/python benchmarks/logistic_regression.py [--repeat 3] [--threads 1]

Times the reference `model` (the same code as the solution notebook) on the shipped
catvnoncat data (12288 x 209, float64), learning rate 0.005, as section 4 of the notebook
does, and prints the best and the median time, the CPU time and the machine's load average; the
target is under 5 s on the course's 2-core machine. `--threads N` sets the BLAS thread count
before NumPy is imported (the notebook uses 1); `--threads 0` leaves the default.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--iterations", type=int, default=2000)
    args = parser.parse_args()
    if args.threads:
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[variable] = str(args.threads)

    import contextlib
    import io

    import numpy as np

    from autograder.reference.logistic_regression import flatten_images, model
    from course_utils.datasets import load_catvnoncat

    train_x, train_y, test_x, test_y, _ = load_catvnoncat(verbose=False)
    X_train, X_test = flatten_images(train_x) / 255, flatten_images(test_x) / 255
    times, cpu_times = [], []
    for _ in range(args.repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        with contextlib.redirect_stdout(io.StringIO()):
            d = model(X_train, train_y, X_test, test_y, num_iterations=args.iterations,
                      learning_rate=0.005)
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu_started)
    train_accuracy = np.mean(d["Y_prediction_train"] == train_y) * 100
    test_accuracy = np.mean(d["Y_prediction_test"] == test_y) * 100
    threads = args.threads or "default"
    print(f"model(X {X_train.shape}, {args.iterations} iterations, learning rate 0.005), "
          f"BLAS threads: {threads}")
    print(f"  best {min(times):.2f} s, median {sorted(times)[len(times) // 2]:.2f} s over "
          f"{args.repeat} runs ({min(times) / args.iterations * 1e3:.2f} ms per iteration)")
    print(f"  CPU time of this process: best {min(cpu_times):.2f} s (close to the wall time "
          "on an idle machine)")
    print(f"  train accuracy {train_accuracy:.1f} %, test accuracy {test_accuracy:.1f} %")
    print(f"  load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
