"""The corrected model: a standard Elman RNN trained with exact BPTT and Adam.

Same data as the tutorial (100 training windows, 50 validation windows), but
U (100, 1) shared by all steps, tanh, biases, small symmetric initialisation,
exact gradients (snippets.bptt), Adam, full batch, gradient-norm clipping at 1.0
OUTSIDE the gradient computation, and a stop as soon as the validation RMSE
reaches the target.

>>> from snippets.data import sine_windows
>>> X, Y, X_val, Y_val = sine_windows()
>>> hist = train_corrected(X, Y, X_val, Y_val, seed=0, max_steps=3)
>>> len(hist["loss"]), len(hist["val_rmse"]), hist["params"]["U"].shape
(3, 3, (100, 1))
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from snippets.bptt import Params, bptt_fast
from snippets.data import rmse, time_major
from snippets.elman import forward, init_params


def clip_by_global_norm(grads: Params, max_norm: float) -> tuple[Params, float]:
    """Scale ALL gradients by one factor so that their joint norm is at most max_norm."""
    norm = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads.values())))
    scale = min(1.0, max_norm / (norm + 1e-12))
    return {k: g * scale for k, g in grads.items()}, norm


class Adam:
    """Adam (Kingma & Ba) with the usual defaults beta1 0.9, beta2 0.999, eps 1e-8."""

    def __init__(self, params: Params, lr: float, beta1: float = 0.9,
                 beta2: float = 0.999, eps: float = 1e-8) -> None:
        self.lr, self.beta1, self.beta2, self.eps, self.t = lr, beta1, beta2, eps, 0
        self.m = {k: np.zeros_like(p) for k, p in params.items()}
        self.v = {k: np.zeros_like(p) for k, p in params.items()}

    def step(self, params: Params, grads: Params) -> None:
        """Update params in place."""
        self.t += 1
        c1, c2 = 1 - self.beta1**self.t, 1 - self.beta2**self.t
        for k, g in grads.items():
            self.m[k] = self.beta1 * self.m[k] + (1 - self.beta1) * g
            self.v[k] = self.beta2 * self.v[k] + (1 - self.beta2) * g * g
            params[k] -= self.lr * (self.m[k] / c1) / (np.sqrt(self.v[k] / c2) + self.eps)


def train_corrected(
    X: np.ndarray, Y: np.ndarray, X_val: np.ndarray, Y_val: np.ndarray,
    seed: int = 0, H: int = 100, lr: float = 2e-3, beta1: float = 0.6, max_norm: float = 1.0,
    target_rmse: float = 0.01, max_steps: int = 2000,
) -> dict[str, Any]:
    """Full-batch training on the tutorial's windows; stops at val RMSE <= target_rmse.

    beta1 = 0.6, less momentum than Adam's usual 0.9: with 0.9 the RMSE swings up and
    down for tens of steps on this small full-batch problem.
    """
    Xb, Yb, Xv = time_major(X), Y.T, time_major(X_val)   # (T, 1, 100), (1, 100), (T, 1, 50)
    D, O = Xb.shape[1], Yb.shape[0]
    params = init_params(H=H, D=D, O=O, rng=np.random.default_rng(seed))
    opt = Adam(params, lr, beta1=beta1)
    hist: dict[str, Any] = {"loss": [], "val_rmse": [], "grad_norm": [],
                            "settings": {"lr": lr, "beta1": beta1, "max_norm": max_norm}}
    start = time.perf_counter()
    for _ in range(max_steps):
        loss, grads = bptt_fast(params, Xb, Yb)     # exact gradients (bptt, faster), never clipped
        grads, norm = clip_by_global_norm(grads, max_norm)
        opt.step(params, grads)
        hist["loss"].append(loss)                   # 0.5 * mean squared error, before the step
        hist["grad_norm"].append(norm)
        hist["val_rmse"].append(rmse(forward(params, Xv)[1], Y_val.T))  # after the step
        if hist["val_rmse"][-1] <= target_rmse:
            break
    hist["seconds"] = time.perf_counter() - start
    hist["params"] = params
    return hist
