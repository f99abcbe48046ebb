"""Helpers for the second round of FAQ pages (docs/*/faq/), in this site's convention.

Column vectors, batch in the last axis, as in snippets.elman: X (T, D, B), states (T, H, B).

One-hot vectors, and why U times a one-hot vector is a lookup:

>>> import numpy as np
>>> from snippets.faq_more import one_hot, bidirectional_forward, bptt_terms, state_jacobian_norms
>>> one_hot(np.array([[0, 2], [1, 0]]), V=3).shape      # (T, B) indices -> (T, B, V)
(2, 2, 3)
>>> one_hot(np.array([0, 3]), V=3)
Traceback (most recent call last):
...
ValueError: indices must lie in [0, 3), got 0..3

A bidirectional layer concatenates the states of two independent RNNs:

>>> from snippets.elman import init_params
>>> rng = np.random.default_rng(0)
>>> fwd, bwd = (init_params(H=4, D=2, O=1, rng=rng) for _ in range(2))
>>> bidirectional_forward(fwd, bwd, rng.normal(size=(6, 2, 3))).shape
(6, 8, 3)

Per-step terms of BPTT, one (H, H) matrix per step for W:

>>> params = init_params(H=5, D=2, O=1, rng=rng)
>>> X, Y = rng.normal(size=(7, 2, 3)), rng.normal(size=(1, 3))
>>> {k: v.shape for k, v in bptt_terms(params, X, Y).items()}
{'U': (7, 5, 2), 'W': (7, 5, 5), 'b': (7, 5, 1)}

Mean cross-entropy of logits (N, V) against N integer targets; uniform logits give log V:

>>> from snippets.faq_more import cross_entropy
>>> round(cross_entropy(np.zeros((6, 4)), np.array([0, 1, 2, 3, 0, 1])), 6) == round(float(np.log(4)), 6)
True
>>> cross_entropy(np.zeros((6, 4)), np.zeros(5, dtype=int))
Traceback (most recent call last):
...
ValueError: targets must have shape (6,), got (5,)

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


# --8<-- [start:one_hot]
def one_hot(indices: np.ndarray, V: int) -> np.ndarray:
    """Integer indices of any shape -> one-hot vectors with a new last axis of length V."""
    indices = np.asarray(indices)
    if indices.size and (indices.min() < 0 or indices.max() >= V):
        raise ValueError(f"indices must lie in [0, {V}), got {indices.min()}..{indices.max()}")
    return (indices[..., None] == np.arange(V)).astype(np.float64)
# --8<-- [end:one_hot]


# --8<-- [start:bidirectional]
def bidirectional_forward(fwd: dict, bwd: dict, X: np.ndarray) -> np.ndarray:
    """Two RNNs, one reading X (T, D, B) forwards, one backwards -> states (T, 2H, B)."""
    if dims(fwd) != dims(bwd):
        raise ValueError(f"both directions need the same (H, D, O), got {dims(fwd)} and {dims(bwd)}")
    S_fwd, _ = forward(fwd, X)                      # (T, H, B), reads x_1 .. x_T
    S_bwd, _ = forward(bwd, X[::-1])                # (T, H, B), reads x_T .. x_1
    return np.concatenate([S_fwd, S_bwd[::-1]], axis=1)   # row t: both states at step t
# --8<-- [end:bidirectional]


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


# --8<-- [start:cross_entropy]
def cross_entropy(logits: np.ndarray, targets: np.ndarray) -> float:
    """Mean of -log softmax(logits)[target] over N rows: logits (N, V), targets (N,)."""
    if np.ndim(logits) != 2:
        raise ValueError(f"logits must have shape (N, V), got {np.shape(logits)}")
    check_shape("targets", targets, (len(logits),))
    shifted = logits - logits.max(axis=1, keepdims=True)         # for a stable softmax
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(targets)), targets].mean())
# --8<-- [end:cross_entropy]
