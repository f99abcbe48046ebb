"""The home pages' download links are for the web site: the offline edition leaves them out.

docs/<lang>/index.md has a section with the PDFs and the offline ZIP between `<!-- downloads` and
`<!-- /downloads -->`; `uv run python -m editions` builds the files into site/downloads/ and writes
their sizes into those links. The offline edition (Material's offline plugin on, mkdocs.offline.yml)
has no downloads/ folder, so the section is left out there.
"""

import re

LIST = re.compile(r"<!-- downloads.*?<!-- /downloads -->", re.S)


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    if not page.is_homepage or not any(name.endswith("offline") for name in config.plugins):
        return markdown
    return LIST.sub("", markdown)
