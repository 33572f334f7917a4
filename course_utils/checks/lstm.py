"""Visible checks for 06_lstm. Expected values are literals (computed once with the reference
and pasted at the end of this file) or properties, never solutions.

Inputs are small and deterministic (`_fixed`: sines of a counter), so the literals stay short:
n_x = 2 input features, n_a = 3 hidden units, n_y = 2 outputs, m = 2 examples, T_x = 3 steps.
"""

import numpy as np

from course_utils.checks.core import describe, exercise
from course_utils.checks.standins import stand_ins

TOPIC = "lstm"

N_X, N_A, N_Y, M, T_X = 2, 3, 2, 2, 3
GATES = ("f", "i", "c", "o")
LSTM_GRADIENTS = ("dWf", "dWi", "dWc", "dWo", "dbf", "dbi", "dbc", "dbo")


def _fixed(shape, k, scale=1.0):
    """Deterministic values in [-scale, scale]: scale * sin(k * (1, 2, 3, ...)), reshaped."""
    return scale * np.sin(k * np.arange(1, int(np.prod(shape)) + 1)).reshape(shape)


def rnn_inputs():
    """xt (2, 2), a_prev (3, 2), parameters of a basic RNN; x (2, 2, 3) for the sequence."""
    parameters = {"Wax": _fixed((N_A, N_X), 1.1), "Waa": _fixed((N_A, N_A), 1.7, 0.5),
                  "Wya": _fixed((N_Y, N_A), 2.3), "ba": _fixed((N_A, 1), 2.9, 0.2),
                  "by": _fixed((N_Y, 1), 3.7, 0.2)}
    return _fixed((N_X, M), 0.7), _fixed((N_A, M), 1.3), _fixed((N_X, M, T_X), 0.9), parameters


def lstm_inputs():
    """xt (2, 2), a_prev (3, 2), c_prev (3, 2), LSTM parameters; x (2, 2, 3) for the sequence."""
    parameters = {}
    for k, gate in enumerate(GATES):
        parameters["W" + gate] = _fixed((N_A, N_A + N_X), 1.1 + 0.4 * k)
        parameters["b" + gate] = _fixed((N_A, 1), 2.1 + 0.3 * k, 0.5)
    parameters["Wy"] = _fixed((N_Y, N_A), 2.7)
    parameters["by"] = _fixed((N_Y, 1), 3.1, 0.2)
    return (_fixed((N_X, M), 0.7), _fixed((N_A, M), 1.3), _fixed((N_A, M), 1.9),
            _fixed((N_X, M, T_X), 0.9), parameters)


def _expect_cache(ex, cache, expected, call):
    """A cache tuple: its length and each entry (arrays, or a parameters dict)."""
    ex.expect_true(isinstance(cache, tuple | list) and len(cache) == len(expected), call,
                   f"expected a tuple of {len(expected)} values, got {describe(cache)}"
                   + (f" of length {len(cache)}" if isinstance(cache, tuple | list) else ""))
    for position, (value, wanted) in enumerate(zip(cache, expected, strict=True)):
        label = f"{call}[{position}]"
        if isinstance(wanted, dict):
            ex.expect_true(isinstance(value, dict) and set(value) == set(wanted), label,
                           "expected the parameters dict")
        else:
            ex.expect_array(value, wanted, label)


def check_rnn_cell_forward(rnn_cell_forward):
    with exercise("rnn_cell_forward") as ex:
        xt, a_prev, _, parameters = rnn_inputs()
        call = "rnn_cell_forward(xt, a_prev, parameters)  # n_x=2, n_a=3, n_y=2, m=2"
        result = ex.call(rnn_cell_forward, xt, a_prev, parameters, label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                       "expected 3 values: a_next, yt_pred, cache")
        a_next, yt_pred, cache = result
        ex.expect_array(a_next, RNN_A_NEXT, f"{call}: a_next")
        ex.expect_array(yt_pred, RNN_YT_PRED, f"{call}: yt_pred")
        _expect_cache(ex, cache, (np.array(RNN_A_NEXT), a_prev, xt, parameters),
                      f"{call}: cache")


