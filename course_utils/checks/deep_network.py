"""Visible checks for 07_deep_network. Expected values are literals, never solutions."""

import numpy as np

from course_utils.checks.core import exercise

# A 3-layer network (layer_dims [3, 3, 2, 1]) and three examples, used by several checks.
X3 = np.array([[1.0, -0.5, 2.0], [0.5, 1.5, -1.0], [-1.2, 0.3, 0.8]])
Y3 = np.array([[1, 0, 1]])
PARAMETERS = {"W1": np.array([[0.4, -0.3, 0.2], [-0.5, 0.1, 0.6], [0.3, 0.7, -0.2]]),
              "b1": np.array([[0.1], [-0.2], [0.05]]),
              "W2": np.array([[0.5, -0.6, 0.8], [-0.7, 0.4, 0.3]]),
              "b2": np.array([[0.02], [-0.1]]),
              "W3": np.array([[1.2, -0.9]]),
              "b3": np.array([[0.15]])}
PARAMETERS_CALL = "parameters  # W1 (3, 3), b1 (3, 1), W2 (2, 3), b2 (2, 1), W3 (1, 2), b3 (1, 1)"
# What the forward pass of that network computes: Z of each layer and the output AL.
Z = [np.array([[0.11, -0.49, 1.36], [-1.37, 0.38, -0.82], [0.94, 0.89, -0.21]]),
     np.array([[0.827, 0.504, 0.7], [0.105, 0.319, -1.052]]),
     np.array([[1.0479, 0.4677, 0.99]])]
A = [X3,
     np.array([[0.11, 0.0, 1.36], [0.0, 0.38, 0.0], [0.94, 0.89, 0.0]]),
     np.array([[0.827, 0.504, 0.7], [0.105, 0.319, 0.0]])]
AL = np.array([[0.7403714376886451, 0.6148392329700129, 0.7290879223493065]])
GRADS = {
    "dA0": [[-0.18148036505563703, 0.45928490702859964, -0.06501889863616643],
            [-0.02959765610349444, 0.2305647123637548, 0.048764173977124826],
            [-0.02803988472962632, -0.4832636371144301, -0.032509449318083215]],
    "dA1": [[-0.31934313164296646, 0.7562522565531158, -0.16254724659041608],
            [0.28039884729626324, -0.6640263716076139, 0.1950566959084993],
            [-0.17914370799483484, 0.4242390707493089, -0.2600755945446657]],
    "dA2": [[-0.3115542747736258, 0.7378070795640154, -0.32509449318083217],
            [0.23366570608021936, -0.5533553096730116, 0.24382086988562413]],
    "dW1": [[-0.21481254160793287, 0.0009585602563109511, 0.08439132023307562],
            [0.11067106193460231, -0.33201318580380695, -0.06640263716076139],
            [-0.13042108112316309, 0.18226225070884863, 0.11408139027286483]],
    "db1": [[-0.16063012607779417], [-0.22134212386920463], [0.08169845425149135]],
    "dW2": [[-0.15879982698367687, 0.09345556341144194, 0.12126242750825512],
            [0.00856774255627471, -0.07009167255858147, -0.09094682063119136]],
    "db2": [[0.0337194372031858], [-0.10656320119759742]],
    "dW3": [[-0.03149076732336315, 0.05629090542491394]],
    "db3": [[0.02809953100265485]],
}

# One layer: A_prev (3, 2), W (2, 3), b (2, 1), and its linear output Z (2, 2).
A_PREV = np.array([[1.5, -0.5], [0.2, 2.0], [-1.0, 0.3]])
W = np.array([[0.6, -1.1, 0.4], [0.2, 0.5, -0.8]])
B = np.array([[0.1], [-0.3]])
Z_LAYER = np.array([[0.38, -2.28], [0.9, 0.36]])
LAYER_CALL = "A_prev (3, 2), W (2, 3), b (2, 1)"


def _keys(value):
    """The sorted keys of a dict, else the value itself: what a failure shows."""
    return sorted(value) if isinstance(value, dict) else repr(value)


def _copy(arrays):
    return {name: np.array(value, copy=True) for name, value in arrays.items()}


def _caches():
    """The caches of the 3-layer network, in the format L_model_forward returns."""
    return [((A[l].copy(), PARAMETERS[f"W{l + 1}"].copy(), PARAMETERS[f"b{l + 1}"].copy()),
             Z[l].copy()) for l in range(3)]


