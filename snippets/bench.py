"""Timings of the tutorial's loop and of the corrected model, measured on this machine.

Run ``uv run python -m snippets.bench``: the last printed line is one JSON object
(``--quick``: fewer repeats and smaller problems, for tests).

- ``tutorial_epoch_s``: one epoch of the faithful tutorial loop (snippets.tutorial_train)
- ``corrected_train_s``: the corrected model from initialisation to validation RMSE <= 0.01
- ``corrected_val_rmse``: the validation RMSE it stopped at
- ``bptt_gflops``: one full-batch forward + backward step at the tutorial's sizes
  (T=50, H=100, D=1, O=1, B=100), FLOPs of its matrix products counted analytically
  (snippets.bptt.bptt_flops), best of several runs
- ``bptt_threads``: how many threads that step used (snippets.bptt.Workspace)
- ``bptt_ideal_gflops``: what those threads would reach with no overhead: one thread's
  share of the batch, timed alone on one core
- ``gemm_gflops``: a 1024 x 1024 float64 matrix product, same run, best of several

>>> from snippets.bench import run
>>> r = run(quick=True)
>>> sorted(r)
['bptt_gflops', 'bptt_ideal_gflops', 'bptt_threads', 'corrected_steps', 'corrected_train_s', 'corrected_val_rmse', 'gemm_gflops', 'tutorial_epoch_s']
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from snippets.bptt import Workspace, bptt_flops, one_blas_thread
from snippets.data import sine_windows
from snippets.elman import init_params
from snippets.train import train_corrected
from snippets.tutorial_train import train_tutorial

TUTORIAL_SEED = 3   # its first-epoch loss is close to the published 101185.6
CORRECTED_SEED = 0


def best_time(fn: Callable[[], Any], repeats: int) -> float:
    """Smallest wall-clock time of ``repeats`` calls, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def gemm_gflops(n: int = 1024, repeats: int = 20) -> float:
    """GFLOP/s of an n x n float64 matrix product (2 n^3 FLOPs)."""
    rng = np.random.default_rng(0)
    A, B, C = rng.normal(size=(n, n)), rng.normal(size=(n, n)), np.empty((n, n))
    np.matmul(A, B, out=C)                                   # warm-up
    return 2 * n**3 / best_time(lambda: np.matmul(A, B, out=C), repeats) / 1e9


def bptt_gflops(T: int = 50, H: int = 100, B: int = 100, repeats: int = 20) -> tuple[float, int, float]:
    """GFLOP/s of one Workspace.bptt call (forward + backward) at these sizes, its threads, and
    the GFLOP/s the threads would reach with no overhead at all (one thread's share of the
    batch timed alone on one core)."""
    rng = np.random.default_rng(0)
    params = init_params(H=H, D=1, O=1, rng=rng)
    X, Y = rng.normal(size=(T, 1, B)), rng.normal(size=(1, B))
    ws = Workspace(H, 1, 1, T, B)
    threads, b = len(ws.parts), B // len(ws.parts)
    share = Workspace(H, 1, 1, T, b, threads=1)
    with one_blas_thread():                                  # as in training (snippets.train)
        ws.bptt(params, X, Y)                                # warm-up
        seconds = best_time(lambda: ws.bptt(params, X, Y), repeats)
        share_s = best_time(lambda: share.bptt(params, X[:, :, :b], Y[:, :b]), repeats)
    flops = bptt_flops(T, H, 1, 1, B)
    return flops / seconds / 1e9, threads, flops / (share_s * B / (b * threads)) / 1e9


def tutorial_epoch_s(repeats: int = 2, records: int = 100) -> float:
    """Best wall-clock time of one epoch of the faithful tutorial loop."""
    X, Y, X_val, Y_val = sine_windows()
    X, Y = X[:records], Y[:records]
    return min(
        train_tutorial(X, Y, X_val, Y_val, epochs=1, seed=TUTORIAL_SEED)["epoch_s"][0]
        for _ in range(repeats)
    )


def corrected_train(repeats: int = 3) -> tuple[float, float, int]:
    """Best time from initialisation to val RMSE <= 0.01, final val RMSE, steps taken."""
    X, Y, X_val, Y_val = sine_windows()
    runs = [train_corrected(X, Y, X_val, Y_val, seed=CORRECTED_SEED) for _ in range(repeats)]
    best = min(runs, key=lambda h: h["seconds"])
    return best["seconds"], best["val_rmse"][-1], len(best["val_rmse"])


def run(quick: bool = False) -> dict[str, float | int]:
    """All figures; ``quick`` uses fewer repeats, a 256 x 256 product and 10 tutorial records."""
    seconds, rmse, steps = corrected_train(repeats=1 if quick else 3)
    gflops, threads, ideal = bptt_gflops(repeats=3 if quick else 20)
    return {
        "tutorial_epoch_s": tutorial_epoch_s(repeats=1, records=10) if quick else tutorial_epoch_s(),
        "corrected_train_s": seconds,
        "corrected_val_rmse": rmse,
        "corrected_steps": steps,
        "bptt_gflops": gflops,
        "bptt_threads": threads,
        "bptt_ideal_gflops": ideal,
        "gemm_gflops": gemm_gflops(n=256 if quick else 1024, repeats=3 if quick else 20),
    }


def main(argv: list[str] | None = None) -> None:
    """Print a summary, then the figures as one JSON line (``--quick``: the small config)."""
    r = run(quick="--quick" in (sys.argv[1:] if argv is None else argv))
    speedup = 25 * r["tutorial_epoch_s"] / r["corrected_train_s"]
    print(f"25 tutorial epochs: {25 * r['tutorial_epoch_s']:.2f} s; corrected model: "
          f"{r['corrected_train_s']:.3f} s ({r['corrected_steps']} steps), {speedup:.0f}x faster")
    print(f"bptt {r['bptt_gflops']:.1f} GFLOP/s ({r['bptt_threads']} threads; with no overhead "
          f"{r['bptt_ideal_gflops']:.1f}) = {r['bptt_gflops'] / r['gemm_gflops']:.2f} x gemm "
          f"{r['gemm_gflops']:.1f} GFLOP/s")
    print(json.dumps(r))


if __name__ == "__main__":
    main()