def check_rnn_forward(rnn_forward):
    with exercise("rnn_forward") as ex:
        bound = stand_ins(TOPIC, "rnn_forward", rnn_forward)
        _, a_prev, x, parameters = rnn_inputs()
        call = "rnn_forward(x, a0, parameters)  # x.shape == (2, 2, 3), n_a=3"
        result = ex.call(rnn_forward, x, a_prev, parameters, helpers=bound, label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 3, call,
                       "expected 3 values: a, y_pred, caches")
        a, y_pred, caches = result
        ex.expect_array(a, RNN_A, f"{call}: a")
        ex.expect_array(y_pred, RNN_Y_PRED, f"{call}: y_pred")
        ex.expect_true(isinstance(caches, tuple) and len(caches) == 2
                       and len(caches[0]) == T_X, f"{call}: caches",
                       "expected (list of 3 caches, x)")
        ex.expect_array(caches[1], x, f"{call}: caches[1]")


def check_lstm_cell_forward(lstm_cell_forward):
    with exercise("lstm_cell_forward") as ex:
        xt, a_prev, c_prev, _, parameters = lstm_inputs()
        call = "lstm_cell_forward(xt, a_prev, c_prev, parameters)  # n_x=2, n_a=3, m=2"
        result = ex.call(lstm_cell_forward, xt, a_prev, c_prev, parameters, label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 4, call,
                       "expected 4 values: a_next, c_next, yt_pred, cache")
        a_next, c_next, yt_pred, cache = result
        ex.expect_array(a_next, CELL_A_NEXT, f"{call}: a_next")
        ex.expect_array(c_next, CELL_C_NEXT, f"{call}: c_next")
        ex.expect_array(yt_pred, CELL_YT_PRED, f"{call}: yt_pred")
        _expect_cache(ex, cache, _cell_cache(xt, a_prev, c_prev, parameters),
                      f"{call}: cache (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, "
                      "parameters)")


def _cell_cache(xt, a_prev, c_prev, parameters):
    return (np.array(CELL_A_NEXT), np.array(CELL_C_NEXT), a_prev, c_prev, np.array(CELL_FT),
            np.array(CELL_IT), np.array(CELL_CCT), np.array(CELL_OT), xt, parameters)


def check_lstm_forward(lstm_forward):
    with exercise("lstm_forward") as ex:
        bound = stand_ins(TOPIC, "lstm_forward", lstm_forward)
        _, a0, _, x, parameters = lstm_inputs()
        call = "lstm_forward(x, a0, parameters)  # x.shape == (2, 2, 3), n_a=3"
        result = ex.call(lstm_forward, x, a0, parameters, helpers=bound, label=call)
        ex.expect_true(isinstance(result, tuple) and len(result) == 4, call,
                       "expected 4 values: a, y, c, caches")
        a, y, c, caches = result
        ex.expect_array(a, SEQ_A, f"{call}: a")
        ex.expect_array(y, SEQ_Y, f"{call}: y")
        ex.expect_array(c, SEQ_C, f"{call}: c")
        ex.expect_true(isinstance(caches, tuple) and len(caches) == 2
                       and len(caches[0]) == T_X, f"{call}: caches",
                       "expected (list of 3 caches, x)")
        ex.expect_array(caches[1], x, f"{call}: caches[1]")
        ex.expect_array(caches[0][1][3], np.array(SEQ_C)[:, :, 0],
                        f"{call}: caches[0][1][3], the c_prev of step 1")


def check_lstm_cell_backward(lstm_cell_backward):
    with exercise("lstm_cell_backward") as ex:
        xt, a_prev, c_prev, _, parameters = lstm_inputs()
        cache = _cell_cache(xt, a_prev, c_prev, parameters)
        da_next, dc_next = _fixed((N_A, M), 0.3), _fixed((N_A, M), 0.5)
        call = "lstm_cell_backward(da_next, dc_next, cache)"
        gradients = ex.call(lstm_cell_backward, da_next, dc_next, cache,
                            label=f"{call}  # the cache of lstm_cell_forward")
        ex.expect_dict(gradients, {key: np.array(value) for key, value in CELL_GRADS.items()},
                       call)


