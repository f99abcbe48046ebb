"""One wording for "asked on X as ..." on the Chinese FAQ pages.

Where a page points to the thread in which its question was asked, the Chinese says
“X 上有人问过这个问题：“[title](link)”” (或“X 里…”); “同样的问题”, “一个相关的问题” and “多次” only
where the English says "the same question", "a related question" or "several times". The older
wordings (提法是, 上的提问, 可参看, 上的一个相关问题, 也常有人问) must not come back.
"""

from __future__ import annotations

import re

import pytest

from tests.markdown_model import ROOT, load_page

FAQ = sorted((ROOT / "docs" / "zh" / "faq").glob("*.md"))
OLD = ("提法是", "上的提问", "可参看", "上的一个相关问题", "也常有人问")
ONE_WORDING = re.compile(r"(上|里)(也)?有人(多次)?问过(这个|同样的|一个相关的)问题")


@pytest.mark.parametrize("path", FAQ, ids=lambda p: p.name)
def test_asked_on_lines_share_one_wording(path):
    for paragraph in load_page(path).paragraphs:
        for old in OLD:
            assert old not in paragraph.text, f"{path.name}:{paragraph.line}: {old} (use 有人问过这个问题)"
        if "有人" in paragraph.text and "问过" in paragraph.text:   # where the question was asked
            assert ONE_WORDING.search(paragraph.text), f"{path.name}:{paragraph.line}: {paragraph.text[:60]}"


def test_the_wording_is_in_use():
    assert sum(bool(ONE_WORDING.search(p.text)) for path in FAQ for p in load_page(path).paragraphs) >= 10
