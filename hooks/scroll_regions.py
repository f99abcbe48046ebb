"""What scrolls sideways takes keyboard focus and has a name (WCAG 2.1.1; axe's scrollable-region-focusable).

- Tables: each content table is wrapped in a region named after the heading above it. Material wraps
  tables in its scroll box by JavaScript, too late to name it, so the box that scrolls is this one
  (`.table-region`, extra.css).
- Notebook code cells (mkdocs-jupyter's `.highlight-ipynb`, which Material's code script skips) and
  display formulas (`div.arithmatex`, wider than a phone when long).
- Code blocks: Material makes a wide one focusable when it mounts it, which `content.lazy` defers
  until the block is scrolled to; here every block is focusable from the start.
"""

import html
import re

TABLE = re.compile(r"<table(?=[\s>])(?:(?!<table[\s>]).)*?</table>", re.S)
HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
BOX = re.compile(r'<div class="((highlight-ipynb)[^"]*|arithmatex)">')
CODE = re.compile(r"(<pre\b[^>]*><span></span>)<code>")   # a fence (its <pre> may carry attributes)
WORD = {"en": "Table", "zh": "表格"}
NAMES = {"en": {"highlight-ipynb": "Code cell", "arithmatex": "Formula"},
         "zh": {"highlight-ipynb": "代码单元", "arithmatex": "公式"}}


def label(before: str, lang: str) -> str:
    headings = HEADING.findall(before)
    title = re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", headings[-1]).strip() if headings else ""
    title = html.unescape(title)
    return f"{WORD[lang]}{'：' if lang == 'zh' else ': '}{title}" if title else WORD[lang]


def on_post_page(output, config, **kwargs):
    lang = "zh" if config.theme["language"] == "zh" else "en"
    start = output.find('<article class="md-content__inner')
    if start < 0:
        return output

    def wrap(match):
        name = html.escape(label(output[start:start + match.start()], lang), quote=True)
        return f'<div class="table-region" role="region" tabindex="0" aria-label="{name}">{match.group(0)}</div>'

    def focusable(match):
        name = NAMES[lang][match.group(2) or match.group(1)]
        return f'<div class="{match.group(1)}" role="region" tabindex="0" aria-label="{name}">'

    body = BOX.sub(focusable, TABLE.sub(wrap, output[start:]))
    return output[:start] + CODE.sub(r'\1<code tabindex="0">', body)