def _sequence_caches(x, a0, parameters):
    """The caches of lstm_forward on the check's inputs, from the literal values."""
    a, c = np.array(SEQ_A), np.array(SEQ_C)
    caches = []
    for t in range(T_X):
        a_prev = a0 if t == 0 else a[:, :, t - 1]
        c_prev = np.zeros((N_A, M)) if t == 0 else c[:, :, t - 1]
        caches.append((a[:, :, t], c[:, :, t], a_prev, c_prev,
                       *(np.array(SEQ_GATES[gate])[:, :, t] for gate in ("ft", "it", "cct", "ot")),
                       x[:, :, t], parameters))
    return caches, x


def check_lstm_backward(lstm_backward):
    with exercise("lstm_backward") as ex:
        bound = stand_ins(TOPIC, "lstm_backward", lstm_backward)
        _, a0, _, x, parameters = lstm_inputs()
        da = _fixed((N_A, M, T_X), 0.4)
        call = "lstm_backward(da, caches)"
        gradients = ex.call(lstm_backward, da, _sequence_caches(x, a0, parameters),
                            helpers=bound, label=f"{call}  # the caches of lstm_forward, T_x=3")
        ex.expect_dict(gradients, {key: np.array(value) for key, value in SEQ_GRADS.items()},
                       call)


CLIP_INPUT = {"dWf": np.array([[12.0, -0.5, 3.0], [-7.25, 5.0, -5.0]]),
              "dbf": np.array([[-20.0], [4.5]]),
              "dWy": np.array([[0.1, 6.0, -6.0]]),
              "dby": np.array([[-1e6]])}


def check_clip(clip):
    with exercise("clip") as ex:
        call = "clip(gradients, 5)"
        result = ex.call(clip, CLIP_INPUT, 5, label=f"{call}  # keys dWf, dbf, dWy, dby",
                         pure=False)
        ex.expect_dict(result, {"dWf": [[5.0, -0.5, 3.0], [-5.0, 5.0, -5.0]],
                                "dbf": [[-5.0], [4.5]], "dWy": [[0.1, 5.0, -5.0]],
                                "dby": [[-5.0]]}, call)
        call = "clip(gradients, 10)"
        result = ex.call(clip, CLIP_INPUT, 10, label=call, pure=False)
        ex.expect_dict(result, {"dWf": [[10.0, -0.5, 3.0], [-7.25, 5.0, -5.0]],
                                "dbf": [[-10.0], [4.5]], "dWy": [[0.1, 6.0, -6.0]],
                                "dby": [[-10.0]]}, call)


# --- sample: property checks on tiny hand-built models --------------------------------------
# Every model saturates its gates (biases of +-50), so what it does is known exactly.


class TooManyDraws(RuntimeError):
    """Raised by `LimitedGenerator` when a sampling loop does not stop."""


class LimitedGenerator:
    """A np.random.Generator that refuses to draw more than `limit` times (no endless loop)."""

    def __init__(self, seed, limit=1000):
        self._rng = np.random.default_rng(seed)
        self._left = limit

    def __getattr__(self, name):
        if name.startswith("_"):  # copying looks for special methods before __init__ ran
            raise AttributeError(name)
        attribute = getattr(self._rng, name)
        if not callable(attribute):
            return attribute

        def draw(*args, **kwargs):
            self._left -= 1
            if self._left < 0:
                raise TooManyDraws("more than 1000 random draws: the loop must stop after "
                                   "max_length characters")
            return attribute(*args, **kwargs)

        return draw


def tiny_model(n_a, vocab_size):
    """LSTM parameters that keep every memory unit (f = i = o = 1), all else zero."""
    p = {}
    for gate in GATES:
        p["W" + gate] = np.zeros((n_a, n_a + vocab_size))
        p["b" + gate] = np.full((n_a, 1), 50.0)
    p["bc"] = np.zeros((n_a, 1))
    p["Wy"] = np.zeros((vocab_size, n_a))
    p["by"] = np.zeros((vocab_size, 1))
    return p


