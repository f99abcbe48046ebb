"""The built site in a real browser (system Chromium through Playwright), served on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.search_cases import SEARCH_CASES
from tests.test_site import html_pages


def page_urls(site: Path) -> list[str]:
    return [str(p.relative_to(site).parent).replace(".", "") for p in html_pages(site)
            if p.name == "index.html"]


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.errors, page.outside = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", None)
            and r.url.startswith("http") and page.outside.append(r.url))
    yield page
    context.close()


def test_every_page_loads_cleanly_and_stays_local(site, base_url, page) -> None:
    problems = {}
    for path in page_urls(site):
        page.errors.clear(), page.outside.clear()
        response = page.goto(urljoin(base_url, path + "/" if path else ""), wait_until="networkidle")
        if response is None or response.status != 200 or page.errors or page.outside:
            problems[path or "/"] = (response and response.status, list(page.errors), list(page.outside))
    assert not problems, problems


def search(page, base_url: str, lang: str, query: str) -> list[str]:
    root = urljoin(base_url, "zh/" if lang == "zh" else "")
    page.goto(root, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_timeout(1500)  # let the search worker build its index
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
    return [urlparse(link).path.removeprefix(urlparse(root).path).split("#")[0] for link in links]


@pytest.mark.parametrize("lang, query, expected", SEARCH_CASES)
def test_search_finds_the_right_page(page, base_url, lang, query, expected) -> None:
    found = search(page, base_url, lang, query)
    assert expected in found[:3], f"{lang} search {query!r}: expected {expected!r} in top 3, got {found[:5]}"
    assert not page.errors and not page.outside


def inner_pages(site: Path) -> list[str]:
    return [p for p in page_urls(site) if p and not p.startswith(("zh", "tags", "search"))]


def test_language_switch_stays_on_the_same_page(site, base_url, page) -> None:
    inner = inner_pages(site)
    assert inner, "the site needs at least one inner page"
    for path, here, there in [(inner[0], "", "zh/"), (inner[-1], "zh/", "")]:
        page.goto(urljoin(base_url, here + path + "/"), wait_until="networkidle")
        page.hover(".md-header__option .md-select")
        target = "zh" if there else "en"
        page.click(f"a.md-select__link[hreflang='{target}']")
        page.wait_for_load_state("networkidle")
        assert page.url == urljoin(base_url, there + path + "/")


def pages_with_math(site: Path) -> list[str]:
    return [str(p.parent.relative_to(site)) + "/" for p in html_pages(site)
            if p.name == "index.html" and 'class="arithmatex"' in p.read_text("utf-8")]


def test_math_is_rendered(site, base_url, page) -> None:
    with_math = pages_with_math(site)
    assert any(p.startswith("zh/") for p in with_math) and any(not p.startswith("zh/") for p in with_math)
    for path in with_math:
        page.goto(urljoin(base_url, path), wait_until="networkidle")
        page.wait_for_selector(".arithmatex mjx-container svg", timeout=15_000)
        unrendered = page.locator(".arithmatex:not(:has(mjx-container))").count()
        assert unrendered == 0, f"{path}: {unrendered} formulas left as TeX"
    assert not page.errors and not page.outside


def test_home_page_is_light(base_url, page) -> None:
    """A first visit downloads no math engine and stays small, in both languages."""
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body()) if r.ok else 0))
    for lang in ("", "zh/"):
        sizes.clear()
        page.goto(urljoin(base_url, lang), wait_until="networkidle")
        assert not any("mathjax" in url for url in sizes), "the home page should not load MathJax"
        # Uncompressed bytes (the test server sends no gzip); about half is the search index.
        assert sum(sizes.values()) < 1_000_000, sorted(sizes.items(), key=lambda kv: -kv[1])[:5]


def test_copy_button_copies_runnable_code(browser, base_url) -> None:
    """On a doctest block, the copy button leaves out the >>> prompts and the outputs."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(urljoin(base_url, "faq/why-is-w-square/"), wait_until="networkidle")
    block = page.locator("div.highlight:has(.gp)").first
    shown = block.inner_text()
    block.locator("button.md-code__button[data-md-type=copy]").click(force=True)
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert ">>>" in shown and "(100, 100)" in shown
    assert ">>>" not in copied and "(100, 100)" not in copied.replace("(H, H)", "")
    compile(copied, "copied", "exec")  # what lands on the clipboard is valid Python
