"""The quiz database: the only module that touches SQLite.

One ``Store`` wraps one sqlite-utils ``Database``. Writes go through
``Store.write()`` - a ``BEGIN IMMEDIATE`` transaction that waits for other
writers (busy timeout) instead of failing - so a class of learners can
answer into one shared file at once, and an article is either saved whole
or not at all.

Schema versions live in ``MIGRATIONS`` (sqlite-utils ``Migrations``); an
older database is brought up to date when it is opened.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple, Optional

import sqlite_utils
from sqlite_utils.migrations import Migrations

from quizbot.hints import shown_hint
from quizbot.i18n import tr
from quizbot.models import Article, Fact, Question, Sentence

BUSY_TIMEOUT_S = 30.0
FTS_TOKENIZER = "unicode61 remove_diacritics 2"


class StoreError(Exception):
    """The database cannot be used (missing, corrupt, not a quizbot database, locked)."""


class StoreBusyError(StoreError):
    """Another process holds the write lock longer than the busy timeout and retries."""


class ReviewBox(NamedTuple):
    """A question's Leitner box for one learner, and when it is due again."""

    key: str
    box: int
    due_at: str


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json(value: Any) -> Optional[str]:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _unjson(value: Optional[str], default: Any = None) -> Any:
    return default if value in (None, "") else json.loads(value)


# --------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------

MIGRATIONS = Migrations("quizbot")


