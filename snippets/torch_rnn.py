"""torch.nn.RNN in NumPy: stacked layers, both directions, batch_first, chunks of a long sequence.

PyTorch is not installed in this site's test run. ``torch_rnn`` follows the
formula and the shapes in torch.nn.RNN's documentation: every layer and
direction computes h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh);
h_0 and h_n are (num_layers * num_directions, N, H) whatever ``batch_first``
says; ``output`` holds the last layer's h_t for every t.

>>> import numpy as np
>>> from snippets.torch_rnn import init_torch_rnn, torch_rnn
>>> rng = np.random.default_rng(0)
>>> params = init_torch_rnn(D=1, H=100, rng=rng, num_layers=2, bidirectional=True)
>>> {name: p.shape for name, p in params.items() if name.endswith("l1")}
{'weight_ih_l1': (100, 200), 'weight_hh_l1': (100, 100), 'bias_ih_l1': (100,), 'bias_hh_l1': (100,)}
>>> output, h_n = torch_rnn(params, rng.normal(size=(50, 8, 1)))      # (L, N, D)
>>> output.shape, h_n.shape
((50, 8, 200), (4, 8, 100))
>>> torch_rnn(params, rng.normal(size=(50, 8, 1)), h_0=np.zeros((8, 4, 100)))
Traceback (most recent call last):
...
ValueError: h_0 must have shape (4, 8, 100), got (8, 4, 100)

A stack of two layers is two one-layer RNNs, the second reading the first's output:

>>> x = rng.normal(size=(50, 8, 1))
>>> stacked = init_torch_rnn(D=1, H=100, rng=rng, num_layers=2)
>>> out_1, _ = torch_rnn(layer(stacked, 0), x)
>>> out_2, _ = torch_rnn(layer(stacked, 1), out_1)
>>> bool(np.allclose(out_2, torch_rnn(stacked, x)[0]))
True

Carrying h from chunk to chunk gives the same states as one pass; with the
state detached, the gradient is truncated BPTT (snippets.gradient_flow.scalar_bptt):

>>> bool(np.allclose(run_in_chunks(stacked, x, k=10)[0], torch_rnn(stacked, x)[0]))
True
>>> from snippets.gradient_flow import scalar_bptt
>>> xs = np.sin(np.arange(20.0))
>>> slope = detached_slope(0.5, 0.8, 1.2, xs, 0.3, k=5)
>>> bool(abs(slope - scalar_bptt(0.5, 0.8, 1.2, xs, 0.3, truncate=5)[1]["w"]) < 1e-8)
True
"""

from __future__ import annotations

import numpy as np

from snippets.param_shapes import model_shapes
from snippets.shapes import check_shape

NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
DIRECTIONS = ("", "_reverse")  # PyTorch's suffixes for direction 0 and 1


def torch_rnn_shapes(D: int, H: int, num_layers: int = 1, bidirectional: bool = False) -> dict:
    """Name -> shape of torch.nn.RNN's parameters, from the one rule in snippets.param_shapes."""
    model = model_shapes("pytorch", D=D, H=H, layers=num_layers, bidirectional=int(bidirectional))
    return {p.name: p.shape for p in model.params if p.layer == "rnn"}


def init_torch_rnn(
    D: int, H: int, rng: np.random.Generator, num_layers: int = 1, bidirectional: bool = False
) -> dict[str, np.ndarray]:
    """The parameters of torch.nn.RNN(D, H, num_layers, bidirectional=...), same names and shapes."""
    k = 1.0 / np.sqrt(H)
    return {name: rng.uniform(-k, k, shape)
            for name, shape in torch_rnn_shapes(D, H, num_layers, bidirectional).items()}


def torch_rnn_layout(params: dict[str, np.ndarray]) -> tuple[int, int, int, int]:
    """D, H, num_layers, num_directions, after checking every parameter's shape."""
    if np.ndim(params.get("weight_ih_l0")) != 2:
        raise ValueError("params need a 2-D weight_ih_l0 of shape (H, D)")
    H, D = params["weight_ih_l0"].shape
    num_directions = 2 if "weight_ih_l0_reverse" in params else 1
    num_layers = sum(1 for name in params if name.startswith("weight_ih_l") and "_reverse" not in name)
    for name, shape in torch_rnn_shapes(D, H, num_layers, num_directions == 2).items():
        check_shape(name, params[name], shape)
    return D, H, num_layers, num_directions


