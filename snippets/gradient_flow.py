"""How the gradient flows back through time: per step, through W, and when it is cut.

Column vectors, batch in the last axis, as in snippets.elman: X (T, D, B), states (T, H, B).
The loss is snippets.bptt's; these functions take it apart to show where it comes from.

Backpropagation through time for a one-unit RNN, checked against central differences:

>>> import numpy as np
>>> from snippets.gradient_flow import bptt_terms, scalar_bptt, state_jacobian_norms
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

Per-step terms of BPTT, one (H, H) matrix per step for W:

>>> from snippets.elman import init_params
>>> rng = np.random.default_rng(0)
>>> params = init_params(H=5, D=2, O=1, rng=rng)
>>> X, Y = rng.normal(size=(7, 2, 3)), rng.normal(size=(1, 3))
>>> {k: v.shape for k, v in bptt_terms(params, X, Y).items()}
{'U': (7, 5, 2), 'W': (7, 5, 5), 'b': (7, 5, 1)}

Norms of the Jacobians dh_T/dh_{T-k}, for k = 1..T:

>>> state_jacobian_norms(params, X[:, :, :1]).shape
(7,)
>>> state_jacobian_norms(params, X)
Traceback (most recent call last):
...
ValueError: x must have shape (7, 2, 1), got (7, 2, 3)
"""

from __future__ import annotations

import numpy as np

from snippets.bptt import check_batch
from snippets.elman import dims, forward
from snippets.shapes import check_shape


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


# --8<-- [start:bptt_terms]
def bptt_terms(params: dict, X: np.ndarray, Y: np.ndarray) -> dict[str, np.ndarray]:
    """The contribution of each time step to dL/dU, dL/dW, dL/db (same loss as snippets.bptt)."""
    T, H, _, _, B = check_batch(params, X, Y)                    # D and O are not needed
    W, V = params["W"], params["V"]
    S, y = forward(params, X)                                   # S (T, H, B)
    H_prev = np.concatenate([np.zeros((1, H, B)), S[:-1]])      # h_0 .. h_{T-1}
    deltas = np.empty((T, H, B))                                # dL/da_t
    dh = V.T @ (y - Y) / B                                      # dL/dh_T (H, B)
    for t in range(T - 1, -1, -1):
        deltas[t] = dh * (1.0 - S[t] ** 2)
        dh = W.T @ deltas[t]
    return {
        "U": deltas @ X.transpose(0, 2, 1),          # (T, H, B) @ (T, B, D) -> (T, H, D)
        "W": deltas @ H_prev.transpose(0, 2, 1),     # (T, H, B) @ (T, B, H) -> (T, H, H)
        "b": deltas.sum(axis=2, keepdims=True),      # (T, H, 1)
    }
# --8<-- [end:bptt_terms]


# --8<-- [start:jacobian_norms]
def state_jacobian_norms(params: dict, x: np.ndarray) -> np.ndarray:
    """For one sequence x (T, D, 1): the spectral norm of dh_T/dh_{T-k}, k = 1..T."""
    H, D, _ = dims(params)
    T = len(x)
    check_shape("x", x, (T, D, 1))
    S, _ = forward(params, x)                                   # (T, H, 1)
    J = np.eye(H)                                               # dh_T/dh_T
    norms = np.empty(T)
    for k in range(1, T + 1):                                   # one step further back
        t = T - k                                               # index of h_{t+1} in S
        J = J @ (np.diag(1.0 - S[t, :, 0] ** 2) @ params["W"])  # dh_{t+1}/dh_t
        norms[k - 1] = np.linalg.norm(J, 2)
    return norms
# --8<-- [end:jacobian_norms]
