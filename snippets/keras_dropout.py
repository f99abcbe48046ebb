"""Which path Keras's dropout and recurrent_dropout mask, seen on a layer that shows its masks.

``probe`` is a real Keras SimpleRNN with identity kernels, no bias and no activation, so one
step is h_t = m * x_t + r * h_{t-1} with m the input mask (``dropout``) and r the recurrent
mask (``recurrent_dropout``), each 0 or 1 / (1 - rate) per unit, 1 when off. With x_t = 1
the states show the masks: h_t = t * m when only m is on, h_t = 1 + r * h_{t-1} when only r
is. Keras applies the masks in the cell's call the same way whatever the activation
(keras/src/layers/rnn/simple_rnn.py), so the identity kernels hide nothing.

>>> import keras
>>> keras.utils.set_random_seed(0)
>>> trajectories(probe())                                # no dropout: h_t = t
[(1.0, 2.0, 3.0, 4.0, 5.0)]
>>> trajectories(probe(dropout=0.5), training=False)     # masks act only in training
[(1.0, 2.0, 3.0, 4.0, 5.0)]
"""

from __future__ import annotations

import os

import numpy as np


# --8<-- [start:probe]
def probe(dropout: float = 0.0, recurrent_dropout: float = 0.0, units: int = 4, seed: int = 0):
    """SimpleRNN(units) whose step is h_t = mask * x_t + recurrent_mask * h_(t-1)."""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras

    return keras.layers.SimpleRNN(
        units, activation=None, use_bias=False, return_sequences=True,
        kernel_initializer="identity", recurrent_initializer="identity",   # U = W = I
        dropout=dropout, recurrent_dropout=recurrent_dropout, seed=seed)


def trajectories(layer, T: int = 5, B: int = 2, training: bool = True) -> list[tuple[float, ...]]:
    """Run the layer on x = 1 (B, T, units) and return the distinct sequences h_1..h_T of a unit."""
    states = np.asarray(layer(np.ones((B, T, layer.units), "float32"), training=training))
    per_unit = states.transpose(0, 2, 1).reshape(-1, T)         # (B * units, T)
    return sorted({tuple(float(v) for v in row) for row in per_unit})
# --8<-- [end:probe]
