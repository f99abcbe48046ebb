"""Carrying an RNN's state from one batch to the next in Keras 3, call by call.

A stateful layer keeps its last state in a variable and starts its next call from
it. Which Keras calls actually do that is checked here on the real library
(Keras 3, JAX backend): two batches of one long sequence, targets that a layer
reading the whole sequence gives, and a learning rate of 0 so that training calls
leave the weights alone; a call carries the state when it reproduces them.

>>> import numpy as np
>>> from snippets.stateful import consecutive_batches
>>> batches = consecutive_batches(np.arange(12.0), B=2, k=3)
>>> batches.shape                                 # (batches, B, k, 1)
(2, 2, 3, 1)
>>> batches[..., 0].tolist()                      # row i of batch 1 continues row i of batch 0
[[[0.0, 1.0, 2.0], [6.0, 7.0, 8.0]], [[3.0, 4.0, 5.0], [9.0, 10.0, 11.0]]]
>>> consecutive_batches(np.arange(10.0), B=2, k=3)
Traceback (most recent call last):
...
ValueError: series must have shape (a multiple of B * k = 6,), got (10,)
"""

from __future__ import annotations

import os

import numpy as np


# --8<-- [start:consecutive_batches]
def consecutive_batches(series: np.ndarray, B: int, k: int) -> np.ndarray:
    """Cut a series into B consecutive pieces, then each piece into chunks of k steps.

    Returns (batches, B, k, 1): row i of batch j + 1 continues row i of batch j.
    """
    n = series.shape[0]
    if series.ndim != 1 or n % (B * k):
        raise ValueError(f"series must have shape (a multiple of B * k = {B * k},), "
                         f"got {series.shape}")
    pieces = series.reshape(B, n // B)           # piece i: steps i*n/B ... (i+1)*n/B - 1
    return pieces.reshape(B, -1, k).transpose(1, 0, 2)[..., None]
# --8<-- [end:consecutive_batches]


def two_halves(B: int = 2, k: int = 10, H: int = 4, seed: int = 0):
    """Two batches (B, k, 1) of B sequences, a stateful SimpleRNN(H) model for them,
    and the targets a layer with the same weights gives: y_first on the first
    half, y_carried on the second half read after the first (the whole sequence)."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras

    keras.utils.set_random_seed(seed)
    x_long = consecutive_batches(np.sin(np.arange(2.0 * B * k) / 3), B, k).astype("float32")
    first, second = x_long
    model = keras.Sequential([keras.Input(batch_shape=(B, k, 1)),
                              keras.layers.SimpleRNN(H, stateful=True)])
    model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=0.0))
    whole = keras.layers.SimpleRNN(H)              # not stateful: reads all 2k steps
    whole.build((B, 2 * k, 1))
    whole.set_weights(model.layers[0].get_weights())
    y_first = np.asarray(whole(first))
    y_carried = np.asarray(whole(np.concatenate([first, second], axis=1)))
    return model, (first, second), (y_first, y_carried)


# --8<-- [start:carried_by]
def carried_by(model, halves, targets) -> dict[str, bool]:
    """For each way of running a stateful model on two consecutive batches (one call
    per batch, or one call given both): does the second batch start from the state
    the first one left?"""
    (first, second), (y_first, y_carried) = halves, targets
    both, y_both = np.concatenate([first, second]), np.concatenate([y_first, y_carried])
    B = first.shape[0]

    def same(y):                                   # y is what a carried state gives
        return bool(np.allclose(np.asarray(y), y_carried, atol=1e-5))

    def zero(loss):                                # loss 0 on the carried targets
        return bool(loss < 1e-8)

    runs = {
        "model(x)": lambda: (model(first), same(model(second)))[1],
        "predict": lambda: (model.predict(first, verbose=0),
                            same(model.predict(second, verbose=0)))[1],
        "predict(both)": lambda: same(model.predict(both, batch_size=B, verbose=0)[B:]),
        "predict_on_batch": lambda: (model.predict_on_batch(first),
                                     same(model.predict_on_batch(second)))[1],
        "evaluate(both)": lambda: zero(model.evaluate(both, y_both, batch_size=B, verbose=0)),
        "train_on_batch": lambda: (model.train_on_batch(first, y_first),
                                   zero(model.train_on_batch(second, y_carried)))[1],
        "fit(both)": lambda: zero(model.fit(both, y_both, batch_size=B, shuffle=False,
                                      verbose=0).history["loss"][-1]),
    }
    carried = {}
    for name, run in runs.items():
        model.layers[0].reset_state()              # every run starts from zeros
        carried[name] = run()
    return carried
# --8<-- [end:carried_by]


# --8<-- [start:explicit_state]
def explicit_state_model(H: int, k: int):
    """A plain (not stateful) SimpleRNN(H) whose first state is an input:
    (x (B, k, 1), h_0 (B, H)) -> h_k (B, H), the state after the k steps."""
    import keras

    x, h_0 = keras.Input((k, 1)), keras.Input((H,))
    return keras.Model([x, h_0], keras.layers.SimpleRNN(H)(x, initial_state=h_0))


def train_carrying_state(model, batches, targets, epochs: int = 1) -> list[float]:
    """Truncated BPTT by hand: each batch starts from the state the previous batch
    left (a NumPy array, so no gradient reaches that batch); zeros at each epoch."""
    losses = []
    for _ in range(epochs):
        h = np.zeros((batches.shape[1], model.output.shape[-1]), "float32")  # reset
        for x, y in zip(batches, targets):
            losses.append(float(model.train_on_batch([x, h], y)))
            h = np.asarray(model.predict_on_batch([x, h]))   # the value, not the graph
    return losses
# --8<-- [end:explicit_state]
