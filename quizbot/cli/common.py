"""What several commands share: finding and opening the database, writing an output file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Optional

import click

from quizbot.cli import UserError
from quizbot.i18n import tr
from quizbot.store import Store, StoreError


_YES = frozenset({"j", "ja", "y", "yes"})


def confirm(question: str) -> bool:
    """Ask on stderr; "j", "ja", "y" and "yes" say yes, anything else (or Enter) says no."""
    try:
        answer = click.prompt(f"{question} [{tr('j/N', 'y/N')}]", default="", show_default=False, err=True)
    except click.Abort:  # the input ended (or Ctrl+C): that is no
        click.echo(err=True)
        return False
    return answer.strip().casefold() in _YES


def open_store(db_path: Optional[str], *, create: bool = False) -> Store:
    """The database to work on.

    ``--db FILE`` (or QUIZBOT_DB) names it: with ``create`` (ingest) it is made
    if missing, otherwise a missing file is a user error with a hint. Without
    ``--db`` it is the per-user database, built from the bundled samples on
    first use.
    """
    try:
        if db_path is None:
            from quizbot.build import ensure_default_db  # the pipeline loads only when needed

            return Store(ensure_default_db())
        path = Path(db_path).expanduser()
        if not path.exists() and not create:
            raise UserError(tr(
                f"Datenbank nicht gefunden: {path} – zuerst Artikel einlesen: quizbot ingest ARTIKEL… --db {path}",
                f"database not found: {path} – ingest articles first: quizbot ingest ARTICLE… --db {path}",
            ))
        if create and not path.parent.is_dir():  # a mistyped folder is not made silently
            raise UserError(tr(f"Ordner nicht gefunden: {path.parent} (für die Datenbank {path.name})",
                               f"folder not found: {path.parent} (for the database {path.name})"))
        return Store(path, create=create)
    except StoreError as error:
        raise UserError(tr(f"Datenbank nicht nutzbar: {error}", f"database not usable: {error}")) from error
    except OSError as error:
        raise UserError(tr(
            f"Datenbank nicht nutzbar: {error.filename}: {error.strerror}",
            f"database not usable: {error.filename}: {error.strerror}",
        )) from error


def write_atomically(output: Path, write: Callable[[IO], None], *, binary: bool = False) -> None:
    """Write to a temporary file next to ``output`` and move it in place: never half a file.

    A device or pipe (``/dev/stdout``) is written into as it is: replacing it would
    put a plain file in its place. A missing folder, or one that cannot be written
    to, is a UserError naming it.
    """
    output = output.expanduser()
    if output.exists() and not output.is_file():
        _write_into(output, write, binary)
        return
    if output.is_symlink():
        output = output.resolve()  # replace the file the link points to, not the link
    if not output.parent.is_dir():
        raise UserError(tr(f"Ordner nicht gefunden: {output.parent}", f"folder not found: {output.parent}"))
    try:
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".part")
    except OSError as error:
        raise UserError(tr(f"Kann nicht nach {output} schreiben: {error.strerror}",
                           f"cannot write to {output}: {error.strerror}")) from error
    try:
        if binary:
            with os.fdopen(handle, "wb") as stream:
                write(stream)
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                write(stream)
        os.chmod(temporary, _mode_for(output))
        os.replace(temporary, output)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(tr(f"Kann nicht nach {output} schreiben: {error.strerror}",
                           f"cannot write to {output}: {error.strerror}")) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(output: Path) -> int:
    """The mode a plain ``open()`` would give: the old file's, else 0666 less the umask.
    (mkstemp makes 0600, which a shared class folder could not read.)"""
    try:
        return output.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_into(output: Path, write: Callable[[IO], None], binary: bool) -> None:
    try:
        with open(output, "wb") if binary else open(output, "w", encoding="utf-8", newline="\n") as stream:
            write(stream)
    except OSError as error:
        raise UserError(tr(f"Kann nicht nach {output} schreiben: {error.strerror}",
                           f"cannot write to {output}: {error.strerror}")) from error
