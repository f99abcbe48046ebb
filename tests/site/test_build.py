"""When a test run starts the site build in the background (tests/site/build.py, conftest.py); no site needed."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.markdown_model import ROOT
from tests.site.build import may_be_used


def config(*args: str, marks: str = "", collect_only: bool = False, here: Path = ROOT):
    option = SimpleNamespace(markexpr=marks, collectonly=collect_only)
    return SimpleNamespace(option=option, invocation_params=SimpleNamespace(dir=here), args=list(args))


@pytest.mark.parametrize("args, marks, expected", [
    (("docs", "snippets", "tests"), "", True),          # `uv run pytest` (testpaths)
    (("tests/site/test_site.py",), "", True),
    (("tests/site/test_browser.py::test_copy_button_copies_runnable_code",), "", True),
    (("tests",), "site", True),
    (("docs", "snippets", "tests"), "not site", False),
    (("tests/site/test_editions.py",), "editions", False),  # the editions, not the test build
    (("docs", "snippets"), "", False),                   # CI's doc test runs
    (("docs/en/answer.md",), "", False),
    (("tests/unit",), "", False),
])
def test_the_build_starts_only_when_the_run_may_use_the_site(args, marks, expected) -> None:
    assert may_be_used(config(*args, marks=marks)) is expected


def test_paths_are_read_from_where_pytest_was_started() -> None:
    assert may_be_used(config("site", here=ROOT / "tests"))
    assert not may_be_used(config("unit", here=ROOT / "tests"))
    assert not may_be_used(config("tests", collect_only=True))