def _expect_cache(ex, cache, expected, call):
    """A linear cache (A_prev, W, b): a tuple of three arrays."""
    ex.expect_true(isinstance(cache, tuple | list) and len(cache) == 3, call,
                   "expected the cache `(A, W, b)`, a tuple of three arrays")
    for name, value, wanted in zip(("A", "W", "b"), cache, expected, strict=True):
        ex.expect_array(value, wanted, f"{call}, item {name} of the cache")


def _sizes(layer_dims):
    return {name: (layer_dims[int(name[1:])], layer_dims[int(name[1:]) - 1] if name[0] == "W"
                   else 1) for name in [f"{kind}{l}" for l in range(1, len(layer_dims))
                                        for kind in "Wb"]}


def check_initialize_parameters_deep(initialize_parameters_deep):
    with exercise("initialize_parameters_deep") as ex:
        for layer_dims in ([5, 4, 3], [800, 60, 30, 1]):
            call = f"np.random.seed(1); initialize_parameters_deep({layer_dims})"
            np.random.seed(1)
            parameters = ex.call(initialize_parameters_deep, list(layer_dims), label=call)
            shapes = _sizes(layer_dims)
            ex.expect_true(isinstance(parameters, dict) and sorted(parameters) == sorted(shapes),
                           call, f"expected a dict with keys {sorted(shapes)}, got "
                           f"{_keys(parameters)}")
            for name, shape in shapes.items():
                value = parameters[name]
                ex.expect_true(isinstance(value, np.ndarray) and value.shape == shape,
                               f"{call}[{name!r}]", f"expected an array of shape {shape}, got "
                               f"{getattr(value, 'shape', type(value).__name__)}")
                if name[0] == "b":
                    ex.expect_array(value, np.zeros(shape), f"{call}[{name!r}]")
            if layer_dims[0] < 100:
                continue
            for l, expected_std in [(1, 0.05), (2, 0.18257418583505536)]:
                weights = parameters[f"W{l}"]
                std = float(np.std(weights))
                ex.expect_true(abs(std / expected_std - 1) < 0.1, f"{call}['W{l}']",
                               f"expected He initialisation, standard deviation "
                               f"sqrt(2 / {layer_dims[l - 1]}) = {expected_std:.4f}, got "
                               f"{std:.4f}")
                ex.expect_true(abs(float(np.mean(weights))) < 0.1 * expected_std,
                               f"{call}['W{l}']", f"expected weights of mean 0, got mean "
                               f"{float(np.mean(weights)):.4f}")


def check_linear_forward(linear_forward):
    with exercise("linear_forward") as ex:
        call = f"linear_forward(A_prev, W, b)  # {LAYER_CALL}"
        result = ex.call(linear_forward, A_PREV, W, B, label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                       "expected two results, `return Z, cache`")
        ex.expect_array(result[0], Z_LAYER, f"Z of {call}")
        _expect_cache(ex, result[1], (A_PREV, W, B), call)


def check_linear_activation_forward(linear_activation_forward):
    with exercise("linear_activation_forward") as ex:
        for activation, expected in [
                ("sigmoid", [[0.5938731029341426, 0.09279295311715702],
                             [0.710949502625004, 0.5890404340586651]]),
                ("relu", [[0.38, 0.0], [0.9, 0.36]])]:
            call = f'linear_activation_forward(A_prev, W, b, "{activation}")  # {LAYER_CALL}'
            result = ex.call(linear_activation_forward, A_PREV, W, B, activation, label=call)
            ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                           "expected two results, `return A, cache`")
            ex.expect_array(result[0], np.array(expected), f"A of {call}")
            cache = result[1]
            ex.expect_true(isinstance(cache, tuple | list) and len(cache) == 2, call,
                           "expected the cache `(linear_cache, activation_cache)`")
            _expect_cache(ex, cache[0], (A_PREV, W, B), f"linear_cache of {call}")
            ex.expect_array(cache[1], Z_LAYER, f"activation_cache (Z) of {call}")


