"""The tutorial's own model, trained properly: its U (H, T) kept, its training bugs removed.

Kept from the tutorial (snippets.tutorial): U (100, 50) chosen by position, W (100, 100),
V (1, 100), sigmoid, no biases, h_0 = 0, one output after the last step. Changed: exact
gradients of this very model, a small initialisation, and Adam on the full batch with
gradient-norm clipping (snippets.corrected), stopped at the standard model's validation target.
The loss is 0.5 * the MEAN squared error over the records, as in snippets.bptt.

>>> import numpy as np
>>> from snippets.gradcheck import gradcheck
>>> rng = np.random.default_rng(0)
>>> params = init_small(rng)
>>> {name: p.shape for name, p in params.items()}
{'U': (100, 50), 'W': (100, 100), 'V': (1, 100)}
>>> X, Y = rng.normal(size=(8, 50, 1)), rng.normal(size=(8, 1))
>>> S, y = batch_forward(params, X)
>>> S.shape, y.shape
((50, 100, 8), (8, 1))
>>> loss, grads = batch_grads(params, X, Y)
>>> {name: g.shape for name, g in grads.items()}
{'U': (100, 50), 'W': (100, 100), 'V': (1, 100)}

The gradients are exact: central differences in float64, every entry at small sizes.

>>> small = init_small(rng, H=6, T=9)
>>> errors = gradcheck(batch_grads, small, rng.normal(size=(4, 9, 1)), rng.normal(size=(4, 1)))
>>> {name: bool(e <= 1e-6) for name, e in errors.items()}
{'U': True, 'W': True, 'V': True}

Only windows of the length U was built for are accepted:

>>> batch_forward(params, X[:, :40])
Traceback (most recent call last):
...
ValueError: X must have shape (8, 50, 1), got (8, 40, 1)
>>> batch_grads(params, X, Y[:4])
Traceback (most recent call last):
...
ValueError: Y must have shape (8, 1), got (4, 1)
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from snippets.data import rmse
from snippets.shapes import check_shape
from snippets.corrected import Adam, clip_by_global_norm
from snippets.tutorial import hidden_dim, sigmoid, T, tutorial_dims

Params = dict[str, np.ndarray]


# --8<-- [start:init]
def init_small(
    rng: np.random.Generator, H: int = 100, T: int = 50, O: int = 1, scale: float = 0.1
) -> Params:
    """The tutorial's shapes, drawn from uniform(-scale, scale) instead of uniform(0, 1)."""
    return {
        "U": rng.uniform(-scale, scale, (H, T)),  # still one column per position t
        "W": rng.uniform(-scale, scale, (H, H)),
        "V": rng.uniform(-scale, scale, (O, H)),
    }
# --8<-- [end:init]


def check_records(params: Params, X: np.ndarray) -> tuple[int, int, int, int]:
    """H, T, O and N for records X (N, T, 1); ValueError for any other shape."""
    H, T_, O = tutorial_dims(params)
    if np.ndim(X) != 3:
        raise ValueError(f"X must have shape (N, {T_}, 1), got {np.shape(X)}")
    check_shape("X", X, (len(X), T_, 1))
    return H, T_, O, len(X)


