"""Guards over docs/: prose shape claims are backed by executed code; EN/ZH pages are twins.

1. Shape claims. A numeric shape written in prose (outside code fences) -- ``(100, 1)``,
   ``(100, 50, 1)``, ``100×50``, ``100 x 50``, ``100 \\times 50``, full-width ``（100，1）`` --
   (but not a call such as ``uniform(2, 3)`` nor anything with a 0 such as the interval
   ``(0, 1)``) must appear, normalised to ``(a, b)``, in something the tests check by execution on the
   same page: the expected output of a ``>>>`` doctest, a doctest output inside an included
   snippet section, or the right-hand side of an ``assert ... == (...)`` in executed code.
   Notebook pages (jupytext ``.py``) are checked the same way: prose is their markdown cells.
2. Parity. Every page in docs/en (``*.md`` and notebook ``*.py``) has a twin in docs/zh and
   vice versa, with identical code (python comments ignored) and the same heading ids.

Each checker has a self-test on synthetic input below, showing that it catches a failure.
"""

from __future__ import annotations

import doctest
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.docfences import PYTHON_LANGS, ROOT, expand_includes

DOCS = ROOT / "docs"
LANGS = ("en", "zh")
HASH_COMMENT_LANGS = {"bash", "sh", "shell", "console", "zsh", "toml", "yaml", "yml", "ini", "cfg"}

# ---------------------------------------------------------------- parsing


@dataclass
class Fence:
    lang: str
    body: list[str]  # dedented lines
    line: int  # 1-based line number of the opening fence


FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
INCLUDE = re.compile(r"""^\s*;?-{2,}8<-{2,}\s+(["'])(?P<target>[^"']+)\1\s*$""")
HEADING_ID = re.compile(r"^(#{1,6})\s+.*?\{[^}]*#(?P<id>[A-Za-z0-9_:.-]+)[^}]*\}\s*$")
INVISIBLE_OPEN = re.compile(r"^[ \t]*<!--[ \t]*invisible-code-block:[ \t]*python[ \t]*$")
HEADING = re.compile(r"^(#{1,6})\s+\S")


def split_markdown(text: str) -> tuple[list[str], list[Fence]]:
    """Split Markdown into prose lines (fences and HTML comments removed) and fences."""
    prose: list[str] = []
    fences: list[Fence] = []
    lines = text.splitlines()
    i = 0
    in_comment = False
    while i < len(lines):
        line = lines[i]
        if not in_comment and INVISIBLE_OPEN.match(line):  # executed code hidden in a comment
            j = i + 1
            while j < len(lines) and lines[j].strip() != "-->":
                j += 1
            fences.append(Fence("python", lines[i + 1 : j], i + 1))
            i = j + 1
            continue
        m = FENCE_OPEN.match(line)
        if m and not in_comment:
            indent, mark = len(m["indent"]), m["mark"]
            info = m["info"].strip()
            lang = info.split()[0].strip("{}.") if info else ""
            body: list[str] = []
            j = i + 1
            close = re.compile(rf"^[ \t]*{re.escape(mark[0])}{{{len(mark)},}}\s*$")
            while j < len(lines) and not close.match(lines[j]):
                body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j])
                j += 1
            fences.append(Fence(lang.lower(), body, i + 1))
            i = j + 1
            continue
        # drop HTML comments from prose
        kept = ""
        rest = line
        while rest:
            if in_comment:
                end = rest.find("-->")
                if end < 0:
                    rest = ""
                else:
                    in_comment, rest = False, rest[end + 3 :]
            else:
                start = rest.find("<!--")
                if start < 0:
                    kept, rest = kept + rest, ""
                else:
                    kept, rest, in_comment = kept + rest[:start], rest[start + 4 :], True
        prose.append(kept)
        i += 1
    return prose, fences


def split_notebook(text: str) -> tuple[list[str], list[Fence]]:
    """A jupytext percent-format notebook: markdown cells are prose, code cells are fences."""
    prose: list[str] = []
    fences: list[Fence] = []
    kind, body, start = None, [], 0

    def flush() -> None:
        if kind == "code":
            fences.append(Fence("python", body, start))
        elif kind == "markdown":
            md_prose, md_fences = split_markdown("\n".join(re.sub(r"^# ?", "", ln) for ln in body))
            prose.extend(md_prose)
            fences.extend(md_fences)

    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("# %%"):
            flush()
            kind = "markdown" if "[markdown]" in line or "[md]" in line else "code"
            body, start = [], n
        elif kind is not None:
            body.append(line)
    flush()
    return prose, fences


def split_page(path: Path) -> tuple[list[str], list[Fence]]:
    text = path.read_text(encoding="utf-8")
    return split_notebook(text) if path.suffix == ".py" else split_markdown(text)


def is_doctest(fence: Fence) -> bool:
    first = next((ln.strip() for ln in fence.body if ln.strip()), "")
    return fence.lang in PYTHON_LANGS and first.startswith(">>>")


def include_target(fence: Fence) -> str | None:
    """The ``path[:section]`` of a fence whose whole body is one include line."""
    lines = [ln for ln in fence.body if ln.strip()]
    if len(lines) == 1 and (m := INCLUDE.match(lines[0])):
        return m["target"]
    return None


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


def unbacked_shapes(prose: list[str], fences: list[Fence], root: Path = ROOT) -> dict[str, set[int]]:
    """Shapes claimed in prose but not backed by executed code; value: prose line indices."""
    backed: set[str] = set()
    for fence in fences:
        if fence.lang not in PYTHON_LANGS:
            continue
        code = expand_includes("\n".join(fence.body), root)
        backed |= backed_shapes_in_code(code)
    missing: dict[str, set[int]] = {}
    for n, line in enumerate(prose, 1):
        if INCLUDE.match(line):
            continue
        for shape in shapes_in(line) - backed:
            missing.setdefault(shape, set()).add(n)
    return missing


