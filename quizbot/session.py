"""The quiz chat as a state machine, with no UI.

Both faces (the Textual app in ``tui/`` and line mode in ``plain``) drive one
``QuizSession`` with text: ``start()`` and ``handle(line)`` return
``Message`` objects that the face shows. Buttons in the app send the same text
a learner could type ("A", "ja"). All wording lives here, so both faces say
the same thing.

Every graded answer is committed the moment it is graded (``Store.record_attempt``);
a session left unfinished stays ``active`` and is offered for resuming the
next time the same learner starts.

Spaced repetition (``--review``) uses Leitner boxes per learner and question
key: a missed or skipped question goes to box 1 (due at once); a right answer
moves a question that is in the boxes one box up, due after ``BOX_INTERVAL_DAYS``.
Questions never missed stay out of the boxes.
"""

from __future__ import annotations

import random
import re
import shlex
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

from quizbot.i18n import correction_without_quote, tr
from quizbot.resources import lexicon_lines
from quizbot.store import ReviewBox, Store, StoreError
from quizbot.text import fold

KINDS = ("open", "cloze", "choice", "truefalse")
LETTERS = "ABCD"
BOX_INTERVAL_DAYS = {1: 0, 2: 1, 3: 3, 4: 7, 5: 14}
# Random jitter added to a question's rank score so that runs vary among
# the good questions instead of always asking the same top ten.
RANK_JITTER = 0.25
# How far down a kind's ranked list the picker looks for a new sentence/article.
PICK_WINDOW = 200
MAX_NAME_LENGTH = 40
# A learner waits at most a few seconds for another writer's lock (the store
# retries a few times), then gets their answer back with a clear message.
CHAT_BUSY_TIMEOUT_S = 2.0
ARTICLES_LISTED = 5

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text with ANSI escape sequences and control characters removed (tabs become spaces)."""
    return _CONTROL.sub("", _ANSI.sub("", text).replace("\t", " ").replace("\r\n", "\n"))


class SessionError(Exception):
    """The quiz cannot start: unknown kind, no article matches, no usable database."""


class UngradableError(Exception):
    """A stored question the grader cannot grade (say, an edited answer missing from its choices)."""


def locked_text() -> str:
    """Why the quiz cannot start while another program holds the database's write lock."""
    return tr("Die Datenbank ist gerade gesperrt – ein anderes Programm schreibt hinein. "
              "Bitte gleich noch einmal starten.",
              "The database is locked right now – another program is writing to it. "
              "Please start again in a moment.")


def warm_up() -> None:
    """Load the grader and the fact check now (about 0.03 s each, measured).

    They are imported on first use so that the first question shows sooner; a face
    calls this while the learner reads it, so the first answer or claim does not wait.
    """
    import quizbot.grading  # noqa: F401
    import quizbot.factcheck  # noqa: F401


# --------------------------------------------------------------------------
# What the faces show
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """A button under a message: the label shown and the text it sends."""

    label: str
    send: str


@dataclass(frozen=True)
class MissedQuestion:
    number: int
    question: str
    given: str
    answer: str
    sentence: str
    source: str  # "— Titel, Quelle, 25.04.2019"
    contested: bool = False  # the learner's objection waits for the teacher

    def lines(self) -> list[str]:
        """The question, the learner's and the right answer, the source sentence."""
        lines = [
            f"{self.number}. {self.question}",
            tr(f"Deine Antwort: {self.given or '(übersprungen)'}", f"Your answer: {self.given or '(skipped)'}"),
            tr(f"Richtig: {self.answer}", f"Right: {self.answer}"),
        ]
        if self.contested:
            lines.append(tr("Einspruch eingelegt – deine Lehrkraft entscheidet.",
                            "Contested – your teacher decides."))
        if self.sentence:
            lines.append(quoted(self.sentence))
        if self.source:
            lines.append(self.source)
        return lines


@dataclass(frozen=True)
class Results:
    points: int
    answered: int
    total: int
    by_kind: tuple[tuple[str, int, int], ...]  # (kind label, right, asked)
    missed: tuple[MissedQuestion, ...]
    complete: bool  # False when the learner ended before the last question

    @property
    def title(self) -> str:
        return tr("Ergebnis", "Results") if self.complete else tr("Zwischenstand", "Score so far")

    def headline(self) -> str:
        text = tr(f"{self.points} von {self.answered} richtig", f"{self.points} of {self.answered} right")
        if not self.complete:
            text += tr(f" (bis Frage {self.answered} von {self.total})",
                       f" (up to question {self.answered} of {self.total})")
        return text

    def kind_lines(self) -> list[str]:
        width = max((len(label) for label, _, _ in self.by_kind), default=0)
        return [tr(f"{label + ':':<{width + 1}}  {right} von {asked}", f"{label + ':':<{width + 1}}  {right} of {asked}")
                for label, right, asked in self.by_kind]

    @staticmethod
    def missed_heading() -> str:
        return tr("Verpasst:", "Missed:")

    def text(self) -> str:
        """Everything as plain lines (line mode, and the chat log's copy)."""
        lines = [self.headline()]
        if self.by_kind:
            lines += [""] + self.kind_lines()
        if self.missed:
            lines += ["", self.missed_heading()]
            for item in self.missed:
                first, *rest = item.lines()
                lines += [first] + [f"   {line}" for line in rest]
        return "\n".join(lines)


@dataclass
class Message:
    """One message of the bot (what the learner typed, the faces show themselves).

    kind: greeting | prompt | question | verdict | evidence | hint | source | score
          | claim | contest | help | info | error | results
    ``verdict`` carries correct/close/partial/wrong/skipped (or a claim's verdict)
    for styling; ``struck`` the letters a hint struck out; ``results`` the end
    summary. Text is cleaned of escape and control characters on creation.
    """

    kind: str
    text: str
    title: str = ""
    options: tuple[Option, ...] = ()
    verdict: Optional[str] = None
    struck: tuple[str, ...] = ()
    results: Optional[Results] = None
    retry: bool = False  # the learner's line was not taken; the face may give it back
    highlight: str = ""  # a part of the text to emphasise (the source sentence in a paragraph)

    def __post_init__(self) -> None:
        self.text = printable(self.text)
        self.title = printable(self.title)
        self.highlight = printable(self.highlight)
        self.options = tuple(Option(printable(o.label), o.send) for o in self.options)


# --------------------------------------------------------------------------
# Options and question selection
# --------------------------------------------------------------------------


@dataclass
class QuizOptions:
    count: int = 10
    seed: Optional[int] = None
    kinds: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()  # ids, file names or title substrings
    review: bool = False
    # A fixed list of question ids: named quiz sets (classroom) and repeats.
    question_ids: Optional[list[int]] = None
    quiz_id: Optional[int] = None
    # A named quiz set (``play --quiz NAME``): start() takes ids, seed and order from it.
    quiz_name: Optional[str] = None
    shuffle: bool = False  # each learner gets the fixed questions in an order of their own

    def __post_init__(self) -> None:
        unknown = [k for k in self.kinds if k not in KINDS]
        if unknown:
            raise SessionError(
                tr(f"Unbekannte Frageart „{unknown[0]}“ – möglich sind: {', '.join(KINDS)}.",
                   f"Unknown question kind '{unknown[0]}' – choose from: {', '.join(KINDS)}.")
            )
        if self.count < 1:
            raise SessionError(tr("Die Anzahl der Fragen muss mindestens 1 sein.",
                                  "The number of questions must be at least 1."))

    def to_json(self) -> dict:
        return {"count": self.count, "seed": self.seed, "kinds": list(self.kinds),
                "articles": list(self.articles), "review": self.review, "quiz_id": self.quiz_id}


