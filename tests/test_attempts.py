"""Contested gradings: ``/einspruch`` in the chat, then ``quizbot attempts list|accept|reject``
by the teacher, and the scores that follow."""

from __future__ import annotations

import pytest

from classroom_material import (  # isolated: an autouse fixture
    RIGHT, classroom_db, isolated, play, play_class, rows, run,  # noqa: F401
)
from quizbot.report import build_report
from quizbot.store import Store


@pytest.fixture
def db(tmp_path):
    db = classroom_db(tmp_path)
    play_class(db)  # Ben contests his first answer ("50 Millionen Euro")
    return db


def contested(db) -> int:
    [(attempt_id,)] = rows(db, "select attempt_id from contests")
    return attempt_id


def points(db, learner: str) -> int:
    with Store(db) as store:
        return {l.name: l.points for l in build_report(store, "7b").learners}[learner]


def test_open_contests_are_listed_with_the_id_to_decide_them(db):
    result = run("attempts", "list", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert f"{contested(db)} " in result.output
    for shown in ("7b", "Ben", "50 Millionen Euro", "500 Millionen Euro", "500 oder 50, ich habe mich", "offen"):
        assert shown in result.output


def test_accepting_counts_the_answer_and_the_report_follows(db):
    attempt_id = contested(db)
    assert points(db, "Ben") == 0
    result = run("attempts", "accept", str(attempt_id), "--db", str(db))
    assert (result.exit_code, result.output) == (
        0, "Anerkannt: „50 Millionen Euro“ von Ben zählt jetzt als richtig.\n")
    assert points(db, "Ben") == 1
    assert rows(db, "select accepted, verdict from attempts where id = ?", (attempt_id,)) == [(1, "wrong")]
    assert rows(db, "select status from contests") == [("accepted",)]
    assert run("attempts", "list", "--db", str(db)).output == "Keine offenen Einsprüche.\n"
    assert "anerkannt" in run("attempts", "list", "--all", "--db", str(db)).output
    report = run("report", "7b", "--db", str(db)).output
    assert "Einsprüche (0 offen)" in report and "anerkannt" in report


def test_rejecting_lets_the_grading_stand_and_undoes_an_accept(db):
    attempt_id = contested(db)
    run("attempts", "accept", str(attempt_id), "--db", str(db))
    result = run("attempts", "reject", str(attempt_id), "--db", str(db))
    assert (result.exit_code, result.output) == (0, "Abgelehnt: „50 Millionen Euro“ von Ben bleibt falsch.\n")
    assert points(db, "Ben") == 0
    assert rows(db, "select status from contests") == [("rejected",)]


def test_the_learner_sees_an_accepted_answer_in_their_own_results(tmp_path):
    db = classroom_db(tmp_path)
    play(db, "Ben", "50 Millionen Euro", "/einspruch verlesen")
    run("attempts", "accept", str(contested(db)), "--db", str(db))
    said = play(db, "Ben", "ja", *RIGHT[1:])
    assert "4 von 4 richtig" in "\n".join(m.text for m in said)


def test_an_attempt_without_a_contest_can_be_accepted_too(db):
    [(attempt_id,)] = rows(db, "select t.id from attempts t join learners l on l.id = t.learner_id "
                               "where l.name = 'Cem' and t.accepted = 0")
    assert run("attempts", "accept", str(attempt_id), "--db", str(db)).exit_code == 0
    assert points(db, "Cem") == 2


def test_contests_of_one_quiz_set(db):
    run("quiz", "create", "8a", "--count", "1", "--seed", "1", "--db", str(db))
    assert run("attempts", "list", "--quiz", "8a", "--db", str(db)).output == "Keine offenen Einsprüche.\n"
    assert "Ben" in run("attempts", "list", "--quiz", "7b", "--db", str(db)).output
    unknown = run("attempts", "list", "--quiz", "9z", "--db", str(db))
    assert unknown.exit_code == 1 and "Unbekanntes Quiz „9z“" in unknown.output


def test_an_unknown_attempt_is_one_line_and_changes_nothing(db):
    result = run("attempts", "accept", "999", "--db", str(db))
    assert (result.exit_code, result.output) == (
        1, "quizbot: Keine Antwort mit der Id 999 – quizbot attempts list zeigt die Einsprüche.\n")
    assert rows(db, "select status from contests") == [("open",)]
