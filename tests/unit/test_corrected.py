"""The corrected model reaches validation RMSE <= 0.01, deterministically."""

from __future__ import annotations

import numpy as np
import pytest

from snippets.data import later_windows, rmse, sine_windows, time_major
from snippets.elman import forward
from snippets.corrected import Adam, clip_by_global_norm, train_corrected


def test_reaches_target_and_is_seeded() -> None:
    X, Y, X_val, Y_val = sine_windows()
    a = train_corrected(X, Y, X_val, Y_val, seed=0)
    assert a["val_rmse"][-1] <= 0.01
    assert all(v > 0.01 for v in a["val_rmse"][:-1])      # stops at the first step that reaches it
    assert len(a["val_rmse"]) < 200
    assert 0.5 < a["val_rmse"][0] < 0.8                   # one step only starts the descent
    assert a["params"]["U"].shape == (100, 1)
    b = train_corrected(X, Y, X_val, Y_val, seed=0)
    assert a["val_rmse"] == b["val_rmse"]
    X_later, Y_later = later_windows()                     # data the stopping rule never saw
    assert rmse(forward(a["params"], time_major(X_later))[1].T, Y_later) <= 0.02


def test_clip_by_global_norm() -> None:
    grads = {"a": np.full((2, 2), 3.0), "b": np.full((1,), 4.0)}   # norm sqrt(36 + 16)
    clipped, norm = clip_by_global_norm(grads, 1.0)
    assert norm == pytest.approx(np.sqrt(52))
    total = np.sqrt(sum(float(np.sum(g**2)) for g in clipped.values()))
    assert total == pytest.approx(1.0)
    same, _ = clip_by_global_norm(grads, 100.0)
    assert all(np.array_equal(same[k], grads[k]) for k in grads)


def test_adam_first_step_moves_by_lr() -> None:
    params = {"w": np.array([1.0, -2.0])}
    opt = Adam(params, lr=0.1)
    opt.step(params, {"w": np.array([5.0, -0.001])})
    np.testing.assert_allclose(params["w"], [0.9, -1.9], rtol=1e-6)
