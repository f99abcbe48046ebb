"""The calculator page in a real browser, both languages, against snippets/param_shapes.py.

The grid: every configuration's expected names, formulas, shapes and total come from
snippets.param_shapes. A sample is opened as real page loads with the query string in the URL (the
path a shared link takes); the rest go through the same parser in the loaded page, by changing the
query with history.pushState and firing popstate, as the back button does.
"""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, urlencode, urljoin, urlparse

import numpy as np
import pytest

from snippets.param_shapes import (
    CONVENTIONS,
    DEFAULTS,
    ROLES,
    USES,
    model_shapes,
    total_formula,
)
from tests.markdown_model import ROOT

JS = ROOT / "overrides" / "assets" / "javascripts" / "calculator.js"
LANGS = {"en": "calculator/", "zh": "zh/calculator/"}

# Sizes: the sine task, D = H (several), D > H, H = 1, long and short sequences.
SIZE_SETS = [dict(D=1, H=100, O=1, T=50, B=100), dict(D=3, H=3, O=2, T=4, B=5),
             dict(D=7, H=16, O=3, T=1, B=1), dict(D=64, H=64, O=64, T=5, B=2),
             dict(D=2, H=1, O=1, T=1000, B=32), dict(D=100, H=10, O=1, T=2, B=7),
             dict(D=5, H=5, O=5, T=3, B=5), dict(D=1, H=256, O=10, T=12, B=64),
             dict(D=12, H=8, O=2, T=6, B=3), dict(D=30, H=30, O=1, T=100, B=1)]


def configs() -> list[dict]:
    grid = []
    for s in SIZE_SETS:
        grid += [dict(convention=c, **s) for c in ("site", "tutorial", "d2l")]
        grid += [dict(convention="pytorch", **s, layers=n, bidirectional=b, batch_first=f)
                 for n, b, f in itertools.product((1, 2, 3), (0, 1), (0, 1))]
        grid += [dict(convention="keras", **s, layers=n, return_sequences=r)
                 for n, r in itertools.product((1, 2, 3), (0, 1))]
    return grid


GRID = configs()


def query(config: dict) -> str:
    """The query string the page itself writes: the convention and the inputs it uses."""
    return urlencode({k: v for k, v in config.items() if k == "convention" or k in USES[config["convention"]]})


def expected(config: dict) -> dict:
    sizes = {k: v for k, v in config.items() if k != "convention"}
    m = model_shapes(config["convention"], **sizes)

    def row(t):
        return [t.layer, t.name, ",".join(t.formula), ",".join(map(str, t.shape)), *([t.role] if t.role else [])]

    T = config.get("T", DEFAULTS["T"])
    return {"params": [row(p) for p in m.params], "tensors": [row(t) for t in m.tensors],
            "total": str(m.total), "formula": total_formula(m),
            "steps": ",".join(map(str, range(1, T + 1) if T <= 4 else (1, 2, 3, T))),
            "boxes": boxes(config["convention"], {t.name: t for t in m.tensors})}


def boxes(convention: str, tensors: dict) -> dict:
    """The diagram's boxes: one step of the input, of one layer's states and of the output."""
    def step(t, drop_first=False):
        kept = [n for i, (f, n) in enumerate(zip(t.formula, t.shape)) if f != "T" and (i or not drop_first)]
        return ",".join(map(str, kept))
    states = {"site": "S", "tutorial": "S", "pytorch": "h_n", "keras": "rnn_output", "d2l": "outputs"}
    x = tensors["new_input"] if convention == "tutorial" else tensors["input"]
    return {"input": ",".join(map(str, x.shape)) if convention == "tutorial" else step(x),
            "state": step(tensors[states[convention]], drop_first=convention == "pytorch"),
            "output": step(tensors["y"])}


READ = """() => {
  const rows = (sel) => [...document.querySelectorAll(sel)].map((e) => [e.dataset.layer || "",
    e.dataset.name, e.dataset.formula, e.dataset.shape,
    ...(e.dataset.role ? [e.dataset.role, e.lastElementChild.textContent] : [])]);
  const total = document.querySelector("#rnn-calculator [data-total]");
  const svg = document.querySelector("#rnn-calculator svg");
  return { params: rows("[data-kind=param]"), tensors: rows("[data-kind=tensor]"),
           total: total && total.dataset.total, formula: total && total.dataset.formula,
           steps: svg && svg.dataset.steps,
           boxes: [...svg.querySelectorAll("[data-box]")].map((e) => [e.dataset.box, e.dataset.shape]),
           arrows: [...svg.querySelectorAll("[data-arrow]")].map(
             (e) => [e.dataset.arrow, e.dataset.layer, e.dataset.name, e.dataset.shape]) };
}"""

