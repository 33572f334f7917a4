"""LSTM forward + backward speed: the reference (vectorized over the batch, a loop over time)
against a loop over the examples and, when PyTorch is importable, against torch.nn.LSTM with
the same weights.

    python benchmarks/lstm.py [--repeat 7] [--threads 1]

Batch 32, T_x = 20, 27 inputs (one-hot characters), hidden 64 and 128, float32 and float64.
Forward: lstm_forward (which also computes the 27-way softmax output, so PyTorch gets the same
Linear + softmax on top); backward: lstm_backward of the gradient G of J = sum(G * a), and
autograd of the same J in PyTorch. In float64 the script first checks that outputs and every
gradient agree with PyTorch to 1e-6. Times are the best of --repeat runs, in milliseconds;
the machine may be shared, so treat them as noisy. PyTorch is never a course dependency:
install it only to measure (`pip install torch==2.13.0`).

The reference keeps the dtype of its inputs (its result arrays are allocated with x's
dtype), so the float32 rows compute in float32 throughout; the output dtype is printed.
"""

import argparse
import os
import sys
import time
from pathlib import Path


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--threads", type=int, default=1,
                        help="BLAS and PyTorch threads (default 1: small matrices, less noise)")
    return parser.parse_args()


ARGS = parse()
for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = str(ARGS.threads)  # before NumPy is imported

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from autograder.reference.lstm import lstm_backward, lstm_forward  # noqa: E402

try:
    import torch
except ImportError:
    torch = None

BATCH, T_X, N_X = 32, 20, 27


def make_problem(n_a, dtype, seed=0):
    rng = np.random.default_rng(seed)
    parameters = {}
    for gate in "fico":
        parameters["W" + gate] = rng.normal(0, 1 / np.sqrt(n_a + N_X), (n_a, n_a + N_X))
        parameters["b" + gate] = rng.normal(0, 0.1, (n_a, 1))
    parameters["Wy"] = rng.normal(0, 1 / np.sqrt(n_a), (N_X, n_a))
    parameters["by"] = np.zeros((N_X, 1))
    x = np.zeros((N_X, BATCH, T_X))
    x[rng.integers(0, N_X, (BATCH, T_X)), np.arange(BATCH)[:, None], np.arange(T_X)] = 1
    a0 = rng.normal(0, 0.1, (n_a, BATCH))
    G = rng.normal(size=(n_a, BATCH, T_X))
    cast = {k: v.astype(dtype) for k, v in parameters.items()}
    return cast, x.astype(dtype), a0.astype(dtype), G.astype(dtype)


def reference_step(parameters, x, a0, G):
    a, y, c, caches = lstm_forward(x, a0, parameters)
    return a, y, lstm_backward(G, caches)


def per_example_step(parameters, x, a0, G):
    """The same computation, one example (one column) at a time."""
    totals, outputs = {}, []
    for j in range(x.shape[1]):
        a, y, c, caches = lstm_forward(x[:, j:j + 1], a0[:, j:j + 1], parameters)
        grads = lstm_backward(G[:, j:j + 1], caches)
        outputs.append(a)
        for key in ("dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo"):
            totals[key] = totals.get(key, 0) + grads[key]
    return np.concatenate(outputs, axis=1), None, totals


