"""Offer every notebook page's notebook as a .ipynb download, in both languages.

mkdocs-jupyter's `include_source` copies the jupytext source (corrected.py); Jupyter users want a
.ipynb. This hook writes `<name>.ipynb` next to each notebook page (converted with jupytext, without
outputs: the reader runs it) and sets `page.ipynb_name`, which overrides/main.html turns into a link.
"""

from pathlib import Path

import jupytext

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


def _ipynb_name(page) -> str | None:
    source = Path(page.file.src_uri)                  # mkdocs-jupyter renders the *.py pages
    return source.with_suffix(".ipynb").name if source.suffix == ".py" else None


def on_page_context(context, page, **kwargs):
    page.ipynb_name = _ipynb_name(page)
    return context


def on_post_page(output, page, **kwargs):
    if name := _ipynb_name(page):
        notebook = jupytext.read(page.file.abs_src_path)
        notebook.metadata["kernelspec"] = KERNEL
        jupytext.write(notebook, Path(page.file.abs_dest_path).parent / name, fmt="ipynb")
    return output
