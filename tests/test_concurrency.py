"""One database file shared by a class: real processes answering at once lose nothing.

The figures (30 learners × 20 answers, latencies) are in benchmarks/bench_classroom.py;
these tests check the same guarantees small and fast.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
import sqlite_utils

from chat_material import build_quiz_db
from quizbot.store import MIGRATIONS, Store, StoreError

LEARNERS = 8
ANSWERS = 5
ANSWER_LINES = ("500 Millionen Euro", "1893", "Cottbus", "zwölf", "38 Grad")


def env() -> dict[str, str]:
    found = {**os.environ, "QUIZBOT_LANG": "de"}
    found.pop("QUIZBOT_DB", None)
    return found


def read_until(process: subprocess.Popen, marker: str) -> bytes:
    """The process's output up to and including ``marker`` (it then waits for input)."""
    seen = b""
    while marker.encode() not in seen:
        chunk = os.read(process.stdout.fileno(), 65536)
        assert chunk, f"output ended before {marker!r}: {seen.decode()[-500:]}"
        seen += chunk
    return seen


def rows(db, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_class_answering_at_once_into_one_file_loses_nothing(tmp_path):
    db = build_quiz_db(tmp_path / "class.db")
    learners = [
        subprocess.Popen(
            [sys.executable, "-m", "quizbot", "play", "--plain", "--kind", "open,cloze",
             "--count", str(ANSWERS), "--seed", str(number), "--learner", f"kind-{number}",
             "--db", str(db)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(),
        )
        for number in range(LEARNERS)
    ]
    # Everyone waits at question 1, then all answers go in at once: the writes collide.
    before = [read_until(learner, f"Frage 1 von {ANSWERS}") for learner in learners]
    answers = "".join(f"{line}\n" for line in ANSWER_LINES).encode()
    for learner in learners:
        learner.stdin.write(answers)
        learner.stdin.flush()
    for learner in learners:
        learner.stdin.close()
    printed = []
    for learner, start in zip(learners, before):
        rest, errors = learner.stdout.read(), learner.stderr.read()
        learner.wait(timeout=60)
        assert learner.returncode == 0, errors.decode()
        printed.append((start + rest + errors).decode())
    everything = "\n".join(printed)
    assert "database is locked" not in everything
    assert "nicht gespeichert" not in everything and "nicht erreichbar" not in everything
    assert "Traceback" not in everything
    assert all("\nErgebnis\n" in text for text in printed)  # each learner reached the score
    assert rows(db, "select count(*) from attempts") == [(LEARNERS * ANSWERS,)]
    assert rows(db, "select count(distinct learner_id), min(n), max(n) from "
                    "(select learner_id, count(*) as n from attempts group by learner_id)") == [
        (LEARNERS, ANSWERS, ANSWERS)]
    assert rows(db, "select status, position, count(*) from sessions group by status, position") == [
        ("finished", ANSWERS, LEARNERS)]


OPEN_STORE = """
import sys
from quizbot.store import Store
sys.stdin.readline()  # start together
with Store(sys.argv[1]) as store:
    print(",".join(store.schema_version()))
"""


def test_a_class_opening_an_older_database_at_once_migrates_it_once(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old.enable_wal()
    MIGRATIONS.apply(old, stop_before="m002_learning")  # a database from before learners existed
    old.close()
    openers = [subprocess.Popen([sys.executable, "-c", OPEN_STORE, str(path)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for _ in range(LEARNERS)]
    for opener in openers:
        opener.stdin.write(b"go\n")
        opener.stdin.flush()
    for opener in openers:
        out, errors = opener.communicate(timeout=60)
        assert opener.returncode == 0, errors.decode()
        assert out.decode().strip() == "m001_content,m002_learning"
    assert rows(path, "select name, count(*) from _sqlite_migrations group by name order by name") == [
        ("m001_content", 1), ("m002_learning", 1)]


def test_a_commit_that_cannot_get_its_lock_is_rolled_back_and_releases_the_lock(tmp_path):
    # Without WAL (a file system that cannot share WAL memory) a commit waits for
    # readers; when it gives up, the transaction must not stay open holding the lock.
    store = Store(build_quiz_db(tmp_path / "quiz.db"))
    store.db.execute("PRAGMA journal_mode = delete")
    store.set_busy_timeout(0.01)
    learner = store.learner_id("ada")
    reader = sqlite3.connect(store.path, isolation_level=None)
    reader.execute("begin")
    reader.execute("select count(*) from questions").fetchone()  # holds a shared lock
    attempt = {"learner_id": learner, "question_id": 1, "given": "x", "verdict": "wrong"}
    with pytest.raises(StoreError, match="Datenbank ist belegt"):
        store.record_attempt(attempt)
    reader.execute("commit")
    other = Store(store.path)
    assert other.learner_id("ben")  # the lock was released: another process can write
    assert store.record_attempt(attempt)  # and this one can write again
    assert rows(store.path, "select count(*) from attempts") == [(1,)]  # the failed one is not there
    store.close()
    other.close()
    reader.close()
