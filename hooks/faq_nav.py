"""The FAQ section of the navigation, generated: a new question needs no line in mkdocs*.yml.

The nav lists `faq/index.md` under its section title; this hook appends every other page of
docs_dir/faq/ in the order the FAQ index first links it (the index groups questions by tag; the
tests check it lists them all). A page already in the nav is left where it is.
"""

from pathlib import Path

from markdown_it import MarkdownIt


def index_order(index: Path) -> list[str]:
    links = [child.attrs["href"] for token in MarkdownIt().parse(index.read_text(encoding="utf-8"))
             for child in token.children or [] if child.type == "link_open"]
    return list(dict.fromkeys("faq/" + href for href in links if "/" not in href and href.endswith(".md")))


def on_config(config):
    section = next(items for entry in config.nav if isinstance(entry, dict)
                   for items in entry.values() if isinstance(items, list) and "faq/index.md" in items)
    faq = Path(config.docs_dir) / "faq"
    pages = index_order(faq / "index.md") + sorted(f"faq/{p.name}" for p in faq.glob("*.md"))
    listed = {item if isinstance(item, str) else next(iter(item.values())) for item in section}
    section.extend(p for p in dict.fromkeys(pages) if p not in listed and (Path(config.docs_dir) / p).exists())
    return config
