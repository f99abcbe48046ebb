"""Guards for the FAQ (docs/<lang>/faq/), the tags and glossary pages and the abbreviation files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks import faq_nav
from hooks.faq_nav import FRAMEWORK_SECTIONS
from tests.markdown_model import LANGS, ROOT, faq_pages, load_page

# The tag vocabulary: same meaning in both languages, English names on English pages.
TAGS = {"basics": "基础", "shapes": "形状", "tutorial": "教程", "training": "训练",
        "conventions": "记号约定", "site": "本站"}
VOCABULARY = {"en": set(TAGS), "zh": set(TAGS.values())}
ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]: (\S.*)$")


def front_matter(page: Path) -> dict:
    meta = load_page(page).meta
    assert meta, f"{page}: no YAML front matter"
    return meta


ALL_PAGES = [p for lang in LANGS for p in faq_pages(lang)]
ids = lambda p: str(p.relative_to(ROOT / "docs"))  # noqa: E731


def test_both_languages_have_the_same_questions() -> None:
    en = {p.name for p in faq_pages("en")}
    zh = {p.name for p in faq_pages("zh")}
    assert en == zh, f"only English: {sorted(en - zh)}; only Chinese: {sorted(zh - en)}"
    assert len(en) >= 20


@pytest.mark.parametrize("page", ALL_PAGES, ids=ids)
def test_page_has_title_tags_one_h1_and_a_python_check(page: Path) -> None:
    lang = page.parent.parent.name
    meta = front_matter(page)
    title, tags = meta.get("title"), meta.get("tags")
    assert isinstance(title, str) and title.strip(), f"{page}: no title"
    assert isinstance(tags, list) and tags, f"{page}: no tags"
    assert set(tags) <= VOCABULARY[lang], f"{page}: tags {tags} not in {sorted(VOCABULARY[lang])}"
    h1 = [h.title for h in load_page(page).headings if h.level == 1]
    assert h1 == [title], f"{page}: needs one H1 equal to the title {title!r}, has {h1}"
    assert load_page(page).python_fences, f"{page}: no python fence"


@pytest.mark.parametrize("name", [p.name for p in faq_pages("en")])
def test_translation_has_the_same_tags(name: str) -> None:
    """Code and heading-id parity of all pages is checked in test_translation_parity.py."""
    en, zh = ROOT / "docs" / "en" / "faq" / name, ROOT / "docs" / "zh" / "faq" / name
    assert [TAGS[t] for t in front_matter(en)["tags"]] == front_matter(zh)["tags"]


@pytest.mark.parametrize("lang", LANGS)
def test_index_lists_every_question_and_only_existing_pages(lang: str) -> None:
    index = ROOT / "docs" / lang / "faq" / "index.md"
    linked = {link.text.split("#")[0] for link in load_page(index).links}
    pages = {p.name for p in faq_pages(lang)}
    local = {link for link in linked if link and "/" not in link}  # "#basics" is an in-page link
    assert pages <= local, f"{index}: questions not listed: {sorted(pages - local)}"
    assert local <= pages, f"{index}: links to missing pages: {sorted(local - pages)}"


@pytest.mark.parametrize("lang", LANGS)
def test_index_themes_list_each_question_once(lang: str) -> None:
    """faq/index.md groups questions by theme (each question under exactly one H2) and lists the
    PyTorch and Keras questions again under #pytorch and #keras; the nav's FAQ sections are made
    from the themes by hooks/faq_nav.py."""
    from mkdocs.config import load_config

    index = load_page(ROOT / "docs" / lang / "faq" / "index.md")
    h2 = [h for h in index.headings if h.level == 2]
    ends = [h.line for h in h2[1:]] + [10**9]
    sections = {h.id: (h.title, [link.text for link in index.links
                                if h.line < link.line < end and "/" not in link.text])
                for h, end in zip(h2, ends)}
    themes = [(title, pages) for key, (title, pages) in sections.items() if key not in FRAMEWORK_SECTIONS]
    listed = [page for _, pages in themes for page in pages]
    assert len(listed) == len(set(listed)), f"{lang}: a question is listed under two themes"
    assert set(listed) == {p.name for p in faq_pages(lang)}, f"{lang}: a question is under no theme"
    for key in FRAMEWORK_SECTIONS:
        extra = set(sections[key][1]) - set(listed)
        assert not extra, f"{lang}: #{key} lists pages that are under no theme: {sorted(extra)}"
    config = load_config(str(ROOT / ("mkdocs.yml" if lang == "en" else "mkdocs.zh.yml")))
    config = faq_nav.on_config(config)
    faq = next(v for item in config.nav if isinstance(item, dict) for v in item.values()
               if isinstance(v, list) and "faq/index.md" in v)
    nav = [(title, [p.removeprefix("faq/") for p in pages]) for group in faq[1:] for title, pages in group.items()]
    assert nav == themes, f"{lang}: the nav's FAQ sections differ from faq/index.md's themes"


@pytest.mark.parametrize("lang", LANGS)
def test_tags_and_glossary_pages(lang: str) -> None:
    tags_page = (ROOT / "docs" / lang / "tags.md").read_text(encoding="utf-8")
    assert "<!-- material/tags -->" in tags_page and front_matter(ROOT / "docs" / lang / "tags.md")["title"]
    cells = load_page(ROOT / "docs" / lang / "glossary.md").cells
    rows = {cell.line for cell in cells if cell.row > 0}
    assert len(rows) > 20, f"{lang} glossary: too few rows"
    assert {cell.column for cell in cells} == {0, 1, 2}, f"{lang} glossary: rows need 3 columns"
    empty = sorted(cell.line for cell in cells if not cell.text)
    assert not empty, f"{lang} glossary: empty cells on lines {empty}"


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviations_are_well_formed_and_used(lang: str) -> None:
    lines = (ROOT / "includes" / f"abbreviations.{lang}.md").read_text(encoding="utf-8").splitlines()
    entries = [ABBREVIATION.match(line) for line in lines if line.strip()]
    assert all(entries), f"malformed lines: {[l for l, e in zip(lines, entries) if not e]}"
    keys = [m[1] for m in entries]
    assert len(keys) == len(set(keys)), "duplicate keys"
    text = "\n".join(t.text for p in (ROOT / "docs" / lang).rglob("*.md") for t in load_page(p).prose)
    unused = [k for k in keys if k not in text]
    assert not unused, f"keys that appear on no {lang} page: {unused}"


def test_every_question_names_its_search_query() -> None:
    """`search_query:` in the front matter: what a learner would type; the browser test checks that
    the page is among the first three results."""
    for lang in LANGS:
        for page in faq_pages(lang):
            query = load_page(page).meta.get("search_query")
            assert isinstance(query, str) and query.strip(), f"{page.relative_to(ROOT)}: no search_query"
