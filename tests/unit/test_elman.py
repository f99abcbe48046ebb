"""Tests of snippets.elman: the standard RNN."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.elman import count_params, forward, init_params
from snippets.tutorial import init_tutorial_params

dims = st.integers(1, 9)


@settings(max_examples=40, deadline=None)
@given(H=dims, D=dims, O=st.integers(1, 3), T=dims, B=st.integers(1, 5), seed=st.integers(0, 2**32 - 1))
def test_shapes_and_batch_equals_single_runs(H, D, O, T, B, seed):
    rng = np.random.default_rng(seed)
    p = init_params(H, D, O, rng)
    assert {k: v.shape for k, v in p.items()} == {
        "U": (H, D), "W": (H, H), "V": (O, H), "b": (H, 1), "c": (O, 1)}
    X = rng.normal(size=(T, D, B))
    S, y = forward(p, X)
    assert S.shape == (T, H, B) and y.shape == (O, B)
    for j in range(B):
        Sj, yj = forward(p, X[:, :, j : j + 1])
        np.testing.assert_allclose(Sj[:, :, 0], S[:, :, j], atol=1e-14)
        np.testing.assert_allclose(yj[:, 0], y[:, j], atol=1e-14)


@settings(max_examples=30, deadline=None)
@given(H=dims, D=dims, T=dims, seed=st.integers(0, 2**32 - 1))
def test_matches_explicit_recurrence(H, D, T, seed):
    rng = np.random.default_rng(seed)
    p = init_params(H, D, 1, rng)
    X = rng.normal(size=(T, D, 1))
    h = np.zeros((H, 1))
    for t in range(T):
        h = np.tanh(p["U"] @ X[t] + p["W"] @ h + p["b"])
    S, y = forward(p, X)
    np.testing.assert_allclose(S[-1], h)
    np.testing.assert_allclose(y, p["V"] @ h + p["c"])


@settings(max_examples=30, deadline=None)
@given(H=st.integers(1, 200), D=st.integers(1, 5))
def test_init_range(H, D):
    p = init_params(H, D, 1, np.random.default_rng(H))
    assert all(np.abs(v).max() <= 1 / np.sqrt(H) for v in p.values())


def test_count_params():
    rng = np.random.default_rng(0)
    assert count_params(init_params(100, 1, 1, rng)) == 10_301
    assert count_params({k: v for k, v in init_params(100, 1, 1, rng).items() if k in "UWV"}) == 10_200
    assert count_params(init_tutorial_params(rng)) == 15_100
    # the tutorial grows with T; the standard model does not depend on T at all
    assert count_params(init_tutorial_params(rng, T=100)) == 20_100


@settings(max_examples=30, deadline=None)
@given(H=dims, D=dims, T=dims, B=dims, which=st.sampled_from(["U", "W", "V", "b", "c", "X"]))
def test_wrong_shapes_raise_with_expected_and_given(H, D, T, B, which):
    rng = np.random.default_rng(0)
    p = init_params(H, D, 1, rng)
    X = rng.normal(size=(T, D, B))
    if which == "X":
        X = rng.normal(size=(T, D + 1, B))
        expected, given_ = (T, D, B), (T, D + 1, B)
    elif which == "U":
        p["U"] = p["U"][:, :, None]
        expected, given_ = "(H, D)", (H, D, 1)
    else:
        old = p[which].shape
        p[which] = np.zeros((old[0] + 1, old[1]))
        expected, given_ = old, (old[0] + 1, old[1])
        if which == "V":  # V's row count defines O, so a wrong V shows up as a wrong c
            which, expected, given_ = "c", (old[0] + 1, 1), (1, 1)
    with pytest.raises(ValueError) as err:
        forward(p, X)
    msg = str(err.value)
    assert msg.startswith(f"{which} must have shape")
    assert str(expected) in msg and msg.endswith(f"got {given_}")


def test_x_must_be_3d():
    p = init_params(4, 1, 1, np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"X must have shape \(T, 1, B\), got \(50, 1\)"):
        forward(p, np.zeros((50, 1)))


def test_forward_does_not_modify_params():
    rng = np.random.default_rng(2)
    p = init_params(10, 1, 1, rng)
    before = {k: v.copy() for k, v in p.items()}
    forward(p, rng.normal(size=(20, 1, 3)))
    assert all(np.array_equal(before[k], p[k]) for k in p)
