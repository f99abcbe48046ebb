"""Take it home: the corrected-model page offers its notebook as a .ipynb, in both languages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen

import jupytext
import nbformat
import pytest
from tests.markdown_model import ROOT

LANGS = {"en": ("", "Notebook (.ipynb)"), "zh": ("zh/", "下载笔记本（.ipynb）")}


def code_cells(notebook) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("lang", LANGS)
def test_corrected_page_offers_its_notebook(site: Path, base_url: str, lang: str) -> None:
    prefix, text = LANGS[lang]
    html = (site / prefix / "corrected" / "index.html").read_text("utf-8")
    link = re.search(r'<a href="corrected\.ipynb" download[^>]*>(.*?)</a>', html, re.DOTALL)
    assert link and text in link[1], "the page should link to corrected.ipynb in its own language"

    with urlopen(urljoin(base_url, f"{prefix}corrected/corrected.ipynb")) as response:   # served
        notebook = nbformat.reads(response.read().decode("utf-8"), as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    source = jupytext.read(ROOT / "docs" / lang / "corrected.py")
    assert code_cells(notebook) == code_cells(source) and len(code_cells(notebook)) >= 3
    assert [c.cell_type for c in notebook.cells] == [c.cell_type for c in source.cells]


def test_only_notebook_pages_get_a_download(site: Path) -> None:
    pages = [p for p in site.rglob("index.html") if "assets" not in p.parts]
    with_link = sorted(str(p.relative_to(site)) for p in pages if "notebook-download" in p.read_text("utf-8"))
    assert with_link == ["corrected/index.html", "zh/corrected/index.html"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_download_link_leaves_the_notebook_its_width(browser, base_url: str, lang: str) -> None:
    """On a phone, every cell is as wide as the article less the notebook's padding: a floated link
    beside the notebook (a scroll box) once narrowed all of it to half the screen."""
    page = browser.new_page(viewport={"width": 412, "height": 823})
    page.goto(urljoin(base_url, f"{LANGS[lang][0]}corrected/"), wait_until="load")
    article, *cells = page.evaluate("""() => [document.querySelector('.md-content__inner'),
      ...document.querySelectorAll('.jp-Cell')].map(el => Math.round(el.getBoundingClientRect().width))""")
    page.close()
    assert len(cells) > 10 and min(cells) >= article - 40, (article, sorted(set(cells)))