def chain_model(order, newline):
    """A model that, deterministically, first draws order[0], then after order[k] draws
    order[k + 1], and after the last one the end token: it reads back what it drew.

    The forget gate is off, so the memory holds tanh(50 * one-hot of the last input).
    """
    vocab_size = len(order) + 1
    p = tiny_model(vocab_size, vocab_size)
    p["bf"][:] = -50.0
    p["Wc"][:, vocab_size:] = 50.0 * np.eye(vocab_size)
    successor = list(order[1:]) + [newline]
    for current, following in zip(order, successor, strict=True):
        p["Wy"][following, current] = 200.0
    p["by"][order[0]] = 50.0
    return p


def counting_model(vocab_size, letter, newline, steps):
    """A model that draws `letter` `steps - 1` times and then the end token: its memory
    counts the steps (it adds 0.5 at each), so it must carry c from step to step."""
    p = tiny_model(1, vocab_size)
    p["bc"][0] = np.arctanh(0.5)
    threshold = (np.tanh(0.5 * (steps - 1)) + np.tanh(0.5 * steps)) / 2
    p["Wy"][newline, 0] = 3000.0
    p["by"][newline] = -3000.0 * threshold
    p["by"][letter] = 0.0
    for other in range(vocab_size):
        if other not in (letter, newline):
            p["by"][other] = -100.0
    return p


def endless_model(vocab_size, newline):
    """A model that draws uniformly among the symbols other than the end token."""
    p = tiny_model(2, vocab_size)
    p["by"][newline] = -100.0
    return p


def random_model(vocab_size, n_a, seed):
    """A random LSTM with weights of scale 1: varied, unpredictable sequences."""
    rng = np.random.default_rng(seed)
    p = {}
    for gate in GATES:
        p["W" + gate] = rng.normal(size=(n_a, n_a + vocab_size))
        p["b" + gate] = rng.normal(size=(n_a, 1))
    p["Wy"] = rng.normal(size=(vocab_size, n_a))
    p["by"] = rng.normal(size=(vocab_size, 1)) - 2 * (np.arange(vocab_size) == 0)[:, None]
    return p


def expect_sequence(ex, indices, call, vocab_size, newline, max_length):
    """The properties every result of `sample` has."""
    ex.expect_true(isinstance(indices, list), call,
                   f"expected a list of indices, got {describe(indices)}")
    ex.expect_true(all(isinstance(i, int | np.integer) and not isinstance(i, bool)
                       for i in indices), call,
                   f"expected integer indices, got {indices[:5]}")
    ex.expect_true(all(0 <= i < vocab_size for i in indices), call,
                   f"every index must be in range({vocab_size}), got {indices}")
    ex.expect_true(len(indices) > 0 and indices[-1] == newline, call,
                   f"the list must end with the end token {newline}, got {indices}")
    ex.expect_true(newline not in indices[:-1], call,
                   f"the end token {newline} must only come last (stop when it is drawn), "
                   f"got {indices}")
    ex.expect_true(len(indices) <= max_length + 1, call,
                   f"at most max_length={max_length} characters and the end token, "
                   f"got {len(indices)} indices")


def check_sample(sample):
    with exercise("sample") as ex:
        char_to_ix = {"\n": 0, "a": 1, "b": 2, "c": 3}
        call = "sample(model that spells 'abc', char_to_ix, rng)"
        indices = ex.call(sample, chain_model([1, 2, 3], 0), char_to_ix, LimitedGenerator(0),
                          label=call, pure=False)
        expect_sequence(ex, indices, call, 4, 0, 50)
        ex.expect_true(list(indices) == [1, 2, 3, 0], call,
                       f"expected [1, 2, 3, 0] ('abc' then the end token): each drawn "
                       f"character must be the next input; got {indices}")
        call = "sample(model that never draws '\\n', char_to_ix, rng)"
        indices = ex.call(sample, endless_model(4, 0), char_to_ix, LimitedGenerator(1),
                          label=call, pure=False)
        expect_sequence(ex, indices, call, 4, 0, 50)
        ex.expect_true(len(indices) == 51, call,
                       f"expected 50 characters and the end token appended, got "
                       f"{len(indices)} indices")
        call = "sample(model that never draws '\\n', char_to_ix, rng, max_length=7)"
        indices = ex.call(sample, endless_model(4, 0), char_to_ix, LimitedGenerator(1),
                          kwargs={"max_length": 7}, label=call, pure=False)
        expect_sequence(ex, indices, call, 4, 0, 7)
        ex.expect_true(len(indices) == 8, call, f"expected 7 characters and the end token, "
                                                f"got {len(indices)} indices")
        call = "sample(random model, char_to_ix, np.random.default_rng(seed)) twice per seed"
        model = random_model(4, 5, 0)
        first = [ex.call(sample, model, char_to_ix, LimitedGenerator(s), label=call, pure=False)
                 for s in range(5)]
        again = [ex.call(sample, model, char_to_ix, LimitedGenerator(s), label=call, pure=False)
                 for s in range(5)]
        for indices in first:
            expect_sequence(ex, indices, call, 4, 0, 50)
        ex.expect_true(first == again, call,
                       "the same seed gave different sequences: draw only from `rng`, "
                       "never from np.random")


