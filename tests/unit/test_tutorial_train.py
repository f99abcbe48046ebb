"""The faithful re-implementation of the tutorial's training reproduces its figures and its flaws."""

from __future__ import annotations

import numpy as np
import pytest

from snippets.data import sine_windows
from snippets.gradcheck import gradcheck
from snippets.tutorial import init_tutorial_params, tutorial_forward
from snippets.tutorial_train import (
    _fast_loss,
    _fast_record_grads,
    train_tutorial,
    tutorial_loss,
    tutorial_predict,
    tutorial_record_grads,
    tutorial_rmse,
    tutorial_true_grads,
)

DATA = sine_windows()


@pytest.fixture(scope="module")
def six_epochs() -> dict:
    X, Y, X_val, Y_val = DATA
    return train_tutorial(X, Y, X_val, Y_val, epochs=6, seed=3, fast=True)


def small_params(seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {"U": rng.uniform(-0.1, 0.1, (100, 50)), "W": rng.uniform(-0.1, 0.1, (100, 100)),
            "V": rng.uniform(-0.1, 0.1, (1, 100))}


def test_loss_curve_resembles_the_published_one(six_epochs: dict) -> None:
    loss = six_epochs["loss"]
    assert 8e4 < loss[0] < 1.5e5                      # published 101185.6
    assert all(a > b for a, b in zip(loss, loss[1:]))  # falls every epoch
    assert loss[5] < 50                               # published 20.16 at epoch 6
    val = six_epochs["val_loss"]
    assert val[0] == pytest.approx(loss[0] / 2, rel=0.05)  # half as many records, same error


def test_epoch_one_is_sign_sgd(six_epochs: dict) -> None:
    clipped = six_epochs["clipped"][0]
    assert clipped["V"] == 1.0 and clipped["W"] == 1.0
    assert 0.7 < clipped["U"] < 0.95                  # facts: about 81 %


def test_loss_is_a_sum_over_records() -> None:
    X, Y, _, _ = DATA
    params = init_tutorial_params(np.random.default_rng(1))
    each = [0.5 * float((Y[i, 0] - tutorial_forward(params, X[i])[1][0, 0]) ** 2) for i in range(len(X))]
    assert tutorial_loss(params, X, Y) == pytest.approx(sum(each))


def test_dU_dW_do_not_depend_on_the_target() -> None:
    X, Y, _, _ = DATA
    params = small_params()
    dU, dV, dW = tutorial_record_grads(params, X[0], Y[0])
    dU2, dV2, dW2 = tutorial_record_grads(params, X[0], Y[0] + 100)
    assert np.array_equal(dU, dU2) and np.array_equal(dW, dW2) and not np.array_equal(dV, dV2)
    assert np.all(dU == dU[:, :1]) and np.all(dW == dW[:, :1])


def test_cosines_with_the_true_gradient() -> None:
    X, Y, _, _ = DATA
    params = small_params()
    dU, dV, dW = tutorial_record_grads(params, X[0], Y[0])
    _, true = tutorial_true_grads(params, X[0], Y[0])

    def cos(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.sum(a * b) / np.linalg.norm(a) / np.linalg.norm(b))

    assert abs(cos(dU, true["U"])) < 0.1
    assert abs(cos(dW, true["W"])) < 0.2
    assert cos(dV, true["V"]) > 0.98


def test_true_grads_pass_a_gradient_check() -> None:
    X, Y, _, _ = DATA
    errors = gradcheck(tutorial_true_grads, small_params(1), X[3], Y[3], entries=15)
    assert max(errors.values()) <= 1e-6


def test_saturation_at_the_tutorial_init() -> None:
    X, Y, _, _ = DATA
    params = init_tutorial_params(np.random.default_rng(3))
    states, _ = tutorial_forward(params, X[0])
    assert np.all(states[2:] == 1.0)
    _, true = tutorial_true_grads(params, X[0], Y[0])
    assert not true["U"].any() and not true["W"].any()


def test_prediction_code_is_a_different_forward_pass() -> None:
    X, _, X_val, Y_val = DATA
    params = small_params()
    preds = tutorial_predict(params, X_val)
    assert preds.shape == (50, 1, 1)
    own = np.array([tutorial_forward(params, x)[1] for x in X_val])
    assert np.abs(preds - own).max() > 1e-3
    with pytest.raises(NameError, match="max_val"):
        tutorial_rmse(Y_val, preds)


def test_seeded_runs_are_identical() -> None:
    X, Y, X_val, Y_val = (a[:5] for a in DATA)
    a = train_tutorial(X, Y, X_val, Y_val, epochs=2, seed=7)
    b = train_tutorial(X, Y, X_val, Y_val, epochs=2, seed=7)
    assert a["loss"] == b["loss"]
    assert all(np.array_equal(a["params"][k], b["params"][k]) for k in "UVW")


@pytest.mark.parametrize("seed", [0, 3])
def test_fast_record_grads_equal_bit_for_bit(seed: int) -> None:
    X, Y, _, _ = DATA
    params = init_tutorial_params(np.random.default_rng(seed))
    params["W"] *= 0.02                               # states not saturated: every term matters
    for i in (0, 1, 57):
        for slow, fast in zip(tutorial_record_grads(params, X[i], Y[i]), _fast_record_grads(params, X[i], Y[i])):
            assert slow.shape == fast.shape and np.array_equal(slow, fast)


def test_fast_training_equals_the_readable_loop() -> None:
    X, Y, X_val, Y_val = (a[:8] for a in DATA)
    slow = train_tutorial(X, Y, X_val, Y_val, epochs=3, seed=3)
    fast = train_tutorial(X, Y, X_val, Y_val, epochs=3, seed=3, fast=True)
    assert all(np.array_equal(slow["params"][k], fast["params"][k]) for k in "UVW")
    assert slow["clipped"] == fast["clipped"]
    np.testing.assert_allclose(fast["loss"], slow["loss"], rtol=1e-12)
    np.testing.assert_allclose(fast["val_loss"], slow["val_loss"], rtol=1e-12)
    params = small_params(2)
    assert _fast_loss(params, X_val, Y_val) == pytest.approx(tutorial_loss(params, X_val, Y_val), rel=1e-12)
