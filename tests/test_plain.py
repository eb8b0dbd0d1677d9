"""Line mode through the real CLI in a subprocess, with piped input."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from chat_material import build_quiz_db, empty_db, write_articles


@pytest.fixture
def db(tmp_path):
    return build_quiz_db(tmp_path / "quiz.db")


def quizbot(*args: str, stdin: bytes | str = b"") -> subprocess.CompletedProcess:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    env = {**os.environ, "QUIZBOT_LANG": "de"}
    env.pop("QUIZBOT_DB", None)
    return subprocess.run([sys.executable, "-m", "quizbot", *args], input=data,
                          capture_output=True, timeout=60, env=env)


def out(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode()


def rows(db, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    found = conn.execute(sql).fetchall()
    conn.close()
    return found


def test_piped_answer_is_graded_saved_and_ends_cleanly(db):
    result = quizbot("play", "--plain", "--kind", "open", "--article", "wirtschaft", "--count", "1",
                     "--seed", "1", "--learner", "anna", "--db", str(db),
                     stdin="500 Millionen Euro\n/ende\n")
    text = out(result)
    assert result.returncode == 0, result.stderr.decode()
    assert "Frage 1 von 1 · Offene Frage" in text
    assert "Wie viel Geld investiert Siemens in das Forschungszentrum in Erlangen?" in text
    assert "> 500 Millionen Euro" in text  # piped answers are echoed into the transcript
    assert "Richtig!" in text
    assert "„Der Konzern investiert dafür 500 Millionen Euro.“" in text
    assert "— Siemens investiert in Erlangen, Süddeutsche Zeitung, 12.03.2024" in text
    assert "1 von 1 richtig" in text
    assert "\x1b" not in text  # no colour or cursor codes in line mode
    assert rows(db, "select given, verdict from attempts") == [("500 Millionen Euro", "correct")]


def test_end_of_input_mid_quiz_saves_and_the_next_run_resumes(db):
    first = quizbot("play", "--count", "3", "--seed", "4", "--learner", "ben", "--db", str(db),
                    stdin="/überspringen\n")  # no --plain: piped input picks line mode itself
    assert first.returncode == 0, first.stderr.decode()
    assert "Alles gespeichert (1 von 3 beantwortet)" in out(first)
    assert rows(db, "select status, position from sessions") == [("active", 1)]
    second = quizbot("play", "--plain", "--learner", "ben", "--db", str(db), stdin="ja\n/punkte\n")
    assert "Weiter mit dem angefangenen Quiz? (ja/nein – nein beginnt ein neues)" in out(second)
    assert "Weiter geht's mit Frage 2 von 3." in out(second)
    assert "0 von 1 Antwort richtig · jetzt Frage 2 von 3." in out(second)
    assert rows(db, "select count(*) from sessions") == [(1,)]


def test_choices_are_listed_with_letters_and_truefalse_asks_ja_nein(db):
    result = quizbot("play", "--plain", "--kind", "choice,truefalse", "--article", "derby",
                     "--seed", "2", "--learner", "cem", "--db", str(db), stdin="A\nja\n")
    text = out(result)
    assert ("Wer traf zweimal für Freiburg?\n  A) Vincenzo Grifo\n  B) Christian Günter\n"
            "  C) Michael Gregoritsch\n  D) Ritsu Doan\n") in text
    assert "Stimmt das? Freiburg hat das Derby mit 3:1 gewonnen.\n  (ja/nein)\n" in text
    assert result.returncode == 0


def test_name_is_asked_when_missing_and_read_from_the_pipe(db):
    result = quizbot("play", "--plain", "--count", "1", "--db", str(db), stdin="Dörte\n/ende\n")
    assert "Wie heißt du?" in out(result) and "Los geht's, Dörte!" in out(result)
    assert rows(db, "select name from learners") == [("Dörte",)]


def test_undecodable_input_does_not_crash(db):
    result = quizbot("play", "--plain", "--count", "1", "--kind", "open", "--learner", "anna",
                     "--db", str(db), stdin=b"\xff\xfe kaputt\n/ende\n")
    assert result.returncode == 0, result.stderr.decode()
    assert len(rows(db, "select given from attempts")) == 1


@pytest.mark.parametrize("problem", ["missing", "corrupt"])
def test_unusable_database_is_one_clear_line(tmp_path, problem):
    path = tmp_path / "quiz.db"
    if problem == "corrupt":
        path.write_bytes(b"this is not sqlite" * 100)
    result = quizbot("play", "--plain", "--learner", "anna", "--db", str(path), stdin="x\n")
    error = result.stderr.decode()
    assert result.returncode == 1
    assert error.startswith("quizbot: ") and error.count("\n") == 1
    assert "Traceback" not in error
    assert not (problem == "missing" and path.exists())  # nothing created by mistake


def test_empty_database_says_how_to_ingest(tmp_path):
    path = empty_db(tmp_path / "empty.db")
    result = quizbot("play", "--plain", "--learner", "anna", "--db", str(path))
    assert result.returncode == 1
    assert "quizbot ingest" in result.stderr.decode()


def test_bad_options_are_one_line_errors(db):
    unknown_kind = quizbot("play", "--plain", "--kind", "essay", "--db", str(db))
    assert unknown_kind.returncode == 1
    assert unknown_kind.stderr.decode() == ("quizbot: Unbekannte Frageart „essay“ – möglich sind: "
                                            "open, cloze, choice, truefalse.\n")
    no_article = quizbot("play", "--plain", "--article", "Olympia", "--learner", "x", "--db", str(db))
    assert no_article.returncode == 1
    assert no_article.stderr.decode() == "quizbot: Kein Artikel passt zu „Olympia“.\n"


def test_ingested_articles_can_be_played_end_to_end(tmp_path):
    db = tmp_path / "klasse.db"
    ingested = quizbot("ingest", "--db", str(db), str(write_articles(tmp_path / "artikel")))
    assert ingested.returncode == 0, ingested.stderr.decode()
    result = quizbot("play", "--count", "3", "--seed", "9", "--learner", "lea", "--db", str(db),
                     stdin="/überspringen\n/überspringen\n/überspringen\nnein\n")
    text = out(result)
    assert result.returncode == 0, result.stderr.decode()
    assert "Hallo lea! 3 Fragen zu" in text
    assert text.count("Übersprungen.") == 3 and text.count("Beleg") == 3
    assert "0 von 3 richtig" in text and "Die 3 verpassten Fragen jetzt wiederholen? (ja/nein)" in text
    assert "Danke fürs Mitmachen" in text
    assert rows(db, "select status from sessions") == [("finished",)]


def test_lang_en_alone_opens_the_chat_and_is_understood_after_the_command(db):
    alone = subprocess.run([sys.executable, "-m", "quizbot", "--lang", "en"], input=b"anna\n",
                           capture_output=True, timeout=60, env={**os.environ, "QUIZBOT_DB": str(db)})
    assert alone.returncode == 0, alone.stderr.decode()
    assert "Question 1 of" in out(alone) and "Frage" not in out(alone)
    after = quizbot("play", "--plain", "--count", "1", "--seed", "1", "--learner", "anna", "--db", str(db),
                    "--lang", "en", stdin="/end\n")
    assert after.returncode == 0, after.stderr.decode()
    assert "Question 1 of 1" in out(after)
