"""Pictures that answer: SVG figures and step-through frames, drawn from the arrays the pages run.

Every shape, column index and count of summed terms in a figure is read off an array produced by
snippets.tutorial, snippets.elman or the backward loop of snippets.bptt, so a picture cannot
disagree with the code. Regenerate the committed files (the SVGs in ``docs/<lang>/img/figures/``
and the Markdown blocks in ``includes/figures/<lang>/`` that the pages include) with
``uv run python -m snippets.figures``.

>>> from snippets.figures import forward_frames, bptt_frames, model_shapes
>>> shapes = model_shapes()
>>> shapes["tutorial"]["U"], shapes["standard"]["U"], shapes["standard"]["W"]
((100, 50), (100, 1), (100, 100))
>>> [(f["t"], f["column"], f["new_input"]) for f in forward_frames()]
[(1, 0, (50, 1)), (2, 1, (50, 1)), (3, 2, (50, 1)), (50, 49, (50, 1))]
>>> [(f["t"], f["terms"]) for f in bptt_frames()]        # (step, terms summed into dU and dW)
[(None, 0), (50, 1), (49, 2), (48, 3), (1, 50)]
>>> {(f["dU"], f["dW"]) for f in bptt_frames()}         # one dU, one dW: their shapes never change
{((100, 1), (100, 100))}
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from snippets.bptt import bptt
from snippets.data import sine_windows, time_major
from snippets.elman import forward, init_params
from snippets.tutorial import init_tutorial_params, position_input, sigmoid, tutorial_forward

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "zh")
SVG_DIR = {lang: ROOT / "docs" / lang / "img" / "figures" for lang in LANGS}
INCLUDE_DIR = {lang: ROOT / "includes" / "figures" / lang for lang in LANGS}
WIDTH = 400          # every figure is drawn for a 400-unit-wide box: about 1:1 on a phone
FONT = 14            # smallest text: 14 units, so 12.5 px or more at a phone's 358 px
RECORD = 1           # sin(1), ..., sin(50): no x[t] is zero, so new_input always shows its x[t]

COLOURS = {"U": "#fcd34d", "W": "#c4b5fd", "V": "#86efac", "b": "#fca5a5", "c": "#fca5a5",
           "vec": "#e5e7eb", "pick": "#ea580c", "grad": "#2563eb", "done": "#93c5fd"}

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(n: int) -> str:
    """12 -> '₁₂' (a subscript written as text, so it stays text in the SVG)."""
    return str(n).translate(SUB)


def fmt(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ")"


# --8<-- [start:frames]
def model_shapes(H: int = 100) -> dict[str, dict[str, tuple[int, ...]]]:
    """The shapes of both models' parameters, read off freshly initialised arrays."""
    tutorial = init_tutorial_params(np.random.default_rng(0), H=H)
    standard = init_params(H=H, D=1, O=1, rng=np.random.default_rng(0))
    return {"tutorial": {k: v.shape for k, v in tutorial.items()},
            "standard": {k: v.shape for k, v in standard.items()}}


def forward_frames(steps: tuple[int, ...] | None = None, H: int = 100) -> list[dict]:
    """One frame per step t (1-based, h_0 = 0): what each model computes at that step."""
    x = sine_windows()[0][RECORD]                               # one record (T, 1)
    tut = init_tutorial_params(np.random.default_rng(0), H=H)
    std = init_params(H=H, D=1, O=1, rng=np.random.default_rng(0))
    S_tut, _ = tutorial_forward(tut, x)                         # (T, H, 1)
    X = time_major(x[None])                                     # (T, D, B) = (T, 1, 1)
    S_std, _ = forward(std, X)
    T = len(x)
    frames = []
    for t in steps or (1, 2, 3, T):
        i = t - 1                                               # the code's index
        new_input = position_input(x, i)                        # (T, 1)
        column = int(np.flatnonzero(new_input)[0])              # the row x[i] was written to
        picked = tut["U"] @ new_input                           # (H, 1)
        prev = S_tut[i - 1] if i else np.zeros((H, 1))
        Wh = tut["W"] @ prev
        h = sigmoid(Wh + picked)
        if not (np.allclose(picked, tut["U"][:, [column]] * x[column]) and np.allclose(h, S_tut[i])):
            raise RuntimeError(f"step {t}: the tutorial's step does not match tutorial_forward")
        prev_std = S_std[i - 1] if i else np.zeros((H, 1))
        Ux = std["U"] @ X[i]
        h_std = np.tanh(Ux + std["W"] @ prev_std + std["b"])
        if not np.allclose(h_std, S_std[i]):
            raise RuntimeError(f"step {t}: the standard step does not match elman.forward")
        frames.append({
            "t": t, "T": T, "column": column,
            "U": tut["U"].shape, "W": tut["W"].shape, "V": tut["V"].shape,
            "new_input": new_input.shape, "picked": picked.shape, "Wh": Wh.shape, "h": h.shape,
            "std_U": std["U"].shape, "x_t": X[i].shape, "Ux": Ux.shape, "b": std["b"].shape,
            "h_std": h_std.shape, "y": (tut["V"] @ h).shape,
        })
    return frames


