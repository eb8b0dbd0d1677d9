"""``quizbot play`` (also plain ``quizbot``): the quiz chat, full screen or line by line."""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from quizbot.cli import UserError, cli, db_option
from quizbot.i18n import tr
from quizbot.session import (
    KINDS, QuizOptions, QuizSession, SessionError, clean_name, locked_text, name_problem,
)
from quizbot.store import StoreBusyError, StoreError


def kinds_option(func):
    """``--kind KIND`` (repeatable or a comma list: "open,choice"), read as a tuple of kinds;
    quiz sets (``quizbot quiz create``) take the same."""
    return click.option(
        "--kind", "kinds", multiple=True, metavar=tr("ART", "KIND"), callback=_split_kinds,
        help=tr(f"Nur diese Fragearten: {', '.join(KINDS)} (mehrfach möglich oder mit Kommas getrennt).",
                f"Only these question kinds: {', '.join(KINDS)} (repeatable or comma list)."),
    )(func)


def _split_kinds(ctx: click.Context, param: click.Parameter, specs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(kind.strip() for spec in specs for kind in spec.split(",") if kind.strip())


@cli.command("play", help=tr("Den Quiz-Chat spielen (der Standardbefehl).",
                              "Play the quiz chat (the default command)."))
@db_option
@click.option("--article", "articles", multiple=True, metavar=tr("ARTIKEL", "REF"),
              help=tr("Nur dieser Artikel: Id, Dateiname oder Teil des Titels (mehrfach möglich).",
                      "Only this article: id, file name or part of the title (repeatable)."))
@kinds_option
@click.option("--count", type=click.IntRange(min=1), default=10, show_default=True, metavar=tr("ZAHL", "INTEGER"),
              help=tr("Anzahl der Fragen.", "Number of questions."))
@click.option("--seed", type=int, default=None, metavar=tr("ZAHL", "INTEGER"),
              help=tr("Gleicher Seed, gleiche Fragen in derselben Reihenfolge.",
                      "Same seed, same questions in the same order."))
@click.option("--learner", default=None, metavar="NAME",
              help=tr("Dein Name (sonst wird er zu Beginn erfragt).", "Your name (asked at the start when missing)."))
@click.option("--quiz", "quiz_name", metavar="NAME", default=None,
              help=tr("Das Quiz NAME spielen, das die Lehrkraft angelegt hat (quizbot quiz list); es legt die "
                      "Fragen fest, --article/--kind/--count/--seed passen also nicht dazu.",
                      "Play the quiz set NAME that the teacher made (quizbot quiz list); "
                      "it fixes the questions, so --article/--kind/--count/--seed do not go with it."))
@click.option("--review", is_flag=True,
              help=tr("Fällige Fragen wiederholen, die du früher verpasst hast (in wachsenden Abständen).",
                      "Bring back questions you missed before that are due (spaced repetition)."))
@click.option("--plain", is_flag=True,
              help=tr("Zeilenmodus auf stdin/stdout (von selbst, wenn kein Terminal da ist).",
                      "Line mode on stdin/stdout (automatic when not on a terminal)."))
@click.option("--light", is_flag=True,
              help=tr("Helle Farben (Strg+T wechselt im Chat).", "Light colours (Ctrl+T switches in the chat)."))
def play(db_path: Optional[str], articles: tuple[str, ...], kinds: tuple[str, ...], count: int,
         seed: Optional[int], learner: Optional[str], quiz_name: Optional[str], review: bool,
         plain: bool, light: bool) -> None:
    if quiz_name is not None:
        _check_quiz_alone(click.get_current_context())
    if learner is not None:
        learner = _checked_learner(learner)
    try:
        options = QuizOptions(
            count=count, seed=seed, review=review, articles=tuple(articles),
            kinds=kinds,
            quiz_name=clean_name(quiz_name) if quiz_name is not None else None,
        )
    except SessionError as error:
        raise UserError(str(error)) from error
    if plain or not _full_screen_possible():
        _play_plain(db_path, options, learner)
    else:
        _play_full_screen(db_path, options, learner, light)


def _check_quiz_alone(ctx: click.Context) -> None:
    """A quiz set decides the questions: a selection given with it is a mistake, not ignored."""
    selection = {"articles": "--article", "kinds": "--kind", "count": "--count", "seed": "--seed",
                 "review": "--review"}
    given = [option for parameter, option in selection.items()
             if ctx.get_parameter_source(parameter) is click.core.ParameterSource.COMMANDLINE]
    if given:
        raise UserError(tr(f"--quiz legt die Fragen fest; {', '.join(given)} passt nicht dazu.",
                           f"--quiz decides the questions; {', '.join(given)} does not go with it."))


def _checked_learner(learner: str) -> str:
    name = clean_name(learner)
    problem = name_problem(name)
    if problem:
        raise UserError(f"--learner: {problem}")
    return name


def _full_screen_possible() -> bool:
    if served_in_browser():
        return True
    return sys.stdin.isatty() and sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def served_in_browser() -> bool:
    """Run by textual-serve (``quizbot serve``): pipes, not a terminal, but Textual's web
    driver draws the full-screen chat in the browser."""
    return os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")


def open_session(db_path: Optional[str], options: QuizOptions, learner: Optional[str]) -> QuizSession:
    """Open the store (slow on first start: the samples are built) and a session on it."""
    from quizbot.cli.common import open_store

    try:
        store = open_store(db_path)
    except UserError as error:  # the chat screen shows it; line mode turns it back
        if isinstance(error.__cause__, StoreBusyError):
            raise error.__cause__  # the chat explains a lock in its own words
        raise SessionError(error.format_message()) from error
    return QuizSession(store, options, learner)


def _play_plain(db_path: Optional[str], options: QuizOptions, learner: Optional[str]) -> None:
    from quizbot.plain import run_plain

    try:
        session = open_session(db_path, options, learner)
        code = run_plain(session)
    except StoreBusyError as error:
        raise UserError(locked_text()) from error
    except (StoreError, SessionError) as error:
        raise UserError(str(error)) from error
    if code:
        sys.exit(code)


def _play_full_screen(db_path: Optional[str], options: QuizOptions, learner: Optional[str],
                      light: bool) -> None:
    from quizbot.tui.app import QuizApp

    app = QuizApp(lambda: open_session(db_path, options, learner), light=light,
                  first_start=_first_start(db_path))
    parting_words = app.run()
    if app.failure:  # shown in the chat; repeated here so it stays on the terminal
        raise UserError(app.failure)
    if served_in_browser():
        return  # stdout carries the web driver's packets: no text after the app
    for line in parting_words or []:
        click.echo(line)


def _first_start(db_path: Optional[str]) -> bool:
    """True when the per-user sample database is still to be built (that takes a while)."""
    if db_path is not None:
        return False
    from quizbot.build import default_db_path

    return not default_db_path().exists()
