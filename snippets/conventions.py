"""One network, four ways of writing it down.

The same Elman RNN written in the conventions of PyTorch, Keras, Dive into Deep
Learning (d2l) and Karpathy's min-char-rnn, all in NumPy. Converters take our
U, W, V, b, c (snippets.elman) and give each source's parameters; every
version computes the same hidden states.

>>> import numpy as np
>>> from snippets.elman import init_params, forward
>>> from snippets.conventions import (to_pytorch, pytorch_forward, to_keras,
...     keras_forward, to_d2l, d2l_forward, to_karpathy, karpathy_forward)
>>> rng = np.random.default_rng(1)
>>> params = init_params(H=100, D=1, O=1, rng=rng)
>>> X = rng.normal(size=(50, 1, 4))                   # ours: (T, D, B)
>>> S, y = forward(params, X)
>>> {k: v.shape for k, v in to_pytorch(params).items()}
{'weight_ih_l0': (100, 1), 'weight_hh_l0': (100, 100), 'bias_ih_l0': (100,), 'bias_hh_l0': (100,), 'linear.weight': (1, 100), 'linear.bias': (1,)}
>>> {k: v.shape for k, v in to_keras(params).items()}
{'kernel': (1, 100), 'recurrent_kernel': (100, 100), 'bias': (100,), 'dense.kernel': (100, 1), 'dense.bias': (1,)}
>>> Hs, out = pytorch_forward(to_pytorch(params), X.transpose(0, 2, 1))   # (T, B, D)
>>> bool(np.allclose(Hs.transpose(0, 2, 1), S)), bool(np.allclose(out.T, y))
(True, True)
>>> all_agree(params, X)
True

U is what the others call W_ih, W_xh^T, kernel^T or Wxh. Chollet and the
GRU/LSTM papers swap the letters:

>>> [row.source for row in CROSSWALK if row.letters_swapped]
['Chollet, Deep Learning with Python', 'GRU/LSTM papers']
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from snippets.elman import dims, forward
from snippets.shapes import check_shape

class Convention(NamedTuple):
    source: str
    input_hidden: str
    hidden_hidden: str
    hidden_output: str
    orientation: str
    letters_swapped: bool = False


# --8<-- [start:crosswalk]
CROSSWALK = (  # source, input->hidden, hidden->hidden, hidden->output, vectors
    Convention("Goodfellow et al., Deep Learning", "U", "W", "V", "column"),
    Convention("Denny Britz, WildML", "U", "W", "V", "column, one-hot word"),
    Convention("Analytics Vidhya tutorial", "U (H, T)!", "W", "V", "column, one-hot t"),
    Convention("Karpathy min-char-rnn", "Wxh", "Whh", "Why", "column"),
    Convention("PyTorch nn.RNN", "weight_ih_l0", "weight_hh_l0", "nn.Linear", "row"),
    Convention("Keras SimpleRNN", "kernel", "recurrent_kernel", "Dense", "row"),
    Convention("d2l", "W_xh", "W_hh", "W_hq", "row"),
    Convention("deeplearning.ai (Ng)", "W_ax", "W_aa", "W_ya", "column"),
    Convention("Chollet, Deep Learning with Python", "W", "U", "-", "column", True),
    Convention("GRU/LSTM papers", "W", "U", "-", "column", True),
)
# --8<-- [end:crosswalk]


# --8<-- [start:pytorch]
def to_pytorch(p: dict) -> dict:
    """PyTorch stores U as weight_ih_l0 (H, D) and has two biases that add up."""
    H, _, _ = dims(p)
    return {
        "weight_ih_l0": p["U"], "weight_hh_l0": p["W"],
        "bias_ih_l0": p["b"][:, 0], "bias_hh_l0": np.zeros(H),
        "linear.weight": p["V"], "linear.bias": p["c"][:, 0],
    }


def pytorch_forward(tp: dict, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """X (T, B, D), rows: h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)."""
    H, D = tp["weight_ih_l0"].shape
    if np.ndim(X) != 3 or X.shape[2] != D:
        raise ValueError(f"X must have shape (T, B, {D}), got {np.shape(X)}")
    check_shape("weight_hh_l0", tp["weight_hh_l0"], (H, H))
    h = np.zeros((X.shape[1], H))                                   # (B, H)
    out = []
    for x_t in X:                                                   # x_t: (B, D)
        h = np.tanh(x_t @ tp["weight_ih_l0"].T + tp["bias_ih_l0"]
                    + h @ tp["weight_hh_l0"].T + tp["bias_hh_l0"])
        out.append(h)
    y = h @ tp["linear.weight"].T + tp["linear.bias"]               # (B, O)
    return np.stack(out), y                                         # (T, B, H), (B, O)
# --8<-- [end:pytorch]


# --8<-- [start:keras]
def to_keras(p: dict) -> dict:
    """Keras stores the transposes: kernel (D, H), recurrent_kernel (H, H)."""
    dims(p)
    return {
        "kernel": p["U"].T, "recurrent_kernel": p["W"].T, "bias": p["b"][:, 0],
        "dense.kernel": p["V"].T, "dense.bias": p["c"][:, 0],
    }


def keras_forward(kp: dict, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """X (B, T, D), rows: h_t = tanh(x_t kernel + h_{t-1} recurrent_kernel + bias)."""
    D, H = kp["kernel"].shape
    if np.ndim(X) != 3 or X.shape[2] != D:
        raise ValueError(f"X must have shape (B, T, {D}), got {np.shape(X)}")
    check_shape("recurrent_kernel", kp["recurrent_kernel"], (H, H))
    h = np.zeros((X.shape[0], H))
    out = []
    for t in range(X.shape[1]):
        h = np.tanh(X[:, t] @ kp["kernel"] + h @ kp["recurrent_kernel"] + kp["bias"])
        out.append(h)
    y = h @ kp["dense.kernel"] + kp["dense.bias"]
    return np.stack(out, axis=1), y                                 # (B, T, H), (B, O)
# --8<-- [end:keras]


# --8<-- [start:d2l]
def to_d2l(p: dict) -> dict:
    """d2l: W_xh (D, H), W_hh (H, H), b_h (H,), W_hq (H, Q), b_q (Q,)."""
    dims(p)
    return {"W_xh": p["U"].T, "W_hh": p["W"].T, "b_h": p["b"][:, 0],
            "W_hq": p["V"].T, "b_q": p["c"][:, 0]}


def d2l_forward(dp: dict, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """X (T, B, D), rows: H_t = tanh(X_t W_xh + H_{t-1} W_hh + b_h)."""
    D, H = dp["W_xh"].shape
    if np.ndim(X) != 3 or X.shape[2] != D:
        raise ValueError(f"X must have shape (T, B, {D}), got {np.shape(X)}")
    check_shape("W_hh", dp["W_hh"], (H, H))
    Ht = np.zeros((X.shape[1], H))
    out = []
    for X_t in X:
        Ht = np.tanh(X_t @ dp["W_xh"] + Ht @ dp["W_hh"] + dp["b_h"])
        out.append(Ht)
    return np.stack(out), Ht @ dp["W_hq"] + dp["b_q"]               # (T, B, H), (B, Q)
# --8<-- [end:d2l]


# --8<-- [start:karpathy]
def to_karpathy(p: dict) -> dict:
    """min-char-rnn uses our orientation, other names: Wxh, Whh, Why, bh, by."""
    dims(p)
    return {"Wxh": p["U"], "Whh": p["W"], "Why": p["V"], "bh": p["b"], "by": p["c"]}


def karpathy_forward(kp: dict, xs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One sequence xs (T, D), columns: hs[t] = tanh(Wxh x_t + Whh hs[t-1] + bh)."""
    H, D = kp["Wxh"].shape
    if np.ndim(xs) != 2 or xs.shape[1] != D:
        raise ValueError(f"xs must have shape (T, {D}), got {np.shape(xs)}")
    check_shape("Whh", kp["Whh"], (H, H))
    check_shape("bh", kp["bh"], (H, 1))
    hs = np.zeros((len(xs), H, 1))
    h = np.zeros((H, 1))
    for t, x in enumerate(xs):
        h = np.tanh(kp["Wxh"] @ x.reshape(D, 1) + kp["Whh"] @ h + kp["bh"])
        hs[t] = h
    return hs, kp["Why"] @ h + kp["by"]                             # (T, H, 1), (O, 1)
