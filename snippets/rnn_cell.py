"""torch.nn.RNNCell on the NumPy model: one step of one layer, with nn.RNN's weight shapes.

PyTorch is not installed here. ``torch_rnn_cell`` follows torch.nn.RNNCell's documentation:
h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh) with weight_ih (H, D), weight_hh (H, H),
bias_ih and bias_hh (H,); input (N, D) or (D,), hidden (N, H) or (H,), zeros when not given.
The cell's parameters are those of a one-layer nn.RNN without the ``_l0`` suffix, so
looping the cell over time is that RNN (snippets.torch_rnn.torch_rnn):

>>> import numpy as np
>>> from snippets.torch_rnn import init_torch_rnn, torch_rnn
>>> rnn = init_torch_rnn(D=1, H=4, rng=np.random.default_rng(0))
>>> cell = cell_of(rnn)
>>> {name: p.shape for name, p in cell.items()}
{'weight_ih': (4, 1), 'weight_hh': (4, 4), 'bias_ih': (4,), 'bias_hh': (4,)}
>>> x = np.random.default_rng(1).normal(size=(50, 8, 1))                  # (L, N, D)
>>> bool(np.allclose(loop_cell(cell, x), torch_rnn(rnn, x)[0]))
True
>>> torch_rnn_cell(cell, x[0], h=np.zeros((8, 5)))
Traceback (most recent call last):
...
ValueError: h must have shape (8, 4), got (8, 5)
"""

from __future__ import annotations

import numpy as np

from snippets.torch_rnn import torch_rnn_layout
from snippets.shapes import check_shape

NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


def cell_of(params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The nn.RNNCell that is layer 0 of a one-layer, one-direction nn.RNN: same arrays."""
    _, _, num_layers, num_directions = torch_rnn_layout(params)
    if (num_layers, num_directions) != (1, 1):
        raise ValueError(f"expected one layer, one direction, got {num_layers} and {num_directions}")
    return {name: params[f"{name}_l0"] for name in NAMES}


# --8<-- [start:cell]
def torch_rnn_cell(cell: dict[str, np.ndarray], x: np.ndarray, h: np.ndarray | None = None
                   ) -> np.ndarray:
    """One step: x (N, D) or (D,), h (N, H) or (H,) -> h' of h's shape."""
    H, D = np.shape(cell["weight_ih"])
    check_shape("weight_hh", cell["weight_hh"], (H, H))
    check_shape("bias_ih", cell["bias_ih"], (H,))
    check_shape("bias_hh", cell["bias_hh"], (H,))
    batch = np.shape(x)[:-1]                      # (N,) or () for one unbatched step
    check_shape("x", x, (*batch, D))
    if h is None:
        h = np.zeros((*batch, H))
    check_shape("h", h, (*batch, H))
    return np.tanh(x @ cell["weight_ih"].T + cell["bias_ih"] + h @ cell["weight_hh"].T + cell["bias_hh"])


def loop_cell(cell: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """What nn.RNN does for one layer: the cell applied at every step of x (L, N, D)."""
    h, outputs = None, []
    for x_t in x:                                 # x_t (N, D)
        h = torch_rnn_cell(cell, x_t, h)          # the same weights at every step
        outputs.append(h)
    return np.stack(outputs)                      # (L, N, H), nn.RNN's output
# --8<-- [end:cell]
