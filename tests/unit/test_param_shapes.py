"""snippets.param_shapes against the code that makes real arrays: snippets.conventions (one layer),
snippets.elman, snippets.tutorial, and real Keras 3 (weights, count_params, output shapes)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from snippets.conventions import (
    d2l_forward,
    keras_forward,
    pytorch_forward,
    to_d2l,
    to_keras,
    to_pytorch,
)
from snippets.elman import count_params, forward, init_params
from snippets.param_shapes import (
    CONVENTIONS,
    evaluate,
    model_shapes,
    sizes,
    total_formula,
)
from snippets.tutorial import init_tutorial_params, tutorial_forward

ONE_LAYER = [dict(D=1, H=100, O=1, T=50, B=100), dict(D=3, H=3, O=2, T=4, B=5),
             dict(D=7, H=2, O=3, T=1, B=1), dict(D=2, H=5, O=1, T=6, B=3)]


def named(model) -> dict:
    """Parameters keyed as snippets.conventions keys them: the output layer's as 'dense.kernel'."""
    return {(f"{p.layer}.{p.name}" if p.layer in ("linear", "dense") else p.name): p.shape
            for p in model.params}


def data(model) -> dict:
    return {t.name: t.shape for t in model.tensors}


@pytest.mark.parametrize("s", ONE_LAYER)
def test_one_layer_matches_the_arrays_of_snippets(s):
    rng = np.random.default_rng(0)
    p = init_params(H=s["H"], D=s["D"], O=s["O"], rng=rng)
    X = rng.normal(size=(s["T"], s["D"], s["B"]))                  # ours: (T, D, B)
    S, y = forward(p, X)
    site = model_shapes("site", **s)
    assert named(site) == {k: v.shape for k, v in p.items()}
    assert list(named(site)) == list(p)                              # same order too
    assert data(site) == {"input": X.shape, "S": S.shape, "y": y.shape}
    assert site.total == count_params(p)

    checks = [("pytorch", to_pytorch(p), pytorch_forward, X.transpose(0, 2, 1), "output"),
              ("keras", to_keras(p), keras_forward, X.transpose(2, 0, 1), "rnn_output"),
              ("d2l", to_d2l(p), d2l_forward, X.transpose(0, 2, 1), "outputs")]
    for convention, converted, run, Xc, states in checks:
        model = model_shapes(convention, **s)
        assert list(named(model).items()) == [(k, v.shape) for k, v in converted.items()], convention
        seq, out = run(converted, Xc)
        assert data(model)["input"] == Xc.shape, convention
        assert data(model)["y"] == out.shape, convention
        if convention != "keras":   # keras_forward keeps every step; SimpleRNN's default returns the last
            assert data(model)[states] == seq.shape, convention
        assert model.total == sum(v.size for v in converted.values()), convention
    keras_seq, _ = keras_forward(to_keras(p), X.transpose(2, 0, 1))     # every step: (B, T, H)
    assert data(model_shapes("keras", **s, return_sequences=1))["rnn_output"] == keras_seq.shape
    assert data(model_shapes("keras", **s))["rnn_output"] == keras_seq[:, -1].shape


@pytest.mark.parametrize("s", ONE_LAYER)
def test_tutorial_matches_its_arrays(s):
    rng = np.random.default_rng(0)
    p = init_tutorial_params(rng, H=s["H"], T=s["T"], O=s["O"])
    x = rng.normal(size=(s["T"], 1))
    S, y = tutorial_forward(p, x)
    model = model_shapes("tutorial", **s)
    assert list(named(model).items()) == [(k, v.shape) for k, v in p.items()]
    assert data(model) == {"input": x.shape, "new_input": x.shape, "S": S.shape, "y": y.shape}
    assert model.total == count_params(p)


def test_pytorch_layers_follow_the_documentation():
    """torch.nn.RNN docs: layer k > 0 reads num_directions·H; names get _reverse; h_n ignores batch_first."""
    m = model_shapes("pytorch", D=3, H=4, O=2, T=5, B=6, layers=3, bidirectional=1, batch_first=1)
    names = [p.name for p in m.params]
    assert names[:8] == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                         "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse",
                         "bias_hh_l0_reverse"]
    assert len(names) == 3 * 2 * 4 + 2
    shapes = dict(zip(names, (p.shape for p in m.params)))
    assert shapes["weight_ih_l2_reverse"] == (4, 8) and shapes["weight_hh_l2"] == (4, 4)
    assert data(m) == {"input": (6, 5, 3), "output": (6, 5, 8), "h_n": (6, 6, 4), "y": (6, 2)}
    one_way = model_shapes("pytorch", D=3, H=4, layers=2, T=5, B=6)
    assert data(one_way)["h_n"] == (2, 6, 4) and data(one_way)["output"] == (5, 6, 4)


