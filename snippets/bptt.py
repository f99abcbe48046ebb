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

``Workspace`` computes the same numbers with preallocated buffers (used for
training and the benchmark):

>>> ws = Workspace(H=100, D=1, O=1, T=50, B=8)
>>> loss2, grads2 = ws.bptt(params, X, Y)
>>> bool(abs(loss2 - loss) < 1e-12 and all(np.allclose(grads2[k], grads[k], rtol=1e-10, atol=1e-14) for k in grads))
True
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController

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


def bptt_flops(T: int, H: int, D: int, O: int, B: int) -> int:
    """Multiply-add FLOPs (2 per multiply-add) of the matrix products in one bptt call.

    Forward: U x_t for all steps, W h_{t-1} for steps 2..T (h_0 = 0), V h_T.
    Backward: V^T dy, W^T delta_t for steps T..2, then dU and dW (each one product
    over all steps) and dV. Element-wise work (tanh, 1 - h^2, sums) is not counted.
    """
    forward_ = 2 * H * D * T * B + (T - 1) * 2 * H * H * B + 2 * O * H * B
    backward = 2 * O * H * B + (T - 1) * 2 * H * H * B + 2 * H * D * T * B + 2 * H * H * T * B + 2 * O * H * B
    return forward_ + backward


class _Part:
    """Buffers and time loops of Workspace for one slice of the batch (B sequences)."""

    def __init__(self, H: int, D: int, T: int, B: int) -> None:
        self.sizes = (H, D, T, B)
        self.Z = np.empty((H + D + 1, (T + 1) * B))  # block k (B columns) = [h_k; x_{k+1}; 1]
        self.Z3 = self.Z.reshape(H + D + 1, T + 1, B)  # (block T: only h_T is used)
        self.Z3[:H, 0] = 0.0                         # h_0 = 0
        self.Z3[H + D] = 1.0
        self.E = np.empty((H, B))
        self.dh = np.empty((H, B))
        self.deriv = np.empty((H, T, B))             # 1 - h_t^2
        self.Delta = np.empty((H, T * B))            # block t - 1 = delta_t = dL/da_t
        # Views for step t = 1 .. T (list index t - 1), made once:
        self.z = [self.Z[:, k * B:(k + 1) * B] for k in range(T)]          # z_t = [h_{t-1}; x_t; 1]
        self.h = [self.Z3[:H, k + 1] for k in range(T)]                    # h_t
        self.delta = [self.Delta[:, k * B:(k + 1) * B] for k in range(T)]  # delta_t

    def forward(self, A2: np.ndarray, X: np.ndarray) -> np.ndarray:
        """Store h_1 .. h_T, return h_T (H, B). A2 = 2 [W | U | b]."""
        H, D, T, B = self.sizes
        E = self.E
        self.Z3[H:H + D, :T] = X.transpose(1, 0, 2)
        with np.errstate(over="ignore"):             # exp(2a) = inf gives h = 1
            for z, h in zip(self.z, self.h):
                np.matmul(A2, z, out=E)              # 2 a
                np.exp(E, out=E)
                E += 1.0
                np.divide(-2.0, E, out=h)
                h += 1.0                             # h = 1 - 2 / (exp(2a) + 1) = tanh(a)
        return self.Z3[:H, T]

    def bptt(self, A2: np.ndarray, params: Params, X: np.ndarray, Y: np.ndarray,
             n: int) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
        """Loss, dV, dc and dA = sum_t delta_t z_t^T of this slice; L is a mean over n sequences."""
        H, D, T, B = self.sizes
        V = params["V"]
        h_T = self.forward(A2, X)
        err = V @ h_T + params["c"] - Y
        dy = err / n
        Hs, deriv, dh = self.Z3[:H, 1:], self.deriv, self.dh
        np.multiply(Hs, Hs, out=deriv)
        np.subtract(1.0, deriv, out=deriv)           # 1 - h_t^2 for all steps at once
        np.matmul(V.T, dy, out=dh)                   # dL/dh_T
        WT = params["W"].T
        for k in range(T - 1, -1, -1):               # step t = k + 1
            np.multiply(dh, deriv[:, k], out=self.delta[k])
            if k:
                np.matmul(WT, self.delta[k], out=dh)
        dA = self.Delta @ self.Z[:, :T * B].T
        return 0.5 * float(np.sum(err**2)) / n, dy @ h_T.T, dy.sum(axis=1, keepdims=True), dA


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(os.cpu_count() or 1, thread_name_prefix="bptt")


