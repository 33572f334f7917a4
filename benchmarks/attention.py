"""09_attention: attention forward + backward speed of the reference. Prints figures; not a test.

    .venv/bin/python benchmarks/attention.py                 # one BLAS / torch thread
    .venv/bin/python benchmarks/attention.py --rounds 60     # more rounds on a busy machine
    .venv/bin/python benchmarks/attention.py --clock cpu     # CPU time, on a busy machine

Two layers, at two sizes (batch 32, T 64, d_model 128, 4 heads; batch 8, T 256, d_model 256,
8 heads), in float32 and float64, with a causal mask, compared in one process with PyTorch
when it is importable (only for measuring; never a course dependency:
`pip install torch==2.13.0`):

- scaled dot-product attention on (batch, heads, T, d_k): the reference
  `scaled_dot_product_attention` + `scaled_dot_product_attention_backward` against
  `torch.nn.functional.scaled_dot_product_attention` and autograd;
- one multi-head self-attention layer: the reference `multi_head_attention` + the given
  `multi_head_attention_backward` (`autograder.reference.attention`) against
  `torch.nn.MultiheadAttention(batch_first=True)` holding the same weights, called with
  need_weights=False (its fastest path), and autograd.

Both sides compute the output and the gradients of J = sum(G * output) for a random G, with
respect to the inputs and, for the layer, every weight and bias. In float64 the script first
checks that outputs and gradients equal PyTorch's to 1e-10. The reference keeps the dtype of
its inputs, so the float32 rows compute in float32 throughout.

Each time is the median of `--rounds` rounds after warm-up calls, the reference and PyTorch
taking turns; the goals of issue 18 are ref/torch <= 1.5 in float32 and <= 1.0 in float64.
Glibc keeps freed memory (mallopt, as benchmarks/lstm.py explains) unless `--no-mallopt`.
The CPU model and its vector extensions are printed with the figures: the ratios depend on
them, on the BLAS NumPy uses and on the load of the machine.
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
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--no-mallopt", action="store_true")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall-clock time (default) or CPU time of the process")
    return parser.parse_args()


ARGS = parse_args()
process_settings.apply(ARGS.threads, keep_freed_memory=not ARGS.no_mallopt)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402 - after the thread settings

from autograder.reference.attention import (  # noqa: E402
    causal_mask,
    multi_head_attention,
    multi_head_attention_backward,
    scaled_dot_product_attention,
    scaled_dot_product_attention_backward,
)

try:
    import torch

    torch.set_num_threads(ARGS.threads)
except ImportError:
    torch = None

SIZES = [(32, 64, 128, 4), (8, 256, 256, 8)]  # batch, T, d_model, heads
GOALS = {"float32": 1.5, "float64": 1.0}  # largest ref/torch time ratio (issue 18)
VECTOR_FLAGS = ("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512_bf16", "amx_tile")
WEIGHTS = ("Wq", "bq", "Wk", "bk", "Wv", "bv", "Wo", "bo")


def cpu_description():
    """'model name (vector extensions)' from /proc/cpuinfo, where there is one."""
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "unknown CPU"
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    fields = {key.strip(): value.strip() for key, value in fields.items()}
    flags = set(fields.get("flags", "").split())
    vector = [flag for flag in VECTOR_FLAGS if flag in flags]
    return f"{fields.get('model name', 'unknown CPU')} ({', '.join(vector) or 'no AVX'})"


def make_layer(batch, T, d_model, dtype, seed=0):
    rng = np.random.default_rng(seed)
    parameters = {}
    for name in "qkvo":
        parameters["W" + name] = rng.normal(0, 1 / np.sqrt(d_model), (d_model, d_model))
        parameters["b" + name] = rng.normal(0, 0.1, d_model)
    x, G = rng.normal(size=(batch, T, d_model)), rng.normal(size=(batch, T, d_model))
    cast = {k: v.astype(dtype) for k, v in parameters.items()}
    return cast, x.astype(dtype), G.astype(dtype), causal_mask(T).astype(dtype)


def make_attention(batch, T, d_model, heads, dtype, seed=0):
    rng = np.random.default_rng(seed)
    d_k = d_model // heads
    q, k, v, G = (rng.normal(size=(batch, heads, T, d_k)).astype(dtype) for _ in range(4))
    return q, k, v, G, causal_mask(T).astype(dtype)


def reference_attention(q, k, v, G, mask):
    output, weights = scaled_dot_product_attention(q, k, v, mask)
    return output, scaled_dot_product_attention_backward(G, (q, k, v, weights))


def reference_layer(parameters, x, G, mask, heads):
    out, cache = multi_head_attention(x, parameters, heads, mask)
    return out, multi_head_attention_backward(G, cache)


class TorchAttention:
    """torch.nn.functional.scaled_dot_product_attention with a causal mask, and autograd."""

    def __init__(self, q, k, v, G, mask):
        self.inputs = [torch.from_numpy(a) for a in (q, k, v)]
        self.G = torch.from_numpy(G)
        self.allowed = torch.from_numpy(mask > 0)  # True: takes part in attention

    def step(self):
        q, k, v = (a.clone().requires_grad_(True) for a in self.inputs)
        out = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=self.allowed)
        (self.G * out).sum().backward()
        return out, {"dq": q.grad, "dk": k.grad, "dv": v.grad}


class TorchLayer:
    """torch.nn.MultiheadAttention holding the reference's weights.

    PyTorch computes x @ W.T: its in_proj_weight is [Wq.T; Wk.T; Wv.T] and its
    out_proj.weight is Wo.T; head j uses the same columns j * d_k .. (j + 1) * d_k - 1.
    """

    def __init__(self, parameters, x, G, mask, heads, dtype):
        d_model = x.shape[-1]
        self.layer = torch.nn.MultiheadAttention(d_model, heads, batch_first=True).to(dtype)
        with torch.no_grad():
            self.layer.in_proj_weight.copy_(torch.from_numpy(
                np.vstack([parameters["W" + n].T for n in "qkv"])))
            self.layer.in_proj_bias.copy_(torch.from_numpy(
                np.concatenate([parameters["b" + n] for n in "qkv"])))
            self.layer.out_proj.weight.copy_(torch.from_numpy(parameters["Wo"].T.copy()))
            self.layer.out_proj.bias.copy_(torch.from_numpy(parameters["bo"]))
        self.x, self.G = torch.from_numpy(x), torch.from_numpy(G)
        self.blocked = torch.from_numpy(mask == 0)  # True: not allowed to attend

    def step(self):
        self.layer.zero_grad()
        x = self.x.clone().requires_grad_(True)
        out, _ = self.layer(x, x, x, attn_mask=self.blocked, need_weights=False)
        (self.G * out).sum().backward()
        return out, x

    def gradients(self, x):
        """The gradients in the reference's layout and names."""
        d_model = x.shape[-1]
        w, b = self.layer.in_proj_weight.grad.numpy(), self.layer.in_proj_bias.grad.numpy()
        grads = {"dx": x.grad.numpy(), "dWo": self.layer.out_proj.weight.grad.numpy().T,
                 "dbo": self.layer.out_proj.bias.grad.numpy()}
        for j, name in enumerate("qkv"):
            rows = slice(j * d_model, (j + 1) * d_model)
            grads["dW" + name], grads["db" + name] = w[rows].T, b[rows]
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