# --8<-- [end:karpathy]


# --8<-- [start:all_agree]
def all_agree(params: dict, X: np.ndarray) -> bool:
    """Run all four conventions on X (T, D, B); compare with snippets.elman.forward."""
    S, y = forward(params, X)                           # (T, H, B), (O, B)
    torch_S, torch_y = pytorch_forward(to_pytorch(params), X.transpose(0, 2, 1))
    keras_S, keras_y = keras_forward(to_keras(params), X.transpose(2, 0, 1))
    d2l_S, d2l_y = d2l_forward(to_d2l(params), X.transpose(0, 2, 1))
    checks = [
        np.allclose(torch_S.transpose(0, 2, 1), S), np.allclose(torch_y.T, y),
        np.allclose(keras_S.transpose(1, 2, 0), S), np.allclose(keras_y.T, y),
        np.allclose(d2l_S.transpose(0, 2, 1), S), np.allclose(d2l_y.T, y),
    ]
    for j in range(X.shape[2]):                     # Karpathy: one sequence at a time
        kS, ky = karpathy_forward(to_karpathy(params), X[:, :, j])
        checks += [np.allclose(kS[:, :, 0], S[:, :, j]), np.allclose(ky[:, 0], y[:, j])]
    return bool(all(checks))
# --8<-- [end:all_agree]
