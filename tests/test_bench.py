"""The benchmark's JSON line has the expected keys and sane values (small config, not timed)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"tutorial_epoch_s", "corrected_train_s", "corrected_val_rmse", "bptt_gflops", "gemm_gflops"}


def test_bench_last_line_is_json() -> None:
    run = subprocess.run([sys.executable, "-m", "snippets.bench", "--quick"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    assert KEYS <= set(figures)
    assert all(isinstance(figures[k], float) and math.isfinite(figures[k]) and figures[k] > 0 for k in KEYS)
    assert figures["corrected_val_rmse"] <= 0.01
    assert figures["corrected_steps"] >= 1
    assert isinstance(figures["bptt_threads"], int) and figures["bptt_threads"] >= 1
    assert 0 < figures["bptt_ideal_gflops"] and math.isfinite(figures["bptt_ideal_gflops"])
