"""The public functions the pages show reject wrong shapes with a ValueError naming both shapes.

Without these checks NumPy broadcasts: ``mean_squared_error`` of a (50,) and a (50, 1) array
compared 2 500 pairs and gave 0.994 for two equal vectors.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.windows import windows_loop

from snippets.data import rmse, sine_windows
from snippets.data import next_sine
from snippets.tutorial import init_tutorial_params
from snippets.tutorial_train import (
    mean_squared_error,
    tutorial_predict,
    tutorial_record_grads,
    tutorial_rmse,
    tutorial_true_grads,
)

X, Y, X_val, Y_val = sine_windows()
PARAMS = init_tutorial_params(np.random.default_rng(0))


def test_same_shapes_still_work() -> None:
    assert mean_squared_error(Y_val[:, 0], Y_val[:, 0]) == 0.0
    assert rmse(Y_val, Y_val) == 0.0
    assert tutorial_predict(PARAMS, X_val).shape == (50, 1, 1)
    assert np.allclose(next_sine(X_val[:, -1], X_val[:, -2]), Y_val, atol=1e-12)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: mean_squared_error(Y_val[:, 0], Y_val), "b must have shape (50,), got (50, 1)"),
        (lambda: mean_squared_error(Y_val, Y_val), "a must have shape (50,), got (50, 1)"),
        (lambda: rmse(Y_val[:, 0], Y_val), "prediction must have shape (50, 1), got (50,)"),
        (lambda: tutorial_predict(PARAMS, X_val[:, :, 0]), "X must have shape (50, 50, 1), got (50, 50)"),
        (lambda: tutorial_predict(PARAMS, X_val[:, :40]), "X must have shape (50, 50, 1), got (50, 40, 1)"),
        (lambda: tutorial_rmse(Y_val, np.zeros((50, 1))), "preds must have shape (50, 1, 1), got (50, 1)"),
        (lambda: tutorial_rmse(Y_val[:, 0], np.zeros((50, 1, 1))), "Y_val must have shape (50, 1), got (50,)"),
        (lambda: tutorial_record_grads(PARAMS, X[0], Y[:1]), "y must have shape (1,), got (1, 1)"),
        (lambda: tutorial_true_grads(PARAMS, X[0], Y[:, 0]), "y must have shape (1,), got (100,)"),
        (lambda: next_sine(X_val[:, -1], X_val[:, -2, 0]), "before_last must have shape (50, 1), got (50,)"),
        (lambda: windows_loop(np.zeros((60, 1)), 50), "series must have shape (60,), got (60, 1)"),
    ],
)
def test_wrong_shape_is_an_error_naming_both_shapes(call, message) -> None:
    with pytest.raises(ValueError) as err:
        call()
    assert str(err.value) == message
