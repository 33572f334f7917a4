"""Visible checks for 05_cnn_from_scratch. Expected values are literals, never solutions.

Inputs are drawn from fixed seeds; what the reference returned for them was computed once
and pasted below (`EXPECTED`), so this module contains no solution code.
"""

import numpy as np

from course_utils.checks.core import FilterSource, describe, exercise
from course_utils.checks.standins import stand_ins

TOPIC = "cnn_from_scratch"

# Where the vectorized convolutions get their filters W. Their loops may run over the filter
# offsets, `for i in range(f)` with f = W.shape[0], and over nothing else: not over the
# examples, the output positions or the channels. Max pooling may not loop at all.
FILTERS = {"conv_forward_vectorized": FilterSource(argument=1),  # (A_prev, W, b, hparameters)
           "conv_backward_vectorized": FilterSource(argument=1, item=1)}  # (dZ, cache)

# Filled in once from the reference solutions (see the module docstring).
EXPECTED = {'conv_backward_pad0_stride1': {'dA_prev': {'mean': -0.035288504750344986,
                                            'picks': [([1, 2, 3],
                                                       [-3.4323248797823602,
                                                        -0.5783863050440006, 1.612039011442129,
                                                        -0.7773040203548554]),
                                                      ([1, 4, 6],
                                                       [-2.956784102210191, 0.5318417658714216,
                                                        1.3146153181458793,
                                                        -3.182796998033579])],
                                            'shape': [2, 5, 7, 4]},
                                'dW': {'mean': -0.17781436388693633,
                                       'picks': [([1, 1, 2],
                                                  [-1.6879015833232822, -0.989235382853465,
                                                   2.0676921814649596, 6.841516898962944,
                                                   3.4524772869717717, -1.851201510755443,
                                                   0.877872193474034, 2.1570669525804256]),
                                                 ([2, 2, 3],
                                                  [0.05206167284995683, -8.558134027084117,
                                                   7.363618910160034, 3.1463943710501603,
                                                   -2.4399036137802907, -3.951561556142728,
                                                   -1.995587896701361, 0.4064746479468131])],
                                       'shape': [3, 3, 4, 8]},
                                'dZ_shape': [2, 3, 5, 8],
                                'db': {'mean': -1.3035162394588378,
                                       'picks': [([0, 0, 0],
                                                  [-1.0060331454590565, 0.20121391166725222,
                                                   3.494048708114317, -6.570817145864126,
                                                   0.8338235302951429, 0.08320747968508219,
                                                   -4.25562476421839, -3.207948489890924])],
                                       'shape': [1, 1, 1, 8]}},
 'conv_backward_pad1_stride2': {'dA_prev': {'mean': -0.046636341059909735,
                                            'picks': [([1, 2, 3],
                                                       [-3.1453566578722407,
                                                        -1.1475411348695481,
                                                        -2.370354584621798,
                                                        2.941079518266039]),
                                                      ([1, 4, 6],
                                                       [-3.003300278894022, -3.640417715678758,
                                                        -0.3250383144443494,
                                                        -2.0960771717304696])],
                                            'shape': [2, 5, 7, 4]},
                                'dW': {'mean': 0.047075280470706464,
                                       'picks': [([1, 1, 2],
                                                  [5.596085270071798, -4.7412784663232985,
                                                   -2.889623332283106, 7.237260396603034,
                                                   2.42209512251492, -6.479923391861294,
                                                   -1.2496571873053628, 2.4586104583433634]),
                                                 ([2, 2, 3],
                                                  [-1.3288760049535375, 2.9729952188592748,
                                                   -1.387863552627648, -0.689024458248102,
                                                   4.991401559059596, 1.4579949746852803,
                                                   -3.3955182009956246, 2.5990207439462525])],
                                       'shape': [3, 3, 4, 8]},
                                'dZ_shape': [2, 3, 4, 8],
                                'db': {'mean': -1.7250179530413434,
                                       'picks': [([0, 0, 0],
                                                  [1.6444519782363136, 2.7760489417702168,
                                                   4.6002265306916605, -9.638558238483016,
                                                   -5.550869735159274, 4.239524716691247,
                                                   -4.84701624910928, -7.023951568968613])],
                                       'shape': [1, 1, 1, 8]}},
 'conv_forward_pad0_stride1': {'mean': -0.5460768747582816,
                               'picks': [([1, 1, 2],
                                          [1.9160222315141442, -4.639309536899994,
                                           -2.7378189357843654, 1.737184283357883,
                                           -12.608340012890414, 5.265127524965289,
                                           -2.3829030414097696, -6.791687398393196]),
                                         ([1, 2, 4],
                                          [16.991010463098455, -3.8224482506638373,
                                           -4.561021035005829, -4.816701616237715,
                                           -3.92375785814151, -2.2683808791248676,
                                           -2.5836102913342436, -4.9893338845880635])],
                               'shape': [2, 3, 5, 8]},
 'conv_forward_pad1_stride2': {'mean': 0.2368487981882276,
                               'picks': [([1, 1, 2],
                                          [2.5434672756157144, 9.178528725656303,
                                           9.370029438529205, 0.27364712925904877,
                                           2.3235730830323535, 0.7077523450688501,
                                           -3.4816987616276074, 13.262585791993693]),
                                         ([1, 2, 3],
                                          [2.7392961421133712, -6.702126281325098,
                                           -3.942910894274207, 5.790720613630198,
                                           1.771543410793984, -5.515306140731214,
                                           -1.2696016920494297, -1.6635670461247474])],
                               'shape': [2, 3, 4, 8]},
 'conv_single_step': -0.2709277534684629,
 'max_pool_vectorized_4': {'mean': 0.9738401095977646,
                           'picks': [([1, 1, 1],
                                      [0.8992737076506074, 0.35411165760150265,
                                       0.6909519446056412])],
                           'shape': [2, 2, 2, 3]},
 'max_pool_vectorized_5': {'mean': 0.9738401095977646,
                           'picks': [([1, 1, 1],
                                      [0.8992737076506074, 0.35411165760150265,
                                       0.6909519446056412])],
                           'shape': [2, 2, 2, 3]},
 'pool_backward_average_s1': {'dA_prev': {'mean': 0.022662695706573092,
                                          'picks': [([1, 2, 2],
                                                     [-0.0708179537622363,
                                                      -0.14558707337148402,
                                                      -0.21321484097708754]),
                                                    ([1, 4, 4],
                                                     [0.35594719116931184,
                                                      -0.22517416334368318,
                                                      -0.3781376371240445])],
                                          'shape': [2, 5, 5, 3]},
                              'dA_shape': [2, 4, 4, 3]},
 'pool_backward_average_s2': {'dA_prev': {'mean': 0.0527661177780641,
                                          'picks': [([1, 2, 2],
                                                     [-0.20407868242272678,
                                                      0.02032576407350861,
                                                      0.07035770912703547]),
                                                    ([1, 4, 4], [0.0, 0.0, 0.0]),
                                                    ([0, 3, 3],
                                                     [0.13781678294210298,
                                                      0.04468442189262601,
                                                      -0.2684646753688423])],
                                          'shape': [2, 5, 5, 3]},
                              'dA_shape': [2, 2, 2, 3]},
 'pool_backward_max_s1': {'dA_prev': {'mean': 0.022662695706573092,
                                      'picks': [([1, 2, 2], [0.0, 0.4535019529524744, 0.0]),
                                                ([1, 4, 4],
                                                 [1.4237887646772474, 0.0,
                                                  -1.512550548496178])],
                                      'shape': [2, 5, 5, 3]},
                          'dA_shape': [2, 4, 4, 3]},
 'pool_backward_max_s2': {'dA_prev': {'mean': 0.05276611777806411,
                                      'picks': [([1, 2, 2], [0.0, 0.08130305629403443, 0.0]),
                                                ([1, 4, 4], [0.0, 0.0, 0.0]),
                                                ([0, 3, 3],
                                                 [0.5512671317684119, 0.17873768757050404,
                                                  -1.073858701475369])],
                                      'shape': [2, 5, 5, 3]},
                          'dA_shape': [2, 2, 2, 3]},
 'pool_forward_average_f2': {'mean': 0.06395818378086339,
                             'picks': [([1, 1, 1],
                                        [-0.2992041264305866, -0.10715233766376682,
                                         -0.8986108814035841])],
                             'shape': [2, 2, 2, 3]},
 'pool_forward_average_f3': {'mean': -0.011225721343017421,
                             'picks': [([1, 1, 1],
                                        [-0.07695964398818449, -0.35255059088229174,
                                         -0.4652415205668718]),
                                       ([1, 2, 2],
                                        [0.24047517781753147, -0.05356858520704891,
                                         -0.27184287625298764])],
                             'shape': [2, 3, 3, 3]},
 'pool_forward_max_f2': {'mean': 0.9738401095977646,
                         'picks': [([1, 1, 1],
                                    [0.8992737076506074, 0.35411165760150265,
                                     0.6909519446056412])],
                         'shape': [2, 2, 2, 3]},
 'pool_forward_max_f3': {'mean': 1.3192198484613404,
                         'picks': [([1, 1, 1],
                                    [1.8716346370160677, 0.7980751811597928,
                                     0.968477609522218]),
                                   ([1, 2, 2],
                                    [1.7224233963662954, 0.7653546837661211,
                                     1.0972650368859622])],
                         'shape': [2, 3, 3, 3]},
 'softmax_A': [[0.7053845126982412, 0.04201006613406605, 0.3333333333333333,
                0.9464991225528937],
               [0.25949646034241913, 0.11419519938459448, 0.3333333333333333,
                0.006377460922442297],
               [0.03511902695933973, 0.8437947344813395, 0.3333333333333333,
                0.04712341652466415]],
 'softmax_cost': 1.6681139400924325,
 'softmax_dZ': [[-0.0736538718254397, 0.010502516533516512, 0.08333333333333333,
                 0.23662478063822343],
                [0.06487411508560478, 0.02854879984614862, -0.16666666666666669,
                 -0.24840563476938943],
                [0.008779756739834933, -0.039051316379665135, 0.08333333333333333,
                 0.011780854131166037]]}


