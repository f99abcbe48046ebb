"""Sybil glue: run the python fences of the site's Markdown pages, exactly as the site renders them.

The fences come from the one Markdown model (tests/markdown_model.py): a fence is collected when
its language is python, py, python3 or pycon, whatever attributes follow, at any indentation
(lists, admonitions), and also the ``<!-- invisible-code-block: python -->`` comments. `--8<--`
lines are expanded by pymdownx.snippets itself, so the tests run what the site shows. A body that
starts with ``>>>`` is a doctest; anything else is executed as code. All fences of a page share one
namespace and run in page order.
"""

from __future__ import annotations

import doctest
from itertools import accumulate

from sybil import Document, Example, Region

from tests.markdown_model import expand_includes, parse_markdown_text

DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def evaluate(example: Example) -> str | None:
    source: str = example.parsed
    globs = example.namespace  # one namespace per page: its fences run in page order
    where = f"{example.path}:{example.line}"
    if source.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(source, globs, where, str(example.path), example.line - 1)
        test.globs = globs  # DocTest copies its globals; the page's fences share one namespace
        out: list[str] = []
        runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
        result = runner.run(test, out=out.append, clear_globs=False)
        return "".join(out) if result.failed else None
    exec(compile(source, where, "exec"), globs)
    return None


def parse_markdown(document: Document):
    """Sybil parser: one region per python fence of the page, its includes expanded."""
    starts = [0, *accumulate(len(line) for line in document.text.splitlines(keepends=True))]
    for fence in parse_markdown_text(document.text).python_fences:
        try:
            code = expand_includes(fence.body)
        except Exception as error:  # a missing include must fail loudly, not vanish
            raise ValueError(f"{document.path}:{fence.line}: cannot expand include: {error}") from error
        yield Region(starts[fence.line - 1], starts[min(fence.end, len(starts) - 1)], code, evaluate)
