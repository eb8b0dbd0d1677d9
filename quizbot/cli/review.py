"""``quizbot review``: the teacher checks and corrects the generated questions, full screen.

The same edits as the ``quizbot questions`` subcommands, with the keyboard in a table:
edit a question's text or answer, add an accepted spelling, disable or enable it.
"""

from __future__ import annotations

import os
import sys
from typing import Optional

import click

from quizbot.cli import UserError, cli, db_option
from quizbot.i18n import tr
from quizbot.session import KINDS


@cli.command("review", help=tr(
    "Die Fragen in einer Tabelle durchsehen: Text und Antwort ändern, Schreibweisen ergänzen, sperren "
    "(nur mit der Tastatur).",
    "Review the questions in a table: edit text and answer, add spellings, disable (keyboard only)."))
@db_option
@click.option("--article", default=None, metavar=tr("ARTIKEL", "REF"),
              help=tr("Nur dieser Artikel: Id, Dateiname oder Teil des Titels.",
                      "Only this article: id, file name or part of the title."))
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help=tr("Nur diese Fragearten (mehrfach möglich).", "Only these question kinds (repeatable)."))
@click.option("--light", is_flag=True, help=tr("Helle Farben (Strg+T wechselt).", "Light colours (Ctrl+T switches)."))
def review(db_path: Optional[str], article: Optional[str], kinds: tuple[str, ...], light: bool) -> None:
    from quizbot.cli.common import open_store
    from quizbot.tui.review import ReviewApp

    store = open_store(db_path)  # a missing or broken database is a one-line error before the screen
    if not (sys.stdin.isatty() and sys.stdout.isatty()) or os.environ.get("TERM") == "dumb":
        raise UserError(tr("quizbot review braucht ein Terminal; ohne eins: quizbot questions",
                           "quizbot review needs a terminal; without one: quizbot questions"))
    app = ReviewApp(lambda: store, article=article, kinds=kinds, light=light)
    app.run()
    if app.failure:
        raise UserError(app.failure)
