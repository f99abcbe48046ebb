"""Key mkdocs-jupyter's cache to the code the notebooks import; a light page template; one BLAS thread.

mkdocs-jupyter reuses an executed notebook while the notebook file is unchanged, even when
snippets/ (which the notebooks import) has changed. Putting a hash of snippets/ into the cache
folder makes such a change re-execute the notebooks, while unchanged rebuilds stay fast.

The template (notebook_template/) replaces mkdocs-jupyter's 576 KB JupyterLab stylesheet, which
every notebook page would otherwise carry inline, with a few rules.

The notebooks multiply 100 x 100 matrices: BLAS threads cost more than they save at that size,
and on a busy machine several times more. The kernels inherit this process's environment, so
OPENBLAS_NUM_THREADS=1 is set here unless the user set it.
"""

import hashlib
import os
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"
TEMPLATE = Path(__file__).resolve().parent / "notebook_template" / "light_notebook.html.j2"


def on_config(config):
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code = b"".join(p.read_bytes() for p in [*sorted(SNIPPETS.glob("*.py")), TEMPLATE])
    plugin = config.plugins["mkdocs-jupyter"]
    plugin.config["custom_template"] = str(TEMPLATE)
    plugin.config["cache_dir"] = str(Path(plugin.config["cache_dir"]) / hashlib.sha256(code).hexdigest()[:16])
    return config
