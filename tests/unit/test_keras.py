"""The crosswalk checked against Keras itself (Keras 3 on JAX, CPU; part of every test run).

Keras is imported inside the tests (the root conftest.py sets KERAS_BACKEND=jax), so a run
that deselects these tests does not pay for the import. Each test builds one small model.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from snippets.conventions import from_keras, to_keras
from snippets.elman import count_params, forward, init_params
from snippets.keras_check import TOLERANCE, keras_shapes, sine_model

sizes = st.integers(1, 6)
# Every example builds a Keras model: no shrinking, so a failure reports in seconds, not minutes.
FEW = {"deadline": None, "phases": (Phase.explicit, Phase.reuse, Phase.generate)}


def rnn_model(T: int, D: int, hidden: list[int], O: int, return_sequences: bool):
    """Input (B, T, D) -> SimpleRNN layers -> Dense(O); outputs: the last layer's states and y."""
    import keras

    inputs = keras.Input((T, D))
    rnns = [keras.layers.SimpleRNN(H, return_sequences=True) for H in hidden[:-1]]
    rnns.append(keras.layers.SimpleRNN(hidden[-1], return_sequences=return_sequences))
    dense = keras.layers.Dense(O)
    states = inputs
    for rnn in rnns:
        states = rnn(states)
    return keras.Model(inputs, [states, dense(states)]), rnns, dense


def weights(layer, prefix: str = "") -> dict[str, np.ndarray]:
    return {prefix + w.name: np.asarray(w.value, dtype=np.float64) for w in layer.weights}


def set_weights(layer, named: dict[str, np.ndarray], prefix: str = "") -> None:
    for w in layer.weights:
        w.assign(named[prefix + w.name].astype("float32"))


def ours(params_per_layer: list[dict], X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Our forward, layer after layer, on X (B, T, D): all states (B, T, H) and V S + c (B, T, O)."""
    S = np.transpose(X, (1, 2, 0))                      # (T, D, B)
    for p in params_per_layer:
        S, _ = forward(p, S)                            # (T, H, B): the next layer's input
    last = params_per_layer[-1]
    Y = np.einsum("oh,thb->bto", last["V"], S) + last["c"][:, 0]
    return S.transpose(2, 0, 1), Y


def no_output(p: dict) -> dict:
    """A lower layer of a stack has no V, c of its own; forward needs some, and ignores them."""
    H = p["W"].shape[0]
    return p | {"V": np.zeros((1, H)), "c": np.zeros((1, 1))}


def test_sine_model_stores_the_transposes_and_counts_like_us():
    model = sine_model(T=50, D=1, H=100, O=1)
    params = init_params(H=100, D=1, O=1, rng=np.random.default_rng(0))
    assert keras_shapes(model) == {name: w.shape for name, w in to_keras(params).items()}
    assert keras_shapes(model) == {"kernel": (1, 100), "recurrent_kernel": (100, 100),
                                   "bias": (100,), "dense.kernel": (100, 1), "dense.bias": (1,)}
    assert [layer.count_params() for layer in model.layers] == [10_200, 101]
    assert model.count_params() == count_params(params) == 10_301


@settings(max_examples=4, **FEW)
@given(T=sizes, D=sizes, H=sizes, O=st.integers(1, 3), B=st.integers(1, 3),
       return_sequences=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_one_layer_agrees_with_keras(T, D, H, O, B, return_sequences, seed):
    rng = np.random.default_rng(seed)
    model, (rnn,), dense = rnn_model(T, D, [H], O, return_sequences)
    X = rng.normal(size=(B, T, D))
    # 1. Keras's own initial weights, mapped to ours with from_keras.
    p = from_keras(weights(rnn) | weights(dense, "dense."))
    # 2. Our random weights (non-zero biases), put into Keras with to_keras.
    q = init_params(H, D, O, rng)
    for params in (p, q):
        kp = to_keras(params)
        set_weights(rnn, kp)
        set_weights(dense, kp, "dense.")
        states, y = (np.asarray(a) for a in model(X.astype("float32")))
        S, Y = ours([params], X)
        if return_sequences:
            assert states.shape == (B, T, H) and y.shape == (B, T, O)
            np.testing.assert_allclose(states, S, **TOLERANCE)
            np.testing.assert_allclose(y, Y, **TOLERANCE)
        else:
            assert states.shape == (B, H) and y.shape == (B, O)
            np.testing.assert_allclose(states, S[:, -1], **TOLERANCE)
            np.testing.assert_allclose(y, Y[:, -1], **TOLERANCE)


@settings(max_examples=2, **FEW)
@given(T=sizes, D=sizes, H1=sizes, H2=sizes, seed=st.integers(0, 2**32 - 1))
def test_two_stacked_layers_agree_with_keras(T, D, H1, H2, seed):
    rng = np.random.default_rng(seed)
    model, (rnn1, rnn2), dense = rnn_model(T, D, [H1, H2], 1, return_sequences=False)
    assert weights(rnn2)["kernel"].shape == (H1, H2)    # layer 2's input matrix reads layer 1's states
    low, top = init_params(H1, D, 1, rng), init_params(H2, H1, 1, rng)
    set_weights(rnn1, to_keras(low))
    set_weights(rnn2, to_keras(top))
    set_weights(dense, to_keras(top), "dense.")
    X = rng.normal(size=(2, T, D))
    states, y = (np.asarray(a) for a in model(X.astype("float32")))
    S, Y = ours([no_output(low), top], X)
    assert states.shape == (2, H2) and y.shape == (2, 1)
    np.testing.assert_allclose(states, S[:, -1], **TOLERANCE)
    np.testing.assert_allclose(y, Y[:, -1], **TOLERANCE)


def test_a_missing_transpose_is_caught():
    """The check can fail: reading recurrent_kernel without its transpose disagrees with Keras."""
    rng = np.random.default_rng(1)
    model, (rnn,), dense = rnn_model(6, 2, [4], 1, return_sequences=True)
    params = init_params(4, 2, 1, rng)
    set_weights(rnn, to_keras(params))
    set_weights(dense, to_keras(params), "dense.")
    X = rng.normal(size=(3, 6, 2))
    states, _ = (np.asarray(a) for a in model(X.astype("float32")))
    wrong = params | {"W": params["W"].T}
    assert np.allclose(states, ours([params], X)[0], **TOLERANCE)
    assert not np.allclose(states, ours([wrong], X)[0], **TOLERANCE)


def test_simple_rnn_defaults_that_pages_state():
    """sigmoid-or-tanh.md: SimpleRNN uses tanh; shapes-with-a-batch.md: Keras is batch-first."""
    import keras

    layer = keras.layers.SimpleRNN(3)
    assert layer.activation.__name__ == "tanh"
    assert tuple(layer.compute_output_shape((2, 5, 4))) == (2, 3)          # (B, T, D) -> (B, H)


def test_the_test_processes_share_the_jax_cache_under_a_lock():
    """conftest.py: JAX writes a cache file in place; the xdist workers share .cache/jax safely only
    because a size limit is set, with which JAX locks the folder for each read and write."""
    import jax
    from jax._src import lru_cache

    assert Path(jax.config.jax_compilation_cache_dir).name == "jax"
    assert jax.config.jax_compilation_cache_max_size > 0 and lru_cache.filelock is not None
