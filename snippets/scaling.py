"""Min-max scaling of a series for an RNN: fit on the training part, apply everywhere, invert.

>>> import numpy as np
>>> train, test = np.array([100.0, 300.0, 200.0]), np.array([250.0, 400.0])
>>> scaler = fit_minmax(train)
>>> scaler
(100.0, 300.0)
>>> scale(train, scaler).tolist(), scale(test, scaler).tolist()
([-1.0, 1.0, 0.0], [0.5, 2.0])
>>> unscale(scale(test, scaler), scaler).tolist()
[250.0, 400.0]
>>> fit_minmax(np.ones(3))
Traceback (most recent call last):
...
ValueError: cannot scale a constant series (min = max = 1)
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:minmax]
def fit_minmax(train: np.ndarray) -> tuple[float, float]:
    """The scaler is two numbers, taken from the TRAINING values only."""
    lo, hi = float(np.min(train)), float(np.max(train))
    if lo == hi:
        raise ValueError(f"cannot scale a constant series (min = max = {lo:g})")
    return lo, hi


def scale(x: np.ndarray, scaler: tuple[float, float]) -> np.ndarray:
    """Map [min, max] of the training values to [-1, 1], the range of tanh; any shape."""
    lo, hi = scaler
    return 2 * (np.asarray(x, dtype=float) - lo) / (hi - lo) - 1


def unscale(z: np.ndarray, scaler: tuple[float, float]) -> np.ndarray:
    """Back to the original units (for predictions, before any error is reported)."""
    lo, hi = scaler
    return (np.asarray(z, dtype=float) + 1) * (hi - lo) / 2 + lo
# --8<-- [end:minmax]
