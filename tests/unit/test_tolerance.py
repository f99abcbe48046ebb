"""snippets.tolerance.about: the one place where a printed figure gets a tolerance."""

from __future__ import annotations

import math

import numpy as np
import pytest

from snippets.tolerance import about


def test_inside_and_on_the_edge() -> None:
    assert about(18.39, 18.4, 1) == "18.4 ± 1"
    assert about(np.float64(19.4), 18.4, 1) == "18.4 ± 1"
    assert about(-0.2, 0, 0.2) == "0 ± 0.2"


@pytest.mark.parametrize("value", [19.5, 17.3, math.nan, math.inf])
def test_outside_raises_with_the_value(value: float) -> None:
    with pytest.raises(ValueError, match=r"expected 18\.4 ± 1, got"):
        about(value, 18.4, 1)