@MIGRATIONS()
def m001_content(db: sqlite_utils.Database) -> None:
    db["articles"].create(
        {
            "id": int, "path": str, "file": str, "title": str, "date": str, "time": str,
            "author": str, "source": str, "hash": str, "text": str, "ingested_at": str,
        },
        pk="id",
        not_null={"path", "hash"},
    )
    db["articles"].create_index(["path"], unique=True)
    db["sentences"].create(
        {"id": int, "article_id": int, "position": int, "paragraph": int, "text": str,
         "start": int, "end": int, "heading": int},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["sentences"].create_index(["article_id", "position"], unique=True)
    db["sentences"].enable_fts(["text"], create_triggers=True, tokenize=FTS_TOKENIZER)
    db["facts"].create(
        {"id": int, "article_id": int, "sentence_id": int, "kind": str, "text": str,
         "start": int, "end": int, "value": float, "unit": str, "qualifier": str,
         "label": str, "role": str, "extra": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("sentence_id", "sentences", "id")],
    )
    db["facts"].create_index(["article_id"])
    db["facts"].create_index(["kind"])
    db["questions"].create(
        {"id": int, "article_id": int, "sentence_id": int, "fact_id": int, "key": str,
         "kind": str, "question": str, "answer": str, "accepted": str, "choices": str,
         "correct": int, "correction": str, "answer_type": str, "hint": str,
         "score": float, "created_at": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("sentence_id", "sentences", "id")],
    )
    db["questions"].create_index(["article_id", "key"], unique=True)
    db["questions"].create_index(["kind"])
    # Teacher edits, keyed by the question's stable key: they survive re-ingest.
    db["question_edits"].create(
        {"key": str, "question": str, "answer": str, "accepted_extra": str,
         "disabled": int, "edited_at": str},
        pk="key",
    )


@MIGRATIONS()
def m002_learning(db: sqlite_utils.Database) -> None:
    db["learners"].create({"id": int, "name": str, "created_at": str}, pk="id", not_null={"name"})
    db["learners"].create_index(["name"], unique=True)
    db["quizzes"].create(
        {"id": int, "name": str, "options": str, "question_ids": str, "created_at": str},
        pk="id",
        not_null={"name"},
    )
    db["quizzes"].create_index(["name"], unique=True)
    # A session is one run through a list of questions; it is what "resume" resumes.
    db["sessions"].create(
        {"id": int, "learner_id": int, "quiz_id": int, "question_ids": str, "position": int,
         "options": str, "status": str, "started_at": str, "updated_at": str,
         "finished_at": str},
        pk="id",
        foreign_keys=[("learner_id", "learners", "id")],
    )
    db["sessions"].create_index(["learner_id", "status"])
    # Attempts keep a copy of the question and answer as asked, so results and
    # reports stay readable after a re-ingest replaces the question.
    db["attempts"].create(
        {"id": int, "session_id": int, "learner_id": int, "question_id": int, "quiz_id": int,
         "question": str, "expected": str, "given": str, "verdict": str, "accepted": int,
         "score": float, "note": str, "seconds": float, "hints": int, "created_at": str},
        pk="id",
        foreign_keys=[("learner_id", "learners", "id")],
    )
    db["attempts"].create_index(["learner_id", "question_id"])
    db["attempts"].create_index(["session_id"])
    db["attempts"].create_index(["quiz_id"])
    db["contests"].create(
        {"id": int, "attempt_id": int, "reason": str, "status": str, "created_at": str,
         "resolved_at": str},
        pk="id",
        foreign_keys=[("attempt_id", "attempts", "id")],
    )
    # Leitner boxes for spaced repetition, per learner and question key.
    db["reviews"].create(
        {"learner_id": int, "key": str, "box": int, "due_at": str, "updated_at": str},
        pk=("learner_id", "key"),
    )


# --------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------

QUESTION_SELECT = """
select q.id, q.article_id, q.sentence_id, q.fact_id, q.key, q.kind,
       coalesce(e.question, q.question) as question,
       coalesce(e.answer, q.answer) as answer, q.answer as generated_answer,
       e.question is not null as question_edited,
       q.accepted, e.accepted_extra, q.choices, q.correct, q.correction,
       q.answer_type, q.hint, q.score, coalesce(e.disabled, 0) as disabled,
       a.file as a_file, a.title as a_title, a.date as a_date, a.source as a_source,
       a.path as a_path, s.text as sentence, s.paragraph as paragraph
from questions q
join articles a on a.id = q.article_id
left join sentences s on s.id = q.sentence_id
left join question_edits e on e.key = q.key
"""


def _question_row(row: dict) -> dict:
    """A question as the rest of quizbot sees it (the jsonl export shape plus ids)."""
    accepted = _unjson(row.pop("accepted"), [])
    extra = _unjson(row.pop("accepted_extra"), [])
    answer = row["answer"]
    answer_edited = answer != row.pop("generated_answer")
    if answer_edited:
        accepted = []  # the generated spellings belong to the answer the teacher replaced
    merged = [answer] + [a for a in accepted + extra if a != answer]
    correct = row.pop("correct")
    question_edited = row.pop("question_edited")
    if row["kind"] == "truefalse" and (question_edited or answer_edited):
        # the teacher rewrote the statement or its answer: the generated correction was about
        # the old one; the answer is the teacher's ("richtig"/"falsch", data/truefalse_answers.tsv)
        row["correction"] = None
        correct = answer == _TRUE_ANSWER
    return {
        **{k: v for k, v in row.items() if not k.startswith("a_")},
        "accepted": list(dict.fromkeys(merged)),
        "choices": _unjson(row.pop("choices")),
        "correct": None if correct is None else bool(correct),
        "disabled": bool(row["disabled"]),
        "hint": shown_hint(row["hint"]),
        "article": {
            "file": row["a_file"],
            "title": row["a_title"],
            "date": row["a_date"],
            "source": row["a_source"],
        },
    }


_TRUE_ANSWER = "richtig"  # how a true statement's answer is stored (data/truefalse_answers.tsv)


def _casefold(text: Optional[str]) -> Optional[str]:
    return text.casefold() if isinstance(text, str) else text


class Store:
    """A quizbot database file."""

    def __init__(self, path: str | os.PathLike, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(tr(f"Datenbank nicht gefunden: {self.path}", f"database not found: {self.path}"))
        if self.path.exists() and self.path.is_dir():
            raise StoreError(tr(f"{self.path} ist ein Ordner, keine Datenbankdatei",
                                f"{self.path} is a folder, not a database file"))
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_S, check_same_thread=False,
                isolation_level=None,
            )
            # no sqlite-utils plugins: quizbot uses none, and looking them up scans every
            # installed package's entry points (measured: 10-20 ms on each start)
            # Python's casefold for names: SQLite's lower() and NOCASE fold ASCII only ("JÜRGEN")
            conn.create_function("casefold", 1, _casefold, deterministic=True)
            self.db = sqlite_utils.Database(conn, execute_plugins=False)
            self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self._with_retry(lambda: self.db.enable_wal())
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(tr(f"{self.path} ist keine quizbot-Datenbank oder ist beschädigt ({error})",
                                f"{self.path} is not a usable quizbot database ({error})")) from error

    # -- plumbing -----------------------------------------------------------

    def _migrate(self) -> None:
        if not MIGRATIONS.pending(self.db):
            return
        # Under the write lock, and checked again there: a class opening an older
        # database at once migrates it exactly once. (sqlite-utils would apply each
        # migration in a deferred BEGIN that reads first; upgrading that to a write
        # fails at once with "database is locked" when another process got there
        # first: the busy handler does not wait for a reader turning writer.)
        with self.write() as db:
            if MIGRATIONS.pending(db):
                MIGRATIONS.apply(db)  # each migration nests as a savepoint in this transaction

    @staticmethod
    def _with_retry(action, attempts: int = 5):
        """Run ``action``, retrying when another process holds the write lock."""
        for attempt in range(attempts):
            try:
                return action()
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise
                if attempt == attempts - 1:
                    raise StoreBusyError(tr(f"Datenbank ist belegt: {error}", f"database is busy: {error}")) from error
                time.sleep(0.05 * 2**attempt)

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction: all of it or nothing; waits for other writers."""
        self._with_retry(lambda: self.db.execute("BEGIN IMMEDIATE"))
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        else:
            try:
                self._with_retry(lambda: self.db.execute("COMMIT"))
            except BaseException:
                self.db.rollback()  # never leave the write lock held by a failed commit
                raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def schema_version(self) -> list[str]:
        return [m.name for m in MIGRATIONS.applied(self.db)]

    def _rows(self, sql: str, params: Sequence | dict = ()) -> list[dict]:
        return list(self.db.query(sql, params))

    # -- articles -------------------------------------------------------------

    def article_hash(self, path: str) -> Optional[str]:
        row = self.db.execute("select hash from articles where path = ?", [path]).fetchone()
        return row[0] if row else None

    def save_article(
        self,
        article: Article,
        sentences: list[Sentence],
        facts: list[Fact],
        questions: list[Question],
    ) -> int:
        """Save an article with everything derived from it, in one transaction.

        An article already stored under the same path is replaced; its
        questions keep their ids where the new run produces the same key, so
        attempts and teacher edits stay attached.
        """
        with self.write() as db:
            article_id = self._upsert_article(db, article)
            db.execute("delete from facts where article_id = ?", [article_id])
            db.execute(
                "update questions set sentence_id = null, fact_id = null where article_id = ?",
                [article_id],
            )
            db.execute("delete from sentences where article_id = ?", [article_id])
            sentence_ids = self._insert_sentences(db, article_id, sentences)
            fact_ids = self._insert_facts(db, article_id, facts, sentence_ids)
            self._upsert_questions(db, article_id, questions, sentence_ids, fact_ids)
        return article_id

    @staticmethod
    def _upsert_article(db: sqlite_utils.Database, article: Article) -> int:
        record = {
            "path": article.path, "file": article.file, "title": article.title,
            "date": article.date, "time": article.time, "author": article.author,
            "source": article.source, "hash": article.hash, "text": article.text,
            "ingested_at": now(),
        }
        existing = db.execute("select id from articles where path = ?", [article.path]).fetchone()
        if existing:
            db["articles"].update(existing[0], record)
            return existing[0]
        return db["articles"].insert(record).last_pk

    # The three inserts below are the hot path of ingest: executemany, not
    # row-by-row inserts (measured: 32 ms -> a few ms per article).

    @staticmethod
    def _insert_sentences(db, article_id: int, sentences: list[Sentence]) -> dict[int, int]:
        db.conn.executemany(
            "insert into sentences (article_id, position, paragraph, text, start, end, heading) "
            "values (?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, s.index, s.paragraph, s.text, s.start, s.end,
                 int(bool(getattr(s, "heading", False))))
                for s in sentences
            ],
        )
        return dict(db.conn.execute(
            "select position, id from sentences where article_id = ?", [article_id]))

    @staticmethod
    def _insert_facts(db, article_id: int, facts: list[Fact], sentence_ids: dict[int, int]) -> list[int]:
        db.conn.executemany(
            "insert into facts (article_id, sentence_id, kind, text, start, end, value, unit, "
            "qualifier, label, role, extra) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, sentence_ids.get(f.sentence_index), f.kind, f.text, f.start, f.end,
                 f.value, f.unit, f.qualifier, f.label, f.role, _json(f.extra or None))
                for f in facts
            ],
        )
        # ids ascend in insertion order, and the article's old facts are gone
        return [row[0] for row in db.conn.execute(
            "select id from facts where article_id = ? order by id", [article_id])]

    @staticmethod
    def _upsert_questions(db, article_id, questions, sentence_ids, fact_ids) -> None:
        old = {key: qid for qid, key in db.conn.execute(
            "select id, key from questions where article_id = ?", [article_id])}
        unique = list({q.key: q for q in reversed(questions)}.values())[::-1]  # first of each key
        columns = ("article_id", "sentence_id", "fact_id", "key", "kind", "question", "answer",
                   "accepted", "choices", "correct", "correction", "answer_type", "hint", "score")
        rows = {
            q.key: (
                article_id, sentence_ids.get(q.sentence_index),
                fact_ids[q.fact_index] if q.fact_index is not None else None,
                q.key, q.kind, q.question, q.answer, _json(q.accepted), _json(q.choices),
                None if q.correct is None else int(q.correct), q.correction, q.answer_type,
                q.hint, q.score,
            )
            for q in unique
        }
        db.conn.executemany(
            f"update questions set {', '.join(c + ' = ?' for c in columns)} where id = ?",
            [row + (old[key],) for key, row in rows.items() if key in old],
        )
        db.conn.executemany(
            f"insert into questions ({', '.join(columns)}, created_at) "
            f"values ({', '.join('?' * len(columns))}, ?)",
            [row + (now(),) for key, row in rows.items() if key not in old],
        )
        gone = [(qid,) for key, qid in old.items() if key not in rows]
        db.conn.executemany("delete from questions where id = ?", gone)

    def articles(self) -> list[dict]:
        return self._rows(
            "select a.id, a.path, a.file, a.title, a.date, a.time, a.author, a.source, "
            "(select count(*) from questions q where q.article_id = a.id) as questions "
            "from articles a order by a.date, a.id"
        )

    def article(self, article_id: int) -> Optional[dict]:
        rows = self._rows("select * from articles where id = ?", [article_id])
        return rows[0] if rows else None

    def find_articles(self, ref: str) -> list[dict]:
        """Articles matching an id, a file name or a title substring (case-insensitive)."""
        if ref.isdigit():
            return self._rows("select * from articles where id = ?", [int(ref)])
        like = f"%{ref.lower()}%"
        return self._rows(
            "select * from articles where lower(file) = ? or lower(title) like ? "
            "or lower(file) like ? order by id",
            [ref.lower(), like, like],
        )

    def sentences(self, article_id: int) -> list[dict]:
        return self._rows(
            "select * from sentences where article_id = ? order by position", [article_id]
        )

    def paragraph(self, sentence_id: int) -> list[dict]:
        """The sentences of the paragraph a sentence belongs to (for /quelle)."""
        return self._rows(
            "select s.* from sentences s join sentences t on t.article_id = s.article_id "
            "and t.paragraph = s.paragraph where t.id = ? order by s.position",
            [sentence_id],
        )

    def counts(self) -> dict[str, int]:
        return {
            table: self.db[table].count
            for table in ("articles", "sentences", "facts", "questions")
        }

    def fact_pool(self, exclude_path: Optional[str] = None, per_kind: int = 200) -> list[Fact]:
        """Facts of the stored articles (but one), at most ``per_kind`` of each kind."""
        rows = self._rows(
            "select * from (select f.*, s.position as sentence_index, row_number() over "
            "(partition by f.kind order by f.id desc) as nth from facts f "
            "join articles a on a.id = f.article_id "
            "left join sentences s on s.id = f.sentence_id where a.path is not ?) "
            "where nth <= ? order by id",
            [exclude_path, per_kind],
        )
        return [
            Fact(
                kind=r["kind"], text=r["text"], sentence_index=r["sentence_index"] or 0,
                start=r["start"], end=r["end"], value=r["value"], unit=r["unit"],
                qualifier=r["qualifier"], label=r["label"], role=r["role"],
                extra=_unjson(r["extra"], {}),
            )
            for r in rows
        ]

    def facts(self, article_id: Optional[int] = None, kind: Optional[str] = None) -> list[dict]:
        where, params = self._where(("f.article_id", article_id), ("f.kind", kind))
        rows = self._rows(
            "select f.*, s.text as sentence, a.file, a.title, a.date, a.source from facts f "
            "join articles a on a.id = f.article_id left join sentences s on s.id = f.sentence_id"
            f"{where} order by f.id",
            params,
        )
        for row in rows:
            row["extra"] = _unjson(row["extra"], {})
        return rows

    # -- questions ------------------------------------------------------------

    @staticmethod
    def _where(*conditions: tuple[str, Any]) -> tuple[str, list]:
        parts, params = [], []
        for column, value in conditions:
            if value is None:
                continue
            if isinstance(value, (list, tuple, set)):
                parts.append(f"{column} in ({','.join('?' * len(value))})")
                params.extend(value)
            else:
                parts.append(f"{column} = ?")
                params.append(value)
        return (" where " + " and ".join(parts) if parts else ""), params

    def questions(
        self,
        article: Optional[str] = None,
        kind: Optional[str | Sequence[str]] = None,
        include_disabled: bool = False,
        ids: Optional[Sequence[int]] = None,
    ) -> list[dict]:
        """Questions in the export shape, best first within each article.

        ``article`` is an id, file name or title substring; ``kind`` one kind or several.
        """
        article_ids = None
        if article is not None:
            article_ids = [a["id"] for a in self.find_articles(article)] or [-1]
        where, params = self._where(
            ("q.article_id", article_ids),
            ("q.kind", [kind] if isinstance(kind, str) else kind),
            ("q.id", list(ids) if ids is not None else None),
        )
        if not include_disabled:
            where += (" and " if where else " where ") + "coalesce(e.disabled, 0) = 0"
        rows = self._rows(f"{QUESTION_SELECT}{where} order by q.article_id, q.score desc, q.id", params)
        return [_question_row(r) for r in rows]

    def question(self, question_id: int) -> Optional[dict]:
        found = self.questions(ids=[question_id], include_disabled=True)
        return found[0] if found else None

    def question_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("select id from questions order by id")]

    def edit_question(
        self,
        key: str,
        *,
        question: Optional[str] = None,
        answer: Optional[str] = None,
        add_accepted: Iterable[str] = (),
        disabled: Optional[bool] = None,
    ) -> None:
        """Record a teacher's edit; it overrides the generated text on every read."""
        with self.write() as db:
            row = db.execute(
                "select question, answer, accepted_extra, disabled from question_edits where key = ?",
                [key],
            ).fetchone()
            old_q, old_a, old_extra, old_disabled = row or (None, None, None, None)
            extra = _unjson(old_extra, []) + [a for a in add_accepted if a]
            db["question_edits"].upsert(
                {
                    "key": key,
                    "question": question if question is not None else old_q,
                    "answer": answer if answer is not None else old_a,
                    "accepted_extra": _json(list(dict.fromkeys(extra)) or None),
                    "disabled": int(disabled) if disabled is not None else old_disabled,
                    "edited_at": now(),
                },
                pk="key",
            )

    def drop_question_edit(self, key: str) -> None:
        """Undo a teacher's edits of a question (text, answer, spellings, disabled)."""
        with self.write() as db:
            db.execute("delete from question_edits where key = ?", [key])

    # -- search ---------------------------------------------------------------

    def search_sentences(self, match: str, limit: int = 20) -> list[dict]:
        """Sentences matching an FTS5 query, best first, with their article."""
        return self._rows(
            "select s.id, s.article_id, s.position, s.paragraph, s.text, "
            "a.file, a.title, a.date, a.source, bm25(sentences_fts) as rank "
            "from sentences_fts join sentences s on s.rowid = sentences_fts.rowid "
            "join articles a on a.id = s.article_id "
            "where sentences_fts match ? order by rank limit ?",
            [match, limit],
        )

    # -- learners, sessions, attempts -----------------------------------------

    def learner_id(self, name: str) -> int:
        """The id of the learner with this name, created on first use. Case does not make
        another learner: "lena" is the Lena who played before, and keeps that spelling."""
        query = "select id from learners where casefold(name) = ? order by id limit 1"
        row = self.db.execute(query, [name.casefold()]).fetchone()
        if row:
            return row[0]
        with self.write() as db:
            row = db.execute(query, [name.casefold()]).fetchone()
            if row:
                return row[0]
            return db["learners"].insert({"name": name, "created_at": now()}).last_pk

    def learners(self) -> list[dict]:
        return self._rows("select * from learners order by name")

    def start_session(
        self, learner_id: int, question_ids: list[int], options: dict, quiz_id: Optional[int] = None
    ) -> int:
        with self.write() as db:
            return db["sessions"].insert(
                {
                    "learner_id": learner_id, "quiz_id": quiz_id,
                    "question_ids": _json(question_ids), "position": 0,
                    "options": _json(options), "status": "active",
                    "started_at": now(), "updated_at": now(),
                }
            ).last_pk

    def session(self, session_id: int) -> Optional[dict]:
        rows = self._rows("select * from sessions where id = ?", [session_id])
        return self._session_row(rows[0]) if rows else None

    @staticmethod
    def _session_row(row: dict) -> dict:
        row["question_ids"] = _unjson(row["question_ids"], [])
        row["options"] = _unjson(row["options"], {})
        return row

    def open_session(self, learner_id: int, quiz_id: Optional[int] = None) -> Optional[dict]:
        """The learner's latest unfinished session, if any (to offer a resume).

        Only sessions of the given quiz set (None: those outside any quiz set): a
        quiz set's session is resumed only by playing that quiz set.
        """
        rows = self._rows(
            "select * from sessions where learner_id = ? and status = 'active' and quiz_id is ? "
            "order by id desc limit 1",
            [learner_id, quiz_id],
        )
        return self._session_row(rows[0]) if rows else None

    def set_session(self, session_id: int, **changes: Any) -> None:
        if "question_ids" in changes:
            changes["question_ids"] = _json(changes["question_ids"])
        if changes.get("status") == "finished":
            changes["finished_at"] = now()
        with self.write() as db:
            db["sessions"].update(session_id, {**changes, "updated_at": now()})

    def record_attempt(self, attempt: dict, *, advance_session: bool = True,
                       review: Optional[ReviewBox] = None) -> int:
        """Commit one graded answer the moment it is graded, with its session moved on and
        its Leitner box: one transaction, so one wait for the lock when a class answers."""
        with self.write() as db:
            attempt_id = db["attempts"].insert({**attempt, "created_at": now()}).last_pk
            if advance_session and attempt.get("session_id"):
                db.execute(
                    "update sessions set position = position + 1, updated_at = ? where id = ?",
                    [now(), attempt["session_id"]],
                )
            if review is not None:
                self._upsert_review(db, attempt["learner_id"], review)
        return attempt_id

    def attempts(self, session_id: Optional[int] = None, learner_id: Optional[int] = None,
                 quiz_id: Optional[int] = None) -> list[dict]:
        where, params = self._where(
            ("t.session_id", session_id), ("t.learner_id", learner_id), ("t.quiz_id", quiz_id)
        )
        return self._rows(
            "select t.*, l.name as learner, q.kind, q.answer_type, "
            "exists(select 1 from contests c where c.attempt_id = t.id and c.status = 'open') as contested "
            "from attempts t "
            "join learners l on l.id = t.learner_id left join questions q on q.id = t.question_id"
            f"{where} order by t.id",
            params,
        )

    def contest(self, attempt_id: int, reason: str) -> int:
        with self.write() as db:
            return db["contests"].insert(
                {"attempt_id": attempt_id, "reason": reason, "status": "open", "created_at": now()}
            ).last_pk

    def contests(self, status: Optional[str] = None, quiz_id: Optional[int] = None) -> list[dict]:
        where, params = self._where(("c.status", status), ("t.quiz_id", quiz_id))
        return self._rows(
            "select c.*, t.question, t.expected, t.given, t.verdict, t.accepted, t.quiz_id, "
            "t.session_id, t.question_id, l.name as learner, z.name as quiz "
            "from contests c join attempts t on t.id = c.attempt_id "
            "join learners l on l.id = t.learner_id left join quizzes z on z.id = t.quiz_id"
            f"{where} order by c.id",
            params,
        )

    # -- quiz sets and the teacher's report -------------------------------------

    def create_quiz(self, name: str, question_ids: Sequence[int], options: dict) -> Optional[int]:
        """Save a named quiz set; None (and nothing written) when the name is taken."""
        with self.write() as db:
            if db.execute("select 1 from quizzes where name = ?", [name]).fetchone():
                return None
            return db["quizzes"].insert({
                "name": name, "options": _json(options), "question_ids": _json(list(question_ids)),
                "created_at": now(),
            }).last_pk

    def quiz(self, name: str) -> Optional[dict]:
        """The quiz set of this name (exactly, else the one equal but for case)."""
        rows = self._rows("select * from quizzes where name = ?", [name]) or [
            row for row in self._rows("select * from quizzes") if row["name"].casefold() == name.casefold()
        ][:1]
        return self._quiz_row(rows[0]) if rows else None

    def quizzes(self) -> list[dict]:
        """Every quiz set with how many learners started and finished it."""
        rows = self._rows(
            "select z.*, count(distinct s.learner_id) as learners, "
            "count(distinct case when s.status = 'finished' then s.learner_id end) as finished "
            "from quizzes z left join sessions s on s.quiz_id = z.id and s.status != 'abandoned' "
            "group by z.id order by z.created_at, z.id"
        )
        return [self._quiz_row(row) for row in rows]

    @staticmethod
    def _quiz_row(row: dict) -> dict:
        row["options"] = _unjson(row["options"], {})
        row["question_ids"] = _unjson(row["question_ids"], [])
        return row

    def delete_quiz(self, quiz_id: int) -> None:
        """Remove a quiz set; its sessions and attempts stay as the learners' own history.

        They are unlinked so that a later quiz set (which may get the same id) starts empty.
        """
        with self.write() as db:
            db.execute("update attempts set quiz_id = null where quiz_id = ?", [quiz_id])
            db.execute("update sessions set quiz_id = null where quiz_id = ?", [quiz_id])
            db.execute("delete from quizzes where id = ?", [quiz_id])

    def quiz_sessions(self, quiz_id: int) -> list[dict]:
        """The sessions of a quiz set with their learner's name, first started first."""
        rows = self._rows(
            "select s.*, l.name as learner from sessions s join learners l on l.id = s.learner_id "
            "where s.quiz_id = ? order by s.id",
            [quiz_id],
        )
        return [self._session_row(row) for row in rows]

    def attempt(self, attempt_id: int) -> Optional[dict]:
        rows = self._rows(
            "select t.*, l.name as learner, z.name as quiz from attempts t "
            "join learners l on l.id = t.learner_id left join quizzes z on z.id = t.quiz_id "
            "where t.id = ?",
            [attempt_id],
        )
        return rows[0] if rows else None

    def decide_attempt(self, attempt_id: int, accept: bool) -> None:
        """A teacher's decision on a graded answer, closing its contests.

        accept: the answer counts as right. Otherwise the grader's verdict stands
        again (correct and close count, as the grader decided). The grader's
        verdict and score stay as they were, so a decision can be changed.
        """
        status = "accepted" if accept else "rejected"
        with self.write() as db:
            db.execute(
                "update attempts set accepted = case when ? then 1 "
                "else verdict in ('correct', 'close') end where id = ?",
                [int(accept), attempt_id],
            )
            db.execute(
                "update contests set status = ?, resolved_at = ? where attempt_id = ?",
                [status, now(), attempt_id],
            )

    # -- spaced repetition ----------------------------------------------------

    def review_box(self, learner_id: int, key: str) -> Optional[dict]:
        rows = self._rows(
            "select * from reviews where learner_id = ? and key = ?", [learner_id, key]
        )
        return rows[0] if rows else None

    @staticmethod
    def _upsert_review(db: sqlite_utils.Database, learner_id: int, review: ReviewBox) -> None:
        db["reviews"].upsert(
            {"learner_id": learner_id, "key": review.key, "box": review.box, "due_at": review.due_at,
             "updated_at": now()},
            pk=("learner_id", "key"),
        )

    def due_reviews(self, learner_id: int, at: Optional[str] = None) -> list[dict]:
        return self._rows(
            "select * from reviews where learner_id = ? and due_at <= ? order by box, due_at",
            [learner_id, at or now()],
        )

    # -- quiz chat helpers (used by session.py) -------------------------------

    def question_candidates(
        self,
        article_ids: Optional[Sequence[int]] = None,
        kinds: Optional[Sequence[str]] = None,
        limit: Optional[int] = None,
    ) -> list[dict]:
        """Enabled questions in brief (id, article_id, sentence_id, kind, score) for picking
        a quiz; light enough to rank 100,000 of them."""
        where, params = self._where(("q.article_id", article_ids), ("q.kind", kinds))
        where += (" and " if where else " where ") + "coalesce(e.disabled, 0) = 0"
        return self._rows(
            "select q.id, q.article_id, q.sentence_id, q.kind, coalesce(q.score, 0) as score "
            f"from questions q left join question_edits e on e.key = q.key{where} order by q.id"
            + (" limit ?" if limit else ""),
            params + ([limit] if limit else []),
        )

    def question_ids_for_keys(self, keys: Sequence[str]) -> dict[str, int]:
        """Question ids by stable key (the first question holding a key)."""
        if not keys:
            return {}
        rows = self.db.execute(
            f"select key, min(id) from questions where key in ({','.join('?' * len(keys))}) "
            "group by key",
            list(keys),
        ).fetchall()
        return dict(rows)

    def set_busy_timeout(self, seconds: float) -> None:
        """How long one write waits for another writer's lock (the chat waits less than ingest)."""
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def next_review_due(self, learner_id: int) -> Optional[str]:
        """When the learner's next Leitner review falls due (None: nothing in the boxes)."""
        row = self.db.execute(
            "select min(due_at) from reviews where learner_id = ?", [learner_id]
        ).fetchone()
        return row[0]

    # -- fact-checking (quizbot.factcheck, quizbot.conflicts) -------------------

    def ranked_sentences(self, match: str, limit: int) -> list[dict]:
        """Like ``search_sentences``, but ranks inside FTS5 before joining.

        FTS5 can stop at ``limit`` when it orders by its own rank; a join first
        makes SQLite rank every match (seconds apart on 100,000s of sentences).
        """
        return self._rows(
            "with hits as (select rowid, rank from sentences_fts where sentences_fts match ? "
            "order by rank limit ?) "
            "select s.id, s.article_id, s.position, s.paragraph, s.text, "
            "a.file, a.title, a.date, a.source, hits.rank from hits "
            "join sentences s on s.id = hits.rowid join articles a on a.id = s.article_id "
            "order by hits.rank",
            [match, limit],
        )

    def facts_of_sentences(self, sentence_ids: Sequence[int], article_ids: Iterable[int]) -> dict[int, list[dict]]:
        """The facts of the given sentences (of the given articles), by sentence id, in reading order."""
        articles = list(dict.fromkeys(article_ids))
        if not sentence_ids or not articles:
            return {}
        # facts are indexed by article, not by sentence: narrow by article first
        rows = self._rows(
            f"select * from facts where article_id in ({','.join('?' * len(articles))}) "
            f"and sentence_id in ({','.join('?' * len(sentence_ids))}) order by sentence_id, start",
            articles + list(sentence_ids),
        )
        found: dict[int, list[dict]] = {}
        for row in rows:
            row["extra"] = _unjson(row["extra"], {})
            found.setdefault(row["sentence_id"], []).append(row)
        return found

    def sentences_before(self, sentence_ids: Sequence[int]) -> dict[int, dict]:
        """For each given sentence, the one before it in the same paragraph (id, text)."""
        if not sentence_ids:
            return {}
        rows = self._rows(
            "select t.id as of_id, s.id, s.text from sentences t join sentences s "
            "on s.article_id = t.article_id and s.position = t.position - 1 "
            f"and s.paragraph = t.paragraph where t.id in ({','.join('?' * len(sentence_ids))})",
            list(sentence_ids),
        )
        return {row.pop("of_id"): row for row in rows}

    def names_in_articles(self, article_ids: Iterable[int]) -> dict[int, list[dict]]:
        """The distinct persons, places and organisations each article names."""
        ids = list(article_ids)
        if not ids:
            return {}
        rows = self._rows(
            # "+kind": look facts up by article (few rows), not by kind (a quarter of the table)
            "select distinct article_id, kind, text, label from facts "
            f"where article_id in ({','.join('?' * len(ids))}) "
            "and +kind in ('person', 'place', 'organisation')",
            ids,
        )
        found: dict[int, list[dict]] = {}
        for row in rows:
            found.setdefault(row.pop("article_id"), []).append(row)
        return found

    def term_document_counts(self, prefixes: Sequence[str]) -> tuple[int, dict[str, int]]:
        """(about how many sentences there are, how many contain a word starting with each prefix).

        Read from the FTS5 index through a per-connection ``fts5vocab`` table: no
        schema change, nothing to keep up to date.
        """
        self.db.execute(
            "create virtual table if not exists temp.sentences_vocab "
            "using fts5vocab(main, sentences_fts, row)"
        )
        total = self.db.execute("select coalesce(max(id), 0) from sentences").fetchone()[0]
        counts = {
            prefix: self.db.execute(
                "select coalesce(sum(doc), 0) from temp.sentences_vocab where term >= ? and term < ?",
                [prefix, prefix + "\U0010ffff"],
            ).fetchone()[0]
            for prefix in dict.fromkeys(prefixes)
        }
        return total, counts

    def value_facts(self, kinds: Sequence[str]) -> Iterator[dict]:
        """Facts of the given kinds with their sentence and article, for comparing sources,
        one sentence after another (a stream: a whole corpus of rows would not fit flat)."""
        rows = self.db.query(
            "select f.id, f.article_id, f.sentence_id, f.kind, f.text, f.start, f.end, f.value, "
            "f.unit, f.qualifier, f.label, f.extra, s.position, s.text as sentence, "
            "a.file, a.title, a.date, a.source from facts f "
            "join sentences s on s.id = f.sentence_id join articles a on a.id = f.article_id "
            f"where f.kind in ({','.join('?' * len(kinds))}) order by f.article_id, s.position, f.start",
            list(kinds),
        )
        for row in rows:
            row["extra"] = _unjson(row["extra"], {})
            yield row

    def replace_cross_article_questions(self, prefix: str, questions: Sequence[tuple[int, Question]]) -> int:
        """Save questions that compare articles, replacing the previous set with this key prefix.

        Each question is attached to one article (``article_id``; its
        ``sentence_index`` is a position in that article) so quiz, exports and
        reports treat it like any other. A question whose key and article stay
        keeps its id, so attempts remain attached. Returns how many are stored.
        """
        columns = ("article_id", "sentence_id", "fact_id", "key", "kind", "question", "answer",
                   "accepted", "choices", "correct", "correction", "answer_type", "hint", "score")
        with self.write() as db:
            old = {(article_id, key): qid for qid, article_id, key in db.conn.execute(
                "select id, article_id, key from questions where key like ? escape '\\'",
                [prefix.replace("_", "\\_").replace("%", "\\%") + "%"])}
            positions = {}
            rows = {}
            for article_id, q in questions:
                if article_id not in positions:
                    positions[article_id] = dict(db.conn.execute(
                        "select position, id from sentences where article_id = ?", [article_id]))
                rows[(article_id, q.key)] = (
                    article_id, positions[article_id].get(q.sentence_index), None, q.key, q.kind,
                    q.question, q.answer, _json(q.accepted), _json(q.choices),
                    None if q.correct is None else int(q.correct), q.correction, q.answer_type,
                    q.hint, q.score,
                )
            db.conn.executemany(
                f"update questions set {', '.join(c + ' = ?' for c in columns)} where id = ?",
                [row + (old[ident],) for ident, row in rows.items() if ident in old],
            )
            db.conn.executemany(
                f"insert into questions ({', '.join(columns)}, created_at) "
                f"values ({', '.join('?' * len(columns))}, ?)",
                [row + (now(),) for ident, row in rows.items() if ident not in old],
            )
            db.conn.executemany(
                "delete from questions where id = ?",
                [(qid,) for ident, qid in old.items() if ident not in rows],
            )
        return len(rows)
