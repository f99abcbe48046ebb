"""Guards over docs/: prose shape claims are backed by executed code; EN/ZH pages are twins.

1. Shape claims. A numeric shape written in prose (outside code fences) -- ``(100, 1)``,
   ``(100, 50, 1)``, ``100×50``, ``100 x 50``, ``100 \\times 50``, full-width ``（100，1）`` --
   (but not a call such as ``uniform(2, 3)`` nor anything with a 0 such as the interval
   ``(0, 1)``) must appear, normalised to ``(a, b)``, in something the tests check by execution on the
   same page: the expected output of a ``>>>`` doctest, a doctest output inside an included
   snippet section, or the right-hand side of an ``assert ... == (...)`` in executed code.
   Notebook pages (jupytext ``.py``) are checked the same way: prose is their markdown cells.
   Pages are read with the one Markdown model, tests/markdown_model.py.
2. Parity. Every page in docs/en (``*.md`` and notebook ``*.py``) has a twin in docs/zh and
   vice versa, with identical code (python comments ignored) and the same heading ids.

Each checker has a self-test on synthetic input below, showing that it catches a failure.
"""

from __future__ import annotations

import doctest
import io
import re
import shlex
import tokenize
from pathlib import Path

import pytest

from tests.markdown_model import (DOCS, LANGS, ROOT, Fence, Page, expand_includes, load_page,
                                  pages, parse_markdown_text, parse_notebook_text)

HASH_COMMENT_LANGS = {"bash", "sh", "shell", "console", "zsh", "toml", "yaml", "yml", "ini", "cfg"}

# ---------------------------------------------------------------- shape claims

TUPLE = re.compile(r"(?<![A-Za-z_][A-Za-z_])\(\s*(\d+)\s*((?:,\s*\d+\s*)*)(,?)\s*\)")
TIMES = re.compile(r"(?<![\w.])\d+(?:\s*(?:×|x|X|\*)\s*\d+)+(?![\w.])")
FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ","})


def _canon(numbers: list[str]) -> str:
    nums = [str(int(n)) for n in numbers]
    return f"({nums[0]},)" if len(nums) == 1 else "(" + ", ".join(nums) + ")"


def shapes_in(text: str, tuples_need_comma: bool = True) -> set[str]:
    """Every numeric shape in ``text``, normalised to ``(a, b, ...)``."""
    text = text.translate(FULL_WIDTH).replace(r"\times", "×").replace(r"\,", "")
    found = set()
    for m in TUPLE.finditer(text):
        rest = re.findall(r"\d+", m[2])
        if (rest or m[3] or not tuples_need_comma) and "0" not in (m[1], *rest):
            found.add(_canon([m[1], *rest]))
    for m in TIMES.finditer(text):
        if "*" in m[0] and "×" not in m[0] and "x" not in m[0].lower():
            continue  # 2 * 3 in prose is arithmetic, not a shape
        found.add(_canon(re.findall(r"\d+", m[0])))
    return found


ASSERT_EQ = re.compile(r"^\s*(?:>>>\s*)?assert\b.*?==(?P<rhs>.*)$")


def backed_shapes_in_code(code: str) -> set[str]:
    """Shapes that executed code checks: doctest outputs and ``assert ... == (...)``."""
    backed: set[str] = set()
    for ex in doctest.DocTestParser().get_examples(code):
        backed |= shapes_in(ex.want)
        for src in ex.source.splitlines():
            if m := ASSERT_EQ.match(src):
                backed |= shapes_in(m["rhs"])
    for line in code.splitlines():
        if m := ASSERT_EQ.match(line):
            backed |= shapes_in(m["rhs"])
    return backed


def unbacked_shapes(page: Page, root: Path = ROOT) -> dict[str, set[int]]:
    """Shapes claimed in prose but not backed by executed code; value: the lines that claim them."""
    backed: set[str] = set()
    for fence in page.python_fences:
        backed |= backed_shapes_in_code(expand_includes(fence.body, root))
    missing: dict[str, set[int]] = {}
    for text in page.prose:
        for shape in shapes_in(text.text) - backed:
            missing.setdefault(shape, set()).add(text.line)
    return missing


ALL_PAGES = [p for lang in LANGS for p in pages(lang)]


