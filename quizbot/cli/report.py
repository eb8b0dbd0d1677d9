"""``quizbot report NAME`` (the teacher's report on a quiz set) and ``quizbot attempts``
(contested gradings: list, accept, reject)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from quizbot.cli import UserError, cli, db_option
from quizbot.cli.common import open_store, write_atomically
from quizbot.i18n import tr
from quizbot.quizzes import QuizSetError, load_quiz
from quizbot.session import printable, without_source_naming
from quizbot.report import (
    Contest, QuizReport, bar, build_report, contest_status, duration, percent, status, wrong_text, write_csv,
)

QUESTION_SHOWN = 80  # characters of a question in the terminal (the HTML report has it whole)


@cli.command(help=tr(
    "Der Bericht zum Quiz NAME: je Lernende:n Punkte, Zeit und Stand; je Frage der Anteil der richtigen "
    "und die häufigsten falschen Antworten; Einsprüche zum Entscheiden.",
    "The report on quiz set NAME: per learner score, time and progress; per question "
    "the share right and the most common wrong answers; contested gradings to decide."))
@click.argument("name")
@db_option
@click.option("--format", "-f", "format_name", type=click.Choice(["table", "csv", "html"]), default="table",
              show_default=True,
              help=tr("table: für das Terminal; csv: eine Notenliste für die Tabellenkalkulation; "
                      "html: eine Seite mit Balkendiagrammen zum Öffnen oder Drucken.",
                      "table: for the terminal; csv: a gradebook for a spreadsheet; "
                      "html: a page with bar charts to open or print."))
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              metavar=tr("DATEI", "FILE"),
              help=tr("In diese Datei schreiben (Standard: die Standardausgabe).",
                      "Write to this file (default: standard output)."))
def report(name: str, db_path: Optional[str], format_name: str, output: Optional[Path]) -> None:
    with open_store(db_path) as store:
        try:
            made = build_report(store, name)
        except QuizSetError as error:
            raise UserError(str(error)) from error
    if format_name == "table" and (output is None or str(output) == "-"):
        _print_table(made)
        return
    write = _writer(made, format_name)
    if output is None or str(output) == "-":
        write(sys.stdout)
        return
    write_atomically(output, write)
    click.echo(tr(f"Bericht nach {output} geschrieben.", f"Report written to {output}."), err=True)


def _writer(made: QuizReport, format_name: str):
    if format_name == "csv":
        return lambda stream: write_csv(made, stream)
    if format_name == "html":
        from quizbot.report_html import write_html

        return lambda stream: write_html(made, stream)
    return lambda stream: _print_table(made, stream)


def _print_table(made: QuizReport, stream=None) -> None:
    from rich.console import Console

    from quizbot.report_html import summary

    console = Console(file=stream or sys.stdout, highlight=False, soft_wrap=False,
                      no_color=stream is not None)
    console.print(_text(tr(f"Auswertung: Quiz „{made.quiz.name}“", f"Report: quiz '{made.quiz.name}'"), "bold"))
    console.print(_text(summary(made)))
    console.print()
    console.print(_learner_table(made))
    console.print()
    console.print(_question_table(made))
    if made.contests:
        console.print()
        console.print(_contest_blocks(made.contests, tr(f"Einsprüche ({len(made.open_contests)} offen)",
                                                        f"Contests ({len(made.open_contests)} open)")))
        console.print(_text(_decide_hint()))


def _decide_hint() -> str:
    return tr("Entscheiden: quizbot attempts accept ID (zählt als richtig) · "
              "quizbot attempts reject ID (die Bewertung bleibt)",
              "Decide: quizbot attempts accept ID (counts as right) · "
              "quizbot attempts reject ID (the grading stands)")


def _learner_table(made: QuizReport):
    table = _table(tr("Lernende", "Learners"))
    if not made.learners:
        table.add_column(tr("Noch hat niemand angefangen.", "Nobody has started yet."))
        return table
    for header, justify in ((tr("Name", "Name"), "left"), (tr("Punkte", "Points"), "right"),
                            (tr("Anteil", "Share"), "left"), (tr("Zeit", "Time"), "right"),
                            (tr("Stand", "Progress"), "left")):
        table.add_column(header, justify=justify, no_wrap=header != tr("Name", "Name"))
    for learner in made.learners:
        share = learner.points / learner.total if learner.total else None
        table.add_row(_text(learner.name), f"{learner.points} / {learner.total}",
                      _text(f"{bar(share)} {percent(share):>5}", "blue"), duration(learner.seconds),
                      status(learner))
    return table


def _question_table(made: QuizReport):
    """One row per question: the share right as a bar, the question, under it the wrong answers."""
    from rich.text import Text

    table = _table(tr("Fragen", "Questions"))
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Id", justify="right", no_wrap=True)
    table.add_column(tr("Richtig", "Right"), no_wrap=True)
    table.add_column(tr("Frage · häufigste falsche Antworten", "Question · most common wrong answers"))
    for q in made.questions:
        cell = Text(_shortened(without_source_naming(q.question)))
        if q.disabled:
            cell.append(tr(" (gesperrt, zählt nicht)", " (disabled, not counted)"), style="italic")
        if q.wrong:
            cell.append("\n" + tr("falsch: ", "wrong: ") + " · ".join(wrong_text(w, space="") for w in q.wrong), style="dim")
        right = f"{bar(q.share)} {percent(q.share):>5} ({q.right}/{q.answered})"
        table.add_row(str(q.number), str(q.id), _text(right, _share_style(q.share)), cell,
                      style="dim" if q.disabled else None)
    return table


def _contest_blocks(contests, title: str, *, with_quiz: bool = False):
    """Each contest as a short block: who, what they answered, what was expected, why."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.title, grid.title_justify, grid.title_style = title, "left", "bold"
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for c in contests:
        style = "bold" if c.status == "open" else "dim"
        where = f" · Quiz {c.quiz}" if with_quiz and c.quiz else ""
        grid.add_row(_text(f"Id {c.attempt_id}", style), _text(c.learner, style),
                     _text(contest_status(c.status) + where, style))
        grid.add_row("", tr("Frage", "Question"), _text(_shortened(without_source_naming(c.question))))
        grid.add_row("", tr("Antwort", "Answer"), _text(tr(f"{c.given}  (erwartet: {c.expected})",
                                                          f"{c.given}  (expected: {c.expected})")))
        grid.add_row("", tr("Begründung", "Reason"), _text(c.reason))
    return grid


