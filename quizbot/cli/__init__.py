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


class QuizbotGroup(DefaultGroup):
    """The command group; it loads the other command modules only when one is asked for,
    so that ``quizbot`` alone (the chat, the default) starts without loading them all."""

    def get_command(self, ctx: click.Context, cmd_name: str):
        if cmd_name not in self.commands and not cmd_name.startswith("-"):  # "-x": play's option
            _load_all_commands()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _load_all_commands()
        return super().list_commands(ctx)


@click.group(cls=QuizbotGroup, default="play", default_if_no_args=True)
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


def _load_all_commands() -> None:
    """Commands register themselves on the group when imported; keep this list sorted.

    (An import at the end of this file works too, but is paid on every start of the chat.)"""
    from quizbot.cli import check  # noqa: F401
    from quizbot.cli import grade  # noqa: F401
    from quizbot.cli import ingest  # noqa: F401
    from quizbot.cli import questions  # noqa: F401 - after ingest: adds to its `questions` group
    from quizbot.cli import quiz  # noqa: F401
    from quizbot.cli import report  # noqa: F401
    from quizbot.cli import review  # noqa: F401
    from quizbot.cli import serve  # noqa: F401


# The chat is the default command: always loaded.
from quizbot.cli import play  # noqa: E402,F401