@pytest.mark.parametrize("page", ALL_PAGES, ids=[str(p.relative_to(DOCS)) for p in ALL_PAGES])
def test_prose_shapes_are_backed_by_executed_code(page):
    missing = unbacked_shapes(load_page(page))
    assert not missing, (
        f"{page.relative_to(ROOT)}: shapes in prose not backed by a doctest output or assert on "
        f"the same page: {sorted(missing)}")


def test_shape_checker_catches_unbacked_shape(tmp_path):
    page = """# Title
U has shape (100, 1), W is 100×100 and V is `(1, 100)`.
<!-- (7, 7) in a comment is not a claim -->
<!-- invisible-code-block: python
assert (3, 3) == (3, 3)
-->
(3, 3) is backed by the invisible block.
（5，5）is full-width, 3 x 4 and $2 \\times 9$ too.

```python
>>> import numpy as np
>>> np.zeros((100, 1)).shape
(100, 1)
>>> assert np.zeros((1, 100)).shape == (1, 100)

```

```text
(8, 8) inside a non-python fence is not prose
```

```python
--8<-- "mod.py:sec"
```
"""
    (tmp_path / "mod.py").write_text(
        '# --8<-- [start:sec]\ndef f():\n    """\n    >>> (5, 5)\n    (5, 5)\n    """\n'
        "# --8<-- [end:sec]\n")
    missing = unbacked_shapes(parse_markdown_text(page), root=tmp_path)
    assert set(missing) == {"(100, 100)", "(3, 4)", "(2, 9)"}
    assert missing["(100, 100)"] == {2}


def test_shape_normalisation():
    assert shapes_in("(100,1) and 100 x 50 and (50, 50, 1) and (3,)") == {
        "(100, 1)", "(100, 50)", "(50, 50, 1)", "(3,)"}
    assert shapes_in("published (2015), see (10.8) and sin(1) 2x faster") == set()
    # calls and intervals are not shapes: uniform(0, 1), range(2, 5), "lies in (0, 1)"
    assert shapes_in("uniform(0, 1), range(2, 5), lies in (0, 1)") == set()
    assert shapes_in("$U \\in \\mathbb{R}^{100 \\times 1}$") == {"(100, 1)"}


# ---------------------------------------------------------------- parity


def python_tokens(code: str) -> tuple[str, ...]:
    """The tokens of Python code without comments and layout; raw lines if it does not tokenize."""
    try:
        tokens = tokenize.generate_tokens(io.StringIO(code).readline)
        return tuple(t.string for t in tokens if t.type not in SKIPPED_TOKENS)
    except (tokenize.TokenError, SyntaxError):
        return tuple(ln.rstrip() for ln in code.splitlines() if ln.strip())


SKIPPED_TOKENS = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                  tokenize.ENDMARKER}


def normalise_fence(fence: Fence) -> tuple[str, tuple]:
    """What must be equal in both languages: Python without comments (doctest outputs verbatim),
    shell-like fences without ``#`` comments, any other fence line by line."""
    if fence.is_doctest:
        examples = doctest.DocTestParser().get_examples(fence.body)
        return fence.lang, tuple((python_tokens(ex.source), ex.want.rstrip()) for ex in examples)
    if fence.is_python:
        return fence.lang, python_tokens(fence.body)
    if fence.lang in HASH_COMMENT_LANGS:
        return fence.lang, tuple(tuple(shlex.split(ln, comments=True)) for ln in fence.body.splitlines())
    return fence.lang, tuple(ln.rstrip() for ln in fence.body.splitlines() if ln.strip())


def parity_problems(en: Page, zh: Page) -> list[str]:
    """Differences between an English page and its Chinese twin, as readable messages."""
    problems = []
    en_code = [normalise_fence(f) for f in en.fences]
    zh_code = [normalise_fence(f) for f in zh.fences]
    if len(en_code) != len(zh_code):
        problems.append(f"{len(en_code)} code fences in en, {len(zh_code)} in zh")
    for k, (a, b) in enumerate(zip(en_code, zh_code), 1):
        if a != b:
            problems.append(
                f"code fence #{k} differs (en line {en.fences[k - 1].line}, zh line {zh.fences[k - 1].line}):"
                f"\n  en: {a}\n  zh: {b}")
    ids_en = sorted(h.id for h in en.headings if h.id)
    ids_zh = sorted(h.id for h in zh.headings if h.id)
    if ids_en != ids_zh:
        problems.append(f"heading ids differ: only en {sorted(set(ids_en) - set(ids_zh))}, "
                        f"only zh {sorted(set(ids_zh) - set(ids_en))}")
    return problems


