"""Glossary tooltips inside Chinese text.

Python-Markdown's abbr extension only matches a term at a regex word boundary (`\\b`), and Chinese
characters are word characters, so `隐状态` inside a sentence never gets its tooltip. This hook
swaps in the same tree processor with boundaries that only look at ASCII letters and digits.
"""

import re

from markdown import Extension
from markdown.extensions.abbr import AbbrTreeprocessor


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


def on_config(config):
    config.markdown_extensions.append(CjkAbbrExtension())
    return config
