"""Every shape the prose gives to U, W, V, b, c or to a library's name for them is the code's shape.

A claim is a known name, then only linking words (``is``, ``has the shape``, ``, of shape``,
``=``, ``:``, ``都是``, ``（形状`` ...), then a shape: ``U (100, 1)``, ``W has the shape (100, 100)``,
``$W_{xh}$ (D, H)``, ``U has 100 rows and 1 column``; or a shape in a table cell whose row label
names the matrix. A name followed closely by a shape with other words between (``U times a
(1, 1) input``) is *ambiguous* and fails: put the shape next to its name, or reword.

The expected shape comes from snippets.param_shapes (site, tutorial, PyTorch, Keras, d2l) and the
crosswalk's converter for Karpathy: the sine task's sizes for numbers (or the sizes the paragraph
sets, ``units=50``, ``H = 4``), and distinct sizes for letters (H, D, O, T, B; V a vocabulary, D = O;
4H / 3H an LSTM's / GRU's gate blocks). The convention is the name's own (``kernel`` is Keras's),
or for our letters this site's, also the tutorial's or Britz's when the sentence names them, or
the table's column header or row label. ``name = U^T`` is checked on the arrays.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from snippets.conventions import to_d2l, to_karpathy, to_keras, to_pytorch
from snippets.elman import init_params
from snippets.param_shapes import DEFAULTS, model_shapes
from tests.markdown_model import ROOT, SENTENCE_END, Page, load_page, parse_markdown_text

PAGES = sorted([*(ROOT / "docs").glob("*/**/*.md"), *(ROOT / "docs").glob("*/**/*.py")])
SINE = {k: DEFAULTS[k] for k in "DHOTB"} | {"B": 1}
LETTERS = {"D": 3, "H": 7, "O": 2, "T": 5, "B": 11}
WORDS = {"vocabulary": "D", "词表大小": "D", "V": "D", "E": "D", "Q": "O", "units": "H", "hidden_size": "H",
         "input_size": "D", "units of the first layer": "H", "第一层的 units": "H"}  # V: one-hot in and out
KEYWORDS = {  # a word in a header, row label or sentence -> the convention it names
    "pytorch": ("PyTorch",), "keras": ("Keras",), "d2l": ("d2l", "动手学"), "karpathy": ("Karpathy",),
    "britz": ("Britz",), "tutorial": ("tutorial", "Analytics Vidhya", "教程", "new_input", "hidden_dim"),
    "site": ("this site", "本站", "Goodfellow"), "other": ("Chollet", "Cho et al", "deeplearning.ai"),
}
GATES = {"LSTM": 4, "GRU": 3}
ALIASES = {"Dense kernel": "dense.kernel", "Dense 的 kernel": "dense.kernel", "Dense bias": "dense.bias",
           "nn.Linear(100, 1).weight": "linear.weight"}
SETS_SIZE = re.compile(r"\b(units|hidden_size|[HDOTB])\s*=\s*(\d+)\b")
SHAPE = r"[(（](?P<body>[\w·+ ]{1,30}(?:[,，][\w·+ ]{0,30}){1,4})[)）]"
LINK = (r"(?:\s+|\b(?:is|are|has|have|with|of|the|a|an|its|shaped|shape|shapes|size|matrix|vector|here|"
        r"now|still|always|then|becomes)\b|[=:：,，—(（]|都|之所以|是|为|的|形状|大小|均|也|仍|即|就|则|一个|成了|变成|成为)*")
NOT_LOOSE = ("Why", "by", "bh")                     # Karpathy's names, also English words
ROWS = (r"(?:has|have|有)?\s*(?P<rows>\d+|[A-Z]) (?:rows?|行)(?: and |、|,\s*|，)?\s*"
        r"(?P<cols>\d+|[A-Z]) (?:columns?|列)")


@cache
def expected(convention: str, gates: int = 1, **given: int) -> dict[str, tuple[int, ...]]:
    """Name -> shape in a convention for these sizes (a second PyTorch layer included)."""
    if convention in ("karpathy", "britz"):
        given |= {"O": given["D"]}                                  # one vocabulary in and out
    if convention == "keras2":                                      # a second SimpleRNN
        m = model_shapes("keras", **given, layers=2)
        return {p.name: p.shape for p in m.params if p.layer == "simple_rnn_1"}
    if convention == "karpathy":
        p = init_params(given["H"], given["D"], given["O"], np.random.default_rng(0))
        return {k: v.shape for k, v in to_karpathy(p).items()}
    m = model_shapes("site" if convention == "britz" else convention, **given,
                     layers=2 if convention == "pytorch" else 1)
    shapes = {(f"{p.layer}.{p.name}" if p.layer in ("dense", "linear") else p.name): p.shape for p in m.params}
    if gates > 1 and convention in ("keras", "pytorch"):           # gate blocks side by side
        axis = -1 if convention == "keras" else 0
        for k, s in shapes.items():
            if "." not in k:
                shapes[k] = tuple(n * gates if i == axis % len(s) else n for i, n in enumerate(s))
        if convention == "keras" and gates == 3:                    # GRU, reset_after=True
            shapes["bias"] = (2, *shapes["bias"])
    return shapes


def names() -> list[str]:
    every = {n for c in KEYWORDS if c != "other" for n in expected(c, 1, **LETTERS)} | set(ALIASES)
    return sorted(every, key=len, reverse=True)


NAME = "|".join(re.escape(n) for n in names())
CLAIM = re.compile(rf"(?<![\w.])(?P<name>{NAME})(?![\w])(?P<link>{LINK})(?:{SHAPE}|{ROWS})")
LOOSE = re.compile(rf"(?<![\w.])(?P<name>{NAME})(?![\w])(?P<link>[^.;。；:：,，、—()（）]{{1,15}}?){SHAPE}")
TRANSPOSE = re.compile(rf"(?<![\w.])(?P<name>{NAME})\s*=\s*(?P<ours>[UWV])\^(?:T|\\top|\{{\\top\}})")


def plain(text: str) -> str:
    """TeX names as words: W_{xh} -> W_xh, \\mathbf{U} -> U; $(H, D)$ -> (H, D)."""
    text = re.sub(r"\\mathbf\{(\w+)\}|(?<=_)\{(\w+)\}", lambda m: m[1] or m[2], text)
    return text.replace("$", "")


def named(text: str) -> list[str]:
    return [conv for conv, words in KEYWORDS.items() if any(w in text for w in words)]


def parse(body: str, sizes: dict) -> tuple[int, ...] | None:
    """'D, 4H' -> (3, 28) for D = 3, H = 7; '100, 1' -> (100, 1); None if not a shape."""
    out = []
    for entry in filter(None, (e.strip() for e in body.replace("，", ",").split(","))):
        entry = WORDS.get(entry, entry)
        m = re.fullmatch(r"(\d*)\s*·?\s*([A-Za-z_\u4e00-\u9fff]*)", entry)
        letter = WORDS.get(m[2], m[2]) if m else None
        if m is None or (letter and letter not in sizes) or not (m[1] or letter):
            return None
        out.append(int(m[1] or 1) * (sizes[letter] if letter else 1))
    return tuple(out)


def check(name: str, body: str, conventions: list[str], context: str, sentence: str = "") -> str:
    """'' if the shape is right in one of the conventions, else what the code says instead:
    sizes from the paragraph (``context``), the layer (Dense, LSTM, GRU) from the sentence."""
    name = ALIASES.get(name, name)
    if name in ("kernel", "bias", "weight") and re.search(r"Dense|nn\.Linear", sentence):
        other = re.sub(r"Dense|nn\.Linear", "", sentence)
        dense = "linear.weight" if name == "weight" else f"dense.{name}"
        return check(dense, body, conventions, context, other) and check(name, body, conventions, context, other)
    numeric = not re.search(r"[A-Za-z\u4e00-\u9fff]", body)
    sizes = SINE | {WORDS.get(k, k): int(n) for k, n in SETS_SIZE.findall(context)} if numeric else LETTERS
    gates = next((g for word, g in GATES.items() if word in sentence), 1)
    told = parse(body, sizes)
    wants = {c: expected(c, gates, **sizes).get(name) for c in conventions}
    if told is None and re.search(r"[\u4e00-\u9fff]", body):
        return ""                                            # a Chinese aside in brackets, not a shape
    if told is None:
        return f"({body}) is not a shape in the letters H, D, O, T, B"
    if told in wants.values():
        return ""
    said = ", ".join(f"{c}: {s}" for c, s in wants.items() if s)
    return f"the code gives {name} {said or 'no shape'} (sizes {sizes}), the text says ({body})"


def conventions_for(name: str, text: str, own: list[str]) -> list[str]:
    """A table's convention; else the name's owner; else this site's (+ the ones the text names)."""
    if own:
        return own
    owners = [c for c in ("pytorch", "keras", "d2l", "karpathy") if name in expected(c, 1, **LETTERS)]
    if owners and name not in expected("site", 1, **LETTERS):
        return owners + (["keras2"] if "keras" in owners and re.search("second|第二", text) else [])
    return ["site"] + [c for c in named(text) if c in ("tutorial", "britz")]


