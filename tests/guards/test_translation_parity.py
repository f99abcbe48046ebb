"""Every page in docs/en has a twin in docs/zh with the same code and the same heading ids.

Code is compared token by token with Python comments ignored (doctest outputs verbatim); shell and
config fences without their ``#`` comments. Every heading below the H1 has an explicit id. The
self-tests below show that the checker catches a difference.
"""

from __future__ import annotations

import doctest
import io
import shlex
import tokenize

import pytest

from tests.markdown_model import (DOCS, LANGS, ROOT, Fence, Page, load_page, pages, parse_markdown_text,
                                  parse_notebook_text)

HASH_COMMENT_LANGS = {"bash", "sh", "shell", "console", "zsh", "toml", "yaml", "yml", "ini", "cfg"}
ALL_PAGES = [p for lang in LANGS for p in pages(lang)]

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
