"""Every parameter and data tensor of a simple RNN, with its shape, in five conventions.

The calculator page computes the same lists in JavaScript; the tests compare the page with this
module over a grid of sizes, and this module with snippets.conventions, snippets.elman,
snippets.tutorial and real Keras. A shape is written as a formula in the sizes D, H, O, T, B and
L (layers); ``2·H`` is two directions of H units.

>>> from snippets.param_shapes import model_shapes, total_formula
>>> m = model_shapes("site")                        # the sine task: D=1, H=100, O=1, T=50, B=100
>>> [(p.name, p.formula, p.shape) for p in m.params]
[('U', ('H', 'D'), (100, 1)), ('W', ('H', 'H'), (100, 100)), ('V', ('O', 'H'), (1, 100)), ('b', ('H', '1'), (100, 1)), ('c', ('O', '1'), (1, 1))]
>>> total_formula(m), m.total
('H·D + H·H + O·H + H + O', 10301)

A two-layer bidirectional PyTorch RNN: layer 1 reads both directions of layer 0.

>>> m = model_shapes("pytorch", D=3, H=4, O=2, layers=2, bidirectional=1)
>>> [(p.name, p.shape) for p in m.params if p.name.startswith("weight_ih")]
[('weight_ih_l0', (4, 3)), ('weight_ih_l0_reverse', (4, 3)), ('weight_ih_l1', (4, 8)), ('weight_ih_l1_reverse', (4, 8))]
>>> [(t.name, t.shape) for t in m.tensors]
[('input', (50, 100, 3)), ('output', (50, 100, 8)), ('h_n', (4, 100, 4)), ('y', (100, 2))]
>>> total_formula(m), m.total
('2·H·D + 8·H·H + 8·H + 2·O·H + O', 202)

Sizes are checked:

>>> model_shapes("keras", H=0)
Traceback (most recent call last):
...
ValueError: H must be an integer >= 1, got 0
"""

from __future__ import annotations

import math
from typing import NamedTuple

CONVENTIONS = ("site", "tutorial", "pytorch", "keras", "d2l")
SIZES = ("D", "H", "O", "T", "B")
FLAGS = ("bidirectional", "batch_first", "return_sequences")
# The sine task: one input, 100 hidden units, one output, 50 steps, the 100 training windows.
DEFAULTS = {"D": 1, "H": 100, "O": 1, "T": 50, "B": 100, "layers": 1,
            "bidirectional": 0, "batch_first": 0, "return_sequences": 0}
# The inputs each convention reads (the others are ignored).
USES = {
    "site": SIZES,
    "tutorial": ("H", "O", "T"),                     # one record at a time, one value per step
    "pytorch": (*SIZES, "layers", "bidirectional", "batch_first"),
    "keras": (*SIZES, "layers", "return_sequences"),
    "d2l": SIZES,
}


class Tensor(NamedTuple):
    layer: str                  # the layer that owns a parameter ("" for data and one-module models)
    name: str                   # the library's own name
    formula: tuple[str, ...]    # one formula per axis: ("H", "2·H")
    shape: tuple[int, ...]
    role: str = ""              # a parameter's place in U, W, V, b, c: one of ROLES


# What a parameter is in terms of ours (the calculator's last column says the same in words).
ROLES = {"in": "U", "rec": "W", "out": "V", "bias": "b", "outBias": "c", "inT": "U^T", "recT": "W^T",
         "outT": "V^T", "torchBias": "b = bias_ih + bias_hh", "tutorialU": "not U: one column per step"}


class Model(NamedTuple):
    params: list[Tensor]
    tensors: list[Tensor]
    total: int


def _size(factor: str, s: dict) -> int:
    return int(factor) if factor.isdigit() else s["layers" if factor == "L" else factor]


def evaluate(formula: tuple[str, ...], s: dict) -> tuple[int, ...]:
    """The shape of a formula for sizes ``s``: ("H", "2·H") -> (4, 8) for H = 4."""
    return tuple(math.prod(_size(f, s) for f in axis.split("·")) for axis in formula)


# --8<-- [start:conventions]
def _site(s: dict) -> tuple[list, list]:
    params = [("", "U", ("H", "D"), "in"), ("", "W", ("H", "H"), "rec"), ("", "V", ("O", "H"), "out"),
              ("", "b", ("H", "1"), "bias"), ("", "c", ("O", "1"), "outBias")]
    return params, [("input", ("T", "D", "B")), ("S", ("T", "H", "B")), ("y", ("O", "B"))]