def check_L_model_forward(L_model_forward):
    with exercise("L_model_forward") as ex:
        call = f"L_model_forward(X, {PARAMETERS_CALL})"
        result = ex.call(L_model_forward, X3, _copy(PARAMETERS), label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                       "expected two results, `return AL, caches`")
        AL_, caches = result
        ex.expect_array(AL_, AL, f"AL of {call}")
        ex.expect_true(isinstance(caches, list | tuple) and len(caches) == 3, call,
                       f"expected a list of 3 caches, one per layer, got "
                       f"{len(caches) if isinstance(caches, list | tuple) else caches!r}")
        for l, cache in enumerate(caches):
            where = f"caches[{l}] (layer {l + 1}) of {call}"
            ex.expect_true(isinstance(cache, tuple | list) and len(cache) == 2, where,
                           "expected `(linear_cache, activation_cache)`")
            _expect_cache(ex, cache[0], (A[l], PARAMETERS[f"W{l + 1}"],
                                         PARAMETERS[f"b{l + 1}"]), where)
            ex.expect_array(cache[1], Z[l], f"activation_cache (Z) of {where}")


def check_compute_cost(compute_cost):
    with exercise("compute_cost") as ex:
        call = "compute_cost(np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]))"
        cost = ex.call(compute_cost, np.array([[0.8, 0.9, 0.4]]), np.array([[1, 1, 0]]),
                       label=call)
        ex.expect_scalar(cost, 0.2797765635793422, call)
        call = "compute_cost(AL, Y)  # AL from the L_model_forward check, Y = [[1, 0, 1]]"
        ex.expect_scalar(ex.call(compute_cost, AL, Y3, label=call), 0.5235528928344281, call)


def check_linear_backward(linear_backward):
    with exercise("linear_backward") as ex:
        dZ = np.array([[0.3, -0.7], [1.1, 0.4]])
        call = f"linear_backward(dZ, (A_prev, W, b))  # dZ (2, 2), {LAYER_CALL}"
        result = ex.call(linear_backward, dZ, (A_PREV, W, B), label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                       "expected three results, `return dA_prev, dW, db`")
        for name, value, expected in zip(("dA_prev", "dW", "db"), result, (
                [[0.4, -0.34], [0.22, 0.97], [-0.76, -0.6]],
                [[0.4, -0.67, -0.255], [0.725, 0.51, -0.49]],
                [[-0.2], [0.75]]), strict=True):
            ex.expect_array(value, np.array(expected), f"{name} of {call}")


def check_linear_activation_backward(linear_activation_backward):
    with exercise("linear_activation_backward") as ex:
        dA = np.array([[0.5, 1.2], [-0.8, 0.6]])
        for activation, expected in [
                ("sigmoid", ([[0.0394763029888926, 0.08965995922996431],
                              [-0.21485343523693912, -0.0384992553482261],
                              [0.1797577648081518, -0.07578690246417139]],
                             [[0.0651907139138822, 0.11307829719002074, -0.04514412436196722],
                              [-0.15961095457075475, 0.1288030560742056, 0.10398658503614339]],
                             [[0.11080641271775143], [-0.009578582606112038]])),
                ("relu", ([[0.14, 0.12], [-0.95, 0.3], [0.84, -0.48]],
                          [[0.375, 0.05, -0.25], [-0.75, 0.52, 0.49]],
                          [[0.25], [-0.1]]))]:
            call = (f'linear_activation_backward(dA, cache, "{activation}")  # dA (2, 2), '
                    f"cache ((A_prev, W, b), Z), {LAYER_CALL}")
            cache = ((A_PREV, W, B), Z_LAYER)
            result = ex.call(linear_activation_backward, dA, cache, activation, label=call)
            ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                           "expected three results, `return dA_prev, dW, db`")
            for name, value, wanted in zip(("dA_prev", "dW", "db"), result, expected,
                                           strict=True):
                ex.expect_array(value, np.array(wanted), f"{name} of {call}")


def check_L_model_backward(L_model_backward):
    with exercise("L_model_backward") as ex:
        call = "L_model_backward(AL, Y, caches)  # the 3-layer network of L_model_forward's check"
        grads = ex.call(L_model_backward, AL.copy(), Y3.copy(), _caches(), label=call)
        ex.expect_dict(grads, {name: np.array(value) for name, value in GRADS.items()}, call)