def bptt_frames(steps: tuple[int, ...] | None = None, H: int = 100) -> list[dict]:
    """The backward loop of snippets.bptt on one record, frame by frame: the gradient arriving at
    h_T (t None), then after the steps in ``steps``, with dU and dW summed so far."""
    x = sine_windows()[0][RECORD]
    X, Y = time_major(x[None]), np.sin(np.array([[RECORD + len(x)]], dtype=float))  # (T, 1, 1), (1, 1)
    params = init_params(H=H, D=1, O=1, rng=np.random.default_rng(0))
    W, V = params["W"], params["V"]
    S, y = forward(params, X)
    T = X.shape[0]
    dy = y - Y                                                  # dL/dy (O, B), B = 1
    dh = V.T @ dy                                               # dL/dh_T (H, 1)
    dU, dW = np.zeros_like(params["U"]), np.zeros_like(W)
    base = {"T": T, "dy": dy.shape, "dV": (dy @ S[-1].T).shape, "dc": dy.shape, "dh": dh.shape}
    frames = [{**base, "t": None, "terms": 0, "dU": dU.shape, "dW": dW.shape}]
    wanted = set(steps or (T, T - 1, T - 2, 1))
    for terms, t in enumerate(range(T, 0, -1), start=1):       # t = T, ..., 1
        i = t - 1
        delta = dh * (1.0 - S[i] ** 2)                          # back through tanh (H, 1)
        h_prev = S[i - 1] if i else np.zeros((H, 1))
        dU += delta @ X[i].T                                    # one term per step, same dU
        dW += delta @ h_prev.T                                  # one term per step, same dW
        dh = W.T @ delta                                        # back through W to h_{t-1}
        if t in wanted:
            frames.append({**base, "t": t, "terms": terms, "delta": delta.shape,
                           "dU": dU.shape, "dW": dW.shape, "dh_prev": dh.shape})
    _, grads = bptt(params, X, Y)
    if not (np.allclose(dU, grads["U"]) and np.allclose(dW, grads["W"])):
        raise RuntimeError("the frames' sums differ from snippets.bptt's gradients")
    return frames
# --8<-- [end:frames]


# ---------------------------------------------------------------- text of every figure

