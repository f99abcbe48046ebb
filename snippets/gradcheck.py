"""Numerical gradient check of snippets.bptt: central differences in float64.

For each checked entry p of a parameter, (L(p + eps) - L(p - eps)) / (2 eps) is
compared with the analytic gradient; the relative error of a parameter is
||numerical - analytic|| / (||numerical|| + ||analytic||) over its checked entries.

>>> import numpy as np
>>> from snippets.elman import init_params
>>> from snippets.bptt import bptt
>>> rng = np.random.default_rng(0)
>>> params = init_params(H=10, D=1, O=1, rng=rng)     # small sizes: every entry is checked
>>> X, Y = rng.normal(size=(12, 1, 4)), rng.normal(size=(1, 4))
>>> errors = gradcheck(bptt, params, X, Y)
>>> {k: bool(e <= 1e-6) for k, e in errors.items()}
{'U': True, 'W': True, 'V': True, 'b': True, 'c': True}
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Params = dict[str, np.ndarray]
GradFn = Callable[[Params, np.ndarray, np.ndarray], tuple[float, Params]]


def gradcheck(
    grad_fn: GradFn, params: Params, X: np.ndarray, Y: np.ndarray,
    eps: float = 1e-5, entries: int | None = None, seed: int = 0,
) -> dict[str, float]:
    """Relative error per parameter; ``entries`` samples that many entries of each."""
    _, grads = grad_fn(params, X, Y)
    rng = np.random.default_rng(seed)
    errors = {}
    for name, p in params.items():
        idx = np.arange(p.size) if entries is None else rng.choice(p.size, min(entries, p.size), replace=False)
        numeric, analytic = np.empty(len(idx)), grads[name].ravel()[idx]
        flat = p.reshape(-1)                          # a view: editing it edits params[name]
        for j, i in enumerate(idx):
            saved = flat[i]
            flat[i] = saved + eps
            plus, _ = grad_fn(params, X, Y)
            flat[i] = saved - eps
            minus, _ = grad_fn(params, X, Y)
            flat[i] = saved                           # restore exactly
            numeric[j] = (plus - minus) / (2 * eps)
        diff = np.linalg.norm(numeric - analytic)
        errors[name] = float(diff / max(np.linalg.norm(numeric) + np.linalg.norm(analytic), 1e-300))
    return errors
