"""``quizbot export --format anki``: an .apkg (a zip holding a SQLite collection) with one
note per question, the source on the back, and ids that stay the same on re-export."""

from __future__ import annotations

import json
import sqlite3
import zipfile

from export_material import ESC, german_afterwards, run_export, stored_questions  # noqa: F401

from quizbot.exports.anki import FIELDS, stable_id
from quizbot.exports.common import clean


def open_collection(apkg, folder) -> sqlite3.Connection:
    with zipfile.ZipFile(apkg) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        assert json.loads(archive.read("media")) == {}
        archive.extract("collection.anki2", folder)
    return sqlite3.connect(folder / "collection.anki2")


def notes(connection) -> list[dict]:
    rows = connection.execute("select guid, mid, flds, tags from notes order by id").fetchall()
    return [{"guid": guid, "mid": mid, "fields": dict(zip(FIELDS, flds.split("\x1f"))), "tags": tags.split()}
            for guid, mid, flds, tags in rows]


def test_one_note_per_question_with_the_source_on_the_back(tmp_path):
    apkg = run_export(tmp_path, "anki", "quiz.apkg")
    questions = stored_questions(tmp_path)
    found = {note["fields"]["Key"]: note for note in notes(open_collection(apkg, tmp_path / "x"))}
    assert len(found) == len(questions)
    for question in questions:
        fields = found[question["key"]]["fields"]
        assert fields["Source"] == f"„{clean(question['sentence'])}“".replace("<", "&lt;").replace(">", "&gt;")
        assert question["kind"] in found[question["key"]]["tags"]
    amount = found["eco-amount"]["fields"]
    assert amount["Question"].startswith("<div>Wie viel investiert der Halbleiterkonzern in das neue Werk?</div>")
    assert amount["Answer"].startswith("3,5 Milliarden Euro") and "3,5 Mrd. Euro" in amount["Answer"]
    assert amount["Article"] == ("Chip-Werk: {Milliarden} &amp; &lt;Subventionen&gt; für Magdeburg, "
                                 "Der Tagesspiegel, 14.03.2024")
    choice = found["sci-choice"]["fields"]
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in choice["Question"]
    assert "<li>Jens Jensen</li>" in choice["Question"] and ESC not in choice["Question"]
    assert choice["Answer"] == "a) Maria Łukasiewicz"
    assert found["eco-tf"]["fields"]["Answer"].startswith("Die Aussage ist falsch.")


def test_decks_per_article_under_quizbot(tmp_path):
    apkg = run_export(tmp_path, "anki", "quiz.apkg")
    connection = open_collection(apkg, tmp_path / "x")
    decks = json.loads(connection.execute("select decks from col").fetchone()[0])
    names = {deck["name"] for deck in decks.values()}
    assert {"quizbot::Freiburg gewinnt das Derby (08.10.2023)", "quizbot::Hitzerekord in Cottbus"} <= names
    cards_per_deck = dict(connection.execute("select did, count(*) from cards group by did").fetchall())
    sport = stable_id("quizbot", "deck", "quizbot::Freiburg gewinnt das Derby (08.10.2023)")
    assert cards_per_deck[sport] == 4


def test_a_second_export_updates_the_same_notes(tmp_path):
    first = notes(open_collection(run_export(tmp_path, "anki", "a.apkg"), tmp_path / "a"))
    second = notes(open_collection(run_export(tmp_path, "anki", "b.apkg"), tmp_path / "b"))
    assert [(n["guid"], n["mid"]) for n in first] == [(n["guid"], n["mid"]) for n in second]
    assert len({n["guid"] for n in first}) == len(first)
    assert first[0]["mid"] == stable_id("quizbot", "model", "de")


def test_english_cards_have_their_own_note_type(tmp_path):
    apkg = run_export(tmp_path, "anki", "quiz.apkg", lang="en")
    connection = open_collection(apkg, tmp_path / "x")
    found = {note["fields"]["Key"]: note for note in notes(connection)}
    assert found["eco-tf"]["mid"] == stable_id("quizbot", "model", "en")
    assert found["eco-tf"]["fields"]["Answer"].startswith("The statement is false.")
    models = json.loads(connection.execute("select models from col").fetchone()[0])
    assert [m["name"] for m in models.values()] == ["quizbot question"]
