"""``quizbot ingest``, ``quizbot questions`` and ``quizbot export``."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Optional

import click

from quizbot.cli import UserError, cli, db_option
from quizbot.cli.common import open_store, write_atomically
from quizbot.exports import FORMATS, exporter
from quizbot.i18n import local_date, tr
from quizbot.session import KINDS, printable
from quizbot.store import StoreError

PROGRESS_MIN_FILES = 20  # fewer files are done before a bar would be worth drawing


def _count(number: int, de: tuple[str, str], en: tuple[str, str]) -> str:
    """ "1 Frage", "2 Fragen": the number with the word in singular or plural."""
    index = 0 if number == 1 else 1
    return f"{number} {tr(de[index], en[index])}"


def _kind_label(kind: str) -> str:
    labels = {
        "open": tr("offen", "open"),
        "cloze": tr("Lücke", "cloze"),
        "choice": tr("Auswahl", "choice"),
        "truefalse": tr("ja/nein", "yes/no"),  # as the chat asks it: "Ja/Nein-Frage"
    }
    return labels.get(kind, kind)


# --------------------------------------------------------------------------
# ingest
# --------------------------------------------------------------------------


@cli.command(help=tr(
    "Artikel (.txt, .html; Dateien oder Ordner) in die Quiz-Datenbank einlesen.\n\n"
    "Unveränderte Artikel werden übersprungen; ein geänderter Artikel ersetzt seine Fragen. "
    "Dateien über 16 MB sind keine Artikel und werden ungelesen übersprungen.",
    "Read articles (.txt, .html; files or folders) into the quiz database.\n\n"
    "Unchanged articles are skipped; a changed article replaces its questions. "
    "Files larger than 16 MB are not articles and are skipped unread."))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path),
                metavar=tr("ARTIKEL…", "ARTICLE…"))
@db_option
@click.option("--quiet", "-q", is_flag=True,
              help=tr("Nur Probleme, keine Zusammenfassung.", "Only problems, no summary."))
def ingest(paths: tuple[Path, ...], db_path: Optional[str], quiet: bool) -> None:
    from quizbot.build import build

    missing = [path for path in paths if not path.expanduser().exists()]
    if len(missing) == len(paths):  # nothing to read: no database is made for nothing
        raise UserError(tr(f"nicht gefunden: {', '.join(map(str, missing))}",
                           f"not found: {', '.join(map(str, missing))}"))
    with open_store(db_path, create=True) as store:
        try:
            with _ProgressBar() as progress:
                report = build(paths, store, progress=progress)
        except StoreError as error:  # the articles saved so far stay saved
            raise UserError(tr(f"Datenbank-Fehler: {error}", f"database error: {error}")) from error
        totals = store.counts()
    for path, reason in report.skipped:
        click.echo(tr(f"übersprungen: {path}: {reason}", f"skipped: {path}: {reason}"), err=True)
    if not quiet:
        _print_summary(report, totals)
    if report.files == 0 and not report.skipped:
        raise UserError(tr("keine Artikel-Dateien (.txt, .html, .htm) gefunden", "no article files (.txt, .html, .htm) found"))
    if report.articles == 0:
        raise UserError(tr("keine Artikel eingelesen", "no articles ingested"))


class _ProgressBar:
    """A progress bar on stderr for long runs in a terminal; nothing otherwise."""

    def __enter__(self):
        self.bar = None
        return self.update if sys.stderr.isatty() else None

    def update(self, done: int, total: int, path: Path) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=tr("Artikel", "Articles"), file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _print_summary(report, totals: dict[str, int]) -> None:
    click.echo(tr(
        f"{report.articles} Artikel: {report.new} neu, {report.updated} geändert, {report.unchanged} unverändert.",
        f"{report.articles} articles: {report.new} new, {report.updated} changed, {report.unchanged} unchanged.",
    ))
    if report.new or report.updated:
        click.echo(tr(
            f"Daraus: {report.sentences} Sätze, {report.facts} Fakten, {report.questions} Fragen.",
            f"From them: {report.sentences} sentences, {report.facts} facts, {report.questions} questions.",
        ))
    if report.comparisons:
        click.echo(tr(
            f"Dazu {report.comparisons} Quellenvergleich-Fragen, wo die Artikel voneinander abweichen.",
            f"Plus {report.comparisons} source-comparison questions where the articles differ.",
        ))
    for path in report.without_questions:
        click.echo(tr(
            f"Keine Fragen aus {Path(path).name} (keine abfragbaren Fakten gefunden).",
            f"No questions from {Path(path).name} (no facts to ask about).",
        ))
    if report.skipped:
        click.echo(tr(
            f"{len(report.skipped)} übersprungen (Gründe oben).",
            f"{len(report.skipped)} skipped (reasons above).",
        ))
    if report.ignored:
        files = _count(report.ignored, ("Datei", "Dateien"), ("file", "files"))
        click.echo(tr(
            f"Nicht beachtet: {files} in Ordnern, die keine Artikel sind (nur .txt, .html, .htm).",
            f"Left alone: {files} in folders that are not articles (only .txt, .html, .htm).",
        ))
    click.echo(tr(
        f"In der Datenbank: {totals['articles']} Artikel, {totals['sentences']} Sätze, "
        f"{totals['facts']} Fakten, {totals['questions']} Fragen.",
        f"In the database: {totals['articles']} articles, {totals['sentences']} sentences, "
        f"{totals['facts']} facts, {totals['questions']} questions.",
    ))


# --------------------------------------------------------------------------
# questions
# --------------------------------------------------------------------------


def _article_option(func):
    return click.option(
        "--article", "-a", metavar=tr("ARTIKEL", "REF"),
        help=tr("Nur dieser Artikel: seine Id, sein Dateiname oder ein Teil seines Titels.",
                "Only this article: its id, file name or part of its title."),
    )(func)


def _kind_option(func):
    return click.option("--kind", "-k", type=click.Choice(KINDS), multiple=True,
                        help=tr("Nur diese Fragearten.", "Only these kinds."))(func)


def _load_questions(db_path: Optional[str], article: Optional[str], kinds: tuple[str, ...], *,
                    include_disabled: bool = False) -> list[dict]:
    with open_store(db_path) as store:
        if article is not None and not store.find_articles(article):
            raise UserError(tr(
                f"kein Artikel passt zu »{article}« (Id, Dateiname oder Teil des Titels)",
                f"no article matches '{article}' (id, file name or part of the title)",
            ))
        return store.questions(article=article, kind=list(kinds) or None, include_disabled=include_disabled)


@cli.group(invoke_without_command=True, help=tr(
    "Die erzeugten Fragen auflisten, in jedem Artikel die besten zuerst.\n\n"
    "Zum Durchsehen vor dem Unterricht: `quizbot questions edit ID`, `disable ID`, `enable ID` "
    "(siehe `quizbot questions edit --help`).",
    "List the generated questions, best first within each article.\n\n"
    "The teacher's review: `quizbot questions edit ID`, `disable ID`, `enable ID` "
    "(see `quizbot questions edit --help`)."))
@db_option
@_article_option
@_kind_option
@click.option("--limit", "-n", type=click.IntRange(min=1), metavar=tr("ZAHL", "INTEGER"),
              help=tr("Höchstens so viele Fragen.", "At most this many questions."))
@click.option("--json", "as_json", is_flag=True,
              help=tr("JSON (eine Liste) statt einer Tabelle.", "JSON (one array) instead of a table."))
@click.option("--all", "include_disabled", is_flag=True,
              help=tr("Auch die gesperrten Fragen (markiert).", "Also the disabled questions (marked)."))
@click.pass_context
def questions(ctx: click.Context, db_path: Optional[str], article: Optional[str], kind: tuple[str, ...],
              limit: Optional[int], as_json: bool, include_disabled: bool) -> None:
    if ctx.invoked_subcommand is not None:
        return
    found = _load_questions(db_path, article, kind, include_disabled=include_disabled)[:limit]
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(tr("Keine Fragen gefunden.", "No questions found."))
        return
    _print_table(found)


def _print_table(found: list[dict]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=sys.stdout, highlight=False, soft_wrap=False)
    articles = {}
    for question in found:
        articles.setdefault(question["article_id"], []).append(question)
    for rows in articles.values():
        # printable: article text may carry terminal escape codes, which must not reach the terminal
        console.print(Text(printable(_article_heading(rows[0]["article"], len(rows))), style="bold"))
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
        table.add_column("ID", justify="right", no_wrap=True)
        table.add_column(tr("Art", "Kind"), no_wrap=True)
        table.add_column(tr("Frage", "Question"), ratio=3)
        table.add_column(tr("Antwort", "Answer"), ratio=2)
        table.add_column("Score", justify="right", no_wrap=True)
        for q in rows:
            kind = _kind_label(q["kind"]) + (tr(" (gesperrt)", " (disabled)") if q["disabled"] else "")
            table.add_row(
                str(q["id"]), kind, Text(printable(_question_cell(q))), Text(printable(_answer_cell(q))),
                f"{q['score']:.2f}" if q["score"] is not None else "", style="dim" if q["disabled"] else None,
            )
        console.print(table)


def _article_heading(article: dict, count: int) -> str:
    details = " · ".join(str(v) for v in (article["file"], article["source"], local_date(article["date"])) if v)
    return f"{article['title']} ({details}) – " + _count(count, ("Frage", "Fragen"), ("question", "questions"))


def _question_cell(question: dict) -> str:
    if question["kind"] != "choice" or not question.get("choices"):
        return question["question"]
    letters = "abcdefgh"
    options = "\n".join(f"  {letters[i]}) {choice}" for i, choice in enumerate(question["choices"]))
    return f"{question['question']}\n{options}"


def _answer_cell(question: dict) -> str:
    if question["kind"] != "truefalse":
        return question["answer"]
    if question.get("correct"):
        return tr("ja (stimmt)", "yes (true)")
    correction = question.get("correction")
    verdict = tr("nein (stimmt nicht)", "no (false)")
    return f"{verdict} – {correction}" if correction else verdict


# --------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------


@cli.command(help=tr("Die Fragen exportieren (JSON Lines: eine Frage je Zeile). Gesperrte Fragen bleiben draußen.",
                     "Export the questions (JSON Lines: one question per line). Disabled questions are left out."))
@click.option("--format", "-f", "format_name", type=click.Choice(sorted(FORMATS)), default="jsonl",
              show_default=True, help=tr("Exportformat.", "Export format."))
@db_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              metavar=tr("DATEI", "FILE"),
              help=tr("Ausgabedatei (Standard: die Standardausgabe).", "Output file (default: standard output)."))
@_article_option
@_kind_option
@click.option("--quiz", "quiz_name", metavar="NAME",
              help=tr("Die Fragen dieses Quiz, in seiner Reihenfolge (quizbot quiz list).",
                      "The questions of this quiz set, in its order (quizbot quiz list)."))
def export(format_name: str, db_path: Optional[str], output: Optional[Path],
           article: Optional[str], kind: tuple[str, ...], quiz_name: Optional[str]) -> None:
    module = exporter(format_name)
    if quiz_name is not None:
        if article is not None or kind:
            raise UserError(tr("--quiz legt die Fragen fest; --article/--kind passen nicht dazu.",
                               "--quiz decides the questions; --article/--kind do not go with it."))
        name, found = _quiz_questions(db_path, quiz_name)
    else:
        name, found = None, _load_questions(db_path, article, kind)
    write = module.write
    if name is not None and getattr(module, "TITLED", False):  # a worksheet is headed by its quiz
        write = functools.partial(module.write, title=tr(f"Quiz „{name}“", f"Quiz '{name}'"))
    if output is None or str(output) == "-":
        stream = sys.stdout.buffer if module.BINARY else sys.stdout
        try:
            write(found, stream)
            stream.flush()
        except BrokenPipeError:  # "| head": the reader has what it wanted; nothing more to flush at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError as error:  # "> /dev/full", a disk that fills up
            raise UserError(tr(f"Ausgabe nicht schreibbar: {error.strerror}",
                               f"cannot write the output: {error.strerror}")) from None
    else:
        write_atomically(output, lambda stream: write(found, stream), binary=module.BINARY)
        questions = _count(len(found), ("Frage", "Fragen"), ("question", "questions"))
        click.echo(tr(f"{questions} nach {output} exportiert.", f"{questions} exported to {output}."), err=True)


def _quiz_questions(db_path: Optional[str], quiz_name: str) -> tuple[str, list[dict]]:
    """The quiz set's name as stored and its enabled questions, in its order."""
    from quizbot.quizzes import QuizSetError, load_quiz

    with open_store(db_path) as store:
        try:
            quiz = load_quiz(store, quiz_name)
        except QuizSetError as error:
            raise UserError(str(error)) from error
        return quiz.name, quiz.enabled
