"""Small helpers used by the FAQ pages (docs/*/faq/).

Exact next value of a sine sampled at integer radians, from the last two:

>>> import numpy as np
>>> from snippets.faq import next_sine, scalar_bptt
>>> n = np.arange(10.0)
>>> float(np.max(np.abs(next_sine(np.sin(n[1:-1]), np.sin(n[:-2])) - np.sin(n[2:])))) < 1e-12
True

Backpropagation through time for a one-unit RNN, checked against central differences:

>>> xs = np.sin(np.arange(8.0))
>>> loss, grads = scalar_bptt(0.5, 0.8, 1.2, xs, 0.3)
>>> eps = 1e-6
>>> numeric = (scalar_bptt(0.5 + eps, 0.8, 1.2, xs, 0.3)[0]
...            - scalar_bptt(0.5 - eps, 0.8, 1.2, xs, 0.3)[0]) / (2 * eps)
>>> abs(grads["w"] - numeric) < 1e-8
True
>>> sorted(grads)
['u', 'v', 'w']
>>> scalar_bptt(0.5, 0.8, 1.2, xs, 0.3, truncate=0)
Traceback (most recent call last):
...
ValueError: truncate must be a positive number of steps, got 0

Which matrix is the input one? The one that multiplies x_t, whatever its letter or
shape. Here D = H = 3, so both matrices are square, and the step is written with
rows, as in Keras (names as Chollet and Cho et al. use them: W input, U recurrent):

>>> rows = lambda p, x, h: np.tanh(x @ p["W"] + h @ p["U"])
>>> p = {"W": np.eye(3), "U": 2 * np.eye(3)}
>>> x, h = np.ones((1, 3)), np.ones((1, 3))
>>> role(rows, p, "W", x, h), role(rows, p, "U", x, h)
('input', 'recurrent')
>>> role(rows, p, "U", x, np.zeros((1, 3)))
Traceback (most recent call last):
...
ValueError: U multiplies neither x nor h in this step (or x or h is all zeros)
"""

from __future__ import annotations

import numpy as np

from snippets.shapes import check_shape



# --8<-- [start:next_sine]
def next_sine(last: np.ndarray, before_last: np.ndarray) -> np.ndarray:
    """sin(n+1) from sin(n) and sin(n-1): sin(n+1) = 2 cos(1) sin(n) - sin(n-1)."""
    check_shape("before_last", before_last, np.shape(last))
    return 2 * np.cos(1.0) * last - before_last
# --8<-- [end:next_sine]



# --8<-- [start:scalar_bptt]
def scalar_bptt(
    w: float, u: float, v: float, xs: np.ndarray, y: float, truncate: int | None = None
) -> tuple[float, dict[str, float]]:
    """One-unit RNN h_t = tanh(w h_{t-1} + u x_t), output v h_T, loss 0.5 (v h_T - y)^2.

    Returns the loss and dL/dw, dL/du, dL/dv. With ``truncate=k`` the backward
    pass stops after k steps (truncated BPTT).
    """
    if truncate is not None and truncate < 1:
        raise ValueError(f"truncate must be a positive number of steps, got {truncate}")
    xs = [float(x) for x in xs]
    hs = [0.0]                                   # h_0 = 0
    for x in xs:                                 # forward: the same w, u at every step
        hs.append(float(np.tanh(w * hs[-1] + u * x)))
    error = v * hs[-1] - y
    grads = {"w": 0.0, "u": 0.0, "v": error * hs[-1]}
    dh = error * v                               # dL/dh_T
    T = len(xs)
    for t in range(T, 0, -1)[:truncate]:         # backward: t = T, T-1, ...
        da = dh * (1 - hs[t] ** 2)               # through tanh
        grads["w"] += da * hs[t - 1]             # every step adds to the SAME gradient
        grads["u"] += da * xs[t - 1]
        dh = da * w                              # on to h_{t-1}
    return 0.5 * error**2, grads
# --8<-- [end:scalar_bptt]


# --8<-- [start:role]
def role(step, params: dict, name: str, x: np.ndarray, h: np.ndarray) -> str:
    """'input' if params[name] multiplies x in step(params, x, h), 'recurrent' if it multiplies h.

    Nudge the matrix and see whether the step changes: with h = 0 only the input
    matrix matters, with x = 0 only the recurrent one. Shapes and letters play no part.
    """
    def matters(x, h) -> bool:
        nudged = dict(params, **{name: params[name] + 1.0})
        return not np.allclose(step(params, x, h), step(nudged, x, h))

    on_x, on_h = matters(x, np.zeros_like(h)), matters(np.zeros_like(x), h)
    if on_x == on_h:
        raise ValueError(f"{name} multiplies neither x nor h in this step (or x or h is all zeros)")
    return "input" if on_x else "recurrent"
# --8<-- [end:role]
