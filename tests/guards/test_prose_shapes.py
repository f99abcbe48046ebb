"""Guard: a shape that prose gives to a named matrix is the shape the crosswalk's code gives it.

Every page in docs/<lang>/ (and the markdown cells of its notebooks) is read through
``tests.markdown_model.plain_tokens`` (markdown-it-py, CommonMark + tables). A *claim* is a
name followed by a shape, ``U (100, 1)``, ``$W_{xh}$ (D, H)``, ```kernel` (1, 100)``, or a shape
in a table cell whose row names the matrix (``| $U$ | ... | (100, 1) |``). Its convention comes
from the table's column header, else the row's first cell (PyTorch, Keras, d2l, Karpathy, Britz,
the tutorial, this site), else, in running prose, from the name itself (``weight_ih_l0`` is
PyTorch's) or, for our letters U, W, V, b, c, from the conventions the paragraph mentions (this
site's always; the tutorial also when the paragraph uses its variable names new_input,
hidden_dim). The expected shape is computed by the code of the crosswalk: ``to_pytorch``,
``to_keras``, ``to_d2l``, ``to_karpathy`` of ``snippets.elman.init_params``, and the tutorial's
``init_tutorial_params``: numbers for the sine task (H = 100, D = O = 1, T = 50), letters with
H, D, O, T set to distinct sizes. A claim ``name = U^T`` is checked on the arrays.

Letters: B (batch), T, V (a vocabulary: one-hot in and out, D = O = V), E (an embedding size:
the input of the layer after it, D = E), ``4H`` and ``3H`` (an LSTM's and a GRU's gate blocks);
Keras's ``units`` and PyTorch's ``hidden_size``, ``input_size`` are H and D. A paragraph that sets
sizes (``units=50``, ``H = 4``) is checked with them instead of the sine task's.

Which layer a name belongs to is the layer named last before it in its sentence: after ``Dense``
or ``nn.Linear``, ``kernel``, ``bias`` and ``weight`` are the output layer's; after ``LSTM``,
``GRU`` (or with a 4H / 3H entry) the weights are the gate blocks side by side, as Keras and
PyTorch store them (a test below builds them in Keras); after ``second`` (``weight_ih_l1``) the
layer reads the first layer's H (H1, ``units of the first layer``). ``Bidirectional`` wraps one
such layer per direction, with the same shapes. Shapes after ``Embedding`` are skipped: its table
is not in the crosswalk; its page prints it.

In a table every shape must resolve to a checked claim; in running prose, a name the crosswalk
does not know (``X_Sets (100, 50, 1)``) is left to tests/test_guards.py.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pytest

from snippets.conventions import to_d2l, to_karpathy, to_keras, to_pytorch
from snippets.elman import forward, init_params
from snippets.tutorial import init_tutorial_params, position_input
from tests.markdown_model import plain_tokens
from tests.markdown_model import ROOT

PAGES = sorted([*(ROOT / "docs").glob("*/**/*.md"), *(ROOT / "docs").glob("*/**/*.py")])
# Convention named by a header, a row label or a paragraph; the first match wins for a label.
KEYWORDS = (
    ("britz", "Britz"), ("karpathy", "Karpathy"), ("pytorch", "PyTorch"), ("keras", "Keras"),
    ("d2l", "d2l"), ("d2l", "动手学"), ("tutorial", "Analytics Vidhya"), ("tutorial", "tutorial"),
    ("tutorial", "教程"), ("tutorial", "new_input"), ("tutorial", "hidden_dim"),  # its own names
    ("site", "this site"), ("site", "本站"), ("site", "Goodfellow"),
    ("other", "deeplearning.ai"), ("other", "Chollet"), ("other", "Cho et al"),
)
LETTERS = {"H": 7, "D": 3, "O": 2, "Q": 2, "T": 5, "B": 11, "V": 13, "E": 17,  # symbolic sizes
           "H1": 19}                                   # the first layer's H, read by a second layer
SINE = {"H": 100, "D": 1, "O": 1, "T": 50, "B": 1}          # numbers: the sine task, one sequence
LIBRARY_NAMES = {
    "keras": {"units": "H", "units of the first layer": "H1", "第一层的 units": "H1"},
    "pytorch": {"hidden_size": "H", "input_size": "D"},
}
WORDS = {"vocabulary": "V", "词表大小": "V"}                 # Britz, Karpathy: D = O = vocabulary
SETS_SIZE = re.compile(r"\b(units|[HDOTB])\s*=\s*(\d+)\b")   # `units=50`, H = 4
ALIASES = {"Dense kernel": "dense.kernel", "Dense 的 kernel": "dense.kernel",
           "Dense bias": "dense.bias", "nn.Linear(100, 1).weight": "linear.weight",
           "new_input": "x_t"}
# The layer a sentence talks about: the one named last before the name, in the same sentence.
LAYERS = (("rnn", "SimpleRNN"), ("rnn", "nn.RNN"), ("rnn", "simple RNN"), ("rnn", "简单 RNN"),
          ("rnn", "Bidirectional"), ("dense", "Dense"), ("dense", "nn.Linear"),
          ("lstm", "LSTM"), ("gru", "GRU"), ("embedding", "Embedding"))
DEPTHS = (("first", "first"), ("first", "第一"), ("second", "second"), ("second", "第二"))
GATES = {"lstm": 4, "gru": 3}                                # simple-RNN blocks side by side
OUTPUT_LAYER = {"kernel": "dense.kernel", "bias": "dense.bias", "weight": "linear.weight"}
SENTENCE_END = re.compile(r"[.;:!?](?=\s)|[。；：！？]")
UPPER_LAYER = re.compile(r"^((?:weight|bias)_(?:ih|hh))_l[1-9]$")   # PyTorch's layers k >= 1
CODE = "\x00"                                                # placeholder around a code span
NAME = rf"{CODE}\d+{CODE}(?:\s*(?:的\s*)?(?:kernel|bias))?|\$[^$]+\$|[A-Za-z_][\w.]*"
CONNECTOR = r"(?:\s*(?:is|has shape|of shape|are|是|为|(?:的)?形状[为是])\s*|\s*)"
SHAPE = re.compile(r"\((?P<body>[^()]*,[^()]*)\)")
NAME_BEFORE = re.compile(rf"(?P<name>{NAME}){CONNECTOR}$")
TRANSPOSE = re.compile(rf"(?P<name>{NAME})[^=|]*?=\s*(?P<ours>[UWV])\^(?:T|\\top|\{{\\top\}})")


class Context(NamedTuple):
    """What a claim's sentence and paragraph say around it."""

    layer: str = ""                             # rnn, dense, lstm, gru, embedding; "" if none named
    second: bool = False                        # a stacked layer: it reads H inputs
    numbers: tuple = ()                         # sizes the paragraph sets: (("H", 50),)


