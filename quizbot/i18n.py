"""German by default, English with ``--lang en``.

Texts are written where they are used, both languages side by side:
``tr("Richtig!", "Correct!")``. One switch for the whole process.
"""

from __future__ import annotations

import os

LANGUAGES = ("de", "en")
_current = os.environ.get("QUIZBOT_LANG", "de") if os.environ.get("QUIZBOT_LANG") in LANGUAGES else "de"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def tr(de: str, en: str) -> str:
    """The text in the current language."""
    return en if _current == "en" else de
