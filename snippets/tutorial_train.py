"""The tutorial's training, re-implemented faithfully: same mathematics, same flaws.

Nothing here is fixed. The gradient code does what the tutorial's does, including
what makes it wrong (see the audit page, B2-B5 and B8-B11), so that its published
figures can be reproduced and explained. Our own code, not the tutorial's text.

>>> import numpy as np
>>> from snippets.data import sine_windows
>>> from snippets.tutorial import init_tutorial_params
>>> X, Y, X_val, Y_val = sine_windows()
>>> params = init_tutorial_params(np.random.default_rng(0))
>>> dU, dV, dW = tutorial_record_grads(params, X[0], Y[0])
>>> dU.shape, dV.shape, dW.shape
((100, 50), (1, 100), (100, 100))
>>> bool(np.all(dU == dU[:, :1]))          # B2: every column of dU is the same column
True
>>> float(np.abs(dV).max()), float(np.abs(dW).max())   # B5: clamped at 10
(10.0, 10.0)
>>> hist = train_tutorial(X[:10], Y[:10], X_val, Y_val, epochs=1, seed=0)
>>> len(hist["loss"]), hist["params"]["U"].shape
(1, (100, 50))

Our additions to the tutorial's code: wrong shapes are errors, not broadcasts.

>>> tutorial_predict(params, X[:2, :, 0])          # the feature axis dropped
Traceback (most recent call last):
...
ValueError: X must have shape (2, 50, 1), got (2, 50)
>>> mean_squared_error(Y_val[:, 0], Y_val)         # (50,) against (50, 1)
Traceback (most recent call last):
...
ValueError: b must have shape (50,), got (50, 1)
>>> tutorial_rmse(Y_val, tutorial_predict(params, X_val)[:, 0])
Traceback (most recent call last):
...
ValueError: preds must have shape (50, 1, 1), got (50, 1)
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np

from snippets.shapes import check_shape
from snippets.tutorial import (
    init_tutorial_params,
    learning_rate,
    nepoch,
    position_input,
    sigmoid,
    tutorial_forward,
)

# --8<-- [start:settings]
bptt_truncate = 5        # the tutorial's "truncation" (B10: it changes nothing useful)
min_clip_value = -10.0   # element-wise clamp of dU, dV, dW (B5)
max_clip_value = 10.0
# --8<-- [end:settings]


# --8<-- [start:loss_pass]
def tutorial_loss(params: dict[str, np.ndarray], X: np.ndarray, Y: np.ndarray) -> float:
    """The tutorial's reported loss: 0.5 * (y - mulv)^2 SUMMED over records (B7)."""
    check_shape("Y", Y, (len(X), 1))
    loss = 0.0
    for x, y in zip(X, Y):                    # x (T, 1), y (1,)
        _, mulv = tutorial_forward(params, x)  # mulv (1, 1): output after the last step
        loss += float(((y - mulv) ** 2 / 2)[0, 0])
    return loss / float(y.shape[0])           # "average": y.shape[0] == 1, so still a sum
# --8<-- [end:loss_pass]


# --8<-- [start:record_forward]
def _record_forward(params: dict[str, np.ndarray], x: np.ndarray):
    """Training forward pass of one record: states, previous states, last `add`, output."""
    U, W = params["U"], params["W"]
    states, mulv = tutorial_forward(params, x)                 # s_t for t = 0..T-1, (T, H, 1)
    prev_states = np.concatenate([np.zeros_like(states[:1]), states[:-1]])  # prev_s per step
    # The tutorial's loop leaves `add` (the pre-activation) of the LAST step in scope.
    last = len(x) - 1
    add = W @ prev_states[last] + U @ position_input(x, last)  # (H, 1)
    return states, prev_states, add, mulv
# --8<-- [end:record_forward]


