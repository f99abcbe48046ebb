"""The downloadable editions in site/downloads/ (built by `uv run python -m editions`).

Marked `editions`, deselected unless `-m` names it (conftest.py): `uv run mkdocs build`, then
`uv run python -m editions`, then `uv run pytest -m editions tests/site/test_editions.py`.
What the PDFs must hold is read from the built web site (its footer's next links give the reading
order, each page its H1) and from the nav in mkdocs.yml / mkdocs.zh.yml, never from editions/.
"""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
import zipfile
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import pytest
from tests.markdown_model import ROOT

pytestmark = pytest.mark.editions

SITE = ROOT / "site"
DOWNLOADS = SITE / "downloads"
HOME = {"en": SITE, "zh": SITE / "zh"}
CONFIG = {"en": "mkdocs.yml", "zh": "mkdocs.zh.yml"}
KEY_FACTS = {"en": ["(100, 50)", "(100, 1)", "(100, 100)", "hidden state"],
             "zh": ["(100, 50)", "(100, 1)", "(100, 100)", "隐状态", "循环神经网络"]}
COMMAND = "uv run mkdocs build && uv run python -m editions"


def downloaded(name: str) -> Path:
    path = DOWNLOADS / name
    assert path.is_file(), f"{path} is missing: build it with `{COMMAND}`"
    return path