TEXT = {
    "en": {
        "glance_title": "U, W and V for the sine task",
        "tutorial": "The tutorial: U {U}",
        "standard": "Standard: U {U}",
        "tut_lines": ["one column", "per time step:", "step t uses", "column t"],
        "std_lines": ["one column,", "shared by all", "{T} steps"],
        "W_title": "W {W}: square",
        "W_lines": ["hidden state to", "hidden state,", "same in both models"],
        "V_title": "V {V}: h{T} to y",
        "glance_alt": ("The tutorial's U has shape {U_tut}, one column per time step: step t uses column t. "
                       "The standard RNN's U has shape {U_std}, one column shared by all {T} steps. "
                       "W {W} is square and V {V} maps the last hidden state to the output, in both models."),
        "glance_caption": ("**What the asker saw:** the tutorial's U {U_tut} has one column per time step "
                           "(step t multiplies x[t] by column t); the standard RNN's U {U_std} is one column "
                           "that every step shares. W {W} and V {V} are the same in both."),
        "step_title": "Step t = {t} of {T}   (t = {i} in the code)",
        "tut_panel": "The tutorial",
        "std_panel": "Standard RNN",
        "new_input": "new_input",
        "tut_text": ["U {U}: only column U[:, {c}] is used",
                     "new_input {new_input}: x[{c}] in row {c}, else 0",
                     "W {W} · h{p} {h} gives {Wh}",
                     "h{t} = σ(U · new_input + W · h{p}): {h}"],
        "std_text": ["U {std_U}: the same column at every step",
                     "x{t} {x_t}: the value x[{i}] itself",
                     "W · h{p} {Wh} + b {b}",
                     "h{t} = tanh(U · x{t} + W · h{p} + b): {h_std}"],
        "fwd_alt": ("Step {n} of {T}. Tutorial: U {U} with column {c} highlighted, new_input {new_input} "
                    "with x[{c}] in row {c}, W {W} times h{p} {h}, new state h{t} {h}. "
                    "Standard RNN: U {std_U}, the same at every step, times x{t} {x_t}, plus W · h{p} and b {b}, "
                    "new state {h_std}."),
        "fwd_change": {
            "first": "h{p} is all zeros, so W · h{p} adds nothing; x[{c}] sits in row {c} of new_input "
                     "and picks U[:, {c}]. The standard RNN multiplies x{t} by its only column.",
            "next": "x moves to row {c} of new_input, so the tutorial now uses U[:, {c}], another column; "
                    "the standard RNN uses the same U {std_U} again, and W {W} is the same in both.",
            "last": "The last column, U[:, {c}]: every step had its own. After this step the output "
                    "y = V · h{t} has shape {y}.",
        },
        "back_title_first": "Backward: the gradient arrives at h{T}",
        "back_title": "Backward, step t = {t}: {terms} of {T} terms summed",
        "states": "h₁ … h{T}: the gradient flows back through Wᵀ",
        "back_first": ["∂L/∂y = y − Y: {dy}",
                       "dV = ∂L/∂y · h{T}ᵀ: {dV}, dc: {dc}",
                       "∂L/∂h{T} = Vᵀ · ∂L/∂y: {dh}",
                       "dU {dU} and dW {dW}: zeros, 0 terms"],
        "back_step": ["δ{t} = ∂L/∂h{t} ⊙ (1 − h{t}²): {delta}",
                      "dU += δ{t} · x{t}ᵀ: {dU}, {terms} of {n} terms",
                      "dW += δ{t} · h{p}ᵀ: {dW}, {terms} of {n} terms",
                      "∂L/∂h{p} = Wᵀ · δ{t}: {dh_prev}"],
        "back_alt": ("{title}. Hidden states 1 to {T}, the ones the gradient has passed are filled. "
                     "dU {dU} and dW {dW} hold {terms} of {T} terms."),
        "back_change": {
            "first": "The loss sees only h{s}: its gradient arrives there through V, dV is {dV}, and "
                     "nothing has reached U or W yet.",
            "step": "Step {t} adds its term to the one dU {dU} and the one dW {dW} ({terms} of {T} so far), "
                    "then passes the gradient back through Wᵀ to h{p}.",
            "last": "All {T} terms are in: dU {dU} and dW {dW} are the gradients snippets.bptt returns, "
                    "one per matrix, summed over time.",
        },
        "terms": "{terms} of {T} terms summed",
        "scale_title": "Parameters to scale: 1 unit per row or column",
        "scale_tut": "The tutorial (T = {T})",
        "scale_std": "Standard RNN (D = {D})",
        "scale_none": "no b, c",
        "scale_caption": ("Drawn to scale: only W {W} is square; the tutorial's U {U_tut} grows a column "
                          "with every time step, the standard U {U_std} stays one column."),
        "scale_alt": ("Blocks with sides equal to the parameters' shapes. Tutorial: U {U_tut} is wide, "
                      "W {W} square, V {V} a thin row, no biases. Standard: U {U_std} a single column, "
                      "W {W} square, V {V}, b {b}, c {c}."),
    },
    "zh": {
        "glance_title": "正弦任务中的 U、W、V",
        "tutorial": "教程：U {U}",
        "standard": "标准 RNN：U {U}",
        "tut_lines": ["每个时间步", "一列：", "第 t 步用", "第 t 列"],
        "std_lines": ["只有一列，", "{T} 个时间步", "共用"],
        "W_title": "W {W}：方阵",
        "W_lines": ["隐状态到隐状态，", "两种模型相同"],
        "V_title": "V {V}：h{T} 到 y",
        "glance_alt": ("教程的 U 形状为 {U_tut}，每个时间步一列：第 t 步用第 t 列。"
                       "标准 RNN 的 U 形状为 {U_std}，{T} 个时间步共用这一列。"
                       "两种模型中 W {W} 都是方阵，V {V} 把最后的隐状态映射到输出。"),
        "glance_caption": ("**提问者看到的：**教程的 U {U_tut} 每个时间步一列（第 t 步把 x[t] 乘以第 t 列）；"
                           "标准 RNN 的 U {U_std} 只有一列，所有时间步共用。两者的 W {W} 和 V {V} 相同。"),
        "step_title": "第 t = {t} 步，共 {T} 步（代码中 t = {i}）",
        "tut_panel": "教程",
        "std_panel": "标准 RNN",
        "new_input": "new_input",
        "tut_text": ["U {U}：只用到 U[:, {c}] 这一列",
                     "new_input {new_input}：第 {c} 行是 x[{c}]，其余为 0",
                     "W {W} · h{p} {h} 得到 {Wh}",
                     "h{t} = σ(U · new_input + W · h{p})：{h}"],
        "std_text": ["U {std_U}：每一步都是同一列",
                     "x{t} {x_t}：就是 x[{i}] 本身",
                     "W · h{p} {Wh} + b {b}",
                     "h{t} = tanh(U · x{t} + W · h{p} + b)：{h_std}"],
        "fwd_alt": ("第 {n} 步，共 {T} 步。教程：U {U} 中第 {c} 列高亮，new_input {new_input} 的第 {c} 行是 x[{c}]，"
                    "W {W} 乘以 h{p} {h}，新的隐状态 h{t} {h}。"
                    "标准 RNN：每一步相同的 U {std_U} 乘以 x{t} {x_t}，加上 W · h{p} 和 b {b}，新的隐状态 {h_std}。"),
        "fwd_change": {
            "first": "h{p} 全为零，W · h{p} 不起作用；x[{c}] 位于 new_input 的第 {c} 行，选中 U[:, {c}]。"
                     "标准 RNN 用它唯一的一列乘以 x{t}。",
            "next": "x 移到 new_input 的第 {c} 行，教程改用 U[:, {c}]，换了一列；"
                    "标准 RNN 仍用同一个 U {std_U}，两者的 W {W} 也相同。",
            "last": "最后一列 U[:, {c}]：每一步都有自己的一列。这一步之后输出 y = V · h{t}，形状为 {y}。",
        },
        "back_title_first": "反向：梯度到达 h{T}",
        "back_title": "反向，第 t = {t} 步：已累加 {terms}/{T} 项",
        "states": "隐状态 h₁ … h{T}，梯度经 Wᵀ 从右向左传",
        "back_first": ["∂L/∂y = y − Y：{dy}",
                       "dV = ∂L/∂y · h{T}ᵀ：{dV}，dc：{dc}",
                       "∂L/∂h{T} = Vᵀ · ∂L/∂y：{dh}",
                       "dU {dU} 与 dW {dW}：全零，0 项"],
        "back_step": ["δ{t} = ∂L/∂h{t} ⊙ (1 − h{t}²)：{delta}",
                      "dU += δ{t} · x{t}ᵀ：{dU}，{terms}/{n} 项",
                      "dW += δ{t} · h{p}ᵀ：{dW}，{terms}/{n} 项",
                      "∂L/∂h{p} = Wᵀ · δ{t}：{dh_prev}"],
        "back_alt": ("{title}。隐状态 1 到 {T}，梯度已经过的已填色。dU {dU} 与 dW {dW} 已累加 {terms}/{T} 项。"),
        "back_change": {
            "first": "损失只看到 h{s}：梯度经 V 到达这里，dV 的形状为 {dV}；U 和 W 还没有收到梯度。",
            "step": "第 {t} 步把它的一项加到唯一的 dU {dU} 和唯一的 dW {dW} 上（已有 {terms}/{T} 项），"
                    "再经 Wᵀ 把梯度传回 h{p}。",
            "last": "{T} 项全部加完：dU {dU} 与 dW {dW} 就是 snippets.bptt 返回的梯度，每个矩阵一个，按时间求和。",
        },
        "terms": "已累加 {terms}/{T} 项",
        "scale_title": "按比例画出的参数：每行、每列一个单位",
        "scale_tut": "教程（T = {T}）",
        "scale_std": "标准 RNN（D = {D}）",
        "scale_none": "没有 b、c",
        "scale_caption": ("按比例画出：只有 W {W} 是方阵；教程的 U {U_tut} 每多一个时间步就多一列，"
                          "标准 RNN 的 U {U_std} 始终只有一列。"),
        "scale_alt": ("边长等于参数形状的方块。教程：U {U_tut} 较宽，W {W} 为方阵，V {V} 是细长的一行，没有偏置。"
                      "标准 RNN：U {U_std} 只有一列，W {W} 为方阵，V {V}，b {b}，c {c}。"),
    },
}