def check_update_parameters(update_parameters):
    with exercise("update_parameters") as ex:
        call = "update_parameters(parameters, grads, 0.1)  # the 3-layer network, its grads"
        grads = {name: np.array(value) for name, value in GRADS.items()}
        updated = ex.call(update_parameters, _copy(PARAMETERS), grads, 0.1, label=call)
        ex.expect_dict(updated, {
            "W1": [[0.4214812541607933, -0.3000958560256311, 0.19156086797669244],
                   [-0.5110671061934602, 0.1332013185803807, 0.6066402637160762],
                   [0.3130421081123163, 0.6817737749291151, -0.2114081390272865]],
            "b1": [[0.11606301260777943], [-0.17786578761307956], [0.04183015457485087]],
            "W2": [[0.5158799826983677, -0.6093455563411442, 0.7878737572491745],
                   [-0.7008567742556274, 0.4070091672558582, 0.30909468206311913]],
            "b2": [[0.01662805627968142], [-0.08934367988024026]],
            "W3": [[1.2031490767323363, -0.9056290905424914]],
            "b3": [[0.1471900468997345]],
        }, call)
        ex.expect_true(isinstance(updated, dict) and len(updated) == 6, call,
                       f"expected the 6 parameters W1, b1, ..., b3, got keys {sorted(updated)}")


def _fixed_start(layers_dims):
    """Stands in for initialize_parameters_deep([2, 3, 1]) in the L_layer_model check."""
    return {"W1": np.array([[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]]), "b1": np.zeros((3, 1)),
            "W2": np.array([[0.7, -0.5, 0.9]]), "b2": np.zeros((1, 1))}


def check_L_layer_model(L_layer_model):
    with exercise("L_layer_model") as ex:
        X = np.array([[1.0, -1.0, 0.5, -0.5, 2.0, -2.0], [1.0, 1.0, -1.0, -1.0, 0.0, 0.5]])
        Y = np.array([[1, 0, 1, 0, 1, 0]])
        call = ("L_layer_model(X, Y, [2, 3, 1], learning_rate=0.1, num_iterations=300)  "
                "# initialize_parameters_deep gives W1 = [[0.5, -0.4], [0.3, 0.8], [-0.6, 0.2]], "
                "W2 = [[0.7, -0.5, 0.9]]")
        result = ex.call(L_layer_model, X, Y, [2, 3, 1], label=call,
                         kwargs={"learning_rate": 0.1, "num_iterations": 300},
                         helpers={"initialize_parameters_deep": _fixed_start})
        ex.expect_true(isinstance(result, tuple) and len(result) == 2, call,
                       "expected two results, `return parameters, costs`")
        parameters, costs = result
        ex.expect_dict(parameters, {
            "W1": [[2.067630029247621, -0.06585671203123572],
                   [-1.0138288043289991, 1.0083374878560172],
                   [-0.13408851811715589, 0.02764156386010924]],
            "b1": [[0.966170632601043], [0.31644120203328835], [-0.30541939451154954]],
            "W2": [[2.2967552450837014, -1.2872112143326246, 0.7126549573521899]],
            "b2": [[-1.4346303283393813]],
        }, f"parameters of {call}", rtol=1e-6, atol=1e-8)
        expected = [0.85953407519794, 0.12464182254638169, 0.06552882691984144]
        ex.expect_true(isinstance(costs, list | tuple | np.ndarray) and np.size(costs) == 3,
                       f"costs of {call}", "expected 3 costs, those of iterations 0, 100 and "
                       f"200, got {costs!r}")
        ex.expect_array(np.ravel(np.asarray(costs, dtype=float)), np.array(expected),
                        f"costs of {call}", rtol=1e-6, atol=1e-8)


def check_predict(predict):
    with exercise("predict") as ex:
        parameters = {"W1": np.array([[1.0, -2.0], [0.5, 0.5], [-1.0, 1.5]]),
                      "b1": np.array([[0.0], [0.1], [-0.1]]),
                      "W2": np.array([[1.5, -1.0, 2.0]]),
                      "b2": np.array([[-0.4]])}
        X = np.array([[1.0, -1.0, 0.3, 2.0, -0.4], [0.5, 1.0, -0.2, -1.0, 0.9]])
        y = np.array([[0, 1, 1, 0, 1]])
        call = "predict(X, y, parameters)  # AL = [[0.223, 0.987, 0.622, 0.993, 0.928]]"
        ex.expect_array(ex.call(predict, X, y, parameters, label=call),
                        np.array([[0, 1, 1, 1, 1]]), call)
