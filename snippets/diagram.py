"""Draw the unrolled RNN as SVG, with shape labels read from real arrays.

Every shape printed in the picture is ``.shape`` of an array produced by
snippets.elman on the tutorial's data, so the picture cannot disagree with
the code. Regenerate the committed files with ``uv run python -m snippets.diagram``.

>>> from snippets.diagram import diagram_shapes, unrolled_svg
>>> shapes = diagram_shapes()
>>> shapes["U"], shapes["W"], shapes["V"], shapes["h_t"], shapes["x_t"], shapes["y"]
((100, 1), (100, 100), (1, 100), (100, 1), (1, 1), (1, 1))
>>> shapes["T"]
50
>>> svg = unrolled_svg("en")
>>> svg.startswith("<svg") and "W (100, 100)" in svg and "U (100, 1)" in svg
True
>>> unrolled_svg("en") == svg                      # deterministic
True
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np

from snippets.data import sine_windows, time_major
from snippets.elman import forward, init_params

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = {lang: ROOT / "docs" / lang / "img" / "unrolled.svg" for lang in ("en", "zh")}

TEXT = {
    "en": {
        "title": "The RNN unrolled over T time steps",
        "shared": "the same U, W (and b) at every time step; V and c once, on the last state",
        "h0": "starts as zeros",
        "output": "output at the last step only",
    },
    "zh": {
        "title": "按时间展开的 RNN（共 T 个时间步）",
        "shared": "每个时间步使用同一组 U、W（以及 b）；V 和 c 只在最后用一次",
        "h0": "初始为零向量",
        "output": "只在最后一个时间步输出",
    },
}


# --8<-- [start:shapes]
def diagram_shapes(H: int = 100) -> dict:
    """Run the standard RNN on one tutorial record; read every shape off the arrays."""
    params = init_params(H=H, D=1, O=1, rng=np.random.default_rng(0))
    X = time_major(sine_windows()[0][:1])          # one record: (T, D, B) = (50, 1, 1)
    S, y = forward(params, X)
    return {
        "T": X.shape[0],
        "x_t": X[0].shape, "h_t": S[0].shape, "y": y.shape,
        "U": params["U"].shape, "W": params["W"].shape, "V": params["V"].shape,
    }
# --8<-- [end:shapes]


def _fmt(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ")"


def unrolled_svg(lang: str = "en") -> str:
    """The SVG document (a string) for language ``lang`` ("en" or "zh")."""
    text, s = TEXT[lang], diagram_shapes()
    T = s["T"]
    steps = [1, 2, 3, T]
    xs = {0: 70, 1: 260, 2: 450, 3: 640, T: 900}  # column centres (0: h_0)
    hy, xy, yy, bw, bh = 200, 330, 64, 100, 50    # rows and box size
    out: list[str] = []

    def box(cx: int, cy: int, name: str, sub: str, shape: tuple[int, ...], cls: str) -> None:
        out.append(f'<rect class="{cls}" x="{cx - bw // 2}" y="{cy - bh // 2}" '
                   f'width="{bw}" height="{bh}" rx="8"/>')
        label = escape(name) + (f'<tspan class="sub" dy="4">{escape(sub)}</tspan>' if sub else "")
        out.append(f'<text x="{cx}" y="{cy - 5}">{label}</text>')
        out.append(f'<text class="shape" x="{cx}" y="{cy + 16}">{_fmt(shape)}</text>')

    def arrow(x1: int, y1: int, x2: int, y2: int, label: str, lx: int, ly: int) -> None:
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" marker-end="url(#arrow)"/>')
        out.append(f'<text class="weight" x="{lx}" y="{ly}">{escape(label)}</text>')

    box(xs[0], hy, "h", "0", s["h_t"], "state")
    out.append(f'<text class="note" x="{xs[0]}" y="{hy + bh // 2 + 20}">{escape(text["h0"])}</text>')
    dots = (xs[3] + xs[T]) // 2
    out.append(f'<text class="dots" x="{dots}" y="{hy + 8}">…</text>')
    for t, prev in zip(steps, [xs[0], xs[1], xs[2], dots]):
        cx = xs[t]
        box(cx, hy, "h", str(t), s["h_t"], "state")
        box(cx, xy, "x", str(t), s["x_t"], "input")
        arrow(cx, xy - bh // 2, cx, hy + bh // 2 + 2, f"U {_fmt(s['U'])}", cx + 50, (xy + hy) // 2 + 5)
        x1 = prev + (20 if prev == dots else bw // 2)
        arrow(x1, hy, cx - bw // 2 - 2, hy, f"W {_fmt(s['W'])}", (x1 + cx - bw // 2) // 2, hy - 34)
    box(xs[T], yy, "y", "", s["y"], "output")
    arrow(xs[T], hy - bh // 2, xs[T], yy + bh // 2 + 2, f"V {_fmt(s['V'])}", xs[T] + 50, (hy + yy) // 2 + 5)
    out.append(f'<text class="note" x="{xs[T] - 70}" y="{yy + 5}" style="text-anchor:end">'
               f'{escape(text["output"])}</text>')
    out.append(f'<text class="note" x="500" y="400">{escape(text["shared"])}</text>')

    head = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 420" width="1000" height="420" '
        f'role="img" aria-labelledby="title" lang="{lang}">\n'
        f'<title id="title">{escape(text["title"])}</title>\n'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/>'
        '</marker></defs>\n'
        '<style>'
        'text{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;'
        'font-size:14px;text-anchor:middle;fill:#222}'
        '.shape{font-size:12px;fill:#555}.weight{font-size:13px;fill:#8a2be2;font-weight:bold}'
        '.note{font-size:13px;fill:#444}.dots{font-size:28px}.sub{font-size:11px}'
        'line{stroke:#444;stroke-width:1.6}rect{stroke:#444;stroke-width:1.4}'
        '.state{fill:#dbeafe}.input{fill:#fef3c7}.output{fill:#dcfce7}'
        '</style>\n'
        '<rect x="0" y="0" width="1000" height="420" fill="#fff" stroke="none"/>\n'
    )
    return head + "\n".join(out) + "\n</svg>\n"


def write_all() -> list[Path]:
    """Write docs/en/img/unrolled.svg and docs/zh/img/unrolled.svg."""
    for lang, path in OUTPUTS.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(unrolled_svg(lang), encoding="utf-8")
    return list(OUTPUTS.values())


if __name__ == "__main__":
    for p in write_all():
        print(f"wrote {p.relative_to(ROOT)}")
