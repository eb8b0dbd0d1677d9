"""The command line: ``quizbot`` alone opens the quiz chat.

Each command lives in its own module in this package; this one holds the
group, the options every command shares and the error style.
"""

from __future__ import annotations

import re
import sys
from typing import Optional

import click
from click_default_group import DefaultGroup

from quizbot import __version__
from quizbot.i18n import LANGUAGES, environment_language, language, set_language, tr


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
    return _in_german(message, "usage_errors_de.tsv")


def _in_german(text: str, table: str) -> str:
    """click's English ``text`` with every row of ``data/<table>`` (a pattern, its German)
    applied when German is spoken; as it is in English."""
    if language() == "en":
        return text
    from quizbot.resources import lexicon_rows

    for pattern, german in lexicon_rows(table):
        text = re.sub(pattern, german, text)
    return text


def db_option(func):
    """``--db FILE`` (or QUIZBOT_DB); without it the per-user sample database."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        envvar="QUIZBOT_DB",
        default=None,
        metavar=tr("DATEI", "FILE"),
        help=tr("Datenbankdatei (Standard: QUIZBOT_DB, sonst eine eigene Datenbank mit den Beispielartikeln).",
                "Quiz database file (default: QUIZBOT_DB, else a per-user database built from the bundled samples)."),
    )(func)


# --------------------------------------------------------------------------
# Help pages in the user's language
# --------------------------------------------------------------------------
#
# quizbot's own help texts are tr(…) on each command's decorator: the command
# modules are imported only once the language is known (QuizbotGroup.parse_args).
# click's words around them (Usage:, Options, [default: …]) are translated as
# the page is written, by the formatter below.


class _HelpFormatter(click.HelpFormatter):
    """click's help formatter with click's own words in German when German is spoken
    (data/click_help_de.tsv)."""

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        if prefix is None:
            prefix = _click_words("Usage:") + " "
        super().write_usage(prog, _click_words(args), prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_click_words(heading))

    def write_dl(self, rows, *args, **kwargs) -> None:
        super().write_dl([(term, _click_words(text)) for term, text in rows], *args, **kwargs)


def _click_words(text: str) -> str:
    return _in_german(text, "click_help_de.tsv")


class _Context(click.Context):
    formatter_class = _HelpFormatter


class _Command(click.Command):
    context_class = _Context


class _Group(click.Group):
    """A group inside quizbot's (questions, quiz, attempts): its help pages, and its commands',
    in the user's language."""

    context_class = _Context
    command_class = _Command
    group_class = type  # a group under it is one of these too


class QuizbotGroup(DefaultGroup):
    """The command group; it loads the other command modules only when one is asked for,
    so that ``quizbot`` alone (the chat, the default) starts without loading them all."""

    context_class = _Context
    command_class = _Command
    group_class = _Group

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        language_args, rest = _split_language_option(args)
        # Before any command module is imported: their help texts are written in this language.
        set_language(_chosen_language(language_args))
        self._help_in_language()
        if language_args and not rest:
            rest = [self.default_cmd_name]  # "quizbot --lang en" alone opens the chat, as "quizbot" does
        return super().parse_args(ctx, language_args + rest)

    def _help_in_language(self) -> None:
        """The group is made when this module is imported, before ``--lang`` is read: its own
        help is set again here, once the language is known."""
        self.help = _group_help()
        for param in self.params:
            if param.name == "lang":
                param.help = _language_help()

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
        if cmd_name not in self.commands:
            if cmd_name == self.default_cmd_name or cmd_name.startswith("-"):  # "-x": play's option
                _load_the_chat()
            else:
                _load_all_commands()
                if cmd_name not in self.commands:  # the chat takes no arguments: a mistyped command
                    raise click.UsageError(f"No such command '{cmd_name}'.", ctx)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        _load_all_commands()
        return super().list_commands(ctx)


def _group_help() -> str:
    return tr("quizbot: ein Quiz-Chatbot mit Faktencheck zu Nachrichtenartikeln.\n\n"
              "Ohne Befehl öffnet er den Quiz-Chat mit der Standard-Datenbank.",
              "quizbot: a fact-checking quiz chatbot for news articles.\n\n"
              "Without a command it opens the quiz chat over the default database.")


def _language_help() -> str:
    return tr("Sprache von allem, was quizbot sagt.", "Language of everything quizbot says.")


@click.group(cls=QuizbotGroup, default="play", default_if_no_args=True, help=_group_help())
@click.version_option(__version__, prog_name="quizbot")
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    envvar="QUIZBOT_LANG",
    default="de",
    show_default=True,
    help=_language_help(),
)
def cli(lang: str) -> None:
    set_language(lang)  # parse_args set it already; this is click's checked value


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


def _chosen_language(language_args: list[str]) -> str:
    """The language the ``--lang`` arguments choose (the last counts, as in click), else
    QUIZBOT_LANG's, else German. A value that is no language is left to click to refuse."""
    values = [arg.removeprefix("--lang=") for arg in language_args if arg != "--lang"]
    return values[-1] if values and values[-1] in LANGUAGES else environment_language()


def main() -> None:
    try:
        cli(prog_name="quizbot")
    except KeyboardInterrupt:
        click.echo(tr("Abgebrochen.", "Interrupted."), err=True)
        sys.exit(130)


def _load_the_chat() -> None:
    """The default command alone: ``quizbot`` starts the chat without loading the others.
    Imported here, not at the top, so that its help is written in the language chosen."""
    from quizbot.cli import play  # noqa: F401


def _load_all_commands() -> None:
    """Commands register themselves on the group when imported; keep this list sorted.

    (An import at the end of this file works too, but is paid on every start of the chat,
    and comes before ``--lang`` is read: the help would be in the wrong language.)"""
    from quizbot.cli import check  # noqa: F401
    from quizbot.cli import grade  # noqa: F401
    from quizbot.cli import ingest  # noqa: F401
    from quizbot.cli import play  # noqa: F401
    from quizbot.cli import questions  # noqa: F401 - after ingest: adds to its `questions` group
    from quizbot.cli import quiz  # noqa: F401
    from quizbot.cli import report  # noqa: F401
    from quizbot.cli import review  # noqa: F401
    from quizbot.cli import serve  # noqa: F401
