"""German by default, English with ``--lang en``.

Texts are written where they are used, both languages side by side:
``tr("Richtig!", "Correct!")``. One switch for the whole process.
"""

from __future__ import annotations

import os
import re
from typing import Optional

LANGUAGES = ("de", "en")


def environment_language() -> str:
    """QUIZBOT_LANG's language, German when it is unset or no language."""
    wanted = os.environ.get("QUIZBOT_LANG")
    return wanted if wanted in LANGUAGES else "de"


_current = environment_language()


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


def local_date(iso: Optional[str]) -> str:
    """An article's date as the reader writes it: "2019-04-25" -> "25.04.2019" (English keeps
    ISO); anything that is no ISO date is returned as given."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", (iso or "").strip())
    if not match:
        return iso or ""
    year, month, day = match.groups()
    return tr(f"{day}.{month}.{year}", f"{year}-{month}-{day}")


def correction_without_quote(correction: str, sentence: str) -> str:
    """A true/false question's stored correction without its quote of the source sentence,
    which the evidence (or an export's feedback) shows anyway:
    "Richtig ist: 500 Millionen Euro. Im Artikel steht: „…“" -> "Richtig ist: 500 Millionen Euro."."""
    if not sentence or sentence not in correction:
        return correction
    before = correction[: correction.index(sentence)].rstrip(" „“\"")
    if before.endswith(":"):  # drop the label of the quote ("Im Artikel steht:")
        before = before[: before.rfind(". ") + 1] if ". " in before else ""
    return before.strip() or correction