# ---------------------------------------------------------------- drawing

def text_width(s: str, size: float) -> float:
    """A generous estimate of the width of ``s`` at font size ``size`` (CJK and full-width: 1 em)."""
    em = 0.0
    for ch in s:
        if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f":
            em += 1.0
        elif ch == " ":
            em += 0.3
        elif ch in "il.,:;|![]()'ʼ·":
            em += 0.33
        elif ch.isupper() or ch in "mwδ∂⊙σ—−+=":
            em += 0.7
        else:
            em += 0.58
    return em * size


class Svg:
    """A small SVG writer that refuses text running outside its box."""

    def __init__(self, width: int, height: int, lang: str, title: str) -> None:
        self.width, self.height, self.lang, self.title = width, height, lang, title
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, stroke: str = "#374151",
             extra: str = "") -> None:
        self.parts.append(f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="{fill}" '
                          f'stroke="{stroke}" stroke-width="0.8"{extra}/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: str = "#374151",
             arrow: bool = False, width: float = 1.2) -> None:
        end = ' marker-end="url(#arrow)"' if arrow else ""
        self.parts.append(f'<line x1="{x1:g}" y1="{y1:g}" x2="{x2:g}" y2="{y2:g}" stroke="{colour}" '
                          f'stroke-width="{width:g}"{end}/>')

    def text(self, x: float, y: float, s: str, size: float = FONT, anchor: str = "start",
             bold: bool = False, colour: str = "#111827") -> None:
        w = text_width(s, size)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
        if left < 2 or left + w > self.width - 2:
            raise ValueError(f"text runs outside the {self.width}-unit figure: {s!r} ({left:.0f} to {left + w:.0f})")
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(f'<text x="{x:g}" y="{y:g}" font-size="{size:g}" text-anchor="{anchor}" '
                          f'fill="{colour}"{weight}>{escape(s)}</text>')

    def render(self) -> str:
        family = ('"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",'
                  '"DejaVu Sans",sans-serif')
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img" lang="{self.lang}" '
            f'font-family={quoteattr(family)}>\n'
            f'<title>{escape(self.title)}</title>\n'
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
            f'markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{COLOURS["grad"]}"/>'
            '</marker></defs>\n'
            # An explicit light card: the figure reads the same on the light and the dark palette.
            f'<rect x="0" y="0" width="{self.width}" height="{self.height}" rx="10" fill="#ffffff" '
            'stroke="#d1d5db"/>\n'
            + "\n".join(self.parts) + "\n</svg>\n")


