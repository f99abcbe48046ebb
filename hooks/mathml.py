"""Math rendered at build time: TeX becomes MathML, which browsers lay out natively.

pymdownx.arithmatex (generic mode) wraps each formula as `<span class="arithmatex">\\(...\\)</span>`
or `<div class="arithmatex">\\[...\\]</div>`; this hook replaces the TeX by latex2mathml's MathML,
on Markdown pages and notebook pages alike, so no page loads a math engine. A command latex2mathml
does not know is left as text (`\\foo`): that is a build warning, so `--strict` fails.

mkdocs-jupyter also appends a MathJax loader to every page; with no TeX left it has nothing to do,
so the hook removes it too.
"""

import html
import logging
import re

from latex2mathml.converter import convert
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.mathml")
FORMULA = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.S)
DELIMITERS = re.compile(r"\A\s*(\\\(|\\\[|\$\$|\$)(.*)(\\\)|\\\]|\$\$|\$)\s*\Z", re.S)
JUPYTER_MATHJAX = re.compile(r"<script data-mkdocs-jupyter-mathjax=.*?</script>\n?", re.S)


def mathml(match: re.Match, page) -> str:
    tag, tex = match[1], html.unescape(match[2])
    if m := DELIMITERS.match(tex):
        tex = m[2]
    out = convert(tex, display="block" if tag == "div" else "inline")
    if "\\" in re.sub(r"<[^>]+>", "", out):
        log.warning("%s: latex2mathml cannot convert %r", page.file.src_uri, tex)
    return f'<{tag} class="arithmatex">{out}</{tag}>'


def on_page_content(html_text, page, **kwargs):
    return FORMULA.sub(lambda m: mathml(m, page), html_text)


@event_priority(-100)  # after mkdocs-jupyter has added its loader
def on_post_page(output, **kwargs):
    return JUPYTER_MATHJAX.sub("", output)