def select_questions(store: Store, options: QuizOptions) -> list[dict]:
    """The questions of a new quiz, in the order they are asked.

    A fixed id list is taken as it is; otherwise the best-ranked questions,
    varied: kinds take turns, articles are used evenly and each sentence at most
    once while others are left. ``seed`` makes choice and order reproducible.
    """
    if options.question_ids is not None:
        return _questions_in_order(store, options.question_ids)
    article_ids = _article_ids(store, options.articles)
    candidates = store.question_candidates(article_ids=article_ids, kinds=options.kinds or None)
    picked = _varied_pick(candidates, options.count, random.Random(options.seed))
    return _questions_in_order(store, picked)


def _questions_in_order(store: Store, ids: Sequence[int]) -> list[dict]:
    found = {q["id"]: q for q in store.questions(ids=list(ids))} if ids else {}
    return [found[i] for i in ids if i in found]


def _article_ids(store: Store, refs: Sequence[str]) -> Optional[list[int]]:
    if not refs:
        return None
    ids: list[int] = []
    for ref in refs:
        found = store.find_articles(ref)
        if not found:
            raise SessionError(tr(f"Kein Artikel passt zu „{ref}“.", f"No article matches '{ref}'."))
        ids.extend(a["id"] for a in found)
    return list(dict.fromkeys(ids))


def _varied_pick(candidates: list[dict], count: int, rng: random.Random) -> list[int]:
    by_kind: dict[str, list[dict]] = {}
    for c in sorted(candidates, key=lambda c: c["score"] + rng.uniform(0, RANK_JITTER), reverse=True):
        by_kind.setdefault(c["kind"], []).append(c)
    kinds = [k for k in KINDS if k in by_kind] + sorted(set(by_kind) - set(KINDS))
    rng.shuffle(kinds)
    used_sentences: set = set()
    article_uses: dict[int, int] = {}
    picked: list[int] = []
    turn = 0
    while len(picked) < count and any(by_kind.values()):
        ranked = by_kind[kinds[turn % len(kinds)]]
        turn += 1
        if not ranked:
            continue
        window = ranked[:PICK_WINDOW]
        # fewest uses of the article first, then an unused sentence, then rank
        best = min(range(len(window)), key=lambda i: (
            article_uses.get(window[i]["article_id"], 0),
            window[i]["sentence_id"] in used_sentences,
            i,
        ))
        choice = ranked.pop(best)
        picked.append(choice["id"])
        used_sentences.add(choice["sentence_id"])
        article_uses[choice["article_id"]] = article_uses.get(choice["article_id"], 0) + 1
    return picked


# --------------------------------------------------------------------------
# Wording helpers
# --------------------------------------------------------------------------

_COMMANDS = {
    # canonical German name: (English name, other spellings accepted)
    "/hinweis": ("/hint", ("/tipp",)),
    "/überspringen": ("/skip", ("/ueberspringen", "/uberspringen", "/weiter")),
    "/quelle": ("/source", ()),
    "/punkte": ("/score", ("/stand",)),
    "/einspruch": ("/contest", ()),
    "/prüfe": ("/check", ("/pruefe", "/prufe")),
    "/hilfe": ("/help", ("/?",)),
    "/ende": ("/quit", ("/end", "/exit", "/stop", "/beenden")),
}
_COMMAND_NAMES = {
    alias: canonical
    for canonical, (english, others) in _COMMANDS.items()
    for alias in (canonical, english, *others)
}


def command_names() -> list[str]:
    """The commands in the current language, for completion in the input."""
    return [tr(de, en) for de, (en, _) in _COMMANDS.items()]


def kind_label(kind: Optional[str]) -> str:
    return {
        "open": tr("Offene Frage", "Open question"),
        "cloze": tr("Lückentext", "Fill in the gap"),
        "choice": tr("Multiple Choice", "Multiple choice"),
        "truefalse": tr("Ja/Nein-Frage", "True or false"),
    }.get(kind or "", tr("Sonstige", "Other"))


def answer_type_label(answer_type: Optional[str]) -> str:
    return {
        "amount": tr("ein Betrag mit Einheit", "an amount with its unit"),
        "count": tr("eine Anzahl", "a number of things"),
        "duration": tr("eine Zeitdauer", "a length of time"),
        "distance": tr("eine Entfernung", "a distance"),
        "percent": tr("ein Prozentwert", "a percentage"),
        "factor": tr("ein Faktor (wie „das Zehnfache“)", "a factor (like 'tenfold')"),
        "year": tr("eine Jahreszahl", "a year"),
        "date": tr("ein Datum", "a date"),
        "ordinal": tr("eine Ordnungszahl (wie „der 70.“)", "an ordinal (like '70th')"),
        "person": tr("eine Person", "a person"),
        "place": tr("ein Ort", "a place"),
        "organisation": tr("eine Organisation", "an organisation"),
        "quote": tr("ein Zitat", "a quote"),
    }.get(answer_type or "", tr("ein Begriff aus dem Artikel", "a term from the article"))


def format_date(iso: Optional[str]) -> str:
    """'2019-04-25' -> '25.04.2019' (English: '25 Apr 2019'); other text unchanged.

    A timestamp with a time zone (when a session started) is shown as a local date.
    """
    if not iso:
        return ""
    try:
        day = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if day.tzinfo is not None:
        day = day.astimezone()
    return tr(day.strftime("%d.%m.%Y"), day.strftime("%d %b %Y"))


def source_line(article: dict) -> str:
    """'— Titel, Quelle, 25.04.2019' (the parts that are known)."""
    parts = [article.get("title") or article.get("file"), article.get("source"),
             format_date(article.get("date"))]
    return "— " + ", ".join(p for p in parts if p)


def quoted(sentence: str) -> str:
    return tr(f"„{sentence}“", f"“{sentence}”")


def _yes_no(line: str) -> Optional[bool]:
    """ja -> True, nein -> False, anything else -> None; the grader knows the words."""
    from quizbot.grading import grade  # see warm_up()

    for meaning, key in ((True, "ja"), (False, "nein")):
        if grade(key, line, answer_type="truefalse").accepted:
            return meaning
    return None


def _claim_openers() -> tuple[str, ...]:
    return tuple(fold(line.strip()) for line in lexicon_lines("claim_openers.txt"))


def claim_in(line: str) -> Optional[str]:
    """The claim when the line asks to check one ("Stimmt es, dass …"), else None."""
    folded = fold(line)
    for opener in _claim_openers():
        rest = folded[len(opener):]
        if folded.startswith(opener) and rest[:1] in (" ", ",", ":") and rest.strip(" ,:?"):
            return line.strip()
    return None


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# --------------------------------------------------------------------------
# The session
# --------------------------------------------------------------------------


@dataclass
class _Graded:
    verdict: str  # correct | close | partial | wrong | skipped
    accepted: bool
    score: float
    note: str = ""
    unclear: bool = False  # no yes/no, no option picked: asked again, not recorded


@dataclass
class _LastAnswer:
    attempt_id: int
    number: int
    question: dict
    accepted: bool  # counted as right: nothing to contest
    skipped: bool = False  # no answer given: nothing to contest either


@dataclass
class _Run:
    """The questions of the session being played and how far the learner got."""

    session_id: int
    questions: list[Optional[dict]]  # None where a question vanished since (re-ingest)
    position: int = 0
    points: int = 0
    answered: int = 0

    @property
    def total(self) -> int:
        return len(self.questions)


