"""05_cnn_from_scratch: how fast the vectorized convolution is. Prints figures; not a test.

    .venv/bin/python benchmarks/cnn.py                 # one BLAS / torch thread
    .venv/bin/python benchmarks/cnn.py --threads 2
    .venv/bin/python benchmarks/cnn.py --no-mallopt    # glibc's default allocator settings

Compares, forward + backward of one convolution layer with the same shapes in one process:
the reference vectorized layers (`autograder.reference.cnn_from_scratch`: channel-first
im2col by f*f slice copies, one matrix product per output or gradient, col2im by f*f slice
additions; their only loops run over the filter offsets, as the graded exercise allows), the
loop version (timed on a few images and scaled to the batch: it takes seconds per image), and
`torch.nn.functional.conv2d` when PyTorch is importable (only for measuring; never a
dependency of the course). Cases and goals of issue 5 (reference time / PyTorch time):

    (a) N=256, 1x28x28 -> 8 filters 3x3, valid (pad 0)    float32 <= 1.5, float64 <= 1.0
    (b) N=64, 16x28x28 -> 32 filters 3x3, same (pad 1)    float32 <= 2.5, float64 <= 1.0

and the reference at least 300x faster than the loops on (a). Each measurement is the median
of `--rounds` rounds after warm-up calls, NumPy and PyTorch taking turns, so that a busy
machine or a first call after a pause disturbs both alike (thread pools do not: see Threads). Also
checks that outputs and gradients equal PyTorch's in float64 to 1e-10, and that max-pool
backward sends the gradient to the first maximum on ties, as PyTorch does, on ReLU outputs.

Threads: one by default, for both libraries. With `--threads 2` on a 2-core machine the turns
disturb each other: after a call, OpenBLAS's worker thread keeps spinning and takes a core
from PyTorch's next call, and PyTorch's OpenMP threads do the same to NumPy. The ratios then
follow the wait policies (OMP_WAIT_POLICY, OPENBLAS_THREAD_TIMEOUT) more than the code: on
(b) float64 the ratio came out 0.77-0.88 with the default policies and 1.68 with both set to
sleep at once, while each library timed in a process of its own gives 1.46 with two threads
(48 ms against 33 ms) and 1.29 with one.

Allocator: the layers allocate temporaries of several MB per call. glibc returns blocks
above M_MMAP_THRESHOLD to the OS on every free, and the next call page-faults them in
again. By default this script raises M_MMAP_THRESHOLD and M_TRIM_THRESHOLD to 1 GiB with
`mallopt` (the same as starting Python with MALLOC_MMAP_THRESHOLD_=1073741824
MALLOC_TRIM_THRESHOLD_=1073741824), so freed temporaries stay in the heap and are reused.
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
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--loop-images", type=int, default=4,
                        help="images the loop version is timed on (then scaled)")
    parser.add_argument("--no-mallopt", action="store_true")
    return parser.parse_args()


ARGS = parse_args()
process_settings.apply(ARGS.threads, keep_freed_memory=not ARGS.no_mallopt)

import numpy as np  # noqa: E402 - after the thread settings

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from autograder.reference import cnn_from_scratch as ref  # noqa: E402

try:
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(ARGS.threads)
except ImportError:
    torch = None

CASES = {"a": (256, 1, 8, 0), "b": (64, 16, 32, 1)}  # N, C_in, C_out, pad; 28x28, 3x3
GOALS = {("a", "float32"): 1.5, ("a", "float64"): 1.0, ("b", "float32"): 2.5,
         ("b", "float64"): 1.0}  # largest reference / PyTorch time ratio
LOOP_SPEEDUP_GOAL = 300  # on (a)


def inputs(case, dtype, seed=0):
    n, c_in, c_out, pad = CASES[case]
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(n, 28, 28, c_in)).astype(dtype)
    W = (rng.normal(size=(3, 3, c_in, c_out)) / np.sqrt(9 * c_in)).astype(dtype)
    b = rng.normal(size=(1, 1, 1, c_out)).astype(dtype)
    n_out = 28 + 2 * pad - 2
    dZ = rng.normal(size=(n, n_out, n_out, c_out)).astype(dtype)
    return A, W, b, {"stride": 1, "pad": pad}, dZ


def numpy_step(A, W, b, hp, dZ):
    Z, cache = ref.conv_forward_vectorized(A, W, b, hp)
    return (Z, *ref.conv_backward_vectorized(dZ, cache))


def to_torch(A, W, b, dZ):
    x = torch.from_numpy(np.ascontiguousarray(A.transpose(0, 3, 1, 2))).requires_grad_()
    w = torch.from_numpy(np.ascontiguousarray(W.transpose(3, 2, 0, 1))).requires_grad_()
    bias = torch.from_numpy(b.reshape(-1).copy()).requires_grad_()
    g = torch.from_numpy(np.ascontiguousarray(dZ.transpose(0, 3, 1, 2)))
    return x, w, bias, g


def torch_step(x, w, bias, pad, g):
    x.grad = w.grad = bias.grad = None
    out = F.conv2d(x, w, bias, padding=pad)
    out.backward(g)
    return out, x.grad, w.grad, bias.grad


def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


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


def loop_time(A, W, b, hp, dZ, images):
    """Loop forward + backward on `images` examples, scaled to the whole batch."""
    sub = (A[:images], W, b, hp, dZ[:images])
    Z, cache = ref.conv_forward(*sub[:4])
    start = time.perf_counter()
    ref.conv_forward(*sub[:4])
    ref.conv_backward(sub[4], cache)
    return (time.perf_counter() - start) * A.shape[0] / images


def check_against_torch():
    """Largest difference from PyTorch in float64, for both cases; and the max-pool ties."""
    worst = 0.0
    for case in CASES:
        A, W, b, hp, dZ = inputs(case, np.float64, seed=1)
        x, w, bias, g = to_torch(A, W, b, dZ)
        out, dx, dw, db = torch_step(x, w, bias, hp["pad"], g)
        theirs = (out.detach().numpy().transpose(0, 2, 3, 1), dx.numpy().transpose(0, 2, 3, 1),
                  dw.numpy().transpose(2, 3, 1, 0), db.numpy().reshape(1, 1, 1, -1))
        for m, t in zip(numpy_step(A, W, b, hp, dZ), theirs, strict=True):
            worst = max(worst, float(np.max(np.abs(m - t))))
    relu = np.maximum(np.random.default_rng(2).normal(size=(16, 26, 26, 8)), 0)
    hp = {"f": 2, "stride": 2}
    A, cache = ref.max_pool_forward_vectorized(relu, hp)
    dA = np.random.default_rng(3).normal(size=A.shape)
    mine = ref.max_pool_backward_vectorized(dA, cache)
    x = torch.from_numpy(np.ascontiguousarray(relu.transpose(0, 3, 1, 2))).requires_grad_()
    F.max_pool2d(x, 2).backward(torch.from_numpy(np.ascontiguousarray(dA.transpose(0, 3, 1, 2))))
    ties = int(np.sum(relu.reshape(16, 13, 2, 13, 2, 8).max(axis=(2, 4)) == 0))
    same_pool = np.array_equal(mine, x.grad.numpy().transpose(0, 2, 3, 1))
    return worst, same_pool, ties


def verdict(value, goal, at_most=True):
    return "ok" if (value <= goal if at_most else value >= goal) else "MISSED"


def main():
    load = os.getloadavg()[0]
    print(f"threads {ARGS.threads}, mallopt {'off' if ARGS.no_mallopt else 'on'}, "
          f"{os.cpu_count()} cores, load average {load:.1f} at start; NumPy {np.__version__}, "
          f"PyTorch {torch.__version__ if torch else 'not installed'}")
    if torch is not None:
        worst, same_pool, ties = check_against_torch()
        print(f"float64 vs PyTorch: largest difference in Z, dA_prev, dW, db: {worst:.1e} "
              f"({'ok' if worst < 1e-10 else 'ABOVE 1e-10'})")
        print(f"max-pool backward on ReLU outputs ({ties} windows with tied zeros): "
              f"{'identical to' if same_pool else 'DIFFERENT from'} PyTorch's")
    print(f"{'case':4} {'dtype':8} {'ref ms':>8} {'torch ms':>9} {'ref/torch':>10} {'goal':>14} "
          f"{'loops s':>8} {'loops/ref':>14}")
    for case in CASES:
        for dtype in (np.float32, np.float64):
            name = np.dtype(dtype).name
            A, W, b, hp, dZ = inputs(case, dtype)
            runners = {"numpy": lambda A=A, W=W, b=b, hp=hp, dZ=dZ: numpy_step(A, W, b, hp, dZ)}
            if torch is not None:
                x, w, bias, g = to_torch(A, W, b, dZ)
                runners["torch"] = lambda x=x, w=w, bias=bias, p=hp["pad"], g=g: torch_step(
                    x, w, bias, p, g)
            times = compare_in_turns(runners, ARGS.rounds)
            line = f"({case})  {name:8} {times['numpy'] * 1e3:8.2f}"
            if torch is not None:
                ratio, goal = times["numpy"] / times["torch"], GOALS[case, name]
                line += (f" {times['torch'] * 1e3:9.2f} {ratio:10.2f} "
                         f"{f'<= {goal} ' + verdict(ratio, goal):>14}")
            else:
                line += f" {'-':>9} {'-':>10} {'-':>14}"
            if case == "a" and dtype == np.float64:
                loops = loop_time(A, W, b, hp, dZ, ARGS.loop_images)
                speedup = loops / times["numpy"]
                line += (f" {loops:8.1f} {speedup:6.0f} "
                         f"{verdict(speedup, LOOP_SPEEDUP_GOAL, at_most=False):>7}")
            print(line, flush=True)


if __name__ == "__main__":
    main()
