"""Characters as input: one-hot vectors, and the cross-entropy of predicted characters.

U times a one-hot vector is a lookup of one column of U (an embedding):

>>> import numpy as np
>>> from snippets.characters import cross_entropy, one_hot
>>> one_hot(np.array([[0, 2], [1, 0]]), V=3).shape      # (T, B) indices -> (T, B, V)
(2, 2, 3)
>>> one_hot(np.array([0, 3]), V=3)
Traceback (most recent call last):
...
ValueError: indices must lie in [0, 3), got 0..3
>>> U = np.arange(12.0).reshape(4, 3)                    # (H, V)
>>> bool(np.array_equal(U @ one_hot(np.array(1), V=3), U[:, 1]))
True

Mean cross-entropy of logits (N, V) against N integer targets; uniform logits give log V:

>>> round(cross_entropy(np.zeros((6, 4)), np.array([0, 1, 2, 3, 0, 1])), 6) == round(float(np.log(4)), 6)
True
>>> cross_entropy(np.zeros((6, 4)), np.zeros(5, dtype=int))
Traceback (most recent call last):
...
ValueError: targets must have shape (6,), got (5,)
"""

from __future__ import annotations

import numpy as np

from snippets.shapes import check_shape


# --8<-- [start:one_hot]
def one_hot(indices: np.ndarray, V: int) -> np.ndarray:
    """Integer indices of any shape -> one-hot vectors with a new last axis of length V."""
    indices = np.asarray(indices)
    if indices.size and (indices.min() < 0 or indices.max() >= V):
        raise ValueError(f"indices must lie in [0, {V}), got {indices.min()}..{indices.max()}")
    return (indices[..., None] == np.arange(V)).astype(np.float64)
# --8<-- [end:one_hot]


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
