"""Guard: every python-looking fence in docs/ is collected and executed by the doc tests."""

import re
from pathlib import Path

import pytest

from tests.docfences import parse_markdown
from tests.markdown_model import ROOT, expand_includes, parse_markdown_text

PAGES = sorted((ROOT / "docs").rglob("*.md"))
PYTHONISH = re.compile(r"(python|py|ipython)\w*", re.I)
SUSPECT_BODY = re.compile(r"\s*(>>>|--8<--\s+\"?snippets/)")
# A second opinion that needs no parser: a line that opens a python-ish fence, at any indentation.
# If the model does not see a fence there (say, inside a block it does not know), the guard fails.
OPENER = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(python|py|ipython)\w*\b", re.I | re.M)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_python_fence_is_collected(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    model = parse_markdown_text(text)
    collected = {f.line for f in model.python_fences}
    suspects = {f.line for f in model.fences if PYTHONISH.fullmatch(f.lang) or SUSPECT_BODY.match(f.body)}
    openers = {text.count("\n", 0, m.start()) + 1 for m in OPENER.finditer(text)}
    missed = sorted((suspects | openers) - collected)
    assert not missed, f"{page}: python-looking fences the doc tests would skip, at lines {missed}"


def test_collector_sees_attributes_indentation_and_includes() -> None:
    page = '\n'.join([
        '```python title="a.py" linenums="1" hl_lines="2"', 'a = 1', '```',
        '!!! note', '    ```py', '    b = 2', '    ```',
        '```pycon', '>>> 1 + 1', '2', '```',
        '```python', '--8<-- "snippets/shapes.py:check_shape"', '```',
        '```text', 'not python', '```',
        '- a list item', '', '    ``` { .python }', '    c = 3', '    ```',
        '<!-- invisible-code-block: python', 'd = 4', '-->',
    ])
    bodies = [fence.body for fence in parse_markdown_text(page).python_fences]
    assert bodies[:3] == ["a = 1\n", "b = 2\n", ">>> 1 + 1\n2\n"]
    assert "def check_shape" in expand_includes(bodies[3])
    assert bodies[4:] == ["c = 3\n", "d = 4\n"]


def test_guard_flags_a_fence_the_collector_would_miss(tmp_path: Path) -> None:
    """An indented ```python under a tab (pymdownx.tabbed) is invisible to the model: the guard fails."""
    page = tmp_path / "page.md"
    page.write_text('=== "Tab"\n\n    ```python\n    x = 1\n    ```\n', encoding="utf-8")
    with pytest.raises(AssertionError, match=r"at lines \[3\]"):
        test_every_python_fence_is_collected(page)


def test_missing_include_is_an_error() -> None:
    with pytest.raises(Exception, match="nosuch"):
        expand_includes('--8<-- "snippets/shapes.py:nosuch"')


def test_fences_of_a_page_share_one_namespace(tmp_path: Path) -> None:
    from sybil import Sybil

    page = tmp_path / "page.md"
    page.write_text("```pycon\n>>> a = 41\n```\n\n```python\nb = a + 1\n```\n\n```pycon\n>>> b\n42\n```\n")
    document = Sybil(parsers=[parse_markdown], path=str(tmp_path)).parse(page)
    examples = list(document)
    assert len(examples) == 3
    for example in examples:
        example.evaluate()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_doctests_use_the_pycon_fence(page: Path) -> None:
    """So they render with prompts and outputs set apart, and the copy button copies only code."""
    wrong = [f.line for f in parse_markdown_text(page.read_text(encoding="utf-8")).fences
             if f.is_doctest and f.lang != "pycon"]
    assert not wrong, f"{page}: doctest fences not marked pycon at lines {wrong}"


def test_model_finds_table_cells_and_sentences() -> None:
    """The public API other guards use: every table cell with its line, every prose sentence."""
    from tests.markdown_model import sentences, table_cells

    page = parse_markdown_text("# T\n\nU is (100, 1). W is\n(100, 100)! 隐状态是 (100, 1)。下一句。\n\n"
                               "| name | shape |\n| --- | --- |\n| U | (100, 1) |\n| $V$ | `(1, 100)` |\n")
    assert [(c.line, c.row, c.column, c.text) for c in table_cells(page)] == [
        (6, 0, 0, "name"), (6, 0, 1, "shape"), (8, 1, 0, "U"), (8, 1, 1, "(100, 1)"),
        (9, 2, 0, "V"), (9, 2, 1, "(1, 100)")]
    assert [s.text for s in sentences(page)] == [
        "U is (100, 1).", "W is (100, 100)!", "隐状态是 (100, 1)。", "下一句。"]
