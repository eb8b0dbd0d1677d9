"""Learner names: cleaned, capped, and two learners of the same name in one quiz set kept apart.

What a teacher wants (docs/classroom.md): a name already used in the quiz set is
asked about ("Is that you?"). The same learner says yes and goes on where they
left off; someone else says no and picks another name (say "Anna K."), so the
report shows two people, never one mixed session.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from chat_material import build_quiz_db
from classroom_material import RIGHT, classroom_db, play, rows, text_of
from quizbot.session import MAX_NAME_LENGTH, QuizOptions, QuizSession, clean_name
from quizbot.store import Store

LONG_NAME = "Anna" * 2500  # 10,000 characters


def quizbot(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "QUIZBOT_LANG": "de"}
    env.pop("QUIZBOT_DB", None)
    return subprocess.run([sys.executable, "-m", "quizbot", *args], input=stdin.encode(),
                          capture_output=True, timeout=60, env=env)


def learners(db) -> list[str]:
    return [name for (name,) in rows(db, "select name from learners order by id")]


# -- cleaning ----------------------------------------------------------------------


@pytest.mark.parametrize("typed, stored", [
    ("  Anna   Maria  ", "Anna Maria"),
    ("\x1b[31mAnna\x1b[0m", "Anna"),  # colour codes
    ("An\x07na\x00", "Anna"),  # control characters
    ("Ann\u200ba\u202e", "Anna"),  # a zero-width space, a right-to-left override
    ("Ju\u0308rgen", "Jürgen"),  # a decomposed umlaut is stored composed
    ("[bold]Zoë[/]", "[bold]Zoë[/]"),  # markup is text, shown literally
])
def test_names_are_cleaned(typed, stored):
    assert clean_name(typed) == stored


def test_a_name_typed_in_the_chat_is_stored_clean(tmp_path):
    db = build_quiz_db(tmp_path / "quiz.db")
    session = QuizSession(Store(db), QuizOptions(count=1, seed=1), None)
    session.start()
    said = session.handle("  \x1b]0;Titel\x07Dörte\u200b  ")
    assert "Los geht's, Dörte!" in text_of(said)
    assert learners(db) == ["Dörte"]


def test_a_name_in_another_case_is_the_same_learner(tmp_path):
    db = build_quiz_db(tmp_path / "quiz.db")
    store = Store(db)
    for typed in ("Jürgen", "jürgen", "JÜRGEN", " jürgen "):
        session = QuizSession(store, QuizOptions(count=1, seed=1), None)
        session.start()
        session.handle(typed)
    assert learners(db) == ["Jürgen"]  # the first spelling stays


def test_a_10000_character_name_in_the_chat_is_asked_again(tmp_path):
    db = build_quiz_db(tmp_path / "quiz.db")
    session = QuizSession(Store(db), QuizOptions(count=1, seed=1), None)
    session.start()
    said = session.handle(LONG_NAME)
    assert [m.kind for m in said] == ["prompt"]
    assert said[0].text == (f"Der Name ist zu lang (10000 Zeichen, höchstens {MAX_NAME_LENGTH}). "
                            "Wie soll ich dich nennen?")
    assert session.state == "name" and learners(db) == []
    assert "Los geht's, Anna!" in text_of(session.handle("Anna"))


def test_a_name_of_escape_codes_only_is_asked_again(tmp_path):
    db = build_quiz_db(tmp_path / "quiz.db")
    session = QuizSession(Store(db), QuizOptions(count=1, seed=1), None)
    session.start()
    assert session.handle("\x1b[31m\x1b[0m") == []  # nothing typed, as far as the chat can see
    said = session.handle("\u200b\u202e")  # invisible characters only
    assert [(m.kind, m.text) for m in said] == [("prompt", "Wie heißt du?")]
    assert session.state == "name" and learners(db) == []


@pytest.mark.parametrize("name, message", [
    (LONG_NAME, f"quizbot: --learner: Der Name ist zu lang (10000 Zeichen, höchstens {MAX_NAME_LENGTH}).\n"),
    ("\x1b[2J\x1b[H", "quizbot: --learner: Der Name ist leer.\n"),
])
def test_a_bad_name_on_the_command_line_is_one_clear_line(tmp_path, name, message):
    db = build_quiz_db(tmp_path / "quiz.db")
    result = quizbot("play", "--plain", "--learner", name, "--db", str(db), stdin="x\n")
    assert result.returncode == 1
    assert result.stderr.decode() == message
    assert result.stdout == b"" and learners(db) == []


def test_a_name_with_escape_codes_on_the_command_line_is_cleaned(tmp_path):
    db = build_quiz_db(tmp_path / "quiz.db")
    result = quizbot("play", "--plain", "--count", "1", "--learner", "\x1b[1mBen\x1b[0m", "--db", str(db),
                     stdin="/ende\n")
    assert result.returncode == 0, result.stderr.decode()
    assert "\x1b" not in result.stdout.decode() and "Hallo Ben!" in result.stdout.decode()
    assert learners(db) == ["Ben"]


# -- the same name twice in one quiz set ---------------------------------------------------


def test_a_second_anna_is_asked_and_picks_another_name(tmp_path):
    db = classroom_db(tmp_path)
    play(db, "Anna", RIGHT[0])  # the first Anna, at her machine, one answer in
    said = play(db, "Anna", "nein", "Anna K.", "1")
    text = text_of(said)
    assert "In diesem Quiz gibt es schon „Anna“" in text and "Bist du das? (ja/nein)" in text
    assert ("Dann nimm bitte einen anderen Namen, damit deine Lehrkraft euch auseinanderhalten kann – "
            "zum Beispiel mit dem ersten Buchstaben deines Nachnamens: „Anna K.“. Wie heißt du?") in text
    assert "Los geht's, Anna K.!" in text
    assert rows(db, "select l.name, s.position from sessions s join learners l on l.id = s.learner_id "
                    "order by s.id") == [("Anna", 1), ("Anna K.", 1)]
    # the first Anna comes back and goes on with her own session
    back = text_of(play(db, "anna", "ja", *RIGHT[1:]))
    assert "Weiter geht's mit Frage 2 von 4." in back and "4 von 4 richtig" in back
    assert rows(db, "select l.name, count(*), sum(t.accepted) from attempts t "
                    "join learners l on l.id = t.learner_id group by l.name order by l.name") == [
        ("Anna", 4, 4), ("Anna K.", 1, 0)]


def test_is_that_you_takes_only_yes_or_no(tmp_path):
    db = classroom_db(tmp_path)
    play(db, "Anna", RIGHT[0])
    said = play(db, "Anna", "vielleicht")
    assert [m.text for m in said if m.kind == "prompt"][-1] == "Bitte mit ja oder nein antworten: bist du Anna?"
    assert rows(db, "select count(*) from sessions") == [(1,)]


def test_a_learner_who_finished_sees_the_result_instead_of_a_second_go(tmp_path):
    db = classroom_db(tmp_path)
    play(db, "Ben", "1", "A", "ja", "1893", "nein")
    said = text_of(play(db, "Ben", "ja", "nein"))
    assert "(angefangen heute um" in said and "schon beendet" in said
    assert "Du hast dieses Quiz schon beendet." in said and "2 von 4 richtig" in said
    assert "Die 2 verpassten Fragen jetzt wiederholen? (ja/nein)" in said
    assert rows(db, "select count(*) from sessions") == [(1,)]
    assert rows(db, "select count(*) from attempts") == [(4,)]


def test_the_same_name_in_another_quiz_set_is_not_asked_about(tmp_path):
    db = classroom_db(tmp_path)
    with Store(db) as store:
        from quizbot.quizzes import create_quiz

        create_quiz(store, "8a", count=2, seed=1)
    play(db, "Anna", RIGHT[0])
    said = text_of(play(db, "Anna", quiz="8a"))
    assert "Bist du das?" not in said and "Frage 1 von 2" in said
