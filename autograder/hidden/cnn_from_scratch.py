"""Hidden tests for 05_cnn_from_scratch: new inputs and shapes, compared with the reference.

Each function is graded on its own: its inputs and caches come from the reference's forward
passes, the helpers it calls (`zero_pad`, `conv_single_step`, `create_mask_from_window`,
`distribute_value`) are bound to the reference's while it runs, and every backward
function's gradient check takes its numerical gradients from the reference's forward pass.
A mistake in a helper or a forward pass therefore costs that function's points only. The
vectorized functions are compared with the reference to 1e-10; the convolutions may loop
over the filter offsets only (see `FILTERS`), max pooling not at all. Pooling inputs have
no tied maxima (which maximum gets the gradient of a tie is a convention, not graded).
"""

import numpy as np

from autograder.reference import cnn_from_scratch as reference
from course_utils.checks.cnn_from_scratch import FILTERS, expect_cropped
from course_utils.checks.core import CheckFailure, exercise
from course_utils.gradcheck import gradcheck

SEED = 20261105
TIGHT = {"rtol": 1e-10, "atol": 1e-10}

# One case of several examples is enough: while conv_forward and pool_backward are graded,
# each output position is a call into the grader (conv_single_step, the pooling helpers).
# (m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad)
CONV_CASES = [(1, 6, 5, 2, 3, 4, 1, 1), (2, 7, 8, 3, 2, 2, 2, 0), (1, 9, 7, 1, 3, 3, 3, 2),
              (1, 5, 5, 4, 5, 2, 1, 2)]
# (m, n_H_prev, n_W_prev, n_C, f, stride); pool_backward's gradient check has two examples.
POOL_CASES = [(1, 6, 6, 3, 2, 2), (2, 5, 7, 2, 3, 1), (1, 8, 5, 4, 3, 2)]
POOL_BACKWARD_CASES = [(1, 6, 6, 3, 2, 2), (1, 5, 7, 2, 3, 1), (1, 8, 5, 4, 3, 2)]

# The notebook's functions each graded function may call, bound to the reference's.
HELPERS = {
    "conv_forward": ("zero_pad", "conv_single_step"),
    "conv_backward": ("zero_pad",),
    "pool_backward": ("create_mask_from_window", "distribute_value"),
    "conv_forward_vectorized": ("zero_pad",),
    "conv_backward_vectorized": ("zero_pad",),
}


def helpers(function: str) -> dict:
    """The reference's versions of the helpers `function` may call."""
    return {name: getattr(reference, name) for name in HELPERS.get(function, ())}


def _conv_case(rng, case):
    m, n_H_prev, n_W_prev, n_C_prev, f, n_C, stride, pad = case
    A_prev = rng.normal(size=(m, n_H_prev, n_W_prev, n_C_prev))
    W = rng.normal(size=(f, f, n_C_prev, n_C))
    b = rng.normal(size=(1, 1, 1, n_C))
    label = (f"A_prev {A_prev.shape}, W {W.shape}, "
             f'{{"stride": {stride}, "pad": {pad}}}')
    return A_prev, W, b, {"stride": stride, "pad": pad}, label


def _separated(rng, shape):
    """Values at least 0.01 apart (no ties in any pooling window, even after a nudge)."""
    values = (rng.permutation(int(np.prod(shape))) - np.prod(shape) / 2) * 0.01
    return (values + rng.uniform(0, 0.002, size=values.shape)).reshape(shape)


def _pair(ex, result, call, size):
    ex.expect_true(isinstance(result, tuple | list) and len(result) == size, call,
                   f"expected a tuple of {size} values, got "
                   + (f"{len(result)}" if isinstance(result, tuple | list)
                      else type(result).__name__))
    return result


def _gradient_check(ex, call, cost, params, grads):
    """The student's gradients against numerical ones of `cost` (the reference's forward)."""
    try:
        gradcheck(cost, params, grads)
    except CheckFailure as failure:
        ex.fail(call, str(failure))
    except (TypeError, ValueError) as error:
        ex.fail(call, f"the gradients are not arrays of numbers ({error})")
    ex.count += 1


def grade_zero_pad(zero_pad):
    rng = np.random.default_rng(SEED)
    with exercise("zero_pad (hidden tests)") as ex:
        for shape, pad in [((2, 4, 5, 3), 2), ((1, 3, 3, 1), 1), ((3, 2, 6, 2), 0)]:
            X = rng.normal(size=shape)
            call = f"zero_pad(a random {shape} array, {pad})"
            ex.expect_array(ex.call(zero_pad, X, pad, label=call),
                            reference.zero_pad(X, pad), call)