# --8<-- [start:torch_rnn]
def torch_rnn(
    params: dict[str, np.ndarray], x: np.ndarray, h_0: np.ndarray | None = None,
    batch_first: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """output, h_n of torch.nn.RNN for x (L, N, D), or (N, L, D) with batch_first=True."""
    D, H, num_layers, num_directions = torch_rnn_layout(params)
    if np.ndim(x) != 3 or np.shape(x)[2] != D:
        raise ValueError(f"x must have shape ({'N, L' if batch_first else 'L, N'}, {D}), got {np.shape(x)}")
    if batch_first:
        x = x.transpose(1, 0, 2)                # batch_first changes input and output only
    L, N, _ = x.shape
    if h_0 is None:
        h_0 = np.zeros((num_layers * num_directions, N, H))
    check_shape("h_0", h_0, (num_layers * num_directions, N, H))   # never batch first
    h_n = []
    for layer_ in range(num_layers):
        outs = []
        for direction, suffix in enumerate(DIRECTIONS[:num_directions]):
            p = {name: params[f"{name}_l{layer_}{suffix}"] for name in NAMES}
            h = h_0[layer_ * num_directions + direction]                # (N, H)
            out = np.empty((L, N, H))
            for t in (range(L) if direction == 0 else range(L - 1, -1, -1)):
                h = np.tanh(x[t] @ p["weight_ih"].T + p["bias_ih"] + h @ p["weight_hh"].T + p["bias_hh"])
                out[t] = h
            outs.append(out)
            h_n.append(h)                       # the state after this direction's last step
        x = np.concatenate(outs, axis=2)        # (L, N, num_directions * H): the next layer's input
    output = x.transpose(1, 0, 2) if batch_first else x
    return output, np.stack(h_n)                # h_n: (num_layers * num_directions, N, H)
# --8<-- [end:torch_rnn]


def layer(params: dict[str, np.ndarray], k: int) -> dict[str, np.ndarray]:
    """Layer k of a stacked RNN as a one-layer RNN (its parameters renamed to _l0)."""
    return {name.replace(f"_l{k}", "_l0"): p for name, p in params.items() if f"_l{k}" in name}


# --8<-- [start:run_in_chunks]
def run_in_chunks(
    params: dict[str, np.ndarray], x: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Read a long x (L, N, D) k steps at a time, carrying the hidden state over."""
    h = None                                    # the first chunk starts from zeros
    outputs = []
    for start in range(0, len(x), k):
        out, h = torch_rnn(params, x[start:start + k], h)   # PyTorch: h = h.detach() here
        outputs.append(out)
    return np.concatenate(outputs), h
# --8<-- [end:run_in_chunks]


# --8<-- [start:detached_slope]
def one_unit(w: float, u: float) -> dict[str, np.ndarray]:
    """torch.nn.RNN(1, 1) without biases: h_t = tanh(u x_t + w h_{t-1})."""
    return {"weight_ih_l0": np.array([[u]]), "weight_hh_l0": np.array([[w]]),
            "bias_ih_l0": np.zeros(1), "bias_hh_l0": np.zeros(1)}


def detached_slope(w: float, u: float, v: float, xs: np.ndarray, y: float, k: int,
                   eps: float = 1e-6) -> float:
    """dL/dw of L = 0.5 (v h_T - y)^2 when the state is detached k steps before the end."""
    if not 1 <= k <= len(xs):
        raise ValueError(f"k must be between 1 and {len(xs)}, got {k}")
    x = np.reshape(xs, (-1, 1, 1))              # (L, N=1, D=1)
    _, h_cut = torch_rnn(one_unit(w, u), x[:len(x) - k])   # its value is kept, its history is not

    def loss(w_: float) -> float:               # only the last k steps see the changed w
        _, h_T = torch_rnn(one_unit(w_, u), x[len(x) - k:], h_cut)
        return 0.5 * (v * float(h_T[0, 0, 0]) - y) ** 2

    return (loss(w + eps) - loss(w - eps)) / (2 * eps)      # central difference
# --8<-- [end:detached_slope]
