"""torch.nn.RNN's unbatched input, as its documentation describes it, on the NumPy model.

PyTorch is not installed here. ``torch_rnn_any`` extends snippets.torch_rnn.torch_rnn
(batched input only) with what torch.nn.RNN's documentation gives for unbatched input:
input (L, H_in), h_0 (D * num_layers, H_out), output (L, D * H_out), h_n (D * num_layers,
H_out). It does what torch/nn/modules/rnn.py does: add a batch axis of size 1 (axis 0 with
batch_first=True, else axis 1; axis 1 for h_0), run the batched RNN, remove the axis again.
Its error messages are PyTorch's; PyTorch raises RuntimeError for the two about hx.

>>> import numpy as np
>>> from snippets.torch_rnn import init_torch_rnn
>>> params = init_torch_rnn(D=1, H=4, rng=np.random.default_rng(0))
>>> output, h_n = torch_rnn_any(params, np.zeros((50, 1)))               # (L, H_in)
>>> output.shape, h_n.shape
((50, 4), (1, 4))
>>> torch_rnn_any(params, np.zeros((50, 1)), h_0=np.zeros((1, 1, 4)))
Traceback (most recent call last):
...
ValueError: For unbatched 2-D input, hx should also be 2-D but got 3-D tensor
>>> torch_rnn_any(params, np.zeros((50, 8, 1)), h_0=np.zeros((1, 4)))
Traceback (most recent call last):
...
ValueError: For batched 3-D input, hx should also be 3-D but got 2-D tensor
>>> torch_rnn_any(params, np.zeros(50))
Traceback (most recent call last):
...
ValueError: RNN: Expected input to be 2D or 3D, got 1D tensor instead
"""

from __future__ import annotations

import numpy as np

from snippets.torch_rnn import torch_rnn


# --8<-- [start:torch_rnn_any]
def torch_rnn_any(
    params: dict[str, np.ndarray], x: np.ndarray, h_0: np.ndarray | None = None,
    batch_first: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """output, h_n of torch.nn.RNN for batched x (L, N, D) or unbatched x (L, D)."""
    if np.ndim(x) not in (2, 3):
        raise ValueError(f"RNN: Expected input to be 2D or 3D, got {np.ndim(x)}D tensor instead")
    if np.ndim(x) == 3:                                   # batched: nothing to add
        if h_0 is not None and np.ndim(h_0) != 3:
            raise ValueError(f"For batched 3-D input, hx should also be 3-D but got {np.ndim(h_0)}-D tensor")
        return torch_rnn(params, x, h_0, batch_first)
    if h_0 is not None and np.ndim(h_0) != 2:
        raise ValueError(f"For unbatched 2-D input, hx should also be 2-D but got {np.ndim(h_0)}-D tensor")
    batch_dim = 0 if batch_first else 1                   # one sequence: a batch of size 1
    h_0 = None if h_0 is None else h_0[:, None]           # (layers, H) -> (layers, 1, H)
    output, h_n = torch_rnn(params, np.expand_dims(x, batch_dim), h_0, batch_first)
    return output.squeeze(batch_dim), h_n[:, 0]           # (L, H), (layers, H)
# --8<-- [end:torch_rnn_any]
