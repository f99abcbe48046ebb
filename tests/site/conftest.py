"""Shared fixtures for tests of the built site (any test that takes one is marked `site`):

- `build`: (site dir, log) of one `mkdocs build --strict` of both languages per test run;
- `site`: the built site as a Path (English at its root, Chinese in `zh/`);
- `base_url`: `http://127.0.0.1:<port>/`, a local server for `site`;
- `browser`: a Playwright Chromium browser (skipped without Chromium, a failure in CI).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from editions import CHROMIUM_FLAGS, find_chromium
from tests.site import build as site_build


@pytest.fixture(scope="session")
def build() -> tuple[Path, str]:
    """(site dir, build log) of this run's `mkdocs build --strict` of both languages (tests/site/build.py)."""
    return site_build.wait()


@pytest.fixture(scope="session")
def site(build: tuple[Path, str]) -> Path:
    return build[0]


@pytest.fixture(scope="session")
def base_url(site: Path):
    """`python -m http.server` on a free port, in its own process: in the test process it would wait
    for the GIL that the browser driver holds (the browser pass took 25 % longer)."""
    command = [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(site)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    first = server.stdout.readline()  # "Serving HTTP on 127.0.0.1 port 41235 (http://127.0.0.1:41235/) ..."
    assert " port " in first, f"the test server did not start: {first!r}"
    yield f"http://127.0.0.1:{first.split(' port ')[1].split()[0]}/"
    server.kill()
    server.wait()


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        message = "no Chromium found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)"
        if os.environ.get("CI"):
            pytest.fail(f"browser tests are required in CI: {message}")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # V8's top tier (TurboFan) never pays back on a page open for a second: without it the browser
        # pass took a fifth less CPU (`--max-opt=2` keeps V8's two faster tiers; same results).
        browser = p.chromium.launch(executable_path=executable, args=[*CHROMIUM_FLAGS, "--js-flags=--max-opt=2"])
        yield browser
        browser.close()
