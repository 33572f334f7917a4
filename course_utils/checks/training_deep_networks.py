"""Visible checks for 08_training_deep_networks. Expected values are literals, never solutions.

Three functions draw random numbers: `initialize_parameters_he`, `forward_propagation_with_dropout`
and `random_mini_batches`. Their checks test properties (shapes, zero biases, the spread of the
weights, the kept fraction, a partition of the examples) rather than one seed's numbers, so any
correct way of drawing passes: `np.random.randn`, `np.random.default_rng`, a seed set inside the
function, another order of draws. The property checks below are shared with the hidden tests.
"""

import numbers

import numpy as np

from course_utils.checks.core import describe, exercise

# A three-layer network (2 -> 3 -> 2 -> 1) and four examples, used by several checks.
X4 = np.array([[1.0, -0.5, 0.3, -1.2], [0.4, 0.9, -0.7, 0.2]])
Y4 = np.array([[1, 0, 1, 0]])
NETWORK = {"W1": np.array([[0.5, -0.3], [0.2, 0.8], [-0.6, 0.4]]),
           "b1": np.array([[0.1], [-0.1], [0.2]]),
           "W2": np.array([[0.7, -0.5, 0.3], [-0.2, 0.6, 0.9]]),
           "b2": np.array([[0.05], [-0.05]]),
           "W3": np.array([[1.1, -0.9]]),
           "b3": np.array([[0.2]])}
NETWORK_CALL = "parameters  # W1 (3, 2), b1 (3, 1), W2 (2, 3), b2 (2, 1), W3 (1, 2), b3 (1, 1)"
# The cache of the forward pass of NETWORK on X4: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
Z1 = np.array([[0.48, -0.42000000000000004, 0.45999999999999996, -0.56],
               [0.42000000000000004, 0.5200000000000001, -0.6, -0.18],
               [-0.23999999999999994, 0.8600000000000001, -0.25999999999999995, 1.0]])
A1 = np.maximum(Z1, 0)
Z2 = np.array([[0.17599999999999993, 0.04799999999999996, 0.37199999999999994, 0.35],
               [0.106, 1.036, -0.14200000000000002, 0.85]])
A2 = np.maximum(Z2, 0)
Z3 = np.array([[0.29819999999999997, -0.6796, 0.6092, -0.18]])
A3 = np.array([[0.5740024329997344, 0.3363505842975937, 0.647758289674295,
                0.45512110762641994]])

# A two-layer network and one step's worth of gradients and averages, for the optimizers.
SMALL = {"W1": np.array([[0.5, -0.3, 0.2], [0.1, 0.8, -0.4]]), "b1": np.array([[0.1], [-0.2]]),
         "W2": np.array([[0.7, -0.6]]), "b2": np.array([[0.05]])}
SMALL_CALL = "parameters  # W1 (2, 3), b1 (2, 1), W2 (1, 2), b2 (1, 1)"
GRADS = {"dW1": np.array([[0.2, -0.1, 0.05], [-0.3, 0.4, 0.1]]),
         "db1": np.array([[0.02], [-0.01]]),
         "dW2": np.array([[-0.5, 0.25]]), "db2": np.array([[0.3]])}
V = {"dW1": np.array([[0.1, 0.0, -0.2], [0.05, 0.1, 0.0]]), "db1": np.array([[0.01], [0.0]]),
     "dW2": np.array([[-0.2, 0.1]]), "db2": np.array([[0.1]])}
S = {"dW1": np.array([[0.01, 0.02, 0.0], [0.04, 0.01, 0.03]]),
     "db1": np.array([[0.001], [0.002]]),
     "dW2": np.array([[0.2, 0.05]]), "db2": np.array([[0.09]])}

# Fewer entries than this make a sample standard deviation or fraction too noisy to grade.
MIN_ENTRIES_FOR_STATISTICS = 5000
# The share of a normal sample within one standard deviation of its mean.
WITHIN_ONE_STD = 0.6826894921370859


def _copy(arrays):
    return {name: np.array(value, copy=True) for name, value in arrays.items()}


