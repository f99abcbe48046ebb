"""The crosswalk checked against torch.nn.RNN itself, where torch is installed.

PyTorch's Linux wheel from the package index brings several GB of CUDA libraries, so torch is
not a test dependency. Without it this file is not collected, and the run's header says so
(conftest.py): nothing is skipped. Run it where torch is installed:

    uv pip install torch==2.13.0          # into the project's .venv; from PyPI on Linux: CUDA build
    uv run pytest tests/unit/test_torch.py

It passed with torch 2.13.0+cpu (a CPU-only wheel).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.conventions import from_pytorch, to_pytorch
from snippets.elman import forward, init_params

sizes = st.integers(1, 5)


@pytest.fixture(scope="module")
def torch():
    import torch

    torch.set_default_dtype(torch.float64)
    return torch


def numpy_state(module) -> dict[str, np.ndarray]:
    return {name: t.detach().numpy() for name, t in module.state_dict().items()}


def ours(tp: dict, X: np.ndarray, num_layers: int, directions: int) -> tuple[np.ndarray, np.ndarray]:
    """Our Elman forward, one layer and direction at a time, on X (T, B, D): output, h_n."""
    h_n = []
    for layer in range(num_layers):
        outs = []
        for suffix in ["", "_reverse"][:directions]:
            p = from_pytorch(tp, f"l{layer}{suffix}")
            H = p["W"].shape[0]
            p |= {"V": np.zeros((1, H)), "c": np.zeros((1, 1))}     # unused: no output layer here
            seq = X[::-1] if suffix else X                          # reverse reads t = T..1
            S, _ = forward(p, seq.transpose(0, 2, 1))               # (T, H, B)
            S = S.transpose(0, 2, 1)                                # (T, B, H)
            outs.append(S[::-1] if suffix else S)
            h_n.append(S[-1])
        X = np.concatenate(outs, axis=2)                            # next layer's input
    return X, np.stack(h_n)


def test_parameter_names_and_shapes(torch):
    rnn = torch.nn.RNN(1, 100)
    linear = torch.nn.Linear(100, 1)
    shapes = {k: v.shape for k, v in numpy_state(rnn).items()}
    shapes |= {f"linear.{k}": v.shape for k, v in numpy_state(linear).items()}
    params = init_params(H=100, D=1, O=1, rng=np.random.default_rng(0))
    assert shapes == {k: v.shape for k, v in to_pytorch(params).items()}
    assert sum(p.numel() for m in (rnn, linear) for p in m.parameters()) == 10_401


def test_second_layer_and_reverse_direction_shapes(torch):
    shapes = {k: tuple(v.shape) for k, v in torch.nn.RNN(3, 7, num_layers=2, bidirectional=True)
              .state_dict().items()}
    assert shapes["weight_ih_l0"] == (7, 3) and shapes["weight_ih_l0_reverse"] == (7, 3)
    assert shapes["weight_ih_l1"] == (7, 14)       # layer 2 reads both directions' states
    assert shapes["weight_hh_l1_reverse"] == (7, 7)
    square = torch.nn.RNN(7, 7, num_layers=2).state_dict()
    assert tuple(square["weight_ih_l1"].shape) == (7, 7)   # D = H: the input matrix is square too


def test_to_pytorch_loads_into_torch_and_agrees(torch):
    rng = np.random.default_rng(3)
    params = init_params(H=6, D=2, O=1, rng=rng)
    tp = to_pytorch(params)
    rnn, linear = torch.nn.RNN(2, 6), torch.nn.Linear(6, 1)
    rnn.load_state_dict({k: torch.tensor(v) for k, v in tp.items() if not k.startswith("linear.")})
    linear.load_state_dict({k[7:]: torch.tensor(v) for k, v in tp.items() if k.startswith("linear.")})
    X = rng.normal(size=(5, 2, 3))                                  # ours (T, D, B)
    with torch.no_grad():
        output, h_n = rnn(torch.tensor(X.transpose(0, 2, 1)))      # torch (T, B, D)
        y = linear(h_n[-1])
    S, y_ours = forward(params, X)
    np.testing.assert_allclose(output.numpy(), S.transpose(0, 2, 1), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(y.numpy(), y_ours.T, rtol=1e-10, atol=1e-12)


@settings(max_examples=10, deadline=None)
@given(T=sizes, D=sizes, H=sizes, B=sizes, num_layers=st.integers(1, 2),
       bidirectional=st.booleans(), batch_first=st.booleans(), seed=st.integers(0, 2**31 - 1))
def test_nn_rnn_agrees_with_our_forward(torch, T, D, H, B, num_layers, bidirectional,
                                        batch_first, seed):
    torch.manual_seed(seed)
    rnn = torch.nn.RNN(D, H, num_layers=num_layers, bidirectional=bidirectional,
                       batch_first=batch_first)
    X = np.random.default_rng(seed).normal(size=(T, B, D))          # time-major
    with torch.no_grad():
        x = torch.tensor(X.transpose(1, 0, 2) if batch_first else X)
        output, h_n = (a.numpy() for a in rnn(x))
    directions = 2 if bidirectional else 1
    expected, expected_h_n = ours(numpy_state(rnn), X, num_layers, directions)
    if batch_first:                                   # batch_first moves the batch in output only
        expected = expected.transpose(1, 0, 2)
    assert output.shape == ((B, T) if batch_first else (T, B)) + (directions * H,)
    assert h_n.shape == (num_layers * directions, B, H)
    np.testing.assert_allclose(output, expected, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(h_n, expected_h_n, rtol=1e-10, atol=1e-12)


def test_defaults_that_pages_state(torch):
    """sigmoid-or-tanh.md: nn.RNN uses tanh; explained.md, why-does-uniform-init-saturate.md:
    PyTorch initialises every weight and bias from uniform(-1/sqrt(H), 1/sqrt(H))."""
    torch.manual_seed(0)
    rnn = torch.nn.RNN(1, 100)
    assert rnn.nonlinearity == "tanh" and rnn.batch_first is False
    values = np.concatenate([p.detach().numpy().ravel() for p in rnn.parameters()])
    k = 1 / np.sqrt(100)
    assert values.min() >= -k and values.max() <= k
    assert values.min() < -0.9 * k and values.max() > 0.9 * k     # the whole range is used