DRIVE = f"""(queries) => queries.map((q) => {{
  history.pushState(null, "", "?" + q);
  dispatchEvent(new PopStateEvent("popstate"));
  return ({READ})();
}})"""


def role_text_fits(role: str, text: str) -> bool:
    """The words of a role begin with its symbol (ROLES: U, W^T, ...; the tutorial's U: not U)."""
    if role == "tutorialU":
        return "U" in text and ("not" in text or "不是" in text)
    return text.startswith(ROLES[role].replace("^T", "ᵀ"))


def check(config: dict, shown: dict) -> list[str]:
    """Differences between what the page shows and param_shapes, as readable lines."""
    want, problems = expected(config), []
    words = [row.pop() for row in shown["params"]]             # the "in terms of U, W, V" column
    for row, text in zip(shown["params"], words):
        if not role_text_fits(row[-1], text):
            problems.append(f"{query(config)}: {row[1]} is {row[-1]} but the page says {text!r}")
    shown = {**shown, "boxes": {kind: {s for k, s in shown["boxes"] if k == kind} for kind, _ in shown["boxes"]}}
    want["boxes"] = {kind: {shape} for kind, shape in want["boxes"].items()}    # every box of a kind alike
    for key in ("params", "tensors", "total", "formula", "steps", "boxes"):
        if shown[key] != want[key]:
            problems.append(f"{query(config)}: {key} shown {shown[key]!r}, expected {want[key]!r}")
    params = {(layer, name, shape) for layer, name, _, shape, _ in want["params"]}
    arrows = {(layer, name, shape) for _, layer, name, shape in shown["arrows"]}
    if not arrows <= params or {kind for kind, *_ in shown["arrows"]} != {"in", "rec", "out"}:
        problems.append(f"{query(config)}: diagram arrows {shown['arrows']} are not parameters")
    return problems


@pytest.fixture(scope="module")
def pages(browser, base_url):
    """One page per language, loaded once; every request and page error is recorded."""
    context = browser.new_context()
    context.outside, context.errors = [], []
    context.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", None)
               and r.url.startswith("http") and context.outside.append(r.url))
    opened = {}
    for lang, path in LANGS.items():
        page = context.new_page()
        page.on("pageerror", lambda error: context.errors.append(str(error)))
        page.goto(urljoin(base_url, path), wait_until="domcontentloaded")
        opened[lang] = page
    yield opened
    assert not context.outside, f"requests left the site: {context.outside}"
    assert not context.errors, f"page errors: {context.errors}"
    context.close()


def test_grid_is_big_enough():
    assert len(GRID) >= 200
    assert {c["convention"] for c in GRID} == set(CONVENTIONS)
    assert any(c["D"] == c["H"] for c in GRID)
    pytorch = {(c["layers"], c["bidirectional"], c["batch_first"]) for c in GRID if c["convention"] == "pytorch"}
    assert pytorch == set(itertools.product((1, 2, 3), (0, 1), (0, 1)))


@pytest.mark.parametrize("lang", LANGS)
def test_page_shows_the_shapes_of_param_shapes(pages, lang):
    page = pages[lang]
    shown = page.evaluate(DRIVE, [query(c) for c in GRID])
    problems = [p for config, s in zip(GRID, shown) for p in check(config, s)]
    assert not problems, f"{len(problems)} differences, first ones:\n" + "\n".join(problems[:10])


SAMPLE = [[g for g in GRID if g["convention"] == c][-1] for c in CONVENTIONS]   # one link each


