"""A teacher's edit of a question, checked against its kind before it is stored.

One set of rules for every face (``quizbot questions edit`` and the review
screen): an edit must leave the question gradable. The result is the keyword
arguments ``Store.edit_question`` takes.
"""

from __future__ import annotations

from typing import Optional, Sequence

from quizbot.i18n import tr
from quizbot.resources import lexicon_rows
from quizbot.session import LETTERS, kind_label, printable
from quizbot.text import fold

GAP = "___"


class EditError(ValueError):
    """The edit would make the question ungradable; the message says why, for the teacher."""


def checked_edit(question: dict, *, text: Optional[str] = None, answer: Optional[str] = None,
                 accepted: Sequence[str] = ()) -> dict:
    """The change as ``Store.edit_question`` takes it; ``EditError`` when it does not fit the kind."""
    kind = question["kind"]
    change: dict = {}
    if text is not None:
        change["question"] = _one_line(text, tr("Der Fragetext", "The question text"))
        if kind == "cloze" and GAP not in change["question"]:
            raise EditError(tr("Ein Lückentext braucht seine Lücke (____).", "A cloze needs its gap (____)."))
    if kind in ("truefalse", "choice") and accepted:
        which = tr("einer Ja/Nein-Frage", "a true-or-false question") if kind == "truefalse" \
            else tr("einer Multiple-Choice-Frage", "a multiple-choice question")
        raise EditError(tr(f"Weitere richtige Antworten gibt es bei {which} nicht (dort zählt die Wahl).",
                           f"Other accepted answers do not apply to {which} (the choice is what counts)."))
    if answer is not None:
        if kind == "truefalse":
            change["answer"] = _truth_word(answer)
        else:
            change["answer"] = (_one_of_the_choices(question, answer) if kind == "choice"
                                else _one_line(answer, tr("Die Antwort", "The answer")))
    if accepted:
        variants = [_one_line(variant, tr("Die weitere Antwort", "The other answer")) for variant in accepted]
        known = {form.casefold() for form in question.get("accepted") or []}
        new = [variant for variant in variants if variant.casefold() not in known]
        if new:  # adding a known one again changes nothing, and is no mistake
            change["add_accepted"] = new
    return change


def _truth_word(answer: str) -> str:
    """A true/false answer as the store keeps it: the first word of its row in
    data/truefalse_answers.tsv ("ja", "wahr", "stimmt" -> "richtig"; "nein" -> "falsch")."""
    wanted = " ".join(fold(answer).split())
    for row in lexicon_rows("truefalse_answers.tsv"):
        if wanted in (fold(word) for word in row[1:]):
            return row[1]
    raise EditError(tr(f"Bei einer Ja/Nein-Frage ist die Antwort ja oder nein, nicht „{printable(answer)}“.",
                       f"A true-or-false question is answered yes or no, not '{printable(answer)}'."))


def _one_line(text: str, what: str) -> str:
    cleaned = " ".join(printable(text).split())
    if not cleaned:
        raise EditError(tr(f"{what} ist leer.", f"{what} is empty."))
    return cleaned


def _one_of_the_choices(question: dict, answer: str) -> str:
    """A multiple-choice answer must be one of the choices; a letter names one."""
    choices = question.get("choices") or []
    given = answer.strip()
    letters = LETTERS[: len(choices)]
    if len(given) == 1 and given.upper() in letters:
        return choices[letters.index(given.upper())]
    same = [choice for choice in choices if choice.casefold() == given.casefold()]
    if same:
        return same[0]
    listed = " · ".join(f"{letter}) {choice}" for letter, choice in zip(letters, choices))
    raise EditError(tr(f"Die Antwort muss eine der Wahlmöglichkeiten sein: {listed}",
                       f"The answer must be one of the choices: {listed}"))