def _tutorial(s: dict) -> tuple[list, list]:
    params = [("", "U", ("H", "T"), "tutorialU"), ("", "W", ("H", "H"), "rec"), ("", "V", ("O", "H"), "out")]
    return params, [("input", ("T", "1")), ("new_input", ("T", "1")),
                    ("S", ("T", "H", "1")), ("y", ("O", "1"))]


def _pytorch(s: dict) -> tuple[list, list]:
    wide = "2·H" if s["bidirectional"] else "H"      # num_directions · H
    params = []
    for k in range(s["layers"]):
        for suffix in ("", "_reverse") if s["bidirectional"] else ("",):
            params += [("rnn", f"weight_ih_l{k}{suffix}", ("H", "D" if k == 0 else wide), "in"),
                       ("rnn", f"weight_hh_l{k}{suffix}", ("H", "H"), "rec"),
                       ("rnn", f"bias_ih_l{k}{suffix}", ("H",), "torchBias"),
                       ("rnn", f"bias_hh_l{k}{suffix}", ("H",), "torchBias")]
    params += [("linear", "weight", ("O", wide), "out"), ("linear", "bias", ("O",), "outBias")]
    seq = ("B", "T") if s["batch_first"] else ("T", "B")
    h_n = ("2·L" if s["bidirectional"] else "L", "B", "H")   # batch_first does not apply
    return params, [("input", (*seq, "D")), ("output", (*seq, wide)), ("h_n", h_n), ("y", ("B", "O"))]


def _keras(s: dict) -> tuple[list, list]:
    params = []
    for i in range(s["layers"]):
        layer = "simple_rnn" + (f"_{i}" if i else "")    # Keras's default layer names
        params += [(layer, "kernel", ("D" if i == 0 else "H", "H"), "inT"),
                   (layer, "recurrent_kernel", ("H", "H"), "recT"), (layer, "bias", ("H",), "bias")]
    params += [("dense", "kernel", ("H", "O"), "outT"), ("dense", "bias", ("O",), "outBias")]
    steps = ("B", "T") if s["return_sequences"] else ("B",)
    return params, [("input", ("B", "T", "D")), ("rnn_output", (*steps, "H")), ("y", (*steps, "O"))]


def _d2l(s: dict) -> tuple[list, list]:
    params = [("", "W_xh", ("D", "H"), "inT"), ("", "W_hh", ("H", "H"), "recT"), ("", "b_h", ("H",), "bias"),
              ("", "W_hq", ("H", "O"), "outT"), ("", "b_q", ("O",), "outBias")]
    return params, [("input", ("T", "B", "D")), ("outputs", ("T", "B", "H")), ("y", ("B", "O"))]
# --8<-- [end:conventions]


BUILDERS = {"site": _site, "tutorial": _tutorial, "pytorch": _pytorch, "keras": _keras, "d2l": _d2l}


def sizes(**given: int) -> dict:
    """DEFAULTS updated with ``given``, checked: sizes and layers >= 1, flags 0 or 1."""
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown sizes {sorted(unknown)}; expected some of {list(DEFAULTS)}")
    s = {**DEFAULTS, **given}
    for key, value in s.items():
        low, high = (0, 1) if key in FLAGS else (1, None)
        if not isinstance(value, int) or value < low or (high is not None and value > high):
            rule = "0 or 1" if high is not None else "an integer >= 1"
            raise ValueError(f"{key} must be {rule}, got {value!r}")
    return s


def model_shapes(convention: str = "site", **given: int) -> Model:
    """Parameters (in the library's order) and data tensors of ``convention`` for these sizes."""
    if convention not in BUILDERS:
        raise ValueError(f"convention must be one of {list(CONVENTIONS)}, got {convention!r}")
    s = sizes(**given)
    params, tensors = BUILDERS[convention](s)
    params = [Tensor(layer, name, f, evaluate(f, s), role) for layer, name, f, role in params]
    tensors = [Tensor("", name, f, evaluate(f, s)) for name, f in tensors]
    return Model(params, tensors, sum(math.prod(p.shape) for p in params))


def total_formula(model: Model) -> str:
    """The parameter count as a formula: equal products collected, numbers in front."""
    terms: dict[str, int] = {}                       # symbols "H·D" -> coefficient
    for p in model.params:
        factors = [f for axis in p.formula for f in axis.split("·")]
        symbols = "·".join(f for f in factors if not f.isdigit())
        terms[symbols] = terms.get(symbols, 0) + math.prod(int(f) for f in factors if f.isdigit())
    return " + ".join(f"{n}·{t}" if n > 1 else t for t, n in terms.items())
