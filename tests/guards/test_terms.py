"""One Chinese term per concept: the rejected variants must not come back to docs/zh.

The Chinese pages use the terms of 《动手学深度学习》 (d2l-zh), one per concept (see the glossary):

- a record (one window of 50 values and its target) is 记录, never 样本; 样本 may appear only in
  quotation marks, where a page talks about the word itself (“样本”);
- clamping each entry of a gradient to [-10, 10] is 逐元素裁剪; 截断 (truncate) belongs to truncated
  BPTT only, so it may appear only on a line or page that is about BPTT, and the clamp verbs
  截到 / 截在 / 截住 never;
- the asker is 提问者, never 他 / 她 (we do not know who asked);
- 记号约定 (notation), not 符号约定; 更新方程, not 更新公式 / 更新等式; 深度循环神经网络, not 深层 RNN;
- 参数个数 (not 参数数量), 转写 (a book's code copied by hand, not 转录), 正弦波任务 (not 正弦任务),
  掩蔽 for masking (d2l-zh; not 掩码 / 屏蔽, except 掩码值 mask_value, 掩码张量 the mask
  and 丢弃掩码 a dropout mask), 激活前的值 (not
  预激活), 只有一个隐藏单元的 RNN (not 单单元 RNN); GitHub's 议题 and 拉取请求（PR）, not issue / PR in
  prose (URLs and a gloss in brackets are fine); "asked on X" is written X 上有人问过这个问题;
- on a page that uses the abbreviation RMSE, its first mention is 均方根误差（RMSE）.

Every line of a page is checked (prose, headings, front matter, code comments); code has no Chinese
characters apart from comments. The RMSE rule reads prose only, since code prints English labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.markdown_model import ROOT, load_page

ZH = ROOT / "docs" / "zh"
PAGES = sorted(p for p in ZH.rglob("*") if p.suffix in {".md", ".py"} and p.is_file())
FILES = PAGES + [ROOT / "includes" / "abbreviations.zh.md", ROOT / "mkdocs.zh.yml"]

BPTT_CONTEXT = re.compile(r"BPTT|通过时间反向传播|bptt_truncate", re.IGNORECASE)
TITLE = re.compile(r"^(?:title:|#\s)(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    use: str
    needs_context: bool = False  # allowed on a line or page about BPTT

    def hits(self, line: str, page_is_about_bptt: bool) -> bool:
        if not self.pattern.search(line):
            return False
        return not (self.needs_context and (page_is_about_bptt or BPTT_CONTEXT.search(line)))


RULES = [
    Rule("样本 for a record", re.compile(r"(?<!“)样本(?!”)"), "记录 (a record), 采样值 (a sampled value)"),
    Rule("clamp verb", re.compile(r"截(?:到|在|住)|逐分量(?:截断|裁剪)"), "逐元素裁剪到 [-10, 10]"),
    Rule("截断 outside truncated BPTT", re.compile(r"截断"), "逐元素裁剪 (a clamp); 截断 only for truncated BPTT",
         needs_context=True),
    Rule("他/她 for the asker", re.compile(r"(?<!其)[他她](?![们人])"), "提问者 (or 回答者)"),
    Rule("符号约定", re.compile(r"符号约定"), "记号约定"),
    Rule("更新公式", re.compile(r"更新(?:公式|等式|方程式)"), "更新方程"),
    Rule("深层 RNN", re.compile(r"深层\s*(?:RNN|循环神经网络)|多层\s*RNN"), "深度循环神经网络"),
    Rule("每个单元都连接到每个单元", re.compile(r"每个单元都连接到每个单元"),
         "上一步的每个单元都影响下一步的每个单元"),
    Rule("参数数量", re.compile(r"参数的?数量"), "参数个数"),
    Rule("转录", re.compile(r"转录"), "转写"),
    Rule("正弦任务", re.compile(r"正弦任务"), "正弦波任务"),
    Rule("掩码/屏蔽 for masking", re.compile(r"屏蔽|(?<!丢弃)掩码(?!值|张量)"),
         "掩蔽 (掩码值 mask_value, 掩码张量 the mask, 丢弃掩码 a dropout mask)"),
    Rule("预激活", re.compile(r"预激活|激活函数之前的值"), "激活前的值"),
    Rule("单单元 RNN", re.compile(r"单单元|只有一个单元的"), "只有一个隐藏单元的 RNN"),
    Rule("issue/PR in prose", re.compile(r"(?<![（/\w.-])(?:issues?|PR)(?![）\w/])"), "议题, 拉取请求（PR）"),
    Rule("asked on X as", re.compile(r"提法|上的提问"), "X 上有人问过这个问题："),
]
RMSE_FIRST = "均方根误差（RMSE）"


def term_problems(text: str, prose: list[str] | None = None) -> list[str]:
    """Rejected variants in one page, as ``line N: rule: text -> use ...`` messages."""
    titles = " ".join(TITLE.findall(text))
    about_bptt = bool(BPTT_CONTEXT.search(titles))
    problems = []
    for n, line in enumerate(text.splitlines(), 1):
        for rule in RULES:
            if rule.hits(line, about_bptt):
                problems.append(f"line {n}: {rule.name}: {line.strip()[:80]} -> use {rule.use}")
    if prose is not None:
        body = "\n".join(prose)
        first = re.search(r"均方根误差|RMSE", body)
        if "RMSE" in body and first and not body.startswith(RMSE_FIRST, first.start()):
            problems.append(f"first mention of RMSE is {body[first.start():first.start() + 12]!r}"
                            f" -> write {RMSE_FIRST} there")
    return problems


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_one_chinese_term_per_concept(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # the glossary is a bilingual table: its English column names "root mean squared error (RMSE)" first
    prose = [t.text for t in load_page(path).prose] if path in PAGES and path.name != "glossary.md" else None
    problems = term_problems(text, prose)
    assert not problems, f"{path.relative_to(ROOT)}:\n  " + "\n  ".join(problems)


def test_rules_catch_the_rejected_variants_and_spare_the_right_ones() -> None:
    bad = """---
