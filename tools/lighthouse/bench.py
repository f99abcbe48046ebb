"""Lighthouse (mobile defaults) over every page of the built site, served gzip-compressed on 127.0.0.1.

    uv run mkdocs build && uv run python tools/lighthouse/bench.py [--only REGEX]

A benchmark, not a test: it takes about 10 s a page. Lighthouse is the version pinned in
package-lock.json beside this file (installed there with `npm ci` on the first run); it drives
CHROME_PATH (default /usr/bin/chromium). Prints one row per page and the worst page last;
the JSON reports are kept in .cache/lighthouse/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / ".cache" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {"total-blocking-time": "TBT ms", "cumulative-layout-shift": "CLS", "largest-contentful-paint": "LCP ms"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files as a static host sends them: text types gzip-compressed when the client asks."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if not (path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        if path.name == "index.html" and not self.path.split("?")[0].endswith(("/", ".html")):
            return super().do_GET()  # the directory redirect
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def pages(site: Path) -> list[str]:
    """Every page as a path below the root: '' (English home), 'zh/', 'faq/why-is-w-square/', ..."""
    found = (p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if "assets" not in p.parts)
    return sorted("" if p == "." else p + "/" for p in found)


def lighthouse(url: str, report: Path) -> dict:
    """Scores (0-100) and the metrics of METRICS for one URL."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    result = json.loads(report.read_text(encoding="utf-8"))
    row = {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}
    for audit, label in METRICS.items():
        value = result["audits"][audit]["numericValue"]
        row[label] = round(value, 3) if audit == "cumulative-layout-shift" else round(value)
    row["failed"] = sorted(audit["id"] for category in CATEGORIES[1:]
                           for ref in result["categories"][category]["auditRefs"]
                           if ref["weight"] and (audit := result["audits"][ref["id"]])["score"] not in (1, None))
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--only", metavar="REGEX", help="only pages whose path ('/', '/zh/answer/') matches")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"no built site in {args.site}: run `uv run mkdocs build` first")
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    REPORTS.mkdir(parents=True, exist_ok=True)

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    chosen = [p for p in pages(args.site) if not args.only or re.search(args.only, "/" + p)]
    if not chosen:
        sys.exit(f"no page matches --only {args.only!r}: paths look like '/', '/zh/', '/zh/answer/'")
    header = ["page", *CATEGORIES, *METRICS.values()]
    print(" | ".join(header))
    rows = {}
    for path in chosen:
        report = REPORTS / ((path.strip("/").replace("/", "_") or "home") + ".json")
        rows[path or "/"] = row = lighthouse(base + path, report)
        failed = f"  failed: {', '.join(row['failed'])}" if row["failed"] else ""
        print(" | ".join([path or "/", *(str(row[k]) for k in header[1:])]) + failed, flush=True)
    server.shutdown()

    def shortfall(row: dict) -> tuple:
        return (sum(max(0, TARGETS[c] - row[c]) for c in CATEGORIES), -row["performance"])

    worst = max(rows, key=lambda p: shortfall(rows[p]))
    low = {c: min(r[c] for r in rows.values()) for c in CATEGORIES}
    print(f"\n{len(rows)} pages; lowest scores: {low}; worst page: {worst} {rows[worst]}")
    below = [p for p, r in rows.items() if any(r[c] < TARGETS[c] for c in CATEGORIES)]
    print(f"below the targets {TARGETS}: {below or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
