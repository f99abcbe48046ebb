"""Exact BPTT: gradient checks, the fast Workspace agrees with the readable bptt, shapes are checked."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from snippets.bptt import Workspace, bptt, bptt_flops
from snippets.elman import forward, init_params
from snippets.gradcheck import gradcheck


def problem(H: int, T: int, B: int, D: int = 1, O: int = 1, seed: int = 0):
    rng = np.random.default_rng(seed)
    params = init_params(H=H, D=D, O=O, rng=rng)
    return params, rng.normal(size=(T, D, B)), rng.normal(size=(O, B))


@pytest.mark.parametrize("H,T,B,D,O", [(10, 12, 4, 1, 1), (6, 5, 3, 2, 3), (7, 1, 2, 1, 1)])
def test_gradcheck_every_entry(H: int, T: int, B: int, D: int, O: int) -> None:
    params, X, Y = problem(H, T, B, D, O)
    for fn in (bptt, Workspace(H, D, O, T, B).bptt, Workspace(H, D, O, T, B, threads=2).bptt):
        errors = gradcheck(fn, params, X, Y)
        assert set(errors) == {"U", "W", "V", "b", "c"}
        assert max(errors.values()) <= 1e-6, errors


def test_gradcheck_tutorial_sizes_sampled() -> None:
    params, X, Y = problem(100, 50, 4, seed=1)
    errors = gradcheck(bptt, params, X, Y, entries=8)
    assert max(errors.values()) <= 1e-6, errors


def test_loss_is_half_the_mean_squared_error() -> None:
    params, X, Y = problem(8, 6, 5)
    _, y = forward(params, X)
    loss, _ = bptt(params, X, Y)
    assert loss == pytest.approx(0.5 * np.mean((y - Y) ** 2))


@pytest.mark.parametrize("threads", [1, 2, 3])            # 3: unequal parts (33, 33, 34)
def test_workspace_matches_bptt_and_forward(threads: int) -> None:
    params, X, Y = problem(100, 50, 100)
    ws = Workspace(100, 1, 1, 50, 100, threads=threads)
    assert len(ws.parts) == threads
    loss, grads = bptt(params, X, Y)
    for _ in range(2):                               # buffers are reused correctly
        loss2, grads2 = ws.bptt(params, X, Y)
        assert loss2 == pytest.approx(loss, rel=1e-12)
        for k in grads:
            np.testing.assert_allclose(grads2[k], grads[k], rtol=1e-9, atol=1e-15)
    _, y = forward(params, X)
    np.testing.assert_allclose(ws.predict(params, X), y, rtol=1e-12, atol=1e-14)


def test_no_clipping_inside() -> None:
    params, X, Y = problem(5, 4, 2)
    _, g1 = bptt(params, X, Y)
    _, g2 = bptt(params, X, 1e6 * Y)                 # huge errors give huge, unclipped gradients
    assert np.abs(g2["V"]).max() > 1e3 * np.abs(g1["V"]).max()


def test_shapes_are_checked() -> None:
    params, X, Y = problem(5, 4, 3)
    with pytest.raises(ValueError, match=r"Y must have shape \(1, 3\), got \(3,\)"):
        bptt(params, X, Y[0])
    with pytest.raises(ValueError, match="Workspace was made for"):
        Workspace(5, 1, 1, 4, 2).bptt(params, X, Y)


def test_workspace_refuses_wrong_sizes_and_threads() -> None:
    params, X, _ = problem(5, 4, 3)
    with pytest.raises(ValueError, match=r"Workspace was made for \(H, D, O\) = \(6, 1, 1\), got \(5, 1, 1\)"):
        Workspace(6, 1, 1, 4, 3).predict(params, X)
    with pytest.raises(ValueError, match=r"X must have shape \(4, 1, 2\), got \(4, 1, 3\)"):
        Workspace(5, 1, 1, 4, 2).predict(params, X)
    for threads in (0, 4):
        with pytest.raises(ValueError, match=f"threads must be between 1 and B = 3, got {threads}"):
            Workspace(5, 1, 1, 4, 3, threads=threads)


def test_workspace_calls_from_several_threads_agree() -> None:
    params, X, Y = problem(20, 6, 100)
    ws = Workspace(20, 1, 1, 6, 100, threads=2)
    expected = bptt(params, X, Y)[1]["W"]
    with ThreadPoolExecutor(2) as callers:           # the same buffers, used by two callers
        results = list(callers.map(lambda _: ws.bptt(params, X, Y)[1]["W"], range(40)))
    assert all(np.allclose(r, expected, rtol=1e-9, atol=1e-15) for r in results)


def _loss_in_child(_: int) -> float:
    params, X, Y = problem(20, 5, 100)
    return Workspace(20, 1, 1, 5, 100, threads=2).bptt(params, X, Y)[0]


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # the case tested
def test_workspace_works_in_a_forked_child() -> None:
    params, X, Y = problem(20, 5, 100)
    Workspace(20, 1, 1, 5, 100, threads=2).bptt(params, X, Y)   # the parent's threads now exist
    with multiprocessing.get_context("fork").Pool(1) as children:
        loss = children.apply_async(_loss_in_child, (0,)).get(timeout=60)
    assert loss == pytest.approx(bptt(params, X, Y)[0], rel=1e-12)


def test_flop_count() -> None:
    T, H, D, O, B = 50, 100, 1, 1, 100
    matmul = 2 * H * H * B                           # one W @ h or W^T @ delta
    expected = 2 * (T - 1) * matmul + 2 * H * H * T * B + 2 * 2 * H * D * T * B + 3 * 2 * O * H * B
    assert bptt_flops(T, H, D, O, B) == expected
