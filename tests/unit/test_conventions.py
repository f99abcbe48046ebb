"""Tests of snippets.conventions: the same RNN in four notations."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.conventions import (
    CROSSWALK,
    all_agree,
    d2l_forward,
    from_keras,
    from_pytorch,
    karpathy_forward,
    keras_forward,
    pytorch_forward,
    to_d2l,
    to_karpathy,
    to_keras,
    to_pytorch,
)
from snippets.elman import forward, init_params
from snippets.conventions import role

dims = st.integers(1, 8)


@settings(max_examples=40, deadline=None)
@given(H=dims, D=dims, O=st.integers(1, 3), T=dims, B=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
def test_all_conventions_agree(H, D, O, T, B, seed):
    rng = np.random.default_rng(seed)
    p = init_params(H, D, O, rng)
    X = rng.normal(size=(T, D, B))
    assert all_agree(p, X)


@settings(max_examples=25, deadline=None)
@given(H=dims, D=dims, O=st.integers(1, 3), seed=st.integers(0, 2**32 - 1))
def test_converted_shapes(H, D, O, seed):
    p = init_params(H, D, O, np.random.default_rng(seed))
    assert {k: v.shape for k, v in to_pytorch(p).items()} == {
        "weight_ih_l0": (H, D), "weight_hh_l0": (H, H), "bias_ih_l0": (H,), "bias_hh_l0": (H,),
        "linear.weight": (O, H), "linear.bias": (O,)}
    assert {k: v.shape for k, v in to_keras(p).items()} == {
        "kernel": (D, H), "recurrent_kernel": (H, H), "bias": (H,),
        "dense.kernel": (H, O), "dense.bias": (O,)}
    assert {k: v.shape for k, v in to_d2l(p).items()} == {
        "W_xh": (D, H), "W_hh": (H, H), "b_h": (H,), "W_hq": (H, O), "b_q": (O,)}
    assert {k: v.shape for k, v in to_karpathy(p).items()} == {
        "Wxh": (H, D), "Whh": (H, H), "Why": (O, H), "bh": (H, 1), "by": (O, 1)}


def test_pytorch_bias_split_is_a_sum():
    """PyTorch's two biases only matter through their sum."""
    rng = np.random.default_rng(0)
    p = init_params(6, 2, 1, rng)
    X = rng.normal(size=(7, 2, 3))
    tp = to_pytorch(p)
    split = dict(tp, bias_ih_l0=tp["bias_ih_l0"] - 0.3, bias_hh_l0=tp["bias_hh_l0"] + 0.3)
    S, _ = forward(p, X)
    S2, _ = pytorch_forward(split, X.transpose(0, 2, 1))
    np.testing.assert_allclose(S2.transpose(0, 2, 1), S)


def test_disagreement_is_detected():
    rng = np.random.default_rng(0)
    p = init_params(5, 2, 1, rng)
    X = rng.normal(size=(4, 2, 2))
    kp = to_keras(p)
    kp["kernel"] = p["U"].copy().T * 1.5   # wrong weights: must not agree
    S, _ = forward(p, X)
    S2, _ = keras_forward(kp, X.transpose(2, 0, 1))
    assert not np.allclose(S2.transpose(1, 2, 0), S)


@pytest.mark.parametrize(
    ("fn", "conv", "bad", "message"),
    [
        (pytorch_forward, to_pytorch, np.zeros((4, 3, 2)), "x must have shape (L, N, 1), got (4, 3, 2)"),
        (keras_forward, to_keras, np.zeros((4, 3, 2)), "X must have shape (B, T, 1), got (4, 3, 2)"),
        (d2l_forward, to_d2l, np.zeros((4, 3)), "X must have shape (T, B, 1), got (4, 3)"),
        (karpathy_forward, to_karpathy, np.zeros((4, 2)), "xs must have shape (T, 1), got (4, 2)"),
    ],
)
def test_bad_input_shapes(fn, conv, bad, message):
    p = init_params(5, 1, 1, np.random.default_rng(0))
    with pytest.raises(ValueError) as err:
        fn(conv(p), bad)
    assert str(err.value) == message


def test_converters_validate_params():
    p = init_params(5, 1, 1, np.random.default_rng(0))
    p["W"] = np.zeros((5, 4))
    for conv in (to_pytorch, to_keras, to_d2l, to_karpathy):
        with pytest.raises(ValueError, match=r"W must have shape \(5, 5\), got \(5, 4\)"):
            conv(p)


def test_crosswalk_flags_letter_swap():
    swapped = {row.source for row in CROSSWALK if row.letters_swapped}
    assert swapped == {"Chollet, Deep Learning with Python", "Cho et al. 2014 (GRU)"}
    for row in CROSSWALK:
        if row.letters_swapped:
            assert (row.input_hidden, row.hidden_hidden) == ("W", "U")


@settings(max_examples=25, deadline=None)
@given(H=dims, D=dims, O=st.integers(1, 3), seed=st.integers(0, 2**32 - 1))
def test_from_is_the_inverse_of_to(H, D, O, seed):
    p = init_params(H, D, O, np.random.default_rng(seed))
    for back in (from_keras(to_keras(p)), from_pytorch(to_pytorch(p))):
        for name in "UWVbc":
            np.testing.assert_allclose(back[name], p[name], err_msg=name)


def test_from_pytorch_adds_the_two_biases_and_reads_any_layer():
    rng = np.random.default_rng(2)
    tp = {"weight_ih_l1": rng.normal(size=(3, 3)), "weight_hh_l1": rng.normal(size=(3, 3)),
          "bias_ih_l1": np.ones(3), "bias_hh_l1": np.full(3, 2.0)}
    p = from_pytorch(tp, layer="l1")
    assert p["b"].shape == (3, 1) and np.all(p["b"] == 3.0)
    assert set(p) == {"U", "W", "b"}


@settings(max_examples=20, deadline=None)
@given(H=dims, D=dims, seed=st.integers(0, 2**32 - 1))
def test_role_is_read_from_the_vector_a_matrix_multiplies(H, D, seed):
    """faq.role names the input and recurrent matrices in any orientation, also when D = H,
    where the old rule "the square one is recurrent" calls PyTorch's weight_ih_l1 recurrent."""
    rng = np.random.default_rng(seed)
    p = init_params(H, D, 1, rng)
    x, h = rng.normal(size=(1, D)), rng.normal(size=(1, H))

    def torch_step(tp, x, h):                                   # PyTorch: rows times W^T
        return np.tanh(x @ tp["weight_ih_l0"].T + h @ tp["weight_hh_l0"].T + tp["bias_ih_l0"])

    def keras_step(kp, x, h):                                   # Keras: rows times kernel
        return np.tanh(x @ kp["kernel"] + h @ kp["recurrent_kernel"] + kp["bias"])

    for step, kp, names in ((torch_step, to_pytorch(p), ("weight_ih_l0", "weight_hh_l0")),
                            (keras_step, to_keras(p), ("kernel", "recurrent_kernel"))):
        assert [role(step, kp, n, x, h) for n in names] == ["input", "recurrent"]
    stacked = {"weight_ih_l0": rng.normal(size=(H, H)), "weight_hh_l0": p["W"], "bias_ih_l0": p["b"][:, 0]}
    x2 = rng.normal(size=(1, H))                                # layer 2 reads layer 1's H states
    assert role(torch_step, stacked, "weight_ih_l0", x2, h) == "input"
    square_rule = "recurrent" if stacked["weight_ih_l0"].shape == (H, H) else "input"
    assert square_rule == "recurrent"                           # what the page used to say: wrong
