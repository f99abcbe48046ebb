"""One network, four ways of writing it down.

The same Elman RNN written in the conventions of PyTorch, Keras, Dive into Deep
Learning (d2l) and Karpathy's min-char-rnn, all in NumPy, from each one's
documented formula or published code. Converters take our U, W, V, b, c
(snippets.elman) and give each source's parameters; every version computes the
same hidden states. Keras itself is compared in snippets.keras_check and
tests/unit/test_keras.py, torch.nn.RNN in tests/unit/test_torch.py (optional).

>>> import numpy as np
>>> from snippets.elman import init_params, forward
>>> from snippets.conventions import (to_pytorch, pytorch_forward, to_keras, from_keras, from_pytorch,
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
GRU paper of Cho et al. swap the letters:

>>> [row.source for row in CROSSWALK if row.letters_swapped]
['Chollet, Deep Learning with Python', 'Cho et al. 2014 (GRU)']

Each row says how this site checks it; only Keras runs in every test run:

>>> [row.checked for row in CROSSWALK if row.checked.startswith("run")]
['run: Keras 3 (JAX) in every test run']

Going back from a library's weights to ours is the same mapping read backwards:

>>> back = from_keras(to_keras(params))
>>> all(np.array_equal(back[k], params[k]) for k in "UWVbc")
True
>>> back = from_pytorch(to_pytorch(params))
>>> all(np.array_equal(back[k], params[k]) for k in "UWVbc")
True

Which matrix is the input one? The one that multiplies x_t, whatever its letter or
shape. Here D = H = 3, so both matrices are square, and the step is written with
rows, as in Keras (names as Chollet and Cho et al. use them: W input, U recurrent):

>>> rows = lambda p, x, h: np.tanh(x @ p["W"] + h @ p["U"])
>>> p = {"W": np.eye(3), "U": 2 * np.eye(3)}
>>> x, h = np.ones((1, 3)), np.ones((1, 3))
>>> role(rows, p, "W", x, h), role(rows, p, "U", x, h)
('input', 'recurrent')
>>> role(rows, p, "U", x, np.zeros((1, 3)))
Traceback (most recent call last):
...
ValueError: U multiplies neither x nor h in this step (or x or h is all zeros)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from snippets.elman import dims, forward
from snippets.shapes import check_shape
from snippets.torch_rnn import torch_rnn


class Convention(NamedTuple):
    source: str
    input_hidden: str
    hidden_hidden: str
    hidden_output: str
    orientation: str
    checked: str
    letters_swapped: bool = False


# --8<-- [start:crosswalk]
CROSSWALK = (  # source, input->hidden, hidden->hidden, hidden->output, vectors, how checked
    Convention("Goodfellow et al., Deep Learning", "U", "W", "V", "column", "notation: ours"),
    Convention("Denny Britz, WildML", "U", "W", "V", "column, one-hot word", "notation"),
    Convention("Analytics Vidhya tutorial", "U (H, T)!", "W", "V", "column, one-hot t",
               "transcribed: snippets.tutorial"),
    Convention("Karpathy min-char-rnn", "Wxh", "Whh", "Why", "column",
               "transcribed: min-char-rnn.py"),
    Convention("PyTorch nn.RNN", "weight_ih_l0", "weight_hh_l0", "nn.Linear", "row",
               "formula: PyTorch docs; torch itself in tests/unit/test_torch.py"),
    Convention("Keras SimpleRNN", "kernel", "recurrent_kernel", "Dense", "row",
               "run: Keras 3 (JAX) in every test run"),
    Convention("d2l", "W_xh", "W_hh", "W_hq", "row", "transcribed: d2l RNNScratch"),
    Convention("d2l, section 9.7 (BPTT)", "W_hx", "W_hh", "W_qh", "column", "notation"),
    Convention("deeplearning.ai (Ng)", "W_ax", "W_aa", "W_ya", "column", "notation"),
    Convention("Chollet, Deep Learning with Python", "W", "U", "-", "column", "notation", True),
    Convention("Cho et al. 2014 (GRU)", "W", "U", "-", "column", "notation", True),
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
    """X (T, B, D): nn.RNN's loop (snippets.torch_rnn), then nn.Linear on the last state."""
    rnn = {k: v for k, v in tp.items() if not k.startswith("linear.")}
    out, _ = torch_rnn(rnn, X)                       # rows: h_t = tanh(x_t W_ih^T + h_{t-1} W_hh^T + b)
    y = out[-1] @ tp["linear.weight"].T + tp["linear.bias"]         # (B, O)
    return out, y                                                   # (T, B, H), (B, O)


def from_pytorch(tp: dict, layer: str = "l0") -> dict:
    """Back to ours: U = weight_ih, W = weight_hh, b = bias_ih + bias_hh (V, c if a linear.* is given)."""
    H = np.shape(tp[f"weight_ih_{layer}"])[0]
    check_shape(f"weight_hh_{layer}", tp[f"weight_hh_{layer}"], (H, H))
    p = {"U": tp[f"weight_ih_{layer}"], "W": tp[f"weight_hh_{layer}"],
         "b": (tp[f"bias_ih_{layer}"] + tp[f"bias_hh_{layer}"]).reshape(H, 1)}
    if "linear.weight" in tp:
        p["V"], p["c"] = tp["linear.weight"], tp["linear.bias"].reshape(-1, 1)
    return p
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


def from_keras(kp: dict) -> dict:
    """Back to ours: U = kernel^T, W = recurrent_kernel^T (V, c if a dense.* is given)."""
    H = np.shape(kp["kernel"])[-1]
    check_shape("recurrent_kernel", kp["recurrent_kernel"], (H, H))
    check_shape("bias", kp["bias"], (H,))
    p = {"U": kp["kernel"].T, "W": kp["recurrent_kernel"].T, "b": kp["bias"].reshape(H, 1)}
    if "dense.kernel" in kp:
        p["V"], p["c"] = kp["dense.kernel"].T, kp["dense.bias"].reshape(-1, 1)
    return p
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


# --8<-- [start:role]
def role(step, params: dict, name: str, x: np.ndarray, h: np.ndarray) -> str:
    """'input' if params[name] multiplies x in step(params, x, h), 'recurrent' if it multiplies h.

    Nudge the matrix and see whether the step changes: with h = 0 only the input
    matrix matters, with x = 0 only the recurrent one. Shapes and letters play no part.
    """
    def matters(x, h) -> bool:
        nudged = dict(params, **{name: params[name] + 1.0})
        return not np.allclose(step(params, x, h), step(nudged, x, h))

    on_x, on_h = matters(x, np.zeros_like(h)), matters(np.zeros_like(x), h)
    if on_x == on_h:
        raise ValueError(f"{name} multiplies neither x nor h in this step (or x or h is all zeros)")
    return "input" if on_x else "recurrent"
# --8<-- [end:role]
