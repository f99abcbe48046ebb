"""One Markdown model of the site's pages, shared by the doc tests and every guard.

markdown-it-py (with the front-matter, admonition and dollar-math plugins) parses a page the way
the site reads it; a jupytext percent-format notebook (`docs/<lang>/*.py`) is read with jupytext
and its markdown cells parsed the same way. Only `--8<--` lines need code of our own: they are
expanded by pymdownx.snippets' own preprocessor, configured from mkdocs.yml.

Public API (other tests use these, never each other):
    load_page(path) -> Page      fences, prose lines, paragraphs, headings, table cells, links, front matter
    parse_markdown_text(text)    the same from a string (a Markdown page)
    table_cells(page) -> [Cell]  every table cell (header and body), with its line
    sentences(page) -> [Text]    every prose sentence (tables, headings and code excluded)
    expand_includes(code)        `--8<--` lines expanded as the site does; a missing section raises
    plain_tokens(path)           the page's Markdown as plain CommonMark + table tokens (`$...$` kept as
                                 text, indented admonition bodies as prose): the prose-shape guard
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jupytext
import markdown
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from hooks.chinese import CJK

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("en", "zh")
PYTHON_LANGS = ("python", "py", "python3", "pycon")
INCLUDE = re.compile(r"""^\s*;?-{2,}8<-{2,}\s+(["'])(?P<target>[^"']+)\1\s*$""")
HEADING_ID = re.compile(r"\s*\{[^}]*#(?P<id>[\w:.-]+)[^}]*\}\s*$")   # attr_list: ## Title { #id }
INVISIBLE = "invisible-code-block: python"

PARSER = (MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(admon_plugin)
          .use(dollarmath_plugin, allow_space=True, allow_digits=True, double_inline=True))


@dataclass(frozen=True)
class Fence:
    lang: str  # first word of the info string, lower case: ```{ .python title="x" } -> python
    body: str  # the code as the site shows it (container indentation removed)
    line: int  # 1-based line of the opening fence in the page file
    end: int  # 1-based line of the closing fence

    @property
    def is_python(self) -> bool:
        return self.lang in PYTHON_LANGS

    @property
    def is_doctest(self) -> bool:
        return self.is_python and self.body.lstrip().startswith(">>>")

    @property
    def include(self) -> str | None:
        """`path[:section]` when the whole body is one `--8<--` line."""
        lines = [ln for ln in self.body.splitlines() if ln.strip()]
        m = INCLUDE.match(lines[0]) if len(lines) == 1 else None
        return m["target"] if m else None


@dataclass(frozen=True)
class Text:
    line: int  # 1-based
    text: str


@dataclass(frozen=True)
class Heading:
    level: int
    title: str  # without the { #id }
    id: str | None
    line: int


@dataclass(frozen=True)
class Cell:
    line: int
    row: int  # 0 is the header row
    column: int
    text: str


@dataclass
class Page:
    path: Path | None
    meta: dict = field(default_factory=dict)  # YAML front matter
    fences: list[Fence] = field(default_factory=list)  # every fence, any language, and invisible blocks
    prose: list[Text] = field(default_factory=list)  # one item per source line of text
    paragraphs: list[Text] = field(default_factory=list)  # paragraphs and list items, lines joined
    headings: list[Heading] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    links: list[Text] = field(default_factory=list)  # link targets (Text.text is the href)

    @property
    def python_fences(self) -> list[Fence]:
        return [f for f in self.fences if f.is_python]


def inline_text(token: Token) -> list[str]:
    """The text of an inline token, one item per source line: words, code spans and TeX kept."""
    lines = [""]
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append("")
        elif child.type in ("text", "code_inline", "math_inline", "math_inline_double"):
            lines[-1] += child.content
        elif child.type == "image":
            lines[-1] += child.content
    return lines


def comment_free(html: str) -> str:
    return re.sub(r"<!--.*?(-->|\Z)", "", html, flags=re.S)


def parse_markdown_text(text: str, path: Path | None = None, first_line: int = 1) -> Page:
    """Parse one Markdown text; `first_line` is the file line of its first line (notebook cells)."""
    page = Page(path)
    tokens = PARSER.parse(text)
    in_cell: list[int] = []  # [row, column] while inside a table
    for i, tok in enumerate(tokens):
        start = (tok.map[0] if tok.map else 0) + first_line
        if tok.type == "front_matter":
            page.meta = yaml.safe_load(tok.content) or {}
        elif tok.type in ("fence", "code_block"):
            info = tok.info.strip().strip("{}").strip().lstrip(".")
            page.fences.append(Fence(info.split()[0].lower() if info else "", tok.content, start,
                                     tok.map[1] + first_line - 1))
        elif tok.type == "html_block":
            body = tok.content.strip()
            if body.startswith("<!--") and body[4:].strip().startswith(INVISIBLE):
                code = body[4:].strip()[len(INVISIBLE):].rsplit("-->", 1)[0].lstrip(" \t\n")
                page.fences.append(Fence("python", code, start, tok.map[1] + first_line - 1))
            else:
                page.prose += [Text(start + k, ln) for k, ln in enumerate(comment_free(tok.content).splitlines())]
        elif tok.type == "math_block":
            page.prose += [Text(start + 1 + k, ln) for k, ln in enumerate(tok.content.splitlines())]
        elif tok.type == "tr_open":
            in_cell = [in_cell[0] + 1 if in_cell else 0, -1]
        elif tok.type == "table_close":
            in_cell = []
        elif tok.type in ("th_open", "td_open"):
            in_cell[1] += 1
        elif tok.type == "inline":
            lines = inline_text(tok)
            page.prose += [Text(start + k, ln) for k, ln in enumerate(lines)]
            page.links += [Text(start, c.attrs["href"]) for c in tok.children or [] if c.type == "link_open"]
            if tokens[i - 1].type == "heading_open":
                title = " ".join(lines)
                m = HEADING_ID.search(title)
                page.headings.append(Heading(int(tokens[i - 1].tag[1]), title[:m.start()] if m else title,
                                             m["id"] if m else None, start))
            elif in_cell and tokens[i - 1].type in ("th_open", "td_open"):
                page.cells.append(Cell(start, *in_cell, " ".join(lines).strip()))
            elif tokens[i - 1].type == "paragraph_open":
                page.paragraphs.append(Text(start, " ".join(ln.strip() for ln in lines)))
    page.prose = [t for t in page.prose if not INCLUDE.match(t.text)]
    return page


def parse_notebook_text(text: str, path: Path | None = None) -> Page:
    """A jupytext percent-format notebook: markdown cells are Markdown, code cells python fences."""
    notebook = jupytext.reads(text, fmt="py:percent")
    lines = text.splitlines()
    markers = [n for n, ln in enumerate(lines, 1) if ln.startswith("# %%")]
    page = Page(path, meta=notebook.metadata)
    markers = [1] * (len(notebook.cells) - len(markers)) + markers  # text before the first `# %%`
    for cell, line in zip(notebook.cells, markers, strict=True):
        if cell.cell_type == "markdown":
            part = parse_markdown_text(cell.source, path, first_line=line + 1)
            for name in ("fences", "prose", "paragraphs", "headings", "cells", "links"):
                getattr(page, name).extend(getattr(part, name))
        elif cell.cell_type == "code":
            page.fences.append(Fence("python", cell.source, line, line + cell.source.count("\n") + 1))
    return page


@cache
def _load(path: Path, mtime: float) -> Page:
    text = path.read_text(encoding="utf-8")
    return parse_notebook_text(text, path) if path.suffix == ".py" else parse_markdown_text(text, path)


def load_page(path: Path) -> Page:
    """The parsed page (a Markdown page, or a notebook `.py` in docs/)."""
    path = Path(path).resolve()
    return _load(path, path.stat().st_mtime)


def pages(lang: str, suffixes: tuple[str, ...] = (".md", ".py")) -> list[Path]:
    """Every page of one language: Markdown pages and notebooks."""
    return sorted(p for p in (DOCS / lang).rglob("*") if p.suffix in suffixes and p.is_file())


def faq_pages(lang: str) -> list[Path]:
    """The FAQ questions of a language (docs/<lang>/faq/*.md without the index)."""
    return sorted(p for p in (DOCS / lang / "faq").glob("*.md") if p.name != "index.md")


def table_cells(page: Page | Path) -> list[Cell]:
    """Every cell of every Markdown table on the page, header cells included (row 0)."""
    return (page if isinstance(page, Page) else load_page(page)).cells


SENTENCE_END = re.compile(rf"(?<=[.!?])\s+(?=[A-Z(`$*\"'{CJK}])|(?<=[。！？；])")


def sentences(page: Page | Path) -> list[Text]:
    """Every prose sentence: paragraphs and list items split after . ! ? (before a capital or a
    Chinese character) and after 。！？；. Tables, headings and code are not sentences; the line is where the paragraph
    starts."""
    page = page if isinstance(page, Page) else load_page(page)
    return [Text(p.line, s.strip()) for p in page.paragraphs for s in SENTENCE_END.split(p.text) if s.strip()]


# ---------------------------------------------------------------- `--8<--` includes


@cache
def snippets_config() -> dict:
    """pymdownx.snippets options from mkdocs.yml, minus the page-level auto_append."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader)
    options = dict(config["markdown_extensions"]["pymdownx.snippets"])
    options.pop("auto_append", None)
    options["base_path"] = [str(ROOT / p) for p in options.get("base_path", ["."])]
    return options


def expand_includes(code: str, base: Path | None = None) -> str:
    """Expand `--8<--` lines the way the site does (relative to `base` if given); a missing
    file or section raises."""
    options = snippets_config() if base is None else {**snippets_config(), "base_path": [str(base)]}
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options})
    return "\n".join(md.preprocessors["snippet"].run(code.splitlines()))
