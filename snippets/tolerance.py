"""Figures that can move with the CPU, shown with the tolerance they are checked against.

A chaotic computation (the tutorial's clamped, saturated training) turns a difference in
the last bit of one ``exp`` or one dot product, which varies between SIMD paths and BLAS
kernels, into a difference in the second digit. ``about`` checks such a figure against
the value printed on the page and shows ``expected ± tolerance``:

>>> about(0.5495, 0.55, 0.03)
'0.55 ± 0.03'
>>> about(-0.07, 0, 0.2)
'0 ± 0.2'
>>> about(0.61, 0.55, 0.03)
Traceback (most recent call last):
...
ValueError: expected 0.55 ± 0.03, got 0.61
"""

from __future__ import annotations


def about(value: float, expected: float, tolerance: float) -> str:
    """``"expected ± tolerance"`` if value lies within tolerance of expected; ValueError if not."""
    if not abs(float(value) - expected) <= tolerance:
        raise ValueError(f"expected {expected:g} ± {tolerance:g}, got {float(value):.6g}")
    return f"{expected:g} ± {tolerance:g}"
