"""How long the logistic-regression gradient of 02_vectorization takes, three ways.

    .venv/bin/python benchmarks/vectorization.py [--slice 20] [--threads 1]

On random data of the cat dataset's shape, X (12288, 209): two loops (timed on the first
`--slice` examples and extrapolated to 209, as the notebook does), one loop over the
examples, and the vectorized reference `gradient_no_loop`. Prints the best of 3 runs each and
the machine's load average. `--threads N` sets the BLAS thread count before NumPy is imported
(the notebook uses 1); `--threads 0` leaves the default.
"""

import argparse
import os
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slice", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if args.threads:
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[variable] = str(args.threads)

    import numpy as np

    from autograder.reference.vectorization import gradient_no_loop

    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    def two_loops(w, b, X, Y):
        n_x, m = X.shape
        dw, db = np.zeros((n_x, 1)), 0.0
        for i in range(m):
            z = b
            for j in range(n_x):
                z += w[j, 0] * X[j, i]
            dz = sigmoid(z) - Y[0, i]
            for j in range(n_x):
                dw[j, 0] += X[j, i] * dz
            db += dz
        return dw / m, db / m

    def one_loop(w, b, X, Y):
        n_x, m = X.shape
        dw, db = np.zeros((n_x, 1)), 0.0
        for i in range(m):
            dz = sigmoid(np.dot(w[:, 0], X[:, i]) + b) - Y[0, i]
            dw += X[:, i:i + 1] * dz
            db += dz
        return dw / m, db / m

    rng = np.random.default_rng(3)
    n_x, m = 12288, 209
    X, Y = rng.random((n_x, m)), (rng.random((1, m)) < 0.35).astype(np.int64)
    w, b = rng.normal(scale=0.01, size=(n_x, 1)), 0.1
    k = args.slice

    def best(func, *call, number=1):
        return min(timeit.repeat(lambda: func(*call), number=number, repeat=3)) / number

    t_two = best(two_loops, w, b, X[:, :k], Y[:, :k]) * m / k
    t_one = best(one_loop, w, b, X, Y)
    t_none = best(gradient_no_loop, w, b, X, Y, number=20)
    print(f"gradient on X ({n_x}, {m}), BLAS threads: {args.threads or 'default'}")
    print(f"  two loops: {t_two * 1e3:9.1f} ms (measured on {k} examples, extrapolated)")
    print(f"  one loop:  {t_one * 1e3:9.1f} ms")
    print(f"  no loop:   {t_none * 1e3:9.1f} ms")
    print(f"  load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
