"""The built site in a real browser (system Chromium through Playwright), served on 127.0.0.1.

One pass per language (a test class) visits every page with the browser cache off (as on a first
visit) and records what the page did; the tests judge that record. Waits are on conditions (the
load event, the search index fetched, no request left in flight), never on time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.markdown_model import LANGS, faq_pages, load_page

BUDGET = 1_000_000  # bytes a first visit may download, uncompressed (the test server sends no gzip)
SEARCH_INDEX = "search/search_index.json"
MATH_CHECK = """() => {
  const visible = el => el.checkVisibility();
  const formulas = [...document.querySelectorAll('.md-content .arithmatex')];
  const bad = formulas.filter(el => {
    const math = el.querySelector('math');
    if (!math) return true;                                   // TeX left, or nothing
    const shown = getComputedStyle(math).display;             // 'inline math' / 'block math': laid out natively
    const box = math.getBoundingClientRect();
    return !shown.endsWith('math') || (visible(el) && (box.width === 0 || box.height === 0));
  });
  const prose = document.querySelector('.md-content').cloneNode(true);
  prose.querySelectorAll('pre, code, script, style').forEach(el => el.remove());
  const tex = prose.textContent.match(/\\\\[()\\[\\]]|\\$\\$|\\\\[A-Za-z]{2,}/g) || [];
  return {formulas: formulas.length, unrendered: bad.map(el => el.outerHTML.slice(0, 120)), tex};
}"""
# Code blocks far from the viewport are not drawn (content-visibility, extra.css); the height they
# hold meanwhile (hooks/block_heights.py) must be the one they take when drawn: [block, held, drawn].
HEIGHT_CHECK = """() => {
  const blocks = [...document.querySelectorAll('.md-typeset .highlight, .highlight-ipynb')];
  const held = blocks.map(el => el.getBoundingClientRect().height);
  const drawn = document.head.appendChild(document.createElement('style'));
  drawn.textContent = '* { content-visibility: visible !important; }'   // drawn, with the containment
    + ' .md-typeset .highlight, .highlight-ipynb { contain: layout style paint; }';   // of a drawn block
  const wrong = blocks.map((el, i) => [i, held[i], el.getBoundingClientRect().height])
    .filter(([, before, after]) => Math.abs(before - after) > 2);
  drawn.remove();
  return {blocks: blocks.length, wrong};
}"""
# axe-core (shipped inside axe-playwright-python, so it runs offline), WCAG 2.1 A and AA rules: all of
# them in the palette the page opens in (light), then in Material's dark palette (`slate`) the two
# whose outcome depends on colours (color-contrast; link-in-text-block on the content's links).
# What the theme puts around the content (header, nav, search, footer) comes from the same templates
# on every page: it is checked on each language's home page, the content (.md-content) on every
# page. The colour rules check one element per look (text colour, font size and weight, the colours
# and opacities of each ancestor down to an opaque background; for a link also its underline and
# its text's colour) per language and palette: an element that looks exactly like one already
# checked is skipped. Of the elements that look alike, the one with the most text of its own is
# checked: axe leaves a lone digit undecided ("too short"), so a look checked only on its shortest
# element passed unchecked (numbers in the notebook's code, 4.25:1). The elements to check carry
# data-axe-look, and the two colour rules are set to those, so each palette takes one axe run.
# Blocks that the page draws only near the viewport (content-visibility in extra.css) are drawn for
# the check.
AXE_SOURCE = Axe().axe_script
AXE_CHECK = """async ({whole, seen}) => {
  const scope = whole ? document : {include: ['.md-content']};
  const known = new Set(seen), looks = [];
  const found = (palette, result) => result.violations.flatMap(rule => rule.nodes.map(node =>
    `${palette} ${rule.id} (${rule.impact}): ${node.target.join(' > ')}: `
    + (node.failureSummary.split('\\n')[1] || '')));
  const styles = new Map(), style = el => styles.get(el) || styles.set(el, getComputedStyle(el)).get(el);
  const backdrop = el => {                       // the colours behind el, down to an opaque one
    const layers = [];
    for (let a = el; a; a = a.parentElement) {
      const s = style(a);
      layers.push(s.backgroundColor, s.backgroundImage, s.opacity, s.mixBlendMode);
      if (s.backgroundImage === 'none' && /^rgb\\(/.test(s.backgroundColor) && s.opacity === '1') break;
    }
    return layers.join();
  };
  const look = (palette, el) => {
    const s = style(el), p = style(el.parentElement);
    const link = el.tagName === 'A' && `${s.textDecorationLine} ${p.color} ${p.fontSize}`;  // vs its text
    return [palette, link, s.color, s.fontSize, s.fontWeight, s.textShadow, s.webkitTextStrokeColor,
            backdrop(el)].join('|');
  };
  const within = whole ? document.body : document.querySelector('.md-content');
  const texts = [...within.querySelectorAll('*')]           // elements with text of their own
    .filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim()));
  const links = [...document.querySelectorAll('.md-content a[href]')];   // link-in-text-block's subjects
  const unmark = () => document.querySelectorAll('[data-axe-look]').forEach(el => el.removeAttribute('data-axe-look'));
  const own = el => [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data.trim()).join('').length;
  const mark = palette => {                      // per look not checked yet, its element with the most text:
    unmark();                                    // axe leaves a digit or a sign undecided (too short)
    const best = new Map();
    for (const el of [...texts, ...links]) {
      const key = look(palette, el);
      if (!known.has(key) && !(best.has(key) && own(best.get(key)) >= own(el))) best.set(key, el);
    }
    best.forEach((el, key) => { known.add(key); looks.push(key); el.setAttribute('data-axe-look', ''); });
    styles.clear();
    return best.size;
  };
  axe.configure({rules: [{id: 'color-contrast', selector: '[data-axe-look]'},
                         {id: 'link-in-text-block', selector: 'a[href][data-axe-look]'}]});
  const run = async (palette, rules) => found(palette,
    await axe.run(scope, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']}));
  const rules = axe.getRules(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).map(r => r.ruleId);
  const scheme = document.body.getAttribute('data-md-color-scheme');
  const drawn = document.head.appendChild(document.createElement('style'));
  drawn.textContent = '* { content-visibility: visible !important; }'   // all blocks drawn
    + ' *, *::before, *::after { transition: none !important; }';                // no colour mid-fade
  mark(scheme);
  const light = await run(scheme, rules);
  document.body.setAttribute('data-md-color-scheme', 'slate');
  const dark = mark('slate') ? await run('slate', ['color-contrast', 'link-in-text-block']) : [];
  document.body.setAttribute('data-md-color-scheme', scheme);
  unmark();
  document.body.offsetHeight;                    // the light colours applied before transitions return
  drawn.remove();
  return {rules: rules.length, violations: [...light, ...dark], looks};
}"""


def page_paths(site: Path, lang: str | None = None) -> list[str]:
    """Every page as a URL path ('' is the English home, 'zh/' the Chinese one), of `lang` if given."""
    paths = sorted(str(p.parent.relative_to(site)) + "/" if p.parent != site else ""
                   for p in site.rglob("index.html") if "assets" not in p.parts)
    return [p for p in paths if lang is None or p.startswith("zh/") == (lang == "zh")]


@dataclass
class Visit:
    status: int | None = None
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)  # URL -> bytes of the file served
    math: dict = field(default_factory=dict)
    heights: dict = field(default_factory=dict)  # blocks: how many; wrong: [index, held, drawn] (px)
    axe: dict = field(default_factory=dict)  # rules: how many ran; violations: "palette rule: element: why"

    @property
    def total(self) -> int:
        return sum(self.sizes.values())


def served_size(site: Path, base_url: str, url: str) -> int:
    """Bytes the test server sends for `url`: the file's size (it sends no compression)."""
    path = site / url.removeprefix(base_url).split("#")[0].split("?")[0]
    path = path / "index.html" if path.is_dir() else path
    return path.stat().st_size if path.is_file() else 0  # a missing file is a 404: see `answered`


class Visitor:
    """One tab with the browser cache off, so every visit downloads what a first visit does."""

    def __init__(self, browser, site: Path, base_url: str) -> None:
        self.site, self.base_url = site, base_url
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.context.new_cdp_session(self.page).send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.context.add_init_script(AXE_SOURCE)  # axe-core in every page, before the page's own scripts
        self.pending: set[str] = set()
        self.looks: set[str] = set()  # what color-contrast has checked already (AXE_CHECK)
        self.record = Visit()
        self.page.on("pageerror", lambda error: self.record.errors.append(str(error)))
        self.context.on("request", self.started)
        self.context.on("requestfinished", self.finished)
        self.context.on("requestfailed", self.failed)
        self.context.on("response", self.answered)

    def started(self, request) -> None:
        if request.url.startswith(self.base_url):
            self.pending.add(request.url)
        elif not request.url.startswith("data:"):
            self.record.outside.append(request.url)

    def finished(self, request) -> None:
        if request.url.startswith(self.base_url):
            self.pending.discard(request.url)
            self.record.sizes[request.url] = served_size(self.site, self.base_url, request.url)

    def answered(self, response) -> None:
        if response.status >= 400:
            self.record.errors.append(f"{response.status}: {response.url}")

    def failed(self, request) -> None:
        """A request cut short by the next navigation (a late favicon) is not the page's fault."""
        self.pending.discard(request.url)
        if "ERR_ABORTED" not in (request.failure or ""):
            self.record.errors.append(f"{request.failure}: {request.url}")

    def visit(self, path: str) -> Visit:
        """Open the page; wait for its load event, its search index and every request it made."""
        self.record, self.pending = Visit(), set()
        with self.page.expect_request_finished(lambda r: r.url.endswith(SEARCH_INDEX)):
            response = self.page.goto(urljoin(self.base_url, path), wait_until="load")
        while self.pending:
            self.page.wait_for_event("requestfinished")
        self.record.status = response.status if response else None
        self.record.math = self.page.evaluate(MATH_CHECK)
        self.record.heights = self.page.evaluate(HEIGHT_CHECK)
        whole = path in ("", "zh/")  # a home page: the theme around the content too (see AXE_CHECK)
        self.record.axe = self.page.evaluate(AXE_CHECK, {"whole": whole, "seen": sorted(self.looks)})
        self.looks.update(self.record.axe.pop("looks"))
        return self.record


class VisitedPages:
    """The browser pass over the pages of one language. Each subclass is one unit of work for xdist
    (`--dist loadscope`), so the two languages can be visited by the two workers side by side."""

    lang: str

    @pytest.fixture(scope="class")
    @classmethod
    def visits(cls, site, base_url, browser) -> dict[str, Visit]:
        """Every page of this language, visited once."""
        visitor = Visitor(browser, site, base_url)
        records = {path: visitor.visit(path) for path in page_paths(site, cls.lang)}
        visitor.context.close()
        return records

    def test_every_page_loads_cleanly_and_stays_local(self, visits) -> None:
        assert len(visits) > 40 and ("zh/" if self.lang == "zh" else "") in visits  # the home page too
        problems = {path or "/": (v.status, v.errors, v.outside) for path, v in visits.items()
                    if v.status != 200 or v.errors or v.outside}
        assert not problems, problems

    def test_every_page_is_light_on_first_load(self, visits) -> None:
        """Everything a first visit downloads (HTML, CSS, scripts, images, search index) is <= 1 MB."""
        heavy = {path or "/": (v.total, sorted(v.sizes.items(), key=lambda kv: -kv[1])[:3])
                 for path, v in visits.items() if v.total > BUDGET}
        assert not heavy, heavy
        for v in visits.values():  # nothing came from the cache: the page, its styles and the index are counted
            assert any(u.endswith(".css") for u in v.sizes) and any(u.endswith(SEARCH_INDEX) for u in v.sizes)

    def test_math_is_rendered(self, visits) -> None:
        """Formulas arrive as MathML that the browser lays out; no TeX is left visible outside code."""
        assert any(v.math["formulas"] for v in visits.values())
        problems = {path: v.math for path, v in visits.items() if v.math["unrendered"] or v.math["tex"]}
        assert not problems, problems

    def test_code_blocks_hold_their_height_until_drawn(self, visits) -> None:
        """A code block not yet drawn holds the height it takes when drawn (within 2 px): the page
        does not move as the reader scrolls, and a tool measuring it finds everything in place."""
        assert sum(v.heights["blocks"] for v in visits.values()) > 100
        problems = {path or "/": v.heights["wrong"] for path, v in visits.items() if v.heights["wrong"]}
        assert not problems, problems

    def test_every_page_meets_wcag_21_aa_in_both_palettes(self, visits) -> None:
        """axe-core finds no WCAG 2.1 A/AA violation, in the light palette and in the dark one."""
        assert all(v.axe["rules"] > 40 for v in visits.values())  # axe ran its WCAG 2.1 A/AA rules
        problems = {path or "/": v.axe["violations"] for path, v in visits.items() if v.axe["violations"]}
        assert not problems, "\n".join(f"{path}: {line}" for path, lines in problems.items() for line in lines)

    def test_no_page_loads_a_math_engine(self, visits) -> None:
        engines = {path: url for path, v in visits.items() for url in v.sizes
                   if any(name in url.lower() for name in ("mathjax", "katex", "tex-svg", "tex-mml"))}
        assert not engines, engines


class TestEnglishPages(VisitedPages):
    lang = "en"


class TestChinesePages(VisitedPages):
    lang = "zh"


@pytest.fixture(scope="module")
def search_pages(browser, base_url):
    """One open page per language: the search cases of a language share it."""
    context = browser.new_context()
    opened: dict[str, object] = {}

    def open_page(lang: str):
        if lang not in opened:
            page = context.new_page()
            page.errors, page.outside = [], []
            page.on("pageerror", lambda error: page.errors.append(str(error)))
            page.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", None)
                    and r.url.startswith("http") and page.outside.append(r.url))
            page.goto(urljoin(base_url, "zh/" if lang == "zh" else ""), wait_until="load")
            page.locator("input.md-search__input").click()
            opened[lang] = page
        return opened[lang]

    yield open_page
    context.close()