def conv_inputs():
    """A_prev (2, 5, 7, 4), W (3, 3, 4, 8), b (1, 1, 1, 8), the inputs of the conv checks."""
    rng = np.random.default_rng(1)
    A_prev = rng.normal(size=(2, 5, 7, 4))
    W = rng.normal(size=(3, 3, 4, 8))
    b = rng.normal(size=(1, 1, 1, 8))
    return A_prev, W, b


def pool_inputs():
    """A_prev (2, 5, 5, 3), the input of the pooling checks."""
    return np.random.default_rng(2).normal(size=(2, 5, 5, 3))


def softmax_inputs():
    """Scores Z (3, 4) and one-hot labels Y (3, 4): 3 classes, 4 examples in columns."""
    Z = np.array([[2.0, -1.0, 0.5, 3.0],
                  [1.0, 0.0, 0.5, -2.0],
                  [-1.0, 2.0, 0.5, 0.0]])
    Y = np.array([[1.0, 0.0, 0.0, 0.0],
                  [0.0, 0.0, 1.0, 1.0],
                  [0.0, 1.0, 0.0, 0.0]])
    return Z, Y


def _expect_shaped(ex, actual, shape, call):
    """An array of the given shape (before looking at values)."""
    ex.expect_true(isinstance(actual, np.ndarray), call,
                   f"expected a NumPy array of shape {shape}, got {describe(actual)}")
    ex.expect_true(actual.shape == shape, call, f"expected shape {shape}, got {actual.shape}")