class QuizSession:
    """One learner's quiz chat over a store. Drive it with ``start()`` then ``handle(line)``."""

    def __init__(
        self,
        store: Store,
        options: Optional[QuizOptions] = None,
        learner: Optional[str] = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.store = store
        self.store.set_busy_timeout(CHAT_BUSY_TIMEOUT_S)
        self.options = options or QuizOptions()
        self.learner = _checked_name(learner) if learner is not None else None
        self.learner_id: Optional[int] = None
        self.state = "new"  # new | name | resume | question | contest | repeat | done
        self.run: Optional[_Run] = None
        self.planned: list[dict] = []
        self.last: Optional[_LastAnswer] = None
        self._clock = clock
        self._now = now
        self._asked_at = 0.0
        self._hints = 0
        self._resumable: Optional[dict] = None
        self._plan_shown = False  # the greeting listed the planned quiz's articles
        self._state_before_contest = "question"
        self._taken: Optional[dict] = None  # a quiz set's session under the name just given

    # -- what the faces ask --------------------------------------------------

    @property
    def done(self) -> bool:
        return self.state == "done"

    @property
    def current(self) -> Optional[dict]:
        """The open question, if one is waiting for an answer."""
        if self.run is None or self.state not in ("question", "contest"):
            return None
        return self.run.questions[self.run.position]

    @property
    def title(self) -> str:
        """The quiz in a few words, for a header."""
        questions = [q for q in (self.run.questions if self.run else self.planned) if q]
        titles = list(dict.fromkeys(q["article"]["title"] or q["article"]["file"] for q in questions))
        if self.options.review:
            return tr("quizbot · Wiederholung", "quizbot · review")
        if self.options.quiz_name:
            return printable(f"quizbot · Quiz {self.options.quiz_name}")
        if len(titles) == 1:
            return printable(f"quizbot · {titles[0]}")
        if titles:
            return tr(f"quizbot · {len(titles)} Artikel", f"quizbot · {len(titles)} articles")
        return "quizbot"

    @property
    def status(self) -> str:
        """Progress and score, for a header: 'Frage 3 von 10 · 2 Punkte'."""
        if self.run is None:
            return ""
        number = min(self.run.position + 1, self.run.total)
        points = self.run.points
        if self.run.position >= self.run.total:
            return tr(f"fertig · {points} von {self.run.total} richtig",
                      f"done · {points} of {self.run.total} right")
        return tr(
            f"Frage {number} von {self.run.total} · {points} {'Punkt' if points == 1 else 'Punkte'}",
            f"Question {number} of {self.run.total} · {points} {'point' if points == 1 else 'points'}",
        )

    @property
    def placeholder(self) -> str:
        """What the input line should invite."""
        if self.state == "name":
            return tr("Dein Name", "Your name")
        if self.state in ("resume", "repeat", "same"):
            return tr("ja oder nein", "yes or no")
        if self.state == "contest":
            return tr("Deine Begründung (leer = abbrechen)", "Your reason (empty = cancel)")
        current = self.current
        if current and current["kind"] == "choice":
            return tr("A, B, C oder D – /hilfe für Befehle", "A, B, C or D – /help for commands")
        if current and current["kind"] == "truefalse":
            return tr("ja oder nein – /hilfe für Befehle", "yes or no – /help for commands")
        return tr("Deine Antwort – /hilfe für Befehle", "Your answer – /help for commands")

    # -- the conversation ----------------------------------------------------

    def start(self) -> list[Message]:
        """The greeting, and the first question or the question for the learner's name."""
        if not self.store.question_candidates(limit=1):
            self.state = "done"
            return [Message("error", tr(
                f"Die Datenbank {self.store.path} enthält noch keine Fragen.\n"
                f"Artikel einlesen mit: quizbot ingest --db {self.store.path} ARTIKEL.txt …",
                f"The database {self.store.path} holds no questions yet.\n"
                f"Read articles in with: quizbot ingest --db {self.store.path} ARTICLE.txt …",
            ))]
        if self.options.quiz_name is not None:
            self._load_quiz()
        if not self.options.review:
            self.planned = select_questions(self.store, self.options)
            if not self.planned and self.options.quiz_id is not None:
                raise SessionError(empty_quiz_text(self.options.quiz_name))
            if not self.planned:
                self.state = "done"
                return [Message("error", tr(
                    "Keine Frage passt zu dieser Auswahl (--kind/--article).",
                    "No question matches this selection (--kind/--article).",
                ))]
        title = tr("Willkommen bei quizbot", "Welcome to quizbot")
        if self.learner is None:
            self.state = "name"
            self._plan_shown = True
            return [Message("greeting", self._greeting_text(self.planned), title=title),
                    Message("prompt", tr("Wie heißt du?", "What is your name?"))]
        following = self._begin()
        if self.state == "resume":  # the new quiz is described only if the learner chooses it
            return [Message("greeting", self._hello(), title=title)] + following
        self._plan_shown = True
        return [Message("greeting", self._greeting_text(self.planned), title=title)] + following

    def handle(self, line: str) -> list[Message]:
        """React to one line the learner typed (or a button sent)."""
        try:
            return self._dispatch(printable(line).strip())
        except StoreError as error:  # locked or gone: nothing changed, the learner may resend
            return [Message("error", tr(
                f"Die Datenbank ist gerade nicht erreichbar ({error}). Bitte noch einmal senden.",
                f"The database cannot be reached right now ({error}). Please send it again."), retry=True)]
        except UngradableError as error:
            return [Message("error", tr(
                f"Diese Frage lässt sich nicht bewerten ({error}). Bitte /überspringen.",
                f"This question cannot be graded ({error}). Please /skip it."))]

    def _dispatch(self, line: str) -> list[Message]:
        if self.state == "contest":
            return self._take_contest_reason(line)
        if not line:
            return []
        command, _, argument = line.partition(" ")
        canonical = _COMMAND_NAMES.get(command.casefold())
        if line.startswith("/") and canonical is None:
            return [Message("error", tr(
                f"Unbekannter Befehl {command} – /hilfe zeigt alle Befehle.",
                f"Unknown command {command} – /help lists them all."))]
        if canonical:
            return self._command(canonical, argument.strip())
        claim = claim_in(line) if self.state in ("question", "repeat", "done") else None
        if claim:
            return self._check_claim(claim)
        handler = {
            "name": self._take_name,
            "resume": self._take_resume,
            "same": self._take_same,
            "question": self._take_answer,
            "repeat": self._take_repeat,
        }.get(self.state)
        if handler is None:
            return [Message("info", tr("Das Quiz ist zu Ende. /hilfe zeigt, was noch geht.",
                                       "The quiz is over. /help shows what you can still do."))]
        return handler(line)

    def leave(self) -> list[Message]:
        """The learner left (input ended, window closed): what is saved, or the final score."""
        self.state = "done"
        if self.run is None:
            return []
        if self.run.position < self.run.total:
            return [Message("info", self._saved_text())]
        return [Message("info", tr(
            f"Ergebnis: {self.run.points} von {self.run.total} richtig. Bis zum nächsten Mal!",
            f"Result: {self.run.points} of {self.run.total} right. See you next time!"))]

    # -- start, name, resume -------------------------------------------------

    def _hello(self) -> str:
        return tr(f"Hallo {self.learner}!", f"Hello {self.learner}!") if self.learner else tr("Hallo!", "Hello!")

    def _greeting_text(self, questions: list[dict]) -> str:
        hello = self._hello()
        if not questions:  # a review: the questions depend on the learner
            return hello + " " + tr("Ich bin quizbot und frage dich zu Nachrichtenartikeln ab.",
                                    "I am quizbot and I quiz you on news articles.")
        articles = list({q["article_id"]: q["article"] for q in questions}.values())
        count, sources = len(questions), len(articles)
        quiz = tr(f"Quiz „{self.options.quiz_name}“: ", f"Quiz '{self.options.quiz_name}': ") \
            if self.options.quiz_name else ""
        lines = [hello + " " + quiz + tr(
            f"{count} {'Frage' if count == 1 else 'Fragen'} zu {sources} "
            f"{'Artikel' if sources == 1 else 'Artikeln'}:",
            f"{count} {'question' if count == 1 else 'questions'} on {sources} "
            f"{'article' if sources == 1 else 'articles'}:",
        )]
        for article in articles[:ARTICLES_LISTED]:
            lines.append("• " + source_line(article).removeprefix("— "))
        if len(articles) > ARTICLES_LISTED:
            more = len(articles) - ARTICLES_LISTED
            lines.append(tr(f"• … und {more} weitere", f"• … and {more} more"))
        lines.append(tr("Antworte frei, Tippfehler verzeihe ich. /hilfe zeigt die Befehle.",
                        "Answer freely, I forgive typos. /help lists the commands."))
        return "\n".join(lines)

    def _take_name(self, line: str) -> list[Message]:
        name = clean_name(line)
        if not name:
            return [Message("prompt", tr("Wie heißt du?", "What is your name?"))]
        problem = name_problem(name)
        if problem:
            return [Message("prompt", problem + " " + tr("Wie soll ich dich nennen?",
                                                         "What should I call you?"))]
        self.learner = name
        return self._begin(greet=True)

    def _begin(self, *, greet: bool = False) -> list[Message]:
        if self.options.quiz_id is not None:
            return self._begin_in_quiz(greet=greet)
        self.learner_id = self.store.learner_id(self.learner)
        unfinished = self.store.open_session(self.learner_id)
        if unfinished and unfinished["position"] == 0:
            self.store.set_session(unfinished["id"], status="abandoned")  # nothing to resume
        elif unfinished and unfinished["position"] < len(unfinished["question_ids"]):
            self._resumable = unfinished
            self.state = "resume"
            total = len(unfinished["question_ids"])
            started = self._day_phrase(unfinished["started_at"])
            return [Message("prompt", tr(
                f"Du hast ein angefangenes Quiz {started} "
                f"({unfinished['position']} von {total} Fragen beantwortet).\n"
                "Weiter mit dem angefangenen Quiz? (ja/nein – nein beginnt ein neues)",
                f"You have an unfinished quiz {started} "
                f"({unfinished['position']} of {total} questions answered).\n"
                "Continue the unfinished quiz? (yes/no – no starts a new one)",
            ), options=(Option(tr("Ja, weiter", "Yes, continue"), tr("ja", "yes")),
                        Option(tr("Nein, neues Quiz", "No, new quiz"), tr("nein", "no"))))]
        return self._new_run(greet=greet)

    def _day_phrase(self, started_at: str) -> str:
        """'von heute', 'von gestern' or 'vom 03.12.2026' (when the unfinished quiz began)."""
        try:
            started = datetime.fromisoformat(started_at).astimezone().date()
        except (TypeError, ValueError):
            return tr(f"vom {format_date(started_at)}", f"from {format_date(started_at)}")
        days = (self._now().astimezone().date() - started).days
        if days == 0:
            return tr("von heute", "from today")
        if days == 1:
            return tr("von gestern", "from yesterday")
        return tr(f"vom {format_date(started_at)}", f"from {format_date(started_at)}")

    def _take_resume(self, line: str) -> list[Message]:
        answer = _yes_no(line)
        if answer is None:
            return [Message("prompt", tr("Bitte mit ja oder nein antworten: weitermachen?",
                                         "Please answer yes or no: continue?"),
                            options=self._yes_no_options())]
        unfinished, self._resumable = self._resumable, None
        if not answer:
            self.store.set_session(unfinished["id"], status="abandoned")
            if self._plan_shown or not self.planned:
                return self._new_run()
            self._plan_shown = True
            plan = self._greeting_text(self.planned).removeprefix(self._hello()).strip()
            return [Message("info", tr("Neues Quiz: ", "New quiz: ") + plan)] + self._new_run()
        self.options.review = bool(unfinished["options"].get("review"))
        return self._continue(unfinished)

    def _continue(self, stored: dict) -> list[Message]:
        """Go on with a stored session where it was left."""
        self.run = self._run_of(stored)
        intro = Message("info", tr(
            f"Weiter geht's mit Frage {self.run.position + 1} von {self.run.total}.",
            f"On we go with question {self.run.position + 1} of {self.run.total}."))
        return [intro] + self._ask()

    def _run_of(self, stored: dict) -> _Run:
        ids = stored["question_ids"]
        found = {q["id"]: q for q in _questions_in_order(self.store, ids)}
        attempts = self.store.attempts(session_id=stored["id"])
        return _Run(
            session_id=stored["id"], questions=[found.get(i) for i in ids],
            position=stored["position"], points=sum(bool(a["accepted"]) for a in attempts),
            answered=len(attempts),
        )

    # -- quiz sets (``play --quiz NAME``) ------------------------------------

    def _load_quiz(self) -> None:
        """Take the questions, the seed and the order from the named quiz set."""
        quiz = self.store.quiz(self.options.quiz_name)
        if quiz is None:
            raise SessionError(unknown_quiz_text(self.options.quiz_name))
        self.options.quiz_name = quiz["name"]
        self.options.quiz_id = quiz["id"]
        self.options.question_ids = quiz["question_ids"]
        self.options.seed = quiz["options"].get("seed")
        self.options.shuffle = not quiz["options"].get("fixed_order")

    def _begin_in_quiz(self, *, greet: bool) -> list[Message]:
        """A name already used in this quiz set is asked about: the same learner goes on
        where they were; someone else picks another name, so the report keeps them apart."""
        taken = self._quiz_session_named(self.learner)
        if taken is None:
            self.learner_id = self.store.learner_id(self.learner)
            return self._new_run(greet=greet)
        self._taken = taken
        self.state = "same"
        when = self._when(taken["started_at"])
        if taken["status"] == "finished":
            done = tr("schon beendet", "finished already")
        else:
            done = tr(f"{taken['position']} von {len(taken['question_ids'])} Fragen beantwortet",
                      f"{taken['position']} of {len(taken['question_ids'])} questions answered")
        return [Message("prompt", tr(
            f"In diesem Quiz gibt es schon „{taken['learner']}“ (angefangen {when}, {done}).\n"
            "Bist du das? (ja/nein)",
            f"This quiz already has '{taken['learner']}' (started {when}, {done}).\n"
            "Is that you? (yes/no)"),
            options=(Option(tr("Ja, das bin ich", "Yes, that's me"), tr("ja", "yes")),
                     Option(tr("Nein, jemand anderes", "No, someone else"), tr("nein", "no"))))]

    def _quiz_session_named(self, name: str) -> Optional[dict]:
        """The first session in this quiz set of a learner of this name (ignoring case)."""
        wanted = name.casefold()
        return next((s for s in self.store.quiz_sessions(self.options.quiz_id)
                     if s["learner"].casefold() == wanted and s["status"] != "abandoned"), None)

    def _when(self, started_at: str) -> str:
        """'heute um 10:42', 'gestern um 8:05', 'am 03.12.2026 um 9:00'."""
        try:
            started = datetime.fromisoformat(started_at).astimezone()
        except (TypeError, ValueError):
            return format_date(started_at)
        days = (self._now().astimezone().date() - started.date()).days
        day = {0: tr("heute", "today"), 1: tr("gestern", "yesterday")}.get(
            days, tr(f"am {format_date(started_at)}", f"on {format_date(started_at)}"))
        return tr(f"{day} um {started:%H:%M}", f"{day} at {started:%H:%M}")

    def _take_same(self, line: str) -> list[Message]:
        answer = _yes_no(line)
        if answer is None:
            return [Message("prompt", tr(f"Bitte mit ja oder nein antworten: bist du {self.learner}?",
                                         f"Please answer yes or no: are you {self.learner}?"),
                            options=self._yes_no_options())]
        taken, self._taken = self._taken, None
        if not answer:
            self.learner, self.state = None, "name"
            return [Message("prompt", tr(
                "Dann nimm bitte einen anderen Namen, damit deine Lehrkraft euch auseinanderhalten "
                f"kann – zum Beispiel mit dem ersten Buchstaben deines Nachnamens: „{taken['learner']} K.“. "
                "Wie heißt du?",
                "Then please choose another name, so that your teacher can tell you apart – "
                f"for example with the first letter of your surname: '{taken['learner']} K.'. "
                "What is your name?"))]
        self.learner, self.learner_id = taken["learner"], taken["learner_id"]
        if taken["status"] == "finished":
            self.run = self._run_of(taken)
            return [Message("info", tr("Du hast dieses Quiz schon beendet.",
                                       "You have finished this quiz already."))] + self._closing()
        return self._continue(taken)

    def _new_run(self, *, greet: bool = False, ids: Optional[list[int]] = None) -> list[Message]:
        messages: list[Message] = []
        if ids is not None:
            questions = _questions_in_order(self.store, ids)
        elif self.options.review:
            questions = self._due_questions()
            if not questions:
                self.state = "done"
                return [Message("info", self._nothing_due_text())]
            count = len(questions)
            messages.append(Message("info", tr(
                f"Wiederholung: {count} {'Frage' if count == 1 else 'Fragen'}, "
                "die du schon einmal verpasst hast.",
                f"Review: {count} {'question' if count == 1 else 'questions'} you missed before.")))
        elif self.options.shuffle:
            questions = learner_order(self.planned, self.options.seed, self.learner)
        else:
            questions = self.planned
        session_id = self.store.start_session(
            self.learner_id, [q["id"] for q in questions], self.options.to_json(),
            quiz_id=self.options.quiz_id,
        )
        self.run = _Run(session_id=session_id, questions=list(questions))
        if greet:
            messages.insert(0, Message("info", tr(f"Los geht's, {self.learner}!",
                                                  f"Let's go, {self.learner}!")))
        return messages + self._ask()

    def _due_questions(self) -> list[dict]:
        due = self.store.due_reviews(self.learner_id, _iso(self._now()))
        by_key = self.store.question_ids_for_keys([r["key"] for r in due])
        ids = [by_key[r["key"]] for r in due if r["key"] in by_key][: self.options.count]
        return _questions_in_order(self.store, ids)

    def _nothing_due_text(self) -> str:
        upcoming = self.store.next_review_due(self.learner_id)
        if upcoming:
            return tr(f"Heute ist keine Wiederholung fällig. Die nächste ist am {format_date(upcoming)} dran.",
                      f"No review is due today. The next one is due on {format_date(upcoming)}.")
        return tr("Nichts zu wiederholen: du hast noch keine Frage verpasst.",
                  "Nothing to review: you have not missed a question yet.")

    # -- asking and answering ------------------------------------------------

    def _ask(self) -> list[Message]:
        run = self.run
        while run.position < run.total and run.questions[run.position] is None:
            run.position += 1  # removed by a re-ingest since the session began
            self.store.set_session(run.session_id, position=run.position)
        if run.position >= run.total:
            return self._finish()
        self.state = "question"
        self._asked_at = self._clock()
        self._hints = 0
        return [self._question_message(run.questions[run.position])]

    def _question_message(self, question: dict) -> Message:
        title = tr(f"Frage {self.run.position + 1} von {self.run.total} · {kind_label(question['kind'])}",
                   f"Question {self.run.position + 1} of {self.run.total} · {kind_label(question['kind'])}")
        options: tuple[Option, ...] = ()
        text = question["question"]
        if question["kind"] == "choice" and question["choices"]:
            options = tuple(Option(f"{letter}) {choice}", letter)
                            for letter, choice in zip(LETTERS, question["choices"]))
        elif question["kind"] == "truefalse":
            options = self._yes_no_options()
            text = tr(f"Stimmt das? {text}", f"True or false? {text}") if not text.rstrip().endswith("?") else text
        elif question["kind"] == "cloze":
            text += "\n" + tr(f"Gesucht: {_wanted(question)}", f"Wanted: {_wanted(question)}")
        return Message("question", text, title=title, options=options)

    def _take_answer(self, given: str) -> list[Message]:
        question = self.current
        from quizbot.grading import MAX_ANSWER_CHARS  # see warm_up()

        if len(given) > MAX_ANSWER_CHARS:  # pasted by mistake, most likely: not graded, asked again
            return [Message("prompt", tr(
                f"Das ist sehr lang ({len(given)} Zeichen). Bitte kurz antworten – die Frage bleibt offen.",
                f"That is very long ({len(given)} characters). Please answer briefly – the question stays open."))]
        graded = _grade(question, given)
        if graded.unclear:
            return [self._ask_again(question)]
        return self._record(question, given, graded)

    def _ask_again(self, question: dict) -> Message:
        """A line that answers neither yes nor no, or picks no option: nothing is recorded,
        the question and its buttons stay open."""
        if question["kind"] == "truefalse":
            return Message("prompt", tr("Bitte mit ja oder nein antworten.", "Please answer yes or no."))
        letters = LETTERS[: len(question["choices"])]
        return Message("prompt", tr(
            f"Bitte eine der Antworten wählen: {', '.join(letters[:-1])} oder {letters[-1]} (oder ihren Text).",
            f"Please pick one of the answers: {', '.join(letters[:-1])} or {letters[-1]} (or its text)."))

    def _record(self, question: dict, given: str, graded: _Graded) -> list[Message]:
        run = self.run
        attempt = {
            "session_id": run.session_id, "learner_id": self.learner_id,
            "question_id": question["id"], "quiz_id": self.options.quiz_id,
            "question": question["question"], "expected": question["answer"], "given": given,
            "verdict": graded.verdict, "accepted": int(graded.accepted), "score": graded.score,
            "note": graded.note, "seconds": round(self._clock() - self._asked_at, 2),
            "hints": self._hints,
        }
        try:
            box = self._next_box(question["key"], graded.accepted)
            attempt_id = self.store.record_attempt(attempt, review=box)  # one transaction
        except StoreError as error:
            return [Message("error", tr(
                f"Deine Antwort konnte nicht gespeichert werden ({error}). Bitte noch einmal senden.",
                f"Your answer could not be saved ({error}). Please send it again."), retry=True)]
        self.last = _LastAnswer(attempt_id, run.position + 1, question, graded.accepted,
                                skipped=graded.verdict == "skipped")
        run.position += 1
        run.answered += 1
        run.points += graded.accepted
        return [self._verdict_message(question, graded), self._evidence_message(question)] + self._ask()

    def _next_box(self, key: str, right: bool) -> Optional[ReviewBox]:
        """The question's Leitner box after this answer; None when it stays out of the boxes."""
        current = self.store.review_box(self.learner_id, key)
        if right and current is None:
            return None  # never missed: not in the boxes
        box = min(current["box"] + 1, max(BOX_INTERVAL_DAYS)) if right else 1
        due = self._now() + timedelta(days=BOX_INTERVAL_DAYS[box])
        return ReviewBox(key, box, _iso(due))

    def _verdict_message(self, question: dict, graded: _Graded) -> Message:
        """The verdict, the grader's note, and the right answer unless the note gives it."""
        headline = {
            "correct": tr("Richtig!", "Correct!"),
            "close": tr("Fast richtig – zählt als richtig.", "Almost right – counts as right."),
            "partial": tr("Teilweise richtig – zählt nicht.", "Partly right – does not count."),
            "wrong": tr("Falsch.", "Wrong."),
            "skipped": tr("Übersprungen.", "Skipped."),
        }.get(graded.verdict, graded.verdict)
        note = _without_verdict_word(graded.note)
        lines = [headline] + ([note] if note else [])
        if question["kind"] == "truefalse":
            lines.append(tr("Die Aussage stimmt.", "The statement is true.") if question["correct"]
                         else tr("Die Aussage stimmt nicht.", "The statement is false."))
            if not question["correct"] and question.get("correction"):
                lines.append(correction_without_quote(question["correction"], question.get("sentence") or ""))
        elif graded.verdict != "correct":
            answer = with_letter(question, question["answer"])
            if answer not in note:
                lines.append(tr(f"Richtige Antwort: {answer}", f"Correct answer: {answer}"))
        return Message("verdict", "\n".join(dict.fromkeys(lines)), verdict=graded.verdict)

    def _evidence_message(self, question: dict) -> Message:
        sentence = question.get("sentence") or ""
        text = f"{quoted(sentence)}\n{source_line(question['article'])}" if sentence else source_line(
            question["article"])
        return Message("evidence", text, title=tr("Beleg", "Evidence"))

    # -- the end -------------------------------------------------------------

    def _finish(self) -> list[Message]:
        self.state = "done"
        try:
            self.store.set_session(self.run.session_id, status="finished")
        except StoreError:
            pass  # harmless: a session at its last question is never offered for resuming
        return self._closing()

    def _closing(self) -> list[Message]:
        """The results of the run, then the offer to repeat what was missed (or a goodbye)."""
        self.state = "done"
        results = self.results()
        messages = [self._results_message(results)]
        if results.missed:
            self.state = "repeat"
            count = len(results.missed)
            messages.append(Message("prompt", tr(
                f"{'Die verpasste Frage' if count == 1 else f'Die {count} verpassten Fragen'} "
                "jetzt wiederholen? (ja/nein)",
                f"Repeat the {count} missed {'question' if count == 1 else 'questions'} now? (yes/no)",
            ), options=(Option(tr("Ja, wiederholen", "Yes, repeat"), tr("ja", "yes")),
                        Option(tr("Nein, beenden", "No, quit"), tr("nein", "no")))))
        else:
            messages.append(Message("info", tr("Alles richtig – stark! Bis zum nächsten Mal.",
                                               "All right – well done! See you next time.")))
        return messages

    def results(self) -> Results:
        """The score of the current run, by kind, and every missed question with its source."""
        run = self.run
        attempts = self.store.attempts(session_id=run.session_id)
        sources = {q["id"]: q for q in run.questions if q}
        by_kind: dict[str, list[int]] = {}
        missed: list[MissedQuestion] = []
        for number, attempt in enumerate(attempts, start=1):
            question = sources.get(attempt["question_id"], {})
            tally = by_kind.setdefault(attempt["kind"] or question.get("kind") or "", [0, 0])
            tally[0] += bool(attempt["accepted"])
            tally[1] += 1
            if not attempt["accepted"]:
                missed.append(MissedQuestion(
                    number=number, question=printable(attempt["question"] or ""),
                    given=printable(with_letter(question, attempt["given"] or "")),
                    answer=printable(_shown_answer(question, attempt["expected"] or "")),
                    sentence=printable(question.get("sentence") or ""),
                    source=printable(source_line(question["article"])) if question else "",
                    contested=bool(attempt["contested"]),
                ))
        order = {kind: i for i, kind in enumerate(KINDS)}
        return Results(
            points=sum(bool(a["accepted"]) for a in attempts), answered=len(attempts),
            total=run.total,
            by_kind=tuple((kind_label(k), right, asked) for k, (right, asked)
                          in sorted(by_kind.items(), key=lambda item: order.get(item[0], 99))),
            missed=tuple(missed), complete=run.position >= run.total,
        )

    @staticmethod
    def _results_message(results: Results) -> Message:
        return Message("results", results.text(), title=results.title, results=results)

    def _take_repeat(self, line: str) -> list[Message]:
        answer = _yes_no(line)
        if answer is None:
            return [Message("prompt", tr("Bitte mit ja oder nein antworten: wiederholen?",
                                         "Please answer yes or no: repeat?"),
                            options=self._yes_no_options())]
        if not answer:
            self.state = "done"
            return [Message("info", tr("Danke fürs Mitmachen – bis zum nächsten Mal!",
                                       "Thanks for playing – see you next time!"))]
        missed_ids = [a["question_id"] for a in self.store.attempts(session_id=self.run.session_id)
                      if not a["accepted"]]
        self.options.question_ids = missed_ids
        self.options.quiz_id = None  # practice after a quiz set does not change its report
        intro = Message("info", tr(f"Wiederholung der verpassten Fragen ({len(missed_ids)}).",
                                   f"Repeating the missed questions ({len(missed_ids)})."))
        return [intro] + self._new_run(ids=missed_ids)

    # -- commands ------------------------------------------------------------

    def _command(self, name: str, argument: str) -> list[Message]:
        if name == "/hilfe":
            return [self._help_message()] + self._reminder()
        if name == "/ende":
            return self._quit()
        if name == "/prüfe":
            if not argument:
                return [Message("error", tr(
                    "Was soll ich prüfen? Beispiel: /prüfe Putin und Kim trafen sich 2019 in Wladiwostok.",
                    "What should I check? Example: /check Putin and Kim met in Vladivostok in 2019."))]
            return self._check_claim(argument)
        if self.state in ("new", "name", "resume", "same"):
            return [Message("error", tr("Das geht erst, wenn das Quiz läuft.",
                                        "That works once the quiz is running."))]
        if name == "/punkte":
            return [Message("score", self._score_text())]
        if name == "/quelle":
            return self._source() + self._reminder()
        if name == "/einspruch":
            return self._contest(argument)
        if self.state != "question":
            return [Message("error", tr("Gerade ist keine Frage offen.", "No question is open right now."))]
        if name == "/hinweis":
            return [self._hint()]
        return self._skip()

    def _score_text(self) -> str:
        """'2 von 3 Antworten richtig · jetzt Frage 4 von 10'."""
        run = self.run
        if run is None or not run.answered:
            return tr("Noch keine Punkte – die erste Antwort zählt gleich.",
                      "No points yet – your first answer counts right away.")
        text = tr(f"{run.points} von {run.answered} {'Antwort' if run.answered == 1 else 'Antworten'} richtig",
                  f"{run.points} of {run.answered} {'answer' if run.answered == 1 else 'answers'} right")
        if run.position < run.total:
            text += tr(f" · jetzt Frage {run.position + 1} von {run.total}",
                       f" · now question {run.position + 1} of {run.total}")
        return text + "."

    def _help_message(self) -> Message:
        rows = [
            ("/hinweis", "/hint", tr("ein Hinweis zur offenen Frage", "a hint for the open question")),
            ("/überspringen", "/skip", tr("Frage auslassen (zählt als verpasst)", "skip the question (counts as missed)")),
            ("/quelle", "/source", tr("der ganze Absatz zur letzten Antwort", "the whole paragraph of the last answer")),
            ("/punkte", "/score", tr("der Spielstand", "the score")),
            ("/einspruch", "/contest", tr("Einspruch gegen die letzte Bewertung (mit Begründung)",
                                          "contest the last grading (with your reason)")),
            ("/prüfe", "/check", tr("eine Behauptung an den Artikeln prüfen", "check a claim against the articles")),
            ("/hilfe", "/help", tr("diese Übersicht", "this overview")),
            ("/ende", "/quit", tr("aufhören (alles ist gespeichert)", "stop (everything is saved)")),
        ]
        width = max(len(tr(de, en)) for de, en, _ in rows)
        lines = [f"{tr(de, en):<{width}}  {what}" for de, en, what in rows]
        lines.append(tr("Auch Fragen wie „Stimmt es, dass …?“ prüfe ich an den Artikeln.",
                        "I also check questions like 'Is it true that …?' against the articles."))
        return Message("help", "\n".join(lines), title=tr("Befehle", "Commands"))

    def _reminder(self) -> list[Message]:
        """After a long interlude, repeat which question is open."""
        question = self.current
        if question is None or self.state != "question":
            return []
        return [Message("info", tr(f"Offen ist noch Frage {self.run.position + 1}: {question['question']}",
                                   f"Still open, question {self.run.position + 1}: {question['question']}"))]

    def _hint(self) -> Message:
        question = self.current
        self._hints += 1
        if question["kind"] == "choice" and self._hints == 1:
            return self._strike_two(question)
        if question["kind"] == "truefalse" and self._hints == 1:
            detail = answer_type_label(question["answer_type"])
            return Message("hint", tr(f"Es kommt auf {detail} an.", f"It hinges on {detail}."))
        # a cloze shows what is wanted with the gap, so its first hint is the first letter
        first_letter_at = 1 if question["kind"] == "cloze" else 2
        if question["kind"] == "open" and self._hints == 1:
            return Message("hint", tr(f"Gesucht: {_wanted(question)}.", f"Wanted: {_wanted(question)}."))
        if question["kind"] in ("open", "cloze") and self._hints == first_letter_at:
            return Message("hint", _first_letter_hint(question["answer"]))
        self._hints -= 1  # nothing new was given
        return Message("hint", tr("Mehr Hinweise habe ich nicht – rate ruhig oder /überspringen.",
                                  "That's all the hints I have – take a guess or /skip."))

    def _strike_two(self, question: dict) -> Message:
        wrong = [letter for letter, choice in zip(LETTERS, question["choices"]) if choice != question["answer"]]
        struck = tuple(sorted(random.Random(question["id"]).sample(wrong, min(2, len(wrong)))))
        left = [f"{letter}) {choice}" for letter, choice in zip(LETTERS, question["choices"])
                if letter not in struck]
        return Message("hint", tr(
            f"Zwei falsche Antworten gestrichen: {' und '.join(struck)}. Übrig: {' · '.join(left)}",
            f"Two wrong answers struck out: {' and '.join(struck)}. Left: {' · '.join(left)}"),
            struck=struck)

    def _skip(self) -> list[Message]:
        return self._record(self.current, "", _Graded("skipped", False, 0.0))

    def _source(self) -> list[Message]:
        if self.last is None:
            return [Message("error", tr(
                "Die Quelle zeige ich nach deiner ersten Antwort – sonst verrät sie die Lösung.",
                "I show the source after your first answer – before, it would give the answer away."))]
        question = self.last.question
        paragraph = self.store.paragraph(question["sentence_id"]) if question.get("sentence_id") else []
        text = " ".join(s["text"] for s in paragraph) or question.get("sentence") or ""
        return [Message("source", f"{text}\n{source_line(question['article'])}", title=tr(
            f"Quelle zu Frage {self.last.number}", f"Source of question {self.last.number}"),
            highlight=question.get("sentence") or "")]

    def _contest(self, reason: str) -> list[Message]:
        if self.last is None:
            return [Message("error", tr("Es gibt noch keine Bewertung, gegen die du Einspruch einlegen kannst.",
                                        "There is no grading yet that you could contest."))]
        if self.last.accepted:
            return [Message("info", tr(
                f"Frage {self.last.number} zählt schon als richtig – da gibt es nichts einzuwenden.",
                f"Question {self.last.number} already counts as right – nothing to contest."))]
        if self.last.skipped:
            return [Message("info", tr(
                f"Frage {self.last.number} hast du übersprungen – ohne Antwort gibt es keine Bewertung, "
                "gegen die du Einspruch einlegen kannst.",
                f"You skipped question {self.last.number} – without an answer there is no grading to contest."))]
        if reason:
            return self._save_contest(reason)
        self._state_before_contest = self.state
        self.state = "contest"
        return [Message("prompt", tr(
            f"Einspruch zu Frage {self.last.number}: Warum ist deine Antwort richtig? "
            "(leere Zeile bricht ab)",
            f"Contesting question {self.last.number}: why is your answer right? (empty line cancels)"))]

    def _take_contest_reason(self, line: str) -> list[Message]:
        command, _, argument = line.partition(" ")
        if _COMMAND_NAMES.get(command.casefold()) == "/einspruch":  # typed again: the reason may follow it
            if not argument.strip():
                return [Message("prompt", tr("Bitte die Begründung eintippen (leere Zeile bricht ab).",
                                             "Please type your reason (an empty line cancels)."))]
            line = argument.strip()
        self.state = self._state_before_contest
        if not line:
            return [Message("info", tr("Einspruch abgebrochen.", "Contest cancelled."))]
        if line.startswith("/") and _COMMAND_NAMES.get(command.casefold()):  # another command: no reason
            return [Message("info", tr("Einspruch abgebrochen.", "Contest cancelled."))] + self._dispatch(line)
        return self._save_contest(line)

    def _save_contest(self, reason: str) -> list[Message]:
        self.store.contest(self.last.attempt_id, reason)
        return [Message("contest", tr(
            f"Dein Einspruch zu Frage {self.last.number} ist gespeichert. "
            "Deine Lehrkraft sieht ihn mit deiner Begründung.",
            f"Your contest of question {self.last.number} is saved. "
            "Your teacher will see it with your reason."))]

    def _quit(self) -> list[Message]:
        mid_quiz = self.state in ("question", "contest") and self.run.answered > 0
        self.state = "done"
        if mid_quiz:
            return [self._results_message(self.results()), Message("info", self._saved_text())]
        return [Message("info", tr("Tschüss – bis zum nächsten Mal!", "Bye – see you next time!"))]

    def _saved_text(self) -> str:
        if not self.run.answered:
            return tr("Noch nichts beantwortet – bis zum nächsten Mal!", "Nothing answered yet – see you next time!")
        return tr(
            f"Alles gespeichert ({self.run.answered} von {self.run.total} beantwortet). "
            f"Beim nächsten Start{self._of_quiz()} mit dem Namen {self.learner} geht es weiter.",
            f"Everything is saved ({self.run.answered} of {self.run.total} answered). "
            f"Start{self._of_quiz()} again with the name {self.learner} to continue.",
        )

    def _of_quiz(self) -> str:
        """' von Quiz „7b“' when playing a quiz set (for "start again …")."""
        if self.options.quiz_id is None:
            return ""
        return tr(f" von Quiz „{self.options.quiz_name}“", f" quiz '{self.options.quiz_name}'")

    def _check_claim(self, claim: str) -> list[Message]:
        from quizbot.factcheck import check_claim  # only loaded when someone checks a claim

        result = check_claim(self.store, claim)
        if self._gives_away_open_answer(result.evidence):
            return [Message("info", tr(
                "Das steht im Satz der offenen Frage – ich prüfe es nach deiner Antwort, "
                "sonst verrate ich die Lösung.",
                "That is in the sentence of the open question – I will check it after your answer, "
                "otherwise I would give the answer away."))] + self._reminder()
        lines = [result.explanation]
        for item in result.evidence[:3]:
            lines.append(quoted(item["sentence"]))
            lines.append(source_line(item["article"]))
        message = Message("claim", "\n".join(lines), title=tr(f"Faktencheck: {result.label}",
                                                               f"Fact check: {result.label}"),
                          verdict=result.verdict)
        return [message] + self._reminder()

    def _gives_away_open_answer(self, evidence: list[dict]) -> bool:
        question = self.current
        if question is None or not question.get("sentence"):
            return False
        return any(item["sentence"] == question["sentence"] for item in evidence)

    @staticmethod
    def _yes_no_options() -> tuple[Option, ...]:
        return (Option(tr("Ja", "Yes"), tr("ja", "yes")), Option(tr("Nein", "No"), tr("nein", "no")))


def _grade(question: dict, given: str) -> _Graded:
    """The grader's verdict; letters and ja/nein are read by the grader too."""
    from quizbot.grading import ANSWER_TYPES, GradingError, grade  # see warm_up()

    try:
        if question["kind"] == "choice" and question.get("choices"):
            result = grade(question["answer"], given, answer_type="choice", choices=question["choices"])
        elif question["kind"] == "truefalse":
            result = grade("ja" if question["correct"] else "nein", given, answer_type="truefalse")
        else:
            answer_type = question["answer_type"] if question["answer_type"] in ANSWER_TYPES else None
            result = grade(question["answer"], given, accepted=question["accepted"], answer_type=answer_type)
    except GradingError as error:
        raise UngradableError(str(error)) from error
    return _Graded(result.verdict, result.accepted, result.score, result.note, result.unclear)


def _wanted(question: dict) -> str:
    """What kind of answer a question wants: the generator's hint, else from its answer type."""
    return question.get("hint") or answer_type_label(question["answer_type"])


def _first_letter_hint(answer: str) -> str:
    """"Die Antwort beginnt mit „2“ und hat vier Ziffern." (a number counts digits, else words)."""
    if answer.isdigit():
        count = len(answer)
        return tr(f"Die Antwort beginnt mit „{answer[0]}“ und hat {_small_number(count)} "
                  f"{'Ziffer' if count == 1 else 'Ziffern'}.",
                  f"The answer starts with '{answer[0]}' and has {count} {'digit' if count == 1 else 'digits'}.")
    count = len(answer.split())
    if count == 1:
        return tr(f"Die Antwort beginnt mit „{answer[0]}“ und ist ein Wort.",
                  f"The answer starts with '{answer[0]}' and is one word.")
    return tr(f"Die Antwort beginnt mit „{answer[0]}“ und hat {_small_number(count)} Wörter.",
              f"The answer starts with '{answer[0]}' and has {count} words.")


def _small_number(count: int) -> str:
    """Numbers up to twelve as words in German text ("vier Wörter"), larger ones as digits."""
    words = ("null", "eine", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
             "zehn", "elf", "zwölf")
    return words[count] if count < len(words) else str(count)


def _without_verdict_word(note: str) -> str:
    """The grader's note without a leading verdict ("Falsch – richtig ist B)" -> "Richtig ist B)"),
    which the headline already says."""
    head, dash, rest = note.partition(" – ")
    if dash and head in (tr("Richtig", "Correct"), tr("Falsch", "Wrong")) and rest:
        return rest[0].upper() + rest[1:]
    return note


def _shown_answer(question: dict, expected: str) -> str:
    """The right answer as a learner would give it: "B) Roland Busch", "nein – die Aussage stimmt nicht"."""
    if question.get("kind") == "truefalse":
        return (tr("ja – die Aussage stimmt", "yes – the statement is true") if question["correct"]
                else tr("nein – die Aussage stimmt nicht", "no – the statement is false"))
    return with_letter(question, expected)


def with_letter(question: dict, text: str) -> str:
    """A choice answer shown with its letter: "B" or "Roland Busch" -> "B) Roland Busch"."""
    choices = question.get("choices") or []
    if question.get("kind") != "choice" or not choices:
        return text
    letters = LETTERS[: len(choices)]
    if text.strip().upper() in letters and len(text.strip()) == 1:
        index = letters.index(text.strip().upper())
    elif text in choices:
        index = choices.index(text)
    else:
        return text
    return f"{letters[index]}) {choices[index]}"


_NAMING = r"[Ll]aut dem (?:Artikel(?: vom \d{1,2}\. \S+ \d{4}| „[^“]*“)?|\S+-Artikel)"
_SOURCE_NAMING = re.compile(rf"^{_NAMING}: | {_NAMING}(?=[ ?,])")  # a cloze or statement; inside a question


def without_source_naming(question: str) -> str:
    """A question without "Laut dem Artikel „…“:" - for a table row, where every question of
    an article would otherwise start alike and be cut before what it asks."""
    shortened = _SOURCE_NAMING.sub("", question, count=1).strip()
    return shortened[:1].upper() + shortened[1:] if shortened else question


def clean_name(name: str) -> str:
    """A learner's name as it is stored and shown: escape codes, control and invisible
    format characters (zero-width marks, right-to-left overrides) removed, one space
    between words, composed umlauts (NFC, so that typed "Jürgen" finds a stored one)."""
    text = unicodedata.normalize("NFC", printable(name))
    text = "".join(char for char in text if not unicodedata.category(char).startswith("C"))
    return " ".join(text.split())


def name_problem(name: str) -> Optional[str]:
    """Why a cleaned name cannot be used (in the current language); None when it can."""
    if not name:
        return tr("Der Name ist leer.", "The name is empty.")
    if len(name) > MAX_NAME_LENGTH:
        return tr(f"Der Name ist zu lang ({len(name)} Zeichen, höchstens {MAX_NAME_LENGTH}).",
                  f"The name is too long ({len(name)} characters, at most {MAX_NAME_LENGTH}).")
    return None


def _checked_name(name: str) -> str:
    cleaned = clean_name(name)
    problem = name_problem(cleaned)
    if problem:
        raise SessionError(problem)
    return cleaned


def learner_order(questions: Sequence[dict], seed: Optional[int], learner: str) -> list[dict]:
    """A quiz set's questions in this learner's own order: the same for the same learner
    (and seed) every time, different for the neighbour, who cannot copy along."""
    order = list(questions)
    random.Random(f"{seed}:{learner.casefold()}").shuffle(order)
    return order


def unknown_quiz_text(name: str) -> str:
    return tr(f"Unbekanntes Quiz „{name}“ – quizbot quiz list zeigt alle Quizze.",
              f"Unknown quiz '{name}' – quizbot quiz list shows them all.")


def empty_quiz_text(name: Optional[str]) -> str:
    return tr(f"Das Quiz „{name}“ hat keine freigegebenen Fragen mehr (gesperrt oder beim Neu-Einlesen "
              f"weggefallen) – quizbot quiz show {shlex.quote(name or '')} zeigt sie.",
              f"The quiz '{name}' has no enabled questions left (disabled, or gone with a re-ingest) – "
              f"quizbot quiz show {shlex.quote(name or '')} lists them.")
