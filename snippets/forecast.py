"""Forecasting several steps ahead: feed each prediction back in as the next input.

A model trained for one step ahead (50 values in, the 51st out) forecasts K steps by
sliding its window: drop the oldest value, append its own prediction, predict again.
From the second step on it reads its own errors, so they can compound.

>>> windows, future = sine_future(n=50, T=50, K=400)
>>> windows.shape, future.shape
((50, 50, 1), (50, 400))
>>> pred = feed_back(rule_step, windows, K=400)     # the exact rule sin(n+1) = 2cos(1)sin(n) - sin(n-1)
>>> pred.shape
(50, 400)
>>> bool(horizon_rmse(pred, future).max() < 1e-9)
True
>>> feed_back(rule_step, windows[:, :, 0], K=3)
Traceback (most recent call last):
...
ValueError: windows must have 3 axes (N, T, 1), got shape (50, 50)
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from snippets.data import time_major
from snippets.elman import forward
from snippets.data import next_sine
from snippets.shapes import check_shape

Step = Callable[[np.ndarray], np.ndarray]      # windows (N, T, 1) -> next values (N, 1)


def sine_future(n: int = 50, T: int = 50, K: int = 100, start: int = 100
                ) -> tuple[np.ndarray, np.ndarray]:
    """n windows (n, T, 1) of sin(start + i), ..., and the K values after each (n, K).

    start = 100 gives the validation windows of snippets.data.sine_windows."""
    wave = np.sin(np.arange(start, start + n + T + K, dtype=np.float64))
    windows = np.stack([wave[i : i + T] for i in range(n)])[:, :, None]
    future = np.stack([wave[i + T : i + T + K] for i in range(n)])
    return windows, future


def _check_windows(windows: np.ndarray) -> None:
    if np.ndim(windows) != 3:
        raise ValueError(f"windows must have 3 axes (N, T, 1), got shape {np.shape(windows)}")
    N, T, _ = np.shape(windows)
    check_shape("windows", windows, (N, T, 1))


# --8<-- [start:feed_back]
def feed_back(step: Step, windows: np.ndarray, K: int) -> np.ndarray:
    """Forecast K steps from windows (N, T, 1): each prediction becomes the next input."""
    _check_windows(windows)
    predictions = []
    for _ in range(K):
        y = step(windows)                                   # (N, 1): one step ahead
        check_shape("step(windows)", y, (len(windows), 1))
        predictions.append(y[:, 0])
        windows = np.concatenate([windows[:, 1:], y[:, :, None]], axis=1)   # slide by one
    return np.stack(predictions, axis=1)                    # (N, K)
# --8<-- [end:feed_back]


def rnn_step(params: dict[str, np.ndarray]) -> Step:
    """One step ahead with an Elman RNN (snippets.elman): windows (N, T, 1) -> (N, 1)."""
    def step(windows: np.ndarray) -> np.ndarray:
        _check_windows(windows)
        return forward(params, time_major(windows))[1].T   # y (O, N) -> (N, O)
    return step


def rule_step(windows: np.ndarray) -> np.ndarray:
    """One step ahead with the exact linear rule (snippets.data.next_sine)."""
    _check_windows(windows)
    return next_sine(windows[:, -1], windows[:, -2])


def horizon_rmse(pred: np.ndarray, future: np.ndarray) -> np.ndarray:
    """RMSE over the N windows at each horizon: (N, K), (N, K) -> (K,)."""
    check_shape("pred", pred, np.shape(future))
    return np.sqrt(np.mean((pred - future) ** 2, axis=0))