def problems(page: Page) -> list[str]:
    found = []
    for line, text, context, own in units(page):
        if "other" in named(text) or "Embedding" in text:
            continue                                           # other letters; not in the crosswalk
        for m in TRANSPOSE.finditer(text):
            if not transposes(m["name"], m["ours"]):
                found.append(f"line {line}: {m[0]!r}: {m['name']} is not {m['ours']}^T")
        claimed = set()
        for m in CLAIM.finditer(text):
            body = m["body"] or f"{m['rows']}, {m['cols']}"
            claimed.add(m.start())
            if problem := check(m["name"], body, conventions_for(m["name"], context, own), context, text):
                found.append(f"line {line}: {m[0]!r}: {problem}")
        for m in LOOSE.finditer(text):
            loose = m.start() not in claimed and m["name"] not in NOT_LOOSE and not re.search(NAME, m["link"])
            if loose and parse(m["body"], LETTERS | SINE) is not None:
                found.append(f"line {line}: {m[0]!r} is ambiguous: write the shape right after "
                             f"{m['name']} (`{m['name']} (...)`, `{m['name']} is (...)`) or reword")
    return found


def units(page: Page):
    """(line, text, context, table conventions) for each sentence and each table cell."""
    for p in page.paragraphs:
        for sentence in SENTENCE_END.split(plain(p.text)):
            yield p.line, sentence, plain(p.text), []
    header: dict[int, str] = {}
    label = ""
    for cell in page.cells:
        text = plain(cell.text)
        if cell.row == 0:
            header[cell.column] = text
            continue
        if cell.column == 0:
            label = text
        own = named(header.get(cell.column, ""))[:1] or named(label)[:1] or ["site"]
        shapes, row_names = re.findall(SHAPE, text), re.findall(NAME, label)
        if cell.column > 0 and not re.search(NAME, text) and shapes and len(shapes) == len(row_names):
            text = ", ".join(f"{n} ({s})" for n, s in zip(row_names, shapes))   # | $b$, $c$ | (H, 1), (O, 1) |
        yield cell.line, text, f"{header.get(cell.column, '')} {label} {text}", own