def search(page, query: str) -> list[str]:
    """Type `query` and return the result paths, relative to the language's root."""
    box = page.locator("input.md-search__input")
    box.fill("")  # the query is sent once the search worker is ready; clear the last results first
    page.wait_for_selector(".md-search-result__item", state="detached")
    box.fill(query)
    box.press("End")  # typing Chinese through fill() needs a key event for Material to notice
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)")
    root = urlparse(page.url).path
    return [urlparse(link).path.removeprefix(root).split("#")[0] for link in links]


SEARCH_CASES = [(lang, load_page(p).meta["search_query"], f"faq/{p.stem}/") for lang in LANGS for p in faq_pages(lang)]


def test_the_wcag_check_finds_each_kind_of_violation(browser, base_url) -> None:
    """AXE_CHECK on a page with planted faults reports each: a missing alt text (the rules that run
    once), grey text and a link told apart by colour alone in the light palette, and text that is
    dark on the dark palette's background, also when a look's first element is a lone digit that
    axe cannot decide; an element that looks like one already checked is not checked again."""
    page = browser.new_page()
    page.add_init_script(AXE_SOURCE)
    page.goto(urljoin(base_url, "faq/why-is-w-square/"), wait_until="load")
    page.evaluate("""() => document.querySelector('.md-content article').insertAdjacentHTML('beforeend',
      '<img src="x.png"><p style="color:#aaa">7</p><p style="color:#aaa">grey</p><p style="color:#223">dark '
      + '<a href="#" style="text-decoration:none;color:#335">link</a> text</p>')""")
    first = page.evaluate(AXE_CHECK, {"whole": False, "seen": []})
    found = {" ".join(line.split()[:2]) for line in first["violations"]}
    assert {"default image-alt", "default color-contrast", "default link-in-text-block",
            "slate color-contrast"} <= found, first["violations"]
    again = page.evaluate(AXE_CHECK, {"whole": False, "seen": first["looks"]})
    assert [line for line in again["violations"] if "color-contrast" in line] == [], again["violations"]
    page.close()


