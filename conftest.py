"""Doc tests: every python fence in docs/ and every module docstring in snippets/."""

import os

os.environ.setdefault("KERAS_BACKEND", "jax")  # Keras 3 on JAX (CPU): no extra step for a user

from sybil import Sybil
from sybil.parsers.rest import DocTestParser

from tests.docfences import DOCTEST_FLAGS, parse_markdown

pages = Sybil(parsers=[parse_markdown], patterns=["*.md"], path="docs")
docstrings = Sybil(parsers=[DocTestParser(optionflags=DOCTEST_FLAGS)], patterns=["*.py"], path="snippets")

pytest_collect_file = (pages + docstrings).pytest()