def test_every_page_has_a_twin():
    en = {p.relative_to(DOCS / "en") for p in pages("en")}
    zh = {p.relative_to(DOCS / "zh") for p in pages("zh")}
    assert en == zh, f"only in docs/en: {sorted(map(str, en - zh))}; only in docs/zh: {sorted(map(str, zh - en))}"


TWINS = [p.relative_to(DOCS / "en") for p in pages("en") if (DOCS / "zh" / p.relative_to(DOCS / "en")).exists()]


@pytest.mark.parametrize("rel", TWINS, ids=[str(r) for r in TWINS])
def test_twin_pages_have_same_code_and_heading_ids(rel):
    problems = parity_problems(load_page(DOCS / "en" / rel), load_page(DOCS / "zh" / rel))
    assert not problems, f"docs/en/{rel} vs docs/zh/{rel}:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", ALL_PAGES, ids=[str(p.relative_to(DOCS)) for p in ALL_PAGES])
def test_section_headings_have_explicit_ids(page):
    bare = [h.title for h in load_page(page).headings if h.level >= 2 and not h.id]
    assert not bare, f"{page.relative_to(ROOT)}: headings without {{ #id }}: {bare}"


def test_parity_checker_catches_differences():
    en = """# Title
## Shapes { #shapes }
Some prose.
```python
>>> x = 1  # a comment
>>> x + 1
2
```
```python
--8<-- "snippets/elman.py:forward"
```
```python
y = "#not a comment"  # comment
```
"""
    zh_ok = """# 标题
## 形状 { #shapes }
一些文字。
```python
>>> x = 1  # 注释
>>> x + 1
2
```
```python
--8<-- "snippets/elman.py:forward"
```
```python
# 额外的注释
y = "#not a comment"  # 注释
```
"""
    assert parity_problems(parse_markdown_text(en), parse_markdown_text(zh_ok)) == []
    zh_bad = (zh_ok.replace("{ #shapes }", "{ #xingzhuang }")
              .replace("elman.py:forward", "elman.py:init").replace(">>> x + 1\n2", ">>> x + 2\n3"))
    problems = parity_problems(parse_markdown_text(en), parse_markdown_text(zh_bad))
    assert len(problems) == 3, problems
    assert "heading ids differ" in problems[-1] and "xingzhuang" in problems[-1]
    assert any("elman.py:init" in p for p in problems)
    one_fewer = zh_ok.split("```python\n# 额外")[0]
    assert "3 code fences in en, 2 in zh" in parity_problems(parse_markdown_text(en), parse_markdown_text(one_fewer))


def test_notebook_split():
    nb = '# %% [markdown]\n# # Title\n#\n# ## Part { #part }\n# h is (100, 1)\n\n' \
         '# %%\nimport numpy as np\nassert np.zeros((100, 1)).shape == (100, 1)  # check\n'
    page = parse_notebook_text(nb)
    assert [h.id for h in page.headings] == [None, "part"] and page.headings[1].line == 4
    assert [t.line for t in page.prose if "(100, 1)" in t.text] == [5]
    assert len(page.fences) == 1 and page.fences[0].lang == "python"
    assert unbacked_shapes(page) == {}
    assert normalise_fence(page.fences[0])[1][-1] == ")"
    assert "# check" not in str(normalise_fence(page.fences[0]))


def test_comments_are_ignored_and_code_is_not():
    py = lambda body: normalise_fence(Fence("python", body, 1, 3))  # noqa: E731
    assert py("a = '#x'  # c\n") == py("a = '#x'  # 注释\n") != py("a = '#y'\n")
    assert py('s = "a\\"#b" # c\n') == py('s = "a\\"#b"\n')
    doc = lambda body: normalise_fence(Fence("pycon", body, 1, 3))  # noqa: E731
    assert doc(">>> x = 1  # one\n>>> x\n1\n") == doc(">>> x = 1  # 一\n>>> x\n1\n") != doc(">>> x = 1\n>>> x\n2\n")
    bash = lambda body: normalise_fence(Fence("bash", body, 1, 3))  # noqa: E731
    assert bash("uv run pytest docs  # all pages") == bash("uv run pytest docs  # 所有页面") != bash("uv run pytest")
