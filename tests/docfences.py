"""Find and run the python fences of the site's Markdown pages, exactly as the site renders them.

A fence is collected when its language is python, py, python3 or pycon, whatever attributes follow
(`title=`, `linenums=`, `hl_lines=` ...), at any indentation (tabs, admonitions), and also the
``<!-- invisible-code-block: python -->`` comments. `--8<--` include lines are expanded by
pymdownx.snippets itself, configured from mkdocs.yml, so the tests run what the site shows. A body
that starts with ``>>>`` is a doctest; anything else is executed as code. All fences of a page share
one namespace and run in page order.
"""

from __future__ import annotations

import doctest
import os
import re
import sys
import types
from functools import cache
from pathlib import Path

import markdown
import yaml
from sybil import Document, Example, Region

ROOT = Path(__file__).resolve().parent.parent
PYTHON_LANGS = ("python", "py", "python3", "pycon")
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(?P<lang>[\w+-]*)(?P<attrs>[^\n]*)\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
INVISIBLE = re.compile(
    r"^[ \t]*<!--[ \t]*invisible-code-block:[ \t]*python[ \t]*\n(?P<body>.*?)^[ \t]*-->[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


@cache
def snippets_config() -> dict:
    """pymdownx.snippets options from mkdocs.yml, minus the page-level auto_append."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader)
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            options = dict(ext["pymdownx.snippets"])
            break
    else:
        raise RuntimeError("mkdocs.yml does not configure pymdownx.snippets")
    options.pop("auto_append", None)
    options["base_path"] = [str(ROOT / p) for p in options.get("base_path", ["."])]
    return options


def expand_includes(code: str, base: Path | None = None) -> str:
    """Expand `--8<--` lines the way the site does (relative to `base` if given); a missing
    file or section raises."""
    options = snippets_config() if base is None else {**snippets_config(), "base_path": [str(base)]}
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options})
    return "\n".join(md.preprocessors["snippet"].run(code.splitlines()))


def dedent(body: str, indent: str) -> str:
    return "".join(line[len(indent):] if line.startswith(indent) else line.lstrip()
                   for line in body.splitlines(keepends=True))


def page_module(example: Example) -> dict:
    """One real module per page, so dataclasses and pickling see a proper __module__."""
    ns = example.namespace
    if "__page_module__" not in ns:
        name = "docpage_" + re.sub(r"\W", "_", os.path.relpath(example.path, ROOT))
        module = types.ModuleType(name)
        module.__file__ = str(example.path)
        sys.modules[name] = module
        ns["__page_module__"] = module
    return ns["__page_module__"].__dict__


def evaluate(example: Example) -> str | None:
    source: str = example.parsed
    globs = page_module(example)
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


def python_fences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code as the site shows it) for every python fence and invisible block."""
    found = []
    for m in FENCE.finditer(text):
        if m["lang"].lower() in PYTHON_LANGS:
            found.append((m.start(), m.end(), dedent(m["body"], m["indent"])))
    for m in INVISIBLE.finditer(text):
        found.append((m.start(), m.end(), m["body"]))
    return sorted(found)


def parse_markdown(document: Document):
    for start, end, body in python_fences(document.text):
        try:
            code = expand_includes(body)
        except Exception as error:  # a missing include must fail loudly, not vanish
            line = document.text.count("\n", 0, start) + 1
            raise ValueError(f"{document.path}:{line}: cannot expand include: {error}") from error
        yield Region(start, end, code, evaluate)
