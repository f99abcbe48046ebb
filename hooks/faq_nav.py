"""The FAQ section of the navigation, generated: a new question needs no line in mkdocs*.yml.

The nav lists `faq/index.md` under its section title; this hook adds one sub-section per theme of
the FAQ index (its H2 headings, `## Title { #id }`) holding the questions it links, in the index's
order. The framework sections (#pytorch, #keras) list questions a second time and stay out of the
nav. tests/guards/test_faq_pages.py checks that every question is under exactly one theme.
"""

import re
from pathlib import Path

from markdown_it import MarkdownIt

FRAMEWORK_SECTIONS = ("pytorch", "keras")
HEADING = re.compile(r"^(?P<title>.*?)\s*\{\s*#(?P<id>[\w-]+)\s*\}$")


def themes(index: Path) -> list[tuple[str, str, list[str]]]:
    """(id, title, linked pages) for each H2 of the FAQ index that is not a framework section."""
    sections: list[tuple[str, str, list[str]]] = []
    tokens = MarkdownIt().parse(index.read_text(encoding="utf-8"))
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            m = HEADING.match(tokens[i + 1].content)
            sections.append((m["id"], m["title"], []) if token.tag == "h2" and m else ("", "", []))
        elif token.type == "inline" and sections:
            sections[-1][2].extend(child.attrs["href"] for child in token.children or []
                                   if child.type == "link_open" and "/" not in child.attrs["href"]
                                   and child.attrs["href"].endswith(".md"))
    return [(id_, title, pages) for id_, title, pages in sections if id_ and id_ not in FRAMEWORK_SECTIONS]


def on_config(config):
    section = next(items for entry in config.nav if isinstance(entry, dict)
                   for items in entry.values() if isinstance(items, list) and "faq/index.md" in items)
    index = Path(config.docs_dir) / "faq" / "index.md"
    section.extend({title: [f"faq/{page}" for page in pages]} for _, title, pages in themes(index))
    return config
