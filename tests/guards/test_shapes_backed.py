"""Every numeric shape written in a page's prose is printed or asserted by code that runs on that page.

A shape in prose (outside code fences) -- ``(100, 1)``, ``(100, 50, 1)``, ``100×50``, ``100 x 50``,
``100 \\times 50``, full-width ``（100，1）`` -- (but not a call such as ``uniform(2, 3)`` nor anything
with a 0 such as the interval ``(0, 1)``) must appear, normalised to ``(a, b)``, in something the
tests check by execution on the same page: the expected output of a ``>>>`` doctest, a doctest
output inside an included snippet section, or the right-hand side of an ``assert ... == (...)`` in
executed code. Notebook pages (jupytext ``.py``) are checked the same way: prose is their markdown
cells. The self-tests below show that the checker catches a failure.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from tests.markdown_model import DOCS, LANGS, ROOT, Page, expand_includes, load_page, pages, parse_markdown_text

TUPLE = re.compile(r"(?<![A-Za-z_][A-Za-z_])\(\s*(\d+)\s*((?:,\s*\d+\s*)*)(,?)\s*\)")
TIMES = re.compile(r"(?<![\w.])\d+(?:\s*(?:×|x|X|\*)\s*\d+)+(?![\w.])")
FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ","})


def _canon(numbers: list[str]) -> str:
    nums = [str(int(n)) for n in numbers]
    return f"({nums[0]},)" if len(nums) == 1 else "(" + ", ".join(nums) + ")"


def shapes_in(text: str, tuples_need_comma: bool = True) -> set[str]:
    """Every numeric shape in ``text``, normalised to ``(a, b, ...)``."""
    text = text.translate(FULL_WIDTH).replace(r"\times", "×").replace(r"\,", "")
    found = set()
    for m in TUPLE.finditer(text):
        rest = re.findall(r"\d+", m[2])
        if (rest or m[3] or not tuples_need_comma) and "0" not in (m[1], *rest):
            found.add(_canon([m[1], *rest]))
    for m in TIMES.finditer(text):
        if "*" in m[0] and "×" not in m[0] and "x" not in m[0].lower():
            continue  # 2 * 3 in prose is arithmetic, not a shape
        found.add(_canon(re.findall(r"\d+", m[0])))
    return found


ASSERT_EQ = re.compile(r"^\s*(?:>>>\s*)?assert\b.*?==(?P<rhs>.*)$")


def backed_shapes_in_code(code: str) -> set[str]:
    """Shapes that executed code checks: doctest outputs and ``assert ... == (...)``."""
    backed: set[str] = set()
    for ex in doctest.DocTestParser().get_examples(code):
        backed |= shapes_in(ex.want)
        for src in ex.source.splitlines():
            if m := ASSERT_EQ.match(src):
                backed |= shapes_in(m["rhs"])
    for line in code.splitlines():
        if m := ASSERT_EQ.match(line):
            backed |= shapes_in(m["rhs"])
    return backed


def unbacked_shapes(page: Page, root: Path = ROOT) -> dict[str, set[int]]:
    """Shapes claimed in prose but not backed by executed code; value: the lines that claim them."""
    backed: set[str] = set()
    for fence in page.python_fences:
        backed |= backed_shapes_in_code(expand_includes(fence.body, root))
    missing: dict[str, set[int]] = {}
    for text in page.prose:
        for shape in shapes_in(text.text) - backed:
            missing.setdefault(shape, set()).add(text.line)
    return missing


ALL_PAGES = [p for lang in LANGS for p in pages(lang)]


@pytest.mark.parametrize("page", ALL_PAGES, ids=[str(p.relative_to(DOCS)) for p in ALL_PAGES])
def test_prose_shapes_are_backed_by_executed_code(page):
    missing = unbacked_shapes(load_page(page))
    assert not missing, (
        f"{page.relative_to(ROOT)}: shapes in prose not backed by a doctest output or assert on "
        f"the same page: {sorted(missing)}")


def test_shape_checker_catches_unbacked_shape(tmp_path):
    page = """# Title
U has shape (100, 1), W is 100×100 and V is `(1, 100)`.
<!-- (7, 7) in a comment is not a claim -->
<!-- invisible-code-block: python
assert (3, 3) == (3, 3)
-->
(3, 3) is backed by the invisible block.
（5，5）is full-width, 3 x 4 and $2 \\times 9$ too.

```python
>>> import numpy as np
>>> np.zeros((100, 1)).shape
(100, 1)
>>> assert np.zeros((1, 100)).shape == (1, 100)

```

```text
(8, 8) inside a non-python fence is not prose
```

```python
--8<-- "mod.py:sec"
```
"""
    (tmp_path / "mod.py").write_text(
        '# --8<-- [start:sec]\ndef f():\n    """\n    >>> (5, 5)\n    (5, 5)\n    """\n'
        "# --8<-- [end:sec]\n")
    missing = unbacked_shapes(parse_markdown_text(page), root=tmp_path)
    assert set(missing) == {"(100, 100)", "(3, 4)", "(2, 9)"}
    assert missing["(100, 100)"] == {2}


def test_shape_normalisation():
    assert shapes_in("(100,1) and 100 x 50 and (50, 50, 1) and (3,)") == {
        "(100, 1)", "(100, 50)", "(50, 50, 1)", "(3,)"}
    assert shapes_in("published (2015), see (10.8) and sin(1) 2x faster") == set()
    # calls and intervals are not shapes: uniform(0, 1), range(2, 5), "lies in (0, 1)"
    assert shapes_in("uniform(0, 1), range(2, 5), lies in (0, 1)") == set()
    assert shapes_in("$U \\in \\mathbb{R}^{100 \\times 1}$") == {"(100, 1)"}