class TorchLSTM:
    """torch.nn.LSTM (+ Linear + softmax) holding the reference's weights.

    PyTorch's gate order is (input, forget, cell, output); its W_ih acts on x and W_hh on
    a, which are the last n_x and the first n_a columns of our W_*.
    """

    ORDER = ("i", "f", "c", "o")

    def __init__(self, parameters, x, a0, G, dtype):
        n_a = parameters["Wf"].shape[0]
        self.n_a = n_a
        self.lstm = torch.nn.LSTM(N_X, n_a).to(dtype)
        self.linear = torch.nn.Linear(n_a, N_X).to(dtype)
        with torch.no_grad():
            self.lstm.weight_ih_l0.copy_(torch.from_numpy(
                np.vstack([parameters["W" + g][:, n_a:] for g in self.ORDER])))
            self.lstm.weight_hh_l0.copy_(torch.from_numpy(
                np.vstack([parameters["W" + g][:, :n_a] for g in self.ORDER])))
            self.lstm.bias_ih_l0.copy_(torch.from_numpy(
                np.concatenate([parameters["b" + g].ravel() for g in self.ORDER])))
            self.lstm.bias_hh_l0.zero_()
            self.linear.weight.copy_(torch.from_numpy(parameters["Wy"]))
            self.linear.bias.copy_(torch.from_numpy(parameters["by"].ravel()))
        self.x = torch.from_numpy(np.ascontiguousarray(x.transpose(2, 1, 0)))  # (T, m, n_x)
        self.h0 = torch.from_numpy(np.ascontiguousarray(a0.T))[None]
        self.c0 = torch.zeros_like(self.h0)
        self.G = torch.from_numpy(np.ascontiguousarray(G.transpose(2, 1, 0)))

    def step(self):
        self.lstm.zero_grad()
        x = self.x.clone().requires_grad_(True)
        h0 = self.h0.clone().requires_grad_(True)
        out, _ = self.lstm(x, (h0, self.c0))
        with torch.no_grad():
            y = torch.softmax(self.linear(out), dim=-1)
        (self.G * out).sum().backward()
        return out, y, x, h0

    def gradients(self, x, h0):
        """The gradients in the reference's layout and names."""
        n_a = self.n_a
        w_ih = self.lstm.weight_ih_l0.grad.numpy()
        w_hh = self.lstm.weight_hh_l0.grad.numpy()
        b = self.lstm.bias_ih_l0.grad.numpy()
        grads = {"dx": x.grad.numpy().transpose(2, 1, 0), "da0": h0.grad.numpy()[0].T}
        for k, g in enumerate(self.ORDER):
            rows = slice(k * n_a, (k + 1) * n_a)
            grads["dW" + g] = np.hstack([w_hh[rows], w_ih[rows]])
            grads["db" + g] = b[rows][:, None]
        return grads


def best_time(function, repeat, *args):
    function(*args)  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def check_against_torch(n_a):
    parameters, x, a0, G = make_problem(n_a, np.float64)
    a, y, grads = reference_step(parameters, x, a0, G)
    model = TorchLSTM(parameters, x, a0, G, torch.float64)
    out, y_torch, x_t, h0 = model.step()
    theirs = model.gradients(x_t, h0)
    worst = max(np.max(np.abs(a - out.detach().numpy().transpose(2, 1, 0))),
                np.max(np.abs(y - y_torch.numpy().transpose(2, 1, 0))),
                *(np.max(np.abs(grads[k] - theirs[k])) for k in theirs))
    assert worst < 1e-6, f"the reference and PyTorch differ by {worst:.2e}"
    return worst


def main():
    print(f"LSTM forward + backward, batch {BATCH}, T_x {T_X}, {N_X} inputs; best of "
          f"{ARGS.repeat}; {ARGS.threads} thread(s); NumPy {np.__version__}"
          + (f", PyTorch {torch.__version__}" if torch else ", PyTorch not installed"))
    print(f"load average when starting: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          "(timings on a shared machine are noisy)")
    if torch is not None:
        torch.set_num_threads(ARGS.threads)
        for n_a in (64, 128):
            print(f"float64, hidden {n_a}: outputs and gradients equal PyTorch's "
                  f"(largest difference {check_against_torch(n_a):.1e} < 1e-6)")
    header = f"{'hidden':>6} {'dtype':>8} {'reference':>10} {'per-example':>12} {'ratio':>6}"
    if torch is not None:
        header += f" {'torch':>8} {'ref/torch':>9}"
    print(header + "   (milliseconds)")
    for n_a in (64, 128):
        for dtype in (np.float32, np.float64):
            problem = make_problem(n_a, dtype)
            ref = best_time(reference_step, ARGS.repeat, *problem)
            loop = best_time(per_example_step, max(2, ARGS.repeat // 3), *problem)
            a_dtype = reference_step(*problem)[0].dtype
            line = (f"{n_a:>6} {np.dtype(dtype).name:>8} {ref:>10.2f} {loop:>12.2f} "
                    f"{loop / ref:>6.1f}")
            if torch is not None:
                model = TorchLSTM(*problem,
                                  torch.float32 if dtype == np.float32 else torch.float64)
                tt = best_time(model.step, ARGS.repeat)
                line += f" {tt:>8.2f} {ref / tt:>9.2f}"
            print(line + f"   (reference output dtype {a_dtype})")


if __name__ == "__main__":
    main()
