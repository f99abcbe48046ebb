"""Exact BPTT: gradient checks, the fast twin agrees with the readable bptt, shapes are checked."""

from __future__ import annotations

import numpy as np
import pytest

from snippets.bptt import bptt, bptt_fast
from snippets.elman import forward, init_params
from snippets.gradcheck import gradcheck


def problem(H: int, T: int, B: int, D: int = 1, O: int = 1, seed: int = 0):
    rng = np.random.default_rng(seed)
    params = init_params(H=H, D=D, O=O, rng=rng)
    return params, rng.normal(size=(T, D, B)), rng.normal(size=(O, B))


@pytest.mark.parametrize("H,T,B,D,O", [(10, 12, 4, 1, 1), (6, 5, 3, 2, 3), (7, 1, 2, 1, 1)])
def test_gradcheck_every_entry(H: int, T: int, B: int, D: int, O: int) -> None:
    params, X, Y = problem(H, T, B, D, O)
    for fn in (bptt, bptt_fast):
        errors = gradcheck(fn, params, X, Y)
        assert set(errors) == {"U", "W", "V", "b", "c"}
        assert max(errors.values()) <= 1e-6, errors


def test_gradcheck_tutorial_sizes_sampled() -> None:
    params, X, Y = problem(100, 50, 4, seed=1)
    errors = gradcheck(bptt, params, X, Y, entries=8)
    assert max(errors.values()) <= 1e-6, errors


def test_loss_is_half_the_mean_squared_error() -> None:
    params, X, Y = problem(8, 6, 5)
    _, y = forward(params, X)
    loss, _ = bptt(params, X, Y)
    assert loss == pytest.approx(0.5 * np.mean((y - Y) ** 2))


@pytest.mark.parametrize("T,B", [(50, 100), (1, 3)])
def test_fast_twin_matches_bptt(T: int, B: int) -> None:
    params, X, Y = problem(100, T, B)
    loss, grads = bptt(params, X, Y)
    loss2, grads2 = bptt_fast(params, X, Y)
    assert loss2 == pytest.approx(loss, rel=1e-12)
    for k in grads:
        assert grads2[k].shape == grads[k].shape
        np.testing.assert_allclose(grads2[k], grads[k], rtol=1e-9, atol=1e-15)


def test_no_clipping_inside() -> None:
    params, X, Y = problem(5, 4, 2)
    for fn in (bptt, bptt_fast):
        _, g1 = fn(params, X, Y)
        _, g2 = fn(params, X, 1e6 * Y)               # huge errors give huge, unclipped gradients
        assert np.abs(g2["V"]).max() > 1e3 * np.abs(g1["V"]).max()


def test_shapes_are_checked() -> None:
    params, X, Y = problem(5, 4, 3)
    for fn in (bptt, bptt_fast):
        with pytest.raises(ValueError, match=r"Y must have shape \(1, 3\), got \(3,\)"):
            fn(params, X, Y[0])
        with pytest.raises(ValueError, match=r"X must have shape \(T, 1, B\), got \(4, 3\)"):
            fn(params, X[:, 0], Y)
