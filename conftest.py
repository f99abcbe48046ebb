"""Doc tests: every python fence in docs/ and every module docstring in snippets/.

Also how the suite is split: a test that uses the built site (fixtures `build`, `site`, `base_url`,
`browser`) is marked `site` and runs in one xdist group, so the site is built once; every other
test runs with the rest of its file (a page's fences share one namespace).
"""

import os

os.environ.setdefault("KERAS_BACKEND", "jax")  # Keras 3 on JAX (CPU): no extra step for a user

import pytest  # noqa: E402
from sybil import Sybil  # noqa: E402
from sybil.parsers.rest import DocTestParser  # noqa: E402

from tests.docfences import DOCTEST_FLAGS, parse_markdown  # noqa: E402

pages = Sybil(parsers=[parse_markdown], patterns=["*.md"], path="docs")
docstrings = Sybil(parsers=[DocTestParser(optionflags=DOCTEST_FLAGS)], patterns=["*.py"], path="snippets")

pytest_collect_file = (pages + docstrings).pytest()

SITE_FIXTURES = {"build", "site", "base_url", "browser"}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the xdist_group marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)
            item.add_marker(pytest.mark.xdist_group("site"))
        else:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