def _fill(strings, **values) -> list[str]:
    return [s.format(**values) for s in strings]


def glance_svg(lang: str) -> str:
    """The answer at a glance: both U's, W and V, shapes read off the arrays."""
    tx, s = TEXT[lang], model_shapes()
    tut, std = s["tutorial"], s["standard"]
    k = 1.2                                                    # units per row or column
    H, T = tut["U"]
    width = 360                                                # drawn 1:1 on a 390 px phone
    fig = Svg(width, round(72 + 2 * H * k + 48 + 18), lang, tx["glance_title"])
    fig.text(width / 2, 26, tx["glance_title"], 17, "middle", bold=True)
    top = 72
    fig.text(16, top - 16, tx["tutorial"].format(U=fmt(tut["U"])), 15, bold=True)
    fig.rect(20, top, T * k, H * k, COLOURS["U"])
    for j in range(1, T, 2):                                   # one stripe per column, to scale
        fig.parts.append(f'<rect x="{20 + j * k:g}" y="{top}" width="{k:g}" height="{H * k:g}" '
                         'fill="#f59e0b" fill-opacity="0.35"/>')
    pick = 2                                                   # an example step's column, marked t
    fig.rect(20 + pick * k - 0.6, top, k + 1.2, H * k, COLOURS["pick"], stroke="none")
    fig.text(20 + pick * k + k / 2, top - 2, "t", 12, "middle", bold=True, colour=COLOURS["pick"])
    for n, line in enumerate(tx["tut_lines"]):
        fig.text(20 + T * k + 10, top + 18 + n * 19, line)
    left2 = 196
    fig.text(left2, top - 16, tx["standard"].format(U=fmt(std["U"])), 15, bold=True)
    fig.rect(left2 + 4, top, max(std["U"][1] * k, 4), H * k, COLOURS["pick"])
    for n, line in enumerate(tx["std_lines"]):
        fig.text(left2 + 16, top + 18 + n * 19, line.format(T=T))
    top2 = top + H * k + 48
    fig.text(16, top2 - 12, tx["W_title"].format(W=fmt(tut["W"])), 15, bold=True)
    fig.rect(20, top2, tut["W"][1] * k, tut["W"][0] * k, COLOURS["W"])
    right = 20 + tut["W"][1] * k + 14
    for n, line in enumerate(tx["W_lines"]):
        fig.text(right, top2 + 16 + n * 19, line)
    vy = top2 + 80
    fig.text(right, vy, tx["V_title"].format(V=fmt(tut["V"]), T=sub(T)), 15, bold=True)
    fig.rect(right, vy + 10, tut["V"][1] * k, max(tut["V"][0] * k, 4), COLOURS["V"])
    return fig.render()


