"""Which of a GRU's second biases are redundant: moved between the two, per gate, in real Keras.

Keras's GRU with ``reset_after=True`` (its default, and PyTorch's only form) keeps
``bias`` (2, 3H): row 0 for the input part, row 1 for the recurrent part, each in
the blocks z, r, h (update gate, reset gate, candidate). The candidate is
tanh(x W + b_in + r * (h U + b_hn)): its recurrent bias is scaled by the reset
gate r, so it is not a second copy of b_in.

>>> import numpy as np
>>> moved_keeps_output(np.random.default_rng(0).normal(size=(2, 6, 3)), H=4)
{'z': True, 'r': True, 'h': False}
"""

from __future__ import annotations

import os

import numpy as np

GATES = ("z", "r", "h")  # Keras's order of the three blocks in kernel, recurrent_kernel, bias


# --8<-- [start:moved_keeps_output]
def moved_keeps_output(x: np.ndarray, H: int, seed: int = 0) -> dict[str, bool]:
    """For each block of a Keras GRU(H): add a random s to the input bias and take it
    from the recurrent bias. Is every output the same as before?"""
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras

    keras.utils.set_random_seed(seed)
    gru = keras.layers.GRU(H, return_sequences=True, bias_initializer="random_normal")
    before = np.asarray(gru(x))                      # builds the layer: bias is (2, 3H)
    kernel, recurrent, bias = gru.get_weights()
    s = np.random.default_rng(seed).normal(size=H)
    same = {}
    for block, gate in enumerate(GATES):
        moved = bias.copy()
        moved[0, block * H:(block + 1) * H] += s     # input part
        moved[1, block * H:(block + 1) * H] -= s     # recurrent part
        gru.set_weights([kernel, recurrent, moved])
        same[gate] = bool(np.allclose(np.asarray(gru(x)), before, atol=1e-5))
    gru.set_weights([kernel, recurrent, bias])
    return same
# --8<-- [end:moved_keeps_output]