def _shortened(text: str) -> str:
    """At most QUESTION_SHOWN characters, cut between words."""
    if len(text) <= QUESTION_SHOWN:
        return text
    return text[: QUESTION_SHOWN - 1].rsplit(" ", 1)[0].rstrip(" ,:;") + " …"


def _share_style(share: Optional[float]) -> str:
    if share is None:
        return "dim"
    return "green" if share >= 0.7 else "yellow" if share >= 0.4 else "red"


def _table(title: str):
    from rich import box
    from rich.table import Table

    return Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                 show_edge=False, expand=False, pad_edge=False)


def _text(text: str, style: str = ""):
    """Learner and article text as it is: never read as rich markup, no escape codes."""
    from rich.text import Text

    return Text(printable(text), style=style)


# --------------------------------------------------------------------------
# attempts: the teacher decides on contested gradings
# --------------------------------------------------------------------------


@cli.group(help=tr("Einsprüche gegen Bewertungen (/einspruch im Chat): auflisten, anerkennen oder ablehnen.",
                   "Contested gradings (/einspruch in the chat): list them, accept or reject them."))
def attempts() -> None:
    pass


@attempts.command("list", help=tr(
    "Die Einsprüche auflisten (die offenen; mit --all auch die entschiedenen), jeweils mit der Id der Antwort.",
    "List the contested gradings (open ones; --all: decided ones too), each with its attempt ID."))
@db_option
@click.option("--quiz", "quiz_name", metavar="NAME",
              help=tr("Nur die Einsprüche in diesem Quiz.", "Only the contests in this quiz set."))
@click.option("--all", "show_all", is_flag=True,
              help=tr("Auch die schon entschiedenen Einsprüche.", "Also the contests already decided."))
def list_contests(db_path: Optional[str], quiz_name: Optional[str], show_all: bool) -> None:
    with open_store(db_path) as store:
        quiz_id = None
        if quiz_name is not None:
            try:
                quiz_id = load_quiz(store, quiz_name).id
            except QuizSetError as error:
                raise UserError(str(error)) from error
        found = store.contests(status=None if show_all else "open", quiz_id=quiz_id)
    if not found:
        click.echo(tr("Keine offenen Einsprüche.", "No open contests.") if not show_all
                   else tr("Keine Einsprüche.", "No contests."))
        return
    from rich.console import Console

    blocks = _contest_blocks([Contest.from_row(row) for row in found], tr("Einsprüche", "Contests"), with_quiz=True)
    console = Console(file=sys.stdout, highlight=False)
    console.print(blocks)
    console.print(_text(_decide_hint()))


@attempts.command("accept", help=tr(
    "Die Antwort ID als richtig zählen (schließt ihren Einspruch; die Punkte im Bericht ändern sich mit).",
    "Count attempt ID as right (closes its contest; the scores in the report follow)."))
@click.argument("attempt_id", metavar="ID", type=int)
@db_option
def accept(attempt_id: int, db_path: Optional[str]) -> None:
    _decide(db_path, attempt_id, accept=True)


@attempts.command("reject", help=tr(
    "Die Bewertung der Antwort ID bestehen lassen (schließt ihren Einspruch; nimmt ein accept zurück).",
    "Let the grading of attempt ID stand (closes its contest; undoes an accept)."))
@click.argument("attempt_id", metavar="ID", type=int)
@db_option
def reject(attempt_id: int, db_path: Optional[str]) -> None:
    _decide(db_path, attempt_id, accept=False)


def _decide(db_path: Optional[str], attempt_id: int, *, accept: bool) -> None:
    with open_store(db_path) as store:
        attempt = store.attempt(attempt_id)
        if attempt is None:
            raise UserError(tr(f"Keine Antwort mit der Id {attempt_id} – quizbot attempts list zeigt die Einsprüche.",
                               f"No attempt with id {attempt_id} – quizbot attempts list shows the contests."))
        store.decide_attempt(attempt_id, accept)
        now = store.attempt(attempt_id)
    given = printable(attempt["given"] or "") or tr("(übersprungen)", "(skipped)")
    learner = printable(attempt["learner"])
    if accept:
        click.echo(tr(f"Anerkannt: „{given}“ von {learner} zählt jetzt als richtig.",
                      f"Accepted: '{given}' by {learner} now counts as right."))
    else:
        verdict = tr("richtig", "right") if now["accepted"] else tr("falsch", "wrong")
        click.echo(tr(f"Abgelehnt: „{given}“ von {learner} bleibt {verdict}.",
                      f"Rejected: '{given}' by {learner} stays {verdict}."))

