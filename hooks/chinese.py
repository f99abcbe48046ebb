"""The Chinese site's three fixes: glossary tooltips inside sentences, no stray spaces at line
breaks, and a UTF-8 search index (each below).

Python-Markdown's abbr extension only matches a term at a regex word boundary (`\\b`), and Chinese
characters are word characters, so `隐状态` inside a sentence never gets its tooltip. This hook
swaps in the same tree processor with boundaries that only look at ASCII letters and digits.

Browsers show a line break inside a paragraph as a space, also between two Chinese characters
(`检验，\\n并且` reads `检验， 并且`) and next to full-width punctuation (`：\\nU` reads `： U`). The hook
removes such line breaks from each page's HTML, notebook pages included, outside <pre> blocks. A
line break between a Chinese character and a Latin word stays: it reads as the usual space.
Both act on Chinese pages only (theme.language zh).

The search plugin writes its index with every Chinese character escaped (`\\u4e2d`, 6 bytes instead
of UTF-8's 3) and every page loads that index: on the Chinese site the hook rewrites it as UTF-8,
a third smaller, same JSON.

CJK and CJK_PUNCTUATION are the one definition of these characters for the hooks and the tests.
"""

import json
import re
from pathlib import Path

from markdown import Extension
from markdown.extensions.abbr import AbbrTreeprocessor

CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef"  # CJK symbols and punctuation, full-width forms
CJK = CJK_PUNCTUATION + "\u4e00-\u9fff"  # ... and the unified ideographs
INLINE = "abbr|a|strong|em|code|span|i|b|sub|sup"
CLOSE, OPEN = rf"(?:</(?:{INLINE})>)*", rf"(?:<(?:{INLINE})\b[^>]*>)*"
CJK_BREAK = re.compile(  # 字\n字 or ，\nU or U\n（, also across inline tags: 字</em>\n<abbr title="...">字
    rf"(?<=[{CJK}])({CLOSE})\n[ \t]*(?={OPEN}[{CJK}])"
    rf"|(?<=[{CJK_PUNCTUATION}])({CLOSE})\n[ \t]*|({CLOSE})\n[ \t]*(?={OPEN}[{CJK_PUNCTUATION}])")
PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return None
        keys = "|".join(re.escape(k) for k in sorted(self.abbrs, key=len, reverse=True))
        self.RE = re.compile(rf"(?<![A-Za-z0-9_])(?:{keys})(?![A-Za-z0-9_])")
        self.iter_element(root)
        return None


class CjkAbbrExtension(Extension):
    def extendMarkdown(self, md):
        abbrs = md.treeprocessors["abbr"].abbrs  # shared with the abbr extension's block processor
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, abbrs), "abbr", 7)


def chinese(config) -> bool:
    return config.theme["language"] == "zh"


def on_config(config):
    if chinese(config):
        config.markdown_extensions.append(CjkAbbrExtension())
    return config


def on_page_content(html, config, **kwargs):
    if not chinese(config):
        return html
    parts = PRE.split(html)  # odd items are <pre> blocks
    join = lambda m: "".join(g or "" for g in m.groups())  # noqa: E731  keep the tags, drop the break
    return "".join(p if i % 2 else CJK_BREAK.sub(join, p) for i, p in enumerate(parts))


def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if chinese(config) and index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
