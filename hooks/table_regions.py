"""Wide tables scroll sideways on a phone: wrap each content table in a focusable, named region.

A region that scrolls must be reachable by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable).
Material wraps tables in its scroll box by JavaScript, too late to name it, so the box that scrolls
is this one (`.table-region`, extra.css), named after the heading above the table.
"""

import html
import re

TABLE = re.compile(r"<table(?=[\s>])(?:(?!<table[\s>]).)*?</table>", re.S)
HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
WORD = {"en": "Table", "zh": "表格"}


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

    return output[:start] + TABLE.sub(wrap, output[start:]) if "<table" in output[start:] else output
