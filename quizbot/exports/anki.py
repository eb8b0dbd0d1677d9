"""Anki: an ``.apkg`` deck (genanki), one note per question, the source on the back.

Each article gets its own deck under ``quizbot`` ("quizbot::Titel"). Note type,
deck and note ids are derived from hashes (language, deck name, article file and
question key), never random: importing a new export of the same questions
updates the notes a learner already has, with their review history.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import re
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import BinaryIO

import genanki

from quizbot.exports.common import (
    accepted_answers, article_title, by_article, choices, clean, credit, german_date, key_answer,
    option_letter, source_sentence, truefalse_verdict,
)
from quizbot.i18n import language, tr

BINARY = True
SUFFIX = ".apkg"
FIELDS = ("Question", "Answer", "Source", "Article", "Key")
_CSS = """\
.card { font-family: sans-serif; font-size: 20px; text-align: left; color: #222; background: #fff; }
.night_mode .card { color: #eee; background: #222; }
.hint, .instruction { font-size: 16px; color: #666; }
.answer { font-weight: bold; }
.also { font-size: 16px; }
.source { margin-top: 1em; font-style: italic; }
.article { font-size: 14px; color: #666; }
"""


def stable_id(*parts: str) -> int:
    """A positive 31-bit id from a hash: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF or 1


def note_model() -> genanki.Model:
    """The note type; one per language, because its card templates carry the labels."""
    back = (
        "{{FrontSide}}<hr id=\"answer\">"
        "<div class=\"answer\">{{Answer}}</div>"
        "<div class=\"source\">{{Source}}</div>"
        "<div class=\"article\">{{Article}}</div>"
    )
    return genanki.Model(
        stable_id("quizbot", "model", language()),
        tr("quizbot Frage", "quizbot question"),
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": tr("Frage → Antwort", "Question → answer"),
                    "qfmt": "{{Question}}", "afmt": back}],
        css=_CSS,
    )


def write(questions: list[dict], out: BinaryIO) -> None:
    """Write ``questions`` (Store.questions() shape) as an Anki package to ``out``."""
    model = note_model()
    decks = []
    for _, group in by_article(questions):
        name = "quizbot::" + _deck_title(group[0])
        deck = genanki.Deck(stable_id("quizbot", "deck", name), name,
                            description=html.escape(credit(group[0]), quote=False))
        for question in group:
            deck.add_note(_note(model, question))
        decks.append(deck)
    _write_package(genanki.Package(decks), out)


def _deck_title(question: dict) -> str:
    """'Titel (25.04.2019)'; '::' would nest decks, so it becomes ':'."""
    date = german_date((question.get("article") or {}).get("date"))
    title = f"{article_title(question)} ({date})" if date else article_title(question)
    return title.replace("::", ":")


def _note(model: genanki.Model, question: dict) -> genanki.Note:
    article_file = (question.get("article") or {}).get("file") or ""
    key = clean(question.get("key")) or str(question.get("id", ""))
    fields = [_front(question), _back(question), _source(question),
              html.escape(credit(question), quote=False), html.escape(key, quote=False)]
    return genanki.Note(model=model, fields=fields, guid=genanki.guid_for("quizbot", article_file, key),
                        tags=_tags(question))


def _tags(question: dict) -> list[str]:
    """Anki tags cannot hold spaces: 'quizbot', the kind, the answer type."""
    words = ("quizbot", question.get("kind") or "", question.get("answer_type") or "")
    return [re.sub(r"\s+", "_", clean(word)) for word in words if clean(word)]


def _front(question: dict) -> str:
    text = f"<div>{html.escape(clean(question.get('question')), quote=False)}</div>"
    kind = question.get("kind")
    if kind == "choice" and choices(question):
        items = "".join(f"<li>{html.escape(c, quote=False)}</li>" for c in choices(question))
        text += f"<ol type=\"a\">{items}</ol>"
    elif kind == "truefalse":
        text += f"<div class=\"instruction\">{tr('Richtig oder falsch?', 'True or false?')}</div>"
    elif clean(question.get("hint")):
        text += f"<div class=\"hint\">{html.escape(clean(question.get('hint')), quote=False)}</div>"
    return text


def _back(question: dict) -> str:
    if question.get("kind") == "truefalse":
        return html.escape(truefalse_verdict(question), quote=False)
    answer = html.escape(key_answer(question), quote=False)
    if question.get("kind") == "choice" and key_answer(question) in choices(question):
        answer = f"{option_letter(choices(question).index(key_answer(question)))}) {answer}"
    others = accepted_answers(question)[1:]
    if others:
        also = ", ".join(html.escape(a, quote=False) for a in others)
        answer += f"<div class=\"also\">{tr('Auch richtig', 'Also accepted')}: {also}</div>"
    return answer


def _source(question: dict) -> str:
    sentence = source_sentence(question)
    quoted = tr(f"„{sentence}“", f"“{sentence}”") if sentence else ""
    return html.escape(quoted, quote=False)


def _write_package(package: genanki.Package, out: BinaryIO) -> None:
    """genanki's Package.write_to_file, but its scratch database is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="quizbot-anki-") as scratch:
        database = Path(scratch) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            now = time.time()
            package.write_to_db(connection.cursor(), now, itertools.count(int(now * 1000)))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
