"""Keras itself next to our crosswalk: what SimpleRNN stores, and that our forward agrees.

Keras 3 runs on JAX here (installed with the test dependencies; conftest.py sets
KERAS_BACKEND=jax, and sine_model does the same when it is unset, since Keras would
otherwise look for TensorFlow). Keras is imported inside the functions, so importing
this module stays cheap.

>>> import numpy as np
>>> from snippets.keras_check import sine_model, keras_shapes, keras_weights, agrees, keras_table
>>> model = sine_model(T=50, D=1, H=100, O=1)
>>> keras_shapes(model)
{'kernel': (1, 100), 'recurrent_kernel': (100, 100), 'bias': (100,), 'dense.kernel': (100, 1), 'dense.bias': (1,)}
>>> sorted(keras_weights(model)) == sorted(keras_shapes(model))
True
>>> agrees(model, np.random.default_rng(0).normal(size=(3, 50, 1)))
True
>>> keras_weights(model.layers[1])
Traceback (most recent call last):
...
ValueError: expected a Keras model of SimpleRNN then Dense, got Dense

What ``model.summary()`` shows, without the layer names:

>>> import keras
>>> model = keras.Sequential([keras.Input((50, 1)), keras.layers.SimpleRNN(50), keras.layers.Dense(1)])
>>> for row in keras_table(model):
...     print(*row)
SimpleRNN (None, 50) [(1, 50), (50, 50), (50,)] 2600
Dense (None, 1) [(50, 1), (1,)] 51
"""

from __future__ import annotations

import os

import numpy as np

from snippets.conventions import from_keras
from snippets.elman import forward


# --8<-- [start:model]
def sine_model(T: int = 50, D: int = 1, H: int = 100, O: int = 1):
    """The sine task in Keras: SimpleRNN(H) then Dense(O) on inputs (B, T, D)."""
    os.environ.setdefault("KERAS_BACKEND", "jax")      # read when Keras is first imported
    import keras

    return keras.Sequential(
        [keras.Input((T, D)), keras.layers.SimpleRNN(H), keras.layers.Dense(O)]
    )
# --8<-- [end:model]


# --8<-- [start:weights]
def keras_weights(model) -> dict[str, np.ndarray]:
    """Keras's own weights, named as snippets.conventions.to_keras names them."""
    layers = getattr(model, "layers", [model])
    kinds = ", ".join(type(layer).__name__ for layer in layers)
    if kinds != "SimpleRNN, Dense":
        raise ValueError(f"expected a Keras model of SimpleRNN then Dense, got {kinds}")
    rnn, dense = layers
    weights = {w.name: np.asarray(w.value) for w in rnn.weights}  # kernel, recurrent_kernel, bias
    weights |= {f"dense.{w.name}": np.asarray(w.value) for w in dense.weights}
    return weights


def keras_shapes(model) -> dict[str, tuple[int, ...]]:
    """The shape of every weight, as Keras stores it."""
    return {name: w.shape for name, w in keras_weights(model).items()}
# --8<-- [end:weights]


# --8<-- [start:agrees]
TOLERANCE = {"rtol": 1e-4, "atol": 1e-5}  # Keras computes in float32, we in float64


def agrees(model, X: np.ndarray) -> bool:
    """Our Elman forward with Keras's weights mapped back through the crosswalk
    gives Keras's output. X is in Keras's layout (B, T, D)."""
    params = from_keras(keras_weights(model))
    _, y = forward(params, np.transpose(X, (1, 2, 0)))            # ours: X (T, D, B), y (O, B)
    y_keras = np.asarray(model(X.astype("float32")))               # Keras: (B, O)
    return bool(np.allclose(y.T, y_keras, **TOLERANCE))
# --8<-- [end:agrees]


# --8<-- [start:keras_table]
def keras_table(model) -> list[tuple]:
    """model.summary() without the layer names: type, output shape, weight shapes, count."""
    return [(type(lay).__name__, tuple(lay.output.shape), [tuple(w.shape) for w in lay.weights],
             lay.count_params()) for lay in model.layers]
# --8<-- [end:keras_table]