@cache
def transposes(name: str, ours: str) -> bool:
    site = init_params(LETTERS["H"], LETTERS["D"], LETTERS["O"], np.random.default_rng(0))
    library = to_keras(site) | to_pytorch(site) | to_d2l(site)
    return name in library and np.array_equal(library[name], site[ours].T)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_every_named_shape_matches_the_code(page: Path) -> None:
    found = problems(load_page(page))
    assert not found, f"{page.relative_to(ROOT)}:\n" + "\n".join(found)


WRONG = [  # each phrasing the guard must catch, in both languages
    "U 都是 (1, 100)。", "W has the shape (100, 1).", "U, of shape (1, 100), reads x.",
    "U is a (1, 100) matrix.", "Here U = (1, 100).", "U: (1, 100).", "U（形状 (1, 100)）读入 x。",
    "U has 100 rows and 50 columns.", "U 有 100 行、50 列。", "U is (1, 100).", "U 的形状是 (1, 100)。",
    "`kernel` has shape (100, 1).", "`weight_ih_l0` (1, 100) is U.", "$W_{xh}$ (H, D) in d2l.",
    "In Keras, `recurrent_kernel` is (100, 1).", "`kernel` = U^T, `recurrent_kernel` = V^T.",
    "An LSTM's `kernel` (1, 100).", "With units=50, `kernel` is (1, 100).",
]
RIGHT = [
    "U (100, 1), W (100, 100), V (1, 100), b (100, 1), c (1, 1).", "U 都是 (100, 1)。",
    "The tutorial's U (100, 50).", "U has 100 rows and 1 column.", "$W_{xh}$ (D, H).",
    "`kernel` (1, 100) = U^T.", "An LSTM's `kernel` (1, 400). A GRU's `bias` (2, 300).",
    "With units=50, `kernel` is (1, 50).", "`weight_ih_l1` (100, 100).", "Karpathy's Wxh (H, vocabulary).",
]


