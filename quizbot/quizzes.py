"""Named quiz sets for a class: every learner gets the same questions.

A teacher makes one from a selection (articles, kinds, count, seed) or from
question ids. The set keeps the question ids: a re-ingest that keeps a question
(same key) keeps it in the set, a teacher's edit shows in it at once, and a
disabled question drops out of it. ``play --quiz NAME`` plays it (see
``QuizSession``); each learner gets their own order unless it is fixed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from quizbot.i18n import tr
from quizbot.session import QuizOptions, SessionError, clean_name, select_questions, unknown_quiz_text
from quizbot.store import Store

MAX_QUIZ_NAME_LENGTH = 60
SEED_RANGE = 10_000  # a seed short enough to note down and type again


class QuizSetError(Exception):
    """The quiz set cannot be made, found or used; the message says why, in the current language."""


@dataclass(frozen=True)
class QuizSet:
    """A stored quiz set and its questions as they are now (edited, enabled or not)."""

    id: int
    name: str
    options: dict
    created_at: str
    question_ids: list[int]  # as saved, in the set's order
    questions: list[dict]  # in the set's order; a question gone since (re-ingest) is left out
    missing: int  # how many of the set's questions are gone

    @property
    def enabled(self) -> list[dict]:
        return [q for q in self.questions if not q["disabled"]]

    @property
    def fixed_order(self) -> bool:
        return bool(self.options.get("fixed_order"))

    @property
    def articles(self) -> list[dict]:
        return list({q["article_id"]: q["article"] for q in self.questions}.values())


def checked_quiz_name(name: str) -> str:
    """The name cleaned like a learner's; QuizSetError when empty or too long."""
    cleaned = clean_name(name)
    if not cleaned:
        raise QuizSetError(tr("Der Quizname ist leer.", "The quiz name is empty."))
    if len(cleaned) > MAX_QUIZ_NAME_LENGTH:
        raise QuizSetError(tr(
            f"Der Quizname ist zu lang ({len(cleaned)} Zeichen, höchstens {MAX_QUIZ_NAME_LENGTH}).",
            f"The quiz name is too long ({len(cleaned)} characters, at most {MAX_QUIZ_NAME_LENGTH})."))
    return cleaned


def create_quiz(
    store: Store,
    name: str,
    *,
    articles: Sequence[str] = (),
    kinds: Sequence[str] = (),
    count: int = 10,
    seed: Optional[int] = None,
    fixed_order: bool = False,
    question_ids: Sequence[int] = (),
) -> QuizSet:
    """Make and save a quiz set: the given questions, or ``count`` picked from the selection.

    Without a seed one is drawn and saved, so the teacher can see it and make
    the same set again on another database.
    """
    name = checked_quiz_name(name)
    if store.quiz(name) is not None:
        raise _exists(name)
    if seed is None:
        seed = random.randrange(SEED_RANGE)
    picked = _given(store, question_ids) if question_ids else _picked(store, articles, kinds, count, seed)
    options = {"articles": list(articles), "kinds": list(kinds), "count": count, "seed": seed,
               "fixed_order": fixed_order}
    if store.create_quiz(name, picked, options) is None:  # made by someone else meanwhile
        raise _exists(name)
    return load_quiz(store, name)


def _picked(store: Store, articles: Sequence[str], kinds: Sequence[str], count: int, seed: int) -> list[int]:
    try:
        options = QuizOptions(count=count, seed=seed, kinds=tuple(kinds), articles=tuple(articles))
        picked = [q["id"] for q in select_questions(store, options)]
    except SessionError as error:
        raise QuizSetError(str(error)) from error
    if not picked:
        raise QuizSetError(tr("Keine freigegebene Frage passt zu dieser Auswahl (--article/--kind).",
                              "No enabled question matches this selection (--article/--kind)."))
    return picked


def _given(store: Store, question_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(question_ids))
    found = {q["id"]: q for q in store.questions(ids=ids, include_disabled=True)}
    unknown = [str(i) for i in ids if i not in found]
    if unknown:
        raise QuizSetError(tr(f"Keine Frage mit der Id {', '.join(unknown)} – quizbot questions zeigt die Ids.",
                              f"No question with id {', '.join(unknown)} – quizbot questions shows the ids."))
    disabled = [str(i) for i in ids if found[i]["disabled"]]
    if disabled:
        raise QuizSetError(tr(f"Frage {', '.join(disabled)} ist gesperrt – erst freigeben: "
                              f"quizbot questions enable {' '.join(disabled)}",
                              f"Question {', '.join(disabled)} is disabled – enable it first: "
                              f"quizbot questions enable {' '.join(disabled)}"))
    return ids


def load_quiz(store: Store, name: str) -> QuizSet:
    """The quiz set of this name (case does not matter); QuizSetError when there is none."""
    row = store.quiz(clean_name(name))
    if row is None:
        raise QuizSetError(unknown_quiz_text(clean_name(name)))
    ids = row["question_ids"]
    found = {q["id"]: q for q in store.questions(ids=ids, include_disabled=True)}
    return QuizSet(
        id=row["id"], name=row["name"], options=row["options"], created_at=row["created_at"],
        question_ids=ids, questions=[found[i] for i in ids if i in found], missing=sum(i not in found for i in ids),
    )


def delete_quiz(store: Store, name: str) -> QuizSet:
    """Remove a quiz set (the learners' answers stay in their history); the set as it was."""
    quiz = load_quiz(store, name)
    store.delete_quiz(quiz.id)
    return quiz


def _exists(name: str) -> QuizSetError:
    return QuizSetError(tr(f"Ein Quiz „{name}“ gibt es schon – anderen Namen wählen oder erst "
                           f"quizbot quiz delete aufrufen.",
                           f"A quiz '{name}' exists already – choose another name or run "
                           f"quizbot quiz delete first."))
