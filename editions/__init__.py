"""The downloadable editions: a PDF per language and an offline site, built from the site's own pages.

`uv run python -m editions` (after `mkdocs build`) writes into site/downloads/:

- uwv-offline.zip: both languages built for file:// (mkdocs.offline.yml, mkdocs.offline.zh.yml);
- uwv-en.pdf, uwv-zh.pdf: the pages of that build in navigation order, printed by Chromium
  (editions/pdf.py), so web and print share one rendering (MathML included);

then writes each file's size into the download links of the two home pages (`data-size-of`).
"""

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = {"pdf-en": "uwv-en.pdf", "pdf-zh": "uwv-zh.pdf", "offline": "uwv-offline.zip"}
LANGS = {"en": "", "zh": "zh/"}  # language -> its folder in a build
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# Headless, and nothing that reaches outside this machine (the tests' browser uses the same flags).
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def find_chromium() -> str | None:
    """CHROMIUM=/path if set, else the first Chromium or Chrome on PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    return next((path for name in CHROMIUM_CANDIDATES if (path := shutil.which(name))), None)


@contextmanager
def chromium():
    """A Playwright Chromium (find_chromium)."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if not executable:
        raise SystemExit("no Chromium found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def commit() -> str:
    """The checkout's commit (12 hex digits, `+` if there are uncommitted changes), else 'unknown'."""
    try:
        sha = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return sha + ("+" if dirty else "")


def human_size(n: int) -> str:
    """1234567 -> '1.2 MB' (decimal units, as browsers show downloads)."""
    for unit in ("B", "kB", "MB"):
        if n < 1000 or unit == "MB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
