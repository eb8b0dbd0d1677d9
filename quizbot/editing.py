"""A teacher's edit of a question, checked against its kind before it is stored.

One set of rules for every face (``quizbot questions edit`` and the review
screen): an edit must leave the question gradable. The result is the keyword
arguments ``Store.edit_question`` takes.
"""

from __future__ import annotations

from typing import Optional, Sequence

from quizbot.i18n import tr
from quizbot.session import LETTERS, kind_label, printable

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
        raise EditError(tr(f"Weitere richtige Antworten gibt es nicht bei {kind_label(kind)} (dort zählt die Wahl).",
                           f"Other accepted answers do not apply to {kind_label(kind)} (the choice is what counts)."))
    if answer is not None:
        if kind == "truefalse":
            raise EditError(tr("Bei einer Ja/Nein-Frage bestimmt die Aussage die Antwort: bitte den Fragetext ändern.",
                               "In a true-or-false question the statement decides the answer: "
                               "please change the question text."))
        change["answer"] = (_one_of_the_choices(question, answer) if kind == "choice"
                            else _one_line(answer, tr("Die Antwort", "The answer")))
    if accepted:
        variants = [_one_line(variant, tr("Die weitere Antwort", "The other answer")) for variant in accepted]
        known = {form.casefold() for form in question.get("accepted") or []}
        new = [variant for variant in variants if variant.casefold() not in known]
        if new:  # adding a known one again changes nothing, and is no mistake
            change["add_accepted"] = new
    return change


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
