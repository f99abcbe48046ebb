"""The site the tests check: one `mkdocs build --strict` of both languages per test run.

The run's first process starts it in the background as the session starts (`conftest.py`, when the
run may use the site), so the tests that do not need it run meanwhile; xdist workers inherit the
run's id and wait for that build. A process that needs the site when no build was started for the
run starts one itself (under a lock, so the two workers do not both build).
"""

from __future__ import annotations

import fcntl
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.markdown_model import ROOT

SITE = Path(os.environ.get("SITE_TEST_DIR", ROOT / ".cache" / "test-site"))
LOG, STATUS, STARTED, LOCK = (SITE.with_name(f"{SITE.name}.{kind}") for kind in ("log", "status", "started", "lock"))
RUN = "RNN_UWV_TEST_RUN"  # this run's id, in the environment the xdist workers inherit


def begin_run() -> str:
    os.environ[RUN] = f"{os.getpid()}-{time.time_ns()}"
    return os.environ[RUN]


def start(run: str) -> subprocess.Popen:
    """Build into SITE in the background; STATUS gets "<run> <exit code>" when the build ends."""
    STATUS.unlink(missing_ok=True)
    shutil.rmtree(SITE, ignore_errors=True)
    SITE.parent.mkdir(parents=True, exist_ok=True)
    STARTED.write_text(run, encoding="utf-8")
    build, log, status = (shlex.quote(str(p)) for p in (SITE, LOG, STATUS))
    command = (f"{shlex.quote(sys.executable)} -m mkdocs build --strict -d {build} > {log} 2>&1; "
               f'echo "{run} $?" > {status}.part && mv {status}.part {status}')
    return subprocess.Popen(["sh", "-c", command], cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            start_new_session=True)  # so that `stop` ends mkdocs too


def may_be_used(config) -> bool:
    """Whether the run may need the site: not with `--collect-only`, `-m "not site"` or `-m editions`,
    nor when every path given lies outside tests/site/ (`docs`, `tests/unit`, one page)."""
    marks = config.option.markexpr or ""
    if config.option.collectonly:
        return False
    if marks and ("site" not in marks or "not site" in marks):
        return False
    here, tests = config.invocation_params.dir, ROOT / "tests" / "site"
    paths = [(here / arg.split("::")[0]).resolve() for arg in config.args]
    return any(p == tests or p in tests.parents or tests in p.parents for p in paths)


def stop(build: subprocess.Popen) -> None:
    """End a build that no test waited for (the run ended first)."""
    if build.poll() is None:
        os.killpg(build.pid, signal.SIGTERM)
        build.wait()


def wait() -> tuple[Path, str]:
    """(site dir, build log) of this run's build, once it has ended; fails if the build failed."""
    run = os.environ[RUN]  # set by conftest.py as the session starts
    SITE.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not STARTED.is_file() or STARTED.read_text(encoding="utf-8") != run:
            start(run)
    while not (STATUS.is_file() and STATUS.read_text(encoding="utf-8").startswith(f"{run} ")):
        time.sleep(0.1)  # pytest-timeout ends a wait for a build that never ends
    code = STATUS.read_text(encoding="utf-8").split()[1]
    log = LOG.read_text(encoding="utf-8")
    assert code == "0", f"mkdocs build --strict failed:\n{log}"
    return SITE, log