def expect_cropped(ex, dA_prev, shape, pad, call):
    """Fail with the trap's name when dA_prev was cropped with `[pad:-pad]` at pad = 0.

    With pad = 0, `x[pad:-pad]` is `x[0:0]`: empty, not the whole of x.
    """
    empty = (isinstance(dA_prev, np.ndarray) and dA_prev.ndim == 4
             and (dA_prev.shape[1] == 0 or dA_prev.shape[2] == 0))
    if pad == 0 and empty:
        ex.fail(f"dA_prev of {call}",
                f"expected shape {tuple(shape)}, got {dA_prev.shape}: with pad = 0, a crop "
                "written `x[:, pad:-pad, pad:-pad, :]` is `x[:, 0:0, 0:0, :]`, which is "
                "empty. Crop with the input's size instead: "
                "`x[:, pad:pad + n_H_prev, pad:pad + n_W_prev, :]`")


def _expect_pair(ex, result, call, names):
    """A tuple or list of len(names) values, as the function's contract says."""
    ex.expect_true(isinstance(result, tuple | list) and len(result) == len(names), call,
                   f"expected a tuple ({', '.join(names)}), got "
                   + (f"{len(result)} values" if isinstance(result, tuple | list)
                      else type(result).__name__))
    return result


def _expect_summary(ex, actual, expected, call, **tolerance):
    """Shape, a few entries and the mean of an array, against the literals of EXPECTED."""
    shape = tuple(expected["shape"])
    _expect_shaped(ex, actual, shape, call)
    for index, values in expected["picks"]:
        ex.expect_array(actual[tuple(index)], np.array(values), f"{call}[{tuple(index)}]",
                        **tolerance)
    ex.expect_scalar(np.mean(actual), expected["mean"], f"np.mean({call})", **tolerance)


