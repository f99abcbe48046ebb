"""Build the Chinese site (mkdocs.zh.yml) into <site_dir>/zh after the English one.

Runs for `mkdocs build` and `mkdocs serve` alike, so both languages are always built together;
`--strict` applies to both. mkdocs.zh.yml inherits this hook list, so the hook builds nothing there;
in both languages it gives templates a `urljoin` filter (the hreflang links of overrides/main.html).
"""

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.commands.build import build
from mkdocs.config import load_config

ZH_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.zh.yml"


def on_env(env, **kwargs):
    """`url | urljoin(path)` for templates: overrides/main.html makes the hreflang links absolute."""
    env.filters["urljoin"] = urljoin
    return env


def on_post_build(config, **kwargs) -> None:
    if Path(config.config_file_path).resolve() == ZH_CONFIG:
        return
    build(load_config(str(ZH_CONFIG), site_dir=str(Path(config.site_dir) / "zh"), strict=config.strict))
