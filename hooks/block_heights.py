"""Code blocks keep their height before they are drawn.

extra.css draws code blocks only when they come near the viewport (`content-visibility: auto`), which
halved a phone's blocking time on the longest pages. Until then the browser holds a block's place with
the height the CSS computes from `--lines`, the block's line count set here, so the page does not
move when a block is drawn, and a tool that measures the page finds everything where it stays.
A block without `--lines` would hold no height: the browser pass compares held and drawn heights.
"""

import re

# a fence's or a notebook cell's opening tag, its title if any, then its <pre> (as Pygments writes them)
BLOCK = re.compile(r'(<div class="(?:highlight|highlight-ipynb[^"]*)")'
                   r'([^>]*>(?:<span class="filename">[^<]*</span>)?\s*<pre[^>]*>)(.*?)</pre>', re.S)


def on_post_page(output, **kwargs):
    def lines(match):
        count = match.group(3).removesuffix("</code>").rstrip("\n").count("\n") + 1
        return f'{match.group(1)} style="--lines: {count}"{match.group(2)}{match.group(3)}</pre>'

    return BLOCK.sub(lines, output)
