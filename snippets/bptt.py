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

import numpy as np

from snippets.elman import dims, forward
from snippets.shapes import check_shape

Params = dict[str, np.ndarray]


def _check_batch(params: Params, X: np.ndarray, Y: np.ndarray) -> tuple[int, int, int, int, int]:
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
    T, H, D, O, B = _check_batch(params, X, Y)
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
    # Every step uses the same U, W, b: sum over steps AND sequences, one product each.
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


class Workspace:
    """Preallocated buffers for repeated ``bptt`` calls at fixed sizes (same results).

    Optimised for speed, checked against :func:`bptt` by the tests: every per-step
    array is a contiguous (H, B) block, ``out=`` everywhere, U x_t for all steps in
    one product, and tanh computed as 1 - 2 / (exp(2a) + 1), one exp, about half
    the cost of ``np.tanh`` on this kind of machine (same function; differences are
    at rounding level).
    """

    def __init__(self, H: int, D: int, O: int, T: int, B: int) -> None:
        self.sizes = (T, H, D, O, B)
        self.Hs = np.zeros((T + 1, H, B))       # h_0 = 0, h_1 .. h_T
        self.A = np.empty((T, H, B))            # 2 a_t in the forward pass, then delta_t
        self.tmp = np.empty((H, B))
        self.dh = np.empty((H, B))
        self.D_all = np.empty((H, T * B))       # deltas stacked over steps and sequences
        self.H_prev = np.empty((H, T * B))      # h_0 .. h_{T-1}, stacked the same way
        self.X_all = np.empty((D, T * B))

    def _forward(self, params: Params, X: np.ndarray) -> None:
        """Fill Hs with h_1 .. h_T and A with 2 a_t."""
        T = self.sizes[0]
        Hs, A, tmp = self.Hs, self.A, self.tmp
        np.matmul(2.0 * params["U"], X, out=A)                     # 2 U x_t for every step at once
        np.add(A, 2.0 * params["b"], out=A)
        W2 = 2.0 * params["W"]
        with np.errstate(over="ignore"):                           # exp(2a) = inf gives tanh = 1
            for t in range(T):
                a2, h = A[t], Hs[t + 1]
                if t:                                              # h_0 = 0: nothing to add at t = 0
                    np.matmul(W2, Hs[t], out=tmp)
                    a2 += tmp
                np.exp(a2, out=h)
                h += 1.0
                np.divide(-2.0, h, out=h)
                h += 1.0                                           # h_{t+1} = tanh(a_t)

    def predict(self, params: Params, X: np.ndarray) -> np.ndarray:
        """y = V h_T + c (O, B), like snippets.elman.forward."""
        T, H, D, O, B = self.sizes
        check_shape("X", X, (T, D, B))
        dims(params)
        self._forward(params, X)
        return params["V"] @ self.Hs[T] + params["c"]

    def bptt(self, params: Params, X: np.ndarray, Y: np.ndarray) -> tuple[float, Params]:
        """Same contract and results as :func:`bptt`."""
        T, H, D, O, B = _check_batch(params, X, Y)
        if (T, H, D, O, B) != self.sizes:
            raise ValueError(f"Workspace was made for (T, H, D, O, B) = {self.sizes}, got {(T, H, D, O, B)}")
        W, V, c = params["W"], params["V"], params["c"]
        Hs, A, tmp, dh = self.Hs, self.A, self.tmp, self.dh
        self._forward(params, X)
        h_T = Hs[T]
        err = V @ h_T + c - Y
        loss = 0.5 * float(np.sum(err**2)) / B
        dy = err / B
        grads = {"V": dy @ h_T.T, "c": dy.sum(axis=1, keepdims=True)}
        np.matmul(V.T, dy, out=dh)
        WT = W.T
        for t in range(T - 1, -1, -1):
            h = Hs[t + 1]
            np.multiply(h, h, out=tmp)
            np.subtract(1.0, tmp, out=tmp)
            np.multiply(dh, tmp, out=A[t])                         # delta_t
            if t:
                np.matmul(WT, A[t], out=dh)
        D_all, H_prev, X_all = self.D_all, self.H_prev, self.X_all
        D_all.reshape(H, T, B)[...] = A.transpose(1, 0, 2)         # (T, H, B) -> (H, T*B)
        H_prev.reshape(H, T, B)[...] = Hs[:T].transpose(1, 0, 2)
        X_all.reshape(D, T, B)[...] = X.transpose(1, 0, 2)
        grads["U"] = D_all @ X_all.T
        grads["W"] = D_all @ H_prev.T
        grads["b"] = D_all.sum(axis=1, keepdims=True)
        return loss, {k: grads[k] for k in "UWVbc"}