@pytest.mark.parametrize("convention", CONVENTIONS)
def test_total_formula_gives_the_total(convention):
    for s in [dict(D=3, H=4, O=2, T=5, B=6, layers=3, bidirectional=1), dict(D=1, H=1, O=1, T=1, B=1)]:
        m = model_shapes(convention, **s)
        value = sum(math.prod(evaluate((term,), sizes(**s))) for term in total_formula(m).split(" + "))
        assert value == m.total == sum(math.prod(p.shape) for p in m.params)


@pytest.mark.parametrize("bad", [dict(H=0), dict(D=-1), dict(T=1.5), dict(layers=0),
                                 dict(bidirectional=2), dict(X=3)])
def test_bad_sizes_are_refused(bad):
    with pytest.raises(ValueError, match="must be|unknown"):
        model_shapes("pytorch", **bad)


KERAS_SAMPLE = [dict(D=1, H=100, O=1, T=50, B=100, layers=1, return_sequences=0),
                dict(D=3, H=3, O=2, T=4, B=5, layers=2, return_sequences=1),
                dict(D=5, H=4, O=3, T=6, B=2, layers=3, return_sequences=0),
                dict(D=2, H=7, O=1, T=3, B=1, layers=1, return_sequences=1)]


@pytest.mark.parametrize("s", KERAS_SAMPLE, ids=lambda s: "-".join(f"{k}{v}" for k, v in s.items()))
def test_keras_weights_count_and_outputs(s):
    keras = pytest.importorskip("keras")
    m = model_shapes("keras", **s)
    rnn_layers = list(dict.fromkeys(p.layer for p in m.params if p.layer != "dense"))
    x = keras.Input((s["T"], s["D"]), batch_size=s["B"])
    h = x
    for i, name in enumerate(rnn_layers):
        last = i == len(rnn_layers) - 1
        h = keras.layers.SimpleRNN(s["H"], return_sequences=bool(s["return_sequences"]) if last else True,
                                   name=name)(h)
    y = keras.layers.Dense(s["O"], name="dense")(h)
    model = keras.Model(x, y)
    got = [(layer.name, w.name, tuple(w.shape)) for layer in model.layers for w in layer.weights]
    assert [w.name for w in model.weights] == [name for _, name, _ in got]
    assert got == [(p.layer, p.name, p.shape) for p in m.params]
    assert model.count_params() == m.total
    assert data(m) == {"input": tuple(x.shape), "rnn_output": tuple(h.shape), "y": tuple(y.shape)}


@pytest.mark.parametrize("s", ONE_LAYER)
def test_each_role_is_what_the_array_is(s):
    """The 'in terms of U, W, V' column: each parameter equals U, U^T, ... on the converted arrays."""
    p = init_params(H=s["H"], D=s["D"], O=s["O"], rng=np.random.default_rng(0))
    ours = {"in": p["U"], "rec": p["W"], "out": p["V"], "bias": p["b"].ravel(), "outBias": p["c"].ravel(),
            "inT": p["U"].T, "recT": p["W"].T, "outT": p["V"].T}
    arrays = {"site": p, "pytorch": to_pytorch(p), "keras": to_keras(p), "d2l": to_d2l(p)}
    for convention, converted in arrays.items():
        for param, array in zip(model_shapes(convention, **s).params, converted.values()):
            if param.role == "torchBias":                   # the two biases add up to b
                other = converted["bias_ih_l0"] if "_hh_" in param.name else converted["bias_hh_l0"]
                assert np.allclose(array + other, ours["bias"]), (convention, param.name)
            else:
                want = ours[param.role].reshape(array.shape) if param.role in ("bias", "outBias") else ours[param.role]
                assert np.array_equal(array, want), (convention, param.name, param.role)
    tutorial = model_shapes("tutorial", **s).params
    assert tutorial[0].role == "tutorialU" and tutorial[0].shape == (s["H"], s["T"])
