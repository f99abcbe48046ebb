"""The standard Elman RNN: one input matrix U shared by every time step.

Column vectors, batch in the last axis (see CONTRIBUTING.md):
U (H, D), W (H, H), V (O, H), b (H, 1), c (O, 1); X (T, D, B).

>>> import numpy as np
>>> from snippets.elman import init_params, forward, count_params
>>> rng = np.random.default_rng(0)
>>> params = init_params(H=100, D=1, O=1, rng=rng)
>>> {name: p.shape for name, p in params.items()}
{'U': (100, 1), 'W': (100, 100), 'V': (1, 100), 'b': (100, 1), 'c': (1, 1)}
>>> X = rng.normal(size=(50, 1, 8))                  # T=50 steps, D=1, B=8 sequences
>>> S, y = forward(params, X)
>>> S.shape, y.shape
((50, 100, 8), (1, 8))

The parameter count does not depend on T:

>>> count_params(params)
10301
>>> from snippets.tutorial import init_tutorial_params
>>> count_params(init_tutorial_params(rng))           # U (100, 50) + W + V
15100
>>> count_params(init_tutorial_params(rng, T=80))     # grows with the sequence length
18100

Wrong shapes are refused with a message:

>>> forward(params, np.zeros((50, 3, 8)))
Traceback (most recent call last):
...
ValueError: X must have shape (50, 1, 8), got (50, 3, 8)
"""

from __future__ import annotations

import numpy as np

from snippets.shapes import check_shape


# --8<-- [start:init]
def init_params(
    H: int, D: int, O: int, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """uniform(-1/sqrt(H), 1/sqrt(H)) for every parameter, as PyTorch does."""
    k = 1.0 / np.sqrt(H)
    return {
        "U": rng.uniform(-k, k, (H, D)),  # input -> hidden, shared by all steps
        "W": rng.uniform(-k, k, (H, H)),  # hidden -> hidden
        "V": rng.uniform(-k, k, (O, H)),  # hidden -> output
        "b": rng.uniform(-k, k, (H, 1)),  # hidden bias
        "c": rng.uniform(-k, k, (O, 1)),  # output bias
    }
# --8<-- [end:init]


def dims(params: dict[str, np.ndarray]) -> tuple[int, int, int]:
    """Return (H, D, O) read from U and V, after checking every parameter's shape."""
    U, V = params["U"], params["V"]
    if np.ndim(U) != 2:
        raise ValueError(f"U must have shape (H, D), got {np.shape(U)}")
    H, D = U.shape
    if np.ndim(V) != 2:
        raise ValueError(f"V must have shape (O, {H}), got {np.shape(V)}")
    O = V.shape[0]
    check_shape("W", params["W"], (H, H))
    check_shape("V", V, (O, H))
    check_shape("b", params["b"], (H, 1))
    check_shape("c", params["c"], (O, 1))
    return H, D, O


# --8<-- [start:forward]
def forward(
    params: dict[str, np.ndarray], X: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """X (T, D, B) -> hidden states S (T, H, B) and the last output y (O, B)."""
    H, D, O = dims(params)
    if np.ndim(X) != 3:
        raise ValueError(f"X must have shape (T, {D}, B), got {np.shape(X)}")
    T, _, B = X.shape
    check_shape("X", X, (T, D, B))
    U, W, V, b, c = (params[k] for k in "UWVbc")
    S = np.zeros((T, H, B))
    h = np.zeros((H, B))                       # h_0
    for t in range(T):
        h = np.tanh(U @ X[t] + W @ h + b)      # the SAME U, W, b at every step
        S[t] = h
    y = V @ h + c                              # output at the last step only
    return S, y
# --8<-- [end:forward]


# --8<-- [start:count_params]
def count_params(params: dict[str, np.ndarray]) -> int:
    """Total number of numbers the model learns."""
    return sum(int(p.size) for p in params.values())
# --8<-- [end:count_params]
