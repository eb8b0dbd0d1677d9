"""The command line: ``quizbot`` alone opens the quiz chat.

Each command lives in its own module in this package; this one holds the
group, the options every command shares and the error style.
"""

from __future__ import annotations

import sys

import click
from click_default_group import DefaultGroup

from quizbot import __version__
from quizbot.i18n import set_language, tr


class UserError(click.ClickException):
    """A user mistake: one clear line on stderr, no traceback, exit code 1."""

    def show(self, file=None) -> None:  # noqa: D102 - click's signature
        click.echo(f"quizbot: {self.format_message()}", err=True, file=file)


def db_option(func):
    """``--db FILE`` (or QUIZBOT_DB); without it the per-user sample database."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        envvar="QUIZBOT_DB",
        default=None,
        help="Quiz database file (default: QUIZBOT_DB, else a per-user database built from the bundled samples).",
    )(func)


@click.group(cls=DefaultGroup, default="play", default_if_no_args=True)
@click.version_option(__version__, prog_name="quizbot")
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    envvar="QUIZBOT_LANG",
    default="de",
    show_default=True,
    help="Language of everything quizbot says.",
)
def cli(lang: str) -> None:
    """quizbot: a fact-checking quiz chatbot for news articles.

    Without a command it opens the quiz chat over the default database.
    """
    set_language(lang)


def main() -> None:
    try:
        cli(prog_name="quizbot")
    except KeyboardInterrupt:
        click.echo(tr("Abgebrochen.", "Interrupted."), err=True)
        sys.exit(130)


# Commands register themselves on the group when imported; keep this list sorted.
from quizbot.cli import check  # noqa: E402,F401
from quizbot.cli import grade  # noqa: E402,F401
from quizbot.cli import ingest  # noqa: E402,F401
from quizbot.cli import play  # noqa: E402,F401