# --8<-- [start:record_grads]
def tutorial_record_grads(
    params: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray,
    truncate: int = bptt_truncate, clip: float = max_clip_value,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """dU, dV, dW for one record, computed the way the tutorial computes them."""
    U, W, V = params["U"], params["W"], params["V"]
    check_shape("y", y, (V.shape[0],))              # ours: one target row, Y[i]
    states, prev_states, add, mulv = _record_forward(params, x)
    dU, dV, dW = np.zeros(U.shape), np.zeros(V.shape), np.zeros(W.shape)
    dU_t, dW_t = np.zeros(U.shape), np.zeros(W.shape)  # B5: never reset inside the t loop
    dmulv = mulv - y                                    # (1, 1): the only error signal
    for t in range(len(x)):
        dV_t = dmulv @ states[t].T          # B4: a term for EVERY step, not only the last
        dsv = V.T @ dmulv
        dadd = add * (1 - add) * dsv        # B3: pre-activation, and the last step's `add`
        dprev_s = W.T @ dadd
        for _ in range(t - 1, max(-1, t - truncate - 1), -1):
            ds = dsv + dprev_s
            dadd = add * (1 - add) * ds     # ... feeds only dprev_s and dx, never dU or dW
            dW_i = W @ prev_states[t]       # B2: no error signal at all, outer index t
            dprev_s = W.T @ dadd
            dU_i = U @ position_input(x, t)  # B2: the forward term U[:, t] * x[t] again
            dx = U.T @ dadd  # B10: computed, never used  # noqa: F841
            dU_t += dU_i                    # (H, 1) broadcast into every column of (H, T)
            dW_t += dW_i                    # (H, 1) broadcast into every column of (H, H)
        dV += dV_t
        dU += dU_t                          # B5: the running sums are re-added at every t
        dW += dW_t
        for d in (dU, dV, dW):              # element-wise clamp, inside the t loop
            np.clip(d, -clip, clip, out=d)
    return dU, dV, dW
# --8<-- [end:record_grads]


def _clipped_fraction(d: np.ndarray, clip: float) -> float:
    return float(np.mean(np.abs(d) >= clip))


def train_tutorial(
    X: np.ndarray, Y: np.ndarray, X_val: np.ndarray, Y_val: np.ndarray,
    epochs: int = nepoch, seed: int = 0, lr: float = learning_rate, fast: bool = False,
) -> dict[str, Any]:
    """The tutorial's loop: loss pass, validation loss pass, then per-record SGD.

    ``fast=True`` makes the same updates with ``_fast_record_grads`` (equal bit for bit)
    and runs each loss pass on all records at once (the same sums, in another order).
    """
    params = init_tutorial_params(np.random.default_rng(seed))  # uniform(0, 1): B6
    loss_fn, grads_fn = (_fast_loss, _fast_record_grads) if fast else (tutorial_loss, tutorial_record_grads)
    hist: dict[str, Any] = {"loss": [], "val_loss": [], "clipped": [], "epoch_s": []}
    for _ in range(epochs):
        start = time.perf_counter()
        hist["loss"].append(loss_fn(params, X, Y))      # measured BEFORE this epoch's updates
        hist["val_loss"].append(loss_fn(params, X_val, Y_val))
        clipped = np.zeros(3)
        for x, y in zip(X, Y):                           # batch size 1
            dU, dV, dW = grads_fn(params, x, y)
            clipped += [_clipped_fraction(d, max_clip_value) for d in (dU, dV, dW)]
            params["U"] -= lr * dU
            params["V"] -= lr * dV
            params["W"] -= lr * dW
        hist["clipped"].append(dict(zip("UVW", (clipped / len(X)).tolist())))
        hist["epoch_s"].append(time.perf_counter() - start)
    hist["params"] = params
    return hist


def loss_rmse(loss: float, n: int) -> float:
    """The tutorial's summed loss, 0.5 * sum of (y - mulv)^2 over n records, as an RMSE."""
    return math.sqrt(2 * loss / n)


def _fast_loss(params: dict[str, np.ndarray], X: np.ndarray, Y: np.ndarray) -> float:
    """tutorial_loss with all records in one batch."""
    U, W, V = params["U"], params["W"], params["V"]
    S = np.zeros((W.shape[0], len(X)))                   # (H, N)
    for t in range(U.shape[1]):
        S = sigmoid(W @ S + U[:, [t]] * X[:, t, 0])      # U @ position_input(x, t) for every x
    return float(np.sum((Y[:, 0] - (V @ S)[0]) ** 2 / 2))


def _fast_record_grads(
    params: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """tutorial_record_grads with the same floating-point operations, equal bit for bit.

    All columns of dU and of dW are equal (B2), so one column of each is kept; the terms
    that never reach dU, dV or dW (B3, B10) are skipped.
    """
    U, W, V = params["U"], params["W"], params["V"]
    (H, T), Ux = U.shape, U * x[:, 0]                    # column t: U @ position_input(x, t)
    states, prev_s = np.empty((T, H, 1)), np.zeros((H, 1))
    for t in range(T):
        prev_s = states[t] = sigmoid(W @ prev_s + Ux[:, [t]])
    dmulv = V @ prev_s - y
    run = np.zeros((2 * H, 1))                           # dU_t and dW_t, one column each
    acc = np.zeros((3 * H, 1))                           # dU and dW (one column each), dV^T
    for t in range(T):
        if t:
            step = np.concatenate([Ux[:, [t]], W @ states[t - 1]])   # dU_i, dW_i
            for _ in range(t - 1, max(-1, t - bptt_truncate - 1), -1):
                run += step
        acc[:2 * H] += run
        acc[2 * H:] += dmulv * states[t]                 # dV_t^T: each entry one product
        np.minimum(np.maximum(acc, min_clip_value, out=acc), max_clip_value, out=acc)
    return np.repeat(acc[:H], T, axis=1), acc[2 * H:].T.copy(), np.repeat(acc[H:2 * H], H, axis=1)


# --8<-- [start:predict]
def tutorial_predict(params: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    """The tutorial's prediction code: `U @ x` with the WHOLE window at every step (B8)."""
    U, W, V = params["U"], params["W"], params["V"]
    check_shape("X", X, (len(X), U.shape[1], 1))     # ours: (N, T, 1), T = U's columns
    preds = []
    for x in X:                                     # x (T, 1)
        prev_s = np.zeros((W.shape[0], 1))
        for _ in range(len(x)):
            s = sigmoid(W @ prev_s + U @ x)         # U (H, T) @ x (T, 1): all 50 values
            mulv = V @ s
            prev_s = s
        preds.append(mulv)
    return np.array(preds)                          # (N, 1, 1)
# --8<-- [end:predict]


def mean_squared_error(a: np.ndarray, b: np.ndarray) -> float:
    """Stand-in for sklearn.metrics.mean_squared_error (1-D inputs of one shape)."""
    check_shape("a", a, (len(a),))
    check_shape("b", b, np.shape(a))
    return float(np.mean((np.asarray(a) - np.asarray(b)) ** 2))


# --8<-- [start:rmse]
def tutorial_rmse(Y_val: np.ndarray, preds: np.ndarray) -> float:
    """The tutorial's RMSE line, as written: `max_val` is never defined (B9)."""
    check_shape("preds", preds, (len(Y_val), 1, 1))  # ours: Y_val (N, 1), preds (N, 1, 1)
    check_shape("Y_val", Y_val, (len(preds), 1))
    return math.sqrt(mean_squared_error(Y_val[:, 0] * max_val, preds[:, 0, 0] * max_val))  # noqa: F821
# --8<-- [end:rmse]


# --8<-- [start:true_grads]
def tutorial_true_grads(
    params: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray
) -> tuple[float, dict[str, np.ndarray]]:
    """Exact BPTT for the tutorial's OWN model and loss 0.5 * (y - mulv)^2 (for comparison)."""
    U, W, V = params["U"], params["W"], params["V"]
    check_shape("y", y, (V.shape[0],))                   # one target row, Y[i]
    states, mulv = tutorial_forward(params, x)           # s_t (T, H, 1), mulv (1, 1)
    err = mulv - y                                       # (1, 1)
    grads = {"U": np.zeros(U.shape), "W": np.zeros(W.shape), "V": err @ states[-1].T}
    ds = V.T @ err                                       # dL/ds_T: only the last step has a loss
    for t in range(len(x) - 1, -1, -1):
        dadd = ds * states[t] * (1 - states[t])          # sigmoid'(add) = s (1 - s)
        grads["U"][:, [t]] = dadd * x[t]                 # step t touches column t of U only
        prev_s = states[t - 1] if t else np.zeros_like(states[0])
        grads["W"] += dadd @ prev_s.T
        ds = W.T @ dadd
    return 0.5 * float(err[0, 0] ** 2), grads
# --8<-- [end:true_grads]
