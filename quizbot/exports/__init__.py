"""Question exports: one module per format.

Each format module has ``write(questions, out)`` (``questions`` as returned by
``Store.questions``), ``BINARY`` (does ``out`` take bytes?) and ``SUFFIX``.
Register a new format in ``FORMATS``; ``quizbot export --format`` offers them all.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# format name -> module; imported only when that format is asked for
FORMATS: dict[str, str] = {
    "jsonl": "quizbot.exports.jsonl",
    "gift": "quizbot.exports.gift",
    "moodle-xml": "quizbot.exports.moodle_xml",
    "anki": "quizbot.exports.anki",
    "csv": "quizbot.exports.csv_export",
    "worksheet": "quizbot.exports.worksheet",
    "worksheet-pdf": "quizbot.exports.worksheet_pdf",
}


def exporter(name: str) -> ModuleType:
    """The module that writes format ``name``."""
    try:
        return importlib.import_module(FORMATS[name])
    except KeyError:
        raise ValueError(f"unknown export format {name!r}; known: {', '.join(sorted(FORMATS))}") from None
