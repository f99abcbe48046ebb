"""The tutorial's data: windows of 50 values of ``sin(0), sin(1), ...``.

Each record is 50 consecutive samples of ``sin(arange(200))`` (integer
radians); its target is the next sample. Training windows start at
i = 0..99, validation windows at i = 100..149.

>>> import numpy as np
>>> from snippets.data import sine_windows, time_major
>>> X, Y, X_val, Y_val = sine_windows()
>>> X.shape, Y.shape, X_val.shape, Y_val.shape
((100, 50, 1), (100, 1), (50, 50, 1), (50, 1))
>>> bool(Y[0, 0] == X[1, -1, 0])          # the target of window i is the last value of window i+1
True
>>> time_major(X).shape                   # (N, T, D) -> (T, D, N)
(50, 1, 100)
>>> time_major(np.zeros((100, 50)))
Traceback (most recent call last):
...
ValueError: X must have 3 axes (N, T, D), got shape (100, 50)
"""

from __future__ import annotations

import numpy as np

# --8<-- [start:sine_windows]
def sine_windows(
    seq_len: int = 50, n_train: int = 100, n_val: int = 50
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """X (n_train, T, 1), Y (n_train, 1), X_val (n_val, T, 1), Y_val (n_val, 1)."""
    wave = np.sin(np.arange(200, dtype=np.float64))
    if n_train + n_val + seq_len > wave.size:
        raise ValueError("not enough samples for these windows")

    def windows(starts: range) -> tuple[np.ndarray, np.ndarray]:
        X = np.stack([wave[i : i + seq_len] for i in starts])[:, :, None]  # (N, T, 1)
        Y = np.array([wave[i + seq_len] for i in starts])[:, None]         # (N, 1)
        return X, Y

    X, Y = windows(range(0, n_train))
    X_val, Y_val = windows(range(n_train, n_train + n_val))
    return X, Y, X_val, Y_val
# --8<-- [end:sine_windows]


# --8<-- [start:time_major]
def time_major(X: np.ndarray) -> np.ndarray:
    """(N, T, D) records -> (T, D, N): time first, batch last (the Elman contract)."""
    if np.ndim(X) != 3:
        raise ValueError(f"X must have 3 axes (N, T, D), got shape {np.shape(X)}")
    return X.transpose(1, 2, 0)
# --8<-- [end:time_major]
