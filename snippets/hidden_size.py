"""What the hidden size H buys on the sine task: two units are enough to hold the exact rule.

The next value is 2 cos(1) x_T - x_{T-1}: it needs the last two inputs, so a state of two
numbers can carry it. ``shift_register`` writes that state down as Elman weights: unit 0
holds x_t, unit 1 what unit 0 held one step earlier.

>>> import numpy as np
>>> params = shift_register()
>>> {name: p.shape for name, p in params.items()}
{'U': (2, 1), 'W': (2, 2), 'V': (1, 2), 'b': (2, 1), 'c': (1, 1)}
>>> X = np.sin(np.arange(60.0)).reshape(60, 1, 1)            # (T, D, B)
>>> bool(abs(linear_forward(params, X)[0, 0] - np.sin(60.0)) < 1e-12)
True
>>> linear_forward(params, X[:, :, 0])
Traceback (most recent call last):
...
ValueError: X must have shape (T, 1, B), got (60, 1)
"""

from __future__ import annotations

import numpy as np

from snippets.elman import dims
from snippets.shapes import check_shape


# --8<-- [start:shift_register]
def shift_register(scale: float = 1.0) -> dict[str, np.ndarray]:
    """H = 2 weights whose output is 2 cos(1) x_T - x_{T-1}: exact for a linear RNN.

    With tanh, a small scale keeps both units where tanh(z) is close to z."""
    return {
        "U": np.array([[scale], [0.0]]),           # unit 0 reads x_t
        "W": np.array([[0.0, 0.0], [1.0, 0.0]]),   # unit 1 copies unit 0's last value
        "V": np.array([[2 * np.cos(1.0), -1.0]]) / scale,
        "b": np.zeros((2, 1)),
        "c": np.zeros((1, 1)),
    }
# --8<-- [end:shift_register]


def linear_forward(params: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    """snippets.elman.forward without the tanh: X (T, D, B) -> y (O, B)."""
    H, D, O = dims(params)
    if np.ndim(X) != 3:
        raise ValueError(f"X must have shape (T, {D}, B), got {np.shape(X)}")
    T, _, B = X.shape
    check_shape("X", X, (T, D, B))
    h = np.zeros((H, B))
    for t in range(T):
        h = params["U"] @ X[t] + params["W"] @ h + params["b"]
    return params["V"] @ h + params["c"]