def grade_conv_single_step(conv_single_step):
    rng = np.random.default_rng(SEED)
    with exercise("conv_single_step (hidden tests)") as ex:
        for shape in [(3, 3, 2), (5, 5, 1), (2, 2, 8)]:
            a, W, b = rng.normal(size=shape), rng.normal(size=shape), rng.normal(size=(1, 1, 1))
            call = f"conv_single_step(a_slice_prev, W, b)  # {shape}"
            ex.expect_scalar(ex.call(conv_single_step, a, W, b, label=call),
                             reference.conv_single_step(a, W, b), call)


def grade_conv_forward(conv_forward, name="conv_forward", **tolerance):
    rng = np.random.default_rng(SEED)
    with exercise(f"{name} (hidden tests)") as ex:
        for case in CONV_CASES:
            A_prev, W, b, hparameters, label = _conv_case(rng, case)
            call = f"{name}({label})"
            result = _pair(ex, ex.call(conv_forward, A_prev, W, b, hparameters, label=call,
                                       helpers=helpers(name)), call, 2)
            expected, _ = reference.conv_forward(A_prev, W, b, hparameters)
            ex.expect_array(result[0], expected, call, **tolerance)


def grade_pool_forward(pool_forward):
    rng = np.random.default_rng(SEED)
    with exercise("pool_forward (hidden tests)") as ex:
        for m, n_H_prev, n_W_prev, n_C, f, stride in POOL_CASES:
            A_prev = rng.normal(size=(m, n_H_prev, n_W_prev, n_C))
            hparameters = {"f": f, "stride": stride}
            for mode in ["max", "average"]:
                call = f'pool_forward(A_prev {A_prev.shape}, {hparameters}, mode="{mode}")'
                result = _pair(ex, ex.call(pool_forward, A_prev, hparameters,
                                           kwargs={"mode": mode}, label=call), call, 2)
                expected, _ = reference.pool_forward(A_prev, hparameters, mode)
                ex.expect_array(result[0], expected, call)


def grade_conv_backward(conv_backward, name="conv_backward", **tolerance):
    """A gradient check against the reference's conv_forward, then the reference on new
    shapes, strides and pads (pad 0 included: a crop `x[pad:-pad]` is empty there)."""
    rng = np.random.default_rng(SEED)
    with exercise(f"{name} (hidden tests)") as ex:
        for case in [(2, 5, 4, 3, 3, 2, 2, 1), (1, 4, 5, 2, 2, 3, 1, 0)]:
            A_prev, W, b, hparameters, label = _conv_case(rng, case)
            call = f"gradient check of {name} against numerical gradients of conv_forward ({label})"
            Z, cache = reference.conv_forward(A_prev, W, b, hparameters)
            G = rng.normal(size=Z.shape)
            grads = _pair(ex, ex.call(conv_backward, G, cache, label=call,
                                      helpers=helpers(name)), call, 3)
            expect_cropped(ex, grads[0], A_prev.shape, hparameters["pad"], call)

            def cost(p, G=G, hparameters=hparameters):
                return np.sum(reference.conv_forward(p["A_prev"], p["W"], p["b"],
                                                     hparameters)[0] * G)

            _gradient_check(ex, call, cost, {"A_prev": A_prev, "W": W, "b": b},
                            dict(zip(["A_prev", "W", "b"], grads, strict=True)))
        for case in CONV_CASES:
            A_prev, W, b, hparameters, label = _conv_case(rng, case)
            Z, cache = reference.conv_forward(A_prev, W, b, hparameters)
            dZ = rng.normal(size=Z.shape)
            call = f"{name}(dZ, cache)  # {label}"
            result = _pair(ex, ex.call(conv_backward, dZ, cache, label=call,
                                       helpers=helpers(name)), call, 3)
            expect_cropped(ex, result[0], A_prev.shape, hparameters["pad"], call)
            for grad, actual, expected in zip(["dA_prev", "dW", "db"], result,
                                              reference.conv_backward(dZ, cache), strict=True):
                ex.expect_array(actual, expected, f"{grad} of {call}", **tolerance)


