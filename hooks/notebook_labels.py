"""Notebook pages: the copy buttons speak the page's language, and each figure has a real alt text.

mkdocs-jupyter's template labels every cell's copy button "Copy to Clipboard" / "Copied!", and
nbconvert gives every plot the alt text "No description has been provided for this image". This
hook translates the button strings on Chinese pages and replaces the placeholder alt text with
"Figure: <the section's heading>" (图：<标题>), the heading being the last one above the image.
"""

import html
import re

NO_ALT = 'alt="No description has been provided for this image"'
BUTTONS = {"zh": {'aria-label="Copy to Clipboard"': 'aria-label="复制到剪贴板"',
                  ">Copied!<": ">已复制<"}}
FIGURE = {"en": "Figure: ", "zh": "图："}
HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
TAG = re.compile(r"<[^>]+>")


def heading_text(fragment: str) -> str:
    text = html.unescape(TAG.sub("", fragment)).replace("¶", "")
    return " ".join(text.split())


def label_notebook(output: str, lang: str) -> str:
    """The page's HTML with translated buttons and one alt text per figure."""
    for old, new in BUTTONS.get(lang, {}).items():
        output = output.replace(old, new)
    parts, last, heading = [], 0, ""
    for m in re.finditer(re.escape(NO_ALT) + "|" + HEADING.pattern, output, re.S):
        if m[0].startswith("<h"):
            heading = heading_text(m[1])
            continue
        alt = html.escape(FIGURE.get(lang, FIGURE["en"]) + heading, quote=True)
        parts += [output[last:m.start()], f'alt="{alt}"']
        last = m.end()
    return "".join(parts) + output[last:]


def on_post_page(output, page, config, **kwargs):
    if 'class="jupyter-wrapper' not in output:
        return output
    return label_notebook(output, config["theme"]["language"])