def _cache():
    return (Z1, A1, NETWORK["W1"], NETWORK["b1"], Z2, A2, NETWORK["W2"], NETWORK["b2"],
            Z3, A3, NETWORK["W3"], NETWORK["b3"])


def _is_pair(result, count=2):
    return isinstance(result, tuple | list) and len(result) == count


# ---------------------------------------------------------------- property checks


def expect_he_parameters(ex, parameters, layers_dims, stds, call):
    """parameters has W1..WL of shape (n[l], n[l-1]) and zero biases bl (n[l], 1); every weight
    matrix large enough to judge is normal with mean 0 and standard deviation stds[l - 1]."""
    L = len(layers_dims) - 1
    expected_keys = sorted(f"{kind}{layer}" for layer in range(1, L + 1) for kind in "Wb")
    ex.expect_true(isinstance(parameters, dict), call,
                   f"expected a dict with keys {expected_keys}, got {type(parameters).__name__}")
    ex.expect_true(sorted(parameters) == expected_keys, call,
                   f"expected the keys {expected_keys}, got {sorted(parameters)}")
    for layer in range(1, L + 1):
        W, b = parameters[f"W{layer}"], parameters[f"b{layer}"]
        shape = (layers_dims[layer], layers_dims[layer - 1])
        ex.expect_array(b, np.zeros((layers_dims[layer], 1)), f"{call}['b{layer}']")
        ex.expect_true(isinstance(W, np.ndarray) and W.shape == shape, f"{call}['W{layer}']",
                       f"expected an array of shape {shape}, got "
                       f"{getattr(W, 'shape', type(W).__name__)}")
        ex.expect_true(W.dtype.kind == "f", f"{call}['W{layer}']",
                       f"expected floating-point weights, got dtype {W.dtype}")
        if W.size < MIN_ENTRIES_FOR_STATISTICS:
            continue
        std, mean = float(np.std(W)), float(np.mean(W))
        expected = stds[layer - 1]
        ex.expect_true(abs(std - expected) < 0.05 * expected, f"{call}['W{layer}']",
                       f"the weights have standard deviation {std:.4g}; He initialization "
                       f"gives sqrt(2 / {layers_dims[layer - 1]}) = {expected:.4g} for a layer "
                       f"with {layers_dims[layer - 1]} inputs")
        ex.expect_true(abs(mean) < 6 * expected / np.sqrt(W.size), f"{call}['W{layer}']",
                       f"the weights have mean {mean:.4g}; expected them centred on 0")
        within = float(np.mean(np.abs(W) < expected))
        ex.expect_true(abs(within - WITHIN_ONE_STD) < 0.03, f"{call}['W{layer}']",
                       f"{100 * within:.1f} % of the weights lie within one standard deviation "
                       f"of 0, where a normal distribution has {100 * WITHIN_ONE_STD:.1f} %: "
                       "draw them from a normal distribution (np.random.randn)")


def expect_dropout_masks(ex, cache, shapes, keep_prob, call):
    """The cache (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) holds masks D1, D2 of
    the given shapes, of zeros and ones, keeping about keep_prob of the units (when large enough
    to judge). Returns the masks as float arrays."""
    ex.expect_true(_is_pair(cache, 14), call,
                   "expected the cache (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3), "
                   f"a tuple of 14 items, got {_describe_sequence(cache)}")
    masks = []
    for name, position, shape in [("D1", 1, shapes[0]), ("D2", 6, shapes[1])]:
        D = cache[position]
        where = f"{call}: the mask {name} (cache[{position}])"
        ex.expect_true(isinstance(D, np.ndarray) and D.shape == shape, where,
                       f"expected an array of shape {shape}, the shape of the activations, "
                       f"got {getattr(D, 'shape', type(D).__name__)}")
        ex.expect_true(D.dtype.kind in "biuf" and bool(np.all((D == 0) | (D == 1))), where,
                       "expected zeros and ones (or booleans): 1 keeps a unit, 0 drops it")
        kept = float(np.mean(D))
        if D.size >= MIN_ENTRIES_FOR_STATISTICS:
            ex.expect_true(abs(kept - keep_prob) < 0.03, where,
                           f"keeps {100 * kept:.1f} % of the units, but keep_prob = {keep_prob} "
                           f"should keep about {100 * keep_prob:.0f} %: a unit is kept when "
                           "its uniform random number (np.random.rand) is below keep_prob")
        masks.append(D.astype(float))
    return masks