# ---------------------------------------------------------------- what the code says


def _site(H: int, D: int, O: int, T: int, B: int) -> dict[str, np.ndarray]:
    params = init_params(H, D, O, np.random.default_rng(0))
    S, y = forward(params, np.zeros((T, D, B)))
    return params | {"x_t": np.zeros((D, B)), "h_t": S[0], "y": y}


def _tutorial(H: int, T: int, O: int) -> dict[str, np.ndarray]:
    params = init_tutorial_params(np.random.default_rng(0), H=H, T=T, O=O)
    x_t = position_input(np.zeros((T, 1)), 0)                  # the tutorial's new_input
    return params | {"x_t": x_t, "h_t": np.zeros((H, 1)), "y": params["V"] @ np.zeros((H, 1))}


def _gated(convention: str, arrays: dict, layer: str) -> dict[str, np.ndarray]:
    """An LSTM or GRU in Keras or PyTorch: its gate blocks side by side (columns, rows)."""
    g, axis = GATES[layer], {"keras": -1, "pytorch": 0}.get(convention)
    if axis is None:                                             # our letters: one block each
        return arrays
    names = ("kernel", "recurrent_kernel", "bias") if axis else (
        "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")
    gated = {k: np.concatenate([arrays[k]] * g, axis=axis) for k in names}
    if convention == "keras" and layer == "gru":                 # reset_after=True: two biases
        gated["bias"] = np.stack([gated["bias"]] * 2)
    return arrays | gated


