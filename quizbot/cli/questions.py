"""``quizbot questions show|edit|disable|enable|reset``: the teacher reviews questions before class.

Edits are stored by the question's stable key (``Store.edit_question``), so they
survive a re-ingest of the same article. A disabled question is never asked in
a quiz and never exported. The listing itself (``quizbot questions``) lives
with ingest and export in ``cli/ingest.py``.
"""

from __future__ import annotations

import sys
from typing import Optional

import click

from quizbot.cli import UserError, db_option
from quizbot.cli.common import open_store
from quizbot.cli.ingest import _answer_cell, _kind_label, questions
from quizbot.editing import EditError, checked_edit
from quizbot.i18n import tr
from quizbot.session import LETTERS, printable, source_line
from quizbot.store import Store


@questions.command("show", help=tr(
    "Frage ID ganz zeigen: Antwort, akzeptierte Schreibweisen, Auswahl, Satz aus dem Artikel.",
    "Show question ID in full: answer, accepted spellings, choices, source sentence."))
@click.argument("question_id", metavar="ID", type=int)
@db_option
def show(question_id: int, db_path: Optional[str]) -> None:
    with open_store(db_path) as store:
        question = _question(store, question_id)
    _print_question(question)


@questions.command("edit", help=tr(
    "Frage ID ändern: ihren Text, ihre Antwort, weitere richtige Antworten.\n\n"
    "Beispiel: quizbot questions edit 12 --answer \"Roland Busch\" --accept Busch",
    "Change question ID: its text, its answer, answers also accepted.\n\n"
    "Example: quizbot questions edit 12 --answer \"Roland Busch\" --accept Busch"))
@click.argument("question_id", metavar="ID", type=int)
@db_option
@click.option("--question", "text", metavar="TEXT",
              help=tr("Der neue Fragetext (eine Lückenfrage behält ihre Lücke ____).",
                      "The new question text (a cloze keeps its gap ____)."))
@click.option("--answer", metavar="TEXT",
              help=tr("Die neue richtige Antwort (bei einer Auswahlfrage: eine der Optionen oder ihr Buchstabe).",
                      "The new right answer (for multiple choice: one of the choices, or its letter)."))
@click.option("--accept", "accepted", multiple=True, metavar="TEXT",
              help=tr("Diese Antwort auch gelten lassen (mehrfach möglich), z. B. eine Kurzform oder eine "
                      "andere Schreibweise.",
                      "Also accept this answer (repeatable), e.g. a short form or another spelling."))
def edit(question_id: int, db_path: Optional[str], text: Optional[str], answer: Optional[str],
         accepted: tuple[str, ...]) -> None:
    if text is None and answer is None and not accepted:
        raise UserError(tr("Nichts zu ändern: --question, --answer oder --accept angeben.",
                           "Nothing to change: give --question, --answer or --accept."))
    with open_store(db_path) as store:
        question = _question(store, question_id)
        try:
            change = checked_edit(question, text=text, answer=answer, accepted=accepted)
        except EditError as error:
            raise UserError(str(error)) from error
        store.edit_question(question["key"], **change)
        edited = store.question(question_id)
    click.echo(tr(f"Frage {question_id} geändert.", f"Question {question_id} changed."))
    _print_question(edited)


@questions.command("disable", help=tr(
    "Fragen sperren: nie in einem Quiz gefragt, nie exportiert (enable gibt sie wieder frei).",
    "Disable questions: never asked in a quiz, never exported (enable brings them back)."))
@click.argument("question_ids", metavar="ID…", type=int, nargs=-1, required=True)
@db_option
def disable(question_ids: tuple[int, ...], db_path: Optional[str]) -> None:
    _set_disabled(db_path, question_ids, True)
    click.echo(tr(f"Gesperrt: {_id_list(question_ids)}.", f"Disabled: {_id_list(question_ids)}."))


@questions.command("enable", help=tr("Gesperrte Fragen wieder freigeben.", "Enable disabled questions again."))
@click.argument("question_ids", metavar="ID…", type=int, nargs=-1, required=True)
@db_option
def enable(question_ids: tuple[int, ...], db_path: Optional[str]) -> None:
    _set_disabled(db_path, question_ids, False)
    click.echo(tr(f"Freigegeben: {_id_list(question_ids)}.", f"Enabled: {_id_list(question_ids)}."))


@questions.command("reset", help=tr(
    "Alle Änderungen an Frage ID zurücknehmen: wieder der erzeugte Text, die erzeugte Antwort, freigegeben.",
    "Undo every edit of question ID: the generated text and answer, enabled."))
@click.argument("question_id", metavar="ID", type=int)
@db_option
def reset(question_id: int, db_path: Optional[str]) -> None:
    with open_store(db_path) as store:
        question = _question(store, question_id)
        store.drop_question_edit(question["key"])
        restored = store.question(question_id)
    click.echo(tr(f"Frage {question_id} ist wieder wie erzeugt.", f"Question {question_id} is as generated again."))
    _print_question(restored)


# --------------------------------------------------------------------------


def _question(store: Store, question_id: int) -> dict:
    question = store.question(question_id)
    if question is None:
        raise UserError(tr(f"Keine Frage mit der Id {question_id} – quizbot questions zeigt die Ids.",
                           f"No question with id {question_id} – quizbot questions shows the ids."))
    return question


def _set_disabled(db_path: Optional[str], question_ids: tuple[int, ...], disabled: bool) -> None:
    with open_store(db_path) as store:
        keys = [_question(store, question_id)["key"] for question_id in question_ids]  # all known, or none changed
        for key in keys:
            store.edit_question(key, disabled=disabled)


def _id_list(question_ids: tuple[int, ...]) -> str:
    return ", ".join(str(i) for i in dict.fromkeys(question_ids))


def _print_question(question: dict) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=sys.stdout, highlight=False)
    state = tr("gesperrt", "disabled") if question["disabled"] else tr("freigegeben", "enabled")
    console.print(Text(f"{question['id']} · {_kind_label(question['kind'])} · {state}", style="bold"))
    lines = [(tr("Frage", "Question"), question["question"])]
    for letter, choice in zip(LETTERS, question.get("choices") or []):
        lines.append(("", f"{letter}) {choice}"))
    lines.append((tr("Antwort", "Answer"), _answer_cell(question)))
    others = [a for a in question["accepted"] if a != question["answer"]]
    if others and question["kind"] in ("open", "cloze"):
        lines.append((tr("Auch richtig", "Also right"), " · ".join(others)))
    if question.get("sentence"):
        lines.append((tr("Satz", "Sentence"), question["sentence"]))
    lines.append((tr("Quelle", "Source"), source_line(question["article"]).removeprefix("— ")))
    grid = Table.grid(padding=(0, 2), pad_edge=True)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for label, value in lines:
        grid.add_row(Text(label), Text(printable(value)))  # never read as markup, no escape codes
    console.print(grid)
