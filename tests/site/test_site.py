"""Checks of the built site (both languages): strict build, no external resources, page parity,
math as MathML, the notebooks' executed output, and Chinese text without stray spaces."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hooks.chinese import CJK, CJK_PUNCTUATION
from tests.markdown_model import ROOT, load_page

EXTERNAL = re.compile(r"^(https?:)?//", re.I)


class Resources(HTMLParser):
    """Collects the URLs a page would load by itself (not plain <a> links)."""

    ATTRS = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src",
             "audio": "src", "video": "src", "embed": "src", "object": "data"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = self.ATTRS.get(tag)
        values = dict(attrs)
        if tag == "link" and not {"stylesheet", "preload", "icon", "modulepreload", "manifest"} & set(
                (values.get("rel") or "").split()):
            return
        if wanted and values.get(wanted):
            self.urls.append(values[wanted])


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_build_is_strict_and_silent(build: tuple[Path, str]) -> None:
    _, log = build
    warnings = [line for line in log.splitlines() if re.match(r"^(WARNING|ERROR)\b", line)]
    assert not warnings, "\n".join(warnings)


def test_both_languages_are_built(site: Path) -> None:
    en = {p.relative_to(site) for p in html_pages(site) if p.relative_to(site).parts[0] != "zh"}
    zh = {p.relative_to(site / "zh") for p in html_pages(site / "zh")}
    assert en and en == zh, f"only English: {sorted(en - zh)}; only Chinese: {sorted(zh - en)}"


def test_no_page_loads_anything_from_outside(site: Path) -> None:
    offenders = {}
    for page in html_pages(site):
        parser = Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        external = [u for u in parser.urls if EXTERNAL.match(u)]
        if external:
            offenders[str(page.relative_to(site))] = external
    assert not offenders, offenders


def test_no_cdn_urls_in_shipped_scripts_of_pages(site: Path) -> None:
    """Inline scripts (e.g. notebook loaders) must not point at a CDN either."""
    cdn = re.compile(r"https?://(cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|unpkg\.com|fonts\.googleapis\.com)")
    offenders = [str(p.relative_to(site)) for p in html_pages(site) if cdn.search(p.read_text("utf-8"))]
    assert not offenders, offenders


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_404_page_is_useful(site: Path, lang: str) -> None:
    page = (site / "404.html") if lang == "en" else (site / "zh" / "404.html")
    text = page.read_text(encoding="utf-8")
    assert 'class="not-found"' in text, "the 404 page should come from overrides/404.html"
    assert 'href="/' in text and (("FAQ" in text) if lang == "en" else ("常见问题" in text))
    assert ("(404)" if lang == "en" else "（404）") in text  # full-width brackets in Chinese


def test_readme_gives_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "uv run pytest" in readme and "uv run mkdocs serve" in readme


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_glossary_tooltips_appear(site: Path, lang: str) -> None:
    root = site if lang == "en" else site / "zh"
    pages = [p for p in html_pages(root) if p.name == "index.html" and p.relative_to(site).parts[0] != "zh"] \
        if lang == "en" else [p for p in html_pages(root) if p.name == "index.html"]
    with_abbr = [p for p in pages if "<abbr title=" in p.read_text("utf-8")]
    assert len(with_abbr) >= len(pages) // 2, f"{lang}: tooltips on only {len(with_abbr)} of {len(pages)} pages"
    if lang == "zh":  # a term in the middle of a Chinese sentence still gets its tooltip
        inside = re.compile(rf"[{CJK}]<abbr title=\"[^\"]+\">[{CJK}]+</abbr>[{CJK}]")
        assert any(inside.search(p.read_text("utf-8")) for p in with_abbr)


def visible_text(page: Path) -> str:
    """The page's article outside <pre>, scripts and styles, with inline tags removed: what a reader
    sees, apart from the block structure (a newline in it renders as a space)."""
    article = re.search(r"<article\b.*</article>", page.read_text("utf-8"), re.S)
    html = re.sub(r"<(pre|script|style)\b.*?</\1>", "", article[0] if article else "", flags=re.S)
    html = re.sub(r"<math\b.*?</math>", "x", html, flags=re.S)  # a formula reads as a word
    return re.sub(r"</?(abbr|a|strong|em|code|span|i|b|sub|sup)\b[^>]*>", "", html)


def test_no_stray_space_in_chinese_text(site: Path) -> None:
    """A browser shows a line break as a space: 检验，\n并且 reads 检验， 并且. No space may stand
    between two Chinese characters, nor next to full-width punctuation (：U, 、b, 8.37 （50), whether it
    comes from a line break or was typed. hooks/chinese.py removes the line breaks."""
    p = CJK_PUNCTUATION
    stray = re.compile(rf".{{0,8}}(?:[{CJK}]\n[ \t]*[{CJK}]|[{p}][ \t\n]+[^\s<]|[^\s>][ \t\n]+[{p}]).{{0,8}}")
    found = {}
    for page in html_pages(site / "zh"):
        if hits := stray.findall(visible_text(page)):
            found[str(page.relative_to(site))] = hits[:5]
    assert not found, found


def test_math_is_mathml_at_build_time(site: Path) -> None:
    """hooks/mathml.py leaves no TeX for a browser to typeset, and no page ships a math engine."""
    formulas = 0
    for page in html_pages(site):
        html = page.read_text("utf-8")
        for body in re.findall(r'<(?:span|div) class="arithmatex">(.*?)</(?:span|div)>', html, re.S):
            formulas += 1
            assert body.startswith("<math") and "\\" not in re.sub(r"<[^>]+>", "", body), (page, body[:200])
        assert not re.search(r"mathjax|katex", html, re.I), f"{page}: mentions a math engine"
    assert formulas > 100


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notebooks_ran_at_build_time(site: Path, lang: str) -> None:
    """The build executes each notebook (allow_errors: false, in the notebook's own folder) and the
    page keeps its output: one light SVG plot per cell that draws (no PNG), nothing written to
    stderr, and printed labels in the page's language."""
    notebooks = sorted((ROOT / "docs" / lang).glob("*.py"))
    assert notebooks, f"no notebook in docs/{lang}"
    for notebook in notebooks:
        drawing = [f for f in load_page(notebook).fences if "plt.show()" in f.body or "savefig" in f.body]
        html = (site / ("" if lang == "en" else "zh") / notebook.stem / "index.html").read_text("utf-8")
        svgs = re.findall(r'class="jp-RenderedSVG jp-OutputArea-output[^"]*"[^>]*>(.*?)</svg>', html, re.S)
        assert drawing and len(svgs) >= len(drawing), f"{notebook}: {len(svgs)} SVG plots for {len(drawing)}"
        assert 'class="jp-RenderedImage' not in html, f"{notebook}: a plot is a raster image, not SVG"
        assert sum(len(svg.encode()) for svg in svgs) < 150_000, f"{notebook}: plots too heavy for the 1 MB budget"
        assert not re.search(r'<div[^>]*data-mime-type="application/vnd.jupyter.stderr"', html), notebook
        printed = " ".join(re.findall(r'data-mime-type="text/plain"[^>]*>(.*?)</div>', html, re.S))
        assert printed and bool(re.search(f"[{CJK}]", printed)) == (lang == "zh"), f"{notebook}: output language"
