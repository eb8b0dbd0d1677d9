"""The store on a real SQLite file: schema, atomic saves, re-ingest, edits, learners."""

from __future__ import annotations

import sqlite3

import pytest

from quizbot.models import Article, Fact, Question, Sentence
from quizbot.store import Store, StoreError


def make_article(path="/tmp/a.txt", hash_="h1", text="Der Handel beträgt 34 Millionen Dollar."):
    return Article(path=path, file="a.txt", title="Titel", text=text, hash=hash_,
                   date="2019-04-25", source="DER STANDARD")


def make_content(answer="34 Millionen Dollar", key="k1"):
    sentences = [Sentence(index=0, paragraph=0, text="Der Handel beträgt 34 Millionen Dollar.")]
    facts = [Fact(kind="amount", text=answer, sentence_index=0, start=19, end=38,
                  value=34e6, unit="USD", label=answer)]
    questions = [
        Question(kind="open", question="Wie hoch ist der Handel?", answer=answer,
                 sentence_index=0, answer_type="amount", accepted=[answer], fact_index=0,
                 score=0.9, key=key),
        Question(kind="choice", question="Wie hoch?", answer=answer, sentence_index=0,
                 answer_type="amount", choices=["43 Millionen Dollar", answer, "3,4 Millionen Dollar",
                                                "340 Millionen Dollar"], fact_index=0, score=0.5,
                 key=key + "c"),
    ]
    return sentences, facts, questions


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "quiz.db") as s:
        yield s


def test_new_database_has_schema_wal_and_fts(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"articles", "sentences", "facts", "questions", "learners", "attempts",
            "sessions", "quizzes", "contests", "reviews", "question_edits"} <= set(store.db.table_names())
    assert "sentences_fts" in store.db.table_names()
    assert store.schema_version() == ["m001_content", "m002_learning"]


def test_save_article_and_read_questions_in_export_shape(store):
    article_id = store.save_article(make_article(), *make_content())
    assert store.counts() == {"articles": 1, "sentences": 1, "facts": 1, "questions": 2}
    q = store.questions(kind="open")[0]
    assert q["article_id"] == article_id
    assert q["answer"] == "34 Millionen Dollar"
    assert q["accepted"] == ["34 Millionen Dollar"]
    assert q["sentence"] == "Der Handel beträgt 34 Millionen Dollar."
    assert q["article"] == {"file": "a.txt", "title": "Titel", "date": "2019-04-25",
                            "source": "DER STANDARD"}
    choice = store.questions(kind="choice")[0]
    assert len(choice["choices"]) == 4 and choice["correct"] is None


def test_resave_keeps_question_ids_and_replaces_changed_ones(store):
    store.save_article(make_article(), *make_content(key="k1"))
    first_id = store.questions(kind="open")[0]["id"]
    store.save_article(make_article(hash_="h2"), *make_content(key="k1"))
    assert store.questions(kind="open")[0]["id"] == first_id
    assert store.counts()["sentences"] == 1
    store.save_article(make_article(hash_="h3"), *make_content(answer="35 Millionen Dollar", key="k2"))
    assert [q["key"] for q in store.questions()] == ["k2", "k2c"]
    assert store.article_hash("/tmp/a.txt") == "h3"


def test_failed_save_leaves_database_unchanged(store):
    store.save_article(make_article(), *make_content())
    sentences, facts, questions = make_content(answer="99 Millionen Dollar", key="new")
    questions[0].fact_index = 5  # points nowhere: the save must fail as a whole
    with pytest.raises(IndexError):
        store.save_article(make_article(hash_="h2"), sentences, facts, questions)
    assert store.article_hash("/tmp/a.txt") == "h1"
    assert [q["answer"] for q in store.questions()] == ["34 Millionen Dollar"] * 2


def test_teacher_edits_survive_reingest(store):
    store.save_article(make_article(), *make_content())
    store.edit_question("k1", question="Wie groß war das Handelsvolumen 2019?", add_accepted=["34 Mio. USD"])
    store.edit_question("k1c", disabled=True)
    store.save_article(make_article(hash_="h2"), *make_content())
    questions = store.questions()
    assert [q["question"] for q in questions] == ["Wie groß war das Handelsvolumen 2019?"]
    assert questions[0]["accepted"] == ["34 Millionen Dollar", "34 Mio. USD"]
    assert len(store.questions(include_disabled=True)) == 2


def test_full_text_search_ignores_diacritics(store):
    store.save_article(make_article(), *make_content())
    hits = store.search_sentences("betragt")
    assert hits and hits[0]["text"].startswith("Der Handel")


def test_fact_pool_excludes_the_article_and_caps_per_kind(store):
    store.save_article(make_article(), *make_content())
    store.save_article(make_article(path="/tmp/b.txt"), *make_content())
    assert len(store.fact_pool(exclude_path="/tmp/a.txt")) == 1
    assert len(store.fact_pool(per_kind=1)) == 1
    assert store.fact_pool()[0].unit == "USD"


def test_attempts_are_committed_and_advance_the_session(tmp_path, store):
    store.save_article(make_article(), *make_content())
    learner = store.learner_id("anna")
    assert store.learner_id("anna") == learner
    qid = store.questions()[0]["id"]
    session = store.start_session(learner, [qid], {"count": 1})
    store.record_attempt({"session_id": session, "learner_id": learner, "question_id": qid,
                          "given": "34 Mio", "verdict": "correct", "accepted": 1, "score": 1.0})
    # another connection sees it at once: it is committed
    other = sqlite3.connect(tmp_path / "quiz.db")
    assert other.execute("select given from attempts").fetchall() == [("34 Mio",)]
    assert store.session(session)["position"] == 1
    assert store.open_session(learner)["id"] == session
    store.set_session(session, status="finished")
    assert store.open_session(learner) is None


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="keine quizbot-Datenbank"):
        Store(bad)


def test_missing_database_when_not_creating(tmp_path):
    with pytest.raises(StoreError, match="nicht gefunden"):
        Store(tmp_path / "nope.db", create=False)
