"""The teacher's review from the CLI: ``quizbot questions show|edit|disable|enable|reset``.

Edits are kept by the question's stable key, so they survive a re-ingest of the
same article; a disabled question never reaches a quiz or an export.
"""

from __future__ import annotations

import json

import pytest

from chat_material import build_quiz_db, built_db
from classroom_material import isolated, question_ids, rows, run  # noqa: F401 - isolated: an autouse fixture
from quizbot.session import QuizOptions, QuizSession
from quizbot.store import Store


@pytest.fixture
def db(tmp_path):
    return build_quiz_db(tmp_path / "quiz.db", with_markup=True)


def stored(db, question_id: int) -> dict:
    with Store(db) as store:
        return store.question(question_id)


def listed_ids(db, *options: str) -> list[int]:
    result = run("questions", "--json", *options, "--db", str(db))
    return [q["id"] for q in json.loads(result.output)]


def answer_in_a_session(db, question_id: int, answer: str):
    store = Store(db)
    try:
        session = QuizSession(store, QuizOptions(question_ids=[question_id]), "anna")
        asked = session.start()[-1]
        verdict = session.handle(answer)[0]
    finally:
        store.close()
    return asked, verdict


# -- editing ---------------------------------------------------------------------------


def test_edit_text_answer_and_variants_change_what_is_asked_and_graded(db):
    [qid] = question_ids(db, "eco-open-amount")
    result = run("questions", "edit", str(qid), "--question", "Wie viel Geld steckt Siemens in Erlangen?",
                 "--answer", "500 Mio. Euro", "--accept", "eine halbe Milliarde Euro", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Frage {qid} geändert.\n{qid} · offen · freigegeben\n")
    assert "Auch richtig  eine halbe Milliarde Euro" in result.output
    asked, verdict = answer_in_a_session(db, qid, "eine halbe Milliarde Euro")
    assert asked.text == "Wie viel Geld steckt Siemens in Erlangen?"
    assert verdict.verdict == "correct"
    assert rows(db, "select expected from attempts") == [("500 Mio. Euro",)]


def test_a_new_answer_replaces_the_generated_spellings_and_keeps_the_teachers(db):
    [qid] = question_ids(db, "wx-open-place")
    run("questions", "edit", str(qid), "--accept", "in Cottbus", "--db", str(db))
    run("questions", "edit", str(qid), "--answer", "Cottbus in Brandenburg", "--db", str(db))
    assert stored(db, qid)["accepted"] == ["Cottbus in Brandenburg", "in Cottbus"]


def test_variants_add_up_and_are_kept_once(db):
    [qid] = question_ids(db, "wx-open-temp")
    for variant in ("38,2 °C", "38,2 Grad Celsius", "38,2 °C"):
        assert run("questions", "edit", str(qid), "--accept", variant, "--db", str(db)).exit_code == 0
    assert stored(db, qid)["accepted"] == ["38,2 Grad", "38,2 °C", "38,2 Grad Celsius"]


def test_a_choice_answer_is_one_of_the_choices_given_by_letter_or_text(db):
    [qid] = question_ids(db, "eco-choice-person")
    assert run("questions", "edit", str(qid), "--answer", "a", "--db", str(db)).exit_code == 0
    assert stored(db, qid)["answer"] == "Joe Kaeser"
    assert run("questions", "edit", str(qid), "--answer", "roland busch", "--db", str(db)).exit_code == 0
    assert stored(db, qid)["answer"] == "Roland Busch"
    wrong = run("questions", "edit", str(qid), "--answer", "Angela Merkel", "--db", str(db))
    assert wrong.exit_code == 1
    assert wrong.output == ("quizbot: Die Antwort muss eine der Wahlmöglichkeiten sein: A) Joe Kaeser · "
                            "B) Roland Busch · C) Oliver Blume · D) Christian Sewing\n")


def test_a_rewritten_statement_takes_the_answer_the_teacher_gives(db):
    [qid] = question_ids(db, "eco-tf-amount")  # "Siemens investiert 50 Millionen Euro in Erlangen." - falsch
    result = run("questions", "edit", str(qid), "--question", "Siemens investiert 500 Millionen Euro in Erlangen.",
                 "--answer", "stimmt", "--db", str(db))
    assert result.exit_code == 0, result.output
    question = stored(db, qid)
    assert (question["answer"], question["correct"], question["correction"]) == ("richtig", True, None)
    _, verdict = answer_in_a_session(db, qid, "ja")
    assert verdict.verdict == "correct"
    assert run("questions", "edit", str(qid), "--answer", "nein", "--db", str(db)).exit_code == 0
    assert stored(db, qid)["correct"] is False


@pytest.mark.parametrize("key, options, message", [
    ("eco-tf-amount", ("--answer", "vielleicht"),
     "quizbot: Bei einer Ja/Nein-Frage ist die Antwort ja oder nein, nicht „vielleicht“.\n"),
    ("eco-choice-person", ("--accept", "Busch"),
     "quizbot: Weitere richtige Antworten gibt es bei einer Multiple-Choice-Frage nicht (dort zählt die Wahl).\n"),
    ("eco-cloze-count", ("--question", "Wie viele Menschen sollen dort arbeiten?"),
     "quizbot: Ein Lückentext braucht seine Lücke (____).\n"),
    ("eco-open-amount", (), "quizbot: Nichts zu ändern: --question, --answer oder --accept angeben.\n"),
    ("eco-open-amount", ("--answer", " \x1b[31m "), "quizbot: Die Antwort ist leer.\n"),
])
def test_an_edit_that_does_not_fit_is_one_line_and_writes_nothing(db, key, options, message):
    [qid] = question_ids(db, key)
    result = run("questions", "edit", str(qid), *options, "--db", str(db))
    assert (result.exit_code, result.output) == (1, message)
    assert rows(db, "select count(*) from question_edits") == [(0,)]


def test_an_unknown_id_is_one_line_and_disables_nothing(db):
    assert run("questions", "edit", "999", "--answer", "x", "--db", str(db)).output == (
        "quizbot: Keine Frage mit der Id 999 – quizbot questions zeigt die Ids.\n")
    [qid] = question_ids(db, "eco-open-amount")
    result = run("questions", "disable", str(qid), "999", "--db", str(db))
    assert result.exit_code == 1
    assert rows(db, "select count(*) from question_edits") == [(0,)]


def test_show_prints_teacher_and_article_text_literally(db):
    [qid] = question_ids(db, "markup-open")
    result = run("questions", "show", str(qid), "--db", str(db))
    assert result.exit_code == 0
    assert "Was steht [bold]wörtlich[/] im Text?" in result.output
    assert "Titel [bold]fett[/] rot, Quelle [/], 02.01.2024" in result.output
    assert "\x1b" not in result.output


def test_reset_brings_back_the_generated_question(db):
    [qid] = question_ids(db, "eco-open-amount")
    run("questions", "edit", str(qid), "--answer", "500 Mio. Euro", "--db", str(db))
    run("questions", "disable", str(qid), "--db", str(db))
    result = run("questions", "reset", str(qid), "--db", str(db))
    assert result.exit_code == 0 and result.output.startswith(f"Frage {qid} ist wieder wie erzeugt.")
    question = stored(db, qid)
    assert (question["answer"], question["disabled"]) == ("500 Millionen Euro", False)


# -- disabling ---------------------------------------------------------------------------


def test_a_disabled_question_is_never_listed_exported_or_picked(db, tmp_path):
    [qid] = question_ids(db, "eco-open-amount")
    result = run("questions", "disable", str(qid), "--db", str(db))
    assert (result.exit_code, result.output) == (0, f"Gesperrt: {qid}.\n")
    assert qid not in listed_ids(db)
    assert qid in listed_ids(db, "--all")
    assert "offen (gesperrt)" in run("questions", "--all", "--article", "wirtschaft", "--db", str(db)).output
    exported = run("export", "--format", "jsonl", "--db", str(db)).output
    assert qid not in [json.loads(line)["id"] for line in exported.splitlines()]
    csv_file = tmp_path / "fragen.csv"
    assert run("export", "--format", "csv", "-o", str(csv_file), "--db", str(db)).exit_code == 0
    assert "Wie viel Geld investiert Siemens" not in csv_file.read_text(encoding="utf-8-sig")
    made = run("quiz", "create", "alles", "--article", "wirtschaft", "--count", "99", "--db", str(db))
    assert "3 Fragen zu 1 Artikel" in made.output
    assert str(qid) not in rows(db, "select question_ids from quizzes")[0][0].strip("[]").split(", ")
    by_id = run("quiz", "create", "genau", "--question", str(qid), "--db", str(db))
    assert by_id.output == (f"quizbot: Frage {qid} ist gesperrt – erst freigeben: quizbot questions enable {qid}\n")
    enabled = run("questions", "enable", str(qid), "--db", str(db))
    assert enabled.output == f"Freigegeben: {qid}.\n"
    assert qid in listed_ids(db)


# -- re-ingest ----------------------------------------------------------------------------


def test_edits_survive_a_reingest_of_the_changed_article(tmp_path):
    db = built_db(tmp_path / "quiz.db")
    with Store(db) as store:
        first, second = [q for q in store.questions(article="wirtschaft") if q["kind"] in ("open", "cloze")][:2]
    run("questions", "edit", str(first["id"]), "--question", "Von Hand: " + first["question"],
        "--accept", "von Hand", "--db", str(db))
    run("questions", "disable", str(second["id"]), "--db", str(db))
    article = tmp_path / "articles" / "wirtschaft_siemens.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nDie Gewerkschaft begrüßte die Pläne.\n",
                       encoding="utf-8")
    result = run("ingest", str(tmp_path / "articles"), "--db", str(db))
    assert result.exit_code == 0 and "1 geändert" in result.output, result.output
    with Store(db) as store:
        edited = store.question(first["id"])
        assert (edited["key"], edited["question"]) == (first["key"], "Von Hand: " + first["question"])
        assert "von Hand" in edited["accepted"]
        assert store.question(second["id"])["disabled"]
        assert second["id"] not in [q["id"] for q in store.questions(article="wirtschaft")]