def pages(lang: str) -> list[Path]:
    base = DOCS / lang
    return sorted(p for p in base.rglob("*") if p.suffix in {".md", ".py"} and p.is_file())


ALL_PAGES = [p for lang in LANGS for p in pages(lang)]


@pytest.mark.parametrize("page", ALL_PAGES, ids=[str(p.relative_to(DOCS)) for p in ALL_PAGES])
def test_prose_shapes_are_backed_by_executed_code(page):
    missing = unbacked_shapes(*split_page(page))
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
    missing = unbacked_shapes(*split_markdown(page), root=tmp_path)
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


def strip_comment(line: str) -> str:
    """Remove a ``#`` comment from one line of Python, leaving ``#`` inside strings alone."""
    quote = None
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 1
            elif line.startswith(quote, i):
                i += len(quote) - 1
                quote = None
        elif ch in "\"'":
            quote = line[i : i + 3] if line[i : i + 3] in ('"""', "'''") else ch
            i += len(quote) - 1
        elif ch == "#":
            return line[:i].rstrip()
        i += 1
    return line.rstrip()


def normalise_fence(fence: Fence) -> tuple[str, tuple[str, ...]]:
    """Python and shell-like fences: ``#`` comments stripped (doctest output kept verbatim).

    Other fences (text, json, ...) must be identical, apart from trailing spaces and blank lines.
    """
    if fence.lang in HASH_COMMENT_LANGS:
        lines = [strip_comment(ln) for ln in fence.body]
    elif fence.lang not in PYTHON_LANGS or include_target(fence):
        lines = [ln.rstrip() for ln in fence.body]
    elif is_doctest(fence):
        lines = []
        for ln in fence.body:
            s = ln.strip()
            if s.startswith((">>>", "... ")) or s == "...":
                prefix = ln[: ln.index(s[:3]) + 3]
                lines.append(prefix + strip_comment(ln[len(prefix):]))
            else:
                lines.append(ln.rstrip())
    else:
        lines = [strip_comment(ln) for ln in fence.body]
    return fence.lang, tuple(ln for ln in lines if ln.strip() and ln.strip() not in (">>>", "..."))


def heading_ids(prose: list[str]) -> list[str]:
    return sorted(m["id"] for ln in prose if (m := HEADING_ID.match(ln)))


def parity_problems(en: tuple[list[str], list[Fence]], zh: tuple[list[str], list[Fence]]) -> list[str]:
    """Differences between an English page and its Chinese twin, as readable messages."""
    problems = []
    en_code = [normalise_fence(f) for f in en[1]]
    zh_code = [normalise_fence(f) for f in zh[1]]
    if len(en_code) != len(zh_code):
        problems.append(f"{len(en_code)} code fences in en, {len(zh_code)} in zh")
    for k, (a, b) in enumerate(zip(en_code, zh_code), 1):
        if a != b:
            problems.append(
                f"code fence #{k} differs (en line {en[1][k - 1].line}, zh line {zh[1][k - 1].line}):"
                f"\n  en: {a}\n  zh: {b}")
    ids_en, ids_zh = heading_ids(en[0]), heading_ids(zh[0])
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
    problems = parity_problems(split_page(DOCS / "en" / rel), split_page(DOCS / "zh" / rel))
    assert not problems, f"docs/en/{rel} vs docs/zh/{rel}:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", ALL_PAGES, ids=[str(p.relative_to(DOCS)) for p in ALL_PAGES])
def test_section_headings_have_explicit_ids(page):
    prose, _ = split_page(page)
    bare = [ln for ln in prose if (m := HEADING.match(ln)) and len(m[1]) >= 2 and not HEADING_ID.match(ln)]
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
    assert parity_problems(split_markdown(en), split_markdown(zh_ok)) == []
    zh_bad = (zh_ok.replace("{ #shapes }", "{ #xingzhuang }")
              .replace("elman.py:forward", "elman.py:init").replace(">>> x + 1\n2", ">>> x + 2\n3"))
    problems = parity_problems(split_markdown(en), split_markdown(zh_bad))
    assert len(problems) == 3, problems
    assert "heading ids differ" in problems[-1] and "xingzhuang" in problems[-1]
    assert any("elman.py:init" in p for p in problems)
    one_fewer = zh_ok.split("```python\n# 额外")[0]
    assert "3 code fences in en, 2 in zh" in parity_problems(split_markdown(en), split_markdown(one_fewer))


def test_notebook_split():
    nb = '# ---\n# jupyter: x\n# ---\n\n# %% [markdown]\n# ## Part { #part }\n# h is (100, 1)\n\n' \
         '# %%\nimport numpy as np\nassert np.zeros((100, 1)).shape == (100, 1)  # check\n'
    prose, fences = split_notebook(nb)
    assert heading_ids(prose) == ["part"]
    assert len(fences) == 1 and fences[0].lang == "python"
    assert unbacked_shapes(prose, fences) == {}
    assert normalise_fence(fences[0])[1][-1] == "assert np.zeros((100, 1)).shape == (100, 1)"


def test_strip_comment():
    assert strip_comment("a = '#x'  # c") == "a = '#x'"
    assert strip_comment('s = "a\\"#b" # c') == 's = "a\\"#b"'
    assert strip_comment("# only") == ""
    bash = Fence("bash", ["uv run pytest docs  # all pages"], 1)
    assert normalise_fence(bash) == normalise_fence(Fence("bash", ["uv run pytest docs  # 所有页面"], 1))
