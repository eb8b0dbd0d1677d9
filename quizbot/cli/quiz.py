"""``quizbot quiz create|list|show|delete``: named quiz sets for a class."""

from __future__ import annotations

import shlex
import sys
from typing import Optional

import click

from quizbot.cli import UserError, cli, db_option
from quizbot.cli.common import confirm, open_store
from quizbot.cli.play import kinds_option
from quizbot.i18n import tr
from quizbot.quizzes import QuizSet, QuizSetError, create_quiz, delete_quiz, load_quiz
from quizbot.session import format_date, printable, source_line


@cli.group(help=tr(
    "Quizze für eine Klasse: alle Lernenden bekommen dieselben Fragen.\n\n"
    "Anlegen mit `quizbot quiz create NAME`, durchsehen mit `quizbot quiz show NAME`, "
    "die Klasse spielen lassen mit `quizbot play --quiz NAME`, die Ergebnisse ansehen mit "
    "`quizbot report NAME`.",
    "Quiz sets for a class: every learner gets the same questions.\n\n"
    "Make one with `quizbot quiz create NAME`, review it with `quizbot quiz show NAME`, "
    "let the class play it with `quizbot play --quiz NAME`, see the results with "
    "`quizbot report NAME`."))
def quiz() -> None:
    pass


@quiz.command("create", help=tr(
    "Das Quiz NAME aus den besten Fragen einer Auswahl anlegen.\n\n"
    "Beispiel: quizbot quiz create \"7b Gipfel\" --article Wladiwostok --count 8 --kind open,choice",
    "Make the quiz set NAME from the best questions of a selection.\n\n"
    "Example: quizbot quiz create \"7b Gipfel\" --article Wladiwostok --count 8 --kind open,choice"))
@click.argument("name")
@db_option
@click.option("--article", "articles", multiple=True, metavar=tr("ARTIKEL", "REF"),
              help=tr("Fragen aus diesem Artikel: Id, Dateiname oder Teil des Titels (mehrfach möglich).",
                      "Questions from this article: id, file name or part of the title (repeatable)."))
@kinds_option
@click.option("--count", "-n", type=click.IntRange(min=1), default=10, show_default=True,
              metavar=tr("ZAHL", "INTEGER"), help=tr("Anzahl der Fragen.", "Number of questions."))
@click.option("--seed", type=int, default=None, metavar=tr("ZAHL", "INTEGER"),
              help=tr("Gleicher Seed, gleiche Fragen ausgewählt (ohne Angabe ausgelost und angezeigt).",
                      "Same seed, same questions picked (drawn and shown when not given)."))
@click.option("--fixed-order", is_flag=True,
              help=tr("Alle bekommen die Fragen in derselben Reihenfolge (Standard: für jede:n gemischt).",
                      "Everyone gets the questions in the same order (default: each learner's own order)."))
@click.option("--question", "question_ids", multiple=True, type=int, metavar="ID",
              help=tr("Genau diese Fragen, in dieser Reihenfolge (Ids aus `quizbot questions`; mehrfach "
                      "möglich). Ersetzt --article/--kind/--count.",
                      "Exactly these questions, in this order (ids from `quizbot questions`; repeatable). "
                      "Replaces --article/--kind/--count."))
def create(name: str, db_path: Optional[str], articles: tuple[str, ...], kinds: tuple[str, ...],
           count: int, seed: Optional[int], fixed_order: bool, question_ids: tuple[int, ...]) -> None:
    if question_ids and (articles or kinds):
        raise UserError(tr("--question wählt die Fragen selbst; --article/--kind passen nicht dazu.",
                           "--question picks the questions itself; --article/--kind do not go with it."))
    with open_store(db_path) as store:
        try:
            made = create_quiz(store, name, articles=articles, kinds=kinds, count=count, seed=seed,
                               fixed_order=fixed_order, question_ids=question_ids)
        except QuizSetError as error:
            raise UserError(str(error)) from error
    _print_created(made, wanted=None if question_ids else count, db_path=db_path)


def _print_created(made: QuizSet, *, wanted: Optional[int], db_path: Optional[str]) -> None:
    count, sources = len(made.questions), len(made.articles)
    order = (tr("alle in derselben Reihenfolge", "all in the same order") if made.fixed_order
             else tr("Reihenfolge für jede:n gemischt", "order shuffled for each learner"))
    click.echo(tr(
        f"Quiz „{made.name}“ angelegt: {count} {'Frage' if count == 1 else 'Fragen'} zu {sources} "
        f"{'Artikel' if sources == 1 else 'Artikeln'} (Seed {made.options['seed']}, {order}).",
        f"Quiz '{made.name}' created: {count} {'question' if count == 1 else 'questions'} on {sources} "
        f"{'article' if sources == 1 else 'articles'} (seed {made.options['seed']}, {order})."))
    if wanted is not None and count < wanted:
        click.echo(tr(f"Nur {count} von {wanted} gewünschten Fragen passen zur Auswahl.",
                      f"Only {count} of the {wanted} questions wanted match the selection."))
    db = f" --db {shlex.quote(db_path)}" if db_path else ""
    quoted = shlex.quote(made.name)
    for label, command in ((tr("Ansehen:", "Review:"), f"quizbot quiz show {quoted}{db}"),
                           (tr("Spielen:", "Play:"), f"quizbot play --quiz {quoted}{db}"),
                           (tr("Auswerten:", "Results:"), f"quizbot report {quoted}{db}")):
        click.echo(f"  {label:<11}{command}")