# --- expected values, computed once with the reference and pasted (do not edit) ---
RNN_A_NEXT = [[0.9453306586981027, 0.8016367199393433], [-0.8102601871859315, -0.8150627718140647],
              [-0.5395961011241498, -0.6635205579983402]]
RNN_YT_PRED = [[0.622792828217215, 0.6158868197134412], [0.377207171782785, 0.38411318028655883]]
RNN_A = [[[0.841301114941166, 0.9824162904068342, 0.9702221777343295],
          [-0.10667514363051982, -0.8496996238579833, -0.9677206823080609]],
         [[-0.33130929308932644, -0.5816335402551063, -0.680238024967482],
          [-0.7573924590086047, 0.08780089229908888, 0.5682680074395292]],
         [[-0.7466847256413782, -0.6950699758386953, -0.5066057332897971],
          [0.22834490828109508, 0.4075292722329868, 0.6371627869275975]]]
RNN_Y_PRED = [[[0.6144462573033684, 0.6342663174651328, 0.6194016785231856],
               [0.4169439862206357, 0.29127933216314394, 0.25132334733563033]],
              [[0.3855537426966316, 0.3657336825348672, 0.3805983214768144],
               [0.5830560137793643, 0.708720667836856, 0.7486766526643697]]]
CELL_A_NEXT = [[0.5969571059798446, 0.22531262617005215],
               [-0.48634699127010156, -0.3255889042789125],
               [0.29168722677796177, 0.11416013329415615]]
CELL_C_NEXT = [[1.1565715616628949, 0.2674063354048969],
               [-0.8651945977457511, -0.4923929885652032],
               [0.5820930452285566, 0.32096233813364095]]
CELL_YT_PRED = [[0.8862596827125732, 0.7350128708485073],
                [0.11374031728742692, 0.26498712915149275]]
CELL_FT = [[0.37244924165851306, 0.23960137807568632], [0.13618379953449006, 0.20587232799121588],
           [0.26135575745933887, 0.5742336844025326]]
CELL_IT = [[0.8349630626810216, 0.44769981793728436], [0.8127169748993444, 0.7242562362622165],
           [0.6168523908543379, 0.8764585821660065]]
CELL_CCT = [[0.9630639336790991, 0.9247453598903437], [-0.9722943812068887, -0.9549946968001034],
            [0.9754914338702192, 0.9685246535034042]]
CELL_OT = [[0.7280680114196457, 0.8625734706022788], [0.6958506485686825, 0.7138328417778251],
           [0.5564585172527714, 0.36781140994375844]]