def squeeze(text: str) -> str:
    """Text without white space, ligatures (ﬀ) spelled out: what survives line breaks in a PDF."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@cache
def reading_order(lang: str) -> list[tuple[str, str, str]]:
    """(path, nav title, H1 text) of every page of the built web site, following its footer's
    "next" links from the home page."""
    pages, path, title = [], "index.html", None
    while True:
        text = (HOME[lang] / path).read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)[1]
        h1 = html.unescape(re.sub(r"<[^>]+>", "", h1)).replace("¶", "").strip()
        if len(pages) == 1:  # the home page's nav title: the second page's "previous" link
            prev = re.search(r'class="md-footer__link md-footer__link--prev" aria-label="[^:]+: ([^"]*)"', text)
            pages[0] = (pages[0][0], html.unescape(prev[1]), pages[0][2])
        pages.append((path, title and html.unescape(title), h1))
        nxt = re.search(r'<a href="([^"]*)" class="md-footer__link md-footer__link--next" '
                        r'aria-label="[^:]+: ([^"]*)"', text)
        if not nxt:
            return pages
        path = str(Path(urljoin("/" + path, nxt[1]).lstrip("/")) / "index.html")
        title = nxt[2]


@cache
def book(lang: str):
    from pypdf import PdfReader

    reader = PdfReader(downloaded(f"uwv-{lang}.pdf"))
    texts = [page.extract_text() or "" for page in reader.pages]
    return reader, texts


def outline(reader, items=None, depth=0) -> list[tuple[int, str, int]]:
    """The bookmarks in reading order: (depth, title, page index)."""
    out = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            out += outline(reader, item, depth + 1)
        else:
            out.append((depth, item.title, reader.get_destination_page_number(item)))
    return out


def nav_top_titles(lang: str) -> list[str]:
    """The top level of the config's nav: section names, and page titles for bare pages."""
    from mkdocs.config import load_config

    titles = {path: title for path, title, _ in reading_order(lang)}
    out = []
    for item in load_config(str(ROOT / CONFIG[lang])).nav:
        if isinstance(item, dict):
            out.append(next(iter(item)))
        else:
            stem = item.removesuffix(".md")
            out.append(titles["index.html" if stem == "index" else f"{stem}/index.html"])
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_holds_the_answers_key_facts(lang: str) -> None:
    _, texts = book(lang)
    text = "\n".join(texts)
    missing = [fact for fact in KEY_FACTS[lang] if fact not in text]
    assert not missing, f"uwv-{lang}.pdf: text extraction does not find {missing}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_cover_gives_date_and_commit(lang: str) -> None:
    _, texts = book(lang)
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip()
    assert re.search(r"\b20\d\d-\d\d-\d\d\b", texts[0]), texts[0][:300]
    assert head and head in texts[0], f"the cover names another commit than HEAD {head}: {texts[0][:300]}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_has_every_page_in_navigation_order(lang: str) -> None:
    """One bookmark per page of the site, in reading order, each on a page of its own that begins with
    that page's H1; the top-level bookmarks are the nav's top level."""
    reader, texts = book(lang)
    marks, found, k = outline(reader), [], 0
    pages = reading_order(lang)
    for _, title, index in marks:
        if k < len(pages) and title == pages[k][1]:
            found.append((pages[k], index))
            k += 1
    assert k == len(pages), f"no bookmark for {pages[k][1]!r} after {found[-1:]}"
    indices = [index for _, index in found]
    assert indices == sorted(set(indices)), "two pages share a PDF page or come out of order"
    assert len(reader.pages) >= len(pages) + 1  # a cover and at least a page each
    wrong = [(title, index + 1) for (_, title, h1), index in found if squeeze(h1) not in squeeze(texts[index])]
    assert not wrong, f"bookmarks whose page does not show the page's H1: {wrong}"
    assert [title for depth, title, _ in marks if depth == 0] == nav_top_titles(lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_links_stay_inside_the_book(lang: str) -> None:
    """Links to pages and headings jump inside the PDF; the cover's contents reach every page, in
    order; no link points at a file of the build the PDF was printed from."""
    reader, texts = book(lang)
    pages, first_page = reading_order(lang), outline(reader)[0][2]  # the cover ends where Home begins
    internal, outside, cover_links = 0, [], []
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            uri = (annot.get("/A") or {}).get("/URI")
            if uri is not None:
                if not str(uri).startswith(("http://", "https://", "mailto:")):
                    outside.append((number + 1, str(uri)))
                continue
            target = reader.get_page_number(annot["/Dest"][0].get_object())
            assert target >= 0, f"page {number + 1}: a link to no page of this PDF"
            internal += 1
            if number < first_page and (not cover_links or cover_links[-1] != target):
                cover_links.append(target)  # a title over two lines is two link areas
    assert not outside, f"links to files, not into the book: {outside[:5]}"
    assert internal > 2 * len(pages)
    contents = cover_links[: len(pages)]
    wrong = [h1 for (_, _, h1), target in zip(pages, contents) if squeeze(h1) not in squeeze(texts[target])]
    assert len(contents) == len(pages) and not wrong, f"cover links that miss their page: {wrong}"


def test_chinese_pdf_embeds_a_cjk_font() -> None:
    reader, texts = book("zh")
    embedded = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            for part in font.get("/DescendantFonts") or [font]:
                descriptor = part.get_object().get("/FontDescriptor")
                if descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    embedded.add(str(part.get_object()["/BaseFont"]).split("+")[-1])
    cjk = {name for name in embedded if re.search(r"WenQuanYi|Noto.*CJK|Source.?Han|Hei|Song|Ming", name)}
    assert cjk, f"no CJK font embedded; embedded fonts: {sorted(embedded)}"
    assert "循环神经网络" in "".join(texts)


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> Path:
    """uwv-offline.zip unzipped: the bundle's folder."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(downloaded("uwv-offline.zip")) as z:
        z.extractall(folder)
    return folder / "uwv-offline"


def test_home_pages_link_the_downloads_with_their_sizes() -> None:
    for lang, home in HOME.items():
        text = (home / "index.html").read_text(encoding="utf-8")
        for name in ("uwv-en.pdf", "uwv-zh.pdf", "uwv-offline.zip"):
            link = re.search(rf'<a href="((?:\.\./)?downloads/{re.escape(name)})">[^<]+</a>\s*[(（]'
                             rf'<span data-size-of="{re.escape(name)}">([^<]*)</span>', text)
            assert link, f"{lang} home page: no link to {name} followed by its size"
            assert (home / link[1]).resolve() == downloaded(name).resolve()
            size = downloaded(name).stat().st_size
            shown = re.fullmatch(r"([\d.]+) (B|kB|MB)", link[2])
            assert shown, f"{lang} home page: {name}'s size is {link[2]!r}"
            factor = {"B": 1, "kB": 1e3, "MB": 1e6}[shown[2]]
            assert abs(float(shown[1]) * factor - size) <= 0.05 * factor + 1, (link[2], size)


def test_offline_edition_works_from_file(offline: Path, browser) -> None:
    """Opened from file:// without a server: a FAQ page by links, search in each language, the
    calculator's default total, the language switch; no request leaves the bundle."""
    from snippets.param_shapes import model_shapes

    root = offline.as_uri() + "/"
    context = browser.new_context()
    requests, errors = [], []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(root + "index.html")
    page.locator("nav.md-nav--primary a[href$='faq/index.html']").first.click()
    page.locator("article a[href$='why-is-w-square.html']").first.click()
    assert page.url == root + "faq/why-is-w-square.html"
    assert "W" in page.locator("h1").text_content()

    page.locator("a.md-select__link[hreflang=zh]").first.dispatch_event("click")
    page.wait_for_url(root + "zh/faq/why-is-w-square.html")

    for lang, query, expected in (("en", "why is W square", "faq/why-is-w-square.html"),
                                  ("zh", "方阵", "zh/faq/why-is-w-square.html")):
        page.goto(root + ("zh/" if lang == "zh" else "") + "index.html")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        box.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
        assert root + expected in [re.split(r"[?#]", h)[0] for h in hrefs[:3]], (lang, query, hrefs[:5])

    page.goto(root + "calculator.html")
    total = page.locator("#rnn-calculator [data-total]")
    total.wait_for()
    assert total.get_attribute("data-total") == str(model_shapes().total)
    context.close()
    assert not errors, errors
    outside = [url for url in requests if not url.startswith((root, "data:", "blob:", "about:"))]
    assert not outside, f"requests outside the bundle: {outside[:5]}"