# --8<-- [start:forward]
def batch_forward(params: Params, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All records at once: X (N, T, 1) -> states S (T, H, N) and outputs y (N, O)."""
    H, T_, _, N = check_records(params, X)
    U, W, V = params["U"], params["W"], params["V"]
    xs = X[:, :, 0].T                             # (T, N): x_t of every record
    S, s = np.empty((T_, H, N)), np.zeros((H, N))
    for t in range(T_):
        s = sigmoid(W @ s + U[:, [t]] * xs[t])    # U @ new_input is column t of U times x_t
        S[t] = s
    return S, (V @ s).T
# --8<-- [end:forward]


# --8<-- [start:grads]
def batch_grads(params: Params, X: np.ndarray, Y: np.ndarray) -> tuple[float, Params]:
    """Loss 0.5 * mean (y - Y)^2 and its exact gradients: X (N, T, 1), Y (N, O)."""
    H, T_, O, N = check_records(params, X)
    check_shape("Y", Y, (N, O))
    U, W, V = params["U"], params["W"], params["V"]
    S, y = batch_forward(params, X)
    xs, dy = X[:, :, 0].T, (y - Y).T / N          # (T, N), dL/dy (O, N)
    grads = {"U": np.zeros(U.shape), "W": np.zeros(W.shape), "V": dy @ S[-1].T}
    ds = V.T @ dy                                 # dL/ds_T (H, N): only the last step has a loss
    for t in range(T_ - 1, -1, -1):
        dadd = ds * S[t] * (1 - S[t])             # back through the sigmoid: s (1 - s)
        grads["U"][:, t] = dadd @ xs[t]           # step t touches column t of U only
        if t:
            grads["W"] += dadd @ S[t - 1].T       # s_{t-1}; s_{-1} = h_0 = 0 adds nothing
        ds = W.T @ dadd                           # back through W to the previous state
    return 0.5 * float(np.sum((y - Y) ** 2)) / N, grads
# --8<-- [end:grads]


# --8<-- [start:fixed_loop]
def fixed_loop(X_Sets, Y_Sets, U, W, V):
    """The asker's loop with the backward pass it needs: exact mean gradients over the records."""
    outputs = []
    dU, dW, dV = np.zeros(U.shape), np.zeros(W.shape), np.zeros(V.shape)
    for i in range(Y_Sets.shape[0]):
        x, y = X_Sets[i], Y_Sets[i]         # x: (50, 1), y: (1,)
        prev_s = np.zeros((hidden_dim, 1))  # a fresh hidden state for every record
        states = [prev_s]                   # h_0, then s of every step
        for t in range(T):
            new_input = np.zeros(x.shape)   # all zeros ...
            new_input[t] = x[t]             # ... except position t
            mulu = np.dot(U, new_input)     # the asker's question: column t of U?
            mulw = np.dot(W, prev_s)        # and why is W two-dimensional?
            add = mulw + mulu
            s = sigmoid(add)
            mulv = np.dot(V, s)
            prev_s = s
            states.append(s)
        outputs.append(mulv)
        dmulv = (mulv - y) / Y_Sets.shape[0]  # loss 0.5 * mean (mulv - y)^2: only the last mulv
        dV += dmulv @ s.T
        ds = V.T @ dmulv
        for t in range(T - 1, -1, -1):      # backward through ALL steps, newest first
            s, prev_s = states[t + 1], states[t]
            dadd = ds * s * (1 - s)         # sigmoid'(add) = s (1 - s), at step t
            dU[:, [t]] += dadd * x[t]       # only column t of U saw step t
            dW += dadd @ prev_s.T
            ds = W.T @ dadd
    return outputs, dU, dW, dV
# --8<-- [end:fixed_loop]


# --8<-- [start:train]
def train_fixed(
    X: np.ndarray, Y: np.ndarray, X_val: np.ndarray, Y_val: np.ndarray,
    seed: int = 0, lr: float = 0.05, beta1: float = 0.6, max_norm: float = 1.0,
    target_rmse: float = 0.01, max_steps: int = 500,
) -> dict[str, Any]:
    """Full-batch Adam on the tutorial's model until val RMSE <= target_rmse (as train_corrected)."""
    params = init_small(np.random.default_rng(seed), T=X.shape[1])
    opt = Adam(params, lr, beta1=beta1)
    hist: dict[str, Any] = {"loss": [], "val_rmse": [], "start": {k: p.copy() for k, p in params.items()}}
    start = time.perf_counter()
    for _ in range(max_steps):
        loss, grads = batch_grads(params, X, Y)    # exact, never clipped here
        grads, _ = clip_by_global_norm(grads, max_norm)
        opt.step(params, grads)
        hist["loss"].append(loss)
        hist["val_rmse"].append(rmse(batch_forward(params, X_val)[1], Y_val))  # after the step
        if hist["val_rmse"][-1] <= target_rmse:
            break
    hist["seconds"] = time.perf_counter() - start
    hist["params"] = params
    return hist
# --8<-- [end:train]


def loop_patch(context: int = 0) -> str:
    """The body of the asker's loop (snippets.tutorial.asker_loop) -> fixed_loop, as a unified diff."""
    import difflib
    import inspect

    from snippets.tutorial import asker_loop

    before, after = (inspect.getsource(f).splitlines()[2:] for f in (asker_loop, fixed_loop))  # bodies
    diff = difflib.unified_diff(before, after, "asker_loop", "fixed_loop", n=context, lineterm="")
    return "\n".join(diff)
