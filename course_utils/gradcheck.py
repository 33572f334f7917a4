"""Gradient checking: compare analytic gradients with centred finite differences in float64.

    errors = gradcheck(cost, params, grads)

`cost(params) -> float` recomputes the cost from a dict of arrays; `grads`
holds the analytic gradient of each parameter under the same name. Every
entry of every parameter is nudged by +-eps in turn (centred differences,
error O(eps^2)); the relative error per parameter is

    ||analytic - numerical|| / (||analytic|| + ||numerical||)

and a `CheckFailure` names the first parameter whose error exceeds `threshold`.
"""

from collections.abc import Callable

import numpy as np

from course_utils.checks.core import CheckFailure, fmt


def numerical_gradient(cost: Callable[[dict], float], params: dict, name: str,
                       eps: float = 1e-6) -> np.ndarray:
    """d cost / d params[name] by centred differences; `params[name]` is nudged in place."""
    x = params[name]
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        kept = x[index]
        x[index] = kept + eps
        plus = float(cost(params))
        x[index] = kept - eps
        minus = float(cost(params))
        x[index] = kept
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def relative_error(analytic: np.ndarray, numerical: np.ndarray) -> float:
    """||a - n|| / (||a|| + ||n||), and 0 when both are exactly zero."""
    denominator = np.linalg.norm(analytic) + np.linalg.norm(numerical)
    return 0.0 if denominator == 0 else float(np.linalg.norm(analytic - numerical) / denominator)


def gradcheck(cost: Callable[[dict], float], params: dict, grads: dict, *,
              eps: float = 1e-6, threshold: float = 1e-7) -> dict[str, float]:
    """Relative error of every analytic gradient; raise `CheckFailure` on the first wrong one.

    params -- {name: array}; copied to float64 before anything is nudged
    grads  -- {name: analytic gradient, same shape as params[name]}
    """
    params = {name: np.array(value, dtype=np.float64) for name, value in params.items()}
    errors = {}
    for name in params:
        if name not in grads:
            raise CheckFailure(f"gradient check: no gradient for {name}")
        analytic = np.asarray(grads[name], dtype=np.float64)
        if analytic.shape != params[name].shape:
            raise CheckFailure(f"gradient check: the gradient of {name} has shape "
                               f"{analytic.shape}, but {name} has shape {params[name].shape}")
        numerical = numerical_gradient(cost, params, name, eps)
        errors[name] = relative_error(analytic, numerical)
        if not errors[name] < threshold:  # also catches nan
            worst = np.unravel_index(np.nanargmax(np.abs(analytic - numerical)), analytic.shape)
            raise CheckFailure(
                f"gradient check: the gradient of {name} is wrong: relative error "
                f"{errors[name]:.2e} (must be below {threshold:.0e}); largest difference at "
                f"index {tuple(int(i) for i in worst)}: analytic {fmt(analytic[worst])}, "
                f"numerical {fmt(numerical[worst])}")
    return errors
