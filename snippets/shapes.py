"""Shape checks that explain themselves.

>>> import numpy as np
>>> check_shape("U", np.zeros((100, 1)), (100, 1))
>>> check_shape("U", np.zeros((100, 50)), (100, 1))
Traceback (most recent call last):
...
ValueError: U must have shape (100, 1), got (100, 50)
"""

from __future__ import annotations

# --8<-- [start:check_shape]
import numpy as np


def check_shape(name: str, array: np.ndarray, expected: tuple[int, ...]) -> None:
    """Raise ValueError unless ``array.shape == expected``."""
    shape = np.shape(array)
    if tuple(shape) != tuple(expected):
        raise ValueError(f"{name} must have shape {tuple(expected)}, got {tuple(shape)}")
# --8<-- [end:check_shape]
