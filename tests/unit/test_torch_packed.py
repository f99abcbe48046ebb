"""What the FAQ pages say about PyTorch beyond a plain tensor input, checked against torch itself.

Collected only where torch is installed (see tests/unit/test_torch.py for why and how):

    uv pip install torch==2.13.0
    uv run pytest tests/unit/test_torch_packed.py

It passed with torch 2.13.0+cpu.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.torch_rnn import init_torch_rnn
from snippets.packed import packed_rnn



@pytest.fixture(scope="module")
def torch():
    import torch

    torch.set_default_dtype(torch.float64)
    return torch


def torch_rnn_with(torch, params: dict, num_layers: int, bidirectional: bool):
    D, H = params["weight_ih_l0"].shape[1], params["weight_hh_l0"].shape[0]
    rnn = torch.nn.RNN(D, H, num_layers=num_layers, bidirectional=bidirectional)
    rnn.load_state_dict({name: torch.tensor(p) for name, p in params.items()})
    return rnn


@pytest.mark.parametrize("num_layers, bidirectional", [(1, False), (2, False), (2, True)])
def test_packed_rnn_is_torch_on_a_packed_sequence(torch, num_layers, bidirectional):
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    rng = np.random.default_rng(0)
    params = init_torch_rnn(D=2, H=5, rng=rng, num_layers=num_layers, bidirectional=bidirectional)
    lengths = [7, 3, 5, 1]
    x = rng.normal(size=(7, 4, 2))
    for i, length in enumerate(lengths):
        x[length:, i] = 0.0                                   # zero padding
    rnn = torch_rnn_with(torch, params, num_layers, bidirectional)
    packed = pack_padded_sequence(torch.tensor(x), torch.tensor(lengths), enforce_sorted=False)
    out_packed, h_n = rnn(packed)
    output, _ = pad_packed_sequence(out_packed, total_length=7)
    ours_output, ours_h_n = packed_rnn(params, x, lengths)
    np.testing.assert_allclose(output.detach().numpy(), ours_output, atol=1e-12)
    np.testing.assert_allclose(h_n.detach().numpy(), ours_h_n, atol=1e-12)


def test_a_batch_first_h_0_is_refused_with_a_runtime_error(torch):
    rnn = torch.nn.RNN(1, 100, num_layers=2, bidirectional=True)
    with pytest.raises(RuntimeError, match=r"Expected hidden size \(4, 8, 100\), got \[8, 4, 100\]"):
        rnn(torch.zeros(50, 8, 1), torch.zeros(8, 4, 100))


def moved_bias_keeps_output(torch, cls, gates: str) -> dict[str, bool]:
    """Move a random s from bias_ih to bias_hh, one gate block at a time."""
    torch.manual_seed(0)
    layer = cls(3, 4)
    x = torch.randn(6, 2, 3)
    reference, _ = layer(x)
    s = torch.randn(4)
    unchanged = {}
    for block, gate in enumerate(gates):
        moved = cls(3, 4)
        moved.load_state_dict(layer.state_dict())
        with torch.no_grad():
            moved.bias_ih_l0[4 * block:4 * block + 4] += s
            moved.bias_hh_l0[4 * block:4 * block + 4] -= s
        unchanged[gate] = bool(torch.allclose(moved(x)[0], reference, atol=1e-12))
    return unchanged


def test_only_the_sum_of_the_two_biases_matters_in_rnn_and_lstm(torch):
    assert moved_bias_keeps_output(torch, torch.nn.RNN, "h") == {"h": True}
    assert moved_bias_keeps_output(torch, torch.nn.LSTM, "ifgo") == dict.fromkeys("ifgo", True)


def test_gru_candidate_recurrent_bias_is_a_real_parameter(torch):
    """PyTorch's order is r, z, n: the candidate n's b_hn sits inside r * (...)."""
    assert moved_bias_keeps_output(torch, torch.nn.GRU, "rzn") == {"r": True, "z": True, "n": False}


def test_unbatched_input_has_no_batch_axis(torch):
    output, h_n = torch.nn.RNN(1, 100, num_layers=2)(torch.zeros(50, 1))
    assert (tuple(output.shape), tuple(h_n.shape)) == ((50, 100), (2, 100))


def test_a_transposed_h_0_passes_when_the_leading_sizes_agree(torch):
    rnn = torch.nn.RNN(1, 3, num_layers=2)
    _, h_n = rnn(torch.zeros(5, 2, 1), torch.zeros(2, 2, 3))     # N = layers: no error
    assert tuple(h_n.shape) == (2, 2, 3)
