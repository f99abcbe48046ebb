"""Guard: every python-looking fence in docs/ is collected and executed by the doc tests."""

import re
from pathlib import Path

import pytest

from tests.docfences import ROOT, expand_includes, python_fences

PAGES = sorted((ROOT / "docs").rglob("*.md"))
# Deliberately looser than the collector: any fence opener naming a python-ish language, or any
# fence whose first line is a doctest prompt or a snippets include.
PYTHONISH_OPENER = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(python\w*|py\w*|ipython\w*)\b", re.I | re.M)
SUSPECT_BODY = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n\s*(>>>|--8<--\s+\"?snippets/)", re.M)


def collected_starts(text: str) -> set[int]:
    return {text.count("\n", 0, start) for start, _, _ in python_fences(text)}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_python_fence_is_collected(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    collected = collected_starts(text)
    openers = {text.count("\n", 0, m.start()) for m in PYTHONISH_OPENER.finditer(text)}
    suspects = {text.count("\n", 0, m.start()) for m in SUSPECT_BODY.finditer(text)}
    missed = sorted(line + 1 for line in (openers | suspects) - collected)
    assert not missed, f"{page}: python-looking fences the doc tests would skip, at lines {missed}"


def test_collector_sees_attributes_indentation_and_includes() -> None:
    page = '\n'.join([
        '```python title="a.py" linenums="1" hl_lines="2"', 'a = 1', '```',
        '!!! note', '    ```py', '    b = 2', '    ```',
        '```pycon', '>>> 1 + 1', '2', '```',
        '```python', '--8<-- "snippets/shapes.py:check_shape"', '```',
        '```text', 'not python', '```',
    ])
    bodies = [body for _, _, body in python_fences(page)]
    assert bodies[:3] == ["a = 1\n", "b = 2\n", ">>> 1 + 1\n2\n"]
    assert "def check_shape" in expand_includes(bodies[3])
    assert len(bodies) == 4


def test_missing_include_is_an_error() -> None:
    with pytest.raises(Exception, match="nosuch"):
        expand_includes('--8<-- "snippets/shapes.py:nosuch"')


def test_fences_of_a_page_share_one_namespace(tmp_path: Path) -> None:
    from sybil import Sybil

    page = tmp_path / "page.md"
    page.write_text("```python\n>>> a = 41\n```\n\n```python\nb = a + 1\n```\n\n```python\n>>> b\n42\n```\n")
    from tests.docfences import parse_markdown

    document = Sybil(parsers=[parse_markdown], path=str(tmp_path)).parse(page)
    for example in document:
        example.evaluate()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_doctests_use_the_pycon_fence(page: Path) -> None:
    """So they render with prompts and outputs set apart, and the copy button copies only code."""
    text = page.read_text(encoding="utf-8")
    wrong = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"^[ \t]*```python[^\n]*\n[ \t]*>>>", text, re.M)]
    assert not wrong, f"{page}: doctest fences marked python instead of pycon at lines {wrong}"
