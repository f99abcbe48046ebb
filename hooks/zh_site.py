"""Build the Chinese site (mkdocs.zh.yml) into <site_dir>/zh after the English one.

Runs for `mkdocs build` and `mkdocs serve` alike, so both languages are always built together.
"""

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ZH_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.zh.yml"


def on_post_build(config, **kwargs) -> None:
    zh = load_config(str(ZH_CONFIG), site_dir=str(Path(config.site_dir) / "zh"))
    build(zh)
