"""Where the bundled lexicons (data/) and sample articles (seeds/) are.

In a source checkout they sit at the top of the repository; in an installed
wheel they are copied into the package as ``_data`` and ``_seeds``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[0]


@lru_cache(maxsize=None)
def data_dir() -> Path:
    return _first_existing(_PACKAGE / "_data", _PACKAGE.parent / "data")


@lru_cache(maxsize=None)
def seeds_dir() -> Path:
    return _first_existing(_PACKAGE / "_seeds", _PACKAGE.parent / "seeds")


@lru_cache(maxsize=None)
def lexicon_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``data/<name>`` (``#`` starts a comment line)."""
    text = (data_dir() / name).read_text(encoding="utf-8")
    return tuple(
        line.rstrip("\n")
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def lexicon_rows(name: str, sep: str = "\t") -> list[list[str]]:
    """Rows of a tab-separated lexicon in ``data/``, fields stripped."""
    return [[field.strip() for field in line.split(sep)] for line in lexicon_lines(name)]