@pytest.mark.parametrize("lang, query, expected", SEARCH_CASES)
def test_search_finds_the_right_page(search_pages, lang, query, expected) -> None:
    page = search_pages(lang)
    found = search(page, query)
    assert expected in found[:3], f"{lang} search {query!r}: expected {expected!r} in top 3, got {found[:5]}"
    assert not page.errors and not page.outside


def test_language_switch_stays_on_the_same_page(site, base_url, browser) -> None:
    inner = [p for p in page_paths(site) if p and not p.startswith(("zh", "tags", "search"))]
    assert inner, "the site needs at least one inner page"
    page = browser.new_page()
    for path, here, there in [(inner[0], "", "zh/"), (inner[-1], "zh/", "")]:
        page.goto(urljoin(base_url, here + path), wait_until="load")
        page.hover(".md-header__option .md-select")
        with page.expect_navigation(wait_until="load"):
            page.click(f"a.md-select__link[hreflang='{'zh' if there else 'en'}']")
        assert page.url == urljoin(base_url, there + path)
    page.close()


def test_copy_button_copies_runnable_code(browser, base_url) -> None:
    """On a doctest block, the copy button leaves out the >>> prompts and the outputs."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(urljoin(base_url, "faq/why-is-w-square/"), wait_until="load")
    block = page.locator("div.highlight:has(.gp)").first
    block.scroll_into_view_if_needed()  # content.lazy: Material adds the button once the block is in view
    shown = block.inner_text()
    block.locator("button.md-code__button[data-md-type=copy]").click(force=True)
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert ">>>" in shown and "(100, 100)" in shown
    assert ">>>" not in copied and "(100, 100)" not in copied.replace("(H, H)", "")
    compile(copied, "copied", "exec")  # what lands on the clipboard is valid Python