def _glance_values() -> dict:
    s = model_shapes()
    return {"U_tut": fmt(s["tutorial"]["U"]), "U_std": fmt(s["standard"]["U"]),
            "W": fmt(s["standard"]["W"]), "V": fmt(s["standard"]["V"]), "T": s["tutorial"]["U"][1],
            "b": fmt(s["standard"]["b"]), "c": fmt(s["standard"]["c"]), "D": s["standard"]["U"][1]}


def _vector(fig: Svg, x: float, y: float, n: int, k: float, fill: str = COLOURS["vec"]) -> None:
    """A column vector of n entries, n * k tall."""
    fig.rect(x, y, 5, n * k, fill)


def forward_svg(frame: dict, lang: str) -> str:
    """One frame of the forward loop: the tutorial's step above, the standard step below."""
    tx, f = TEXT[lang], frame
    H, T = f["U"]
    k = 1.0
    t, i, c = f["t"], f["t"] - 1, f["column"]
    v = {**{key: fmt(val) for key, val in f.items() if isinstance(val, tuple)},
         "t": sub(t), "p": sub(t - 1), "i": i, "c": c}
    title = tx["step_title"].format(t=t, T=T, i=i)
    panel_h = 24 + H * k + 34 + 4 * 19 + 14                      # title, picture, names, four lines
    fig = Svg(WIDTH, round(44 + 2 * panel_h), lang, title)
    fig.text(WIDTH / 2, 24, title, 15, "middle", bold=True)

    def picture(top: float, tutorial: bool) -> None:
        x = 14
        names = []
        if tutorial:
            fig.rect(x, top, T * k, H * k, COLOURS["U"])
            fig.rect(x + c * k - 0.5, top, k + 1, H * k, COLOURS["pick"], stroke="none")
            names.append((x + T * k / 2, "U"))
            x += T * k + 14
            fig.text(x - 7, top + H * k / 2 + 5, "·", 16, "middle")
            fig.rect(x, top, 6, f["new_input"][0] * k, "#ffffff")
            fig.rect(x, top + c * k - 0.5, 6, k + 1, COLOURS["pick"], stroke="none")
            fig.line(x, top + c * k + k / 2, x - 14 - (T - 1 - c) * k, top + c * k + k / 2, COLOURS["pick"], width=0.8)
            names.append((x + 3, tx["new_input"]))
            x += 6 + 18
        else:
            fig.rect(x + 24, top, 5, H * k, COLOURS["pick"])
            names.append((x + 26, "U"))
            x += 24 + 5 + 14
            fig.text(x - 7, top + H * k / 2 + 5, "·", 16, "middle")
            fig.rect(x, top, 5, 5, COLOURS["vec"])
            names.append((x + 3, "x" + v["t"]))
            x += 5 + 40
        fig.text(x - 9, top + H * k / 2 + 5, "+", 16, "middle")
        fig.rect(x, top, H * k, H * k, COLOURS["W"])
        names.append((x + H * k / 2, "W"))
        x += H * k + 14
        fig.text(x - 7, top + H * k / 2 + 5, "·", 16, "middle")
        _vector(fig, x, top, H, k)
        names.append((x + 2.5, "h" + v["p"]))
        x += 5 + 14
        if not tutorial:
            fig.text(x - 7, top + H * k / 2 + 5, "+", 16, "middle")
            fig.rect(x, top, 5, H * k, COLOURS["b"])
            names.append((x + 2.5, "b"))
            x += 5 + 14
        fig.line(x - 10, top + H * k / 2, x + 8, top + H * k / 2, arrow=True)
        x += 16
        _vector(fig, x, top, H, k, COLOURS["done"])
        names.append((x + 2.5, "h" + v["t"]))
        for cx, name in names:
            fig.text(cx, top + H * k + 17, name, FONT, "middle")

    for n, (panel, tutorial, lines) in enumerate(
            [(tx["tut_panel"], True, tx["tut_text"]), (tx["std_panel"], False, tx["std_text"])]):
        top = 40 + n * panel_h
        fig.text(14, top + 14, panel, 15, bold=True, colour="#9a3412" if tutorial else "#1e40af")
        picture(top + 24, tutorial)
        for m, line in enumerate(_fill(lines, **v)):
            fig.text(14, top + 24 + H * k + 38 + m * 19, line)
    return fig.render()


