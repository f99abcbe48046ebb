// Typeset pymdownx.arithmatex output (generic mode) with the self-hosted MathJax,
// loading it only when the page contains math.
(() => {
  const src = document.currentScript.dataset.mathjax;
  if (!document.querySelector(".arithmatex")) return;
  window.MathJax = {
    tex: { inlineMath: [["\\(", "\\)"]], displayMath: [["\\[", "\\]"]], processEscapes: true },
    options: { ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex" },
  };
  const script = document.createElement("script");
  script.src = src;
  script.async = true;
  document.head.appendChild(script);
})();