@pytest.mark.parametrize("lang", LANGS)
def test_shared_links_open_the_same_view(pages, base_url, lang):
    """Real page loads with the query in the URL; unused and unknown parameters are ignored."""
    assert {c["convention"] for c in SAMPLE} == set(CONVENTIONS)
    page = pages[lang]
    problems = []
    for config in SAMPLE:
        extra = "&layers=2&bidirectional=1&flag=x" if config["convention"] == "site" else ""
        page.goto(urljoin(base_url, LANGS[lang]) + "?" + query(config) + extra, wait_until="domcontentloaded")
        problems += check(config, page.evaluate(READ))
    page.goto(urljoin(base_url, LANGS[lang]), wait_until="domcontentloaded")                       # no query
    problems += check({"convention": "site", **DEFAULTS}, page.evaluate(READ))
    assert not problems, "\n".join(problems[:10])


def test_editing_writes_the_query_and_works_by_keyboard(pages):
    page = pages["en"]
    page.evaluate(DRIVE, [query({"convention": "site", **DEFAULTS})])
    convention = page.get_by_label("Convention", exact=True)
    convention.focus()
    for _ in range(2):
        page.keyboard.press("ArrowDown")                          # site -> tutorial -> pytorch
    assert convention.input_value() == "pytorch"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")                                    # D -> H
    assert page.evaluate("document.activeElement.id") == "calc-H"
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("32")
    page.get_by_label("layers, stacked", exact=True).fill("2")
    page.get_by_label("bidirectional", exact=True).focus()
    page.keyboard.press("Space")
    config = {"convention": "pytorch", **DEFAULTS, "H": 32, "layers": 2, "bidirectional": 1}
    assert not check(config, page.evaluate(READ))
    written = {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}
    assert written == {k: str(v) for k, v in config.items() if k == "convention" or k in USES["pytorch"]}
    for key in ("convention", "D", "H", "O", "T", "B", "layers", "bidirectional", "batch_first"):
        label = page.locator(f"label[for=calc-{key}]")
        assert label.count() == 1 and label.inner_text().strip(), key
    assert page.locator("#calc-return_sequences").is_hidden()      # a Keras input, not PyTorch's


HOSTILE = ["<img src=x onerror=window.__pwned=1>", "<script>window.__pwned=1</script>"]
BAD = {"0": "range", "-3": "range", "99999999999999999999": "range", "abc": "integer",
       "1.5": "integer", "": "empty", **{h: "integer" for h in HOSTILE}}
MESSAGES = {"en": {"range": "from 1 to", "integer": "such as 100", "empty": "enter a value",
                   "flag": "0 or 1", "convention": "use one of", "kept": "Not updated"},
            "zh": {"range": "之间的整数", "integer": "请输入整数", "empty": "请输入一个值",
                   "flag": "只能是 0 或 1", "convention": "之一", "kept": "没有更新"}}

NOTHING_INJECTED = """() => window.__pwned === undefined
  && !document.querySelector("#rnn-calculator img, #rnn-calculator script")"""


@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_in_a_link(pages, base_url, lang):
    """Every field bad at once: a message at each field, defaults used for them, nothing injected."""
    page, words = pages[lang], MESSAGES[lang]
    bad = {"convention": HOSTILE[0], "D": "0", "H": "abc", "O": HOSTILE[1], "T": "-3", "B": "",
           "layers": "99999999999999999999", "bidirectional": "2", "batch_first": HOSTILE[0]}
    page.goto(urljoin(base_url, LANGS[lang]) + "?" + urlencode(bad), wait_until="domcontentloaded")
    kinds = {"convention": "convention", "D": "range", "H": "integer", "O": "integer", "T": "range",
             "B": "empty", "layers": "range", "bidirectional": "flag", "batch_first": "flag"}
    for key, kind in kinds.items():
        message = page.locator(f"#calc-{key}-error").text_content()
        assert words[kind] in message, (key, message)
    assert words["kept"] in page.locator(".calc-status").text_content()
    assert page.evaluate(NOTHING_INJECTED)
    assert page.locator("#calc-O").input_value() == HOSTILE[1]          # shown as text, as typed
    assert not check({"convention": "site", **DEFAULTS}, page.evaluate(READ))


