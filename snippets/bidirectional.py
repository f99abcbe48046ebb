"""A bidirectional layer: two independent Elman RNNs, one reading the sequence backwards.

Column vectors, batch in the last axis, as in snippets.elman: X (T, D, B), states (T, 2H, B).

>>> import numpy as np
>>> from snippets.bidirectional import bidirectional_forward
>>> from snippets.elman import init_params
>>> rng = np.random.default_rng(0)
>>> fwd, bwd = (init_params(H=4, D=2, O=1, rng=rng) for _ in range(2))
>>> bidirectional_forward(fwd, bwd, rng.normal(size=(6, 2, 3))).shape
(6, 8, 3)
"""

from __future__ import annotations

import numpy as np

from snippets.elman import dims, forward


# --8<-- [start:bidirectional]
def bidirectional_forward(fwd: dict, bwd: dict, X: np.ndarray) -> np.ndarray:
    """Two RNNs, one reading X (T, D, B) forwards, one backwards -> states (T, 2H, B)."""
    if dims(fwd) != dims(bwd):
        raise ValueError(f"both directions need the same (H, D, O), got {dims(fwd)} and {dims(bwd)}")
    S_fwd, _ = forward(fwd, X)                      # (T, H, B), reads x_1 .. x_T
    S_bwd, _ = forward(bwd, X[::-1])                # (T, H, B), reads x_T .. x_1
    return np.concatenate([S_fwd, S_bwd[::-1]], axis=1)   # row t: both states at step t
# --8<-- [end:bidirectional]