@functools.cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


_lock = threading.Lock()                             # one Workspace call at a time, process-wide


def _after_fork_in_child() -> None:
    """A forked child has none of its parent's threads: a new pool and a new lock."""
    global _lock
    _pool.cache_clear()
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_after_fork_in_child)


def one_blas_thread() -> Any:
    """Context manager: BLAS uses one thread inside, in the whole process.

    Workspace sets this around each call that runs threads of its own; a loop of such
    calls (training, the benchmark) holds it once instead.
    """
    return _blas().limit(limits=1, user_api="blas")


class Workspace:
    """Same contract and results as :func:`bptt` at fixed sizes, several times faster.

    Checked against :func:`bptt` by the tests. What makes it fast:

    - tanh from one exp, 1 - 2 / (exp(2a) + 1), about half the cost of ``np.tanh``.
    - With A = [W | U | b] and z_t = [h_{t-1}; x_t; 1], a_t = A z_t is one product per
      step, and after the loop one product, dA = sum_t delta_t z_t^T, gives dW, dU
      and db together.
    - 1 - h^2 for all steps in two array operations; preallocated buffers and
      ``out=``: seven NumPy calls per step.
    - By default the batch is split into parts of at least 50 sequences (at most one
      per CPU), each run in its own thread with BLAS limited to one thread meanwhile.
      NumPy releases the GIL inside these calls, so the parts run at the same time.

    Calls are serialised by a lock: the buffers are reused from call to call.
    """

    def __init__(self, H: int, D: int, O: int, T: int, B: int, threads: int | None = None) -> None:
        self.sizes = (T, H, D, O, B)
        if threads is None:
            threads = max(1, min(os.cpu_count() or 1, B // 50))
        if not 1 <= threads <= B:
            raise ValueError(f"threads must be between 1 and B = {B}, got {threads}")
        edges = np.linspace(0, B, threads + 1).astype(int).tolist()
        self.slices = [slice(lo, hi) for lo, hi in zip(edges[:-1], edges[1:])]
        self.parts = [_Part(H, D, T, s.stop - s.start) for s in self.slices]

    def _map(self, fn: Callable[[_Part, slice], Any]) -> list[Any]:
        """fn(part, its slice of the batch) for every part, in threads if there are several."""
        pairs = list(zip(self.parts, self.slices))
        with _lock:
            if len(pairs) == 1:
                return [fn(*pairs[0])]
            with one_blas_thread():
                return list(_pool().map(lambda pair: fn(*pair), pairs))

    @staticmethod
    def _A2(params: Params) -> np.ndarray:
        return 2.0 * np.concatenate([params["W"], params["U"], params["b"]], axis=1)

    def predict(self, params: Params, X: np.ndarray) -> np.ndarray:
        """y = V h_T + c (O, B), like snippets.elman.forward."""
        T, H, D, O, B = self.sizes
        if dims(params) != (H, D, O):
            raise ValueError(f"Workspace was made for (H, D, O) = {(H, D, O)}, got {dims(params)}")
        check_shape("X", X, (T, D, B))
        A2 = self._A2(params)
        h_T = np.concatenate(self._map(lambda part, s: part.forward(A2, X[:, :, s])), axis=1)
        return params["V"] @ h_T + params["c"]

    def bptt(self, params: Params, X: np.ndarray, Y: np.ndarray) -> tuple[float, Params]:
        """Same contract and results as :func:`bptt`."""
        T, H, D, O, B = check_batch(params, X, Y)
        if (T, H, D, O, B) != self.sizes:
            raise ValueError(f"Workspace was made for (T, H, D, O, B) = {self.sizes}, got {(T, H, D, O, B)}")
        A2 = self._A2(params)
        parts = self._map(lambda part, s: part.bptt(A2, params, X[:, :, s], Y[:, s], B))
        loss, dV, dc, dA = (sum(p[i] for p in parts) for i in range(4))
        return loss, {"U": dA[:, H:H + D], "W": dA[:, :H], "V": dV, "b": dA[:, H + D:], "c": dc}