def grade_create_mask_from_window(create_mask_from_window):
    """Windows without ties: which of tied maxima gets the gradient is a convention."""
    rng = np.random.default_rng(SEED)
    windows = [("a random (3, 3) window", rng.normal(size=(3, 3))),
               ("a random (2, 4) window", rng.normal(size=(2, 4))),
               ("a (3, 3) ReLU window with one positive value",
                np.array([[0.0, -0.0, 0.3], [-0.5, -1.2, -0.1], [-2.0, -0.7, -0.4]])),
               ("np.array([[-2.0, -1.0], [-1.5, -3.0]])", np.array([[-2.0, -1.0], [-1.5, -3.0]])),
               ("np.array([[5.0]])", np.array([[5.0]]))]
    with exercise("create_mask_from_window (hidden tests)") as ex:
        for label, x in windows:
            call = f"create_mask_from_window({label})"
            ex.expect_array(ex.call(create_mask_from_window, x, label=call),
                            reference.create_mask_from_window(x), call)


def grade_distribute_value(distribute_value):
    with exercise("distribute_value (hidden tests)") as ex:
        for dz, shape in [(1.0, (3, 3)), (-4.0, (2, 5)), (0.6, (1, 1)), (7, (4, 2))]:
            call = f"distribute_value({dz}, {shape})"
            ex.expect_array(ex.call(distribute_value, dz, shape, label=call),
                            reference.distribute_value(dz, shape), call)


def grade_pool_backward(pool_backward):
    """A gradient check against the reference's pool_forward, then the reference on new
    shapes; create_mask_from_window and distribute_value are the reference's meanwhile."""
    rng = np.random.default_rng(SEED)
    with exercise("pool_backward (hidden tests)") as ex:
        for shape, hparameters in [((2, 4, 5, 2), {"f": 2, "stride": 1}),
                                   ((1, 6, 6, 2), {"f": 3, "stride": 2})]:
            for mode in ["max", "average"]:
                A_prev = _separated(rng, shape)
                call = (f"gradient check of pool_backward against numerical gradients of "
                        f'pool_forward (A_prev {shape}, {hparameters}, mode="{mode}")')
                A, cache = reference.pool_forward(A_prev, hparameters, mode)
                G = rng.normal(size=A.shape)
                dA_prev = ex.call(pool_backward, G, cache, kwargs={"mode": mode}, label=call,
                                  helpers=helpers("pool_backward"))

                def cost(p, G=G, hparameters=hparameters, mode=mode):
                    return np.sum(reference.pool_forward(p["A_prev"], hparameters, mode)[0] * G)

                _gradient_check(ex, call, cost, {"A_prev": A_prev}, {"A_prev": dA_prev})
        for m, n_H_prev, n_W_prev, n_C, f, stride in POOL_BACKWARD_CASES:
            hparameters = {"f": f, "stride": stride}
            for mode in ["max", "average"]:
                A_prev = _separated(rng, (m, n_H_prev, n_W_prev, n_C))
                A, cache = reference.pool_forward(A_prev, hparameters, mode)
                dA = rng.normal(size=A.shape)
                call = (f'pool_backward(dA, cache, mode="{mode}")  # A_prev {A_prev.shape}, '
                        f"{hparameters}")
                ex.expect_array(ex.call(pool_backward, dA, cache, kwargs={"mode": mode},
                                        label=call, helpers=helpers("pool_backward")),
                                reference.pool_backward(dA, cache, mode), call)


def _one_hot(rng, n_y, m):
    return np.eye(n_y)[:, rng.integers(0, n_y, size=m)]


def grade_softmax_cross_entropy_forward(softmax_cross_entropy_forward):
    rng = np.random.default_rng(SEED)
    cases = [("random scores (10, 6)", rng.normal(scale=3, size=(10, 6)), _one_hot(rng, 10, 6)),
             ("random scores (2, 1)", rng.normal(size=(2, 1)), _one_hot(rng, 2, 1)),
             ("scores of size 800 (4, 3)", rng.normal(scale=800, size=(4, 3)),
              _one_hot(rng, 4, 3))]
    with exercise("softmax_cross_entropy_forward (hidden tests)") as ex:
        for label, Z, Y in cases:
            call = f"softmax_cross_entropy_forward({label}, Y)"
            result = _pair(ex, ex.call(softmax_cross_entropy_forward, Z, Y, label=call),
                           call, 2)
            cost, (A, _) = reference.softmax_cross_entropy_forward(Z, Y)
            ex.expect_scalar(result[0], cost, f"cost of {call}")
            cache = _pair(ex, result[1], f"cache of {call}", 2)
            ex.expect_array(cache[0], A, f"A (the cache) of {call}")