CELL_GRADS = {'dxt': [[-0.06480374825839949, -0.2739820030479304],
                      [-0.09682822351921276, 0.0888883661122534]],
              'da_prev': [[-0.12630857980820195, 0.09747734735222513],
                          [0.08430783979883544, 0.3434493263424735],
                          [0.033821528051119425, -0.09505912607437855]],
              'dc_prev': [[0.20482473390698563, 0.31035212199926426],
                          [0.17381209392738678, 0.29567477718440477],
                          [0.2616227737043904, 0.26690741571090293]],
              'dWf': [[0.042767956532161214, 0.04390806406800822, -0.11801660909632015,
                       -0.06393249227220034, 0.05662685716912829],
                      [0.03749066151331746, -0.14391847661131713, 0.20915358650714166,
                       0.1706996192069725, 0.004762177546558653],
                      [-0.06784923525888187, 0.10228506039345892, -0.10744460051875512,
                       -0.11230831780250153, -0.04753320553252023]],
              'dWi': [[0.22300196980458845, -0.3118528571947167, 0.3114444422676618,
                       0.33888305989511586, 0.16221459989232614],
                      [-0.32320194517821643, 0.3718976384120749, -0.3141478623413403,
                       -0.3916100670099196, -0.2548026720299773],
                      [0.24750613624113016, -0.20179222817917095, 0.09832084544685359,
                       0.1967134488976453, 0.21554772801872923]],
              'dWc': [[0.0753809118654591, -0.09710528096587555, 0.0910359344393218,
                       0.10422255641620916, 0.05687748686355023],
                      [0.10179381610698365, -0.11983701845681183, 0.10358017059883434,
                       0.1267032985639828, 0.07958535866714876],
                      [0.041818862648972284, -0.042861379168477494, 0.031636004877728593,
                       0.04413394622187912, 0.03426238171973061]],
              'dWo': [[0.055236904009146014, -0.048439654297002886, 0.02777788595921711,
                       0.048133769732127185, 0.04726692747259919],
                      [-0.15641533562568805, 0.1564122685362389, -0.11164049196956544,
                       -0.1602235747111862, -0.12911187801824764],
                      [0.16057957107361384, -0.15084922242979654, 0.09794243323547287,
                       0.15239778580303748, 0.13494236120120792]],
              'dbf': [[-0.022757712719599255], [0.14459008352092267], [-0.11899533067624994]],
              'dbi': [[0.36915838781832633], [-0.4627963952096966], [0.2795331892932418]],
              'dbc': [[0.11729018380511128], [0.1482008546720578], [0.05513779955194703]],
              'dbo': [[0.06545585855037443], [-0.20271211800080435], [0.19933459603098014]]}
SEQ_A = [[[0.49905110659180796, 0.4533454864131804, 0.40746459719944517],
          [0.1041276410049892, -0.1102238238638692, -0.224774997175248]],
         [[-0.5222119594514392, -0.4512495797910622, -0.2829021719524696],
          [-0.07494032708094034, -0.020535279715390466, 0.0019787112872520583]],
         [[0.35174546046238536, 0.4452955962009394, 0.3415583056328227],
          [0.06318225049774376, 0.025090121986089946, -0.01803689690572849]]]
SEQ_Y = [[[0.8867911395712825, 0.8825766532647529, 0.8230887234495835],
          [0.5940791196562328, 0.4845715690139527, 0.42049185682393386]],
         [[0.11320886042871754, 0.11742334673524706, 0.17691127655041652],
          [0.4059208803437673, 0.5154284309860473, 0.5795081431760661]]]
SEQ_C = [[[0.6703090322570414, 0.8316127381151346, 0.8508720497496973],
          [0.12924265726939016, -0.18309677339589026, -0.34879425303149736]],
         [[-0.7246422578576548, -0.8453670443654917, -0.7077738424994103],
          [-0.20425231106301647, -0.057742957190107524, 0.004299475371626352]],
         [[0.722658548480695, 0.9976403656375168, 0.8958455494554762],
          [0.3763671715037963, 0.07106811655228507, -0.04642167767928655]]]
