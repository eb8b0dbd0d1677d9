"""Named quiz sets: ``quizbot quiz create|list|show|delete`` and ``quizbot play --quiz NAME``,
on real SQLite files, through the real CLI and the real session."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import sqlite_utils

from chat_material import build_quiz_db
from classroom_material import (  # isolated: an autouse fixture
    KEYS, RIGHT, classroom_db, isolated, play, question_ids, rows, run, text_of,  # noqa: F401
)
from quizbot.store import MIGRATIONS, Store


@pytest.fixture
def db(tmp_path):
    return build_quiz_db(tmp_path / "quiz.db")


def asked(messages) -> list[str]:
    """The questions a learner was asked, in order."""
    return [m.text.split("\n")[0] for m in messages if m.kind == "question"]


def disable(db, *keys: str) -> None:
    with Store(db) as store:
        for key in keys:
            store.edit_question(key, disabled=True)


def quizbot(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "QUIZBOT_LANG": "de"}
    env.pop("QUIZBOT_DB", None)
    return subprocess.run([sys.executable, "-m", "quizbot", *args], input=stdin.encode(),
                          capture_output=True, timeout=60, env=env)


# -- making a quiz set ---------------------------------------------------------------


def test_create_picks_from_the_selection_and_says_how_to_play_it(db):
    result = run("quiz", "create", "7b Wirtschaft", "--article", "wirtschaft", "--count", "3",
                 "--seed", "4", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Quiz „7b Wirtschaft“ angelegt: 3 Fragen zu 1 Artikel (Seed 4, "
                                    "Reihenfolge für jede:n gemischt).\n")
    assert f"quizbot play --quiz '7b Wirtschaft' --db {db}" in result.output
    [(name, ids)] = rows(db, "select name, question_ids from quizzes")
    article = rows(db, "select id from articles where file = 'wirtschaft.txt'")[0][0]
    picked = json.loads(ids)
    assert name == "7b Wirtschaft" and len(picked) == 3
    assert {r[0] for r in rows(db, f"select article_id from questions where id in ({ids[1:-1]})")} == {article}


def test_the_same_seed_picks_the_same_questions(db):
    for name in ("a", "b"):
        assert run("quiz", "create", name, "--count", "4", "--seed", "11", "--db", str(db)).exit_code == 0
    first, second = rows(db, "select question_ids from quizzes order by id")
    assert first == second


def test_kinds_and_explicit_questions(db):
    kinds = run("quiz", "create", "nur-auswahl", "--kind", "choice,truefalse", "--db", str(db))
    assert kinds.exit_code == 0, kinds.output
    [(ids,)] = rows(db, "select question_ids from quizzes where name = 'nur-auswahl'")
    assert {k for (k,) in rows(db, f"select kind from questions where id in ({ids[1:-1]})")} == {"choice", "truefalse"}
    wanted = question_ids(db, "wx-cloze-year", "eco-open-amount")
    exact = run("quiz", "create", "genau", "--question", str(wanted[0]), "--question", str(wanted[1]),
                "--db", str(db))
    assert exact.exit_code == 0, exact.output
    assert rows(db, "select question_ids from quizzes where name = 'genau'") == [(f"[{wanted[0]}, {wanted[1]}]",)]


def test_too_few_matching_questions_are_taken_and_said(db):
    result = run("quiz", "create", "klein", "--article", "wetter", "--count", "10", "--db", str(db))
    assert result.exit_code == 0
    assert "3 Fragen zu 1 Artikel" in result.output
    assert "Nur 3 von 10 gewünschten Fragen passen zur Auswahl." in result.output


def test_list_and_show(tmp_path):
    db = classroom_db(tmp_path)
    play(db, "Anna", *RIGHT)
    play(db, "Ben", "500 Millionen Euro")
    listed = run("quiz", "list", "--db", str(db))
    assert listed.exit_code == 0
    header, row = listed.output.splitlines()
    assert header.split() == ["Quiz", "Fragen", "Lernende", "fertig", "angelegt"]
    assert row.split()[:4] == ["7b", "4", "2", "1"]  # 4 questions, 2 learners, 1 finished
    shown = run("quiz", "show", "7B", "--db", str(db))  # the name is found whatever its case
    assert shown.exit_code == 0, shown.output
    assert shown.output.startswith("Quiz „7b“ · 4 Fragen · Seed 5 · feste Reihenfolge")
    assert "Siemens investiert in Erlangen, Süddeutsche Zeitung, 12.03.2024" in shown.output
    ids = question_ids(db, *KEYS)
    numbered = [line.split()[:2] for line in shown.output.splitlines() if line.strip()[:1].isdigit()]
    assert numbered[:4] == [[str(n), str(i)] for n, i in enumerate(ids, start=1)]


def test_no_quiz_yet(db):
    assert run("quiz", "list", "--db", str(db)).output == "Noch kein Quiz angelegt – quizbot quiz create NAME\n"


# -- playing it ----------------------------------------------------------------------


def test_every_learner_gets_the_same_questions_each_in_their_own_steady_order(tmp_path):
    db = classroom_db(tmp_path, fixed_order=False)
    orders = {name: asked(play(db, name, *["/überspringen"] * 4, "nein")) for name in ("Anna", "Ben", "Cem", "Dana")}
    assert all(sorted(order) == sorted(orders["Anna"]) and len(order) == 4 for order in orders.values())
    assert len({tuple(order) for order in orders.values()}) > 1  # not everyone in the same order
    assert rows(db, "select count(distinct quiz_id), count(*) from attempts") == [(1, 16)]
    # the order is the learner's own, every time: the seed and the name decide it
    again = classroom_db(tmp_path / "wieder", fixed_order=False)
    assert asked(play(again, "Cem", *["/überspringen"] * 4, "nein")) == orders["Cem"]


def test_fixed_order_asks_everyone_the_same_order(tmp_path):
    db = classroom_db(tmp_path, fixed_order=True)
    first, second = (asked(play(db, name, *["/überspringen"] * 4, "nein")) for name in ("Anna", "Ben"))
    assert first == second
    assert first[0] == "Wie viel Geld investiert Siemens in das Forschungszentrum in Erlangen?"


def test_the_greeting_and_header_name_the_quiz(tmp_path):
    db = classroom_db(tmp_path)
    said = play(db, None)
    assert said[0].text.startswith("Hallo! Quiz „7b“: 4 Fragen zu 3 Artikeln:")


def test_resuming_a_quiz_session_goes_on_where_it_was_left(tmp_path):
    db = classroom_db(tmp_path)
    left = play(db, "Anna", RIGHT[0])
    assert "Beim nächsten Start von Quiz „7b“ mit dem Namen Anna geht es weiter." in text_of(left)
    back = play(db, "Anna", "ja", RIGHT[1], RIGHT[2], RIGHT[3])
    said = text_of(back)
    assert "In diesem Quiz gibt es schon „Anna“ (angefangen heute um" in said
    assert "1 von 4 Fragen beantwortet" in said
    assert "Weiter geht's mit Frage 2 von 4." in said and "4 von 4 richtig" in said
    assert rows(db, "select count(*), count(distinct session_id), min(quiz_id) from attempts") == [(4, 1, 1)]
    assert rows(db, "select status from sessions") == [("finished",)]


def test_free_play_does_not_offer_a_quiz_session_and_the_quiz_does_not_offer_a_free_one(tmp_path):
    db = classroom_db(tmp_path)
    play(db, "Anna", RIGHT[0])  # in the quiz set, left after one answer
    store = Store(db)
    from quizbot.session import QuizOptions, QuizSession

    free = QuizSession(store, QuizOptions(count=2, seed=1), "Anna")
    opening = free.start()
    assert free.state == "question" and "angefangenes Quiz" not in text_of(opening)
    free.handle("/überspringen")
    free.leave()
    store.close()
    back = play(db, "Anna", "ja")
    assert "Weiter geht's mit Frage 2 von 4." in text_of(back)
    assert rows(db, "select quiz_id, status from sessions order by id") == [(1, "active"), (None, "active")]


def test_repeating_the_missed_questions_afterwards_is_not_part_of_the_quiz_set(tmp_path):
    db = classroom_db(tmp_path)
    said = play(db, "Ben", "1", "A", "nein", "1", "ja", *RIGHT)
    assert "Wiederholung der verpassten Fragen (4)." in text_of(said)
    assert rows(db, "select quiz_id, count(*) from attempts group by quiz_id order by quiz_id") == [
        (None, 4), (1, 4)]


def test_a_class_of_three_in_line_mode(tmp_path):
    db = classroom_db(tmp_path)
    answers = {"Anna": "\n".join(RIGHT), "Ben": "1\nA\nnein\n/überspringen\nnein", "Cem": "500 Millionen Euro"}
    for name, lines in answers.items():
        result = quizbot("play", "--quiz", "7b", "--learner", name, "--db", str(db), stdin=lines + "\n")
        assert result.returncode == 0, result.stderr.decode()
        assert "Quiz „7b“: 4 Fragen zu 3 Artikeln" in result.stdout.decode()
    assert rows(db, "select l.name, sum(t.accepted), count(*) from attempts t join learners l on l.id = t.learner_id "
                    "where t.quiz_id = 1 group by l.name order by l.name") == [
        ("Anna", 4, 4), ("Ben", 0, 4), ("Cem", 1, 1)]


# -- bad input -------------------------------------------------------------------------


def test_an_unknown_quiz_is_one_clear_line_everywhere(tmp_path):
    db = classroom_db(tmp_path)
    played = quizbot("play", "--quiz", "8c", "--learner", "Anna", "--db", str(db))
    assert played.returncode == 1
    assert played.stderr.decode() == "quizbot: Unbekanntes Quiz „8c“ – quizbot quiz list zeigt alle Quizze.\n"
    for command in (("quiz", "show", "8c"), ("quiz", "delete", "8c")):
        result = run(*command, "--db", str(db))
        assert result.exit_code == 1 and "Unbekanntes Quiz „8c“" in result.output, command
    assert rows(db, "select count(*) from learners") == [(0,)]


def test_a_quiz_whose_questions_are_all_disabled_cannot_be_played(tmp_path):
    db = classroom_db(tmp_path)
    disable(db, *KEYS)
    result = quizbot("play", "--quiz", "7b", "--learner", "Anna", "--db", str(db))
    assert result.returncode == 1
    assert result.stderr.decode() == ("quizbot: Das Quiz „7b“ hat keine freigegebenen Fragen mehr (gesperrt "
                                      "oder beim Neu-Einlesen weggefallen) – quizbot quiz show 7b zeigt sie.\n")
    assert rows(db, "select count(*) from sessions") == [(0,)]
    shown = run("quiz", "show", "7b", "--db", str(db))
    assert "Quiz „7b“ · 0 Fragen" in shown.output and "4 gesperrt (kommen nicht dran)" in shown.output


def test_a_disabled_question_drops_out_of_a_quiz_set(tmp_path):
    db = classroom_db(tmp_path)
    disable(db, "eco-choice-person")
    said = play(db, "Anna", "500 Millionen Euro", "ja", "1893")
    assert len(asked(said)) == 3 and "Roland Busch" not in text_of(said)
    assert "3 von 3 richtig" in text_of(said)


def test_bad_quiz_sets_are_not_made(db):
    cases = {
        ("--article", "Olympia"): "quizbot: Kein Artikel passt zu „Olympia“.\n",
        ("--kind", "essay"): "quizbot: Unbekannte Frageart „essay“ – möglich sind: open, cloze, choice, truefalse.\n",
        ("--question", "999"): "quizbot: Keine Frage mit der Id 999 – quizbot questions zeigt die Ids.\n",
    }
    for options, message in cases.items():
        result = run("quiz", "create", "x", *options, "--db", str(db))
        assert (result.exit_code, result.output) == (1, message), options
    assert run("quiz", "create", "   ", "--db", str(db)).output == "quizbot: Der Quizname ist leer.\n"
    assert "zu lang" in run("quiz", "create", "x" * 61, "--db", str(db)).output
    assert rows(db, "select count(*) from quizzes") == [(0,)]


def test_a_name_is_taken_once(db):
    assert run("quiz", "create", "7b", "--db", str(db)).exit_code == 0
    again = run("quiz", "create", "7B", "--db", str(db))
    assert again.exit_code == 1 and again.output.startswith("quizbot: Ein Quiz „7B“ gibt es schon")
    assert rows(db, "select count(*) from quizzes") == [(1,)]


def test_quiz_and_a_selection_do_not_go_together(tmp_path):
    db = classroom_db(tmp_path)
    result = run("play", "--quiz", "7b", "--count", "3", "--plain", "--db", str(db))
    assert result.exit_code == 1
    assert result.output == "quizbot: --quiz legt die Fragen fest; --count passt nicht dazu.\n"


def test_delete_asks_when_learners_played_and_keeps_their_answers(tmp_path):
    db = classroom_db(tmp_path)
    play(db, "Anna", *RIGHT)
    for answer in ("n\n", "\n", "nö\n", ""):
        declined = run("quiz", "delete", "7b", "--db", str(db), input=answer)
        assert declined.exit_code == 1 and rows(db, "select count(*) from quizzes") == [(1,)]
        assert "[j/N]" in declined.stderr and "Traceback" not in declined.stderr
    assert "Nicht gelöscht: „7b“ bleibt." in declined.stderr or "Abgebrochen" in declined.stderr
    assert run("quiz", "delete", "7b", "--db", str(db), input="ja\n").exit_code == 0  # German yes
    assert rows(db, "select count(*) from quizzes") == [(0,)]
    run("quiz", "create", "7b", "--question", str(question_ids(db, "wx-cloze-year")[0]), "--db", str(db))
    play(db, "Anna", *RIGHT)
    answered = rows(db, "select count(*) from attempts")[0][0]
    deleted = run("quiz", "delete", "7b", "--yes", "--db", str(db))
    assert deleted.exit_code == 0 and deleted.output == "Quiz „7b“ gelöscht.\n"
    assert rows(db, "select count(*) from quizzes") == [(0,)]
    assert rows(db, "select count(*), count(quiz_id) from attempts") == [(answered, 0)]  # kept, unlinked
    # a new quiz set of the same name starts empty
    run("quiz", "create", "7b", "--question", str(question_ids(db, "wx-cloze-year")[0]), "--db", str(db))
    assert run("quiz", "list", "--db", str(db)).output.splitlines()[1].split()[:4] == ["7b", "1", "0", "0"]


def test_a_database_from_an_older_quizbot_is_migrated_and_loses_nothing(tmp_path):
    db = build_quiz_db(tmp_path / "alt.db")
    questions_before = rows(db, "select id, key, question from questions order by id")
    # as quizbot left it before learners and quiz sets existed: migration m001 only
    with Store(db) as store:
        for table in ("reviews", "contests", "attempts", "sessions", "quizzes", "learners"):
            store.db[table].drop()
        store.db.execute("delete from _sqlite_migrations where name = 'm002_learning'")
    assert [m.name for m in MIGRATIONS.applied(sqlite_utils.Database(db))] == ["m001_content"]
    made = run("quiz", "create", "alt", "--count", "2", "--seed", "1", "--db", str(db))
    assert made.exit_code == 0, made.output
    assert rows(db, "select id, key, question from questions order by id") == questions_before
    assert rows(db, "select name from _sqlite_migrations order by name") == [("m001_content",), ("m002_learning",)]
    said = play(db, "Anna", "/überspringen", "/überspringen", quiz="alt")
    assert "0 von 2 richtig" in text_of(said)


# -- exporting a quiz set ----------------------------------------------------------------


def test_export_takes_a_quiz_sets_enabled_questions_in_its_order(tmp_path):
    db = classroom_db(tmp_path)
    disable(db, "sport-tf-score")
    result = run("export", "--quiz", "7B", "--db", str(db))
    assert result.exit_code == 0, result.output
    exported = [json.loads(line)["id"] for line in result.output.splitlines()]
    assert exported == question_ids(db, "eco-open-amount", "eco-choice-person", "wx-cloze-year")
    gift = tmp_path / "7b.gift"
    made = run("export", "--quiz", "7b", "--format", "gift", "-o", str(gift), "--db", str(db))
    assert made.exit_code == 0 and "3 Fragen nach" in made.output
    assert gift.read_text(encoding="utf-8").count("::Q") == 3


def test_export_of_an_unknown_quiz_set_or_with_a_selection_is_one_line(tmp_path):
    db = classroom_db(tmp_path)
    unknown = run("export", "--quiz", "8c", "--db", str(db))
    assert (unknown.exit_code, unknown.output) == (
        1, "quizbot: Unbekanntes Quiz „8c“ – quizbot quiz list zeigt alle Quizze.\n")
    mixed = run("export", "--quiz", "7b", "--kind", "open", "--db", str(db))
    assert (mixed.exit_code, mixed.output) == (
        1, "quizbot: --quiz legt die Fragen fest; --article/--kind passen nicht dazu.\n")
