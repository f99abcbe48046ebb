"""Weights not shared across time: one U_t, W_t, b_t per step, so T is fixed.

>>> import numpy as np
>>> from snippets.elman import init_params, forward
>>> from snippets.unshared import unshare, unshared_forward
>>> rng = np.random.default_rng(0)
>>> shared = init_params(H=100, D=1, O=1, rng=rng)
>>> X = rng.normal(size=(50, 1, 4))                                   # (T, D, B)
>>> bool(np.allclose(unshared_forward(unshare(shared, T=50), X), forward(shared, X)[1]))
True
>>> unshared_forward(unshare(shared, T=50), X[:40])
Traceback (most recent call last):
...
ValueError: X must have shape (50, 1, 4), got (40, 1, 4)
"""

from __future__ import annotations

import numpy as np

from snippets.shapes import check_shape


# --8<-- [start:unshared]
def unshare(params: dict[str, np.ndarray], T: int) -> dict[str, np.ndarray]:
    """A shared Elman RNN (snippets.elman) written with one U_t, W_t, b_t per step."""
    return {"U": np.repeat(params["U"][None], T, axis=0),   # (T, H, D)
            "W": np.repeat(params["W"][None], T, axis=0),   # (T, H, H)
            "b": np.repeat(params["b"][None], T, axis=0),   # (T, H, 1)
            "V": params["V"], "c": params["c"]}


def unshared_forward(params: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    """X (T, D, B) -> y (O, B) with h_t = tanh(U_t x_t + W_t h_{t-1} + b_t): T is fixed."""
    T, H, D = np.shape(params["U"])
    O = np.shape(params["V"])[0]
    check_shape("W", params["W"], (T, H, H))
    check_shape("b", params["b"], (T, H, 1))
    check_shape("V", params["V"], (O, H))
    check_shape("c", params["c"], (O, 1))
    B = np.shape(X)[-1] if np.ndim(X) == 3 else 1
    check_shape("X", X, (T, D, B))              # the only length it has weights for
    h = np.zeros((H, B))
    for t in range(T):
        h = np.tanh(params["U"][t] @ X[t] + params["W"][t] @ h + params["b"][t])
    return params["V"] @ h + params["c"]
# --8<-- [end:unshared]