def forward_change(frame: dict, lang: str, first: bool, last: bool) -> str:
    tx, f = TEXT[lang], frame
    v = {**{key: fmt(val) for key, val in f.items() if isinstance(val, tuple)},
         "t": sub(f["t"]), "p": sub(f["t"] - 1), "c": f["column"]}
    key = "first" if first else "last" if last else "next"
    return tx["fwd_change"][key].format(**v)


def bptt_svg(frame: dict, lang: str) -> str:
    """One frame of backpropagation through time: where the gradient is, what dU and dW hold."""
    tx, f = TEXT[lang], frame
    T, t, terms = f["T"], f["t"], f["terms"]
    v = {**{key: fmt(val) for key, val in f.items() if isinstance(val, tuple)},
         "T": sub(T), "n": T, "terms": terms}
    if t is None:
        title, lines = tx["back_title_first"].format(T=sub(T)), _fill(tx["back_first"], **v)
    else:
        v.update(t=sub(t), p=sub(t - 1))
        title = tx["back_title"].format(t=t, terms=terms, T=T)
        lines = _fill(tx["back_step"], **v)
    k, H = 1.0, f["dW"][0]                                     # accumulators: 1 unit per row or column
    top, base = 56, 132
    fig = Svg(WIDTH, round(base + H * k + 48 + 3 * 21 + 18), lang, title)
    fig.text(WIDTH / 2, 24, title, 15, "middle", bold=True)
    # The T hidden states as a row of cells; the gradient has passed the filled ones.
    cell = (WIDTH - 40) / T
    for j in range(1, T + 1):
        passed = t is not None and j >= t
        here = (t is None and j == T) or j == t
        fill = COLOURS["pick"] if here else COLOURS["done"] if passed else "#f3f4f6"
        fig.rect(20 + (j - 1) * cell, top, cell - 1, 22, fill, stroke="#9ca3af")
    fig.text(20, top - 8, "h₁", FONT)
    fig.text(WIDTH - 20, top - 8, "h" + sub(T), FONT, "end")
    at = T if t is None else t
    xa = 20 + (at - 1) * cell
    if at > 1:
        fig.line(xa - 2, top + 34, max(xa - 40, 22), top + 34, COLOURS["grad"], arrow=True, width=2)
    fig.text(WIDTH / 2, top + 56, tx["states"].format(T=sub(T)), 13 if lang == "en" else FONT, "middle")
    # dU and dW to scale, filled as far as the sum over the steps has come.
    share = terms / T
    for x, name, (rows, cols) in [(20, "dU", f["dU"]), (60, "dW", f["dW"])]:
        w, h = max(cols * k, 5), rows * k
        fig.rect(x, base, w, h, "#ffffff")
        fill_h = h * share
        if fill_h:
            fig.rect(x, base + h - fill_h, w, fill_h, COLOURS["grad"], stroke="none", extra=' fill-opacity="0.55"')
        fig.text(x + w / 2, base + h + 16, name, FONT, "middle")
    legend = [f"dU {v['dU']}", f"dW {v['dW']}", tx["terms"].format(terms=terms, T=T)]
    for m, line in enumerate(legend):
        fig.text(180, base + 24 + m * 24, line, 15 if m < 2 else FONT, bold=m < 2)
    for m, line in enumerate(lines):
        fig.text(14, base + H * k + 48 + m * 21, line)
    return fig.render()


def bptt_change(frame: dict, lang: str, last: bool) -> str:
    tx, f = TEXT[lang], frame
    v = {**{key: fmt(val) for key, val in f.items() if isinstance(val, tuple)},
         "T": f["T"], "s": sub(f["T"]), "terms": f["terms"]}
    if f["t"] is None:
        return tx["back_change"]["first"].format(**v)
    v.update(t=f["t"], p=sub(f["t"] - 1))
    return tx["back_change"]["last" if last else "step"].format(**v)