@quiz.command("list", help=tr(
    "Die Quizze auflisten: freigegebene Fragen, wie viele Lernende angefangen und wie viele fertig sind.",
    "List the quiz sets: enabled questions, learners who started and who finished."))
@db_option
def list_quizzes(db_path: Optional[str]) -> None:
    from rich.table import Table

    with open_store(db_path) as store:
        rows = store.quizzes()
        enabled = {row["id"]: len(load_quiz(store, row["name"]).enabled) for row in rows}
    if not rows:
        click.echo(tr("Noch kein Quiz angelegt – quizbot quiz create NAME",
                      "No quiz yet – quizbot quiz create NAME"))
        return
    table = Table(box=None, show_edge=False, pad_edge=False)
    table.add_column(tr("Quiz", "Quiz"))
    table.add_column(tr("Fragen", "Questions"), justify="right")
    table.add_column(tr("Lernende", "Learners"), justify="right")
    table.add_column(tr("fertig", "finished"), justify="right")
    table.add_column(tr("angelegt", "created"))
    for row in rows:
        table.add_row(_text(row["name"]), str(enabled[row["id"]]), str(row["learners"]),
                      str(row["finished"]), format_date(row["created_at"]))
    _console().print(table)


@quiz.command("show", help=tr("Das Quiz NAME zeigen: seine Fragen der Reihe nach, mit ihren Antworten.",
                               "Show the quiz set NAME: its questions in order, with their answers."))
@click.argument("name")
@db_option
def show(name: str, db_path: Optional[str]) -> None:
    from rich.table import Table

    with open_store(db_path) as store:
        made = _load(store, name)
    console = _console()
    enabled = len(made.enabled)
    console.print(_text(tr(
        f"Quiz „{made.name}“ · {enabled} {'Frage' if enabled == 1 else 'Fragen'} · Seed {made.options.get('seed')} · "
        + ("feste Reihenfolge" if made.fixed_order else "Reihenfolge für jede:n gemischt"),
        f"Quiz '{made.name}' · {enabled} {'question' if enabled == 1 else 'questions'} · seed {made.options.get('seed')} · "
        + ("fixed order" if made.fixed_order else "order shuffled for each learner")), style="bold"))
    for article in made.articles:
        console.print(_text("  • " + source_line(article).removeprefix("— ")))
    notes = [tr(f"angelegt {format_date(made.created_at)}", f"created {format_date(made.created_at)}")]
    if len(made.questions) > enabled:
        notes.append(tr(f"{len(made.questions) - enabled} gesperrt (kommen nicht dran)",
                        f"{len(made.questions) - enabled} disabled (not asked)"))
    if made.missing:
        notes.append(tr(f"{made.missing} beim Neu-Einlesen weggefallen", f"{made.missing} gone with a re-ingest"))
    console.print(_text("  " + " · ".join(notes)))
    from quizbot.cli.ingest import _answer_cell, _kind_label, _question_cell  # the questions table's cells

    table = Table(expand=True, show_edge=False, box=None, padding=(0, 1))
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column(tr("Art", "Kind"), no_wrap=True)
    table.add_column(tr("Frage", "Question"), ratio=3)
    table.add_column(tr("Antwort", "Answer"), ratio=2)
    for number, question in enumerate(made.questions, start=1):
        kind = _kind_label(question["kind"]) + (tr(" (gesperrt)", " (disabled)") if question["disabled"] else "")
        table.add_row(str(number), str(question["id"]), kind, _text(_question_cell(question)),
                      _text(_answer_cell(question)), style="dim" if question["disabled"] else None)
    console.print(table)


@quiz.command("delete", help=tr(
    "Das Quiz NAME löschen (die Antworten der Lernenden bleiben in ihrem eigenen Verlauf).",
    "Delete the quiz set NAME (the learners' answers stay in their own history)."))
@click.argument("name")
@db_option
@click.option("--yes", "-y", is_flag=True,
              help=tr("Nicht nachfragen, auch wenn schon Lernende es gespielt haben.",
                      "Do not ask, even when learners have played it."))
def delete(name: str, db_path: Optional[str], yes: bool) -> None:
    with open_store(db_path) as store:
        made = _load(store, name)
        played = sum(1 for s in store.quiz_sessions(made.id) if s["status"] != "abandoned")
        if played and not yes:
            if not confirm(tr(f"{played} {'Person hat' if played == 1 else 'Personen haben'} „{made.name}“ gespielt; "
                              f"der Bericht geht verloren. Löschen?",
                              f"{played} {'learner' if played == 1 else 'learners'} played '{made.name}'; "
                              f"its report will be lost. Delete?")):
                raise UserError(tr(f"Nicht gelöscht: „{made.name}“ bleibt.", f"Not deleted: '{made.name}' stays."))
        delete_quiz(store, made.name)
    click.echo(tr(f"Quiz „{made.name}“ gelöscht.", f"Quiz '{made.name}' deleted."))


def _load(store, name: str) -> QuizSet:
    try:
        return load_quiz(store, name)
    except QuizSetError as error:
        raise UserError(str(error)) from error


def _console():
    from rich.console import Console

    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def _text(text: str, style: str = ""):
    """Learner and article text as it is: never read as rich markup, no escape codes."""
    from rich.text import Text

    return Text(printable(text), style=style)