@pytest.mark.parametrize("sentence", WRONG)
def test_the_guard_catches_each_wrong_phrasing(sentence: str) -> None:
    assert problems(parse_markdown_text(sentence + "\n")), f"missed: {sentence}"


@pytest.mark.parametrize("sentence", RIGHT)
def test_the_guard_accepts_right_shapes(sentence: str) -> None:
    assert problems(parse_markdown_text(sentence + "\n")) == []


def test_an_ambiguous_sentence_asks_for_an_explicit_form() -> None:
    found = problems(parse_markdown_text("U times a (1, 1) input.\n"))
    assert len(found) == 1 and "ambiguous" in found[0]


def test_tables_are_checked_by_header_and_row_label() -> None:
    table = "| | PyTorch | Keras |\n| --- | --- | --- |\n| input | `weight_ih_l0` (100, 1) | `kernel` (100, 1) |\n"
    found = problems(parse_markdown_text(table))
    assert len(found) == 1 and "kernel" in found[0]
    assert problems(parse_markdown_text("| matrix | shape |\n| --- | --- |\n| $U$ | (1, 100) |\n"))


def test_the_guard_knows_what_keras_stores() -> None:
    """The gate-block shapes the guard expects for LSTM and GRU are the ones Keras 3 builds."""
    import keras

    for layer, gates in (("LSTM", 4), ("GRU", 3)):
        model = keras.Sequential([keras.Input((50, 1)), getattr(keras.layers, layer)(100)])
        built = {w.path.split("/")[-1]: tuple(w.shape) for w in model.layers[0].weights}
        want = expected("keras", gates, **SINE)
        assert built == {k: want[k] for k in built}, layer


@pytest.mark.parametrize(("page", "least"), [("explained.md", 20), ("conventions.md", 20),
                                             ("faq/names-in-pytorch-keras-d2l.md", 10)])
def test_the_guard_reads_the_shape_tables(page: str, least: int) -> None:
    """The pages whose tables give shapes are read as claims, in both languages."""
    for lang in ("en", "zh"):
        found = sum(len(CLAIM.findall(text)) for _, text, _, _ in units(load_page(ROOT / "docs" / lang / page)))
        assert found >= least, f"{lang}/{page}: {found} claims"
