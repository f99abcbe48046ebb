"""One PDF per language: a cover, then every page of the offline build in navigation order.

Chromium prints each page (print media, editions/print.css added); pypdf joins the parts, adds
an outline that follows the navigation (sections, pages, each page's table of contents) and turns
the parts' links into links inside the book: a link to a page (or a heading of it) jumps to its
place in the PDF, and a link to a file that is not in the book loses its link (text stays).
"""

import html
import io
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, Fit, FloatObject, NameObject, NullObject

PRINT_CSS = (Path(__file__).parent / "print.css").read_text(encoding="utf-8")

# Each item of a nav or toc list: {title, href (absolute, or null for a section), children}.
READ_NAV = """(selector) => {
  const walk = (ul) => [...ul.children].filter((li) => li.matches("li.md-nav__item")).map((li) => {
    const link = li.querySelector(":scope > a.md-nav__link");
    const label = link || li.querySelector(":scope > label.md-nav__link, :scope > .md-nav__link");
    const sub = li.querySelector(":scope > nav.md-nav:not(.md-nav--secondary) > ul");
    return {title: label.textContent.replace(/\\s+/g, " ").trim(), href: link ? link.href : null,
            children: sub ? walk(sub) : []};
  });
  const ul = document.querySelector(selector);
  return ul ? walk(ul) : [];
}"""
PRIMARY, TOC = "nav.md-nav--primary > ul", "nav.md-nav--secondary > ul"

COVER = {
    "en": ("PDF edition", "Printed", "from commit", "Contents"),
    "zh": ("PDF 版", "生成于", "提交", "目录"),
}


def pages_of(nav: list[dict]) -> list[dict]:
    """The nav's pages (items with a link), depth first: the reading order."""
    return [p for item in nav for p in ([item] if item["href"] else []) + pages_of(item["children"])]


def print_page(page, url: str | None = None) -> bytes:
    """The PDF of the page at `url` (or of the page's current content), as a reader would print it."""
    if url:
        page.goto(url)
    page.add_style_tag(content=PRINT_CSS)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


def cover_html(lang: str, site_name: str, nav: list[dict], sha: str) -> str:
    """The cover: title, today's date, the commit, and the contents with a link to each page."""
    edition, printed, from_commit, contents = COVER[lang]
    today = datetime.now(UTC).strftime("%Y-%m-%d")

    def item(entry: dict) -> str:  # a page is a link to where it starts in the book (see Resolver)
        title = html.escape(entry["title"])
        if entry["href"]:
            title = f'<a href="{html.escape(entry["href"])}">{title}</a>'
        return f"<li>{title}{items(entry['children'])}</li>"

    def items(entries: list[dict]) -> str:
        return f"<ul>{''.join(map(item, entries))}</ul>" if entries else ""

    return f"""<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>{html.escape(site_name)}</title>
<body class="cover"><h1>{html.escape(site_name)}</h1>
<p class="edition">{edition} · {printed} {today} (UTC) · {from_commit} <code>{sha}</code></p>
<h2>{contents}</h2>{items(nav)}</body></html>"""


def build_pdf(browser, home: Path, lang: str, sha: str, out: Path) -> dict:
    """Print the language whose offline home page is `home` into `out`; returns a summary."""
    page = browser.new_page()
    page.goto(home.as_uri())
    nav = page.evaluate(READ_NAV, PRIMARY)
    site_name = page.locator(".md-header__topic .md-ellipsis").first.text_content().strip()
    parts = []  # (url, PdfReader, toc) per page, the cover first
    page.set_content(cover_html(lang, site_name, nav, sha))
    parts.append((None, PdfReader(io.BytesIO(print_page(page))), []))
    for item in pages_of(nav):
        pdf = print_page(page, item["href"])
        parts.append((item["href"], PdfReader(io.BytesIO(pdf)), page.evaluate(READ_NAV, TOC)))
    page.close()

    writer, start = PdfWriter(), {}
    for url, reader, _ in parts:
        start[url] = len(writer.pages)
        for p in reader.pages:
            writer.add_page(p)
    where = Resolver(writer, parts, start)
    for url, reader, _ in parts:
        for k in range(len(reader.pages)):
            where.relink(writer.pages[start[url] + k], url)
    tocs = {url: toc for url, _, toc in parts}
    add_outline(writer, nav, tocs, where)
    writer.add_metadata({"/Title": site_name, "/Subject": f"{site_name} ({sha})"})
    writer.page_mode = "/UseOutlines"
    writer.compress_identical_objects()
    with out.open("wb") as f:
        writer.write(f)
    return {"pages": len(writer.pages), "nav_pages": len(parts) - 1}


class Resolver:
    """Where a part (by its URL) or a heading in it (by its id) lands in the joined PDF."""

    def __init__(self, writer: PdfWriter, parts, start: dict):
        self.writer, self.start = writer, start
        self.readers = {url: reader for url, reader, _ in parts}

    def find(self, url: str | None, name: str | None = None) -> tuple[int, float, float] | None:
        """(page index, left, top) of heading `name` of the part at `url`, else of its first page."""
        if url not in self.start:
            return None
        reader, index = self.readers[url], self.start[url]
        named = reader.named_destinations.get(f"/{name}") if name else None
        if named is None:
            return index, 0.0, float(self.writer.pages[index].mediabox.top)
        return index + reader.get_destination_page_number(named), float(named.left or 0), float(named.top)

    def find_link(self, url: str) -> tuple[int, float, float] | None:
        link = urlsplit(url)
        return self.find(link._replace(fragment="").geturl(), unquote(link.fragment) or None)

    def relink(self, page, url: str | None) -> None:
        """Point the page's links into the book; drop links to files of the build that are not in it."""
        kept = ArrayObject()
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            action = annot.get("/A") or {}
            if "/Dest" in annot:  # a link inside the page: a heading of this part
                target = self.find(url, str(annot["/Dest"]).lstrip("/"))
            elif action.get("/S") == "/URI" and str(action["/URI"]).startswith("file:"):
                target = self.find_link(str(action["/URI"]))
            else:
                kept.append(ref)  # a web link, or not a link
                continue
            if target is not None:
                index, left, top = target
                annot.pop("/A", None)
                annot[NameObject("/Dest")] = ArrayObject([
                    self.writer.pages[index].indirect_reference, NameObject("/XYZ"),
                    FloatObject(left), FloatObject(top), NullObject()])
                kept.append(ref)
        page[NameObject("/Annots")] = kept


def add_outline(writer: PdfWriter, nav: list[dict], tocs: dict, where: Resolver, parent=None) -> None:
    """Bookmarks: the nav's sections and pages, and under each page its table of contents."""
    for item in nav:
        url = item["href"]
        if url:
            target = where.find_link(url)
        else:  # a section starts where its first page does
            target = where.find_link(pages_of(item["children"])[0]["href"])
        if target is None:
            continue
        index, left, top = target
        entry = writer.add_outline_item(item["title"], index, parent=parent, fit=Fit.xyz(left, top))
        add_outline(writer, item["children"] + tocs.get(url, []), tocs, where, entry)
