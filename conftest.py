"""Doc tests: every python fence in docs/ and every module docstring in snippets/.

Also how the suite is split between xdist workers (`-n auto --dist loadscope`, units of work in
the order given here): a test that uses the built site (fixtures `build`, `site`, `base_url`,
`browser`) is marked `site`; the site is built once per run (tests/conftest.py).
"""

import os
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")  # Keras 3 on JAX (CPU): no extra step for a user
# JAX compiles every new shape (each weight initialiser, each model); keep what it compiled between runs.
os.environ.setdefault("JAX_COMPILATION_CACHE_DIR", str(Path(__file__).parent / ".cache" / "jax"))
os.environ.setdefault("JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS", "0")
os.environ.setdefault("JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES", "0")
# xdist runs a worker per core: a BLAS thread pool in each worker would only spin against the other.
if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest  # noqa: E402
from sybil import Sybil  # noqa: E402
from sybil.parsers.rest import DocTestParser  # noqa: E402

from tests.docfences import DOCTEST_FLAGS, parse_markdown  # noqa: E402

pages = Sybil(parsers=[parse_markdown], patterns=["*.md"], path="docs")
docstrings = Sybil(parsers=[DocTestParser(optionflags=DOCTEST_FLAGS)], patterns=["*.py"], path="snippets")

pytest_collect_file = (pages + docstrings).pytest()

SITE_FIXTURES = {"build", "site", "base_url", "browser"}
OPT_IN = ("torch", "editions")  # markers deselected unless -m names them


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject.toml): two workers for the suite or a folder, none for single files,
    which start faster in one process."""
    files = [arg for arg in config.args if Path(arg.split("::")[0]).is_file()]
    return 0 if files else min(2, os.cpu_count() or 1)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the `torch` and `editions` tests unless `-m` names them (torch is no test dependency;
    the editions are built by `python -m editions`). Mark the tests that use the built site `site`.
    Queue the units of work: the first site unit first (its worker builds the site, then runs it),
    the other site units last (the build is done by then), everything else in between."""
    for marker in OPT_IN:
        if marker not in (config.option.markexpr or ""):
            chosen = [item for item in items if item.get_closest_marker(marker)]
            config.hook.pytest_deselected(items=chosen)
            items[:] = [item for item in items if not item.get_closest_marker(marker)]
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)
    site_units = list(dict.fromkeys(work_unit(item) for item in items if item.get_closest_marker("site")))
    rank = {unit: 0 if k == 0 else 2 for k, unit in enumerate(site_units)}
    items.sort(key=lambda item: rank.get(work_unit(item), 1))  # stable: a page keeps its order


def work_unit(item: pytest.Item) -> str:
    """What one worker runs as a whole under `--dist loadscope`: a file (a page's fences share one
    namespace) or a test class (a language's browser pass). The rule is xdist's own."""
    return item.nodeid.rsplit("::", 1)[0]
