"""Build the Chinese site into <site_dir>/zh after the English one.

The Chinese config is the English one's name with `.zh` before `.yml`: mkdocs.yml -> mkdocs.zh.yml,
mkdocs.offline.yml -> mkdocs.offline.zh.yml (the offline edition, `python -m editions`).
Runs for `mkdocs build` and `mkdocs serve` alike, so both languages are always built together;
`--strict` applies to both. mkdocs.zh.yml inherits this hook list, so the hook builds nothing there;
in both languages it gives templates a `urljoin` filter (the hreflang links of overrides/main.html).
"""

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.commands.build import build
from mkdocs.config import load_config


def on_env(env, **kwargs):
    """`url | urljoin(path)` for templates: overrides/main.html makes the hreflang links absolute."""
    env.filters["urljoin"] = urljoin
    return env


def on_post_build(config, **kwargs) -> None:
    english = Path(config.config_file_path).resolve()
    if english.suffixes[-2:] == [".zh", ".yml"]:
        return
    chinese = english.with_suffix(".zh.yml")
    build(load_config(str(chinese), site_dir=str(Path(config.site_dir) / "zh"), strict=config.strict))