def check_zero_pad(zero_pad):
    with exercise("zero_pad") as ex:
        X = np.random.default_rng(3).normal(size=(4, 3, 3, 2))
        call = "zero_pad(x, 3)  # x.shape == (4, 3, 3, 2)"
        x_pad = ex.call(zero_pad, X, 3, label=call)
        _expect_shaped(ex, x_pad, (4, 9, 9, 2), call)
        ex.expect_array(x_pad[:, 3:6, 3:6, :], X, f"{call}[:, 3:6, 3:6, :] (the original x)")
        ring = np.concatenate([x_pad[:, :3].ravel(), x_pad[:, 6:].ravel(),
                               x_pad[:, :, :3].ravel(), x_pad[:, :, 6:].ravel()])
        ex.expect_true(np.all(ring == 0), call, "the 3-pixel border must be all zeros")
        call = "zero_pad(np.array([[[[1], [2]]]]), 1)"
        ex.expect_array(ex.call(zero_pad, np.array([[[[1], [2]]]]), 1, label=call),
                        np.array([[[[0], [0], [0], [0]], [[0], [1], [2], [0]],
                                   [[0], [0], [0], [0]]]]), call)


def check_conv_single_step(conv_single_step):
    with exercise("conv_single_step") as ex:
        rng = np.random.default_rng(4)
        a_slice_prev = rng.normal(size=(4, 4, 3))
        W = rng.normal(size=(4, 4, 3))
        b = rng.normal(size=(1, 1, 1))
        call = "conv_single_step(a_slice_prev, W, b)  # (4, 4, 3), (4, 4, 3), (1, 1, 1)"
        ex.expect_scalar(ex.call(conv_single_step, a_slice_prev, W, b, label=call),
                         EXPECTED["conv_single_step"], call)
        call = "conv_single_step(np.ones((2, 2, 1)), np.ones((2, 2, 1)), np.ones((1, 1, 1)))"
        ex.expect_scalar(ex.call(conv_single_step, np.ones((2, 2, 1)), np.ones((2, 2, 1)),
                                 np.ones((1, 1, 1)), label=call), 5.0, call)


def check_conv_forward(conv_forward, name="conv_forward", **tolerance):
    with exercise(name) as ex:
        bound = stand_ins(TOPIC, name, conv_forward)
        A_prev, W, b = conv_inputs()
        for key, hparameters in [("pad1_stride2", {"pad": 1, "stride": 2}),
                                 ("pad0_stride1", {"pad": 0, "stride": 1})]:
            call = (f"{name}(A_prev, W, b, {hparameters})  "
                    "# A_prev (2, 5, 7, 4), W (3, 3, 4, 8)")
            result = _expect_pair(ex, ex.call(conv_forward, A_prev, W, b, hparameters,
                                              helpers=bound, label=call), call, ["Z", "cache"])
            _expect_summary(ex, result[0], EXPECTED[f"conv_forward_{key}"], f"Z of {call}",
                            **tolerance)
            cache = _expect_pair(ex, result[1], f"cache of {call}",
                                 ["A_prev", "W", "b", "hparameters"])
            ex.expect_true(cache[3] == hparameters and np.array_equal(cache[0], A_prev),
                           call, "the cache must be (A_prev, W, b, hparameters)")