title: 梯度
---
每条样本只清零一次。
几乎每个分量最后都被截在 ±10，教程把每个分量截到 [-10, 10]，逐分量截断改变方向。
这些和被裁剪截住。
教程把梯度截断到 [-10, 10]。
所以在他看来这是对的。
见符号约定；没有更新公式；深层 RNN 每层有自己的 W。
每个单元都连接到每个单元。
参数数量和参数的数量；这是转录；正弦任务。
加了掩码，Keras 就会屏蔽这一步；预激活；单单元 RNN。
一位读者在 issue 中指出，一个 PR 则提议；这个问题在论坛上的提法是。
"""
    found = [tuple(p.split(": ")[:2]) for p in term_problems(bad)]
    assert found == [
        ("line 4", "样本 for a record"),
        ("line 5", "clamp verb"), ("line 5", "截断 outside truncated BPTT"),
        ("line 6", "clamp verb"),
        ("line 7", "截断 outside truncated BPTT"),
        ("line 8", "他/她 for the asker"),
        ("line 9", "符号约定"), ("line 9", "更新公式"), ("line 9", "深层 RNN"),
        ("line 10", "每个单元都连接到每个单元"),
        ("line 11", "参数数量"), ("line 11", "转录"), ("line 11", "正弦任务"),
        ("line 12", "掩码/屏蔽 for masking"), ("line 12", "预激活"), ("line 12", "单单元 RNN"),
        ("line 13", "issue/PR in prose"), ("line 13", "asked on X as"),
    ]

    good = """---
title: 梯度
---
每条记录是 50 个采样值；有的书称为“样本”。
梯度逐元素裁剪到 [-10, 10]；其他书用别的字母；他们的书。
截断的通过时间反向传播只往回传 k 步；教程的 bptt_truncate 并没有真正截断什么。
两者截然不同。见记号约定；更新方程；深度循环神经网络。
参数个数；这是转写；正弦波任务；加上掩蔽；掩码值；掩码张量；激活前的值；只有一个隐藏单元的 RNN。
第 42 号议题（issue）；一个拉取请求（PR）；见 https://github.com/keras-team/keras/issues/725。
论坛上有人问过这个问题：“Why?”
"""
    assert term_problems(good) == []
    # on a page about truncated BPTT, 截断 needs no BPTT on its own line
    assert term_problems("# 什么是截断的 BPTT？\n贡献衰减得慢时，截断会丢掉信息。\n") == []
    assert len(term_problems("# 梯度裁剪\n贡献衰减得慢时，截断会丢掉信息。\n")) == 1


def test_rmse_rule() -> None:
    assert term_problems("", ["验证集的均方根误差（RMSE）是 0.01，RMSE 越小越好。"]) == []
    assert term_problems("", ["均方根误差是 0.58。"]) == []  # no abbreviation on the page: fine
    assert len(term_problems("", ["验证 RMSE 是 0.01；均方根误差（RMSE）越小越好。"])) == 1
    assert len(term_problems("", ["均方根误差为 0.58，即 RMSE。"])) == 1
