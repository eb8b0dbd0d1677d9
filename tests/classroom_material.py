"""Test material for the classroom: a quiz set on the chat's small database, and a
class playing it through the real ``QuizSession``.

The quiz set "7b" holds four questions in a fixed order (so tests know which
answer goes where): the Siemens investment (open, "500 Millionen Euro"), the
Siemens chief (choice, B = "Roland Busch"), the Freiburg score (true/false,
"ja") and the first year of records (cloze, "1893").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from chat_material import build_quiz_db
from quizbot.cli import cli
from quizbot.i18n import set_language
from quizbot.quizzes import create_quiz
from quizbot.session import Message, QuizOptions, QuizSession
from quizbot.store import Store

QUIZ = "7b"
KEYS = ("eco-open-amount", "eco-choice-person", "sport-tf-score", "wx-cloze-year")
RIGHT = ("500 Millionen Euro", "B", "ja", "1893")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No test touches the real per-user database or leaves English switched on
    (autouse in every test file that imports it)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "benutzerdaten"))
    monkeypatch.delenv("QUIZBOT_DB", raising=False)
    monkeypatch.delenv("QUIZBOT_LANG", raising=False)
    yield
    set_language("de")


class Clock:
    """A stopwatch the test moves by hand (seconds per answer in the report)."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def run(*args: str, input: str | None = None):
    """The real CLI in-process; exceptions are caught so that a traceback would fail the test."""
    return CliRunner().invoke(cli, list(args), input=input)


def question_ids(db: Path, *keys: str) -> list[int]:
    with Store(db) as store:
        found = store.question_ids_for_keys(list(keys))
    return [found[key] for key in keys]


def classroom_db(tmp_path: Path, *, fixed_order: bool = True, name: str = QUIZ) -> Path:
    """The chat's database with the quiz set "7b" on four of its questions."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    db = build_quiz_db(tmp_path / "klasse.db")
    with Store(db) as store:
        create_quiz(store, name, question_ids=question_ids(db, *KEYS), fixed_order=fixed_order, seed=5)
    return db


def play(db: Path, learner: str | None, *lines: str, quiz: str = QUIZ, clock: Clock | None = None,
         seconds_per_answer: float = 0.0) -> list[Message]:
    """One learner plays the quiz set line by line and leaves; every message the bot said."""
    clock = clock or Clock()
    store = Store(db)
    try:
        session = QuizSession(store, QuizOptions(quiz_name=quiz), learner, clock=clock)
        said = session.start()
        for line in lines:
            clock.seconds += seconds_per_answer
            said += session.handle(line)
        said += session.leave()
    finally:
        store.close()
    return said


def text_of(messages: list[Message]) -> str:
    return "\n".join(f"{m.title}\n{m.text}" for m in messages)


def rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read through a second connection: what is committed."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def play_class(db: Path) -> None:
    """Anna gets all four right; Ben misses all (and contests the first); Cem answers two, then leaves."""
    play(db, "Anna", *RIGHT, seconds_per_answer=30)
    play(db, "Ben", "50 Millionen Euro", "/einspruch 500 oder 50, ich habe mich verlesen", "A", "nein",
         "/überspringen", "nein", seconds_per_answer=10)
    play(db, "Cem", "50 millionen euro", "B", seconds_per_answer=20)
