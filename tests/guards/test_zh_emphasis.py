"""Chinese pages emphasise with bold or quotation marks, never italics.

Browsers fake an oblique for Chinese characters; Chinese books use bold, 着重号 or 楷体, and a
quoted thought takes “…”. This guard finds ``*…*`` or ``_…_`` spans with Chinese text outside code
and math on every page of docs/zh.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.markdown_model import ROOT

ZH = ROOT / "docs" / "zh"
PAGES = sorted(ZH.rglob("*.md"))
CODE_OR_MATH = re.compile(r"`[^`]*`|\$[^$]*\$")
ITALIC = re.compile(r"(?<![*\\\w])([*_])(?![*_\s])([^*_\n]*?[\u4e00-\u9fff][^*_\n]*?)(?<!\s)\1(?![*_\w])"
                    r"|(?<![*\\])\*(?![*\s])([^*\n]*?[\u4e00-\u9fff][^*\n]*?)(?<!\s)\*(?!\*)")


def italic_spans(text: str) -> list[str]:
    """``line N: span`` for every italic span with Chinese text outside fences, code and math."""
    found, in_fence = [], False
    for n, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        found += [f"line {n}: {m.group(0)}" for m in ITALIC.finditer(CODE_OR_MATH.sub("``", line))]
    return found


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_no_italic_chinese(path: Path) -> None:
    spans = italic_spans(path.read_text(encoding="utf-8"))
    assert not spans, f"{path.relative_to(ROOT)}: use **bold** or “quotes”:\n  " + "\n  ".join(spans)


def test_the_guard_finds_italics_and_spares_bold_code_and_math() -> None:
    assert len(italic_spans("这是*位置*向量，*有 100 个隐藏层。*所以")) == 2
    assert italic_spans("这是**位置**向量；`a * b` 和 $a * b$ 中的星号；* 列表项") == []
    assert italic_spans("```python\nx = 2 * 3  # 乘*法*\n```") == []
