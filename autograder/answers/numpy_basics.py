"""Answers written in advance for 01_numpy_basics (see `autograder.answers`)."""

from autograder.answers import Answer

MISTAKES = [
    Answer("basic_sigmoid", "sign flipped", """
import math
def basic_sigmoid(x):
    return 1 / (1 + math.exp(x))
""", visible="basic_sigmoid(3): expected 0.9525741268, got 0.04742587318",
        hidden="expected"),
    Answer("basic_sigmoid", "operator precedence", """
import math
def basic_sigmoid(x):
    return 1 / 1 + math.exp(-x)
""", visible="basic_sigmoid(3): expected 0.9525741268, got 1.049787068", hidden="expected"),
    Answer("basic_sigmoid", "returns a list", """
import math
def basic_sigmoid(x):
    return [1 / (1 + math.exp(-x))]
""", visible="expected a number, got a list", hidden="expected a number, got a list"),
    Answer("sigmoid", "math.exp on arrays", """
import math
def sigmoid(x):
    return 1 / (1 + math.exp(-x))
""", visible="sigmoid(np.array([1, 2, 3])): raised TypeError", hidden="raised TypeError"),
    Answer("sigmoid", "sign flipped", """
def sigmoid(x):
    return 1 / (1 + np.exp(x))
""", visible="at index (0,) expected 0.7310585786, got 0.2689414214", hidden="wrong values"),
    Answer("sigmoid", "integer division", """
def sigmoid(x):
    return 1 // (1 + np.exp(-x))
""", visible="wrong values in 3 of 3 entries", hidden="wrong values"),
    Answer("sigmoid", "returns a column", """
def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s.reshape(-1, 1)
""", visible="expected shape (3,), got (3, 1)", hidden="got (20, 1)"),
    Answer("sigmoid_derivative", "forgot the sigmoid", """
def sigmoid_derivative(x):
    return x * (1 - x)
""", visible="expected floating-point values, got dtype int64", hidden="wrong values"),
    Answer("sigmoid_derivative", "returns the sigmoid", """
def sigmoid_derivative(x):
    return 1 / (1 + np.exp(-x))
""", visible="wrong values in 3 of 3 entries", hidden="wrong values"),
    Answer("sigmoid_derivative", "plus instead of minus", """
def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 + s)
""", visible="wrong values", hidden="wrong values"),
    Answer("image2vector", "flat vector", """
def image2vector(image):
    return image.reshape(-1)
""", visible="expected shape (18, 1), got (18,)", hidden="expected shape (60, 1), got (60,)"),
    Answer("image2vector", "row vector", """
def image2vector(image):
    return image.reshape(1, -1)
""", visible="expected shape (18, 1), got (1, 18)", hidden="got (1, 60)"),
    Answer("image2vector", "transposed before flattening", """
def image2vector(image):
    return image.T.reshape(-1, 1)
""", visible="wrong values in 16 of 18 entries", hidden="wrong values"),
    Answer("image2vector", "depth hard-coded to 2", """
def image2vector(image):
    return image.reshape(image.shape[0] * image.shape[1] * 2, 1)
""", visible=None, hidden="a random (4, 5, 3) image): raised ValueError"),
    Answer("normalize_rows", "missing keepdims", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=1)
""", visible="raised ValueError: operands could not be broadcast together",
        hidden="raised ValueError"),
    Answer("normalize_rows", "columns instead of rows", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=0, keepdims=True)
""", visible="wrong values", hidden="wrong values"),
    Answer("normalize_rows", "squared norm", """
def normalize_rows(x):
    return x / np.sum(x ** 2, axis=1, keepdims=True)
""", visible="wrong values", hidden="wrong values"),
    Answer("normalize_rows", "divides in place", """
def normalize_rows(x):
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x
""", visible="raised UFuncTypeError", hidden="changed its argument number 1 in place"),
    Answer("softmax", "sum over the wrong axis", """
def softmax(x):
    exps = np.exp(x)
    return exps / np.sum(exps, axis=0, keepdims=True)
""", visible="wrong values in 10 of 10 entries", hidden="wrong values"),
    Answer("softmax", "sum over the whole matrix", """
def softmax(x):
    exps = np.exp(x)
    return exps / np.sum(exps)
""", visible="wrong values", hidden="wrong values"),
    Answer("softmax", "missing keepdims", """
def softmax(x):
    exps = np.exp(x)
    return exps / np.sum(exps, axis=1)
""", visible="raised ValueError: operands could not be broadcast together",
        hidden="raised ValueError"),
    Answer("stable_softmax", "not stabilised", """
def stable_softmax(x):
    exps = np.exp(x)
    return exps / np.sum(exps, axis=1, keepdims=True)
""", visible="overflow encountered in exp", hidden="wrong values"),
    Answer("stable_softmax", "global maximum", """
def stable_softmax(x):
    exps = np.exp(x - np.max(x))
    return exps / np.sum(exps, axis=1, keepdims=True)
""", visible="wrong values", hidden="wrong values"),
    Answer("stable_softmax", "minimum instead of maximum", """
def stable_softmax(x):
    exps = np.exp(x - np.min(x, axis=1, keepdims=True))
    return exps / np.sum(exps, axis=1, keepdims=True)
""", visible=None, hidden="got nan"),
]

