"""The module map in snippets/__init__.py names every module of snippets/, and only those."""

import re

import snippets
from tests.markdown_model import ROOT


def test_the_map_lists_every_module() -> None:
    listed = set(re.findall(r"^ {4,}(\w+) ", snippets.__doc__, re.M))
    modules = {p.stem for p in (ROOT / "snippets").glob("*.py") if p.stem != "__init__"}
    assert listed == modules, f"not in the map: {modules - listed}; in the map only: {listed - modules}"