SEQ_GATES = {'ft': [[[0.48577027242387233, 0.2519931504389446, 0.33393529780032344],
                     [0.537324098619865, 0.8464309080306777, 0.8507208743855328]],
                    [[0.2564285371117009, 0.13825799444526587, 0.1617284480982806],
                     [0.3156641433188489, 0.614043580640772, 0.7023994858789714]],
                    [[0.4026788840259672, 0.38988027955824256, 0.35800970841510293],
                     [0.4529896549683392, 0.5022306179314627, 0.6305426698632165]]],
             'it': [[[0.6874941165873365, 0.7089620951498412, 0.7467420539357682],
                     [0.564974636310812, 0.5531061063006619, 0.37663957270427934]],
                    [[0.7367559396662929, 0.7819578695250231, 0.6944501365555658],
                     [0.46706026274687273, 0.18147291275352365, 0.14210293597292095]],
                    [[0.7320283899178608, 0.7455290559676058, 0.6382416133954333],
                     [0.6741504979583499, 0.45569147082988387, 0.5835232843627616]]],
             'cct': [[[0.9750032997873489, 0.9347459586946452, 0.767557149582979],
                      [0.22875833526496459, -0.5288167131275943, -0.5125059071329567]],
                     [[-0.9835580805576879, -0.9529662506708194, -0.8223109367839496],
                      [-0.43731468368079246, 0.3729309362058818, 0.31567327239204584]],
                     [[0.9872001665970671, 0.9602443298491856, 0.8440073504212325],
                      [0.5582836067667621, -0.25884838341689664, -0.15634878689021994]]],
             'ot': [[[0.8528118523616239, 0.6653723661397392, 0.5892263190297503],
                     [0.8101564118318447, 0.6087098528173064, 0.6703582288628904]],
                    [[0.8425809662232319, 0.6552751724939728, 0.4643228898567283],
                     [0.37198886515523544, 0.3560277978506696, 0.4602244015111334]],
                    [[0.5686582248334803, 0.5854519901356875, 0.4781928375982748],
                     [0.1757266842079868, 0.35363746348570835, 0.3888237626034967]]]}
SEQ_GRADS = {'dx': [[[-0.17907985414130864, -0.0760005438329397, 0.09985861479822158],
                     [1.522336252865701, 0.6081671152137776, 0.319196931154998]],
                    [[0.0908010528204528, -0.10802372016017339, -0.18608734800539006],
                     [-0.054786672476016, -0.2551949703090133, -0.06589153286936933]]],
             'da0': [[0.18790930793443805, 1.569298067462755],
                     [-0.06275726537502874, -1.042249547264206],
                     [0.007245546107054801, -0.9209442167424207]],
             'dWf': [[0.0577231982350571, -0.05733095641974337, 0.046218016416402184,
                      0.0736537547360404, 0.10198799369703786],
                     [0.014945908843244673, -0.014862397573630802, 0.012609172210210318,
                      -0.021869743320106806, 0.0012646602874129631],
                     [-0.02001869040808436, 0.020946371529694082, -0.01578476131501838,
                      -0.07108884137416532, -0.058701638609031236]],
             'dWi': [[0.22891675951204932, -0.23798973235465418, 0.18068743126410164,
                      0.31727540366291807, 0.27169971245548635],
                     [0.05554861335985202, -0.08951647250879541, 0.10039068401103608,
                      0.03604512908406336, 0.10927043537975284],
                     [-0.08411340059202349, 0.058818058781372376, -0.01620309042203407,
                      -0.07416298112126005, -0.011594307756458056]],
             'dWc': [[0.666278048854742, -1.0622084649453216, 1.1653482958692054,
                      -0.8610101512948962, 0.2726194585082681],
                     [-0.17967997987430595, 0.2971878830163996, -0.33020895774838277,
                      0.27082060035497446, -0.052248243035274367],
                     [0.01382132460920275, -0.06036242708265727, 0.07286482337469313,
                      -0.32256157406089386, -0.22629752430497968]],
             'dWo': [[0.2247747290713274, -0.2181287259492053, 0.16531450279526755,
                      0.3482385458831293, 0.36875358241275197],
                     [0.07065602330042897, -0.09144595010485868, 0.09317502805696125,
                      0.030142485875938603, 0.11501770356835161],
                     [-0.2099448420198458, 0.17902241419769221, -0.09649092652487214,
                      -0.23924474122757705, -0.14189020095990437]],
             'dbf': [[0.12248954003131586], [0.06565920401303402], [-0.011106553601308624]],
             'dbi': [[0.1867002895437604], [0.06484623401948864], [-0.13321117478660732]],
             'dbc': [[1.7434312014902584], [-0.5142388361479535], [0.35396676519249115]],
             'dbo': [[0.3110535629485825], [0.16527182645688882], [-0.3085022406982676]]}