@cache
def arrays_of(convention: str, layer: str, H: int, D: int, O: int, T: int, B: int):
    """The arrays of a convention (names as it names them) for these sizes."""
    if convention in ("britz", "karpathy"):
        O = D                                                    # one vocabulary in and out
    if convention == "tutorial":
        return _tutorial(H, T, O)
    site = _site(H, D, O, T, B)
    convert = {"pytorch": to_pytorch, "keras": to_keras, "d2l": to_d2l, "karpathy": to_karpathy}
    arrays = convert[convention]({k: site[k] for k in "UWVbc"}) if convention in convert else site
    return _gated(convention, arrays, layer) if layer in GATES else arrays


def sizes_for(letters: set[str], numeric: bool, context: Context) -> dict:
    """The size of each letter for one claim: without B, one sequence; without H1, H1 = H;
    V and E are the input D."""
    if numeric:
        return SINE | dict(context.numbers)
    sizes = LETTERS | {"B": LETTERS["B"] if "B" in letters else 1,
                       "H1": LETTERS["H1"] if "H1" in letters else LETTERS["H"]}
    if "V" in letters:
        sizes["D"] = sizes["O"] = sizes["V"]
    if "E" in letters:
        sizes["D"] = sizes["E"]
    return sizes


def expected(convention: str, numeric: bool) -> dict[str, np.ndarray]:
    """One simple RNN with the sine task's sizes (numeric) or the letters' sizes."""
    sizes = SINE if numeric else LETTERS | {"B": 1}
    return arrays_of(convention, "rnn", *(sizes[k] for k in "HDOTB"))


def expand(text: str, codes: list[str]) -> str:
    return re.sub(rf"{CODE}(\d+){CODE}", lambda m: codes[int(m[1])], text)


def name_key(raw: str, codes: list[str]) -> str:
    """`weight_ih_l0` -> weight_ih_l0, $W_{xh}$ -> W_xh, `Dense` kernel -> dense.kernel."""
    text = re.sub(r"\s+", " ", expand(raw, codes).strip("$ "))
    text = re.sub(r"\\mathbf\{(\w+)\}|\{(\w+)\}", lambda m: m[1] or m[2], text)
    return ALIASES.get(text, text)


def parse(body: str, convention: str) -> list[tuple[int, str]]:
    """'D, 4H' -> [(1, 'D'), (4, 'H')]; '100, 1' -> [(100, ''), (1, '')]; 'units,' -> [(1, 'H')]."""
    raw = [e.strip() for e in body.replace("，", ",").split(",")]
    if len(raw) == 2 and not raw[1]:
        raw = raw[:1]                                            # (H,): a vector
    names = WORDS | LIBRARY_NAMES.get(convention, {})
    parsed = [re.fullmatch(r"(\d*)\s*(?:·\s*)?(.*)", e) for e in raw]
    return [(int(m[1] or 1), names.get(m[2], m[2])) for m in parsed]


def shape_value(entries: list[tuple[int, str]], sizes: dict[str, int]) -> tuple[int, ...] | None:
    """(7, 3) for 'H, D'; None if an entry is neither a number nor a size."""
    if not all(letter in sizes or not letter for _, letter in entries):
        return None
    return tuple(n * sizes[letter] if letter else n for n, letter in entries)


# ---------------------------------------------------------------- what the pages say