def check_pool_forward(pool_forward):
    with exercise("pool_forward") as ex:
        A_prev = pool_inputs()
        for hparameters in [{"stride": 1, "f": 3}, {"stride": 2, "f": 2}]:
            for mode in ["max", "average"]:
                call = f'pool_forward(A_prev, {hparameters}, mode="{mode}")'
                result = _expect_pair(ex, ex.call(pool_forward, A_prev, hparameters,
                                                  kwargs={"mode": mode}, label=call),
                                      call, ["A", "cache"])
                key = f"pool_forward_{mode}_f{hparameters['f']}"
                _expect_summary(ex, result[0], EXPECTED[key], f"A of {call}")


def check_conv_backward(conv_backward, name="conv_backward", **tolerance):
    with exercise(name) as ex:
        bound = stand_ins(TOPIC, name, conv_backward)
        A_prev, W, b = conv_inputs()
        for key, hparameters in [("pad1_stride2", {"pad": 1, "stride": 2}),
                                 ("pad0_stride1", {"pad": 0, "stride": 1})]:
            expected = EXPECTED[f"conv_backward_{key}"]
            dZ = np.random.default_rng(5).normal(size=tuple(expected["dZ_shape"]))
            cache = (A_prev, W, b, hparameters)
            call = f"{name}(dZ, cache)  # cache of the conv_forward check, {hparameters}"
            result = _expect_pair(ex, ex.call(conv_backward, dZ, cache, helpers=bound,
                                              label=call), call, ["dA_prev", "dW", "db"])
            expect_cropped(ex, result[0], A_prev.shape, hparameters["pad"], call)
            for grad, value in zip(["dA_prev", "dW", "db"], result, strict=True):
                _expect_summary(ex, value, expected[grad], f"{grad} of {call}", **tolerance)


def check_create_mask_from_window(create_mask_from_window):
    with exercise("create_mask_from_window") as ex:
        cases = [
            ("np.array([[1.62, -0.61, -0.53], [-1.07, 0.87, -2.30]])",
             np.array([[1.62, -0.61, -0.53], [-1.07, 0.87, -2.30]]),
             [[True, False, False], [False, False, False]]),
            ("np.array([[0.2, 0.9], [0.4, -0.3]])", np.array([[0.2, 0.9], [0.4, -0.3]]),
             [[False, True], [False, False]]),
            ("np.array([[0.0, 0.0], [0.0, 0.4]])  # a ReLU output",
             np.array([[0.0, 0.0], [0.0, 0.4]]), [[False, False], [False, True]]),
        ]
        for label, x, expected in cases:
            call = f"create_mask_from_window({label})"
            mask = ex.call(create_mask_from_window, x, label=call)
            ex.expect_array(mask, np.array(expected), call)
            ex.expect_true(np.sum(mask) == 1, call, "the mask must hold exactly one True, "
                           "at the window's maximum")


def check_distribute_value(distribute_value):
    with exercise("distribute_value") as ex:
        for dz, shape, expected in [(2, (2, 2), [[0.5, 0.5], [0.5, 0.5]]),
                                    (3.0, (1, 4), [[0.75, 0.75, 0.75, 0.75]]),
                                    (-1.5, (3, 2), [[-0.25, -0.25]] * 3)]:
            call = f"distribute_value({dz}, {shape})"
            ex.expect_array(ex.call(distribute_value, dz, shape, label=call),
                            np.array(expected), call)


def check_pool_backward(pool_backward):
    """Strides 1 and 2 with 2x2 windows (a stride other than the window's size catches a
    pool_backward that ignores the stride); the helpers are stand-ins (see `standins`)."""
    with exercise("pool_backward") as ex:
        bound = stand_ins(TOPIC, "pool_backward", pool_backward)
        A_prev = pool_inputs()
        for hparameters in [{"stride": 1, "f": 2}, {"stride": 2, "f": 2}]:
            for mode in ["max", "average"]:
                key = f"pool_backward_{mode}_s{hparameters['stride']}"
                expected = EXPECTED[key]
                dA = np.random.default_rng(6).normal(size=tuple(expected["dA_shape"]))
                call = (f'pool_backward(dA, (A_prev, {hparameters}), mode="{mode}")  '
                        f"# A_prev {A_prev.shape}, dA {dA.shape}")
                result = ex.call(pool_backward, dA, (A_prev, hparameters), kwargs={"mode": mode},
                                 label=call, helpers=bound)
                _expect_summary(ex, result, expected["dA_prev"], call)


