"""The teacher's report on a quiz set: who got how far, which questions were hard,
which gradings the learners contested.

``build_report`` reads the store and returns plain data (``QuizReport``); the CLI
draws it as terminal tables, ``write_csv`` writes a gradebook for a spreadsheet
and ``quizbot.report_html`` a page for the browser.

What counts: per learner their session of the quiz set (the first one; the
practice run of missed questions afterwards is not part of it), with the
teacher's decisions on contested answers applied. A question the teacher
disabled counts for no one (it was found to be bad); it is still listed.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional, TextIO

from quizbot.exports.csv_export import BOM, spreadsheet_safe
from quizbot.i18n import tr
from quizbot.quizzes import QuizSet, load_quiz
from quizbot.session import printable, with_letter  # one way to show a choice, as in the chat
from quizbot.store import Store
from quizbot.text import fold

WRONG_SHOWN = 3  # the most common wrong answers listed per question
BAR_WIDTH = 10
_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True)
class LearnerResult:
    name: str
    points: int
    answered: int
    total: int
    seconds: float  # time spent answering (from each question shown to its answer)
    finished: bool
    started_at: str
    position: int  # where the learner is in their session (disabled questions included)
    length: int  # how many questions their session has
    results: dict  # question id -> True/False (right or not), for the gradebook


@dataclass(frozen=True)
class WrongAnswer:
    text: str  # as most learners wrote it; "" for skipped
    count: int


@dataclass(frozen=True)
class QuestionResult:
    number: int
    id: int
    kind: str
    question: str
    answer: str
    right: int
    answered: int
    wrong: tuple[WrongAnswer, ...]
    disabled: bool

    @property
    def share(self) -> Optional[float]:
        return self.right / self.answered if self.answered else None


@dataclass(frozen=True)
class Contest:
    attempt_id: int
    learner: str
    question: str
    expected: str
    given: str
    reason: str
    status: str  # open | accepted | rejected
    created_at: str
    quiz: str = ""

    @classmethod
    def from_row(cls, row: dict) -> "Contest":
        """From ``Store.contests()``; learner text cleaned of escape codes."""
        return cls(row["attempt_id"], printable(row["learner"]), printable(row["question"] or ""),
                   printable(row["expected"] or ""), printable(row["given"] or ""),
                   printable(row["reason"] or ""), row["status"], row["created_at"],
                   printable(row["quiz"] or ""))


@dataclass(frozen=True)
class QuizReport:
    quiz: QuizSet
    learners: tuple[LearnerResult, ...]
    questions: tuple[QuestionResult, ...]
    contests: tuple[Contest, ...]

    @property
    def open_contests(self) -> tuple[Contest, ...]:
        return tuple(c for c in self.contests if c.status == "open")

    @property
    def finished(self) -> int:
        return sum(learner.finished for learner in self.learners)

    def average_share(self) -> Optional[float]:
        """Right answers of all answers given (the class's share right)."""
        answered = sum(learner.answered for learner in self.learners)
        return sum(learner.points for learner in self.learners) / answered if answered else None


def build_report(store: Store, name: str) -> QuizReport:
    """The report on the quiz set ``name``; QuizSetError when there is no such quiz."""
    quiz = load_quiz(store, name)
    sessions = _first_sessions(store.quiz_sessions(quiz.id))
    attempts = [a for a in store.attempts(quiz_id=quiz.id) if a["session_id"] in sessions]
    questions = {q["id"]: q for q in quiz.questions}
    disabled = {q["id"] for q in quiz.questions if q["disabled"]}
    learners = sorted(
        (_learner(session, [a for a in attempts if a["session_id"] == session["id"]], disabled)
         for session in sessions.values()),
        key=lambda learner: _by_name(learner.name),
    )
    rows = [_question(number, question_id, questions.get(question_id),
                      [a for a in attempts if a["question_id"] == question_id])
            for number, question_id in enumerate(quiz.question_ids, start=1)]
    contests = [Contest.from_row(c) for c in store.contests(quiz_id=quiz.id) if c["session_id"] in sessions]
    return QuizReport(quiz, tuple(learners), tuple(rows), tuple(contests))


def _by_name(name: str) -> list:
    """Alphabetical, numbers by value: "Kind 2" before "Kind 10"."""
    parts = re.split(r"(\d+)", name)  # text, number, text, …: the numbers at the odd places
    return [int(part) if index % 2 else part.casefold() for index, part in enumerate(parts)]


def _first_sessions(sessions: list[dict]) -> dict[int, dict]:
    """Each learner's first session of the quiz set that was not given up empty, by session id."""
    first: dict[int, dict] = {}
    for session in sessions:
        if session["status"] != "abandoned":
            first.setdefault(session["learner_id"], session)
    return {session["id"]: session for session in first.values()}


def _learner(session: dict, attempts: list[dict], disabled: set[int]) -> LearnerResult:
    counted = [a for a in attempts if a["question_id"] not in disabled]
    return LearnerResult(
        name=printable(session["learner"]),
        points=sum(bool(a["accepted"]) for a in counted),
        answered=len(counted),
        total=sum(i not in disabled for i in session["question_ids"]),
        seconds=sum(a["seconds"] or 0 for a in counted),
        finished=session["status"] == "finished",
        started_at=session["started_at"],
        position=session["position"],
        length=len(session["question_ids"]),
        results={a["question_id"]: bool(a["accepted"]) for a in counted},
    )


def _question(number: int, question_id: int, question: Optional[dict], attempts: list[dict]) -> QuestionResult:
    """One question's row; a question gone since (re-ingest) is described by its attempts' copy."""
    if question is None:
        question = {"kind": attempts[0]["kind"] if attempts else "", "disabled": False, "choices": None,
                    "question": attempts[0]["question"] if attempts else tr("(nicht mehr vorhanden)", "(gone)"),
                    "answer": attempts[0]["expected"] if attempts else "", "correct": None}
    return QuestionResult(
        number=number, id=question_id, kind=question["kind"] or "",
        question=printable(question["question"] or ""), answer=printable(_right_answer(question)),
        right=sum(bool(a["accepted"]) for a in attempts), answered=len(attempts),
        wrong=_most_common_wrong(question, [a for a in attempts if not a["accepted"]]),
        disabled=question["disabled"],
    )


def _right_answer(question: dict) -> str:
    if question["kind"] == "truefalse" and question.get("correct") is not None:
        return tr("ja", "yes") if question["correct"] else tr("nein", "no")
    return with_letter(question, question["answer"] or "")


def _most_common_wrong(question: dict, wrong: list[dict]) -> tuple[WrongAnswer, ...]:
    """The wrong answers grouped by their folded spelling, most common first, each shown
    as most learners wrote it (a letter with its choice: "A) Joe Kaeser"); skipped is ""."""
    spellings: dict[str, Counter] = {}
    for attempt in wrong:
        shown = printable(with_letter(question, (attempt["given"] or "").strip()))
        spellings.setdefault(fold(shown), Counter())[shown] += 1
    ranked = sorted(spellings.values(), key=lambda forms: -sum(forms.values()))  # stable: first seen first
    return tuple(WrongAnswer(forms.most_common(1)[0][0], sum(forms.values())) for forms in ranked[:WRONG_SHOWN])


# --------------------------------------------------------------------------
# Numbers as the teacher reads them
# --------------------------------------------------------------------------


def duration(seconds: float) -> str:
    """65 -> '1:05', 3725 -> '1:02:05'."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def percent(share: Optional[float]) -> str:
    """0.667 -> '67 %' (English '67%'); 5 of 8 -> '63 %' (halves round up, as in school,
    not to even as Python's round does); no answers -> '–'."""
    if share is None:
        return "–"
    whole = math.floor(share * 100 + 0.5 + 1e-9)
    return tr(f"{whole} %", f"{whole}%")


def bar(share: Optional[float], width: int = BAR_WIDTH) -> str:
    """A bar of block characters for a share 0..1, in eighths of a character, on a light track."""
    share = min(max(share or 0.0, 0.0), 1.0)
    full, eighths = divmod(round(share * width * 8), 8)
    drawn = "█" * full + (_EIGHTHS[eighths] if eighths else "")
    return drawn + "░" * (width - len(drawn))


def status(learner: LearnerResult) -> str:
    if learner.finished:
        return tr("fertig", "finished")
    if not learner.position:
        return tr("angemeldet", "signed in")
    return tr(f"bei Frage {learner.position + 1} von {learner.length}",
              f"at question {learner.position + 1} of {learner.length}")


def wrong_text(wrong: WrongAnswer, space: str = "\u00a0") -> str:
    """'„50 Millionen“ ×2', '(übersprungen) ×1'. The space before the count does not break
    in HTML; a terminal table breaks at any space, so it passes none ('„ja“×1')."""
    shown = tr(f"„{wrong.text}“", f"“{wrong.text}”") if wrong.text else tr("(übersprungen)", "(skipped)")
    return f"{shown}{space}×{wrong.count}"


def contest_status(value: str) -> str:
    """A contest's status in words: offen, anerkannt, abgelehnt."""
    return {"open": tr("offen", "open"), "accepted": tr("anerkannt", "accepted"),
            "rejected": tr("abgelehnt", "rejected")}.get(value, value)


# --------------------------------------------------------------------------
# CSV: a gradebook, one learner per row
# --------------------------------------------------------------------------


def write_csv(report: QuizReport, out: TextIO) -> None:
    """One row per learner (name, points, answered, questions, time, finished) and one
    column per question (1 right, 0 wrong, empty not answered), for a German Excel."""
    out.write(BOM)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    counted = [q for q in report.questions if not q.disabled]
    writer.writerow([tr("Name", "Name"), tr("Punkte", "Points"), tr("Beantwortet", "Answered"),
                     tr("Fragen", "Questions"), tr("Zeit (Sekunden)", "Time (seconds)"),
                     tr("Fertig", "Finished")]
                    + [tr(f"F{q.number} (Id {q.id})", f"Q{q.number} (id {q.id})") for q in counted])
    for learner in report.learners:
        cells = [learner.name, str(learner.points), str(learner.answered), str(learner.total),
                 str(round(learner.seconds)), tr("ja", "yes") if learner.finished else tr("nein", "no")]
        cells += ["" if q.id not in learner.results else str(int(learner.results[q.id])) for q in counted]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])
