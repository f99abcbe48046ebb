"""Both language versions of the notebook run from top to bottom, in their own folder as the site runs
them, and draw light SVG plots labelled in the page's language."""

from __future__ import annotations

import os
import re
from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "docs").glob("*/corrected.py"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_both_languages_present() -> None:
    assert [p.parent.name for p in NOTEBOOKS] == ["en", "zh"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_runs(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", os.environ.get("OPENBLAS_NUM_THREADS", "1"))  # as the build
    nb = jupytext.read(path)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})   # as mkdocs-jupyter
    client.execute()                                  # raises CellExecutionError on any error
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    plots = [o["data"] for o in outputs if o.get("output_type") == "display_data"]
    assert len(plots) == 2 and all("image/svg+xml" in d and "image/png" not in d for d in plots)
    svg = "".join(d["image/svg+xml"] for d in plots)
    assert len(svg.encode()) < 150_000                # the whole page stays well under 1 MB
    text = "".join(o.get("text", "") for o in outputs) + "".join(re.findall(r">([^<]+)</text>", svg))
    assert bool(CJK.search(text)) == (path.parent.name == "zh")
