"""Guards for the FAQ (docs/<lang>/faq/), the tags and glossary pages and the abbreviation files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.docfences import ROOT, python_fences
from tests.search_cases import SEARCH_CASES
from tests.test_guards import split_markdown

LANGS = ("en", "zh")
# The tag vocabulary: same meaning in both languages, English names on English pages.
TAGS = {"basics": "基础", "shapes": "形状", "tutorial": "教程", "training": "训练",
        "conventions": "记号约定", "site": "本站"}
VOCABULARY = {"en": set(TAGS), "zh": set(TAGS.values())}
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
HEADING = re.compile(r"^(#{1,6}) (.*?)(?: \{ #([\w-]+) \})?[ \t]*$", re.M)
LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[\w-]+)?\)")
ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]: (\S.*)$")


def faq_pages(lang: str) -> list[Path]:
    return sorted(p for p in (ROOT / "docs" / lang / "faq").glob("*.md") if p.name != "index.md")


def front_matter(page: Path) -> dict:
    m = FRONT_MATTER.match(page.read_text(encoding="utf-8"))
    assert m, f"{page}: no YAML front matter"
    return yaml.safe_load(m[1]) or {}


def prose(text: str) -> str:
    """The page without front matter, fenced code and HTML comments."""
    return "\n".join(split_markdown(FRONT_MATTER.sub("", text))[0])


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
    h1 = [m for m in HEADING.finditer(prose(page.read_text(encoding="utf-8"))) if m[1] == "#"]
    assert len(h1) == 1 and h1[0][2] == title, f"{page}: needs one H1 equal to the title {title!r}"
    assert python_fences(page.read_text(encoding="utf-8")), f"{page}: no python fence"


@pytest.mark.parametrize("name", [p.name for p in faq_pages("en")])
def test_translation_has_the_same_tags(name: str) -> None:
    """Code and heading-id parity of all pages is checked in test_guards.py."""
    en, zh = ROOT / "docs" / "en" / "faq" / name, ROOT / "docs" / "zh" / "faq" / name
    assert [TAGS[t] for t in front_matter(en)["tags"]] == front_matter(zh)["tags"]


@pytest.mark.parametrize("lang", LANGS)
def test_index_lists_every_question_and_only_existing_pages(lang: str) -> None:
    index = ROOT / "docs" / lang / "faq" / "index.md"
    linked = set(LINK.findall(index.read_text(encoding="utf-8")))
    pages = {p.name for p in faq_pages(lang)}
    local = {link for link in linked if "/" not in link}
    assert pages <= local, f"{index}: questions not listed: {sorted(pages - local)}"
    assert local <= pages, f"{index}: links to missing pages: {sorted(local - pages)}"


# H2 sections of faq/index.md that list questions a second time, by framework; not in the nav.
FRAMEWORK_SECTIONS = ("pytorch", "keras")


def index_sections(lang: str) -> dict[str, tuple[str, list[str]]]:
    """Heading id -> (heading text, linked pages) for each H2 of faq/index.md, in order."""
    sections: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in prose((ROOT / "docs" / lang / "faq" / "index.md").read_text(encoding="utf-8")).splitlines():
        if m := HEADING.match(line):
            current = m[3] if m[1] == "##" else None
            if current:
                sections[current] = (m[2], [])
        elif current:
            sections[current][1].extend(LINK.findall(line))
    return sections


def faq_nav(lang: str) -> list[tuple[str, list[str]]]:
    """The (title, pages) sections under the nav entry that holds faq/index.md."""
    config = ROOT / ("mkdocs.yml" if lang == "en" else "mkdocs.zh.yml")
    nav = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader)["nav"]
    faq = next(v for item in nav if isinstance(item, dict) for v in item.values()
               if isinstance(v, list) and "faq/index.md" in v)
    return [(title, [p.removeprefix("faq/") for p in pages])
            for group in faq if isinstance(group, dict) for title, pages in group.items()]


@pytest.mark.parametrize("lang", LANGS)
def test_sidebar_sections_are_the_index_themes(lang: str) -> None:
    """Each question is listed once under a theme; the nav has the same sections, titles and order."""
    sections = index_sections(lang)
    themes = [(title, pages) for key, (title, pages) in sections.items() if key not in FRAMEWORK_SECTIONS]
    listed = [page for _, pages in themes for page in pages]
    assert len(listed) == len(set(listed)), f"{lang}: a question is listed under two themes"
    assert faq_nav(lang) == themes, f"{lang}: the nav's FAQ sections differ from faq/index.md's themes"
    for key in FRAMEWORK_SECTIONS:
        extra = set(sections[key][1]) - set(listed)
        assert not extra, f"{lang}: {key} lists pages that are under no theme: {sorted(extra)}"


@pytest.mark.parametrize("lang", LANGS)
def test_tags_and_glossary_pages(lang: str) -> None:
    tags_page = (ROOT / "docs" / lang / "tags.md").read_text(encoding="utf-8")
    assert "<!-- material/tags -->" in tags_page and front_matter(ROOT / "docs" / lang / "tags.md")["title"]
    glossary = (ROOT / "docs" / lang / "glossary.md").read_text(encoding="utf-8")
    rows = [line for line in glossary.splitlines() if line.startswith("|") and "---" not in line]
    assert len(rows) > 20, f"{lang} glossary: too few rows"
    assert all(line.count("|") == 4 for line in rows), f"{lang} glossary: rows need 3 columns"


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviations_are_well_formed_and_used(lang: str) -> None:
    lines = (ROOT / "includes" / f"abbreviations.{lang}.md").read_text(encoding="utf-8").splitlines()
    entries = [ABBREVIATION.match(line) for line in lines if line.strip()]
    assert all(entries), f"malformed lines: {[l for l, e in zip(lines, entries) if not e]}"
    keys = [m[1] for m in entries]
    assert len(keys) == len(set(keys)), "duplicate keys"
    text = "\n".join(prose(p.read_text(encoding="utf-8")) for p in (ROOT / "docs" / lang).rglob("*.md"))
    unused = [k for k in keys if k not in text]
    assert not unused, f"keys that appear on no {lang} page: {unused}"


def test_search_cases_point_at_faq_pages() -> None:
    for lang in LANGS:
        cases = [c for c in SEARCH_CASES if c[0] == lang]
        assert len(cases) >= 4, f"{lang}: at least 4 search cases"
        for _, query, path in cases:
            assert query.strip() and path.startswith("faq/") and path.endswith("/")
            assert (ROOT / "docs" / lang / (path.rstrip("/") + ".md")).exists(), f"{path}: no such page"