VARIANTS = [
    Answer("basic_sigmoid", "exp of the negative as a power", """
import math
def basic_sigmoid(x):
    return 1.0 / (1.0 + math.e ** (-x))
"""),
    Answer("basic_sigmoid", "returns a 0-d array", """
def basic_sigmoid(x):
    return np.array(1 / (1 + np.exp(-x)))
"""),
    Answer("sigmoid", "tanh identity", """
def sigmoid(x):
    return 0.5 * (1 + np.tanh(x / 2))
"""),
    Answer("sigmoid", "a stray computation that makes NumPy warn", """
def sigmoid(x):
    np.log(np.zeros(1))  # RuntimeWarning: divide by zero encountered in log
    return 1 / (1 + np.exp(-x))
"""),
    Answer("sigmoid_derivative", "loop over elements", """
def sigmoid_derivative(x):
    flat = np.atleast_1d(np.asarray(x, dtype=float))
    out = np.empty_like(flat)
    for i, value in np.ndenumerate(flat):
        s = 1 / (1 + np.exp(-value))
        out[i] = s * (1 - s)
    return out.reshape(np.shape(x))
"""),
    Answer("image2vector", "explicit sizes", """
def image2vector(image):
    length, height, depth = image.shape
    return image.reshape(length * height * depth, 1)
"""),
    Answer("normalize_rows", "square root of a sum", """
def normalize_rows(x):
    return x / np.sqrt(np.sum(x * x, axis=1))[:, np.newaxis]
"""),
    Answer("softmax", "loop over rows", """
def softmax(x):
    out = np.zeros(x.shape)
    for i in range(x.shape[0]):
        out[i] = np.exp(x[i]) / np.sum(np.exp(x[i]))
    return out
"""),
    Answer("stable_softmax", "log-sum-exp", """
def stable_softmax(x):
    m = x.max(axis=1, keepdims=True)
    return np.exp(x - m - np.log(np.exp(x - m).sum(axis=1, keepdims=True)))
"""),
]

ERRORS = [
    Answer("basic_sigmoid", "typo in a name", """
import math
def basic_sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return S
""", visible="raised NameError: name 'S' is not defined", hidden="raised NameError"),
    Answer("sigmoid", "no such NumPy function", """
def sigmoid(x):
    return 1 / (1 + np.exponential(-x))
""", visible="raised AttributeError", hidden="raised AttributeError"),
    Answer("sigmoid_derivative", "calls an undefined helper", """
def sigmoid_derivative(x):
    s = sigma(x)
    return s * (1 - s)
""", visible="raised NameError", hidden="raised NameError"),
    Answer("image2vector", "shape taken as a call", """
def image2vector(image):
    return image.reshape(image.shape(0) * image.shape(1) * image.shape(2), 1)
""", visible="raised TypeError", hidden="raised TypeError"),
    Answer("normalize_rows", "index out of range", """
def normalize_rows(x):
    return x / np.linalg.norm(x, axis=2, keepdims=True)
""", visible="raised AxisError", hidden="raised AxisError"),
    Answer("softmax", "a string where a number goes", """
def softmax(x):
    return np.exp(x) / "sum"
""", visible="raised", hidden="raised"),
    Answer("stable_softmax", "recursion without end", """
def stable_softmax(x):
    return stable_softmax(x - 1)
""", visible="raised RecursionError", hidden="raised RecursionError"),
]

TYPICAL = ["math.exp on arrays", "depth hard-coded to 2", "missing keepdims",
           "sum over the wrong axis"]