def check_softmax_cross_entropy_forward(softmax_cross_entropy_forward):
    with exercise("softmax_cross_entropy_forward") as ex:
        Z, Y = softmax_inputs()
        call = "softmax_cross_entropy_forward(Z, Y)  # Z, Y (3, 4)"
        result = _expect_pair(ex, ex.call(softmax_cross_entropy_forward, Z, Y, label=call),
                              call, ["cost", "cache"])
        ex.expect_scalar(result[0], EXPECTED["softmax_cost"], f"cost of {call}")
        cache = _expect_pair(ex, result[1], f"cache of {call}", ["A", "Y"])
        ex.expect_array(cache[0], np.array(EXPECTED["softmax_A"]), f"A (the cache) of {call}")
        Z = np.array([[1000.0, -1000.0], [0.0, 0.0], [-1000.0, 1000.0]])
        Y = np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 0.0]])
        call = ("softmax_cross_entropy_forward(np.array([[1000.0, -1000.0], [0.0, 0.0], "
                "[-1000.0, 1000.0]]), np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 0.0]]))")
        result = _expect_pair(ex, ex.call(softmax_cross_entropy_forward, Z, Y, label=call),
                              call, ["cost", "cache"])
        ex.expect_scalar(result[0], 1500.0, f"cost of {call}")


def check_softmax_cross_entropy_backward(softmax_cross_entropy_backward):
    with exercise("softmax_cross_entropy_backward") as ex:
        _, Y = softmax_inputs()
        A = np.array(EXPECTED["softmax_A"])
        for dcost in [1.0, 2.0]:
            call = f"softmax_cross_entropy_backward({dcost}, (A, Y))  # A, Y (3, 4)"
            ex.expect_array(ex.call(softmax_cross_entropy_backward, dcost, (A, Y), label=call),
                            dcost * np.array(EXPECTED["softmax_dZ"]), call)


def check_conv_forward_vectorized(conv_forward_vectorized):
    with exercise("conv_forward_vectorized", quiet=True) as ex:
        ex.expect_no_loops(conv_forward_vectorized, "conv_forward_vectorized",
                           filters=FILTERS["conv_forward_vectorized"])
    check_conv_forward(conv_forward_vectorized, "conv_forward_vectorized",
                       rtol=1e-10, atol=1e-10)


def check_conv_backward_vectorized(conv_backward_vectorized):
    with exercise("conv_backward_vectorized", quiet=True) as ex:
        ex.expect_no_loops(conv_backward_vectorized, "conv_backward_vectorized",
                           filters=FILTERS["conv_backward_vectorized"])
    check_conv_backward(conv_backward_vectorized, "conv_backward_vectorized",
                        rtol=1e-10, atol=1e-10)


def check_max_pool_forward_vectorized(max_pool_forward_vectorized):
    with exercise("max_pool_forward_vectorized") as ex:
        ex.expect_no_loops(max_pool_forward_vectorized, "max_pool_forward_vectorized")
        A_prev = pool_inputs()
        for size in [4, 5]:
            hparameters = {"f": 2, "stride": 2}
            call = (f"max_pool_forward_vectorized(A_prev[:, :{size}, :{size}], {hparameters})"
                    f"  # A_prev[:, :{size}, :{size}].shape == (2, {size}, {size}, 3)")
            result = _expect_pair(ex, ex.call(max_pool_forward_vectorized,
                                              A_prev[:, :size, :size], hparameters,
                                              label=call), call, ["A", "cache"])
            _expect_summary(ex, result[0], EXPECTED[f"max_pool_vectorized_{size}"],
                            f"A of {call}", rtol=1e-12, atol=1e-12)
