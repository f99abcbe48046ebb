"""Sliding windows: one long series -> (N, T, 1) inputs and the value after each window.

>>> import numpy as np
>>> X, Y = sliding_windows(np.arange(10.0), T=4)
>>> X.shape, Y.shape
((6, 4, 1), (6, 1))
>>> X[0, :, 0].tolist(), Y[0].tolist()
([0.0, 1.0, 2.0, 3.0], [4.0])
>>> X[-1, :, 0].tolist(), Y[-1].tolist()
([5.0, 6.0, 7.0, 8.0], [9.0])
>>> sliding_windows(np.arange(10.0).reshape(5, 2), T=4)
Traceback (most recent call last):
...
ValueError: series must have shape (L,), got (5, 2)
>>> sliding_windows(np.arange(4.0), T=4)
Traceback (most recent call last):
...
ValueError: a series of 4 values has no window of T=4 with a value after it
"""

from __future__ import annotations

import numpy as np

from snippets.shapes import check_shape


# --8<-- [start:sliding_windows]
def sliding_windows(series: np.ndarray, T: int) -> tuple[np.ndarray, np.ndarray]:
    """series (L,) -> X (N, T, 1) and Y (N, 1), N = L - T: window i is series[i : i + T],
    its target the NEXT value, series[i + T]."""
    series = np.asarray(series, dtype=float)
    if series.ndim != 1:
        raise ValueError(f"series must have shape (L,), got {series.shape}")
    if len(series) <= T:
        raise ValueError(f"a series of {len(series)} values has no window of T={T} with a value after it")
    windows = np.lib.stride_tricks.sliding_window_view(series[:-1], T)   # (N, T), a view
    X = windows[:, :, None].copy()                                       # (N, T, 1): D = 1
    Y = series[T:, None].copy()                                          # (N, 1)
    return X, Y
# --8<-- [end:sliding_windows]


# --8<-- [start:windows_loop]
def windows_loop(series: np.ndarray, T: int) -> tuple[np.ndarray, np.ndarray]:
    """The same windows with a plain loop, as most tutorials write it."""
    check_shape("series", np.asarray(series), (len(series),))
    X, Y = [], []
    for i in range(len(series) - T):
        X.append(series[i : i + T])
        Y.append(series[i + T])
    return np.array(X)[:, :, None], np.array(Y)[:, None]
# --8<-- [end:windows_loop]