@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_typed_keeps_the_last_result(pages, lang):
    page, words = pages[lang], MESSAGES[lang]
    good = {"convention": "keras", **DEFAULTS, "D": 4, "H": 9, "layers": 2}
    page.evaluate(DRIVE, [query(good)])
    url = page.url
    field = page.locator("#calc-H")
    for value, kind in BAD.items():
        field.fill(value)
        assert words[kind] in page.locator("#calc-H-error").text_content(), value
        assert field.get_attribute("aria-invalid") == "true"
        assert words["kept"] in page.locator(".calc-status").text_content()
        assert not check(good, page.evaluate(READ)), value            # the last valid result stays
        assert page.url == url and page.evaluate(NOTHING_INJECTED)
    field.fill("12")
    assert page.locator("#calc-H-error").text_content() == "" and field.get_attribute("aria-invalid") is None
    assert not check({**good, "H": 12}, page.evaluate(READ))
    assert "H=12" in page.url


def test_works_from_a_file_url(browser, site):
    """Opened from disk (file://), a link's query still drives the page; editing raises no error."""
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    config = {"convention": "pytorch", **DEFAULTS, "D": 2, "H": 6, "layers": 3, "batch_first": 1}
    page.goto((site / "calculator" / "index.html").as_uri() + "?" + query(config), wait_until="domcontentloaded")
    assert not check(config, page.evaluate(READ))
    page.locator("#calc-H").fill("7")
    assert not check({**config, "H": 7}, page.evaluate(READ))
    page.close()
    # Material's search cannot load its index from file:// (a Material limit, not this page's).
    assert not [e for e in errors if "search_index" not in e], errors


def test_script_is_loaded_only_on_the_calculator_page(site):
    pages = [p for p in site.rglob("*.html") if "assets" not in p.parts]
    with_script = sorted(str(p.relative_to(site)) for p in pages if "calculator.js" in p.read_text("utf-8"))
    assert with_script == ["calculator/index.html", "zh/calculator/index.html"]


def test_script_never_writes_html_nor_fetches():
    code = JS.read_text("utf-8")
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                   "new Function", "fetch(", "XMLHttpRequest", "https://"):
        assert banned not in code, banned
    assert code.count("http://") == code.count('"http://www.w3.org/2000/svg"') == 1   # a name, not a URL


CODE_CASES = [{"convention": c, **DEFAULTS, "D": 3, "H": 4, "O": 2, "T": 6} for c in CONVENTIONS] + [
    {"convention": "pytorch", **DEFAULTS, "D": 3, "H": 4, "O": 2, "layers": 2, "bidirectional": 1},
    {"convention": "keras", **DEFAULTS, "D": 3, "H": 4, "O": 2, "T": 6, "layers": 2, "return_sequences": 1}]
SHOWN_CODE = """(q) => { history.pushState(null, "", "?" + q); dispatchEvent(new PopStateEvent("popstate"));
  return [document.querySelector("#rnn-calculator pre.calc-code").textContent,
          document.querySelector("#rnn-calculator [data-total]").dataset.total]; }"""


def count_of_shown_code(code: str) -> int:
    """Run the "model in code" lines: ours and d2l's with snippets, Keras's with Keras itself,
    PyTorch's with the NumPy nn.RNN of snippets.torch_rnn (torch is no test dependency)."""
    import keras

    from snippets.conventions import to_d2l
    from snippets.elman import init_params
    from snippets.torch_rnn import init_torch_rnn
    from snippets.tutorial import init_tutorial_params

    class nn:  # noqa: N801 - stands in for torch.nn: the parameters the two modules would hold
        def RNN(D, H, num_layers=1, bidirectional=False, batch_first=False):  # noqa: N805
            return init_torch_rnn(D, H, np.random.default_rng(0), num_layers, bidirectional)

        def Linear(n_in, n_out):  # noqa: N805
            return {"weight": np.zeros((n_out, n_in)), "bias": np.zeros(n_out)}

    scope = {"keras": keras, "nn": nn, "rng": np.random.default_rng(0), "init_params": init_params,
             "init_tutorial_params": init_tutorial_params, "to_d2l": to_d2l, "True": True, "False": False}
    exec(code, scope)
    if "model" in scope:
        return scope["model"].count_params()
    parts = [scope[k] for k in ("params", "rnn", "linear") if k in scope]
    return sum(int(np.size(a)) for part in parts for a in part.values())


@pytest.mark.parametrize("config", CODE_CASES, ids=lambda c: query(c))
def test_the_model_in_code_has_the_total_shown(pages, config):
    code, total = pages["en"].evaluate(SHOWN_CODE, query(config))
    assert count_of_shown_code(code) == int(total), code
