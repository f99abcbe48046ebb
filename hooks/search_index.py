"""Code blocks stay out of the search index.

Every page downloads the whole index on a first visit, and the code of the doctests was a third of
it (the 1 MB page budget, tests/site/test_browser.py). Words in running text, inline code included,
are still indexed; a ``<pre>`` block (a fence, a doctest, a notebook cell or output) is marked with
Material's ``data-search-exclude``, which its search plugin skips.
"""

import re

PRE = re.compile(r"<pre\b")


def on_page_content(html, **kwargs):
    return PRE.sub("<pre data-search-exclude", html)
