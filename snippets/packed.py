"""A padded batch read as PyTorch reads a PackedSequence: each sequence for its own length.

PyTorch is not installed in this site's test run. ``packed_rnn`` follows the
documentation of ``torch.nn.utils.rnn.pack_padded_sequence`` and
``pad_packed_sequence``: every sequence is run for its own number of real steps
(the backward direction starts at its last real step), ``h_n`` holds each
sequence's state after its own last real step, and ``output`` is zero past each
length. ``tests/unit/test_torch_packed.py`` compares it with torch itself where
torch is installed (not in the default run).

>>> import numpy as np
>>> from snippets.torch_rnn import init_torch_rnn
>>> rng = np.random.default_rng(0)
>>> rnn = init_torch_rnn(D=1, H=3, rng=rng)
>>> output, h_n = packed_rnn(rnn, rng.normal(size=(5, 2, 1)), lengths=[5, 2])
>>> output.shape, h_n.shape
((5, 2, 3), (1, 2, 3))
>>> packed_rnn(rnn, rng.normal(size=(5, 2, 1)), lengths=[5, 2, 1])
Traceback (most recent call last):
...
ValueError: lengths must have shape (2,), got (3,)
>>> packed_rnn(rnn, rng.normal(size=(5, 2, 1)), lengths=[6, 2])
Traceback (most recent call last):
...
ValueError: lengths must lie in 1..5, got [6, 2]
"""

from __future__ import annotations

import numpy as np

from snippets.torch_rnn import torch_rnn, torch_rnn_layout
from snippets.shapes import check_shape


# --8<-- [start:packed_rnn]
def packed_rnn(params: dict[str, np.ndarray], x: np.ndarray,
               lengths: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """output, h_n of nn.RNN on pack_padded_sequence(x, lengths), output padded back.

    x is (L, N, D), zero-padded after each sequence's length.
    """
    L, N, _ = np.shape(x)
    check_shape("lengths", np.asarray(lengths), (N,))
    if min(lengths) < 1 or max(lengths) > L:
        raise ValueError(f"lengths must lie in 1..{L}, got {list(lengths)}")
    _, H, num_layers, num_directions = torch_rnn_layout(params)
    output = np.zeros((L, N, num_directions * H))           # zero past each length
    h_n = np.zeros((num_layers * num_directions, N, H))
    for i, length in enumerate(lengths):                     # each sequence alone,
        out_i, h_i = torch_rnn(params, x[:length, i:i + 1])  # its real steps only
        output[:length, i], h_n[:, i] = out_i[:, 0], h_i[:, 0]
    return output, h_n
# --8<-- [end:packed_rnn]
