"""Is a forecast more than a lagged copy? Compare it with the last input (persistence).

A forecaster that has only learned "the next value is about the last one" draws, next to
the truth, a copy of the series shifted by one step. Its RMSE can look small when the
series changes little per step, so score it against persistence too.

>>> import numpy as np
>>> X = np.arange(12.0).reshape(3, 4, 1)     # (N, T, 1)
>>> persistence(X).tolist()
[[3.0], [7.0], [11.0]]
>>> Y = X[:, -1] + 1
>>> lag_report(persistence(X), X, Y)
{'rmse_to_target': 1.0, 'rmse_to_last_input': 0.0, 'skill': 0.0}
>>> persistence(X[:, :, 0])
Traceback (most recent call last):
...
ValueError: X must have shape (N, T, 1), got (3, 4)
"""

from __future__ import annotations

import numpy as np

from snippets.data import rmse
from snippets.shapes import check_shape


def _check_windows(X: np.ndarray) -> None:
    if np.ndim(X) != 3 or np.shape(X)[2] != 1:
        raise ValueError(f"X must have shape (N, T, 1), got {np.shape(X)}")


# --8<-- [start:lag_report]
def persistence(X: np.ndarray) -> np.ndarray:
    """The naive forecast: the last value of each window, X (N, T, 1) -> (N, 1)."""
    _check_windows(X)
    return X[:, -1].copy()


def lag_report(pred: np.ndarray, X: np.ndarray, Y: np.ndarray) -> dict[str, float]:
    """How close pred (N, 1) is to the target and to the last input, and its skill over persistence."""
    _check_windows(X)
    check_shape("Y", Y, (len(X), 1))
    check_shape("pred", pred, Y.shape)
    to_target, naive = rmse(pred, Y), rmse(persistence(X), Y)
    return {"rmse_to_target": round(to_target, 3), "rmse_to_last_input": round(rmse(pred, X[:, -1]), 3),
            "skill": round(1 - to_target / naive, 3)}       # 1: perfect, 0: no better than a lagged copy
# --8<-- [end:lag_report]
