"""The benchmark CLI prints its figures as one JSON line (small config, timings not asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from tests.markdown_model import ROOT

KEYS = {"tutorial_epoch_s", "corrected_train_s", "corrected_val_rmse", "corrected_steps",
        "fixed_train_s", "fixed_steps"}


def test_bench_last_line_is_json() -> None:
    run = subprocess.run([sys.executable, "-m", "snippets.bench", "--quick"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    assert set(figures) == KEYS
    assert all(math.isfinite(figures[k]) and figures[k] > 0 for k in KEYS)
    assert figures["corrected_val_rmse"] <= 0.01
    assert isinstance(figures["corrected_steps"], int) and figures["corrected_steps"] >= 1