def scale_svg(lang: str) -> str:
    """U, W, V, b, c as blocks whose sides are their dimensions, for both models."""
    tx, s, g = TEXT[lang], model_shapes(), _glance_values()
    k = 1.0
    fig = Svg(WIDTH, 390, lang, tx["scale_title"])
    fig.text(WIDTH / 2, 24, tx["scale_title"], 15, "middle", bold=True)
    rows = [(tx["scale_tut"].format(T=g["T"]), s["tutorial"]), (tx["scale_std"].format(D=g["D"]), s["standard"])]
    for n, (label, params) in enumerate(rows):
        top = 62 + n * 170
        fig.text(14, top - 12, label, 15, bold=True)
        x_prev_label, x = 0.0, 16.0
        for name in "UWVbc":
            if name not in params:
                continue
            r, c = params[name]
            w, h = max(c * k, 3), max(r * k, 3)
            shape_w = text_width(fmt(params[name]), 13)
            half = max(w, shape_w) / 2
            centre = max(x + w / 2, x_prev_label + half + 8)
            fig.rect(centre - w / 2, top, w, h, COLOURS[name])
            fig.text(centre, top + 100 * k + 18, name, FONT, "middle", bold=True)
            fig.text(centre, top + 100 * k + 34, fmt(params[name]), 13, "middle")
            x_prev_label, x = centre + half, centre + w / 2 + 16
        if "b" not in params:
            fig.text(x + 4, top + 40, tx["scale_none"], 13)
    return fig.render()


# ---------------------------------------------------------------- the Markdown blocks the pages include

def _frames_md(name: str, images: list[tuple[str, str, str]]) -> str:
    """A pymdownx.tabbed set, one tab per frame: (tab label, alt text, one-line change)."""
    out = [f'<div class="frames" markdown data-frames="{name}">', ""]
    for n, (label, alt, change) in enumerate(images, start=1):
        out += [f'=== "<{n}> {label}"', "",
                f"    ![{alt}](img/figures/{name}-{n}.svg){{ width=\"480\" loading=lazy }}", "",
                f"    {change}", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def outputs() -> dict[Path, str]:
    """Every committed file this module writes: path -> content."""
    files: dict[Path, str] = {}
    fwd, back = forward_frames(), bptt_frames()
    for lang in LANGS:
        tx, g = TEXT[lang], _glance_values()
        svg, inc = SVG_DIR[lang], INCLUDE_DIR[lang]
        files[svg / "glance.svg"] = glance_svg(lang)
        files[inc / "glance.md"] = (
            '<figure class="glance" markdown="span">\n'
            f'  ![{tx["glance_alt"].format(**g)}](img/figures/glance.svg){{ width="440" }}\n'
            f'  <figcaption markdown="span">{tx["glance_caption"].format(**g)}</figcaption>\n'
            '</figure>\n')
        files[svg / "scale.svg"] = scale_svg(lang)
        files[inc / "scale.md"] = (
            '<figure markdown="span">\n'
            f'  ![{tx["scale_alt"].format(**g)}](img/figures/scale.svg){{ width="440" loading=lazy }}\n'
            f'  <figcaption>{escape(tx["scale_caption"].format(**g))}</figcaption>\n'
            '</figure>\n')
        tabs = []
        for n, f in enumerate(fwd, start=1):
            files[svg / f"forward-{n}.svg"] = forward_svg(f, lang)
            v = {**{key: fmt(val) for key, val in f.items() if isinstance(val, tuple)},
                 "t": sub(f["t"]), "p": sub(f["t"] - 1), "c": f["column"], "T": f["T"]}
            alt = tx["fwd_alt"].format(**v, n=f["t"])
            tabs.append((f"t = {f['t']}", alt, forward_change(f, lang, n == 1, n == len(fwd))))
        files[inc / "forward.md"] = _frames_md("forward", tabs)
        tabs = []
        for n, f in enumerate(back, start=1):
            files[svg / f"bptt-{n}.svg"] = bptt_svg(f, lang)
            last = n == len(back)
            title = (tx["back_title_first"].format(T=sub(f["T"])) if f["t"] is None else
                     tx["back_title"].format(t=f["t"], terms=f["terms"], T=f["T"]))
            alt = tx["back_alt"].format(title=title, T=f["T"], terms=f["terms"], dU=fmt(f["dU"]), dW=fmt(f["dW"]))
            label = f"h{sub(f['T'])}" if f["t"] is None else f"t = {f['t']}"
            tabs.append((label, alt, bptt_change(f, lang, last)))
        files[inc / "bptt.md"] = _frames_md("bptt", tabs)
    return files


def write_all() -> list[Path]:
    """Write every figure and include; return the paths."""
    for path, content in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return list(outputs())


if __name__ == "__main__":
    for p in write_all():
        print(f"wrote {p.relative_to(ROOT)}")