def render(inline) -> tuple[str, list[str]]:
    """An inline token as text, each code span replaced by a numbered placeholder."""
    parts, codes = [], []
    for child in inline.children or []:
        if child.type == "code_inline":
            parts.append(f"{CODE}{len(codes)}{CODE}")
            codes.append(child.content)
        elif child.type in ("text", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    text = "".join(parts)
    return re.sub(r"\$(\([^$()]*\))\$", r"\1", text), codes    # $(H, D)$ -> (H, D)


def conventions_named(text: str) -> list[str]:
    return [conv for conv, word in KEYWORDS if word in text]


def blocks(page: Path):
    """(kind, header, row label, text, codes) for every table cell and every other inline."""
    tokens = plain_tokens(page)  # admonition bodies are prose, $...$ stays text
    header, row, column, in_table, in_head = [], [], 0, False, False
    for tok in tokens:
        if tok.type == "table_open":
            in_table, header = True, []
        elif tok.type == "table_close":
            in_table = False
        elif tok.type in ("thead_open", "thead_close"):
            in_head = tok.type == "thead_open"
        elif tok.type == "tr_open":
            row, column = [], 0
        elif tok.type == "inline" and in_table:
            cell = render(tok)
            if in_head:
                header.append(cell[0])
            else:
                row.append(cell)
                label = row[0]
                yield ("cell", header[column] if column < len(header) else "", label, *cell)
            column += 1
        elif tok.type == "inline":
            yield ("prose", "", ("", []), *render(tok))


def context(before: str, paragraph: str) -> Context:
    """The layer named last in the sentence ``before`` ends with; the sizes the paragraph sets."""
    start = max((m.end() for m in SENTENCE_END.finditer(before)), default=0)
    sentence = before[start:]

    def last(table: tuple, default: str) -> str:
        found = [(sentence.rfind(word), value) for value, word in table if word in sentence]
        return max(found)[1] if found else default

    numbers = tuple((LIBRARY_NAMES["keras"].get(k, k), int(n))
                    for k, n in SETS_SIZE.findall(paragraph))
    return Context(last(LAYERS, ""), last(DEPTHS, "first") == "second", numbers)


def resolve(key: str, where: Context) -> tuple[str, Context]:
    """Names whose layer the sentence decides: Dense's `kernel`, PyTorch's `weight_ih_l1`."""
    if where.layer == "dense":
        key = OUTPUT_LAYER.get(key, key)
    if upper := UPPER_LAYER.match(key):
        key, where = f"{upper[1]}_l0", where._replace(second=True)
    return key, where


def claims(page: Path):
    """(where, conventions, name, shape body or None, transposed letter or None, Context)."""
    for kind, header, (label, label_codes), text, codes in blocks(page):
        shown = page.relative_to(ROOT) if page.is_relative_to(ROOT) else page.name
        where = f"{shown}: {name_key(text, codes)[:70]!r}"
        paragraph = expand(text, codes) if kind == "prose" else ""   # a cell sets no sizes
        if kind == "cell":
            own = conventions_named(header)[:1] or conventions_named(label)[:1] or ["site"]
            row_names = [name_key(n, label_codes) for n in re.findall(NAME, label)]
        for m in TRANSPOSE.finditer(text):
            key, around = resolve(name_key(m["name"], codes),
                                  context(expand(text[: m.start()], codes), paragraph))
            candidates = own if kind == "cell" else guess(key, paragraph)
            yield where, candidates, key, None, m["ours"], around
        pending = row_names[:] if kind == "cell" else []
        for m in SHAPE.finditer(text):
            before = NAME_BEFORE.search(text[: m.start()])
            if before:
                key = name_key(before["name"], codes)
            elif kind == "cell" and pending:
                key = pending.pop(0)                             # | $b$, $c$ | (H, 1), (O, 1) |
            else:
                key = None
            at = before.start() if before else m.start()
            key, around = resolve(key or "", context(expand(text[:at], codes), paragraph))
            if around.layer == "embedding":
                continue                                         # not in the crosswalk
            if kind == "cell":
                yield where, own, key or None, m["body"], None, around
            elif key and (candidates := guess(key, paragraph)):
                yield where, candidates, key, m["body"], None, around


def guess(key: str, text: str) -> list[str]:
    """Running prose: the conventions whose vocabulary has this name and that the text allows."""
    site = expected("site", True)
    owners = [c for c in ("pytorch", "keras", "d2l", "karpathy")
              if key in expected(c, True) and key not in site]
    if owners:
        return owners
    if key in site:
        return ["site"] + [c for c in conventions_named(text) if c in ("tutorial", "britz")]
    return []


def check(candidates: list[str], key: str | None, body: str | None, ours: str | None,
          where: Context) -> str:
    """'' if the claim holds in one of the candidate conventions, else what is wrong."""
    if key is None:
        return f"a shape ({body}) with no name in front of it or in the row label"
    problems = []
    for conv in candidates:
        if ours is not None:
            arrays, site = expected(conv, False), expected("site", False)
            if key in arrays and np.array_equal(arrays[key], site[ours].T):
                return ""
            problems.append(f"{conv}: {key} is not {ours}^T")
            continue
        entries = parse(body, conv)
        numeric = not any(letter for _, letter in entries)
        sizes = sizes_for({letter for _, letter in entries}, numeric, where)
        named = where.layer or next((n for n, g in GATES.items() if (g, "H") in entries), "rnn")
        block = named if named in GATES else "rnn"            # Dense: names resolved in claims()
        dims = {**sizes, "D": sizes.get("H1", sizes["H"])} if where.second else sizes  # reads H1
        arrays = arrays_of(conv, block, *(dims[k] for k in "HDOTB"))
        value = shape_value(entries, sizes)
        if key not in arrays:
            problems.append(f"{conv} has no {key!r}")
        elif value is None:
            problems.append(f"({body}) is not a shape in {conv}'s letters")
        elif value == arrays[key].shape:
            return ""
        else:
            told = "for the sine task" if numeric and not where.numbers else f"with {sizes}"
            of = conv if block == "rnn" else f"{conv} {block}"
            problems.append(f"{of}: {key} ({body}) should be {arrays[key].shape} {told}")
    return "; ".join(problems) or f"no convention for {key!r}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_every_named_shape_matches_the_crosswalk(page: Path) -> None:
    wrong = [f"{where}: {problem}" for where, *claim in claims(page) if (problem := check(*claim))]
    assert not wrong, "\n".join(wrong)


def test_the_guard_reads_the_tables_it_must_check() -> None:
    """The pages whose tables give shapes are actually parsed into checked claims."""
    counted = {p.relative_to(ROOT / "docs").as_posix(): sum(1 for _ in claims(p)) for p in PAGES}
    for lang in ("en", "zh"):
        assert counted[f"{lang}/explained.md"] >= 12
        assert counted[f"{lang}/conventions.md"] >= 12
        assert counted[f"{lang}/faq/names-in-pytorch-keras-d2l.md"] >= 10


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        ("| this site | Keras |\n|---|---|\n| U (100, 1) | `kernel` (100, 1) |\n", "keras: kernel"),
        ("| symbol | the tutorial |\n|---|---|\n| $U$ | (100, 1) |\n", "tutorial: U (100, 1)"),
        ("| source | in |\n|---|---|\n| d2l | $W_{xh}$ (H, D) |\n", "d2l: W_xh (H, D)"),
        ("| PyTorch |\n|---|\n| (100, 1) |\n", "no name"),
        ("| this site | Keras |\n|---|---|\n| U | `kernel` = W^T |\n", "kernel is not W^T"),
        ("PyTorch's `weight_hh_l0` is (100, 1).\n", "pytorch: weight_hh_l0"),
        ("The standard U (100, 50) has one column per feature.\n", "site: U (100, 50)"),
        # the layer named last before the name decides whose weight it is
        ("A `Dense` layer follows the `SimpleRNN`, whose `kernel` is (100, 1).\n", "keras: kernel"),
        ("The `SimpleRNN` `kernel` (100, 1) feeds a `Dense` layer.\n", "keras: kernel (100, 1)"),
        ("`Dense` applies one kernel of shape (O, H).\n", "keras: dense.kernel (O, H)"),
        ("`nn.Linear(100, 1)` has a weight (100, 1).\n", "pytorch: linear.weight (100, 1)"),
        ("An LSTM's `kernel` is (D, 3H).\n", "keras lstm: kernel (D, 3H)"),
        ("A `SimpleRNN`'s `kernel` is (D, 4H).\n", "keras: kernel (D, 4H)"),
        ("Keras stores `recurrent_kernel` (4H, H).\n", "keras lstm: recurrent_kernel (4H, H)"),
        ("`nn.GRU` has `weight_hh_l0` (H, 3H).\n", "pytorch gru: weight_hh_l0 (H, 3H)"),
        ("The second `SimpleRNN`'s `kernel` is (D, units).\n", "keras: kernel (D, units)"),
        ("PyTorch's `weight_ih_l1` is (hidden_size, input_size).\n", "pytorch: weight_ih_l0"),
        ("The second `SimpleRNN`'s `kernel` is (units, units of the first layer).\n",
         "keras: kernel"),
        # letters: batch, vocabulary, embedding, units, vectors; sizes a paragraph sets
        ("In this site's layout $h_t$ is (B, H).\n", "site: h_t (B, H)"),
        ("With a vocabulary of V characters, U is (V, H).\n", "site: U (V, H)"),
        ("After an embedding of size E, `kernel` is (H, E).\n", "keras: kernel (H, E)"),
        ("`recurrent_kernel` is (units, D) and `bias` (units,).\n", "keras: recurrent_kernel"),
        ("`bias` is (D,).\n", "keras: bias (D,)"),
        ("With `units=50`, the `Dense` layer's kernel is (100, 1).\n", "should be (50, 1)"),
    ],
)
def test_the_guard_catches_a_wrong_shape(tmp_path: Path, markdown: str, problem: str) -> None:
    fake = tmp_path / "page.md"
    fake.write_text(markdown, encoding="utf-8")
    found = [check(*claim) for _, *claim in claims(fake)]
    assert any(problem in p for p in found), found


