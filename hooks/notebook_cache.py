"""Key mkdocs-jupyter's cache to the code the notebooks import; one BLAS thread.

mkdocs-jupyter reuses an executed notebook while the notebook file is unchanged, even when
snippets/ (which the notebooks import) has changed. Putting a hash of snippets/ into the cache
folder makes such a change re-execute the notebooks, while unchanged rebuilds stay fast.

No custom_template: mkdocs-jupyter turns its cache off when one is set (hooks/notebook_css.py
lightens the pages instead).

The notebooks multiply 100 x 100 matrices: BLAS threads cost more than they save at that size,
and on a busy machine several times more. The kernels inherit this process's environment, so
OPENBLAS_NUM_THREADS=1 is set here unless the user set it.
"""

import hashlib
import os
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets"


def on_config(config):
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    code = b"".join(p.read_bytes() for p in sorted(SNIPPETS.glob("*.py")))
    plugin = config.plugins["mkdocs-jupyter"]
    plugin.config["cache_dir"] = str(Path(plugin.config["cache_dir"]) / hashlib.sha256(code).hexdigest()[:16])
    return config