def grade_softmax_cross_entropy_backward(softmax_cross_entropy_backward):
    rng = np.random.default_rng(SEED)
    with exercise("softmax_cross_entropy_backward (hidden tests)") as ex:
        for n_y, m, dcost in [(4, 5, 1.0), (10, 3, 2.5)]:
            Z, Y = rng.normal(scale=2, size=(n_y, m)), _one_hot(rng, n_y, m)
            call = (f"gradient check of softmax_cross_entropy_backward({dcost}, cache) against"
                    f" numerical gradients of the forward pass (Z, Y {Z.shape})")
            _, cache = reference.softmax_cross_entropy_forward(Z, Y)
            dZ = ex.call(softmax_cross_entropy_backward, dcost, cache, label=call)

            def cost(p, Y=Y, dcost=dcost):
                return dcost * reference.softmax_cross_entropy_forward(p["Z"], Y)[0]

            _gradient_check(ex, call, cost, {"Z": Z}, {"Z": dZ})
        for n_y, m, dcost in [(10, 7, 1.0), (3, 2, -0.5)]:
            Z, Y = rng.normal(scale=2, size=(n_y, m)), _one_hot(rng, n_y, m)
            _, cache = reference.softmax_cross_entropy_forward(Z, Y)
            call = f"softmax_cross_entropy_backward({dcost}, cache)  # Z, Y {Z.shape}"
            ex.expect_array(ex.call(softmax_cross_entropy_backward, dcost, cache, label=call),
                            reference.softmax_cross_entropy_backward(dcost, cache), call)


def grade_conv_forward_vectorized(conv_forward_vectorized):
    rng = np.random.default_rng(SEED + 1)
    name = "conv_forward_vectorized"
    with exercise(f"{name} (hidden tests)") as ex:
        ex.expect_no_loops(conv_forward_vectorized, name, filters=FILTERS[name])
        for case in CONV_CASES:
            A_prev, W, b, hparameters, label = _conv_case(rng, case)
            call = f"{name}({label})"
            result = _pair(ex, ex.call(conv_forward_vectorized, A_prev, W, b, hparameters,
                                       label=call, helpers=helpers(name)), call, 2)
            ex.expect_array(result[0], reference.conv_forward(A_prev, W, b, hparameters)[0],
                            call, **TIGHT)


def grade_conv_backward_vectorized(conv_backward_vectorized):
    rng = np.random.default_rng(SEED + 2)
    name = "conv_backward_vectorized"
    with exercise(f"{name} (hidden tests)") as ex:
        ex.expect_no_loops(conv_backward_vectorized, name, filters=FILTERS[name])
        for case in CONV_CASES:
            A_prev, W, b, hparameters, label = _conv_case(rng, case)
            Z, cache = reference.conv_forward(A_prev, W, b, hparameters)
            dZ = rng.normal(size=Z.shape)
            call = f"{name}(dZ, cache)  # {label}"
            result = _pair(ex, ex.call(conv_backward_vectorized, dZ, cache, label=call,
                                       helpers=helpers(name)), call, 3)
            expect_cropped(ex, result[0], A_prev.shape, hparameters["pad"], call)
            for grad, actual, wanted in zip(["dA_prev", "dW", "db"], result,
                                            reference.conv_backward(dZ, cache), strict=True):
                ex.expect_array(actual, wanted, f"{grad} of {call}", **TIGHT)


def grade_max_pool_forward_vectorized(max_pool_forward_vectorized):
    rng = np.random.default_rng(SEED + 3)
    name = "max_pool_forward_vectorized"
    with exercise(f"{name} (hidden tests)") as ex:
        ex.expect_no_loops(max_pool_forward_vectorized, name)
        for shape, f in [((3, 8, 6, 2), 2), ((2, 9, 9, 3), 3), ((1, 7, 5, 4), 2),
                         ((2, 26, 26, 8), 2)]:
            hparameters = {"f": f, "stride": f}
            for label, A_prev in [("random", rng.normal(size=shape)),
                                  ("ReLU output", np.maximum(rng.normal(size=shape), 0))]:
                call = f"{name}(A_prev {shape} {label}, {hparameters})"
                result = _pair(ex, ex.call(max_pool_forward_vectorized, A_prev, hparameters,
                                           label=call), call, 2)
                ex.expect_array(result[0], reference.pool_forward(A_prev, hparameters)[0],
                                call, **TIGHT)
