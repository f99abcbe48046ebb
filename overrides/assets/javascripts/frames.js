// A small player for the step-through frames (includes/figures/*/forward.md, bptt.md): previous,
// play / pause and next buttons above each tab set in a `.frames` block. The frames themselves are
// plain pymdownx.tabbed tabs that work without this script; it only clicks their labels. Plain
// JavaScript: DOM calls and textContent only, no network. Labels follow the page's language; with
// prefers-reduced-motion there is no autoplay button (the frames still step by hand).
(() => {
  "use strict";
  const STRINGS = {
    en: { player: "Frame player", previous: "Previous frame", next: "Next frame", play: "Play",
      pause: "Pause", status: (i, n) => `Frame ${i} of ${n}` },
    zh: { player: "帧播放器", previous: "上一帧", next: "下一帧", play: "播放", pause: "暂停",
      status: (i, n) => `第 ${i} 帧，共 ${n} 帧` },
  };
  const lang = (document.documentElement.lang || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
  const text = STRINGS[lang];
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
  const DELAY = 2500;   // ms per frame while playing

  function button(label, glyph, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "md-button frames-player__button";
    b.setAttribute("aria-label", label);
    b.title = label;
    b.textContent = glyph;
    b.addEventListener("click", onClick);
    return b;
  }

  function setUp(block) {
    const set = block.querySelector(".tabbed-set");
    if (!set) return;
    const inputs = Array.from(set.querySelectorAll(":scope > input[type=radio]"));
    const labels = Array.from(set.querySelectorAll(":scope > .tabbed-labels > label"));
    if (inputs.length < 2 || labels.length !== inputs.length) return;
    let timer = null;

    const current = () => Math.max(0, inputs.findIndex((input) => input.checked));
    const status = document.createElement("span");
    status.className = "frames-player__status";
    status.setAttribute("aria-live", "polite");
    const show = (i) => {
      const n = (i + inputs.length) % inputs.length;
      const focused = document.activeElement;
      labels[n].click();               // Material and the CSS do the rest, as for a click by hand
      if (focused && focused !== document.body) focused.focus({ preventScroll: true });  // keys stay on the button
      update();
    };
    const stop = () => {
      if (timer !== null) window.clearInterval(timer);
      timer = null;
      update();
    };
    const play = () => {
      if (timer !== null) { stop(); return; }
      timer = window.setInterval(() => {
        if (current() === inputs.length - 1) stop(); else show(current() + 1);
      }, DELAY);
      update();
    };
    const previous = button(text.previous, "←", () => { stop(); show(current() - 1); });
    const toggle = button(text.play, "▶", play);
    const next = button(text.next, "→", () => { stop(); show(current() + 1); });

    function update() {
      const playing = timer !== null;
      toggle.textContent = playing ? "❚❚" : "▶";
      toggle.setAttribute("aria-label", playing ? text.pause : text.play);
      toggle.title = playing ? text.pause : text.play;
      toggle.setAttribute("aria-pressed", String(playing));
      toggle.hidden = reduced.matches;
      status.textContent = text.status(current() + 1, inputs.length);
    }

    const bar = document.createElement("div");
    bar.className = "frames-player";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", text.player);
    bar.append(previous, toggle, next, status);
    block.insertBefore(bar, block.firstChild);
    inputs.forEach((input) => input.addEventListener("change", update));
    reduced.addEventListener("change", () => { if (reduced.matches) stop(); update(); });
    update();
  }

  document.querySelectorAll(".frames").forEach(setUp);
})();