def expect_small_difference(ex, difference, call):
    """The difference gradient_check_n returns for right gradients: a number below 1e-7."""
    ex.expect_true(np.ndim(difference) == 0 and isinstance(difference, numbers.Real | np.generic
                                                           | np.ndarray), call,
                   f"expected a single number, got {describe(difference)}")
    ex.expect_true(float(difference) < 1e-7, call,
                   f"the gradients are right, so the difference should be far below 1e-7 "
                   f"(about 1e-9), got {float(difference):.3g}")


def _describe_sequence(value):
    if isinstance(value, tuple | list):
        return f"a {type(value).__name__} of {len(value)} items"
    return f"a {type(value).__name__}"


def expect_mini_batches(ex, batches, X, Y, mini_batch_size, call):
    """batches is a list of (X_batch, Y_batch) that partitions the columns of X, shuffled, in
    mini_batch_size columns each but the last, with every label beside its example.

    X must hold the example's number 0..m-1 in its first row, so columns can be traced."""
    m = X.shape[1]
    count = -(-m // mini_batch_size)
    ex.expect_true(isinstance(batches, list | tuple), call,
                   f"expected a list of (mini_batch_X, mini_batch_Y), got "
                   f"{type(batches).__name__}")
    ex.expect_true(len(batches) == count, call,
                   f"expected {count} mini-batches for m = {m} and mini_batch_size = "
                   f"{mini_batch_size} (the last one with the {m % mini_batch_size or 'no'} "
                   f"examples left over), got {len(batches)}")
    seen = []
    for k, batch in enumerate(batches):
        size = min(mini_batch_size, m - k * mini_batch_size)
        where = f"{call}, mini-batch {k}"
        ex.expect_true(_is_pair(batch), where,
                       f"expected a pair (mini_batch_X, mini_batch_Y), got {type(batch).__name__}")
        batch_X, batch_Y = batch
        for name, array, rows in [("mini_batch_X", batch_X, X.shape[0]),
                                  ("mini_batch_Y", batch_Y, Y.shape[0])]:
            ex.expect_true(isinstance(array, np.ndarray) and array.shape == (rows, size), where,
                           f"expected {name} of shape {(rows, size)}, got "
                           f"{getattr(array, 'shape', type(array).__name__)}")
        ids = batch_X[0]
        ex.expect_true(bool(np.all(np.isin(ids, X[0]))), where,
                       "holds columns that are not columns of X: shuffle whole columns, "
                       "X[:, permutation]")
        columns = ids.astype(int)
        ex.expect_true(bool(np.array_equal(batch_X, X[:, columns])), where,
                       "holds columns that are not columns of X: shuffle whole columns, "
                       "X[:, permutation]")
        ex.expect_true(bool(np.array_equal(batch_Y, Y[:, columns])), where,
                       "the labels are not those of the examples beside them: shuffle X and Y "
                       "with the same permutation")
        seen.append(columns)
    order = np.concatenate(seen)
    ex.expect_true(len(set(order.tolist())) == m, call,
                   f"the mini-batches hold {len(set(order.tolist()))} different examples of "
                   f"{m}: every example must be in exactly one mini-batch")
    ex.expect_true(not np.array_equal(order, np.arange(m)), call,
                   "the examples are in their original order: shuffle them first")


def same_mini_batches(first, second):
    """Two lists of (mini_batch_X, mini_batch_Y) hold the same examples in the same order."""
    return (isinstance(second, list | tuple) and len(first) == len(second)
            and all(isinstance(b, tuple | list) and len(b) == 2
                    and np.shape(a[0]) == np.shape(b[0]) and np.array_equal(a[0], b[0])
                    for a, b in zip(first, second, strict=True)))


# ---------------------------------------------------------------- visible checks


def check_initialize_parameters_he(initialize_parameters_he):
    with exercise("initialize_parameters_he") as ex:
        for layers_dims, stds in [([3, 2, 1], [0.8164965809277261, 1.0]),
                                  ([800, 200, 50], [0.05, 0.1])]:
            call = f"initialize_parameters_he({layers_dims})"
            parameters = ex.call(initialize_parameters_he, layers_dims, label=call)
            expect_he_parameters(ex, parameters, layers_dims, stds, call)


def check_compute_cost_with_regularization(compute_cost_with_regularization):
    with exercise("compute_cost_with_regularization") as ex:
        A3_given = np.array([[0.9, 0.2, 0.7, 0.4]])
        for lambd, expected in [(0.5, 0.6490011586691898), (0.0, 0.2990011586691898)]:
            call = (f"compute_cost_with_regularization(A3, Y, {NETWORK_CALL.split('  #')[0]}, "
                    f"lambd={lambd})  # A3 = [[0.9, 0.2, 0.7, 0.4]], Y = [[1, 0, 1, 0]]")
            cost = ex.call(compute_cost_with_regularization, A3_given, Y4, _copy(NETWORK), lambd,
                           label=call)
            ex.expect_scalar(cost, expected, call)


def check_backward_propagation_with_regularization(backward_propagation_with_regularization):
    with exercise("backward_propagation_with_regularization") as ex:
        call = "backward_propagation_with_regularization(X, Y, cache, lambd=0.7)"
        grads = ex.call(backward_propagation_with_regularization, X4, Y4, _cache(), 0.7,
                        label=call)
        ex.expect_dict(grads, {
            "dW1": [[-0.03401638093387255, -0.045505198398636496],
                    [0.19691210411811952, 0.10394375400404408],
                    [-0.019281525443939893, 0.022751230312825783]],
            "db1": [[-0.1689809514002613], [0.024428802786478104], [-0.09497660303088165]],
            "dW2": [[0.021709744799763245, -0.08860458543397476, 0.2572052177836464],
                    [0.011007737236028686, 0.10590375171870663, -0.009986087277528893]],
            "db2": [[0.0036389140144618415], [-0.0822316781078433]],
            "dW3": [[0.1848569319205806, 0.015039101178183967]],
            "db3": [[0.0033081036495107713]],
        }, call)


def check_forward_propagation_with_dropout(forward_propagation_with_dropout):
    with exercise("forward_propagation_with_dropout") as ex:
        # Weights of zero make every unit's value its bias: a kept unit of layer 1 is worth
        # 0.7 / keep_prob = 1.0, one of layer 2 is worth 0.35 / keep_prob = 0.5.
        m = 500
        X = np.ones((4, m))
        parameters = {"W1": np.zeros((20, 4)), "b1": np.full((20, 1), 0.7),
                      "W2": np.zeros((10, 20)), "b2": np.full((10, 1), 0.35),
                      "W3": np.full((1, 10), 0.1), "b3": np.zeros((1, 1))}
        call = ("forward_propagation_with_dropout(X, parameters, keep_prob=0.7)  "
                "# X (4, 500), W1 = 0, b1 = 0.7, W2 = 0, b2 = 0.35")
        result = ex.call(forward_propagation_with_dropout, X, parameters,
                         kwargs={"keep_prob": 0.7}, label=call)
        ex.expect_true(_is_pair(result), call, "expected two results, `return A3, cache`")
        A3_result, cache = result
        D1, D2 = expect_dropout_masks(ex, cache, [(20, m), (10, m)], 0.7, call)
        ex.expect_array(cache[2], D1 * 1.0, f"{call}: A1 (cache[2]), 1.0 where D1 keeps "
                                           "a unit (0.7 / keep_prob), 0 where it drops it")
        ex.expect_array(cache[7], D2 * 0.5, f"{call}: A2 (cache[7]), 0.5 where D2 keeps "
                                           "a unit (0.35 / keep_prob), 0 where it drops it")
        ex.expect_array(A3_result, cache[11], f"{call}: A3, the same as in the cache")
        ex.expect_true(A3_result.shape == (1, m) and bool(np.all(A3_result > 0.5)), call,
                       "expected A3 = sigmoid(Z3) of shape (1, 500), above 0.5 here, "
                       "without dropout on the output layer")


def check_backward_propagation_with_dropout(backward_propagation_with_dropout):
    with exercise("backward_propagation_with_dropout") as ex:
        keep_prob = 0.75
        D1 = np.array([[1, 0, 1, 1], [1, 1, 0, 1], [0, 1, 1, 1]])
        D2 = np.array([[1, 1, 0, 1], [0, 1, 1, 1]])
        cache = (Z1, D1, A1 * D1 / keep_prob, NETWORK["W1"], NETWORK["b1"],
                 np.array([[0.21799999999999992, 0.047333333333333276, 0.4793333333333333,
                            0.44999999999999996],
                           [0.15800000000000003, 1.3980000000000001, -0.17266666666666666,
                            1.15]]),
                 D2, np.array([[0.2906666666666666, 0.06311111111111103, 0.0, 0.6],
                               [0.0, 1.864, 0.0, 1.5333333333333332]]),
                 NETWORK["W2"], NETWORK["b2"],
                 np.array([[0.5197333333333333, -1.4081777777777782, 0.2, -0.5199999999999998]]),
                 np.array([[0.627085408613788, 0.1965216277458087, 0.549833997312478,
                            0.3728522336868045]]),
                 NETWORK["W3"], NETWORK["b3"])
        call = ("backward_propagation_with_dropout(X, Y, cache, keep_prob=0.75)  "
                "# D1 = [[1, 0, 1, 1], [1, 1, 0, 1], [0, 1, 1, 1]], "
                "D2 = [[1, 1, 0, 1], [0, 1, 1, 1]]")
        grads = ex.call(backward_propagation_with_dropout, X4, Y4, cache, keep_prob, label=call)
        ex.expect_dict(grads, {
            "dW1": [[-0.12761966016328144, -0.05104786406531258],
                    [0.1387588055039477, -0.04922066965052077],
                    [0.11641247878337489, -0.05364051449783227]],
            "db1": [[-0.12761966016328144], [-0.004046910658006636], [-0.12146642377229083]],
            "dW2": [[-0.08751062411196442, -0.02661163117770104, 0.26490974084578667],
                    [0.0, -0.04087649857112822, -0.21674433341927998]],
            "db2": [[0.07203506568368044], [-0.17081215842978395]],
            "dW3": [[0.03193004931672315, 0.23450576810948856]],
            "db3": [[-0.0634266831602802]],
        }, call)


def check_gradient_check_n(gradient_check_n):
    with exercise("gradient_check_n") as ex:
        right = {"dW1": np.array([[-0.12151638093387254, 0.006994801601363501],
                                  [0.16191210411811952, -0.0360562459959559],
                                  [0.0857184745560601, -0.04724876968717421]]),
                 "db1": np.array([[-0.1689809514002613], [0.024428802786478104],
                                  [-0.09497660303088165]]),
                 "dW2": np.array([[-0.10079025520023674, -0.0011045854339747693,
                                   0.20470521778364642],
                                  [0.04600773723602868, 0.0009037517187066288,
                                   -0.1674860872775289]]),
                 "db2": np.array([[0.0036389140144618415], [-0.0822316781078433]]),
                 "dW3": np.array([[-0.007643068079419377, 0.17253910117818397]]),
                 "db3": np.array([[0.0033081036495107713]])}
        call = "gradient_check_n(parameters, gradients, X, Y)  # the right gradients"
        difference = ex.call(gradient_check_n, _copy(NETWORK), _copy(right), X4, Y4, label=call)
        expect_small_difference(ex, difference, call)
        wrong = _copy(right)
        wrong["dW2"], wrong["db1"] = 2 * right["dW2"], 4 * right["db1"]
        call = "gradient_check_n(parameters, gradients, X, Y)  # dW2 doubled, db1 times 4"
        difference = ex.call(gradient_check_n, _copy(NETWORK), wrong, X4, Y4, label=call)
        ex.expect_scalar(difference, 0.44355959807175704, call, rtol=1e-6)


def check_random_mini_batches(random_mini_batches):
    with exercise("random_mini_batches") as ex:
        m = 148
        X = np.vstack([np.arange(m, dtype=float), np.linspace(-1, 1, m), np.cos(np.arange(m))])
        Y = (np.arange(m).reshape(1, m) % 3 == 0).astype(int)
        call = "random_mini_batches(X, Y, mini_batch_size=64, seed=0)  # X (3, 148), Y (1, 148)"
        first = ex.call(random_mini_batches, X, Y, kwargs={"mini_batch_size": 64, "seed": 0},
                        label=call)
        expect_mini_batches(ex, first, X, Y, 64, call)
        again = ex.call(random_mini_batches, X, Y, kwargs={"mini_batch_size": 64, "seed": 0},
                        label=call)
        ex.expect_true(same_mini_batches(first, again), call,
                       "two calls with the same seed gave different mini-batches: shuffle "
                       "with the seed given, np.random.seed(seed)")


def check_update_parameters_with_momentum(update_parameters_with_momentum):
    with exercise("update_parameters_with_momentum") as ex:
        call = (f"update_parameters_with_momentum({SMALL_CALL.split('  #')[0]}, grads, v, "
                "beta=0.9, learning_rate=0.1)")
        result = ex.call(update_parameters_with_momentum, _copy(SMALL), _copy(GRADS), _copy(V),
                         0.9, 0.1, label=call, pure=False)
        ex.expect_true(_is_pair(result), call, "expected two results, `return parameters, v`")
        ex.expect_dict(result[1], {
            "dW1": [[0.11, -0.01, -0.175], [0.015, 0.13, 0.01]],
            "db1": [[0.011], [-0.001]], "dW2": [[-0.23, 0.115]], "db2": [[0.12]],
        }, f"v of {call}")
        ex.expect_dict(result[0], {
            "W1": [[0.489, -0.299, 0.2175], [0.0985, 0.787, -0.401]],
            "b1": [[0.0989], [-0.1999]], "W2": [[0.723, -0.6115]], "b2": [[0.038]],
        }, f"parameters of {call}")


def check_update_parameters_with_rmsprop(update_parameters_with_rmsprop):
    with exercise("update_parameters_with_rmsprop") as ex:
        call = (f"update_parameters_with_rmsprop({SMALL_CALL.split('  #')[0]}, grads, s, "
                "beta2=0.99, learning_rate=0.01)")
        result = ex.call(update_parameters_with_rmsprop, _copy(SMALL), _copy(GRADS), _copy(S),
                         0.99, 0.01, label=call, pure=False)
        ex.expect_true(_is_pair(result), call, "expected two results, `return parameters, s`")
        ex.expect_dict(result[1], {
            "dW1": [[0.0103, 0.0199, 2.5e-05], [0.0405, 0.0115, 0.0298]],
            "db1": [[0.000994], [0.001981]], "dW2": [[0.2005, 0.050125]], "db2": [[0.09]],
        }, f"s of {call}")
        ex.expect_dict(result[0], {
            "W1": [[0.4802934163784615, -0.29291118845242914, 0.10000019999960007],
                   [0.1149071191092579, 0.762699811148648, -0.4057928441280645]],
            "b1": [[0.0936563872151163], [-0.19775323492334487]],
            "W2": [[0.7111663903627122, -0.6111663901133357]],
            "b2": [[0.04000000033333333]],
        }, f"parameters of {call}")


def check_initialize_adam(initialize_adam):
    with exercise("initialize_adam") as ex:
        call = f"initialize_adam({SMALL_CALL})"
        result = ex.call(initialize_adam, _copy(SMALL), label=call)
        ex.expect_true(_is_pair(result), call, "expected two results, `return v, s`")
        zeros = {"dW1": np.zeros((2, 3)), "db1": np.zeros((2, 1)), "dW2": np.zeros((1, 2)),
                 "db2": np.zeros((1, 1))}
        for name, average in zip("vs", result, strict=True):
            ex.expect_dict(average, zeros, f"{name} of {call}")
            ex.expect_true(len(average) == 4, f"{name} of {call}",
                           f"expected the keys {sorted(zeros)}, got {sorted(average)}")


def check_update_parameters_with_adam(update_parameters_with_adam):
    with exercise("update_parameters_with_adam") as ex:
        call = (f"update_parameters_with_adam({SMALL_CALL.split('  #')[0]}, grads, v, s, t=2, "
                "learning_rate=0.02)")
        result = ex.call(update_parameters_with_adam, _copy(SMALL), _copy(GRADS), _copy(V),
                         _copy(S), 2, kwargs={"learning_rate": 0.02}, label=call, pure=False)
        ex.expect_true(_is_pair(result, 5), call, "expected five results, "
                       "`return parameters, v, s, v_corrected, s_corrected`")
        parameters, v, s, v_corrected, s_corrected = result
        ex.expect_dict(v, {
            "dW1": [[0.11, -0.01, -0.175], [0.015, 0.13, 0.01]],
            "db1": [[0.011], [-0.001]], "dW2": [[-0.23, 0.115]], "db2": [[0.12]],
        }, f"v of {call}")
        ex.expect_dict(s, {
            "dW1": [[0.01003, 0.01999, 2.5e-06], [0.04005, 0.01015, 0.02998]],
            "db1": [[0.0009994], [0.0019981]], "dW2": [[0.20005, 0.0500125]], "db2": [[0.09]],
        }, f"s of {call}")
        ex.expect_dict(v_corrected, {
            "dW1": [[0.5789473684210529, -0.052631578947368425, -0.9210526315789477],
                    [0.07894736842105272, 0.6842105263157897, 0.052631578947368425]],
            "db1": [[0.057894736842105284], [-0.005263157894736843]],
            "dW2": [[-1.2105263157894741, 0.6052631578947371]],
            "db2": [[0.6315789473684212]],
        }, f"v_corrected of {call}")
        ex.expect_dict(s_corrected, {
            "dW1": [[5.017508754377257, 10.000000000000135, 0.0012506253126563463],
                    [20.03501750875465, 5.077538769384762, 14.99749874937489]],
            "db1": [[0.49994997498750054], [0.9995497748874572]],
            "dW2": [[100.07503751876074, 25.018759379690184]],
            "db2": [[45.02251125562842]],
        }, f"s_corrected of {call}")
        ex.expect_dict(parameters, {
            "W1": [[0.4948307800891084, -0.29966712866840334, 0.7208956292021922],
                   [0.09964724531562077, 0.7939271420730698, -0.4002718109674851]],
            "b1": [[0.0983624076598901], [-0.1998947131390954]],
            "W2": [[0.7024201447911308, -0.6024201447887115]],
            "b2": [[0.048117466200186]],
        }, f"parameters of {call}")


def check_schedule_lr_decay(schedule_lr_decay):
    with exercise("schedule_lr_decay") as ex:
        for args, expected in [((0.5, 0, 1), 0.5), ((0.5, 999, 1), 0.5), ((0.5, 1000, 1), 0.25),
                               ((0.5, 2500, 0.3), 0.3125)]:
            call = f"schedule_lr_decay{args}"
            ex.expect_scalar(ex.call(schedule_lr_decay, *args, label=call), expected, call)
        call = "schedule_lr_decay(0.1, 30, 2, time_interval=10)"
        ex.expect_scalar(ex.call(schedule_lr_decay, 0.1, 30, 2, kwargs={"time_interval": 10},
                                 label=call), 0.014285714285714287, call)

