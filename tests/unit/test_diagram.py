"""The committed SVG diagrams must be exactly what snippets.diagram generates."""

import re

import pytest

from snippets.diagram import OUTPUTS, diagram_shapes, unrolled_svg

REGENERATE = "regenerate with: uv run python -m snippets.diagram"


@pytest.mark.parametrize("lang", sorted(OUTPUTS))
def test_committed_svg_is_current(lang):
    path = OUTPUTS[lang]
    assert path.exists(), f"{path} is missing; {REGENERATE}"
    assert path.read_text(encoding="utf-8") == unrolled_svg(lang), (
        f"{path} differs from what snippets.diagram generates; {REGENERATE}")


@pytest.mark.parametrize("lang", sorted(OUTPUTS))
def test_labels_come_from_array_shapes(lang):
    svg = unrolled_svg(lang)
    s = diagram_shapes()
    for name in ("U", "W", "V"):
        assert f"{name} {s[name]}" in svg
    assert svg.count(str(s["h_t"])) >= 5          # h_0 .. h_T boxes (plus U's label)
    assert f'<tspan class="sub" dy="4">{s["T"]}</tspan>' in svg


def test_labels_follow_hidden_size():
    """Change H and the labels change with it: they are computed, not typed."""
    assert diagram_shapes(H=7)["W"] == (7, 7)


def test_svg_is_well_formed_and_offline():
    import xml.etree.ElementTree as ET

    for lang in OUTPUTS:
        svg = unrolled_svg(lang)
        ET.fromstring(svg)
        assert not re.search(r"(href|src)=\"https?:", svg)
