"""`uv run python -m editions`: build the offline edition and both PDFs into site/downloads/.

Run after `mkdocs build` (the sizes go into that build's home pages). See editions/__init__.py.
"""

import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from editions import FILES, LANGS, ROOT, chromium, commit, human_size
from editions.pdf import build_pdf

SITE = ROOT / "site"
DOWNLOADS = SITE / "downloads"
SIZE_SLOT = re.compile(r'(<span data-size-of="([\w.-]+)">)[^<]*(</span>)')


def build_offline(folder: Path) -> Path:
    """Both languages for file:// in folder/uwv-offline (the Chinese one in its zh/)."""
    site = folder / "uwv-offline"
    build(load_config(str(ROOT / "mkdocs.offline.yml"), site_dir=str(site), strict=True))
    return site


def zip_folder(folder: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(folder.parent))


def write_sizes(site: Path) -> None:
    """Fill each `<span data-size-of="FILE">` of the home pages with FILE's size in downloads/."""
    for folder in LANGS.values():
        home = site / folder / "index.html"
        text = home.read_text(encoding="utf-8")
        filled = SIZE_SLOT.sub(lambda m: m[1] + human_size((site / "downloads" / m[2]).stat().st_size) + m[3], text)
        home.write_text(filled, encoding="utf-8")


def main() -> None:
    if not (SITE / "index.html").is_file() or not (SITE / "zh" / "index.html").is_file():
        sys.exit("build the site first: uv run mkdocs build")
    started, sha = time.monotonic(), commit()
    DOWNLOADS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        offline = build_offline(Path(tmp))
        zip_folder(offline, DOWNLOADS / FILES["offline"])
        with chromium() as browser:
            books = {lang: build_pdf(browser, offline / folder / "index.html", lang, sha,
                                     DOWNLOADS / FILES[f"pdf-{lang}"]) for lang, folder in LANGS.items()}
    write_sizes(SITE)
    for key, name in FILES.items():
        pages = books[key[4:]]["pages"] if key.startswith("pdf") else None
        print(f"{DOWNLOADS / name}: {human_size((DOWNLOADS / name).stat().st_size)}"
              + (f", {pages} pages" if pages else ""))
    print(f"editions built in {time.monotonic() - started:.0f} s (commit {sha})")


if __name__ == "__main__":
    main()