def test_the_guard_accepts_right_shapes(tmp_path: Path) -> None:
    fake = tmp_path / "page.md"
    fake.write_text("| this site | Keras |\n|---|---|\n| U (100, 1) | `kernel` (1, 100) = U^T |\n\n"
                    "The tutorial's U (100, 50); d2l's $W_{hq}$ (H, Q).\n", encoding="utf-8")
    found = [check(*claim) for _, *claim in claims(fake)]
    assert len(found) == 5 and not any(found), found


def test_the_guard_accepts_each_layer_and_letter(tmp_path: Path) -> None:
    fake = tmp_path / "page.md"
    fake.write_text(
        "`Dense` applies one kernel of shape (H, O); the `SimpleRNN` `kernel` is (1, 100).\n\n"
        "`nn.Linear(100, 1)` has a weight (1, 100).\n\n"
        "Keras's `kernel` is (D, 4H) for an LSTM, `recurrent_kernel` (H, 4H). "
        "A GRU's `bias` is (2, 3H).\n\n"
        "PyTorch's `nn.GRU` has `weight_ih_l0` (3H, D) and `weight_hh_l0` (3H, H).\n\n"
        "The second layer's `weight_ih_l1` is (hidden_size, hidden_size); the second `SimpleRNN`'s "
        "`kernel` is (units, units), where the first layer's U is (H, D). The second `SimpleRNN`'s "
        "`kernel` is (units of the first layer, units), `recurrent_kernel` (units, units).\n\n"
        "$h_t$ is (H, B), one sequence's $h_t$ (H, 1); "
        "with a vocabulary of V characters U is (H, V), $x_t$ (V, B).\n\n"
        "After an embedding, `kernel` is (E, H); "
        "`recurrent_kernel` (units, units), `bias` (units,).\n\n"
        "With `units=50`: `kernel` (1, 50), and the `Dense` layer's kernel is (50, 1).\n\n"
        "An `Embedding(V, E)` keeps `embeddings` (E, V) and a `kernel` (V, E).\n",  # skipped
        encoding="utf-8")
    found = [(claim[1], claim[2], check(*claim)) for _, *claim in claims(fake)]
    assert len(found) == 22 and not any(p for *_, p in found), "\n".join(map(str, found))



def test_the_guard_knows_what_keras_stores() -> None:
    """The shapes the guard expects for each Keras layer are the shapes Keras 3 builds."""
    import keras

    H, D, O, T = (LETTERS[k] for k in "HDOT")
    layers = {"rnn": keras.layers.SimpleRNN(H), "lstm": keras.layers.LSTM(H),
              "gru": keras.layers.GRU(H), "second": keras.layers.SimpleRNN(H),
              "bidirectional": keras.layers.Bidirectional(keras.layers.SimpleRNN(H))}
    for name, layer in layers.items():
        layer(np.zeros((1, T, H if name == "second" else D), "float32"))
        block = name if name in GATES else "rnn"
        arrays = arrays_of("keras", block, H, H if name == "second" else D, O, T, 1)
        for w in layer.weights:                                  # Bidirectional: one set each way
            assert w.shape == arrays[w.name].shape, (name, w.name)
    dense = keras.layers.Dense(O)
    dense(np.zeros((1, H), "float32"))
    assert [w.shape for w in dense.weights] == [expected("keras", False)[f"dense.{w.name}"].shape
                                                for w in dense.weights]
    assert len(layers["bidirectional"].weights) == 6
