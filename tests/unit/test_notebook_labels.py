"""hooks/notebook_labels.py: notebook buttons in the page's language, a real alt text per figure."""

from __future__ import annotations

from hooks.notebook_labels import label_notebook

PAGE = (
    '<h2 id="loss-curves">Loss curves<a class="headerlink" href="#loss-curves">¶</a></h2>'
    '<clipboard-copy for="cell-1", aria-label="Copy to Clipboard"><span class="notice" hidden>Copied!</span>'
    '<img alt="No description has been provided for this image" src="data:image/svg+xml;base64,AA">'
    '<h2 id="predictions">Validation &amp; predictions</h2>'
    '<img alt="No description has been provided for this image" src="data:image/svg+xml;base64,BB">'
)


def test_english_alt_text_names_the_section() -> None:
    out = label_notebook(PAGE, "en")
    assert 'alt="Figure: Loss curves"' in out
    assert 'alt="Figure: Validation &amp; predictions"' in out
    assert "No description" not in out and 'aria-label="Copy to Clipboard"' in out


def test_chinese_buttons_and_alt_text() -> None:
    out = label_notebook(PAGE.replace("Loss curves", "损失曲线"), "zh")
    assert 'alt="图：损失曲线"' in out
    assert 'aria-label="复制到剪贴板"' in out and ">已复制<" in out
    assert "Copy to Clipboard" not in out and "Copied!" not in out and "No description" not in out
