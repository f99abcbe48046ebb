"""The tutorial's data: windows of 50 values of ``sin(0), sin(1), ...``.

Each record is 50 consecutive samples of ``sin(arange(200))`` (integer
radians); its target is the next sample. Training windows start at
i = 0..99, validation windows at i = 100..149, so the inputs of the validation
windows (values 100..198) include training targets (values 100..149).
``later_windows`` starts at value 200: it shares no value with either set, yet each of its
windows is close to some training window (``nearest_window_distance``).

>>> import numpy as np
>>> from snippets.data import later_windows, rmse, sine_windows, time_major
>>> X, Y, X_val, Y_val = sine_windows()
>>> X.shape, Y.shape, X_val.shape, Y_val.shape
((100, 50, 1), (100, 1), (50, 50, 1), (50, 1))
>>> bool(Y[0, 0] == X[1, -1, 0])          # the target of window i is the last value of window i+1
True
>>> X_later, Y_later = later_windows()
>>> X_later.shape, Y_later.shape, bool(Y_later[0, 0] == np.sin(250.0))
((50, 50, 1), (50, 1), True)
>>> bool(np.all(later_windows(amplitude=2.0)[1] == 2 * Y_later))
True
>>> nearest_window_distance(X_later, X).shape, float(nearest_window_distance(X, X).max())
((50,), 0.0)
>>> nearest_window_distance(X_later[:, :40], X)
Traceback (most recent call last):
...
ValueError: X must have shape (50, 50, 1), got (50, 40, 1)
>>> rmse(np.zeros_like(Y_val), Y_val) == rmse(Y_val, np.zeros_like(Y_val))
True
>>> rmse(np.zeros(4), np.array([1.0, -1.0, 1.0, -1.0]))
1.0
>>> rmse(Y_val[:, 0], Y_val)
Traceback (most recent call last):
...
ValueError: prediction must have shape (50, 1), got (50,)
>>> time_major(X).shape                   # (N, T, D) -> (T, D, N)
(50, 1, 100)
>>> time_major(np.zeros((100, 50)))
Traceback (most recent call last):
...
ValueError: X must have 3 axes (N, T, D), got shape (100, 50)

The exact next value of a sine sampled at integer radians, from the last two:

>>> from snippets.data import next_sine
>>> n = np.arange(10.0)
>>> float(np.max(np.abs(next_sine(np.sin(n[1:-1]), np.sin(n[:-2])) - np.sin(n[2:])))) < 1e-12
True
"""

from __future__ import annotations

import numpy as np

from snippets.shapes import check_shape

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


def later_windows(
    n: int = 50, seq_len: int = 50, start: int = 200, amplitude: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """X (n, T, 1), Y (n, 1) from a sin(start), a sin(start + 1), ...: values sine_windows never uses."""
    wave = amplitude * np.sin(np.arange(start, start + n + seq_len, dtype=np.float64))
    X = np.stack([wave[i : i + seq_len] for i in range(n)])[:, :, None]
    return X, wave[seq_len:, None]


def rmse(prediction: np.ndarray, target: np.ndarray) -> float:
    """Root mean squared error, as a Python float: the one RMSE of the site."""
    prediction, target = np.asarray(prediction), np.asarray(target)
    check_shape("prediction", prediction, target.shape)
    return float(np.sqrt(np.mean((prediction - target) ** 2)))


def time_major(X: np.ndarray) -> np.ndarray:
    """(N, T, D) records -> (T, D, N): time first, batch last (the Elman contract)."""
    if np.ndim(X) != 3:
        raise ValueError(f"X must have 3 axes (N, T, D), got shape {np.shape(X)}")
    return X.transpose(1, 2, 0)


# --8<-- [start:next_sine]
def next_sine(last: np.ndarray, before_last: np.ndarray) -> np.ndarray:
    """sin(n+1) from sin(n) and sin(n-1): sin(n+1) = 2 cos(1) sin(n) - sin(n-1)."""
    check_shape("before_last", before_last, np.shape(last))
    return 2 * np.cos(1.0) * last - before_last
# --8<-- [end:next_sine]


def nearest_window_distance(X: np.ndarray, X_ref: np.ndarray) -> np.ndarray:
    """For each window of X (N, T, 1), the RMS distance to the closest window of X_ref (M, T, 1)."""
    check_shape("X", X, (len(X), np.shape(X_ref)[1], 1))
    check_shape("X_ref", X_ref, (len(X_ref), np.shape(X)[1], 1))
    diff = X[:, None, :, 0] - X_ref[None, :, :, 0]          # (N, M, T)
    return np.sqrt(np.mean(diff ** 2, axis=2)).min(axis=1)  # (N,)
