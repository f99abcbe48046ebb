"""Timings of the tutorial's loop and of the corrected model, measured on this machine.

Run ``uv run python -m snippets.bench`` (``--quick``: one repeat and 10 tutorial
records, for tests). The last printed line is one JSON object:

- ``tutorial_epoch_s``: one epoch of the faithful tutorial loop (snippets.tutorial_train)
- ``corrected_train_s``: the corrected model from initialisation to validation RMSE <= 0.01
- ``corrected_val_rmse``: the validation RMSE it stopped at
- ``corrected_steps``: how many Adam steps that took
- ``fixed_train_s``, ``fixed_steps``: the same for the tutorial's own model, U (100, 50),
  trained properly (snippets.tutorial_fixed)

Nothing imports this module; the figures change from run to run and machine to machine.
BLAS runs on one thread unless OPENBLAS_NUM_THREADS says otherwise, as in the site build
(hooks/notebook_cache.py): at 100 x 100, BLAS threads cost more than they save.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # before NumPy is first imported

from snippets.data import sine_windows
from snippets.corrected import train_corrected
from snippets.tutorial_fixed import train_fixed
from snippets.tutorial_train import train_tutorial


def run(quick: bool = False) -> dict[str, float | int]:
    """Best of a few runs (one if ``quick``, with 10 tutorial records)."""
    X, Y, X_val, Y_val = sine_windows()
    repeats, records = (1, 10) if quick else (3, len(X))
    epoch = min(train_tutorial(X[:records], Y[:records], X_val, Y_val, epochs=1, seed=3)["epoch_s"][0]
                for _ in range(repeats))
    cor = min((train_corrected(X, Y, X_val, Y_val, seed=0) for _ in range(repeats)), key=lambda h: h["seconds"])
    fixed = min((train_fixed(X, Y, X_val, Y_val, seed=0) for _ in range(repeats)), key=lambda h: h["seconds"])
    return {"tutorial_epoch_s": epoch * len(X) / records, "corrected_train_s": cor["seconds"],
            "corrected_val_rmse": cor["val_rmse"][-1], "corrected_steps": len(cor["val_rmse"]),
            "fixed_train_s": fixed["seconds"], "fixed_steps": len(fixed["val_rmse"])}


if __name__ == "__main__":
    r = run(quick="--quick" in sys.argv[1:])
    print(f"25 tutorial epochs: {25 * r['tutorial_epoch_s']:.2f} s; corrected model: "
          f"{r['corrected_train_s']:.3f} s ({r['corrected_steps']} steps), "
          f"{25 * r['tutorial_epoch_s'] / r['corrected_train_s']:.0f}x faster; tutorial's model fixed: "
          f"{r['fixed_train_s']:.3f} s ({r['fixed_steps']} steps)")
    print(json.dumps(r))
