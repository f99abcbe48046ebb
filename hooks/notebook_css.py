"""Notebook pages carry only the JupyterLab CSS they use.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (about 575 KB) into every notebook page, over
half of the page. This hook keeps a rule only if one of its selectors can match the page: every
class it names (outside :not(), :is() and the like) occurs in the page, and it does not put :root
below another element (`.jupyter-wrapper :root` matches nothing). The result is about 40 KB.
"""

import re

import tinycss2

STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
FUNCTION = re.compile(r":[\w-]+\((?:[^()]|\([^()]*\))*\)")  # :not(...), :is(...), :nth-child(...)


def can_match(selector: str, classes: set[str]) -> bool:
    plain = FUNCTION.sub("", selector)
    return ":root" not in plain.lstrip()[1:] and all(c in classes for c in re.findall(r"\.([\w-]+)", plain))


def prune(rules, classes: set[str]) -> str:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if any(can_match(s, classes) for s in tinycss2.serialize(rule.prelude).split(",")):
                kept.append(rule.serialize())
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = prune(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), classes)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{inner}}}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
    return "".join(kept)


def on_post_page(output, **kwargs):
    if 'class="jupyter-wrapper' not in output:
        return output
    classes = {c for attr in re.findall(r'class="([^"]*)"', output) for c in attr.split()}

    def shrink(m: re.Match) -> str:
        if ".jupyter-wrapper" not in m[2]:
            return m[0]
        rules = tinycss2.parse_stylesheet(m[2], skip_whitespace=True, skip_comments=True)
        return m[1] + prune(rules, classes) + m[3]

    return STYLE.sub(shrink, output)
