"""06_lstm: LSTM forward + backward speed of the reference. Prints figures; not a test.

    .venv/bin/python benchmarks/lstm.py                 # one BLAS / torch thread
    .venv/bin/python benchmarks/lstm.py --rounds 60     # more rounds on a busy machine
    .venv/bin/python benchmarks/lstm.py --no-mallopt    # glibc's default allocator settings
    .venv/bin/python benchmarks/lstm.py --clock cpu     # CPU time, on a busy machine

Batch 32, T_x = 20, 27 inputs (one-hot characters), hidden 64 and 128, float32 and float64
(issue 6). Compares, in one process:

- the reference's `lstm_forward_stacked` + `lstm_backward_stacked` (`autograder.reference.lstm`,
  the same results as the notebook's `lstm_forward` + `lstm_backward`, faster: one matrix
  product per step for the four stacked gates, time-major buffers updated in place, the gate
  derivatives of every step before the backward loop, the weight gradients in one product
  after it; equal to the loop over the cell functions, to rounding);
- the same functions called on one example (one column) at a time, summing the weight
  gradients: what the batch dimension buys;
- `torch.nn.LSTM` holding the same weights, when PyTorch is importable (only for measuring;
  never a course dependency: `pip install torch==2.13.0`).

Both sides do the same work: forward through the LSTM plus the 27-way output layer and its
softmax (`lstm_forward` computes y; PyTorch gets the same Linear + softmax, without autograd),
then the gradients of J = sum(G * a) for a random G with respect to x, a0 and every LSTM
weight and bias (`lstm_backward(G, caches)`; autograd in PyTorch). In float64 the script first
checks that a, y and every gradient equal PyTorch's to 1e-6. The reference keeps the dtype of
its inputs, so the float32 rows compute in float32 throughout.

Each time is the median of `--rounds` rounds after warm-up calls, the reference and PyTorch
taking turns, so that a busy machine or an idle thread pool disturbs both alike; the goals
of the issue are ref/torch <= 1.2 in float32 and <= 1.0 in float64. The per-example loop is
timed on a few rounds only (`--loop-rounds`). Times are wall-clock by default; with more
runnable processes than cores, a call of a few milliseconds is often paused for a whole
time slice of the scheduler, and `--clock cpu` (the CPU time of the process, all threads;
one BLAS and one PyTorch thread by default) measures the same work without those pauses.

Allocator: the reference allocates arrays of up to a few MB per call (the gates of every step,
their derivatives). glibc returns blocks above M_MMAP_THRESHOLD to the OS on free and trims
the heap above M_TRIM_THRESHOLD, and the next call page-faults the memory in again. By
default this script raises both to 1 GiB with `mallopt` (the same as starting Python with
MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=1073741824), so freed temporaries
stay in the heap and are reused; PyTorch runs in the same process with the same settings.
Timings depend on the machine and its load: report them as measured, with the load.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import process_settings


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=1, help="BLAS and torch threads")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--loop-rounds", type=int, default=3,
                        help="rounds of the per-example loop (about 0.1 s each)")
    parser.add_argument("--no-mallopt", action="store_true")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock time (default) or CPU time of the process")
    return parser.parse_args()


ARGS = parse_args()
process_settings.apply(ARGS.threads, keep_freed_memory=not ARGS.no_mallopt)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402 - after the thread settings

from autograder.reference.lstm import lstm_backward_stacked as lstm_backward  # noqa: E402
from autograder.reference.lstm import lstm_forward_stacked as lstm_forward  # noqa: E402

try:
    import torch

    torch.set_num_threads(ARGS.threads)
except ImportError:
    torch = None

BATCH, T_X, N_X = 32, 20, 27
GOALS = {"float32": 1.2, "float64": 1.0}  # largest ref/torch time ratio (issue 6)
WEIGHT_GRADIENTS = ("dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo")


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
        for key in WEIGHT_GRADIENTS:
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


CLOCK = time.perf_counter if ARGS.clock == "wall" else time.process_time


def timed(function):
    start = CLOCK()
    function()
    return CLOCK() - start


def compare_in_turns(runners, rounds, warmup=3):
    """{name: median seconds}: every runner warmed up, then the runners take turns."""
    for run in runners.values():
        for _ in range(warmup):
            run()
    times = {name: [] for name in runners}
    for _ in range(rounds):
        for name, run in runners.items():
            times[name].append(timed(run))
    return {name: statistics.median(values) for name, values in times.items()}


def check_against_torch(n_a):
    """The largest difference between the reference and PyTorch in a, y and the gradients."""
    parameters, x, a0, G = make_problem(n_a, np.float64)
    a, y, grads = reference_step(parameters, x, a0, G)
    model = TorchLSTM(parameters, x, a0, G, torch.float64)
    out, y_torch, x_t, h0 = model.step()
    theirs = model.gradients(x_t, h0)
    return max(np.max(np.abs(a - out.detach().numpy().transpose(2, 1, 0))),
               np.max(np.abs(y - y_torch.numpy().transpose(2, 1, 0))),
               *(np.max(np.abs(grads[k] - theirs[k])) for k in theirs))


def verdict(ratio, goal):
    return "ok" if ratio <= goal else "MISSED"


def main():
    print(f"LSTM forward + backward, batch {BATCH}, T_x {T_X}, {N_X} inputs; median of "
          f"{ARGS.rounds} rounds in turns, {ARGS.clock} clock; threads {ARGS.threads}, mallopt "
          f"{'off' if ARGS.no_mallopt else 'on'}; NumPy {np.__version__}, PyTorch "
          f"{torch.__version__ if torch else 'not installed'}")
    print(f"load average {os.getloadavg()[0]:.2f} at start on {os.cpu_count()} cores "
          "(timings on a shared machine are noisy)")
    if torch is not None:
        for n_a in (64, 128):
            worst = check_against_torch(n_a)
            print(f"float64, hidden {n_a}: a, y and every gradient vs PyTorch: largest "
                  f"difference {worst:.1e} ({'ok' if worst < 1e-6 else 'ABOVE 1e-6'})")
    print(f"{'hidden':>6} {'dtype':>8} {'ref ms':>8} {'torch ms':>9} {'ref/torch':>10} "
          f"{'goal':>12} {'loop ms':>8} {'loop/ref':>9}")
    for n_a in (64, 128):
        for dtype in (np.float32, np.float64):
            name = np.dtype(dtype).name
            problem = make_problem(n_a, dtype)
            runners = {"reference": lambda problem=problem: reference_step(*problem)}
            if torch is not None:
                model = TorchLSTM(*problem, getattr(torch, name))
                runners["torch"] = model.step
            times = compare_in_turns(runners, ARGS.rounds)
            loop = compare_in_turns({"loop": lambda problem=problem: per_example_step(
                *problem)}, ARGS.loop_rounds, warmup=1)["loop"]
            ref = times["reference"]
            line = f"{n_a:>6} {name:>8} {ref * 1e3:8.2f}"
            if torch is not None:
                ratio = ref / times["torch"]
                line += (f" {times['torch'] * 1e3:9.2f} {ratio:10.2f} "
                         f"{f'<= {GOALS[name]} ' + verdict(ratio, GOALS[name]):>12}")
            else:
                line += f" {'-':>9} {'-':>10} {'-':>12}"
            print(line + f" {loop * 1e3:8.1f} {loop / ref:9.1f}", flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
