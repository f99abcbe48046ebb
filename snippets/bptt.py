"""Exact backpropagation through time for the standard Elman RNN (snippets.elman).

Loss, for a batch of B sequences with targets Y (O, B):

    L = 0.5 * mean over the batch of sum over outputs of (y - Y)^2

(a MEAN over the batch, so the learning rate and the clipping threshold do not
depend on B). ``bptt`` returns L and dL/dU, dL/dW, dL/dV, dL/db, dL/dc with the
parameters' own shapes. No clipping happens here: a gradient check must see the
raw gradient.

>>> import numpy as np
>>> from snippets.elman import init_params
>>> rng = np.random.default_rng(0)
>>> params = init_params(H=100, D=1, O=1, rng=rng)
>>> X = rng.normal(size=(50, 1, 8))          # T=50, D=1, B=8
>>> Y = rng.normal(size=(1, 8))              # O=1, B=8
>>> loss, grads = bptt(params, X, Y)
>>> {k: g.shape for k, g in grads.items()}
{'U': (100, 1), 'W': (100, 100), 'V': (1, 100), 'b': (100, 1), 'c': (1, 1)}
>>> bptt(params, X, Y[:, :4])
Traceback (most recent call last):
...
ValueError: Y must have shape (1, 8), got (1, 4)
"""

from __future__ import annotations

import numpy as np

from snippets.elman import dims, forward
from snippets.shapes import check_shape

Params = dict[str, np.ndarray]


def check_batch(params: Params, X: np.ndarray, Y: np.ndarray) -> tuple[int, int, int, int, int]:
    """T, H, D, O, B of a batch: X (T, D, B), Y (O, B); ValueError for any other shapes."""
    H, D, O = dims(params)
    if np.ndim(X) != 3:
        raise ValueError(f"X must have shape (T, {D}, B), got {np.shape(X)}")
    T, _, B = X.shape
    check_shape("X", X, (T, D, B))
    check_shape("Y", Y, (O, B))
    return T, H, D, O, B


# --8<-- [start:bptt]
def bptt(params: Params, X: np.ndarray, Y: np.ndarray) -> tuple[float, Params]:
    """Loss and exact gradients for a batch: X (T, D, B), Y (O, B)."""
    T, H, D, O, B = check_batch(params, X, Y)
    W, V = params["W"], params["V"]
    S, y = forward(params, X)                     # S (T, H, B) holds h_1 .. h_T
    err = y - Y                                   # (O, B)
    loss = 0.5 * float(np.sum(err**2)) / B
    dy = err / B                                  # dL/dy (O, B)
    grads = {"V": dy @ S[-1].T, "c": dy.sum(axis=1, keepdims=True)}
    deltas = np.empty((T, H, B))                  # dL/da_t, a_t = U x_t + W h_{t-1} + b
    dh = V.T @ dy                                 # dL/dh_T (H, B): the loss sees only h_T
    for t in range(T - 1, -1, -1):
        deltas[t] = dh * (1.0 - S[t] ** 2)        # back through tanh
        dh = W.T @ deltas[t]                      # back through W to h_{t-1}
    # Every step uses the same U, W, b: sum over steps AND sequences (dU, dW: one product each).
    D_all = deltas.transpose(1, 0, 2).reshape(H, T * B)                  # (H, T*B)
    H_prev = np.concatenate([np.zeros((1, H, B)), S[:-1]])               # h_0 .. h_{T-1}
    grads["U"] = D_all @ X.transpose(1, 0, 2).reshape(D, T * B).T         # (H, D)
    grads["W"] = D_all @ H_prev.transpose(1, 0, 2).reshape(H, T * B).T    # (H, H)
    grads["b"] = D_all.sum(axis=1, keepdims=True)                         # (H, 1)
    return loss, {k: grads[k] for k in "UWVbc"}
# --8<-- [end:bptt]


def bptt_fast(params: Params, X: np.ndarray, Y: np.ndarray) -> tuple[float, Params]:
    """Same contract and results as :func:`bptt` up to rounding, with fewer and cheaper NumPy calls.

    tanh(a) = 1 - 2 / (exp(2a) + 1), one exp; with A = [W | U | b] and z_t = [h_{t-1}; x_t; 1],
    a_t = A z_t is one product per step, and dA = sum_t delta_t z_t^T gives dW, dU, db at once.
    """
    T, H, D, _, B = check_batch(params, X, Y)
    A2 = 2.0 * np.concatenate([params["W"], params["U"], params["b"]], axis=1)  # 2A (H, H + D + 1)
    Z = np.empty((T + 1, H + D + 1, B))            # Z[t] = z_{t+1}; Z[T, :H] = h_T
    Z[0, :H], Z[:T, H:H + D], Z[:, H + D] = 0.0, X, 1.0
    E = np.empty((H, B))
    with np.errstate(over="ignore"):              # exp(2a) = inf gives h = 1
        for t in range(T):
            np.matmul(A2, Z[t], out=E)            # 2 a_{t+1}
            np.exp(E, out=E)
            E += 1.0
            h = Z[t + 1, :H]
            np.divide(-2.0, E, out=h)
            h += 1.0                              # h_{t+1} = tanh(a_{t+1})
    err = params["V"] @ Z[T, :H] + params["c"] - Y
    dy = err / B
    dA, dh, WT = np.zeros(A2.shape), params["V"].T @ dy, params["W"].T
    for t in range(T, 0, -1):
        h = Z[t, :H]
        delta = dh * (1.0 - h * h)                # dL/da_t
        dA += delta @ Z[t - 1].T
        if t > 1:
            dh = WT @ delta
    grads = {"U": dA[:, H:H + D], "W": dA[:, :H], "V": dy @ Z[T, :H].T, "b": dA[:, H + D:],
             "c": dy.sum(axis=1, keepdims=True)}
    return 0.5 * float(np.sum(err**2)) / B, grads