def largest_difference(ours, theirs):
    return max(float(np.max(np.abs(ours[key] - np.asarray(theirs[key])))) for key in theirs)


def check_against_torch(batch, T, d_model, heads):
    """The largest differences from PyTorch in float64: (attention, layer)."""
    q, k, v, G, mask = make_attention(batch, T, d_model, heads, np.float64)
    output, grads = reference_attention(q, k, v, G, mask)
    out, theirs = TorchAttention(q, k, v, G, mask).step()
    attention = max(np.max(np.abs(output - out.detach().numpy())),
                    largest_difference(grads, {key: g.numpy() for key, g in theirs.items()}))
    parameters, x, G, mask = make_layer(batch, T, d_model, np.float64)
    out_ref, grads = reference_layer(parameters, x, G, mask, heads)
    model = TorchLayer(parameters, x, G, mask, heads, torch.float64)
    out, x_t = model.step()
    layer = max(np.max(np.abs(out_ref - out.detach().numpy())),
                largest_difference(grads, model.gradients(x_t)))
    return attention, layer


def verdict(ratio, goal):
    return "ok" if ratio <= goal else "MISSED"


def main():
    print(f"Attention forward + backward, causal mask; median of {ARGS.rounds} rounds in turns, "
          f"{ARGS.clock} clock; threads {ARGS.threads}, mallopt "
          f"{'off' if ARGS.no_mallopt else 'on'}; NumPy {np.__version__}, PyTorch "
          f"{torch.__version__ if torch else 'not installed'}")
    print(f"CPU: {cpu_description()}; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.2f} at start (timings on a shared machine are noisy)")
    if torch is not None:
        for batch, T, d_model, heads in SIZES:
            attention, layer = check_against_torch(batch, T, d_model, heads)
            print(f"float64, batch {batch}, T {T}, d_model {d_model}, {heads} heads: output and "
                  f"every gradient vs PyTorch: attention {attention:.1e}, layer {layer:.1e} "
                  f"({'ok' if max(attention, layer) < 1e-10 else 'ABOVE 1e-10'})")
    print(f"{'what':>9} {'batch':>5} {'T':>4} {'d_model':>7} {'heads':>5} {'dtype':>8} "
          f"{'ref ms':>8} {'torch ms':>9} {'ref/torch':>10} {'goal':>12}")
    for what in ("attention", "layer"):
        for batch, T, d_model, heads in SIZES:
            for dtype in (np.float32, np.float64):
                name = np.dtype(dtype).name
                if what == "attention":
                    problem = make_attention(batch, T, d_model, heads, dtype)
                    runners = {"reference": lambda p=problem: reference_attention(*p)}
                    if torch is not None:
                        runners["torch"] = TorchAttention(*problem).step
                else:
                    problem = make_layer(batch, T, d_model, dtype)
                    runners = {"reference": lambda p=problem, h=heads: reference_layer(*p, h)}
                    if torch is not None:
                        runners["torch"] = TorchLayer(*problem, heads, getattr(torch, name)).step
                times = compare_in_turns(runners, ARGS.rounds)
                ref = times["reference"]
                line = (f"{what:>9} {batch:>5} {T:>4} {d_model:>7} {heads:>5} {name:>8} "
                        f"{ref * 1e3:8.2f}")
                if torch is not None:
                    ratio = ref / times["torch"]
                    line += (f" {times['torch'] * 1e3:9.2f} {ratio:10.2f} "
                             f"{f'<= {GOALS[name]} ' + verdict(ratio, GOALS[name]):>12}")
                else:
                    line += f" {'-':>9} {'-':>10} {'-':>12}"
                print(line, flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
