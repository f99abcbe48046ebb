"""Tests of snippets.tutorial: our re-implementation of the tutorial's forward pass."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.data import sine_windows
from snippets.tutorial import (
    asker_loop,
    init_tutorial_params,
    position_input,
    sigmoid,
    tutorial_forward,
)


def test_default_shapes():
    p = init_tutorial_params(np.random.default_rng(0))
    assert {k: v.shape for k, v in p.items()} == {"U": (100, 50), "W": (100, 100), "V": (1, 100)}
    assert all(((v >= 0) & (v < 1)).all() for v in p.values())


def test_sigmoid():
    assert sigmoid(np.array(0.0)) == 0.5
    np.testing.assert_allclose(sigmoid(np.array([-2.0, 2.0])).sum(), 1.0)


def reference_forward(U, W, V, x):
    """A second, independent writing of the tutorial's step: column t of U times x[t]."""
    s = np.zeros((W.shape[0], 1))
    states = []
    for t in range(len(x)):
        s = 1 / (1 + np.exp(-(W @ s + U[:, [t]] * x[t, 0])))
        states.append(s)
    return np.stack(states), V @ s


@settings(max_examples=40, deadline=None)
@given(H=st.integers(1, 12), T=st.integers(1, 12), O=st.integers(1, 3), seed=st.integers(0, 2**32 - 1))
def test_forward_shapes_and_column_property(H, T, O, seed):
    rng = np.random.default_rng(seed)
    p = init_tutorial_params(rng, H=H, T=T, O=O)
    p = {k: v - 0.5 for k, v in p.items()}           # avoid saturation, so the check is informative
    x = rng.normal(size=(T, 1))
    S, y = tutorial_forward(p, x)
    assert S.shape == (T, H, 1) and y.shape == (O, 1)
    for t in range(T):
        new_input = position_input(x, t)
        assert new_input.shape == (T, 1)
        assert np.count_nonzero(new_input) <= 1
        np.testing.assert_allclose(p["U"] @ new_input, p["U"][:, [t]] * x[t], rtol=1e-12, atol=1e-15)
    S2, y2 = reference_forward(p["U"], p["W"], p["V"], x)
    np.testing.assert_allclose(S, S2)
    np.testing.assert_allclose(y, y2)


def test_uniform01_init_saturates():
    """With uniform(0, 1) weights every hidden unit is exactly 1.0 after a few steps."""
    p = init_tutorial_params(np.random.default_rng(3))
    x = sine_windows()[0][0]
    S, _ = tutorial_forward(p, x)
    assert (S[-1] == 1.0).all()


def test_asker_loop_matches_forward():
    X, Y, _, _ = sine_windows()
    p = init_tutorial_params(np.random.default_rng(5))
    p = {k: (v - 0.5) * 0.2 for k, v in p.items()}
    outs = asker_loop(X[:4], Y[:4], p["U"], p["W"], p["V"])
    for i, out in enumerate(outs):
        np.testing.assert_allclose(out, tutorial_forward(p, X[i])[1])


def test_matrices_not_modified_by_forward():
    p = init_tutorial_params(np.random.default_rng(1))
    before = {k: v.copy() for k, v in p.items()}
    tutorial_forward(p, sine_windows()[0][0])
    assert all(np.array_equal(before[k], p[k]) for k in p)


@pytest.mark.parametrize(
    ("name", "bad", "message"),
    [
        ("x", np.zeros((40, 1)), "x must have shape (50, 1), got (40, 1)"),
        ("x", np.zeros((50,)), "x must have shape (50, 1), got (50,)"),
        ("W", np.zeros((100, 99)), "W must have shape (100, 100), got (100, 99)"),
        ("V", np.zeros((1, 99)), "V must have shape (1, 100), got (1, 99)"),
        ("U", np.zeros(100), "U must have shape (H, T), got (100,)"),
    ],
)
def test_bad_shapes_raise(name, bad, message):
    p = init_tutorial_params(np.random.default_rng(0))
    x = sine_windows()[0][0]
    if name == "x":
        x = bad
    else:
        p[name] = bad
    with pytest.raises(ValueError) as err:
        tutorial_forward(p, x)
    assert str(err.value) == message


def test_position_input_checks():
    x = np.ones((5, 1))
    with pytest.raises(ValueError, match=r"t must be in \[0, 5\), got 5"):
        position_input(x, 5)
    with pytest.raises(ValueError, match=r"x must have shape \(T, 1\), got \(5, 2\)"):
        position_input(np.ones((5, 2)), 0)
