"""CSV for spreadsheets, made to open right in a German Excel by double-click.

UTF-8 with a byte order mark (without it Excel reads umlauts as Windows-1252),
``;`` between fields (German Excel's list separator; ``,`` is the decimal comma),
CRLF line ends, fields quoted where needed. Lists (accepted spellings, choices)
are joined with " | ". A field that Excel would run as a formula (starting with
``= + - @``) gets a leading apostrophe, unless it is a plain number like "-5".

Named csv_export so that ``import csv`` inside means the standard library.
"""

from __future__ import annotations

import csv
import re
from typing import TextIO

from quizbot.exports.common import (
    accepted_answers, choices, clean, german_date, key_answer, source_sentence,
)
from quizbot.i18n import tr

BINARY = False
SUFFIX = ".csv"
BOM = "\ufeff"
COLUMNS = ("id", "kind", "question", "answer", "accepted", "choices", "correct", "correction",
           "answer_type", "hint", "title", "source", "date", "sentence", "file", "key")
_FORMULA_START = ("=", "+", "-", "@")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*")


def write(questions: list[dict], out: TextIO) -> None:
    """Write ``questions`` (Store.questions() shape) as CSV to ``out``."""
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for question in questions:
        writer.writerow([spreadsheet_safe(value) for value in row(question)])


def row(question: dict) -> list[str]:
    """The question's values in COLUMNS order, as text."""
    article = question.get("article") or {}
    correct = question.get("correct")
    return [
        str(question.get("id", "")),
        clean(question.get("kind")),
        clean(question.get("question")),
        key_answer(question),
        " | ".join(accepted_answers(question)),
        " | ".join(choices(question)),
        "" if correct is None else (tr("ja", "yes") if correct else tr("nein", "no")),
        clean(question.get("correction")),
        clean(question.get("answer_type")),
        clean(question.get("hint")),
        clean(article.get("title")),
        clean(article.get("source")),
        german_date(article.get("date")),
        source_sentence(question),
        clean(article.get("file")),
        clean(question.get("key")),
    ]


def spreadsheet_safe(value: str) -> str:
    """Keep a spreadsheet from running article text as a formula (CSV injection)."""
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
