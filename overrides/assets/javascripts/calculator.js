// Shape and parameter calculator of docs/*/calculator.md: plain JavaScript, no network.
// Inputs come from the URL query and go back to it (history.replaceState). Everything is built
// with DOM calls and textContent, so no input can ever become HTML. The shapes mirror
// snippets/param_shapes.py; tests/test_calculator.py compares this page with it.
(() => {
  "use strict";
  const root = document.getElementById("rnn-calculator");
  if (!root) return;

  const CONVENTIONS = ["site", "tutorial", "pytorch", "keras", "d2l"];
  const SIZES = ["D", "H", "O", "T", "B"];
  const DEFAULTS = { convention: "site", D: 1, H: 100, O: 1, T: 50, B: 100, layers: 1,
    bidirectional: 0, batch_first: 0, return_sequences: 0 };
  const USES = {
    site: SIZES,
    tutorial: ["H", "O", "T"],
    pytorch: [...SIZES, "layers", "bidirectional", "batch_first"],
    keras: [...SIZES, "layers", "return_sequences"],
    d2l: SIZES,
  };
  const MAX_SIZE = 1000000, MAX_LAYERS = 100;   // every count stays far below 2^53
  const FIELDS = [
    { key: "convention", kind: "choice" },
    ...SIZES.map((key) => ({ key, kind: "int", max: MAX_SIZE })),
    { key: "layers", kind: "int", max: MAX_LAYERS },
    { key: "bidirectional", kind: "flag" },
    { key: "batch_first", kind: "flag" },
    { key: "return_sequences", kind: "flag" },
  ];

  const STRINGS = {
    en: {
      legend: "Your model",
      conventions: { site: "this site: U, W, V, b, c", tutorial: "the tutorial: U has T columns",
        pytorch: "PyTorch: nn.RNN + nn.Linear", keras: "Keras: SimpleRNN + Dense",
        d2l: "d2l: RNN from scratch" },
      labels: { convention: "Convention", D: "D, input features", H: "H, hidden units",
        O: "O, outputs", T: "T, time steps", B: "B, batch size", layers: "layers, stacked",
        bidirectional: "bidirectional", batch_first: "batch_first",
        return_sequences: "return_sequences of the last layer" },
      errors: {
        empty: (k) => `${k}: enter a value.`,
        integer: (k) => `${k}: enter a whole number, such as 100.`,
        range: (k, hi) => `${k}: enter a whole number from 1 to ${hi}.`,
        flag: (k) => `${k}: use 0 or 1.`,
        convention: () => `convention: use one of ${CONVENTIONS.join(", ")}.`,
      },
      kept: "Not updated: correct the marked input. The result below is for the last valid inputs.",
      tutorialNote: "The tutorial's model reads one record at a time with one value per step, so D and B do not apply.",
      code: "The model in code",
      params: "Parameters",
      pcols: ["layer", "name", "formula", "shape", "count", "in terms of U, W, V"],
      tensors: "Data",
      tcols: ["name", "formula", "shape", "what it is"],
      total: "Total parameters:",
      diagram: "The RNN unrolled over T time steps",
      shared: "the same weights at every time step",
      h0: "starts as zeros",
      lastOnly: "output at the last step only",
      everyStep: "an output at every step",
      backward: "each layer also runs backwards (…_reverse, same shapes); output puts both directions side by side",
      layer: (n) => `layer ${n}`,
      maps: {
        in: "U: input → hidden layer", rec: "W: previous hidden state → hidden layer", bias: "b",
        out: "V: hidden state → output",
        outBias: "c", inT: "Uᵀ (rows: inputs)", recT: "Wᵀ", outT: "Vᵀ",
        torchBias: "b = bias_ih + bias_hh", tutorialU: "not U: one column per time step",
        upper: (s) => `${s}, of a higher layer: its input is the hidden state of the layer below`,
        reverse: (s) => `${s}, backward direction`,
      },
      meaning: {
        site: { input: "X: the batch, time first", S: "every hidden state h_t", y: "y = V h_T + c" },
        tutorial: { input: "x: one record", new_input: "step t's input: T zeros, x[t] at position t",
          S: "every hidden state of the record", y: "output at the last step" },
        pytorch: { input: "input", output: "h_t of the last layer at every step",
          h_n: "the last h_t of every layer and direction", y: "linear(output at the last step)" },
        keras: { input: "the model's input", rnn_output: "what the last SimpleRNN returns",
          y: "the model's output (Dense)" },
        d2l: { input: "X", outputs: "every H_t, stacked", y: "output layer on the last H_t" },
      },
    },
    zh: {
      legend: "你的模型",
      conventions: { site: "本站：U、W、V、b、c", tutorial: "教程：U 有 T 列",
        pytorch: "PyTorch：nn.RNN + nn.Linear", keras: "Keras：SimpleRNN + Dense",
        d2l: "d2l：从零实现的 RNN" },
      labels: { convention: "记号约定", D: "D，输入特征数", H: "H，隐藏单元数",
        O: "O，输出数", T: "T，时间步数", B: "B，批量大小", layers: "层数（堆叠）",
        bidirectional: "bidirectional（双向）", batch_first: "batch_first（批量维在前）",
        return_sequences: "最后一层的 return_sequences" },
      errors: {
        empty: (k) => `${k}：请输入一个值。`,
        integer: (k) => `${k}：请输入整数，例如 100。`,
        range: (k, hi) => `${k}：请输入 1 到 ${hi} 之间的整数。`,
        flag: (k) => `${k}：只能是 0 或 1。`,
        convention: () => `convention：只能是 ${CONVENTIONS.join("、")} 之一。`,
      },
      kept: "没有更新：请改正标出的输入。下面仍是最后一组有效输入的结果。",
      tutorialNote: "教程的模型一次处理一条记录，每个时间步只有一个输入值，所以 D 和 B 不适用。",
      code: "对应的代码",
      params: "参数",
      pcols: ["层", "名称", "公式", "形状", "个数", "对应的 U、W、V"],
      tensors: "数据",
      tcols: ["名称", "公式", "形状", "含义"],
      total: "参数总数：",
      diagram: "按时间展开的 RNN（共 T 个时间步）",
      shared: "每个时间步使用同一组权重",
      h0: "初始为零向量",
      lastOnly: "只在最后一个时间步输出",
      everyStep: "每个时间步都有输出",
      backward: "每层还反向运行一遍（…_reverse，形状相同）；output 把两个方向并排放在一起",
      layer: (n) => `第 ${n} 层`,
      maps: {
        in: "U：输入 → 隐藏层", rec: "W：上一时间步的隐状态 → 隐藏层", bias: "b", out: "V：隐状态 → 输出",
        outBias: "c", inT: "Uᵀ（行对应输入）", recT: "Wᵀ", outT: "Vᵀ",
        torchBias: "b = bias_ih + bias_hh", tutorialU: "不是 U：每个时间步一列",
        upper: (s) => `${s}，属于上层：输入是下面一层的隐状态`,
        reverse: (s) => `${s}，反向`,
      },
      meaning: {
        site: { input: "X：一个批量，时间维在前", S: "每个时间步的隐状态 h_t", y: "y = V h_T + c" },
        tutorial: { input: "x：一条记录", new_input: "第 t 步的输入：T 个零，第 t 个位置是 x[t]",
          S: "这条记录每个时间步的隐状态", y: "最后一个时间步的输出" },
        pytorch: { input: "input", output: "最后一层每个时间步的 h_t",
          h_n: "每层、每个方向最后的 h_t", y: "linear(最后一个时间步的 output)" },
        keras: { input: "模型的输入", rnn_output: "最后一个 SimpleRNN 的返回值",
          y: "模型的输出（Dense）" },
        d2l: { input: "X", outputs: "每个时间步的 H_t，堆叠起来", y: "输出层作用于最后的 H_t" },
      },
    },
  };
  const lang = (document.documentElement.lang || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
  const S = STRINGS[lang];
  const fmt = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US");

  // ------------------------------------------------------------------ the models
  // A parameter: [layer, name, formula, role]; a data tensor: [name, formula].
  function specs(v) {
    const wide = v.bidirectional ? "2·H" : "H";
    if (v.convention === "site") {
      return { params: [["", "U", ["H", "D"], "in"], ["", "W", ["H", "H"], "rec"],
        ["", "V", ["O", "H"], "out"], ["", "b", ["H", "1"], "bias"], ["", "c", ["O", "1"], "outBias"]],
      tensors: [["input", ["T", "D", "B"]], ["S", ["T", "H", "B"]], ["y", ["O", "B"]]] };
    }
    if (v.convention === "tutorial") {
      return { params: [["", "U", ["H", "T"], "tutorialU"], ["", "W", ["H", "H"], "rec"],
        ["", "V", ["O", "H"], "out"]],
      tensors: [["input", ["T", "1"]], ["new_input", ["T", "1"]], ["S", ["T", "H", "1"]], ["y", ["O", "1"]]] };
    }
    if (v.convention === "pytorch") {
      const params = [];
      for (let k = 0; k < v.layers; k++) {
        for (const suffix of v.bidirectional ? ["", "_reverse"] : [""]) {
          const extra = { k, reverse: suffix !== "" };
          params.push(["rnn", `weight_ih_l${k}${suffix}`, ["H", k === 0 ? "D" : wide], "in", extra],
            ["rnn", `weight_hh_l${k}${suffix}`, ["H", "H"], "rec", extra],
            ["rnn", `bias_ih_l${k}${suffix}`, ["H"], "torchBias", extra],
            ["rnn", `bias_hh_l${k}${suffix}`, ["H"], "torchBias", extra]);
        }
      }
      params.push(["linear", "weight", ["O", wide], "out"], ["linear", "bias", ["O"], "outBias"]);
      const seq = v.batch_first ? ["B", "T"] : ["T", "B"];
      return { params, tensors: [["input", [...seq, "D"]], ["output", [...seq, wide]],
        ["h_n", [v.bidirectional ? "2·L" : "L", "B", "H"]], ["y", ["B", "O"]]] };
    }
    if (v.convention === "keras") {
      const params = [];
      for (let i = 0; i < v.layers; i++) {
        const layer = "simple_rnn" + (i ? `_${i}` : ""), extra = { k: i, reverse: false };
        params.push([layer, "kernel", [i === 0 ? "D" : "H", "H"], "inT", extra],
          [layer, "recurrent_kernel", ["H", "H"], "recT", extra], [layer, "bias", ["H"], "bias", extra]);
      }
      params.push(["dense", "kernel", ["H", "O"], "outT"], ["dense", "bias", ["O"], "outBias"]);
      const steps = v.return_sequences ? ["B", "T"] : ["B"];
      return { params, tensors: [["input", ["B", "T", "D"]], ["rnn_output", [...steps, "H"]],
        ["y", [...steps, "O"]]] };
    }
    return { params: [["", "W_xh", ["D", "H"], "inT"], ["", "W_hh", ["H", "H"], "recT"],
      ["", "b_h", ["H"], "bias"], ["", "W_hq", ["H", "O"], "outT"], ["", "b_q", ["O"], "outBias"]],
    tensors: [["input", ["T", "B", "D"]], ["outputs", ["T", "B", "H"]], ["y", ["B", "O"]]] };
  }

  const factor = (f, v) => (/^\d+$/.test(f) ? Number(f) : v[f === "L" ? "layers" : f]);
  const evaluate = (formula, v) => formula.map((axis) => axis.split("·").reduce((n, f) => n * factor(f, v), 1));
  const product = (shape) => shape.reduce((a, b) => a * b, 1);

  function model(v) {
    const { params, tensors } = specs(v);
    const ps = params.map(([layer, name, formula, role, extra]) =>
      ({ layer, name, formula, role, ...(extra || {}), shape: evaluate(formula, v) }));
    const ts = tensors.map(([name, formula]) => ({ name, formula, shape: evaluate(formula, v) }));
    return { params: ps, tensors: ts, total: ps.reduce((n, p) => n + product(p.shape), 0) };
  }

  // Same rule as param_shapes.total_formula: equal products collected, numbers in front.
  function totalTerms(m) {
    const terms = new Map();
    for (const p of m.params) {
      const factors = p.formula.flatMap((axis) => axis.split("·"));
      const symbols = factors.filter((f) => !/^\d+$/.test(f)).join("·");
      const n = factors.filter((f) => /^\d+$/.test(f)).reduce((a, f) => a * Number(f), 1);
      terms.set(symbols, (terms.get(symbols) || 0) + n);
    }
    return [...terms].map(([t, n]) => (n > 1 ? `${n}·${t}` : t));
  }

  // ------------------------------------------------------------------ small DOM helpers
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, val] of Object.entries(attrs || {})) node.setAttribute(k, String(val));
    for (const c of children) node.append(c);   // strings become text nodes, never HTML
    return node;
  }
  const shapeText = (shape) => `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;

  // ------------------------------------------------------------------ the form
  const controls = {}, errorsOut = {}, rows = {};
  const form = el("form", { class: "calc-form", novalidate: "" });
  form.addEventListener("submit", (e) => e.preventDefault());
  const fieldset = el("fieldset", {}, el("legend", {}, S.legend));
  for (const f of FIELDS) {
    const id = `calc-${f.key}`, errId = `${id}-error`;
    let input;
    if (f.kind === "choice") {
      input = el("select", { id, name: f.key });
      for (const c of CONVENTIONS) input.append(el("option", { value: c }, `${c} — ${S.conventions[c]}`));
    } else if (f.kind === "flag") {
      input = el("input", { id, name: f.key, type: "checkbox" });
    } else {
      input = el("input", { id, name: f.key, type: "text", inputmode: "numeric", autocomplete: "off",
        size: "8" });
    }
    input.setAttribute("aria-describedby", errId);
    const error = el("span", { id: errId, class: "calc-error", "aria-live": "polite" });
    const row = el("div", { class: `calc-field calc-${f.kind}` },
      el("label", { for: id }, S.labels[f.key]), input, error);
    controls[f.key] = input; errorsOut[f.key] = error; rows[f.key] = row;
    fieldset.append(row);
    input.addEventListener(f.kind === "int" ? "input" : "change", () => update(formRaw, true));
  }
  const note = el("p", { class: "calc-note" });
  const status = el("p", { class: "calc-status", role: "status" });
  fieldset.append(note);
  form.append(fieldset, status);
  const results = el("div", { class: "calc-results" });
  root.replaceChildren(form, results);

  function formRaw(key) {
    const c = controls[key];
    return c.type === "checkbox" ? (c.checked ? "1" : "0") : c.value;
  }

  function parse(f, raw) {
    if (raw === null || raw === undefined) return { value: DEFAULTS[f.key] };   // missing: default
    const text = String(raw).trim();
    if (f.kind === "choice") {
      return CONVENTIONS.includes(text) ? { value: text } : { error: S.errors.convention() };
    }
    if (text === "") return { error: S.errors.empty(f.key) };
    if (f.kind === "flag") return text === "0" || text === "1" ? { value: Number(text) } : { error: S.errors.flag(f.key) };
    if (!/^[+-]?\d+$/.test(text)) return { error: S.errors.integer(f.key) };
    const n = Number(text);
    return n >= 1 && n <= f.max ? { value: n } : { error: S.errors.range(f.key, fmt.format(f.max)) };
  }

  let last = { ...DEFAULTS }, shown = false;

  // One path for every change: a link's query on load, back/forward, or an edit in the form.
  function update(getRaw, fromForm) {
    const values = {}, errors = {};
    for (const f of FIELDS) {
      const r = parse(f, getRaw(f.key));
      if ("error" in r) errors[f.key] = r.error; else values[f.key] = r.value;
    }
    if (!fromForm) showInForm(getRaw, values);
    const convention = values.convention || last.convention;
    const blocking = Object.keys(errors).filter((k) => k === "convention" || USES[convention].includes(k));
    for (const f of FIELDS) {
      errorsOut[f.key].textContent = errors[f.key] || "";
      if (errors[f.key]) controls[f.key].setAttribute("aria-invalid", "true");
      else controls[f.key].removeAttribute("aria-invalid");
      rows[f.key].hidden = f.key !== "convention" && !USES[convention].includes(f.key);
    }
    note.textContent = convention === "tutorial" ? S.tutorialNote : "";
    if (blocking.length && shown) {
      status.textContent = S.kept;
      return;
    }
    last = { ...last, ...values };
    status.textContent = blocking.length ? S.kept : "";
    render(last);
    shown = true;
    if (fromForm) writeQuery(last);
  }

  function showInForm(getRaw, values) {
    for (const f of FIELDS) {
      const c = controls[f.key], raw = getRaw(f.key);
      const value = f.key in values ? values[f.key] : last[f.key];
      if (f.kind === "choice") c.value = value;
      else if (f.kind === "flag") c.checked = value === 1;
      else c.value = raw === null || raw === undefined ? String(value) : String(raw);
    }
  }

  function writeQuery(v) {
    const q = new URLSearchParams();
    q.set("convention", v.convention);
    for (const key of USES[v.convention]) q.set(key, String(v[key]));
    try {
      history.replaceState(history.state, "", `${location.pathname}?${q}${location.hash}`);
    } catch (e) {
      // Some browsers refuse to change file:// URLs; the calculator still works.
    }
  }

  const fromQuery = () => {
    const q = new URLSearchParams(location.search);
    return (key) => q.get(key);
  };
  window.addEventListener("popstate", () => update(fromQuery(), false));

  // ------------------------------------------------------------------ the result
  function mapsTo(p) {
    let text = S.maps[p.role];
    if (p.k > 0) text = S.maps.upper(text);
    if (p.reverse) text = S.maps.reverse(text);
    return text;
  }

  function codeLines(v) {
    const py = (b) => (b ? "True" : "False");
    if (v.convention === "site") return [`params = init_params(H=${v.H}, D=${v.D}, O=${v.O}, rng=rng)  # snippets.elman`];
    if (v.convention === "tutorial") return [`params = init_tutorial_params(rng, H=${v.H}, T=${v.T}, O=${v.O})  # snippets.tutorial`];
    if (v.convention === "d2l") return [`params = to_d2l(init_params(H=${v.H}, D=${v.D}, O=${v.O}, rng=rng))  # snippets.conventions`];
    if (v.convention === "pytorch") {
      return [`rnn = nn.RNN(${v.D}, ${v.H}, num_layers=${v.layers}, bidirectional=${py(v.bidirectional)}, batch_first=${py(v.batch_first)})`,
        `linear = nn.Linear(${v.bidirectional ? 2 * v.H : v.H}, ${v.O})`];
    }
    const lines = [`model = keras.Sequential([`, `    keras.Input((${v.T}, ${v.D})),`];
    for (let i = 0; i < v.layers; i++) {
      const seq = i < v.layers - 1 || v.return_sequences;
      lines.push(`    keras.layers.SimpleRNN(${v.H}${seq ? ", return_sequences=True" : ""}),`);
    }
    return [...lines, `    keras.layers.Dense(${v.O}),`, `])`];
  }

  // Column headers, and the row's name (column `nameAt`) as its row header, for screen readers.
  function table(caption, heads, rowsData, nameAt) {
    const t = el("table", {}, el("caption", {}, caption));   // no class: Material styles it
    t.append(el("thead", {}, el("tr", {}, ...heads.map((h) => el("th", { scope: "col" }, h)))));
    const body = el("tbody");
    const cell = (c, i) => (i === nameAt ? el("th", { scope: "row" }, c) : el("td", {}, c));
    for (const [attrs, cells] of rowsData) body.append(el("tr", attrs, ...cells.map(cell)));
    t.append(body);
    // A wide table scrolls sideways on a phone: a named region that takes keyboard focus.
    return el("div", { class: "md-typeset__scrollwrap", role: "region", tabindex: 0, "aria-label": caption },
      el("div", { class: "md-typeset__table" }, t));
  }

  const code = (text) => el("code", {}, text);

  function render(v) {
    const m = model(v);
    const layered = m.params.some((p) => p.layer);    // the layer column only where there are layers
    const params = table(S.params, S.pcols.slice(layered ? 0 : 1), m.params.map((p) => [
      { "data-kind": "param", "data-layer": p.layer, "data-name": p.name,
        "data-formula": p.formula.join(","), "data-shape": p.shape.join(","), "data-role": p.role },
      [...(layered ? [p.layer] : []), code(p.name), code(`(${p.formula.join(", ")})`),
        code(shapeText(p.shape)), fmt.format(product(p.shape)), mapsTo(p)]]), layered ? 1 : 0);
    const meaning = S.meaning[v.convention];
    const tensors = table(S.tensors, S.tcols, m.tensors.map((t) => [
      { "data-kind": "tensor", "data-name": t.name, "data-formula": t.formula.join(","),
        "data-shape": t.shape.join(",") },
      [code(t.name), code(`(${t.formula.join(", ")})`), code(shapeText(t.shape)), meaning[t.name]]]), 0);
    const terms = totalTerms(m);
    const values = terms.map((t) => fmt.format(evaluate([t], v)[0]));
    const total = el("p", { class: "calc-total" }, `${S.total} `,
      el("strong", { "data-total": String(m.total), "data-formula": terms.join(" + ") }, fmt.format(m.total)),
      " = ", code(terms.join(" + ")), values.length > 1 ? ` = ${values.join(" + ")}` : "");
    const source = el("pre", { class: "calc-code" }, el("code", { tabindex: 0 }, codeLines(v).join("\n")));
    results.replaceChildren(total, el("p", {}, S.code), source, params, tensors, diagram(v, m));
  }

  // ------------------------------------------------------------------ the unrolled diagram
  // Layout of snippets/diagram.py: h_0, steps 1, 2, 3, …, T; x below, y above; one row per layer
  // (layer 1 and the top layer when there are more than two, with ⋮ between).
  const SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, val] of Object.entries(attrs || {})) node.setAttribute(k, String(val));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function boxShapes(v) {     // one direction per box: x_t, h_t and y as the convention stores them
    if (v.convention === "site") return { x: [v.D, v.B], h: [v.H, v.B], y: [v.O, v.B], xName: "x" };
    if (v.convention === "tutorial") return { x: [v.T, 1], h: [v.H, 1], y: [v.O, 1], xName: "new_input" };
    return { x: [v.B, v.D], h: [v.B, v.H], y: [v.B, v.O], xName: v.convention === "d2l" ? "X" : "x" };
  }

  function diagram(v, m) {
    const steps = v.T <= 4 ? Array.from({ length: v.T }, (_, i) => i + 1) : [1, 2, 3, v.T];
    const xs = steps.map((t, i) => (v.T > 4 && i === 3 ? 900 : 260 + 190 * i));
    const h0x = 70, bw = 100, bh = 50;
    const L = v.convention === "pytorch" || v.convention === "keras" ? v.layers : 1;
    const layers = L <= 2 ? Array.from({ length: L }, (_, i) => i) : [0, L - 1];   // 0-based
    const gapAbove = L > 2 ? 40 : 0;
    const yRow = 64, firstH = 200;
    const hRow = (i) => firstH + 130 * (layers.length - 1 - i) + (i === 0 ? gapAbove : 0);
    const xRow = hRow(0) + 130, height = xRow + 110;
    const shapes = boxShapes(v);
    const by = (role, k) => m.params.find((p) => p.role.startsWith(role) && (p.k || 0) === k && !p.reverse);
    const outP = m.params.find((p) => p.role === "out" || p.role === "outT");

    const width = 1060;   // room for the labels right of the last column
    const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "calc-svg-title",
      class: "calc-diagram", "data-steps": steps.join(",") });
    svg.append(svgEl("title", { id: "calc-svg-title" }, S.diagram));
    const defs = svgEl("defs");
    const marker = svgEl("marker", { id: "calc-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
    marker.append(svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: "#444" }));
    defs.append(marker);
    svg.append(defs, svgEl("rect", { x: 0, y: 0, width, height, fill: "#fff" }));

    function box(cx, cy, name, sub, shape, cls) {
      svg.append(svgEl("rect", { class: cls, x: cx - bw / 2, y: cy - bh / 2, width: bw, height: bh, rx: 8 }));
      const label = svgEl("text", { x: cx, y: cy - 5 }, name);
      if (sub) label.append(svgEl("tspan", { class: "sub", dy: 4 }, sub));
      svg.append(label, svgEl("text", { class: "shape", x: cx, y: cy + 16, "data-box": cls,
        "data-shape": shape.join(",") }, shapeText(shape)));
    }
    function arrow(x1, y1, x2, y2, p, lx, ly, kind) {
      svg.append(svgEl("line", { x1, y1, x2, y2, "marker-end": "url(#calc-arrow)" }));
      const name = p.layer === "linear" || p.layer === "dense" ? `${p.layer}.${p.name}` : p.name;
      svg.append(svgEl("text", { class: "weight", x: lx, y: ly, "data-arrow": kind, "data-name": p.name,
        "data-layer": p.layer, "data-shape": p.shape.join(",") }, `${name} ${shapeText(p.shape)}`));
    }
    function text(x, y, cls, content, anchor) {
      svg.append(svgEl("text", { class: cls, x, y, ...(anchor ? { style: `text-anchor:${anchor}` } : {}) }, content));
    }

    layers.forEach((k, i) => {
      const hy = hRow(i), rec = by("rec", k);
      box(h0x, hy, "h", "0", shapes.h, "state");
      if (L > 1) text(h0x, hy + bh / 2 + 18, "note", S.layer(k + 1));
      if (v.T > 4) text((xs[2] + xs[3]) / 2, hy + 8, "dots", "…");
      steps.forEach((t, j) => {
        const cx = xs[j];
        box(cx, hy, "h", String(t), shapes.h, "state");
        const prev = j === 0 ? h0x : xs[j - 1];
        const x1 = v.T > 4 && j === 3 ? (xs[2] + xs[3]) / 2 + 20 : prev + bw / 2;
        arrow(x1, hy, cx - bw / 2 - 2, hy, rec, (x1 + cx - bw / 2) / 2, hy - 34, "rec");
        const below = i === 0 ? xRow : hRow(i - 1);
        const inP = by("in", k) || by("tutorialU", k);
        arrow(cx, below - bh / 2, cx, hy + bh / 2 + 2, inP, cx + 50, (below + hy) / 2 + 5, "in");
      });
    });
    if (gapAbove) text(h0x, (hRow(0) + hRow(1)) / 2 + 8, "dots", "⋮");
    steps.forEach((t, j) => box(xs[j], xRow, shapes.xName, String(t), shapes.x, "input"));
    const top = hRow(layers.length - 1);
    const outSteps = v.convention === "keras" && v.return_sequences ? steps.map((_, j) => j) : [steps.length - 1];
    for (const j of outSteps) {
      box(xs[j], yRow, "y", outSteps.length > 1 ? String(steps[j]) : "", shapes.y, "output");
      arrow(xs[j], top - bh / 2, xs[j], yRow + bh / 2 + 2, outP, xs[j] + 50, (top + yRow) / 2 + 5, "out");
    }
    text(h0x, hRow(0) + bh / 2 + (L > 1 ? 36 : 20), "note", S.h0);
    if (outSteps.length === 1) text(xs[steps.length - 1] - 70, yRow + 5, "note", S.lastOnly, "end");
    else text(h0x + 60, yRow + 5, "note", S.everyStep, "middle");
    text(width / 2, xRow + 60, "note", S.shared);
    if (v.convention === "pytorch" && v.bidirectional) text(width / 2, xRow + 85, "note", S.backward);
    return el("div", { class: "calc-figure", role: "region", tabindex: 0, "aria-label": S.diagram }, svg);
  }

  update(fromQuery(), false);
})();
