"""The figures of snippets.figures: committed files current, labels equal to the arrays' shapes,
Chinese figures in Chinese, frame sets on the pages, and the frame player's script kept safe."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from snippets import figures
from snippets.data import sine_windows
from snippets.elman import init_params
from snippets.tutorial import init_tutorial_params, position_input
from tests.markdown_model import ROOT

REGENERATE = "regenerate with: uv run python -m snippets.figures"
NS = {"svg": "http://www.w3.org/2000/svg"}
OUTPUTS = figures.outputs()
PLAYER = ROOT / "overrides" / "assets" / "javascripts" / "frames.js"
CJK = re.compile(r"[\u4e00-\u9fff]")


def texts(svg: str) -> list[str]:
    return [el.text or "" for el in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]


def fmt(shape) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ")"


@pytest.mark.parametrize("path", sorted(OUTPUTS), ids=lambda p: str(p.relative_to(ROOT)))
def test_committed_figure_is_current(path):
    assert path.exists(), f"{path.relative_to(ROOT)} is missing; {REGENERATE}"
    assert path.read_text(encoding="utf-8") == OUTPUTS[path], (
        f"{path.relative_to(ROOT)} differs from what snippets.figures generates; {REGENERATE}")


def test_no_stale_figure_is_left_behind():
    for lang in figures.LANGS:
        for folder in (figures.SVG_DIR[lang], figures.INCLUDE_DIR[lang]):
            extra = sorted(p.name for p in folder.iterdir() if p not in OUTPUTS)
            assert not extra, f"{folder.relative_to(ROOT)} holds files snippets.figures no longer writes: {extra}"


def test_model_shapes_are_the_arrays_shapes():
    tut = init_tutorial_params(np.random.default_rng(1))
    std = init_params(H=100, D=1, O=1, rng=np.random.default_rng(1))
    shapes = figures.model_shapes()
    assert shapes["tutorial"] == {k: v.shape for k, v in tut.items()}
    assert shapes["standard"] == {k: v.shape for k, v in std.items()}


@pytest.mark.parametrize("lang", figures.LANGS)
def test_glance_and_scale_labels_carry_the_shapes(lang):
    tut = init_tutorial_params(np.random.default_rng(1))
    std = init_params(H=100, D=1, O=1, rng=np.random.default_rng(1))
    glance = " ".join(texts(figures.glance_svg(lang)))
    for shape in (tut["U"].shape, std["U"].shape, tut["W"].shape, tut["V"].shape):
        assert fmt(shape) in glance
    scale = texts(figures.scale_svg(lang))
    for params in (tut, std):
        for name, M in params.items():
            assert fmt(M.shape) in scale, f"{name} {M.shape} has no label in the scale figure"
    assert scale.count(fmt(std["W"].shape)) == 2          # W in both rows


@pytest.mark.parametrize("lang", figures.LANGS)
def test_forward_frames_show_the_column_new_input_picks(lang):
    x = sine_windows()[0][figures.RECORD]
    frames = figures.forward_frames()
    assert len(frames) >= 4
    for f in frames:
        i = f["t"] - 1
        new_input = position_input(x, i)
        assert f["column"] == int(np.argmax(np.abs(new_input))) == i
        label = " ".join(texts(figures.forward_svg(f, lang)))
        for shape in (new_input.shape, (100, 50), (100, 1), (100, 100), (1, 1)):
            assert fmt(shape) in label, f"t = {f['t']}: {shape} missing from the frame"
        assert f"U[:, {i}]" in label and f"x[{i}]" in label


def test_highlighted_column_moves_with_the_step():
    """The orange column of U is drawn where new_input puts x[t]: one column further per step."""
    def pick_x(frame) -> float:
        svg = ET.fromstring(figures.forward_svg(frame, "en"))
        picks = [float(r.get("x")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")
                 if r.get("fill") == figures.COLOURS["pick"] and r.get("stroke") == "none"]
        return picks[0]                                   # the first: in the tutorial's U
    f1, f2, f3, f50 = figures.forward_frames()
    step = pick_x(f2) - pick_x(f1)
    assert step > 0 and pick_x(f3) - pick_x(f2) == pytest.approx(step)
    assert pick_x(f50) - pick_x(f1) == pytest.approx(49 * step)


def test_labels_follow_hidden_size():
    """Change H and every label changes with it: the shapes are computed, not typed."""
    f = figures.forward_frames(steps=(2,), H=7)[0]
    assert (f["U"], f["W"], f["h"], f["std_U"]) == ((7, 50), (7, 7), (7, 1), (7, 1))
    assert "U (7, 50): only column U[:, 1] is used" in texts(figures.forward_svg(f, "en"))
    b = figures.bptt_frames(steps=(3,), H=7)[-1]
    assert (b["dU"], b["dW"], b["delta"]) == ((7, 1), (7, 7), (7, 1))


def test_bptt_frames_accumulate_one_gradient_per_matrix():
    frames = figures.bptt_frames()
    assert len(frames) >= 4
    assert [f["terms"] for f in frames] == sorted(f["terms"] for f in frames)   # the sums only grow
    assert frames[0]["terms"] == 0 and frames[-1]["terms"] == frames[-1]["T"]
    for f in frames:
        label = " ".join(texts(figures.bptt_svg(f, "en")))
        assert f"dU {fmt(f['dU'])}" in label and f"dW {fmt(f['dW'])}" in label
        assert f"{f['terms']} of {f['T']} terms" in label


@pytest.mark.parametrize("lang", figures.LANGS)
def test_each_language_has_two_frame_sets_of_four_frames(lang):
    page = (ROOT / "docs" / lang / "explained.md").read_text(encoding="utf-8")
    tutorial_U, standard_U = (fmt(figures.model_shapes()[m]["U"]) for m in ("tutorial", "standard"))
    sets = 0
    for name in ("forward", "bptt"):
        include = figures.INCLUDE_DIR[lang] / f"{name}.md"
        assert f'--8<-- "{include.relative_to(ROOT)}"' in page
        tabs = re.findall(r'^=== "<(\d+)>[^"]*"$', include.read_text(encoding="utf-8"), re.M)
        assert [int(n) for n in tabs] == list(range(1, len(tabs) + 1)) and len(tabs) >= 4
        sets += 1
    forward_labels = [" ".join(texts(OUTPUTS[p])) for p in OUTPUTS
                      if p.parent == figures.SVG_DIR[lang] and p.name.startswith("forward-")]
    assert len(forward_labels) >= 4
    assert all(tutorial_U in t and standard_U in t for t in forward_labels)
    assert sets >= 2
    assert page.startswith("---\nframes: true\n")         # the page loads the player


@pytest.mark.parametrize("lang", figures.LANGS)
def test_home_page_shows_the_glance_first(lang):
    page = (ROOT / "docs" / lang / "index.md").read_text(encoding="utf-8")
    body = page.split("{ #home }", 1)[1].lstrip("\n")
    assert body.startswith(f'--8<-- "includes/figures/{lang}/glance.md"'), "the figure comes right after the title"


def test_chinese_figures_are_in_chinese():
    english_words = {w for v in figures.TEXT["en"].values() if isinstance(v, str)
                     for w in re.findall(r"[A-Za-z]{4,}", v)} - {"tanh", "new_input", "input", "snippets", "bptt"}
    for path, content in OUTPUTS.items():
        if figures.SVG_DIR["zh"] not in path.parents:
            continue
        words = texts(content)
        assert any(CJK.search(t) for t in words), f"{path.name}: no Chinese text"
        leftover = {w for t in words for w in re.findall(r"[A-Za-z]{4,}", t)} & english_words
        assert not leftover, f"{path.name}: English words in a Chinese figure: {leftover}"
    for lang in figures.LANGS:
        alts = re.findall(r"!\[([^\]]+)\]", "".join(OUTPUTS[p] for p in OUTPUTS if p.suffix == ".md"
                                                    and figures.INCLUDE_DIR[lang] in p.parents))
        assert alts and all(bool(CJK.search(a)) == (lang == "zh") for a in alts), "alt text in the page's language"


@pytest.mark.parametrize("path", [p for p in sorted(OUTPUTS) if p.suffix == ".svg"], ids=lambda p: p.name)
def test_svg_is_well_formed_offline_and_reads_on_the_dark_palette(path):
    svg = OUTPUTS[path]
    root = ET.fromstring(svg)
    assert not re.search(r"(href|src)=\"https?:", svg)
    first = root.find("svg:rect", NS)
    assert first is not None and first.get("fill") == "#ffffff" and first.get("width") == root.get("width"), (
        "the figure needs its own light background: black text on a transparent one vanishes on slate")
    assert root.find("svg:title", NS).text
    assert all(t.get("fill") for t in root.iter("{http://www.w3.org/2000/svg}text"))


def test_text_that_would_overflow_is_refused():
    fig = figures.Svg(100, 50, "en", "t")
    with pytest.raises(ValueError, match="outside"):
        fig.text(10, 10, "a label far too long for a box one hundred units wide")


def test_player_builds_with_dom_calls_only_and_honours_reduced_motion():
    js = PLAYER.read_text(encoding="utf-8")
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                   "new Function", "fetch(", "XMLHttpRequest", "https://"):
        assert banned not in js, f"frames.js must not use {banned}"
    assert "prefers-reduced-motion" in js and "textContent" in js
    assert "上一帧" in js and "Previous frame" in js          # labels in both languages
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "page.meta.frames %}\n  <script src=\"{{ 'assets/javascripts/frames.js' | url }}\">" in main
