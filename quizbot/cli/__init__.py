"""The command line: ``quizbot`` alone opens the quiz chat.

Each command lives in its own module in this package; this one holds the
group, the options every command shares and the error style.
"""

from __future__ import annotations

import re
import sys

import click
from click_default_group import DefaultGroup

from quizbot import __version__
from quizbot.i18n import set_language, tr


class UserError(click.ClickException):
    """A user mistake: one clear line on stderr, no traceback, exit code 1."""

    def show(self, file=None) -> None:  # noqa: D102 - click's signature
        click.echo(f"quizbot: {self.format_message()}", err=True, file=file)


class _UsageError(UserError):
    """click's usage error in quizbot's style: one line, in the user's language, with where help is."""

    exit_code = 2

    def __init__(self, error: click.UsageError) -> None:
        command = error.ctx.command_path if error.ctx else "quizbot"
        super().__init__(f"{_in_language(error.format_message())} ({tr('Hilfe', 'help')}: {command} --help)")


class _Interrupted(UserError):
    exit_code = 130

    def __init__(self) -> None:
        super().__init__(tr("Abgebrochen.", "Interrupted."))


def _in_language(message: str) -> str:
    """click's English message, in German when German is spoken (data/usage_errors_de.tsv)."""
    if tr("de", "en") == "en":
        return message
    from quizbot.resources import lexicon_rows

    for pattern, german in lexicon_rows("usage_errors_de.tsv"):
        message = re.sub(pattern, german, message)
    return message


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

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        language, rest = _split_language_option(args)
        if language and not rest:
            rest = [self.default_cmd_name]  # "quizbot --lang en" alone opens the chat, as "quizbot" does
        return super().parse_args(ctx, language + rest)

    def make_context(self, *args, **kwargs) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as error:
            raise _UsageError(error) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.UsageError as error:  # a command's own options, read once it is chosen
            raise _UsageError(error) from None
        except (click.Abort, KeyboardInterrupt, EOFError):  # Ctrl+C or Ctrl+D at a prompt
            raise _Interrupted() from None

    def get_command(self, ctx: click.Context, cmd_name: str):
        if cmd_name not in self.commands and not cmd_name.startswith("-"):  # "-x": play's option
            _load_all_commands()
            if cmd_name not in self.commands:  # the chat takes no arguments: a mistyped command
                raise click.UsageError(f"No such command '{cmd_name}'.", ctx)
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


def _split_language_option(args: list[str]) -> tuple[list[str], list[str]]:
    """(the ``--lang`` arguments, the others). ``--lang`` belongs to the group, but people type it
    anywhere ("quizbot play --lang en"): it goes to the front, where click reads group options.
    Nothing after "--" is touched."""
    front, rest, index = [], [], 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg == "--lang" and index + 1 < len(args):
            front += args[index:index + 2]
            index += 2
            continue
        (front if arg.startswith("--lang=") else rest).append(arg)
        index += 1
    return front, rest


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
