"""Doc tests: every python fence in docs/ and every module docstring in snippets/.

Also: a test that uses the built site (fixtures `build`, `site`, `base_url`, `browser`, from
tests/site/conftest.py) is marked `site`; tests/unit/test_torch*.py are collected only where torch
is installed (torch is no test dependency; the run's header says when it is left out);
tests/site/test_editions.py runs only with `-m editions`, after `python -m editions`. The site
build starts in the background as the session starts (tests/site/build.py).
"""

import importlib.util
import os
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")  # Keras 3 on JAX (CPU): no extra step for a user
# JAX compiles every new shape (each weight initialiser, each model); keep what it compiled between
# runs in .cache/jax, one folder for the run's processes. JAX writes a cache file in place, so it is
# shared safely only with a size limit set: JAX then locks the folder (filelock) for each read and write.
os.environ.setdefault("JAX_COMPILATION_CACHE_DIR", str(Path(__file__).parent / ".cache" / "jax"))
os.environ.setdefault("JAX_COMPILATION_CACHE_MAX_SIZE", str(1 << 30))
os.environ.setdefault("JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS", "0")
os.environ.setdefault("JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES", "0")
# xdist runs a worker per core: a BLAS thread pool in each worker would only spin against the other.
if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pytest  # noqa: E402
from sybil import Sybil  # noqa: E402
from sybil.parsers.rest import DocTestParser  # noqa: E402

from tests.docfences import DOCTEST_FLAGS, parse_markdown  # noqa: E402
from tests.site import build as site_build  # noqa: E402

pages = Sybil(parsers=[parse_markdown], patterns=["*.md"], path="docs")
docstrings = Sybil(parsers=[DocTestParser(optionflags=DOCTEST_FLAGS)], patterns=["*.py"], path="snippets")

pytest_collect_file = (pages + docstrings).pytest()

SITE_FIXTURES = {"build", "site", "base_url", "browser"}
BUILD = pytest.StashKey["subprocess.Popen"]()
TORCH = importlib.util.find_spec("torch") is not None
collect_ignore = [] if TORCH else ["tests/unit/test_torch.py", "tests/unit/test_torch_packed.py"]


def pytest_report_header() -> str | None:
    if not TORCH:
        return "torch not installed: tests/unit/test_torch*.py not collected (uv pip install torch==2.13.0)"
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (pyproject.toml): two workers for the suite or a folder, none for single files,
    which start faster in one process."""
    files = [arg for arg in config.args if Path(arg.split("::")[0]).is_file()]
    return 0 if files else min(2, os.cpu_count() or 1)


def pytest_sessionstart(session: pytest.Session) -> None:
    """The run's first process starts the site build in the background if the run may use the site:
    the tests that do not need it run meanwhile (tests/site/build.py)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        run = site_build.begin_run()
        if site_build.may_be_used(session.config):
            session.config.stash[BUILD] = site_build.start(run)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if build := session.config.stash.get(BUILD, None):
        site_build.stop(build)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests that use the built site `site` (`-m "not site"` runs the rest). Deselect the
    `editions` tests unless `-m` names them: they check what `python -m editions` built."""
    if "editions" not in (config.option.markexpr or ""):
        chosen = [item for item in items if item.get_closest_marker("editions")]
        config.hook.pytest_deselected(items=chosen)
        items[:] = [item for item in items if not item.get_closest_marker("editions")]
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)
